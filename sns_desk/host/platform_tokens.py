"""A connection's tokens in this PC's OS keyring (never in the database, a setting, a log or an e-mail).

One keyring entry per connected account, JSON: for X the OAuth 2.0 token (access, refresh, expiry), for LINE the
channel access token.  Each call goes through :func:`~sns_desk.host.keyring_access.call_keyring` (time limit,
Japanese errors).
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import keyring

from sns_desk.host.keyring_access import call_keyring, require_usable_keyring


def _service(database_id: str) -> str:
    return f"SNS Desk ({database_id}) connections"


def _name(account_id: int) -> str:
    return f"account-{account_id}"


def save(database_id: str, account_id: int, token: dict[str, Any]) -> None:
    require_usable_keyring()
    text = json.dumps(token, sort_keys=True)
    call_keyring(
        lambda: keyring.set_password(_service(database_id), _name(account_id), text),
        f"saving the connection token of account {account_id}",
    )


def load(database_id: str, account_id: int) -> dict[str, Any] | None:
    require_usable_keyring()
    text = call_keyring(
        lambda: keyring.get_password(_service(database_id), _name(account_id)),
        f"reading the connection token of account {account_id}",
    )
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def delete(database_id: str, account_id: int) -> None:
    def remove() -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(_service(database_id), _name(account_id))

    require_usable_keyring()
    call_keyring(remove, f"deleting the connection token of account {account_id}")
