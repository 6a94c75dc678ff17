"""A trigram full-text index over the posts' title, body and category, for search-as-you-type (SQLite only).

Revision ID: 0007_post_search
Revises: 0006_incidents
Create Date: 2026-11-26

FTS5's trigram tokenizer finds any substring of three or more characters, which suits Japanese (no word
boundaries). The index is an external-content table kept current by triggers. Where SQLite was built without
FTS5 (or on PostgreSQL), nothing is created and the search falls back to LIKE (store/search.py).
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import exc

revision = "0007_post_search"
down_revision = "0006_incidents"
branch_labels = None
depends_on = None

log = logging.getLogger(__name__)

TRIGGERS = [
    """CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
        INSERT INTO posts_fts(rowid, title, body, category) VALUES (new.id, new.title, new.body, new.category);
    END""",
    """CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, title, body, category)
        VALUES ('delete', old.id, old.title, old.body, old.category);
    END""",
    """CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, body, category ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, title, body, category)
        VALUES ('delete', old.id, old.title, old.body, old.category);
        INSERT INTO posts_fts(rowid, title, body, category) VALUES (new.id, new.title, new.body, new.category);
    END""",
]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    try:
        bind.exec_driver_sql(
            "CREATE VIRTUAL TABLE posts_fts USING fts5("
            "title, body, category, content='posts', content_rowid='id', tokenize='trigram')"
        )
    except exc.OperationalError as error:  # SQLite without FTS5 or too old for trigram (< 3.34)
        log.warning("post search index not created, searching with LIKE: %s", error)
        return
    for trigger in TRIGGERS:
        bind.exec_driver_sql(trigger)
    bind.exec_driver_sql("INSERT INTO posts_fts(posts_fts) VALUES ('rebuild')")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for name in ("posts_fts_insert", "posts_fts_delete", "posts_fts_update"):
        bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    bind.exec_driver_sql("DROP TABLE IF EXISTS posts_fts")
