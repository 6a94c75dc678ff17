"""A post as the lists show it: the read model of the services' lists (``services/post_queries.py``) and of
start-up's quick first read (``store/first_page.py``).  Plain Python, so that the first list can be shown before
SQLAlchemy is imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

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
