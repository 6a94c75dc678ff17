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

from sns_desk.domain.account_states import credentials_refusal
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.host.keyring_access import (
    backend_chain,
    call_keyring,
    describe,
    require_usable_keyring,
)
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, CredentialRecord, utcnow

log = logging.getLogger(__name__)


def _service(db: Database) -> str:
    return f"SNS Desk ({db.database_id})"


def _username(account_id: int) -> str:
    return f"account-{account_id}"


def _record(step: Step, account_id: int, missing: str) -> CredentialRecord:
    record = step.session.get(CredentialRecord, account_id)
    if record is None:
        raise NotFoundError(missing)
    return record


@dataclass(frozen=True)
class CredentialInfo:
    exists: bool
    set_by: str = ""
    rotated_at: datetime | None = None
    where: str = ""


def info(db: Database, actor: Actor, account_id: int) -> CredentialInfo:
    """Whether the account's credentials are kept, by whom and where (never the secret), for its members."""

    def work(step: Step) -> CredentialInfo:
        step.see(step.load(Account, account_id).id)
        record = step.session.get(CredentialRecord, account_id)
        if record is None:
            return CredentialInfo(False)
        return CredentialInfo(True, record.set_by.display_name, record.rotated_at, record.backend)

    return look(db, actor, work)


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
    where = f"{platform.node() or 'この PC'} の {describe(backend_chain(backend)[0])}"

    def work(step: Step) -> None:
        step.require(Permission.MANAGE_CREDENTIALS, account_id)
        account = step.load(Account, account_id)
        refusal = credentials_refusal(account.status)
        if refusal:
            raise ValidationError(refusal, f"account {account.id} is {account.status.value}: no credentials")
        record = step.session.get(CredentialRecord, account_id)
        replaced = record is not None
        now = utcnow()
        if record is None:
            record = CredentialRecord(
                account_id=account_id, set_by_id=step.me.id, set_at=now, rotated_at=now, backend=where
            )
            step.session.add(record)
        else:
            record.set_by_id, record.rotated_at, record.backend = step.me.id, now, where
        step.audit(
            "credential.replace" if replaced else "credential.set", "account", account_id, {"where": where}
        )
        # Last, so that a keyring failure rolls the record back; the transaction commits right after.
        call_keyring(
            lambda: backend.set_password(_service(db), _username(account_id), secret), "storing a credential"
        )

    change(db, actor, work, what="set_credential")


@dataclass(frozen=True)
class Credential:
    login_id: str
    password: str

    def __repr__(self) -> str:  # never shows the secret in a log or a traceback
        return f"Credential(login_id={self.login_id!r}, password=***)"


def use_credential(db: Database, actor: Actor, account_id: int, purpose: str = "copy") -> Credential:
    """Hand the secret to a permitted person (for the clipboard); the use is audited without the secret."""
    backend = require_usable_keyring()

    def work(step: Step) -> None:
        step.require(Permission.USE_CREDENTIALS, account_id)
        _record(step, account_id, "このアカウントの認証情報はまだ保存されていません。")
        step.audit("credential.use", "account", account_id, {"purpose": purpose})

    change(db, actor, work, what="use_credential")
    stored = call_keyring(
        lambda: backend.get_password(_service(db), _username(account_id)), "reading a credential"
    )
    if stored is None:
        where = info(db, actor, account_id).where
        raise NotFoundError(
            "この PC の資格情報ストアには、このアカウントの認証情報がありません。"
            f"保存された場所: {where or '不明'}。その PC で操作するか、管理者が改めて保存してください。"
        )
    data = json.loads(stored)
    return Credential(str(data["login_id"]), str(data["password"]))


def delete_credential(db: Database, actor: Actor, account_id: int) -> None:
    backend = require_usable_keyring()

    def work(step: Step) -> None:
        step.require(Permission.MANAGE_CREDENTIALS, account_id)
        step.session.delete(_record(step, account_id, "このアカウントの認証情報は保存されていません。"))
        step.audit("credential.delete", "account", account_id)
        try:
            call_keyring(
                lambda: backend.delete_password(_service(db), _username(account_id)),
                "deleting a credential",
                passthrough=(keyring.errors.PasswordDeleteError,),
            )
        except keyring.errors.PasswordDeleteError:
            log.info("credential of account %s was not in this PC's keyring", account_id)

    change(db, actor, work, what="delete_credential")
