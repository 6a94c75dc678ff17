"""Automatic daily backups (through the backup API, keeping N) and restore with a safety copy."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sns_desk.cli.main import main
from sns_desk.domain.errors import DatabaseError, NotADatabaseError, PermissionDeniedError
from sns_desk.services import backups as backup
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database


def test_one_automatic_backup_a_day_keeping_n(db: Database, admin: Actor) -> None:
    day = datetime(2026, 11, 1, 9, 0)
    made = [backup.auto_backup_if_due(db, admin, keep=3, now=day + timedelta(days=i)) for i in range(5)]
    assert all(made)
    assert backup.auto_backup_if_due(db, admin, keep=3, now=day + timedelta(days=4, hours=3)) is None, (
        "once a day"
    )
    kept = backup.auto_backups(db)
    assert [p.name[:13] for p in kept] == ["auto-20261105", "auto-20261104", "auto-20261103"]
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_restore_brings_the_backup_back_and_keeps_a_safety_copy(
    db: Database, admin: Actor, tmp_path: Path
) -> None:
    saved = backup.backup_now(db, admin, tmp_path / "before.sqlite3")
    users.create_user(db, admin, users.UserInput("later", "後から 追加"))
    assert "later" in [u.login for u in users.list_users(db, admin)]
    staff = users.resolve_actor(db, "later")
    with pytest.raises(PermissionDeniedError):
        backup.restore(db, staff, saved)
    safety = backup.restore(db, admin, saved)
    assert "later" not in [u.login for u in users.list_users(db, admin)], "the database is back as it was"
    with sqlite3.connect(safety) as conn:
        assert ("later",) in conn.execute("SELECT login FROM users").fetchall(), "what was replaced is kept"
    conn.close()
    with db.read() as session:
        result = audit.verify_chain(session)
    assert result.ok


def test_restore_refuses_what_is_not_a_backup(db: Database, admin: Actor, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("not a database")
    with pytest.raises(NotADatabaseError):
        backup.restore(db, admin, bogus)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseError):
        backup.restore(db, admin, other)


def test_restore_on_the_command_line_needs_yes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sns-desk.sqlite3"
    assert main(["--db", str(path), "init"]) == 0
    assert main(["--db", str(path), "backup", str(tmp_path / "b.sqlite3")]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(tmp_path / "b.sqlite3")]) == 2
    assert "--yes" in capsys.readouterr().err
    assert main(["--db", str(path), "restore", str(tmp_path / "b.sqlite3"), "--yes"]) == 0
    assert "復元前の内容は" in capsys.readouterr().out
    assert main(["--db", str(path), "verify"]) == 0
