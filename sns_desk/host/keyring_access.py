"""The OS keyring: which backend is in use, whether it may hold secrets, and its errors in Japanese.

Refused: keyring's fail and null backends and any that keep secrets in a file (keyrings.alt); nothing
falls back to plain text.  A locked or unreachable keyring says so.

Every call that may reach the OS store (and wait there for an unlock prompt nobody sees, e.g. on a remote
desktop) goes through :func:`call_keyring`: it runs on a worker thread and is given up after a time limit
(:func:`time_limit`), so neither the GUI nor the CLI can hang on it.  A caller may also be cancelled while it
waits (:func:`cancellable`, used by the GUI's wait dialog).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from sns_desk.domain.errors import SnsDeskError

log = logging.getLogger(__name__)

REFUSED_MODULE_PREFIXES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


REFUSED_NAME_WORDS = ("plaintext", "uncrypted", "unencrypted")

TIME_LIMIT_ENV = "SNS_DESK_KEYRING_TIMEOUT"
DEFAULT_TIME_LIMIT_SECONDS = 60.0  # long enough to type an unlock password into the OS prompt
_POLL_SECONDS = 0.05

T = TypeVar("T")

_cancelled: ContextVar[Callable[[], bool] | None] = ContextVar("keyring_cancelled", default=None)


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


def time_limit() -> float:
    """Seconds a keyring call may take: ``SNS_DESK_KEYRING_TIMEOUT`` when set to a positive number, else 60."""
    raw = os.environ.get(TIME_LIMIT_ENV, "").strip()
    if raw:
        try:
            value = float(raw)
        except ValueError:
            log.warning("ignoring %s=%r: not a number of seconds", TIME_LIMIT_ENV, raw)
        else:
            if value > 0:
                return value
            log.warning("ignoring %s=%r: not a positive number of seconds", TIME_LIMIT_ENV, raw)
    return DEFAULT_TIME_LIMIT_SECONDS


@contextmanager
def cancellable(cancelled: Callable[[], bool]) -> Iterator[None]:
    """Keyring calls made in this context (on this thread) stop waiting, with InterruptedError, once
    ``cancelled()`` is true."""
    token = _cancelled.set(cancelled)
    try:
        yield
    finally:
        _cancelled.reset(token)


def call_keyring(call: Callable[[], T], doing: str, *, passthrough: tuple[type[Exception], ...] = ()) -> T:
    """Run ``call`` (one request to the OS keyring) on a worker thread and wait at most :func:`time_limit`.

    Returns its result; its errors become KeyringUnavailableError (:func:`keyring_error`) except those of the
    ``passthrough`` types, which are raised as they are.  When the limit passes, raises KeyringUnavailableError (in Japanese;
    an English line goes to the log); when the caller's :func:`cancellable` check turns true, InterruptedError.
    The abandoned call is left to finish or fail on its own daemon thread: a blocked D-Bus prompt cannot be
    interrupted from outside, and the app must not wait for it to exit.
    """
    limit = time_limit()
    cancelled = _cancelled.get()
    finished = threading.Event()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = call()
        except BaseException as error:  # handed to the waiting thread
            outcome["error"] = error
        finally:
            finished.set()

    threading.Thread(target=run, name=f"keyring: {doing}", daemon=True).start()
    started = time.monotonic()
    while not finished.wait(_POLL_SECONDS):
        waited = time.monotonic() - started
        if cancelled is not None and cancelled():
            log.info("keyring call cancelled by the user while %s (after %.1f s)", doing, waited)
            raise InterruptedError(f"keyring call cancelled while {doing}")
        if waited >= limit:
            log.warning("keyring did not answer within %g s while %s; giving up", limit, doing)
            raise KeyringUnavailableError(
                f"OS の資格情報ストアが {limit:g} 秒以内に応答しませんでした。"
                "ロック解除の確認画面が表示されていないか（リモートデスクトップでは表示されないことがあります）"
                "確かめてから、もう一度お試しください。解決しない場合はシステム管理者に相談してください（§3(3)ウ）。",
                f"keyring call timed out after {limit:g} s while {doing}",
            )
    error = outcome.get("error")
    if isinstance(error, passthrough):
        raise error
    if isinstance(error, Exception):
        raise keyring_error(error, doing) from error
    if isinstance(error, BaseException):
        raise error
    return outcome.get("result")  # type: ignore[return-value]


def keyring_error(error: Exception, doing: str) -> KeyringUnavailableError:
    if isinstance(error, KeyringUnavailableError):
        return error  # already says what happened (e.g. the time limit passed)
    text = str(error).lower()
    if "locked" in text or "dismissed" in text or isinstance(error, keyring.errors.KeyringLocked):
        message = "OS の資格情報ストアがロックされています。ロックを解除してからもう一度お試しください。"
    else:
        message = "OS の資格情報ストアにアクセスできませんでした。しばらくしてからもう一度お試しください。"
    return KeyringUnavailableError(message, f"keyring failed while {doing}: {type(error).__name__}")
