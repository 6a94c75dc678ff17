"""Account logins in the OS credential store (§3(3)ウ), through ``keyring``.

The database records only that a credential exists, who set it and when it was last changed.  The secret goes to
the OS keyring and nowhere else: when the active backend is keyring's fail or null backend, or one that keeps
secrets in a file (keyrings.alt), the features are disabled with an explanation; nothing falls back to plain text.
A locked or unreachable keyring says so instead of posing as a missing password.

The OS keyring belongs to one person on one PC: a credential stored on one PC is not on the others.  The record
says where it was stored, so a colleague knows whom to ask.
"""

from __future__ import annotations

import json
import logging
import platform
from dataclasses import dataclass
from datetime import datetime

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from sqlalchemy.orm import Session

from sns_desk import audit
from sns_desk.db import Database
from sns_desk.errors import NotFoundError, SnsDeskError, ValidationError
from sns_desk.models import Account, AccountStatus, CredentialRecord, utcnow
from sns_desk.permissions import Permission, require
from sns_desk.services.common import Actor, load_user

log = logging.getLogger(__name__)

REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
REFUSED_NAME_WORDS = ("plaintext", "uncrypted", "unencrypted")


class KeyringUnavailableError(SnsDeskError):
    """The OS keyring cannot be used safely here; the message says why and what to do."""


@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    name: str
    message: str  # Japanese, for the 認証情報 tab


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)
    return list(inner) if inner else [backend]


def describe(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    """Rank the active backend like Vorta does, but never accept one that stores secrets in plain text."""
    active = backend or keyring.get_keyring()
    members = _backends(active)
    name = ", ".join(describe(b) for b in members)
    for member in members:
        module = type(member).__module__
        lowered = describe(member).lower()
        if module.startswith(REFUSED_MODULE_PREFIXES) or any(w in lowered for w in REFUSED_NAME_WORDS):
            return KeyringStatus(
                False,
                name,
                "この PC では、パスワードを安全に保管できる OS の資格情報ストア（Windows 資格情報マネージャー、"
                "macOS キーチェーン、GNOME キーリングなど）が使えません。認証情報の機能は使えません。"
                "パスワードをファイルやデータベースに保存することはありません。システム管理者に相談してください。"
                f"（検出されたバックエンド: {name}）",
            )
    if not members:
        return KeyringStatus(False, name, "OS の資格情報ストアが見つかりません。認証情報の機能は使えません。")
    return KeyringStatus(True, name, f"OS の資格情報ストアに保管します（{name}）。")


def require_usable_keyring() -> KeyringBackend:
    backend = keyring.get_keyring()
    status = keyring_status(backend)
    if not status.usable:
        raise KeyringUnavailableError(status.message, f"refusing keyring backend {status.name}")
    return backend


def _service(db: Database) -> str:
    return f"SNS Desk ({db.database_id})"


def _username(account_id: int) -> str:
    return f"account-{account_id}"


def keyring_error(error: Exception, doing: str) -> KeyringUnavailableError:
    text = str(error).lower()
    if "locked" in text or "dismissed" in text or isinstance(error, keyring.errors.KeyringLocked):
        message = "OS の資格情報ストアがロックされています。ロックを解除してからもう一度お試しください。"
    else:
        message = "OS の資格情報ストアにアクセスできませんでした。しばらくしてからもう一度お試しください。"
    return KeyringUnavailableError(message, f"keyring failed while {doing}: {type(error).__name__}")


@dataclass(frozen=True)
class CredentialInfo:
    exists: bool
    set_by: str = ""
    rotated_at: datetime | None = None
    where: str = ""


def info(db: Database, account_id: int) -> CredentialInfo:
    with db.read() as session:
        record = session.get(CredentialRecord, account_id)
        if record is None:
            return CredentialInfo(False)
        return CredentialInfo(True, record.set_by.display_name, record.rotated_at, record.backend)


def set_credential(db: Database, actor: Actor, account_id: int, login_id: str, password: str) -> None:
    """Store (or replace) the account's login ID and password in the OS keyring; audited without the secret."""
    login_id = login_id.strip()
    if not login_id:
        raise ValidationError("ログイン ID を入力してください。")
    if not password:
        raise ValidationError("パスワードを入力してください。")
    if len(password) < 8:
        raise ValidationError(
            "パスワードが短すぎます（8 文字以上）。SNS 側で推測されにくいパスワードにしてください（§3(3)ウ）。"
        )
    backend = require_usable_keyring()
    secret = json.dumps({"login_id": login_id, "password": password}, ensure_ascii=False)
    where = f"{platform.node() or 'この PC'} の {describe(_backends(backend)[0])}"

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.MANAGE_CREDENTIALS, account_id)
        account = session.get(Account, account_id)
        if account is None:
            raise NotFoundError("アカウントが見つかりません。")
        if account.status in (AccountStatus.CLOSED, AccountStatus.REJECTED, AccountStatus.REQUESTED):
            raise ValidationError(f"「{account.status.label}」のアカウントには認証情報を保存できません。")
        record = session.get(CredentialRecord, account_id)
        replaced = record is not None
        now = utcnow()
        if record is None:
            record = CredentialRecord(
                account_id=account_id, set_by_id=me.id, set_at=now, rotated_at=now, backend=where
            )
            session.add(record)
        else:
            record.set_by_id, record.rotated_at, record.backend = me.id, now, where
        session.flush()
        audit.append(
            session,
            me.login,
            "credential.replace" if replaced else "credential.set",
            "account",
            account_id,
            {"where": where},
        )
        # Last, so that a keyring failure rolls the record back; the transaction commits right after.
        try:
            backend.set_password(_service(db), _username(account_id), secret)
        except Exception as error:
            raise keyring_error(error, "storing a credential") from error

    db.write(work, what="set_credential")


