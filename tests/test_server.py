"""PostgreSQL: the same app, models and migrations through a database URL (.ci/run starts a real server).

The workflow and storage tests of test_posts, test_accounts, test_users, test_incidents, test_signing, test_audit
and test_permissions also run on PostgreSQL (BOTH_BACKENDS); these are the server's own: many PCs at once,
upgrades, refusals, and the change number that drives live refresh.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from sns_desk import audit
from sns_desk.db import StorageMode, open_database
from sns_desk.errors import DatabaseUnavailableError, NewerSchemaError
from sns_desk.models import AccountStatus, PostStatus
from sns_desk.services import posts, users
from sns_desk.services.posts import PostInput
from tests import harness, race_worker, world
from tests.test_post_race import unique_text
from tests.test_posts import ALL_CHECKED, in_hours


def test_six_pcs_on_a_server_lose_nothing(tmp_path: Path, pg_url: str) -> None:
    report = harness.run_concurrency(tmp_path, processes=6, operations=40, seed=3, location=pg_url)
    assert report.problems == [], f"{dict(report.outcomes)} {report.by_op}"
    assert report.outcomes["ok"] > report.operations * 0.6  # a server lets more PCs race: more conflicts


def test_two_pcs_deciding_on_one_post_on_a_server_exactly_one_wins(pg_url: str) -> None:
    db = open_database(pg_url)
    admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    jobs = {login: ctx.Queue() for login in ("kacho", "kyokucho")}
    workers = [
        ctx.Process(
            target=race_worker.decide_loop, args=(pg_url, "kacho", "approve", jobs["kacho"], results, barrier)
        ),
        ctx.Process(
            target=race_worker.decide_loop,
            args=(pg_url, "kyokucho", "reject", jobs["kyokucho"], results, barrier),
        ),
    ]
    for worker in workers:
        worker.start()
    try:
        for attempt in range(20):
            post_id = posts.create_draft(
                db, people.tanto, PostInput(account, unique_text(attempt), planned_at=in_hours())
            )
            version = posts.get_post(db, people.tanto, post_id).row.version
            posts.submit(db, people.tanto, post_id, version, ALL_CHECKED)
            seen = posts.get_post(db, people.kacho, post_id).row.version
            for queue in jobs.values():
                queue.put((post_id, seen))
            outcome = dict(results.get(timeout=60) for _ in range(2))
            assert sorted(outcome.values()) == ["conflict", "won"], f"try {attempt}: {outcome}"
            final = posts.get_post(db, people.admin, post_id)
            assert (
                final.row.status in (PostStatus.APPROVED, PostStatus.REJECTED) and len(final.decisions) == 1
            )
    finally:
        for queue in jobs.values():
            queue.put(None)
        for worker in workers:
            worker.join(timeout=30)
    with db.read() as session:
        assert audit.verify_chain(session).ok
    db.dispose()


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
