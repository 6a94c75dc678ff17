"""Moving an office's data from its shared file to a PostgreSQL server (sns-desk copy-to)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sns_desk.cli import main as cli
from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import post_drafts, post_queries, post_workflow, seal_check, transfer, users
from sns_desk.services.post_drafts import PostInput
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import AppMeta, AuditEvent, Post
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, RawConnection, in_state


def office_with_history(db: Database, people: People) -> int:
    account = in_state(db, people, AccountStatus.ACTIVE)
    for i, body in enumerate(["桜島の降灰予報をお知らせします。", "花火大会の交通規制のお知らせです。"]):
        post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, body, planned_at=in_hours()))
        post_workflow.submit(
            db,
            people.tanto,
            post_id,
            post_queries.get_post(db, people.tanto, post_id).row.version,
            ALL_CHECKED,
        )
        version = post_queries.get_post(db, people.kacho, post_id).row.version
        if i == 0:
            post_workflow.approve(db, people.kacho, post_id, version)
        else:
            post_workflow.reject(db, people.kacho, post_id, version, "日時を確認してください")
    return account


def check_target(source: Database, target: str, people: People, account: int) -> None:
    copied = open_database(target)
    try:
        assert copied.database_id == source.database_id, (
            "the id stays: keyrings keep their passwords and keys"
        )
        with copied.read() as session, source.read() as original:
            assert audit.verify_chain(session).ok
            assert seal_check.verify(session).ok and seal_check.verify(session).checked == 4
            for model in (Post, AuditEvent):
                assert session.scalar(select(func.count()).select_from(model)) == original.scalar(
                    select(func.count()).select_from(model)
                )
            assert session.get(AppMeta, "signing_since_seq") is not None
        # work goes on on the target: new ids after the copied ones, new decisions signed and verified
        post_id = post_drafts.create_draft(
            copied, people.tanto, PostInput(account, "移行後の最初の下書きです。", planned_at=in_hours())
        )
        assert post_id == 3
        post_workflow.submit(
            copied,
            people.tanto,
            post_id,
            post_queries.get_post(copied, people.tanto, post_id).row.version,
            ALL_CHECKED,
        )
        post_workflow.approve(
            copied, people.kacho, post_id, post_queries.get_post(copied, people.kacho, post_id).row.version
        )
        assert post_queries.get_post(copied, people.kacho, post_id).row.status is PostStatus.APPROVED
        with copied.read() as session:
            assert audit.verify_chain(session).ok and seal_check.verify(session).checked == 5
    finally:
        copied.dispose()


@pytest.mark.parametrize("to", ["file", "server"])
def test_everything_moves_and_work_goes_on(
    db: Database, people: People, tmp_path: Path, to: str, request: pytest.FixtureRequest
) -> None:
    account = office_with_history(db, people)
    target = str(tmp_path / "moved.sqlite3") if to == "file" else request.getfixturevalue("pg_url")
    before = db.location.path.read_bytes() if db.location.path else b""
    result = transfer.copy_database(db, people.admin, target)
    assert result.rows["posts"] == 2 and result.rows["post_decisions"] == 2 and result.total > 50
    assert db.location.path is not None and db.location.path.read_bytes() == before, "the source is untouched"
    check_target(db, target, people, account)


def test_only_a_system_administrator_moves_the_data(db: Database, people: People, tmp_path: Path) -> None:
    office_with_history(db, people)
    with pytest.raises(PermissionDeniedError):
        transfer.copy_database(db, people.kacho, str(tmp_path / "moved.sqlite3"))


def test_a_target_with_data_or_a_damaged_source_is_refused(
    db: Database, people: People, tmp_path: Path
) -> None:
    office_with_history(db, people)
    used = open_database(tmp_path / "used.sqlite3", create=True)
    users.bootstrap_first_admin(used, "someone", "誰か", "総務局", "")
    used.dispose()
    with pytest.raises(ValidationError, match="移行先にはすでにデータがあります"):
        transfer.copy_database(db, people.admin, str(tmp_path / "used.sqlite3"))
    conn = RawConnection(db)
    conn.execute("UPDATE post_decisions SET comment = '改ざん' WHERE kind = 'reject'")
    conn.close()
    with pytest.raises(ValidationError, match="電子印鑑の検査で問題"):
        transfer.copy_database(db, people.admin, str(tmp_path / "new.sqlite3"))


def test_copy_to_on_the_command_line(
    db: Database,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    office_with_history(db, people)
    monkeypatch.setattr("sns_desk.host.identity.current_login", lambda: "admin")
    assert db.location.path is not None
    code = cli.main(["--db", str(db.location.path), "copy-to", str(tmp_path / "moved.sqlite3")])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "移行しました" in out and "元のファイルは変更していません" in out
