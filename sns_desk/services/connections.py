"""Connections of accounts to their platforms (issue 14 item 1): set up by the アカウント管理者 on one PC, approved
by the アカウント責任者, like an account's credentials (§3(3)ウ).

The tokens go to the OS keyring of the PC (and OS login) that set the connection up and nowhere else; the record
says which PC that is, so the others know where publishing runs.  Setting up again replaces the token and needs a
new approval.  A connection is used only once approved.
"""

from __future__ import annotations

import logging
import platform
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sns_desk.domain.account_states import credentials_refusal
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.publication import CONNECTABLE
from sns_desk.domain.vocabulary import Platform, Role
from sns_desk.host import identity, platform_tokens
from sns_desk.host.line_api import LineClient, Quota
from sns_desk.host.platform_endpoints import endpoints
from sns_desk.host.x_api import XClient
from sns_desk.host.x_oauth import authorize
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, AccountMember, utcnow
from sns_desk.store.publishing_tables import PlatformConnection

log = logging.getLogger(__name__)


def this_pc() -> str:
    return platform.node() or "この PC"


@dataclass(frozen=True)
class ConnectionInfo:
    account_id: int
    platform: Platform
    host: str
    host_login: str
    remote_name: str
    remote_user_id: str
    audience_id: str
    client_id: str
    set_by: str
    set_at: datetime
    approved_by: str
    approved_at: datetime | None
    version: int

    @property
    def approved(self) -> bool:
        return self.approved_at is not None

    @property
    def here(self) -> bool:
        """Whether this PC and OS login hold the tokens."""
        return self.host == this_pc() and self.host_login == identity.current_login()

    def where(self) -> str:
        return f"{self.host}（{self.host_login}）"

    def status_text(self) -> str:
        who = self.remote_name and f"「{self.remote_name}」"
        state = f"承認済み（{self.approved_by}）" if self.approved else "責任者の承認待ち"
        return f"{self.platform.label}{who}と連携: {state}。トークンの保管先: {self.where()}"


def _info(row: PlatformConnection) -> ConnectionInfo:
    return ConnectionInfo(
        row.account_id,
        Platform(row.platform),
        row.host,
        row.host_login,
        row.remote_name,
        row.remote_user_id,
        row.audience_id,
        row.client_id,
        row.set_by.display_name,
        row.set_at,
        row.approved_by.display_name if row.approved_by else "",
        row.approved_at,
        row.version,
    )


def connection_of(db: Database, actor: Actor, account_id: int) -> ConnectionInfo | None:
    """The account's connection (never a token), for those who may see the account."""

    def work(step: Step) -> ConnectionInfo | None:
        step.see(step.load(Account, account_id).id)
        row = step.session.get(PlatformConnection, account_id)
        return _info(row) if row else None

    return look(db, actor, work)


def _check_setup(db: Database, actor: Actor, account_id: int, wanted: Platform) -> None:
    def work(step: Step) -> None:
        step.require(Permission.MANAGE_CREDENTIALS, account_id)
        account = step.load(Account, account_id)
        if account.platform is not wanted:
            raise ValidationError(
                f"このアカウントは {account.platform.label} のアカウントです。{wanted.label} とは連携できません。"
            )
        if account.platform not in CONNECTABLE:
            raise ValidationError(f"{account.platform.label} への投稿は手作業です（本文をコピーして投稿）。")
        refusal = credentials_refusal(account.status)
        if refusal:
            raise ValidationError(refusal, f"account {account.id} is {account.status.value}: no connection")

    look(db, actor, work)


def _record(
    db: Database,
    actor: Actor,
    account_id: int,
    platform_: Platform,
    fields: dict[str, str],
) -> None:
    def work(step: Step) -> None:
        step.require(Permission.MANAGE_CREDENTIALS, account_id)
        row = step.session.get(PlatformConnection, account_id)
        replaced = row is not None
        if row is None:
            row = PlatformConnection(account_id=account_id, set_by_id=step.me.id)
            step.session.add(row)
        row.platform = platform_.value
        row.host, row.host_login = this_pc(), identity.current_login()
        row.remote_user_id = fields.get("remote_user_id", "")
        row.remote_name = fields.get("remote_name", "")
        row.audience_id = fields.get("audience_id", "")
        row.client_id = fields.get("client_id", "")
        row.set_by_id, row.set_at = step.me.id, utcnow()
        row.approved_by_id, row.approved_at = None, None  # a new token needs a new approval
        step.audit(
            "connection.replace" if replaced else "connection.set",
            "account",
            account_id,
            {"platform": platform_.value, "host": row.host, "remote_name": row.remote_name},
        )

    change(db, actor, work, what="connection set")


