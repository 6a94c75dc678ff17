"""Opening, checking, migrating and writing the database (where it lives: locations.py; its files as files:
sqlite_files.py; its schema revisions: schema_revisions.py).

One engine factory knows the three kinds of storage (PRODUCT.md §6):

* ``local``: a SQLite file on this PC, in WAL mode;
* ``shared``: a SQLite file on a shared drive, in rollback-journal mode (never WAL: SQLite's documentation warns that
  WAL does not work across machines) with ``synchronous=FULL``;
* ``server``: a PostgreSQL database given by URL.

The storage mode of a SQLite file is a fact of the file (``app_meta.storage_mode``), not of one PC's settings, so
that no PC can ever open a shared file in WAL mode.  Every write transaction begins ``IMMEDIATE`` and is retried with
backoff while another PC holds the lock, up to a bound; then :class:`DatabaseBusyError` tells the user.

A file is checked read-only before anything writes to it: an empty file, a file that is not SQLite, a truncated or
corrupt one, a foreign SQLite database and one written by a newer version of the app are all refused with a
Japanese message and left byte-for-byte as they were.
"""

from __future__ import annotations

import contextlib
import logging
import random
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, exc, select
from sqlalchemy.orm import Session, configure_mappers
from sqlalchemy.orm.exc import StaleDataError

