"""The one write lock of a server, and the writes that take it late (issue 17: 20 管理者 deciding at once).

On PostgreSQL every write transaction takes one advisory lock (:data:`WRITE_LOCK_KEY`), so that writes from all
PCs happen one at a time, as on a SQLite file (BEGIN IMMEDIATE): the audit chain's next number and hash follow
from the event before, and every use case's checks see what the writes before it left.

Most writes take the lock as their transaction begins.  A use case whose work *commutes* with certain other
writes may take it late instead (:class:`LateLock`): it reads, checks and writes its rows first, outside the
lock, noting the chain's end when it began; it takes the lock when it appends its first audit event.  Then it
reads every event committed since it began: if each of them commutes with its work (the use case says which do,
e.g. a decision on another post), its reads were as good as reads under the lock, and it goes on; otherwise
:class:`SerialRetry` rolls it back and it runs again from scratch under the lock taken at the start.  The chain
is appended under the lock exactly as before, so it stays gap-free and in commit order.  What a late write
changes it must guard with row locks (a post's version check) so that two PCs acting on the same row still
conflict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

WRITE_LOCK_KEY = 0x534E5344  # "SNSD": the advisory lock that makes writes to a server one at a time

# how many events committed between a late write's start and its lock are worth checking; beyond, run serially
MOST_EVENTS_BETWEEN = 200


@dataclass(frozen=True)
class ChainEvent:
    """An audit event another PC committed while a late write was doing its work."""

    seq: int
    action: str
    entity: str
    entity_id: str


Commutes = Callable[[Sequence[ChainEvent]], bool]


@dataclass
class LateLock:
    """A write transaction that takes the write lock at its first audit event (kept in ``Session.info``)."""

    commutes: Commutes
    start_seq: int
    held: bool = False


class SerialRetry(Exception):
    """A late write met an event it does not commute with: roll back and run it again under the lock."""


def take(conn: Any) -> None:
    """Wait for the write lock; it is released when the transaction ends (commit or rollback)."""
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def begin_late(conn: Any, lock_wait_ms: int) -> int:
    """A late write's first statement: the lock wait for its row locks, and the chain's end now (one round trip)."""
    row = conn.exec_driver_sql(
        "SELECT set_config('lock_timeout', %(wait)s, true), (SELECT coalesce(max(seq), 0) FROM audit_events)",
        {"wait": f"{lock_wait_ms}ms"},
    ).one()
    return int(row[1])
