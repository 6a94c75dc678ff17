"""A post as the lists show it: the read model of the services' lists (``services/post_queries.py``) and of
start-up's quick first read (``store/first_page.py``).  Plain Python, so that the first list can be shown before
SQLAlchemy is imported.

Both read a :class:`PostRow` as a plain row of :data:`COLUMNS`, the one list of where each field is stored and how
its stored value becomes the field's: the services through SQLAlchemy's Core (which already gives enums, aware
times and flags), start-up through Python's ``sqlite3`` (which gives the stored text and numbers).  Each reader says
how it converts every kind of :data:`COLUMNS` (:func:`row_reader`), so a field added to PostRow is added here once
and read by both (``tests/test_first_page.py`` checks that the list names exactly PostRow's fields)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, NamedTuple

from sns_desk.domain.vocabulary import PostStatus

PAGE_SIZE = 200  # rows per page of the post lists (the first page is what start-up shows)
PageKey = tuple[
    datetime, int
]  # (updated_at, id) of the last row seen: the lists are in this order, newest first


@dataclass(frozen=True)
class PostRow:
    id: int
    account_id: int
    account: str
    platform: str
    title: str
    body: str
    category: str
    status: PostStatus
    author: str
    author_id: int
    planned_at: datetime | None
    published_at: datetime | None
    updated_at: datetime
    emergency: bool
    scope_id: int | None
    version: int

    @property
    def page_key(self) -> PageKey:
        """Where the next page of a list starts after this row (``post_queries.list_posts``' ``after``)."""
        return (self.updated_at, self.id)

    @property
    def summary(self) -> str:
        first_line = self.body.strip().splitlines()[0] if self.body.strip() else ""
        return (self.title or first_line or "（本文なし）")[:60]

    def overdue(self, now: datetime | None = None) -> bool:
        return (
            self.status in (PostStatus.PENDING, PostStatus.APPROVED)
            and self.planned_at is not None
            and self.planned_at < (now or datetime.now(UTC))
        )


# How a column's stored value becomes its PostRow field:
#   "as_is"     the value itself (ids, text, the version)
#   "platform"  an account's stored Platform: the field is its label
#   "status"    a stored PostStatus
#   "time"      a stored time (naive UTC), never NULL: an aware UTC datetime
#   "time?"     the same, or None
#   "flag"      a stored boolean (0/1 on SQLite)
Stored = Literal["as_is", "platform", "status", "time", "time?", "flag"]
STORED_KINDS: tuple[Stored, ...] = ("as_is", "platform", "status", "time", "time?", "flag")


class Column(NamedTuple):  # not a dataclass: making one costs start-up about 0.4 ms more
    field: str  # PostRow's field
    table: Literal["posts", "accounts", "users"]  # the lists join a post's account and its author
    column: str  # the column of ``table`` (also the ORM attribute's name)
    stored: Stored


# PostRow's fields in PostRow's order: a row of these columns, converted, is PostRow's arguments.
COLUMNS: tuple[Column, ...] = (
    Column("id", "posts", "id", "as_is"),
    Column("account_id", "posts", "account_id", "as_is"),
    Column("account", "accounts", "name", "as_is"),
    Column("platform", "accounts", "platform", "platform"),
    Column("title", "posts", "title", "as_is"),
    Column("body", "posts", "body", "as_is"),
    Column("category", "posts", "category", "as_is"),
    Column("status", "posts", "status", "status"),
    Column("author", "users", "display_name", "as_is"),
    Column("author_id", "posts", "author_id", "as_is"),
    Column("planned_at", "posts", "planned_at", "time?"),
    Column("published_at", "posts", "published_at", "time?"),
    Column("updated_at", "posts", "updated_at", "time"),
    Column("emergency", "posts", "emergency", "flag"),
    Column("scope_id", "posts", "scope_id", "as_is"),
    Column("version", "posts", "version", "as_is"),
)


def row_reader(convert: Mapping[Stored, Callable[[Any], Any] | None]) -> Callable[[Sequence[Any]], PostRow]:
    """How a reader makes a PostRow of a row of :data:`COLUMNS`: ``convert`` says, for every kind of stored value,
    the function that makes the field of it (None: the value as it comes).  A reader must answer for every kind,
    so that a kind added here cannot pass through a reader unconverted."""
    missing = set(STORED_KINDS) - set(convert)
    if missing:
        raise ValueError(f"no conversion for {sorted(missing)}")
    steps = [(i, step) for i, c in enumerate(COLUMNS) if (step := convert[c.stored]) is not None]

    def read(row: Sequence[Any]) -> PostRow:
        values = list(row)
        for i, step in steps:  # only the columns that need it: a list reads 200 rows per keystroke
            values[i] = step(values[i])
        return PostRow(*values)

    return read
