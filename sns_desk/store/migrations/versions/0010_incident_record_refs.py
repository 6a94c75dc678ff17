"""§8(3) records are purgeable: when an incident action's reference (the words of a removed post) was erased.

Revision ID: 0010_incident_record_refs
Revises: 0009_scope_templates
Create Date: 2026-11-30

The reference of the §8(3) 「何を・なぜ削除したかを記録した」 action holds what a citizen wrote. It stays in the
trouble (never in the audit log, which keeps only its hash) and is erased with the inquiries' retention purge.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_incident_record_refs"
down_revision = "0009_scope_templates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incident_actions") as batch:
        batch.add_column(sa.Column("reference_purged_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident_actions") as batch:
        batch.drop_column("reference_purged_at")
