"""Database server URLs without their password: the one way a URL is logged, shown or saved.

A server password lives in the OS keyring, looked up by the URL without it; ``settings.json`` and shortcuts keep
only that URL. Nothing here ever logs a password (issue 13, item 6).
"""

from __future__ import annotations

import logging
from urllib.parse import quote, unquote, urlsplit, urlunsplit

log = logging.getLogger(__name__)

KEYRING_SERVICE = "SNS Desk database server"
HIDDEN = "***"


def _parts(url: str) -> tuple[str, str | None, str]:
    """(user, password or None, host[:port]) of a URL's authority."""
    netloc = urlsplit(url).netloc
    if "@" not in netloc:
        return "", None, netloc
    userinfo, _, hostport = netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    return user, unquote(password) if colon else None, hostport


def _with_netloc(url: str, user: str, password: str | None, hostport: str) -> str:
    userinfo = user + (f":{password}" if password is not None else "")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{hostport}" if userinfo else hostport))


def is_url(value: str) -> bool:
    return "://" in value


def redact_url(value: str) -> str:
    """``value`` as it may be logged or shown: a URL's password replaced by ``***``; a file path unchanged."""
    if not is_url(value):
        return value
    try:
        user, password, hostport = _parts(value)
    except ValueError:
        return "(URL)"  # unparseable: show nothing of it rather than a possible secret
    if password is None:
        return value
    return _with_netloc(value, user, HIDDEN, hostport)


def split_password(value: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None). A file path comes back unchanged."""
    if not is_url(value):
        return value, None
    user, password, hostport = _parts(value)
    if password is None:
        return value, None
    return _with_netloc(value, user, None, hostport), password


def remember_password(url: str) -> str:
    """Put a URL's password into the OS keyring (under the URL without it) and return the URL without it.

    A URL without a password is returned as it is. Without a usable keyring the password is refused, never
    written to a file: :class:`~sns_desk.host.keyring_access.KeyringUnavailableError` says so in Japanese.
    """
    bare, password = split_password(url)
    if password is None:
        return url
    from sns_desk.host.keyring_access import keyring_error, require_usable_keyring  # not before the window

    backend = require_usable_keyring()
    try:
        backend.set_password(KEYRING_SERVICE, bare, password)
    except Exception as error:
        raise keyring_error(error, "storing a database server password") from error
    log.info("stored the password for %s in the OS keyring", bare)
    return bare


def with_stored_password(url: str) -> str:
    """The URL with the password this PC's keyring holds for it; unchanged when it has one or none is stored.

    Without a usable keyring the URL is returned as it is (the server then refuses it and says so)."""
    if not is_url(url):
        return url
    user, password, hostport = _parts(url)
    if password is not None or not user:
        return url
    from sns_desk.host.keyring_access import KeyringUnavailableError, keyring_error, require_usable_keyring

    try:
        backend = require_usable_keyring()
    except KeyringUnavailableError as error:
        log.info("no stored password for %s: %s", url, error.log_message)
        return url
    try:
        stored = backend.get_password(KEYRING_SERVICE, url)
    except Exception as error:  # a locked keyring says so rather than posing as a wrong password
        raise keyring_error(error, "reading a database server password") from error
    if stored is None:
        return url
    return _with_netloc(url, user, quote(stored, safe=""), hostport)