def connect_x(
    db: Database,
    actor: Actor,
    account_id: int,
    client_id: str,
    open_browser: Callable[[str], object] | None = None,
    timeout: float = 300.0,
) -> ConnectionInfo:
    """The 管理者 connects an X account: the browser opens X's consent page (PKCE); the token goes to this PC's
    OS keyring; the connection then waits for the 責任者's approval."""
    _check_setup(db, actor, account_id, Platform.X)
    where = endpoints()
    browser = open_browser or webbrowser.open  # the person's default browser
    token = authorize(client_id, where.x_authorize, where.x_token, browser, where.redirect_port, timeout)
    stored: dict[str, Any] = {"kind": "x", "client_id": client_id.strip(), "token": token}
    client = XClient(where.x_api, where.x_token, client_id.strip(), token, lambda t: None, "アカウント管理者")
    try:
        remote_id, username = client.me()
    finally:
        client.close()
    stored["token"] = dict(client.token)
    platform_tokens.save(db.database_id, account_id, stored)
    _record(
        db,
        actor,
        account_id,
        Platform.X,
        {"remote_user_id": remote_id, "remote_name": f"@{username}", "client_id": client_id.strip()},
    )
    info = connection_of(db, actor, account_id)
    assert info is not None
    return info


def connect_line(
    db: Database, actor: Actor, account_id: int, channel_token: str, audience_id: str = ""
) -> Quota:
    """The 管理者 connects a LINE 公式アカウント with its long-lived channel access token (checked by reading the
    month's quota); ``audience_id``: send to that audience only (narrowcast) instead of every friend."""
    channel_token, audience_id = channel_token.strip(), audience_id.strip()
    if not channel_token:
        raise ValidationError("LINE Developers の「チャネルアクセストークン（長期）」を入力してください。")
    if audience_id and not audience_id.isdigit():
        raise ValidationError("オーディエンス ID は数字で入力してください（空欄なら友だち全員に送ります）。")
    _check_setup(db, actor, account_id, Platform.LINE)
    quota = LineClient(endpoints().line_api, channel_token, "アカウント管理者").quota()
    platform_tokens.save(db.database_id, account_id, {"kind": "line", "channel_token": channel_token})
    _record(db, actor, account_id, Platform.LINE, {"audience_id": audience_id})
    return quota


def approve_connection(db: Database, actor: Actor, account_id: int, expected_version: int) -> None:
    """The アカウント責任者 approves the connection; from then on posts may be sent through it."""

    def work(step: Step) -> None:
        step.require(Permission.APPROVE_CONNECTION, account_id)
        row = step.load(PlatformConnection, account_id, expected_version)
        if row.approved_at is not None:
            raise ValidationError("この連携は既に承認されています。")
        row.approved_by_id, row.approved_at = step.me.id, utcnow()
        step.audit("connection.approve", "account", account_id, {"platform": row.platform, "host": row.host})

    change(db, actor, work, what="connection approve")


def disconnect(db: Database, actor: Actor, account_id: int) -> None:
    """The 管理者 ends the connection; the token is removed from this PC's keyring when it is here."""

    def work(step: Step) -> bool:
        step.require(Permission.MANAGE_CREDENTIALS, account_id)
        row = step.session.get(PlatformConnection, account_id)
        if row is None:
            raise NotFoundError("このアカウントは連携されていません。")
        here = row.host == this_pc() and row.host_login == identity.current_login()
        step.session.delete(row)
        step.audit("connection.delete", "account", account_id, {"platform": row.platform, "host": row.host})
        return here

    if change(db, actor, work, what="connection delete"):
        platform_tokens.delete(db.database_id, account_id)


def reconnect_who(db: Database, actor: Actor, account_id: int) -> str:
    """Who must connect the account again when its token is refused: its アカウント管理者, by name."""

    def work(step: Step) -> str:
        step.see(account_id)
        rows = step.session.query(AccountMember).filter_by(account_id=account_id, role=Role.MANAGER).all()
        names = "、".join(row.user.display_name for row in rows)
        return f"アカウント管理者（{names}）" if names else "アカウント管理者"

    return look(db, actor, work)
