"""Backups of the database file through SQLite's backup API (never a file copy)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from sns_desk.domain.errors import DatabaseError
from sns_desk.domain.permissions import Permission
from sns_desk.services.access import require
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database, ProgressFn, backup_sqlite_file

log = logging.getLogger(__name__)


def default_backup_name(db: Database) -> str:
    stem = db.location.path.stem if db.location.path else "sns-desk"
    return f"{stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"


def default_backup_dir(db: Database) -> Path:
    if db.location.path is None:
        raise DatabaseError(
            "データベースサーバーのバックアップは、サーバー側の仕組み（pg_dump など）で行ってください。",
            "file backup requested for a server database",
        )
    return db.location.path.parent / "backups"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def backup_now(
    db: Database,
    actor: Actor,
    dest: Path | None = None,
    *,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Back up the database (システム管理者 only), then record it in the audit log."""
    with db.read() as session:
        require(session, load_user(session, actor), Permission.MANAGE_DATABASE)
    target = dest or default_backup_dir(db) / default_backup_name(db)
    assert db.location.path is not None
    backup_sqlite_file(db.location.path, target, progress=progress, cancelled=cancelled)
    digest = sha256_of(target)

    def work(session: Session) -> None:
        me = load_user(session, actor)
        audit.append(
            session,
            me.login,
            "database.backup",
            "database",
            db.database_id,
            {"path": str(target), "sha256": digest, "at": datetime.now(UTC).isoformat(timespec="seconds")},
        )

    db.write(work, what="record_backup")
    return target


# --- automatic daily backups and restore ------------------------------------------------------------------------

AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 14


def auto_backups(db: Database) -> list[Path]:
    """The automatic backups beside the database, newest first."""
    folder = default_backup_dir(db)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"), reverse=True)


def auto_backup_if_due(
    db: Database, actor: Actor, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path | None:
    """Once a day (whoever opens the app first), back the file up through the backup API and keep ``keep`` copies.

    Returns the new backup, or None when today's already exists (or the data lives on a server).
    """
    if db.location.path is None:
        return None
    stamp = (now or datetime.now()).strftime("%Y%m%d")
    existing = auto_backups(db)
    if any(p.name.startswith(f"{AUTO_PREFIX}{stamp}") for p in existing):
        return None
    target = (
        default_backup_dir(db) / f"{AUTO_PREFIX}{stamp}-{(now or datetime.now()).strftime('%H%M%S')}.sqlite3"
    )
    backup_sqlite_file(db.location.path, target)
    # housekeeping, not a change to the data: logged, not added to the audit chain (manual backups are audited)
    log.info(
        "automatic backup of %s to %s by %s (sha256 %s)",
        db.location.path,
        target,
        actor.login,
        sha256_of(target),
    )
    for old in auto_backups(db)[keep:]:
        old.unlink(missing_ok=True)
    return target


def restore(db: Database, actor: Actor, source: Path, *, progress: ProgressFn | None = None) -> Path:
    """Put a backup back in place of the database (システム管理者).  The current content is saved first.

    The copy goes through SQLite's backup API into the live file, so other PCs see either the old or the restored
    database, never half of each.  Returns the safety copy of what was replaced.
    """
    from sns_desk.store.database import _check_revision, inspect_file

    if db.location.path is None:
        raise DatabaseError(
            "データベースサーバーの復元は、サーバー側の仕組みで行ってください。", "restore on a server"
        )
    with db.read() as session:
        require(session, load_user(session, actor), Permission.MANAGE_DATABASE)
    state = inspect_file(source)  # refuses empty, non-SQLite, truncated and corrupt files
    if not state.exists or state.is_new or "alembic_version" not in state.tables:
        raise DatabaseError(
            f"このファイルは SNS Desk のバックアップではありません: {source}", f"restore from {source}"
        )
    _check_revision(state.revision, str(source))
    safety = default_backup_dir(db) / f"before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"
    backup_sqlite_file(db.location.path, safety, progress=progress)
    import sqlite3

    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(db.location.path, timeout=30)
    try:
        src.backup(dst, pages=256)
    finally:
        dst.close()
        src.close()
    db.engine.dispose()  # connections opened before the restore must not keep cached pages

    def work(session: Session) -> None:
        me = load_user(session, actor)
        audit.append(
            session,
            me.login,
            "database.restore",
            "database",
            db.database_id,
            {"from": str(source), "sha256": sha256_of(source), "previous_saved_as": str(safety)},
        )

    db.write(work, what="record restore")
    from sns_desk.host import settings

    with db.read() as session:
        chain = audit.verify_chain(session)
    if chain.ok:  # this PC knows why the history changed; other PCs will be warned, and the log says why
        settings.save_anchor(db.database_id, chain.last_seq, chain.last_hash)
    return safety
