"""PostgreSQL: the same app, models and migrations through a database URL (.ci/run starts a real server).

The workflow and storage tests of test_posts, test_accounts, test_users, test_incidents, test_signing, test_audit
and test_permissions also run on PostgreSQL (BOTH_BACKENDS); these are the server's own: many PCs at once,
upgrades, refusals, and the change number that drives live refresh.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from sns_desk.domain.errors import DatabaseUnavailableError, NewerSchemaError
from sns_desk.services import users
from sns_desk.store.database import open_database
from sns_desk.store.locations import StorageMode
from tests import harness, race_worker


def test_six_pcs_on_a_server_lose_nothing(tmp_path: Path, pg_url: str) -> None:
    report = harness.run_concurrency(tmp_path, processes=6, operations=40, seed=3, location=pg_url)
    assert report.problems == [], f"{dict(report.outcomes)} {report.by_op}"
    assert report.outcomes["ok"] > report.operations * 0.6  # a server lets more PCs race: more conflicts


def test_two_pcs_deciding_on_one_post_on_a_server_exactly_one_wins(pg_url: str) -> None:
    assert sum(race_worker.run_race(pg_url, 20).values()) == 20


def test_a_server_database_opens_in_server_mode_and_its_change_number_moves(pg_url: str) -> None:
    db = open_database(pg_url)
    try:
        assert db.mode is StorageMode.SERVER
        before = db.data_version()
        admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
        after = db.data_version()
        assert before is not None and after is not None and after > before, "live refresh sees the change"
        assert db.data_version() == after, "and nothing when nothing changed"
        assert users.resolve_actor(db, "admin") == admin
        assert "サーバー" in db.mode.label or "PostgreSQL" in db.mode.label
    finally:
        db.dispose()


def test_a_server_written_by_a_newer_version_is_refused_and_left_alone(pg_url: str) -> None:
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999_future'")
    with pytest.raises(NewerSchemaError, match="新しいバージョンの SNS Desk"):
        open_database(pg_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0999_future"
    engine.dispose()


def test_an_unreachable_server_is_explained_in_japanese() -> None:
    with pytest.raises(DatabaseUnavailableError, match="データベースサーバーに接続できません") as caught:
        open_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/sns", retry_seconds=1)
    assert "secret" not in caught.value.message, "the password is not shown"
