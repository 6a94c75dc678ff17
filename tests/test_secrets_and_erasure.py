"""Issue 13, items 6 and 7: no personal data or secrets in logs or settings; erasure that erases.

Each test reads what a careful office would look at afterwards: the log file, settings.json, the database file
and its WAL, the backups folder.
"""

from __future__ import annotations

import hashlib
import json
import logging
import logging.handlers
import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, select, update

from sns_desk.cli.main import main as cli_main
from sns_desk.domain.errors import DatabaseError
from sns_desk.domain.vocabulary import AccountStatus, IncidentType, InquiryChannel, InquiryKind
from sns_desk.host import logging_setup
from sns_desk.host.server_passwords import KEYRING_SERVICE
from sns_desk.host.settings import Settings, settings_path
from sns_desk.services import backups, incidents, inquiries
from sns_desk.store.database import Database
from sns_desk.store.locations import Location, StorageMode
from sns_desk.store.orm import AuditEvent, IncidentAction, utcnow
from tests.conftest import MemoryKeyring
from tests.world import People, in_state

# A citizen's words as a 担当者 might (wrongly) type them into an inquiry: name, address, phone.
CITIZEN_NAME = "鹿児島花子"
CITIZEN_ADDRESS = "鹿児島市山下町11番1号"
CITIZEN_PHONE = "099-224-1111"
CITIZEN_WORDS = f"{CITIZEN_NAME}（{CITIZEN_ADDRESS}、電話 {CITIZEN_PHONE}）から駐車場の苦情"
SERVER_PASSWORD = "Kag0shima-Secret-42"


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


@pytest.fixture
def log_file() -> Iterator[Path]:
    path = logging_setup.configure()
    yield path
    for handler in [h for h in logging.getLogger().handlers if getattr(h, "_sns_desk", False)]:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _log_text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


# --- item 6: logs and settings -------------------------------------------------------------------------------------


def test_a_failed_write_leaves_no_citizen_words_in_the_log_or_the_message(
    db: Database, people: People, account: int, log_file: Path
) -> None:
    """The disk fills while an inquiry is saved: the error shown and the log say so without the words."""
    pages = int(db.pragma("page_count"))
    db.engine.dispose()
    event.listen(db.engine, "connect", lambda conn, _r: conn.execute(f"PRAGMA max_page_count = {pages}"))
    with pytest.raises(DatabaseError) as raised:
        inquiries.log_inquiry(
            db, people.tanto, account, InquiryChannel.PHONE, InquiryKind.OPINION, CITIZEN_WORDS * 400
        )
    assert "ディスクの空き容量が足りない" in raised.value.message
    logged = _log_text(log_file)
    assert "log_inquiry failed" in logged and "disk full" in logged, "the failure itself is logged"
    for secret in (CITIZEN_NAME, CITIZEN_ADDRESS, CITIZEN_PHONE):
        assert secret not in logged
        assert secret not in raised.value.message and secret not in raised.value.log_message


def test_a_server_password_given_with_db_is_not_logged_or_shown(
    capsys: pytest.CaptureFixture[str], log_file: Path
) -> None:
    url = f"postgresql+psycopg://snsdesk:{SERVER_PASSWORD}@127.0.0.1:1/snsdesk"
    assert cli_main(["--db", url, "verify"]) == 2  # nothing listens on port 1: refused at once, no network
    shown = capsys.readouterr()
    logged = _log_text(log_file)
    assert "snsdesk:***@127.0.0.1:1/snsdesk" in logged, "the log still says which server"
    assert SERVER_PASSWORD not in logged
    assert SERVER_PASSWORD not in shown.out + shown.err
    assert "データベースサーバーに接続できません" in shown.err


def test_a_saved_server_url_keeps_its_password_in_the_keyring_not_in_settings(
    memory_keyring: MemoryKeyring,
) -> None:
    url = f"postgresql+psycopg://snsdesk:{SERVER_PASSWORD}@dbserver.city.local/snsdesk"
    Settings(database=url).save()
    saved = settings_path().read_text(encoding="utf-8")
    assert SERVER_PASSWORD not in saved
    assert json.loads(saved)["database"] == "postgresql+psycopg://snsdesk@dbserver.city.local/snsdesk"
    bare = "postgresql+psycopg://snsdesk@dbserver.city.local/snsdesk"
    assert memory_keyring.store[(KEYRING_SERVICE, bare)] == SERVER_PASSWORD
    location = Location.parse(Settings.load().database)
    assert location.url == url, "the next start connects with the password from this PC's keyring"
    assert SERVER_PASSWORD not in location.display() and SERVER_PASSWORD not in repr(location)


