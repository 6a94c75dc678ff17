"""`sns-desk after-approval` (事後承認, §5(9)) and `sns-desk publish --url` on a 承認待ち emergency post, as the OS
user (a 担当者 who is also made the account's 管理者 here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_desk.domain.vocabulary import PostStatus, Role
from sns_desk.services import post_queries, users
from sns_desk.store.database import open_database
from sns_desk.store.orm import Post
from tests import world
from tests.test_cli_emergency import cli_setup  # noqa: F401  (the fixture)
from tests.test_cli_posts import run
from tests.test_posts import draft, submit

REASON = "震度6弱の地震。避難所の開設を直ちに知らせるため"


def test_allow_publish_first_list_and_approve_after_the_fact(
    capsys: pytest.CaptureFixture[str],
    cli_setup: tuple[Path, int, world.People],  # noqa: F811
) -> None:
    path, account, people = cli_setup
    db = open_database(path)
    first = draft(
        db, people.tanto, account, "避難所を開設しました。", emergency=True, emergency_reason=REASON
    )
    submit(db, people.tanto, first)
    second = draft(
        db, people.tanto, account, "給水所を開設しました。", emergency=True, emergency_reason=REASON
    )
    submit(db, people.tanto, second)
    third = draft(db, people.tanto, account, "停電の情報です。", emergency=True, emergency_reason=REASON)
    submit(db, people.tanto, third)
    db.dispose()
    base = ("--db", str(path))
    code, _out, err = run(capsys, *base, "publish", str(first), "--url", "https://x.com/k/status/1")
    assert code != 0 and "事後承認が認められていません" in err
    code, _out, err = run(capsys, *base, "after-approval", "allow", str(account), "on")
    assert code != 0 and "権限" in err  # a 担当者 does not change the account's settings
    db = open_database(path)
    users.assign_account_role(db, people.kacho, account, people.admin.user_id, Role.MANAGER)
    db.dispose()
    code, out, err = run(capsys, *base, "after-approval", "allow", str(account), "on")
    assert code == 0 and "事後承認を認めました" in out, err
    for post_id in (first, second, third):
        code, out, err = run(
            capsys, *base, "publish", str(post_id), "--url", f"https://x.com/k/status/{post_id}"
        )
        assert code == 0 and "投稿結果を記録しました" in out, err
    code, _out, err = run(capsys, *base, "after-approval", "approve", str(first))
    assert code != 0 and "4つの目" in err  # who sent it out does not approve it afterwards
    db = open_database(path)  # the other two were sent out by the 担当者 (tanto) instead
    with db.write_session() as session:
        for post_id in (first, second):
            row = session.get(Post, post_id)
            assert row is not None
            row.published_by_id = people.tanto.user_id
    db.dispose()
    code, out, _err = run(capsys, *base, "after-approval", "list")
    assert [line.split("\t")[:2] for line in out.splitlines()] == [
        [str(first), "事後承認待ち"],
        [str(second), "事後承認待ち"],
    ]  # not the third: this person sent it out
    code, out, err = run(capsys, *base, "after-approval", "approve", str(first), "--comment", "確認しました")
    assert code == 0 and "事後承認しました" in out, err
    with pytest.raises(SystemExit):  # a deletion says why (§8(3))
        run(capsys, *base, "after-approval", "delete", str(second))
    code, out, err = run(capsys, *base, "after-approval", "delete", str(second), "--reason", "情報が古いため")
    assert code == 0 and "削除を記録しました" in out, err
    db = open_database(path)
    assert post_queries.get_post(db, people.kacho, first).row.status is PostStatus.PUBLISHED
    assert post_queries.get_post(db, people.kacho, second).row.status is PostStatus.DELETED
    db.dispose()
    code, out, _err = run(capsys, *base, "draft", "show", str(first))
    assert "事後承認:" in out
    code, out, err = run(capsys, *base, "verify")
    assert code == 0, out + err
