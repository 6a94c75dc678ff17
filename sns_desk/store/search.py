"""Finding posts by their words: the trigram index of migration 0007 where there is one (SQLite with FTS5), LIKE
or ILIKE otherwise.  The only place the search writes SQL by hand."""

from __future__ import annotations

import unicodedata

from sqlalchemy import ColumnElement, TextClause, or_, select, text
from sqlalchemy.orm import Session

from sns_desk.store import pg_short_terms
from sns_desk.store.orm import Post

RARE_MATCHES = 2000  # fewer matches than this: fetch them from the trigram index; more: scan in list order


def has_search_index(session: Session) -> bool:
    """Whether the database has the trigram index of migration 0007 (SQLite with FTS5)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'posts_fts'")).first()
    return found is not None


def post_text_condition(
    session: Session, words: str, accounts: list[int] | None = None
) -> ColumnElement[bool] | TextClause:
    """Posts whose title, body or category contains ``words`` (any case for Latin letters).

    Three characters or more go through the trigram index (a search that matches nothing no longer reads all
    100,000 posts), one or two through the index of characters and pairs (0023); common terms, and databases
    without the indexes, use LIKE.  ``accounts``: the accounts the person sees (None: every account).
    """
    if session.get_bind().dialect.name == "postgresql":
        return _server_condition(session, words, accounts)
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
    like = _like_pattern(words)
    return or_(*(column.like(like, escape="\\") for column in (Post.body, Post.title, Post.category)))


def _like_pattern(words: str) -> str:
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# Characters no lower-casing changes and none lower-cases to: letters without case (kana, kanji, Hangul…), their
# modifier letters (ー) and digits.  Lower-casing (PostgreSQL's lower(), libc's or ICU's, and Python's) changes only
# characters of Lu, Lt, So and Nl and yields only Ll, So, Nl (and a combining mark); checked over every code point
# against PostgreSQL 15's lower() (tests/test_pg_short_terms.py compares the lists with ILIKE).
CASELESS = frozenset({"Lo", "Lm", "Nd"})


def caseless(words: str) -> bool:
    """Whether ``words`` has no case: then a text holds it exactly where the text's lower case holds its lower
    case, and PostgreSQL's LIKE finds what ILIKE finds."""
    return all(unicodedata.category(c) in CASELESS for c in words)


def _ilike(words: str) -> ColumnElement[bool]:
    """PostgreSQL: the search's reference (its LIKE minds case, ILIKE does not), served by pg_trgm's indexes
    (0022) for three characters or more.  A term without case (most Japanese words) is matched with LIKE, which
    finds the same posts: ILIKE lower-cases every text it reads (in a multibyte database), LIKE compares bytes,
    about 2½ times faster where the list's order is walked (2,000 posts for a common character at 1,000,000)."""
    like = _like_pattern(words)
    columns = (Post.body, Post.title, Post.category)
    if caseless(words):
        return or_(*(column.like(like, escape="\\") for column in columns))
    return or_(*(column.ilike(like, escape="\\") for column in columns))


def _server_condition(
    session: Session, words: str, accounts: list[int] | None
) -> ColumnElement[bool] | TextClause:
    """PostgreSQL: one or two characters through the index of characters and pairs (0024), longer terms through
    pg_trgm's (0022); both give exactly what ILIKE gives.

    A term of one or two characters that many posts hold (by the statistics ANALYZE keeps of the index) is
    found along the list's own order (newest first): a screenful comes after a short stretch.  Any other is
    asked of the index first for at most ``RARE_MATCHES`` posts, as SQLite does (the planner alone would expect
    a rare term soon along the list's order and compute every post's characters on the way).  So is a term of
    any length for a person who sees some accounts: the statistics describe the whole city, and a word it uses
    often may be one their accounts never use, whose walk along the list's order reads every post.
    """
    ilike = _ilike(words)
    grams: TextClause | None = None
    if pg_short_terms.exact_for(words):
        many = pg_short_terms.estimated_matches(session.connection(), words)
        common = many is not None and many >= RARE_MATCHES
        if common and accounts is None:
            return ilike
        if not common:  # (some accounts and a common term: their posts are read by account, ILIKE on each)
            grams = text(f"{pg_short_terms.expression('posts')} @> ARRAY[lower(:short_term)]").bindparams(
                short_term=words
            )
    elif accounts is None:
        return ilike  # pg_trgm's indexes or the list's order, as the planner judges
    probe = select(Post.id).where(grams if grams is not None else ilike).limit(RARE_MATCHES)
    if accounts is not None:
        probe = probe.where(Post.account_id.in_(accounts))
    found = session.scalars(probe).all()
    if len(found) < RARE_MATCHES:
        return Post.id.in_(found)
    return ilike


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
