"""Credentials in the OS keyring only (§3(3)ウ): a real Secret Service, the fail backend, plain-text backends."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from sqlalchemy import select

from sns_desk.domain.errors import NotFoundError, PermissionDeniedError
from sns_desk.domain.vocabulary import Role
from sns_desk.host import keyring_access, logging_setup, paths
from sns_desk.host.keyring_access import KeyringUnavailableError
from sns_desk.services import account_policies, accounts, credentials, signing, users
from sns_desk.services import audit_log as auditlog
from sns_desk.services import backups as backup
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from tests.conftest import MemoryKeyring, UnansweredKeyring
from tests.secret_service import running_secret_service
from tests.world import People, in_state

S = accounts.S
SECRET = "Kagoshima-Sakurajima-2026!secret"


def test_set_use_and_delete_with_the_permitted_roles(
    db: Database, people: People, memory_keyring: MemoryKeyring
) -> None:
    account_id = in_state(db, people, S.PREPARING)
    with pytest.raises(PermissionDeniedError, match="アカウント管理者"):
        credentials.set_credential(db, people.tanto, account_id, "kanko", SECRET)
    credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    info = credentials.info(db, people.kacho, account_id)
    assert info.exists and info.set_by == "観光 課長" and info.rotated_at is not None
    assert SECRET in next(
        v for (_s, user), v in memory_keyring.store.items() if user == f"account-{account_id}"
    )

    used = credentials.use_credential(db, people.tanto, account_id)  # 担当者 may use it
    assert (used.login_id, used.password) == ("kanko", SECRET)
    assert SECRET not in repr(used)
    assert (
        credentials.use_credential(db, people.agency, account_id).password == SECRET
    )  # acknowledged contractor
    for outsider in (people.koho, people.outsider, people.admin):
        with pytest.raises(PermissionDeniedError):
            credentials.use_credential(db, outsider, account_id)
    with pytest.raises(PermissionDeniedError):
        credentials.delete_credential(db, people.tanto, account_id)
    credentials.delete_credential(db, people.kacho, account_id)
    assert not credentials.info(db, people.kacho, account_id).exists and not [
        k for k in memory_keyring.store if k[1].startswith("account-")
    ]
    with pytest.raises(NotFoundError):
        credentials.use_credential(db, people.tanto, account_id)
    with db.read() as session:
        actions = [
            e.action
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action.like("credential.%")))
        ]
    assert actions == ["credential.set", "credential.use", "credential.use", "credential.delete"]


def test_replacing_rotates(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.PREPARING)
    credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    first = credentials.info(db, people.kacho, account_id).rotated_at
    credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET + "-new")
    assert credentials.info(db, people.kacho, account_id).rotated_at > first  # type: ignore[operator]
    assert credentials.use_credential(db, people.kacho, account_id).password == SECRET + "-new"


def test_short_passwords_and_empty_ids_are_refused(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.PREPARING)
    with pytest.raises(users.ValidationError, match="8 文字以上"):
        credentials.set_credential(db, people.kacho, account_id, "kanko", "short")
    with pytest.raises(users.ValidationError, match="ログイン ID"):
        credentials.set_credential(db, people.kacho, account_id, " ", SECRET)


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()])
def test_fail_and_null_backends_disable_the_feature(
    db: Database, people: People, backend: keyring.backend.KeyringBackend
) -> None:
    account_id = in_state(db, people, S.PREPARING)
    keyring.set_keyring(backend)
    status = keyring_access.keyring_status()
    assert not status.usable and "認証情報の機能は使えません" in status.message
    with pytest.raises(KeyringUnavailableError, match="ファイルやデータベースに保存することはありません"):
        credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    assert not credentials.info(db, people.kacho, account_id).exists
    _assert_secret_nowhere(db, SECRET)


def test_a_plain_text_backend_is_refused(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.PREPARING)
    PlaintextKeyring = type("PlaintextKeyring", (MemoryKeyring,), {"__module__": "keyrings.alt.file"})
    keyring.set_keyring(PlaintextKeyring())
    assert not keyring_access.keyring_status().usable
    with pytest.raises(KeyringUnavailableError):
        credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)


def _assert_secret_nowhere(db: Database, secret: str, extra_files: list[Path] | None = None) -> None:
    """The secret appears in no database file, audit event, log file or exported file."""
    needle = secret.encode("utf-8")
    assert db.location.path is not None
    files = [p for p in db.location.path.parent.glob(db.location.path.name + "*")]
    files += list(paths.log_dir().glob("*"))
    files += extra_files or []
    assert files
    for path in files:
        if path.is_file():
            assert needle not in path.read_bytes(), f"secret found in {path}"
    with db.read() as session:
        for event in session.scalars(select(AuditEvent)):
            assert secret not in event.payload


@pytest.fixture(scope="module")
def secret_service_env() -> Iterator[dict[str, str]]:
    with running_secret_service() as env:
        yield env


def use_secret_service(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> keyring.backend.KeyringBackend:
    from keyring.backends import SecretService

    for key, value in env.items():
        monkeypatch.setenv(key, value)
    backend = SecretService.Keyring()
    keyring.set_keyring(backend)
    return backend


@pytest.fixture
def secret_service(
    secret_service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> keyring.backend.KeyringBackend:
    return use_secret_service(secret_service_env, monkeypatch)


@pytest.fixture
def own_secret_service(monkeypatch: pytest.MonkeyPatch) -> Iterator[keyring.backend.KeyringBackend]:
    """A Secret Service for one test: one that gets locked cannot be unlocked again (no prompter), so no other
    test may share it."""
    with running_secret_service() as env:
        yield use_secret_service(env, monkeypatch)


def test_real_secret_service_keeps_the_secret_and_nothing_else_does(
    db: Database,
    people: People,
    secret_service: keyring.backend.KeyringBackend,
    tmp_path: Path,
) -> None:
    logging_setup.configure(verbose=True)
    logging.getLogger("sns_desk").debug("credential test starting")
    status = keyring_access.keyring_status()
    assert status.usable and "SecretService" in status.name
    account_id = in_state(db, people, S.PREPARING)
    credentials.set_credential(db, people.kacho, account_id, "kagoshima_kanko", SECRET)

    # another process's view: read straight from the Secret Service
    stored = secret_service.get_password(f"SNS Desk ({db.database_id})", f"account-{account_id}")
    assert stored is not None and SECRET in stored
    assert credentials.use_credential(db, people.tanto, account_id).password == SECRET
    accounts.activate(
        db,
        people.kyokucho,
        account_id,
        accounts.get_account(db, people.kyokucho, account_id).version,
        "テスト",
    )
    backup_file = backup.backup_now(db, people.admin, tmp_path / "backup.sqlite3")
    from sns_desk.export import workbooks as reports

    report = reports.export_account_report(
        db, people.kacho, account_id, "開設", tmp_path / "report.xlsx"
    ).path
    listing = reports.export_account_list(db, people.admin, tmp_path / "list.xlsx").path
    published = tmp_path / "policy.html"
    published.write_text(
        account_policies.published_policy(db, people.kacho, account_id, as_html=True), encoding="utf-8"
    )
    assert auditlog.verify_log(db, people.admin).ok

    _assert_secret_nowhere(db, SECRET, [backup_file, published, report, listing])

    credentials.delete_credential(db, people.kacho, account_id)
    assert secret_service.get_password(f"SNS Desk ({db.database_id})", f"account-{account_id}") is None


def test_a_locked_keyring_says_so(
    db: Database,
    people: People,
    own_secret_service: keyring.backend.KeyringBackend,
) -> None:
    """The unlock prompt is refused at once, with or without a display (the private bus has no prompter)."""
    import secretstorage

    account_id = in_state(db, people, S.PREPARING)
    connection = secretstorage.dbus_init()
    try:
        secretstorage.get_default_collection(connection).lock()
    finally:
        connection.close()
    started = time.monotonic()
    with pytest.raises(KeyringUnavailableError, match="ロックされています"):
        credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    assert time.monotonic() - started < keyring_access.DEFAULT_TIME_LIMIT_SECONDS / 2, (
        "refused, not timed out"
    )
    assert not credentials.info(db, people.kacho, account_id).exists, (
        "nothing recorded when the keyring refused"
    )


def test_the_private_secret_service_ends_every_process_it_started() -> None:
    from tests import processes

    with running_secret_service() as env:
        root = os.path.dirname(env["XDG_RUNTIME_DIR"])
        running = processes.marked(processes.marked_env({}, root)[processes.MARKER])
        names = {processes.command_line(pid).split()[0].rsplit("/", 1)[-1] for pid in running}
        assert {"dbus-daemon", "gnome-keyring-daemon"} <= names, names
    assert running and [pid for pid in running if processes.is_running(pid)] == []
    assert not os.path.exists(root)


def test_a_keyring_that_does_not_answer_is_given_up_after_the_time_limit(
    db: Database,
    people: People,
    unanswered: UnansweredKeyring,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    account_id = in_state(db, people, S.PREPARING)
    keyring.set_keyring(unanswered)
    monkeypatch.setenv(keyring_access.TIME_LIMIT_ENV, "0.5")
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, "sns_desk"), pytest.raises(KeyringUnavailableError) as raised:
        credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    assert time.monotonic() - started < 10
    assert "0.5 秒以内に応答しませんでした" in raised.value.message and "§3(3)ウ" in raised.value.message
    assert "keyring did not answer within 0.5 s while storing a credential" in caplog.text
    assert SECRET not in caplog.text
    assert not credentials.info(db, people.kacho, account_id).exists, "the record was rolled back"
    with pytest.raises(KeyringUnavailableError, match="応答しませんでした"):
        signing.signer_for(db, people.kacho)  # the 電子印鑑 key: the same limit


def test_the_cli_has_the_same_time_limit(
    db: Database,
    people: People,
    unanswered: UnansweredKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    from sns_desk.cli.main import main
    from sns_desk.host import identity

    account_id = in_state(db, people, S.PREPARING)
    keyring.set_keyring(unanswered)
    monkeypatch.setenv(keyring_access.TIME_LIMIT_ENV, "1")
    monkeypatch.setattr(identity, "current_login", lambda: people.kacho.login)
    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert db.location.path is not None
    code = main(["--db", str(db.location.path), "credential", "set", str(account_id), "--login-id", "kanko"])
    assert code != 0
    assert "1 秒以内に応答しませんでした" in capsys.readouterr().err


def test_contractor_role_needs_acknowledgement_before_using_credentials(
    db: Database, people: People, admin: Actor
) -> None:
    account_id = in_state(db, people, S.PREPARING)
    credentials.set_credential(db, people.kacho, account_id, "kanko", SECRET)
    uid = users.create_user(db, admin, users.UserInput("newagency", "新規業者", is_contractor=True))
    users.record_contractor_acknowledgement(db, admin, uid, date(2026, 11, 1))
    users.assign_account_role(db, people.kacho, account_id, uid, Role.CONTRACTOR)
    contractor = users.resolve_actor(db, "newagency")
    assert credentials.use_credential(db, contractor, account_id).login_id == "kanko"
