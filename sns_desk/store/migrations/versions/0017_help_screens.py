"""訂正 (§8(2)) with its reason: what was wrong in the published post, kept on the correction.

Revision ID: 0017_help_screens
Revises: 0011_key_certificates
Create Date: 2026-11-30

The 下書き screen asks why a published post is corrected, as it asks why one is deleted (§8(3),
``posts.deleted_reason``); both show in the post's history.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_help_screens"
down_revision = "0016_revision_images"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("correction_reason", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("posts") as batch:
        batch.drop_column("correction_reason")
