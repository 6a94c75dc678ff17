"""PostgreSQL at city scale (issue 17): an index of every character and pair of characters of the posts' title,
body and category, so that a search term of one or two characters, which pg_trgm cannot serve, no longer reads
every post when few or none contain it (store/pg_short_terms.py).

Revision ID: 0024_pg_short_terms
Revises: 0023_short_terms
Create Date: 2026-12-01

An IMMUTABLE function ``sns_desk_grams(text)`` and a GIN index over its arrays (built-in ``array_ops``: no
extension, so it is made also where the app's role may not enable pg_trgm).  On an existing database the index
is built for every post in one CREATE INDEX (about 2–3 minutes per 1,000,000 posts on the benchmark machine),
its progress shown in the opening dialog.  SQLite: nothing (0023 gave it its own index).
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

from sns_desk.store import pg_short_terms

revision = "0024_pg_short_terms"
down_revision = "0023_short_terms"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    progress: Callable[[int, int, str], None] | None = op.get_context().config.attributes.get("progress")  # type: ignore[union-attr]
    pg_short_terms.create(bind, progress)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        pg_short_terms.drop(bind)