@dataclass(frozen=True)
class Credential:
    login_id: str
    password: str

    def __repr__(self) -> str:  # never shows the secret in a log or a traceback
        return f"Credential(login_id={self.login_id!r}, password=***)"


def use_credential(db: Database, actor: Actor, account_id: int, purpose: str = "copy") -> Credential:
    """Hand the secret to a permitted person (for the clipboard); the use is audited without the secret."""
    backend = require_usable_keyring()

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.USE_CREDENTIALS, account_id)
        if session.get(CredentialRecord, account_id) is None:
            raise NotFoundError("このアカウントの認証情報はまだ保存されていません。")
        audit.append(session, me.login, "credential.use", "account", account_id, {"purpose": purpose})

    db.write(work, what="use_credential")
    try:
        stored = backend.get_password(_service(db), _username(account_id))
    except Exception as error:
        raise keyring_error(error, "reading a credential") from error
    if stored is None:
        where = info(db, account_id).where
        raise NotFoundError(
            "この PC の資格情報ストアには、このアカウントの認証情報がありません。"
            f"保存された場所: {where or '不明'}。その PC で操作するか、管理者が改めて保存してください。"
        )
    data = json.loads(stored)
    return Credential(str(data["login_id"]), str(data["password"]))


def delete_credential(db: Database, actor: Actor, account_id: int) -> None:
    backend = require_usable_keyring()

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.MANAGE_CREDENTIALS, account_id)
        record = session.get(CredentialRecord, account_id)
        if record is None:
            raise NotFoundError("このアカウントの認証情報は保存されていません。")
        session.delete(record)
        session.flush()
        audit.append(session, me.login, "credential.delete", "account", account_id, {})
        try:
            backend.delete_password(_service(db), _username(account_id))
        except keyring.errors.PasswordDeleteError:
            log.info("credential of account %s was not in this PC's keyring", account_id)
        except Exception as error:
            raise keyring_error(error, "deleting a credential") from error

    db.write(work, what="delete_credential")
