"""The office's mail server, reached with the standard library's :mod:`smtplib` (issue 16, item 1).

The server, port, security, sender and user are city settings (the database); the password lives in this PC's OS
keyring under :data:`KEYRING_SERVICE` and ``user@host``, read through :func:`call_keyring` and never logged.
A failure comes back as a :class:`MailFailure` with a short English reason for the outbox and the log.
"""

from __future__ import annotations

import enum
import logging
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sns_desk.host.keyring_access import call_keyring, keyring_error, require_usable_keyring

log = logging.getLogger(__name__)

KEYRING_SERVICE = "SNS Desk mail server"
TIMEOUT_SECONDS = 20.0


class Security(enum.StrEnum):
    STARTTLS = "starttls"
    SMTPS = "smtps"
    NONE = "none"  # only for a server on this PC or a closed office segment

    @property
    def label(self) -> str:
        return {"starttls": "STARTTLS", "smtps": "SMTPS（SSL/TLS）", "none": "暗号化なし"}[self.value]


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: Security
    sender: str
    user: str = ""

    @property
    def keyring_name(self) -> str:
        return f"{self.user}@{self.host}"


@dataclass(frozen=True)
class Outgoing:
    to: str
    subject: str
    body: str


class MailFailure(Exception):
    """Sending failed; ``reason`` is short English (no password, no message text); ``login`` when refused."""

    def __init__(self, reason: str, *, login: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.login = login


def store_password(server: MailServer, password: str) -> None:
    """Keep the mail server's password in this PC's OS keyring (refused without a usable one)."""
    backend = require_usable_keyring()

    def put() -> None:
        backend.set_password(KEYRING_SERVICE, server.keyring_name, password)

    try:
        call_keyring(put, "storing the mail server password")
    except Exception as error:
        raise keyring_error(error, "storing the mail server password") from error
    log.info("stored the mail server password for %s in the OS keyring", server.keyring_name)


def stored_password(server: MailServer) -> str | None:
    """The password this PC's keyring holds for the server, or None (no user, none stored, no keyring)."""
    if not server.user:
        return None
    try:
        backend = require_usable_keyring()
        value = call_keyring(
            lambda: backend.get_password(KEYRING_SERVICE, server.keyring_name),
            "reading the mail server password",
        )
    except Exception as error:
        log.warning("mail server password unavailable on this PC: %s", type(error).__name__)
        return None
    return value if isinstance(value, str) else None


def _message(server: MailServer, item: Outgoing) -> EmailMessage:
    message = EmailMessage()
    message["From"] = server.sender
    message["To"] = item.to
    message["Subject"] = item.subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=server.sender.rpartition("@")[2] or None)
    message.set_content(item.body, charset="utf-8")
    return message


def _connect(server: MailServer) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if server.security is Security.SMTPS:
        return smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT_SECONDS, context=context)
    connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
    if server.security is Security.STARTTLS:
        connection.starttls(context=context)
    return connection


def send_all(server: MailServer, password: str | None, items: Sequence[Outgoing]) -> list[MailFailure | None]:
    """Send ``items`` over one connection: for each, None when sent or the failure.

    A failure to connect or log in fails every item with the same reason."""
    try:
        connection = _connect(server)
    except (OSError, smtplib.SMTPException) as error:
        reason = f"cannot reach {server.host}:{server.port} ({type(error).__name__}: {error})"
        log.warning("mail: %s", reason)
        return [MailFailure(reason) for _ in items]
    results: list[MailFailure | None] = []
    try:
        if server.user:
            try:
                connection.login(server.user, password or "")
            except smtplib.SMTPAuthenticationError as error:
                reason = f"the server refused the login of {server.user!r} (code {error.smtp_code})"
                log.warning("mail: %s", reason)
                return [MailFailure(reason, login=True) for _ in items]
            except smtplib.SMTPNotSupportedError:
                reason = "the server offers no login (AUTH); check the security setting"
                log.warning("mail: %s", reason)
                return [MailFailure(reason, login=True) for _ in items]
        for item in items:
            try:
                connection.send_message(_message(server, item))
                results.append(None)
            except smtplib.SMTPRecipientsRefused:
                results.append(MailFailure("the server refused the recipient address"))
            except (OSError, smtplib.SMTPException) as error:
                results.append(MailFailure(f"sending failed ({type(error).__name__})"))
        return results
    except (TimeoutError, OSError, smtplib.SMTPException) as error:
        reason = f"connection lost ({type(error).__name__})"
        return results + [MailFailure(reason) for _ in items[len(results) :]]
    finally:
        try:
            connection.quit()
        except (OSError, smtplib.SMTPException):
            connection.close()


def sending_pc() -> str:
    """Who claims a message in the outbox: this PC, its OS login and this process."""
    import os
    import platform

    from sns_desk.host.identity import current_login

    return f"{platform.node() or 'pc'}/{current_login()}/{os.getpid()}"[:150]
