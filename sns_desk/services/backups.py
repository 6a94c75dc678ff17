"""Backups of the database file through SQLite's backup API (never a file copy)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sns_desk.domain.errors import DatabaseError
from sns_desk.domain.permissions import Permission
from sns_desk.host import paths, settings
from sns_desk.services import signing
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import change, look
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.schema_revisions import check_revision
from sns_desk.store.sqlite_files import ProgressFn, backup_sqlite_file, inspect_file, restore_sqlite_file

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
    _require_admin(db, actor)
    target = dest or default_backup_dir(db) / default_backup_name(db)
    assert db.location.path is not None
    backup_sqlite_file(db.location.path, target, progress=progress, cancelled=cancelled)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    _record(db, actor, "database.backup", {"path": str(target), "sha256": sha256_of(target), "at": at})
    return target


def _require_admin(db: Database, actor: Actor) -> None:
    look(db, actor, lambda step: step.require(Permission.MANAGE_DATABASE))


def _record(db: Database, actor: Actor, action: str, payload: dict[str, Any]) -> None:
    """The audit event of a backup or restore, after the file work (which runs outside any transaction)."""
    change(db, actor, lambda step: step.audit(action, "database", db.database_id, payload), what=action)


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

    Returns the new backup, or None when today's already exists (or the data lives on a server).  Only a
    registered, active person's start does it (a 委託業者 without its §9(1) acknowledgement does nothing).
    """
    look(db, actor, lambda step: step.me.id)
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


def backup_folders(db: Database) -> list[Path]:
    """Where this app puts copies of the database: ``backups/`` beside it, and this PC's own folder when the
    shared one refused a copy before an upgrade."""
    return [default_backup_dir(db), paths.data_dir() / "backups"]


def delete_backups_older_than(db: Database, cutoff: datetime) -> list[Path]:
    """Delete every copy of the database made before ``cutoff`` (the inquiries' retention, §7): daily, manual,
    before an upgrade and before a restore alike, so that purged words do not live on in a backup.

    Copies made elsewhere (``sns-desk backup DEST`` into another folder) are the office's to keep or delete
    (README). Returns what was deleted.
    """
    assert db.location.path is not None
    stem = db.location.path.stem
    deleted: list[Path] = []
    for folder in dict.fromkeys(backup_folders(db)):
        if not folder.is_dir():
            continue
        for copy in sorted(folder.glob("*.sqlite3*")):
            if folder != default_backup_dir(db) and not copy.name.startswith(f"{stem}."):
                continue  # this PC's folder holds copies of other databases too
            try:
                made = datetime.fromtimestamp(copy.stat().st_mtime, UTC)
                if made >= cutoff:
                    continue
                copy.unlink()
            except OSError as error:
                log.warning("could not delete the old backup %s: %s", copy, error)
                continue
            deleted.append(copy)
    if deleted:
        log.info("deleted %d backup(s) made before %s (retention)", len(deleted), cutoff.isoformat())
    return deleted


def restore(db: Database, actor: Actor, source: Path, *, progress: ProgressFn | None = None) -> Path:
    """Put a backup back in place of the database (システム管理者).  The current content is saved first.

    The copy goes through SQLite's backup API into the live file, so other PCs see either the old or the restored
    database, never half of each.  Returns the safety copy of what was replaced.
    """
    if db.location.path is None:
        raise DatabaseError(
            "データベースサーバーの復元は、サーバー側の仕組みで行ってください。", "restore on a server"
        )
    _require_admin(db, actor)
    state = inspect_file(source)  # refuses empty, non-SQLite, truncated and corrupt files
    if not state.exists or state.is_new or "alembic_version" not in state.tables:
        raise DatabaseError(
            f"このファイルは SNS Desk のバックアップではありません: {source}", f"restore from {source}"
        )
    check_revision(state.revision, str(source))
    # the restore is signed with the administrator's own key: other PCs accept the new history only then
    signer = signing.signer_for(db, actor)
    with db.read() as session:
        replaced_seq, replaced_hash = audit.chain_end(session)
    safety = default_backup_dir(db) / f"before-restore-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"
    backup_sqlite_file(db.location.path, safety, progress=progress)
    restore_sqlite_file(source, db.location.path)
    db.engine.dispose()  # connections opened before the restore must not keep cached pages
    with db.read() as session:
        restored_seq, restored_hash = audit.chain_end(session)
    fields = {
        "from": str(source),
        "sha256": sha256_of(source),
        "previous_saved_as": str(safety),
        "database_id": db.database_id,
        "replaced_seq": replaced_seq,
        "replaced_hash": replaced_hash,
        "restored_seq": restored_seq,
        "restored_hash": restored_hash,
    }
    _record(db, actor, "database.restore", signing.sign_restore(signer, fields))

    with db.read() as session:
        chain = audit.verify_chain(session)
        restores = audit.last_of(session, "database.restore")
    if (
        chain.ok
    ):  # this PC knows why the history changed; other PCs accept it once they see the signed restore
        location = db.location.display()
        previous = settings.load_location_anchor(location)
        settings.save_location_anchor(
            location,
            settings.Anchor(
                db.database_id,
                chain.last_seq,
                chain.last_hash,
                previous.root_key if previous else "",
                restores or 0,
            ),
        )
    return safety
