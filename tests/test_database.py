"""Opening, checking and migrating database files (issue: foundation, storage)."""

from __future__ import annotations

import sqlite3
import threading
import time
import warnings
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from sns_desk.domain.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseUnavailableError,
    EmptyDatabaseFileError,
    ForeignDatabaseError,
    NewerSchemaError,
    NotADatabaseError,
)
from sns_desk.services import users
from sns_desk.store import database as dbmod
from sns_desk.store import schema_revisions
from sns_desk.store.database import open_database
from sns_desk.store.locations import Location, StorageMode
from sns_desk.store.orm import AppMeta, Base, Department


def _make_database(path: Path, *, shared: bool = False) -> None:
    database = open_database(path, create=True, shared=shared)
    users.bootstrap_first_admin(database, "admin", "管理 太郎", "総務局", "情報政策課")
    database.dispose()


def _assert_refused_untouched(path: Path, error_type: type[Exception], words: str) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error_type) as info:
        open_database(path)
    assert words in str(info.value)
    assert path.read_bytes() == before, "the refused file must stay byte-for-byte unchanged"
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_new_local_database_uses_wal(tmp_path: Path) -> None:
    database = open_database(tmp_path / "local.sqlite3", create=True)
    try:
        assert database.mode is StorageMode.LOCAL
        assert database.pragma("journal_mode") == "wal"
        assert database.pragma("synchronous") == 2  # FULL
        assert database.pragma("foreign_keys") == 1
    finally:
        database.dispose()