def test_logs_rotate_daily_and_none_is_kept_beyond_90_days(log_file: Path) -> None:
    folder = log_file.parent
    old, recent = folder / "sns-desk.log.2026-08-01", folder / "sns-desk.log.2026-11-20"
    for path, days in ((old, 91), (recent, 10)):
        path.write_text("2026 INFO earlier run\n", encoding="utf-8")
        stamp = time.time() - days * 86400
        os.utime(path, (stamp, stamp))
    logging_setup.configure()  # the next start of the app
    assert not old.exists(), "a log older than 90 days is deleted"
    assert recent.exists()
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_sns_desk", False))
    assert isinstance(handler, logging.handlers.TimedRotatingFileHandler)
    assert handler.when == "MIDNIGHT" and handler.backupCount == 90


# --- item 7: erasure ---------------------------------------------------------------------------------------------


def _age(path: Path, days: int) -> None:
    stamp = time.time() - days * 86400
    os.utime(path, (stamp, stamp))


def test_after_a_purge_the_words_are_in_no_file_nor_any_backup_older_than_retention(
    db: Database, people: People, account: int
) -> None:
    assert db.mode is StorageMode.LOCAL and db.location.path is not None  # WAL mode
    path = db.location.path
    words = CITIZEN_WORDS * 40  # long enough to spill onto overflow pages
    inquiries.log_inquiry(
        db,
        people.tanto,
        account,
        InquiryChannel.COMMENT,
        InquiryKind.OPINION,
        words,
        received_at=utcnow() - timedelta(days=400),
    )
    record = f"削除した書き込み: {CITIZEN_NAME}さんの住所（{CITIZEN_ADDRESS}）を晒す投稿。理由: 個人情報"
    incident_id = incidents.open_incident(
        db, people.tanto, account, IncidentType.POLICY_VIOLATING_COMMENT, "個人情報を含む書き込み"
    )
    incidents.record_action(db, people.tanto, incident_id, "record", record)
    with db.write_session() as session:  # the §8(3) record was written as long ago as the inquiry
        session.execute(
            update(IncidentAction)
            .where(IncidentAction.incident_id == incident_id)
            .values(done_at=utcnow() - timedelta(days=400))
        )
    folder = backups.default_backup_dir(db)
    old_manual = backups.backup_now(db, people.admin)
    old_auto = backups.backup_now(db, people.admin, folder / "auto-20250101-030000.sqlite3")
    old_upgrade = backups.backup_now(
        db, people.admin, folder / f"{path.stem}.before-upgrade-0007_post_search-20250101T000000Z.sqlite3"
    )
    old_restore = backups.backup_now(db, people.admin, folder / "before-restore-20250101-000000.sqlite3")
    for copy in (old_manual, old_auto, old_upgrade, old_restore):
        _age(copy, 400)
    recent = backups.backup_now(db, people.admin, folder / "auto-20261129-030000.sqlite3")
    _age(recent, 1)
    needle = CITIZEN_NAME.encode("utf-8")
    assert needle in path.read_bytes() + path.with_name(path.name + "-wal").read_bytes()

    assert inquiries.purge_expired(db, people.tanto) == 1

    wal = path.with_name(path.name + "-wal")
    assert needle not in path.read_bytes(), "secure_delete: the words are not left in free space"
    assert not wal.exists() or needle not in wal.read_bytes(), "the WAL was checkpointed and emptied"
    for copy in (old_manual, old_auto, old_upgrade, old_restore):
        assert not copy.exists(), f"{copy.name} is older than the retention period"
    assert recent.exists(), "a backup within the retention period stays until it expires"
    row = incidents.get_incident(db, people.tanto, incident_id)
    action = next(a for a in row.actions if a.key == "record")
    assert action.done and action.reference == incidents.PURGED_REFERENCE


def test_the_audit_log_holds_only_the_hash_of_a_section_8_3_record(
    db: Database, people: People, account: int
) -> None:
    record = f"{CITIZEN_NAME}さんの電話番号 {CITIZEN_PHONE} を含む書き込みを削除"
    incident_id = incidents.open_incident(
        db, people.tanto, account, IncidentType.POLICY_VIOLATING_COMMENT, "電話番号を含む書き込み"
    )
    incidents.record_action(db, people.tanto, incident_id, "record", record)
    with db.read() as session:
        event_row = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "incident.action").order_by(AuditEvent.seq.desc())
        ).first()
        assert event_row is not None
        text = event_row.payload
    assert CITIZEN_PHONE not in text and CITIZEN_NAME not in text
    assert hashlib.sha256(record.encode("utf-8")).hexdigest() in text
