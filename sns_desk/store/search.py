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
    100,000 posts), one or two through the index of characters and pairs (0023); common terms, and databases
    without the indexes, use LIKE.
    """
    if 1 <= len(words) <= 2:
        short = short_term_matches(session, words)
        if short is not None and len(short) < RARE_MATCHES:
            return Post.id.in_(short)
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


# SQLite's index of single characters and pairs (migration 0023): terms of one or two characters.  Kept apart from
# the code above so that the PostgreSQL search (pg_trgm) can change without touching it.


def has_short_term_index(session: Session) -> bool:
    """Whether the database has the index of characters and pairs of migration 0023 (SQLite with FTS5)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'posts_fts_short'")).first()
    return found is not None


def short_term_matches(session: Session, words: str) -> list[int] | None:
    """The ids of up to ``RARE_MATCHES`` posts whose title, body or category contains ``words`` (one or two
    characters, Latin letters in any case, as LIKE), ascending; None where there is no such index.

    The token is made as 0023's triggers make them: the hexadecimal of the ASCII-lower-cased term's UTF-8 bytes.
    """
    if not 1 <= len(words) <= 2 or not has_short_term_index(session):
        return None
    return list(
        session.scalars(
            text(
                "SELECT rowid FROM posts_fts_short WHERE posts_fts_short MATCH '\"' || hex(lower(:words)) || '\"' "
                "LIMIT :n"
            ),
            {"words": words, "n": RARE_MATCHES},
        ).all()
    )
