"""PostgreSQL at city scale (issue 17): pg_trgm GIN indexes over what the posts' word search reads (title, body,
category), so that ILIKE '%…%' reads only the posts that may match.

Revision ID: 0022_pg_trgm
Revises: 0021_after_approval
Create Date: 2026-11-30

The search's SQL does not change (ILIKE on each column, OR-ed), so its results are today's.  When the app's role
may not enable the extension, nothing is created, the migration succeeds, and start-up tells the システム管理者
what the DBA must run (store/pg_trigram.py; the indexes are created at the next start once it is enabled).
SQLite: nothing (it has the FTS5 trigram index of migration 0007).
"""

from __future__ import annotations

from alembic import op

from sns_desk.store import pg_trigram

revision = "0022_pg_trgm"
down_revision = "0021_after_approval"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        pg_trigram.enable(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        pg_trigram.drop_indexes(bind)
