"""The OS keyring: which backend is in use, whether it may hold secrets, and its errors in Japanese.

Refused: keyring's fail and null backends and any that keep secrets in a file (keyrings.alt); nothing
falls back to plain text.  A locked or unreachable keyring says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from sns_desk.domain.errors import SnsDeskError

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


def backend_chain(backend: KeyringBackend) -> list[KeyringBackend]:
    """The backends behind ``backend`` (keyring's chainer holds several), or ``backend`` alone."""
    inner = getattr(backend, "backends", None)
    return list(inner) if inner else [backend]


def describe(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def keyring_status(backend: KeyringBackend | None = None) -> KeyringStatus:
    """Rank the active backend like Vorta does, but never accept one that stores secrets in plain text."""
    active = backend or keyring.get_keyring()
    members = backend_chain(active)
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


def keyring_error(error: Exception, doing: str) -> KeyringUnavailableError:
    text = str(error).lower()
    if "locked" in text or "dismissed" in text or isinstance(error, keyring.errors.KeyringLocked):
        message = "OS の資格情報ストアがロックされています。ロックを解除してからもう一度お試しください。"
    else:
        message = "OS の資格情報ストアにアクセスできませんでした。しばらくしてからもう一度お試しください。"
    return KeyringUnavailableError(message, f"keyring failed while {doing}: {type(error).__name__}")
