"""Finding posts by their words: the trigram index of migration 0007 where there is one (SQLite with FTS5), LIKE
or ILIKE otherwise.  The only place the search writes SQL by hand."""

from __future__ import annotations

from sqlalchemy import ColumnElement, or_, text
from sqlalchemy.orm import Session

from sns_desk.store.orm import Post

RARE_MATCHES = 2000  # fewer matches than this: fetch them from the trigram index; more: scan in list order


def has_search_index(session: Session) -> bool:
    """Whether the database has the trigram index of migration 0007 (SQLite with FTS5)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'posts_fts'")).first()
    return found is not None


def post_text_condition(session: Session, words: str) -> ColumnElement[bool]:
    """Posts whose title, body or category contains ``words`` (any case for Latin letters).

    Three characters or more go through the trigram index (a search that matches nothing no longer reads all
    100,000 posts); shorter ones, and databases without the index, use LIKE.
    """
    if len(words) >= 3 and has_search_index(session):
        phrase = '"' + words.replace('"', '""') + '"'
        rare = session.scalars(
            text("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :phrase LIMIT :n"),
            {"phrase": phrase, "n": RARE_MATCHES},
        ).all()
        if len(rare) < RARE_MATCHES:
            return Post.id.in_(rare)
        # Many posts match: the list's own order (newest first) reaches a screenful after a short stretch, so
        # LIKE along that index is quicker than collecting every match from the index.
    like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # SQLite's LIKE ignores the case of Latin letters; PostgreSQL's does not, ILIKE does
    server = session.get_bind().dialect.name == "postgresql"
    return or_(
        *(
            (column.ilike(like, escape="\\") if server else column.like(like, escape="\\"))
            for column in (Post.body, Post.title, Post.category)
        )
    )
