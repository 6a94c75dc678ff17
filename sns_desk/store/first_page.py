"""Start-up's quick first read: the person and the first page of the 下書き list, with Python's ``sqlite3`` alone.

Issue 17 (ready within 2x a bare window): importing SQLAlchemy and the ORM takes longer than the whole bare window,
so the app shows the first list from this read while SQLAlchemy loads on a worker thread, then replaces it with the
services' list (``gui/app.py``).  The read is used only when it can be trusted, and says None otherwise (the app
then starts exactly as it did without it):

* a SQLite file (never a server) at exactly the schema revision this app expects (``schema_revisions``: read from
  the migration files, without Alembic), with ``app_meta`` (an SNS Desk file) and without a rollback journal to
  recover (an unfinished write from a crashed PC: the full opening recovers it first);
* a registered, active person for the OS login who is not an unacknowledged 委託業者 (first run and "not registered"
  take the usual path);
* opened read-only (``mode=ro``: not a byte of the file changes), all of it in one read transaction (one SHARED
  lock, as the app's reads take it), with a short busy timeout: a file locked by a writer, damaged or unreadable
  is left to the full opening, which explains it as before.

Who sees which posts is :func:`sns_desk.domain.visibility.visible_accounts`, the rule the services' reads use; the
columns, the order (newest ``updated_at``, then ``id``) and the page size are those of
``post_queries.list_posts``, which a test compares row for row for every role.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sns_desk.domain import visibility
from sns_desk.domain.vocabulary import Platform, PostStatus, Role
from sns_desk.store import post_rows
from sns_desk.store.post_rows import PostRow
from sns_desk.store.schema_revisions import head_revision

log = logging.getLogger(__name__)

BUSY_SECONDS = (
    0.2  # a writer holding the file longer than this: the full opening waits for it, with its retries
)


@dataclass(frozen=True)
class QuickPerson:
    """The OS person's ``users`` row, as :mod:`sns_desk.domain.visibility` reads it."""

    user_id: int
    login: str
    display_name: str
    active: bool
    is_admin: bool
    is_pr: bool
    is_contractor: bool
    contractor_ack_on: datetime | None


@dataclass(frozen=True)
class FirstPage:
    person: QuickPerson
    rows: list[PostRow]
    limit: int  # the page size read (a full page means there may be more)


def _time(value: str | None) -> datetime | None:
    """A stored time (naive UTC text, as SQLAlchemy writes it) as the aware UTC datetime the ORM hands out."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _journal_to_recover(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


_ALIASES = {"posts": "p", "accounts": "a", "users": "u"}
_POSTS = (
    "SELECT "
    + ", ".join(f"{_ALIASES[c.table]}.{c.column}" for c in post_rows.COLUMNS)
    + " FROM posts p JOIN accounts a ON a.id = p.account_id JOIN users u ON u.id = p.author_id"
)


def _stamp(value: str | None) -> datetime:
    moment = _time(value)
    if moment is None:
        raise ValueError("a post without updated_at")
    return moment


# One row as the ORM would give it: enums from their stored values, times as aware UTC, flags as bool.
_row = post_rows.row_reader(
    {
        "as_is": None,
        "platform": lambda stored: Platform(stored).label,
        "status": PostStatus,
        "time": _stamp,
        "time?": _time,
        "flag": bool,
    }
)


def read_first_page(path: Path, login: str, limit: int) -> FirstPage | None:
    """The person of ``login`` and the first ``limit`` posts of their 下書き list (no filter), or None when this
    read cannot be trusted (see the module's docstring); never raises for the file's sake."""
    if _journal_to_recover(path):
        return None
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_SECONDS, isolation_level=None
        )
    except sqlite3.Error as error:
        log.info("quick first read skipped: %s", error)
        return None
    try:
        conn.execute("BEGIN")  # one SHARED lock for the person and the posts: a consistent snapshot
        return _read(conn, login, limit)
    except (
        sqlite3.Error,
        ValueError,
        KeyError,
    ) as error:  # ValueError/KeyError: a value this app cannot read
        log.info("quick first read skipped: %s", error)
        return None
    finally:
        conn.close()  # ends the read transaction


def _read(conn: sqlite3.Connection, login: str, limit: int) -> FirstPage | None:
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "app_meta", "users", "posts"} <= tables:
        return None
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if revision is None or revision[0] != head_revision():
        return None  # to be upgraded, newer than this app, or not stamped: the full opening decides
    found = conn.execute(
        "SELECT id, login, display_name, active, is_admin, is_pr, is_contractor, contractor_ack_on "
        "FROM users WHERE login = ?",
        (login,),
    ).fetchone()
    if found is None:
        return None
    person = QuickPerson(
        found[0],
        found[1],
        found[2],
        bool(found[3]),
        bool(found[4]),
        bool(found[5]),
        bool(found[6]),
        _time(found[7]),
    )
    if not person.active or visibility.unacknowledged_contractor(person):
        return None  # the full opening tells them whom to ask

    def held() -> dict[int, set[Role]]:
        memberships = conn.execute(
            "SELECT m.account_id, m.role FROM account_members m JOIN accounts a ON a.id = m.account_id "
            "WHERE m.user_id = ?",
            (person.user_id,),
        ).fetchall()
        return visibility.account_roles(
            person, [(account_id, Role(role)) for account_id, role in memberships]
        )

    visible = visibility.visible_accounts(visibility.city_roles(person), held)
    if visible is not None and not visible:
        return FirstPage(person, [], limit)
    where = ""
    parameters: list[object] = []
    if visible is not None:
        where = f" WHERE p.account_id IN ({', '.join('?' * len(visible))})"
        parameters.extend(sorted(visible))
    rows = conn.execute(
        f"{_POSTS}{where} ORDER BY p.updated_at DESC, p.id DESC LIMIT ?", (*parameters, limit)
    ).fetchall()
    return FirstPage(person, [_row(row) for row in rows], limit)
