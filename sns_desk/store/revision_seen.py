"""Which revision of a post each approver has seen, moved in one statement (issue 17: a decision pays no read
for it).  An INSERT … ON CONFLICT DO UPDATE, which PostgreSQL and SQLite (3.35 and later, for RETURNING) both
understand; the row never moves back to an earlier revision."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, bindparam
from sqlalchemy.orm import Session

from sns_desk.store.orm import RevisionView, UTCDateTime


@functools.cache
def _upsert(dialect: str) -> Any:
    """The statement for ``dialect``, built once (its parameters: post_id, user_id, number, seen_at)."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt: Any = insert(RevisionView).values(
        post_id=bindparam("post_id", type_=Integer),
        user_id=bindparam("user_id", type_=Integer),
        revision_number=bindparam("number", type_=Integer),
        seen_at=bindparam("seen_at", type_=UTCDateTime),
    )
    return stmt.on_conflict_do_update(
        index_elements=[RevisionView.post_id, RevisionView.user_id],
        set_={"revision_number": stmt.excluded.revision_number, "seen_at": stmt.excluded.seen_at},
        where=RevisionView.revision_number < stmt.excluded.revision_number,
    ).returning(RevisionView.id)


def see(session: Session, post_id: int, user_id: int, number: int, when: datetime) -> bool:
    """Remember that ``user_id`` saw revision ``number`` of the post, unless they saw a later one; did it move?"""
    stmt = _upsert(session.get_bind().dialect.name)
    values = {"post_id": post_id, "user_id": user_id, "number": number, "seen_at": when}
    return session.execute(stmt, values).first() is not None
