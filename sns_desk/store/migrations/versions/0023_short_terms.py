"""Indexes for city scale (issue 17): an index of every character and every pair of characters of the posts' title, body and category, for search
terms of one or two characters, which the trigram index of 0007 cannot serve (SQLite only; issue 17).

Revision ID: 0023_short_terms
Revises: 0021_after_approval
Create Date: 2026-11-30

Without it, a term of one or two characters that matches nothing reads every post (about 50 ms at 100,000).
``posts_fts_short`` is a contentless FTS5 table (rowid = the post's id) holding, per post, one token for each
character and one for each pair of adjacent characters within a field, each token the hexadecimal of its UTF-8
bytes: every gram is then one plain token whatever its characters (punctuation, spaces, kana), and two
different grams never share a token.  The text is lower-cased first with SQLite's ``lower()``, which folds ASCII
letters only, exactly as SQLite's LIKE ignores case, so a lookup gives the same posts as LIKE
(tests/test_search_short_terms.py checks this against LIKE on random text).  ``detail=none`` keeps only which
posts hold a token, not where (the smallest FTS5 index).  Triggers keep it current, as 0007's do; SQLite forbids
WITH in triggers, so the positions of a text come from ``json_each`` over an array as long as the text.

On both backends, two plain indexes on ``posts`` make opening a post independent of the number of posts: its
corrections (``correction_of_id``) and the account's latest posts for the repetition check (account, updated).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from alembic import op
from sqlalchemy import exc

revision = "0023_short_terms"
down_revision = "0022_pg_trgm"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

TABLE = "posts_fts_short"
BATCH = 5000  # posts per step of the initial build (each step reports progress)


def grams(column: str) -> str:
    """SQL: the space-separated tokens of every character and pair of characters of ``column`` (NULL if empty)."""
    low = f"lower({column})"
    positions = f"json_each('[' || rtrim(replace(hex(zeroblob(length({low}))), '00', '0,'), ',') || ']')"
    return (
        f"(SELECT group_concat(hex(substr({low}, key + 1, 1)) || ' ' || hex(substr({low}, key + 1, 2)), ' ') "
        f"FROM {positions})"
    )


def document(row: str) -> str:
    """SQL: the tokens of a post's three searched fields (``row`` is ``new``, ``old`` or ``posts``)."""
    return " || ' ' || ".join(
        f"coalesce({grams(f'{row}.{field}')}, '')" for field in ("title", "body", "category")
    )


TRIGGERS = [
    f"""CREATE TRIGGER posts_fts_short_insert AFTER INSERT ON posts BEGIN
        INSERT INTO {TABLE}(rowid, grams) VALUES (new.id, {document("new")});
    END""",
    f"""CREATE TRIGGER posts_fts_short_delete AFTER DELETE ON posts BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, grams) VALUES ('delete', old.id, {document("old")});
    END""",
    f"""CREATE TRIGGER posts_fts_short_update AFTER UPDATE OF title, body, category ON posts BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, grams) VALUES ('delete', old.id, {document("old")});
        INSERT INTO {TABLE}(rowid, grams) VALUES (new.id, {document("new")});
    END""",
]


def upgrade() -> None:
    # Both backends: opening a post looks for its corrections, and its live checks for the account's latest posts
    # (each read every post at 100,000 without these).
    op.create_index("ix_posts_correction_of_id", "posts", ["correction_of_id"])
    op.create_index("ix_posts_account_id_updated_at", "posts", ["account_id", "updated_at"])
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # PostgreSQL: pg_trgm (another revision)
    try:
        bind.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(grams, content='', detail='none', tokenize='ascii')"
        )
    except exc.OperationalError as error:  # SQLite without FTS5: short terms keep LIKE
        log.warning("short-term search index not created, searching with LIKE: %s", error)
        return
    for trigger in TRIGGERS:
        bind.exec_driver_sql(trigger)
    # the posts already there, in steps that report progress (the app shows it while it upgrades the file)
    progress: Callable[[int, int, str], None] | None = op.get_context().config.attributes.get("progress")  # type: ignore[union-attr]
    total = bind.exec_driver_sql("SELECT count(*) FROM posts").scalar_one()
    done, last = 0, 0
    while True:
        ids = [
            row[0]
            for row in bind.exec_driver_sql(
                "SELECT id FROM posts WHERE id > ? ORDER BY id LIMIT ?", (last, BATCH)
            ).fetchall()
        ]
        if not ids:
            break
        bind.exec_driver_sql(
            f"INSERT INTO {TABLE}(rowid, grams) SELECT id, {document('posts')} FROM posts "
            "WHERE id BETWEEN ? AND ?",
            (ids[0], ids[-1]),
        )
        done, last = done + len(ids), ids[-1]
        if progress is not None:
            progress(done, total, f"検索用の索引を作成しています…（{done:,} / {total:,} 件）")
    log.info("short-term search index built for %d posts", done)


def downgrade() -> None:
    op.drop_index("ix_posts_account_id_updated_at", table_name="posts")
    op.drop_index("ix_posts_correction_of_id", table_name="posts")
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in ("posts_fts_short_insert", "posts_fts_short_delete", "posts_fts_short_update"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    bind.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