from sns_desk.domain.errors import (
    ConflictError,
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnavailableError,
)
from sns_desk.host.shared_files import prepare_shared_folder, share_with_folder_group
from sns_desk.store import (  # noqa: F401  (the tables of these modules belong to the schema, e.g. for copy-to)
    audit_chain,
    notice_tables,
    pg_trigram,
    publishing_tables,
    rule_tables,
    write_lock,
)
from sns_desk.store.locations import Location, StorageMode, storage_warnings
from sns_desk.store.orm import AppMeta
from sns_desk.store.schema_revisions import check_revision, current_revision, head_revision, upgrade
from sns_desk.store.sqlite_files import (
    ProgressFn,
    backup_sqlite_file,
    inspect_file,
    pre_upgrade_backup_path,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


# --- engines --------------------------------------------------------------------------------------------------


def _is_busy(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    text = str(orig).lower()
    if isinstance(orig, sqlite3.OperationalError):
        return "locked" in text or "busy" in text
    # PostgreSQL; a deadlock (a late write's row lock against a write holding the write lock) is retried too
    return type(orig).__name__ in ("LockNotAvailable", "DeadlockDetected") or "lock timeout" in text


def translate_operational_error(error: exc.DBAPIError, where: str) -> DatabaseError:
    """Turn a driver error into a Japanese message for the user (and an English one for the log)."""
    text = str(getattr(error, "orig", error)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return DatabaseUnavailableError(
            "ディスクの空き容量が足りないため保存できませんでした。変更は保存されていません。"
            "空き容量を確保してからもう一度お試しください。",
            f"disk full writing {where}: {error}",
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseUnavailableError(
            "データベースが読み取り専用のため保存できませんでした。変更は保存されていません。"
            f"ファイルやフォルダのアクセス権を確認してください: {where}",
            f"read-only database {where}: {error}",
        )
    if "unable to open" in text or "disk i/o" in text or "no such table" in text:
        return DatabaseUnavailableError(
            "データベースにアクセスできません。共有フォルダの接続や、ファイルが移動・削除されていないか確認してください。"
            f"変更は保存されていません: {where}",
            f"database unavailable {where}: {error}",
        )
    if "malformed" in text or "not a database" in text:
        return CorruptDatabaseError(
            f"データベースファイルが壊れています。バックアップから復元してください: {where}",
            f"corrupt database {where}: {error}",
        )
    if _is_busy(error):
        return DatabaseBusyError(
            "データベースが他のPCで使用中です。しばらくしてからもう一度お試しください。変更は保存されていません。",
            f"database busy {where}: {error}",
        )
    return DatabaseError(
        f"データベースの操作に失敗しました。変更は保存されていません: {where}",
        f"database error {where}: {error}",
    )


def _sqlite_engine(
    path: Path,
    mode: StorageMode,
    *,
    foreign_keys: bool,
    busy_timeout_ms: int,
    read_wait_seconds: float = 15.0,
) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
        hide_parameters=True,  # a failed write must not put a citizen's words into a message or the log
    )
    journal = "WAL" if mode is StorageMode.LOCAL else "DELETE"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.execute(f"PRAGMA journal_mode = {journal}")
        cur.execute("PRAGMA synchronous = FULL")
        # Deleted or overwritten content is zeroed on disk, so a purge erases it from the file too (issue 13 item 7)
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writes take the RESERVED lock at once, so two writers never both read then collide at COMMIT.
        immediate = conn.get_execution_options().get("sns_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
        if not immediate:
            _take_read_lock(conn, read_wait_seconds)

    return engine


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file, None when it is not there. Some network drives report 0 for both."""
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _take_read_lock(conn: Any, wait_seconds: float) -> None:
    """Take the SHARED lock at the start of a read, waiting (with backoff) while writers commit.

    With a rollback journal (shared mode) a reader is refused while another PC commits; SQLite's busy timeout
    covers short waits, but under a burst of writes from several PCs a read could still fail. A read transaction
    meets the lock only at its first statement, so taking it here, retried like a write, means the rest of the
    read never sees "database is locked" (found by the concurrency harness, tests/harness.py).
    """
    deadline = time.monotonic() + wait_seconds
    delay = 0.02
    while True:
        try:
            conn.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1").close()
            return
        except exc.OperationalError as error:
            if not _is_busy(error) or time.monotonic() + delay > deadline:
                raise
            log.info("database busy at the start of a read; retrying in %.2fs", delay)
            time.sleep(delay * (1 + random.random() / 2))
            delay = min(delay * 2, 0.5)


class Database:
    """An open, checked and migrated database, with read sessions and retried write transactions."""

    def __init__(
        self,
        location: Location,
        engine: Engine,
        mode: StorageMode,
        database_id: str,
        *,
        retry_seconds: float = 15.0,
    ) -> None:
        self.location = location
        self.engine = engine
        self.write_engine = engine.execution_options(sns_write=True)
        # a server's writes that may take the write lock late (store/write_lock.py); a file's take it at BEGIN
        self.late_engine = (
            engine.execution_options(sns_write=True, sns_late=True) if mode is StorageMode.SERVER else None
        )
        self.mode = mode
        self.database_id = database_id
        self.retry_seconds = retry_seconds
        self._watch: sqlite3.Connection | None = None
        self._identity = _file_identity(location.path) if location.path is not None else None
        # for the システム管理者 at start-up: what the server lacks (e.g. pg_trgm, store/pg_trigram.py)
        self.admin_notices: list[str] = []

    def check_file(self) -> None:
        """Refuse to go on when the file is no longer where it was opened (renamed, moved, deleted, replaced).

        An open connection would otherwise keep writing into the renamed file (or a deleted one) while the other
        PCs and the next start-up look at the path: the work would seem saved and be lost.
        """
        if self.location.path is None or self._identity is None:
            return
        now = _file_identity(self.location.path)
        if now is None or (now != self._identity and 0 not in now):
            log.error(
                "database file %s is gone or replaced (%s -> %s)", self.location.path, self._identity, now
            )
            raise DatabaseUnavailableError(
                f"データベースファイルが見つかりません（名前の変更・移動・削除のおそれ）: {self.location.path}\n"
                "変更は保存されていません。共有フォルダの接続と、ファイルが元の場所にあるか確認してから、"
                "SNS Desk を起動し直してください。",
                f"database file {self.location.path} missing or replaced",
            )

    def data_version(self) -> int | None:
        """A number that changes whenever anyone (another PC included) commits to the file; near-zero cost.

        ``PRAGMA data_version`` on one dedicated read-only connection that never writes; on a server, the newest
        audit event's number. None while it cannot be read.
        """
        if self.location.path is None:
            return self._server_version()
        try:
            if self._watch is None:
                self._watch = sqlite3.connect(
                    f"{self.location.path.as_uri()}?mode=ro", uri=True, timeout=1, check_same_thread=False
                )
            row = self._watch.execute("PRAGMA data_version").fetchone()
            return int(row[0]) if row else None
        except sqlite3.Error as error:
            log.info("data_version unavailable (%s); will retry", error)
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            return None

    def _server_version(self) -> int | None:
        """On a server: the number of the newest audit event (every change appends one), by its primary key."""
        try:
            with self.engine.connect() as conn:
                value = conn.exec_driver_sql("SELECT max(seq) FROM audit_events").scalar()
            return int(value or 0)
        except exc.DBAPIError as error:
            log.info("server change number unavailable (%s); will retry", error)
            return None

    # -- sessions

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session; never keep it open while a person edits."""
        self.check_file()
        session = Session(self.engine, expire_on_commit=False, autoflush=False)
        try:
            yield session
        except exc.OperationalError as error:
            raise translate_operational_error(error, self.location.display()) from error
        finally:
            session.close()

    @contextlib.contextmanager
    def write_session(self) -> Iterator[Session]:
        """One IMMEDIATE write transaction without retries (for scripts and tests that arrange data)."""
        session = self._write_session()
        try:
            with session.begin():
                yield session
            audit_chain.remember_own_write(session)
        finally:
            audit_chain.forget_own_write(session)
            session.close()

    def _write_session(self, late: bool = False) -> Session:
        """A write session that lets the audit chain move this PC's anchor after its own writes."""
        return Session(
            self.late_engine if late and self.late_engine is not None else self.write_engine,
            expire_on_commit=False,
            autoflush=True,
            info={"anchor_location": self.location.display(), "database_id": self.database_id},
        )

    def write(
        self,
        work: Callable[[Session], T],
        *,
        what: str = "write",
        commutes: write_lock.Commutes | None = None,
    ) -> T:
        """Run ``work`` in one short IMMEDIATE transaction, retrying while the database is busy.

        ``work`` may run more than once (each time from scratch in a fresh transaction) and must not touch
        anything outside the session.  With ``commutes`` (which events of other PCs the work's reads do not
        depend on), a server's transaction takes the write lock only at its first audit event
        (store/write_lock.py); when an event in between does not commute, it runs again under the lock.
        """
        self.check_file()
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.02
        attempt = 0
        late = commutes is not None and self.late_engine is not None
        while True:
            attempt += 1
            session = self._write_session(late)
            try:
                with session.begin():
                    if late and commutes is not None:
                        start = write_lock.begin_late(session.connection(), int(self.retry_seconds * 1000))
                        session.info[audit_chain.LATE] = write_lock.LateLock(commutes, start)
                    result = work(session)
                audit_chain.remember_own_write(session)
                return result
            except write_lock.SerialRetry as retry:
                log.info("%s: %s; running it again under the write lock", what, retry)
                late = False
                continue
            except StaleDataError as error:
                raise ConflictError(
                    "他の人が先に変更したため、この操作は保存されていません。最新の内容を表示し直して確かめてから、"
                    "もう一度操作してください。",
                    f"stale data in {what}: {error}",
                ) from error
            except exc.OperationalError as error:
                if _is_busy(error) and time.monotonic() + delay < deadline:
                    log.info("database busy during %s (attempt %d); retrying in %.2fs", what, attempt, delay)
                    time.sleep(delay * (1 + random.random() / 2))
                    delay = min(delay * 2, 1.0)
                    continue
                translated = translate_operational_error(error, self.location.display())
                log.error("%s failed after %d attempt(s): %s", what, attempt, translated.log_message)
                raise translated from error
            finally:
                audit_chain.forget_own_write(session)
                session.close()

    def checkpoint(self) -> None:
        """Write the WAL back into the file and empty it (after an erasure: the old pages must not stay in the WAL).

        Only a local file uses WAL; a shared file's rollback journal is deleted at each commit, a server keeps its
        own files."""
        if self.location.path is None or self.mode is not StorageMode.LOCAL:
            return
        raw = self.engine.raw_connection()  # outside any transaction (the engine's BEGIN would block it)
        try:
            busy, _frames, _done = raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            raw.close()
        if busy:
            log.warning("WAL checkpoint of %s could not finish (a reader holds it)", self.location.path)
            return
        log.info("WAL of %s checkpointed and truncated", self.location.path)

    def pragma(self, name: str) -> Any:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

    def dispose(self) -> None:
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()

    def warnings(self) -> list[str]:
        return storage_warnings(self.location, self.mode)


# --- opening --------------------------------------------------------------------------------------------------


def open_database(
    location: Location | str | Path | None = None,
    *,
    create: bool = False,
    shared: bool = False,
    busy_timeout_ms: int = 2000,
    retry_seconds: float = 15.0,
    progress: ProgressFn | None = None,
) -> Database:
    """Check, back up if an upgrade is due, migrate, and open.

    ``create`` allows making a new database where there is none (``shared`` chooses its mode).  A database that
    fails a check is left untouched and a :class:`DatabaseError` explains why.
    """
    loc = location if isinstance(location, Location) else Location.parse(location)
    if loc.path is None:
        return _open_server(loc, progress=progress, retry_seconds=retry_seconds)

    path = loc.path
    state = inspect_file(path)
    creating = not state.exists or state.is_new
    if creating:
        if not create:
            raise DatabaseUnavailableError(
                f"データベースが見つかりません: {path}\n共有フォルダに接続されているか、ファイルが移動・削除されて"
                "いないか確認してください。",
                f"database file {path} not found",
            )
        mode = StorageMode.SHARED if shared else StorageMode.LOCAL
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if mode is StorageMode.SHARED:
                prepare_shared_folder(path.parent)
        except OSError as err:
            raise DatabaseUnavailableError(
                f"フォルダを作成できません: {path.parent}（{err.strerror}）", f"mkdir {path.parent}: {err}"
            ) from err
    else:
        check_revision(state.revision, str(path))
        mode = state.mode or StorageMode.LOCAL
        if state.revision != head_revision():
            dest = pre_upgrade_backup_path(path, state.revision)
            log.info(
                "schema %s -> %s: backing up %s to %s first", state.revision, head_revision(), path, dest
            )
            backup_sqlite_file(path, dest, progress=progress)

    engine = _sqlite_engine(
        path, mode, foreign_keys=True, busy_timeout_ms=busy_timeout_ms, read_wait_seconds=retry_seconds
    )
    try:
        _migrate_sqlite(path, mode, busy_timeout_ms, progress)
        database_id = _ensure_meta(engine, mode)
        if creating and mode is StorageMode.SHARED:
            # whatever this person's umask: the 課's group reads and writes the file, others nothing (POSIX)
            share_with_folder_group(path)
    except exc.OperationalError as error:
        engine.dispose()
        raise translate_operational_error(error, str(path)) from error
    except BaseException:
        engine.dispose()
        raise
    db = Database(loc, engine, mode, database_id, retry_seconds=retry_seconds)
    for warning in db.warnings():
        log.warning("storage warning for %s: %s", path, warning)
    return db


def _migrate(
    engine: Engine, where: str, progress: ProgressFn | None, check: Callable[[Connection], None] | None = None
) -> None:
    """Bring the schema to the head revision, on a file or a server.

    A read first: when the schema is current (every start but the first after an update) opening takes no write
    lock, so a PC can start while the others are busy writing (found by the concurrency harness). Otherwise the
    upgrade runs under the write lock, after checking again (another PC may have just upgraded); ``check`` runs
    inside the same transaction before it commits.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    check_revision(current, where)
    if current == head_revision():
        return
    with engine.execution_options(sns_write=True).begin() as conn:
        current = current_revision(conn)
        check_revision(current, where)
        if current == head_revision():
            return
        if progress:
            progress(0, 1, "データベースを更新しています…")
        upgrade(conn, progress)
        if check is not None:
            check(conn)
        if progress:
            progress(1, 1, "データベースを更新しました")


def _migrate_sqlite(path: Path, mode: StorageMode, busy_timeout_ms: int, progress: ProgressFn | None) -> None:
    # Alembic's batch operations rebuild tables; foreign keys must be off while they do (and checked after).
    engine = _sqlite_engine(path, mode, foreign_keys=False, busy_timeout_ms=busy_timeout_ms)

    def foreign_keys_hold(conn: Connection) -> None:
        problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise CorruptDatabaseError(
                "データベースの更新中に整合性の問題が見つかったため、更新を取り消しました。",
                f"foreign_key_check after migration: {problems[:5]}",
            )

    try:
        _migrate(engine, str(path), progress, foreign_keys_hold)
    finally:
        engine.dispose()


def _ensure_meta(engine: Engine, mode: StorageMode | None) -> str:
    with Session(engine) as session:  # usually all there: a read, no write lock
        known = {m.key: m.value for m in session.scalars(select(AppMeta))}
    if "database_id" in known and (mode is None or "storage_mode" in known):
        return known["database_id"]
    with Session(engine.execution_options(sns_write=True)) as session, session.begin():
        meta = {m.key: m for m in session.scalars(select(AppMeta))}
        if "database_id" not in meta:
            session.add(AppMeta(key="database_id", value=str(uuid.uuid4())))
            session.add(AppMeta(key="created_at", value=datetime.now(UTC).isoformat(timespec="seconds")))
        if mode is not None and "storage_mode" not in meta:
            session.add(AppMeta(key="storage_mode", value=mode.value))
        session.flush()
        value = session.get(AppMeta, "database_id")
        assert value is not None
        return value.value


def _server_engine(url: str, lock_wait_seconds: float) -> Engine:
    """PostgreSQL: every write transaction first takes one advisory lock, so writes from all PCs happen one at
    a time, as on a SQLite file (BEGIN IMMEDIATE). The audit chain needs this: each event's number and hash
    follow from the one before. Reads are not held up. A late write (``sns_late``) takes it at its first audit
    event instead (store/write_lock.py)."""
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        if options.get("sns_write", False) and not options.get("sns_late", False):
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(lock_wait_seconds * 1000)}ms'")
            write_lock.take(conn)

    return engine


def _open_server(loc: Location, *, progress: ProgressFn | None, retry_seconds: float) -> Database:
    try:
        engine = _server_engine(loc.url, retry_seconds)
        _migrate(engine, loc.display(), progress)  # one PC upgrades (advisory lock), the others wait
        database_id = _ensure_meta(engine, None)
        search_indexed = _ensure_trigram_search(engine, progress)
    except exc.DBAPIError as error:
        raise DatabaseUnavailableError(
            f"データベースサーバーに接続できません: {loc.display()}", f"server {loc.display()}: {error}"
        ) from error
    except ModuleNotFoundError as error:
        raise DatabaseUnavailableError(
            "PostgreSQL に接続するためのドライバー（psycopg）がインストールされていません。",
            f"missing driver for {loc.display()}: {error}",
        ) from error
    db = Database(loc, engine, StorageMode.SERVER, database_id, retry_seconds=retry_seconds)
    if not search_indexed:
        db.admin_notices.append(pg_trigram.missing_notice())
    return db


def _ensure_trigram_search(engine: Engine, progress: ProgressFn | None) -> bool:
    """Whether the posts' search has its pg_trgm indexes; creates them when the extension has been enabled
    since the migration ran (one read when all is in place, as at every start but the first)."""
    with engine.connect() as conn:
        if pg_trigram.has_extension(conn) and not pg_trigram.missing_indexes(conn):
            return True
    with engine.execution_options(sns_write=True).begin() as conn:
        if progress:
            progress(0, 1, "検索用の索引を作成しています…")
        done = pg_trigram.enable(conn)
        if progress:
            progress(1, 1, "検索用の索引を確認しました")
    if not done:
        log.warning(
            "PostgreSQL %s has no pg_trgm: post search reads every post; the DBA must run %s",
            engine.url.render_as_string(hide_password=True),
            pg_trigram.dba_statements(),
        )
    return done


def integrity_check(db: Database) -> str:
    if db.location.path is None:
        return "ok"
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def configure_models() -> None:
    """Configure the ORM's mappers now rather than at the first query (start-up does it on its worker thread, so
    that the GUI thread's first query after the first list does not pay for it)."""
    import sns_desk.store.orm  # noqa: F401  (every model, so that all their mappers are configured)

    configure_mappers()
