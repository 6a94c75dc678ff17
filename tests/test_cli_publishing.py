"""``sns-desk publish ID``, ``publish-due``, ``published check|unknown|resolve`` and ``connection`` (issue 14), against
the local X server (tests/platforms.py; every request validated with the OpenAPI document)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.host import identity
from sns_desk.services import post_queries, publish_recovery, publishing, users
from sns_desk.store.database import open_database
from tests import world
from tests.platforms import FakePlatforms
from tests.test_cli_posts import run
from tests.test_publishing import WHEN, approved_post, connect_x, fake  # noqa: F401  (the fixture)


@pytest.fixture
def setup(tmp_path: Path, fake: FakePlatforms) -> tuple[Path, int, world.People]:  # noqa: F811
    path = tmp_path / "sns-desk.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    users.assign_account_role(db, people.kacho, account, admin.user_id, Role.STAFF)
    connect_x(db, people, account, fake)
    approved_post(db, people, account)
    approved_post(db, people, account, "天文館の歩行者天国は中止です。")
    db.dispose()
    return path, account, people


def test_publish_and_the_published_check_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
    setup: tuple[Path, int, world.People],
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, account, _people = setup
    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    monkeypatch.setattr(publish_recovery, "utcnow", lambda: WHEN)
    code, out, err = run(capsys, "--db", str(path), "connection", "show", str(account))
    assert code == 0 and "承認済み" in out and "@kagoshima_kanko" in out
    code, out, err = run(capsys, "--db", str(path), "publish", "1")
    assert code == 0, err
    assert "投稿 1 を送信しました: https://x.com/kagoshima_kanko/status/" in out and "2026-12-01 10:00" in out
    code, out, err = run(capsys, "--db", str(path), "publish", "1")
    assert code == 2 and "投稿済" in err and len(fake.sent("/2/tweets")) == 1
    # the scheduled run sends the other post whose time has come (planned tomorrow or later: pretend it came)
    db = open_database(path)
    planned = post_queries.get_post(db, users.resolve_actor(db, identity.current_login()), 2).row.planned_at
    db.dispose()
    assert planned is not None
    monkeypatch.setattr(publishing, "utcnow", lambda: planned)
    code, out, err = run(capsys, "--db", str(path), "publish-due")
    assert code == 0 and "投稿 2: 送信しました" in out, err
    code, out, _ = run(capsys, "--db", str(path), "publish-due")
    assert code == 0 and "送信する投稿はありません" in out
    first = next(iter(fake.tweets))
    fake.tweets[first]["text"] = "書き換えられた本文"
    code, out, _ = run(capsys, "--db", str(path), "published", "check", "--days", "7")
    assert code == 1 and "トラブル候補: 1 件" in out and "編集されたおそれ" in out
    code, out, _ = run(capsys, "--db", str(path), "published", "unknown")
    assert code == 0 and "投稿状態不明の投稿はありません" in out


def test_manual_record_still_takes_a_url(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _account, _people = setup
    code, out, err = run(
        capsys,
        "--db",
        str(path),
        "publish",
        "1",
        "--url",
        "https://x.com/kagoshima_kanko/status/42",
        "--at",
        datetime(2026, 12, 1, 1, 30, tzinfo=UTC).astimezone(world.pol.JST).strftime("%Y-%m-%d %H:%M"),
    )
    assert code == 0, err
    assert "投稿結果を記録しました" in out
    assert "見つかりません" in out  # read back through the connection: X has no post 42


def test_publish_of_a_line_post_with_an_image_says_why_and_what_to_do(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sns_desk.services import connections
    from tests.test_publishing_images import PNG, image_post

    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    fake.line_standard()
    path = tmp_path / "sns-desk.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    users.assign_account_role(db, people.kacho, account, admin.user_id, Role.STAFF)
    raw = world.RawConnection(db)
    try:
        raw.execute("UPDATE accounts SET platform = 'line' WHERE id = ?", (account,))
    finally:
        raw.close()
    connections.connect_line(db, people.kacho, account, "line-token")
    info = connections.connection_of(db, people.kacho, account)
    assert info is not None
    connections.approve_connection(db, people.kyokucho, account, info.version)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    db.dispose()
    code, _out, err = run(capsys, "--db", str(path), "publish", str(post_id))
    assert code == 2 and "公開 HTTPS サーバー" in err and "LINE Official Account Manager" in err
    assert "sns-desk publish 番号 --url URL --at 日時" in err
    assert fake.sent("/v2/bot/message/broadcast") == []
