"""Who gets which e-mail notice and through which server (issue 16, item 1).

The server is a city setting of the システム管理者, kept in ``app_meta`` (its password only in each sending PC's OS
keyring, :mod:`sns_desk.host.mail_transport`).  Each person turns kinds off for themselves (``mail_opt_outs``);
their address is the one on their user record.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.host.mail_transport import MailServer, Security, store_password
from sns_desk.services import person_facts
from sns_desk.services.access import require
from sns_desk.services.actors import Actor, load_user
from sns_desk.services.usecase import Step, change, look
from sns_desk.services.users import EMAIL_RE
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import MailOptOut
from sns_desk.store.orm import AppMeta

KEYS = ("mail_host", "mail_port", "mail_security", "mail_sender", "mail_user")


def _meta(session: Session, key: str) -> str:
    row = session.get(AppMeta, key)
    return row.value.strip() if row else ""


def server_in(session: Session) -> MailServer | None:
    """The configured server, or None while e-mail is not set up (no host or no sender)."""
    host, sender = _meta(session, "mail_host"), _meta(session, "mail_sender")
    if not host or not sender:
        return None
    security_text = _meta(session, "mail_security")
    security = Security(security_text) if security_text in set(Security) else Security.STARTTLS
    port_text = _meta(session, "mail_port")
    default_port = 465 if security is Security.SMTPS else 587
    port = int(port_text) if port_text.isdigit() else default_port
    return MailServer(host, port, security, sender, _meta(session, "mail_user"))


def mail_server(db: Database, actor: Actor) -> MailServer | None:
    """The server as 設定 shows it (anyone may see where notices come from; the password never leaves a keyring)."""
    return look(db, actor, lambda step: server_in(step.session))


def validate_server(server: MailServer) -> MailServer:
    host = server.host.strip()
    sender = server.sender.strip()
    if not host or any(c.isspace() for c in host):
        raise ValidationError("メールサーバーの名前（例: smtp.city.example.lg.jp）を入力してください。")
    if not 1 <= server.port <= 65535:
        raise ValidationError("ポート番号は 1〜65535 で指定してください（通常 587 または 465）。")
    if not EMAIL_RE.match(sender):
        raise ValidationError(f"送信元のメールアドレス「{sender}」の形式が正しくありません。")
    return MailServer(host, server.port, server.security, sender, server.user.strip())


def set_mail_server(db: Database, actor: Actor, server: MailServer, password: str | None = None) -> None:
    """The システム管理者 sets the office's mail server; a password given goes to this PC's OS keyring."""
    server = validate_server(server)
    values = {
        "mail_host": server.host,
        "mail_port": str(server.port),
        "mail_security": server.security.value,
        "mail_sender": server.sender,
        "mail_user": server.user,
    }

    def work(step: Step) -> None:
        step.require(Permission.MANAGE_DATABASE)
        for key, value in values.items():
            row = step.session.get(AppMeta, key)
            if row is None:
                step.session.add(AppMeta(key=key, value=value))
            else:
                row.value = value
        payload: dict[str, object] = {**values, "password_given": bool(password)}
        step.audit("settings.mail_server", "database", db.database_id, payload)

    if password:
        if not server.user:
            raise ValidationError("パスワードを保存するには、ログインするユーザー名も入力してください。")
        with db.read() as session:  # refuse before touching the keyring
            require(session, load_user(session, actor), Permission.MANAGE_DATABASE)
        store_password(server, password)
    change(db, actor, work, what="set mail server")


@dataclass(frozen=True)
class KindChoice:
    kind: MailKind
    enabled: bool


def opted_out(session: Session, user_id: int) -> set[MailKind]:
    rows = person_facts.muted(session, user_id)  # the acting person's come with their row
    return {MailKind(k) for k in rows if k in set(MailKind)}


@dataclass(frozen=True)
class MyNotices:
    address: str  # from the person's user record ("" when none is registered)
    choices: tuple[KindChoice, ...]

    def muted(self) -> set[MailKind]:
        return {c.kind for c in self.choices if not c.enabled}


def my_kinds(db: Database, actor: Actor) -> MyNotices:
    """Every kind of notice with whether this person receives it, and the address it goes to."""

    def work(step: Step) -> MyNotices:
        off = opted_out(step.session, step.me.id)
        return MyNotices(step.me.email, tuple(KindChoice(kind, kind not in off) for kind in MailKind))

    return look(db, actor, work)


def set_my_kinds(db: Database, actor: Actor, enabled: set[MailKind]) -> None:
    """A person's own choice of notices (e-mail and tray); anyone may set their own."""

    def work(step: Step) -> None:
        step.session.execute(delete(MailOptOut).where(MailOptOut.user_id == step.me.id))
        off = sorted(set(MailKind) - enabled)
        for kind in off:
            step.session.add(MailOptOut(user_id=step.me.id, kind=kind.value))
        step.audit("user.mail_kinds", "user", step.me.id, {"off": [k.value for k in off]})

    change(db, actor, work, what="set mail kinds")
