"""A real SMTP server on this PC for the e-mail tests (aiosmtpd): it keeps what it receives and checks logins."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER = "sns-desk@city.example.lg.jp"
PASSWORD = "mail-server-secret-123"


@dataclass
class Inbox:
    messages: list[EmailMessage] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 OK"

    def check_login(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = data.login.decode()
        self.logins.append(login)
        # handled=False: the server itself answers a refusal with 535
        return AuthResult(success=login == USER and data.password.decode() == PASSWORD, handled=False)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class SmtpServer:
    port: int
    inbox: Inbox


@pytest.fixture(name="smtp_server")
def smtp_server_fixture() -> Iterator[SmtpServer]:
    """A server on a free port of this PC that accepts the login USER / PASSWORD only."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=port,
        authenticator=inbox.check_login,
        auth_require_tls=False,
        auth_exclude_mechanism=["CRAM-MD5"],
    )
    controller.start()
    try:
        yield SmtpServer(port, inbox)
    finally:
        controller.stop()
