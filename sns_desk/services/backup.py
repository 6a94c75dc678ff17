"""Backups of the database file through SQLite's backup API (never a file copy)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from sns_desk import audit
from sns_desk.db import Database, ProgressFn, backup_sqlite_file
from sns_desk.errors import DatabaseError
from sns_desk.permissions import Permission, require
from sns_desk.services.common import Actor, load_user


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