def test_shared_database_uses_rollback_journal_and_full_sync_on_every_open(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    _make_database(path, shared=True)
    database = open_database(path)  # a second PC opening it: the mode comes from the file
    try:
        assert database.mode is StorageMode.SHARED
        assert database.pragma("journal_mode") == "delete"
        assert database.pragma("synchronous") == 2
        assert database.pragma("foreign_keys") == 1
    finally:
        database.dispose()
    header = path.read_bytes()[18:20]
    assert header == b"\x01\x01", "file format bytes must say rollback journal, never WAL"


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    _make_database(path, shared=True)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_from_the_future'")
    conn.close()
    _assert_refused_untouched(path, NewerSchemaError, "新しいバージョン")


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "report.sqlite3"
    path.write_bytes("これは Excel のファイルです".encode() * 100)
    _assert_refused_untouched(path, NotADatabaseError, "データベースではありません")


def test_empty_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    _assert_refused_untouched(path, EmptyDatabaseFileError, "空です")


def test_truncated_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    _make_database(path, shared=True)
    data = path.read_bytes()
    assert len(data) > 8192
    path.write_bytes(data[: len(data) // 2])
    _assert_refused_untouched(path, CorruptDatabaseError, "途中で切れています")


def test_corrupt_pages_are_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.sqlite3"
    _make_database(path, shared=True)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):  # scribble over every page but the header page
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    _assert_refused_untouched(path, CorruptDatabaseError, "壊れています")


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()
    _assert_refused_untouched(path, ForeignDatabaseError, "SNS Desk のデータベースではありません")


def test_missing_file_is_not_created_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "sns-desk.sqlite3"
    with pytest.raises(DatabaseUnavailableError, match="見つかりません"):
        open_database(path)
    assert not path.parent.exists()


def test_migrations_and_models_agree(db: dbmod.Database) -> None:
    def not_the_search_index(obj: object, name: str | None, kind: str, *_args: object) -> bool:
        if kind == "index" and name == "ix_posts_when_id":
            return False  # an expression index, which reflection skips: see the test below
        return not (kind == "table" and (name or "").startswith("posts_fts"))  # FTS5 tables of 0007

    with db.engine.connect() as conn, warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index ix_posts_when_id"
        )
        warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expression-based index")
        context = MigrationContext.configure(conn, opts={"include_object": not_the_search_index})
        diffs = compare_metadata(context, Base.metadata)
    assert diffs == []


def test_the_post_record_order_has_its_index(db: dbmod.Database) -> None:
    """0029 made the expression index the ORM declares (the 投稿実績 streams in its order without a sort)."""
    query = (
        "SELECT sql FROM sqlite_master WHERE name = 'ix_posts_when_id'"
        if db.engine.dialect.name == "sqlite"
        else "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_posts_when_id'"
    )
    with db.engine.connect() as conn:
        definition = conn.exec_driver_sql(query).scalar_one()
    assert "coalesce(published_at, planned_at, created_at)" in definition.lower().replace('"', "")


def test_upgrade_from_an_older_schema_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = schema_revisions.alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001_foundation")
        conn.exec_driver_sql("INSERT INTO app_meta (key, value) VALUES ('storage_mode', 'shared')")
        conn.exec_driver_sql(
            "INSERT INTO departments (name, created_at) VALUES ('総務局', '2026-01-01 00:00:00')"
        )
    engine.dispose()
    old_bytes = path.read_bytes()

    database = open_database(path)
    try:
        assert database.mode is StorageMode.SHARED
        with database.read() as session:
            assert [d.name for d in session.scalars(select(Department))] == ["総務局"]
            assert session.get(AppMeta, "database_id") is not None
    finally:
        database.dispose()
    backups = list((tmp_path / "backups").glob("old.before-upgrade-0001_foundation-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_foundation",)
        assert conn.execute("SELECT name FROM departments").fetchall() == [("総務局",)]
    conn.close()
    assert old_bytes[:16] == b"SQLite format 3\x00"


def test_write_transactions_begin_immediate(db: dbmod.Database, admin: object) -> None:
    """A write takes the write lock at BEGIN, so a second writer waits instead of failing at COMMIT."""
    other = sqlite3.connect(db.location.path, timeout=0)
    try:
        with db.write_session() as session:
            session.execute(select(AppMeta)).all()  # only a read so far, yet the lock is held
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
    finally:
        other.close()


def test_busy_database_is_retried_then_succeeds(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    _make_database(path, shared=True)
    database = open_database(path, busy_timeout_ms=50, retry_seconds=10)
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another PC in the middle of a write: readers go on, writers wait
    released = threading.Event()

    def release() -> None:
        time.sleep(0.6)
        holder.execute("COMMIT")
        released.set()

    thread = threading.Thread(target=release)
    thread.start()
    try:
        admin = users.resolve_actor(database, "admin")
        users.create_department(database, admin, "市民局")
        assert released.is_set()
    finally:
        thread.join()
        holder.close()
        database.dispose()


def test_busy_database_is_reported_after_the_bound(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    _make_database(path, shared=True)
    database = open_database(path, busy_timeout_ms=20, retry_seconds=0.5)
    admin = users.resolve_actor(database, "admin")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusyError, match="他のPCで使用中"):
            users.create_department(database, admin, "市民局")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        database.dispose()


def test_location_parsing(tmp_path: Path) -> None:
    assert Location.parse(None).path is not None
    assert Location.parse(str(tmp_path / "a.sqlite3")).path == (tmp_path / "a.sqlite3").resolve()
    assert Location.parse(f"sqlite:///{tmp_path}/b.sqlite3").path == (tmp_path / "b.sqlite3").resolve()
    server = Location.parse("postgresql+psycopg://sns:secret@db.example/sns")
    assert server.path is None
    assert "secret" not in server.display()


def test_cloud_sync_folder_is_warned_about(tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - 鹿児島市"
    folder.mkdir()
    database = open_database(folder / "sns-desk.sqlite3", create=True, shared=True)
    try:
        assert any("クラウド同期フォルダ" in w for w in database.warnings())
    finally:
        database.dispose()


def test_revisions_read_without_alembic_agree_with_alembic() -> None:
    """Start-up reads the migration files as text; Alembic's own reading must give the same graph and head."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema_revisions.alembic_config())
    assert schema_revisions.head_revision() == script.get_current_head()
    assert schema_revisions.known_revisions() == {s.revision for s in script.walk_revisions()}
    for s in script.walk_revisions():
        assert schema_revisions._revision_graph()[s.revision] == s.down_revision
