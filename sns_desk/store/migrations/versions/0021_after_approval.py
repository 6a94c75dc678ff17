"""事後承認 (issue 14, item 7): the account setting that lets a 担当者 publish an emergency post before its approval
(§5(9)).  The new post status 事後承認待ち and the decision kinds 事後承認 / 訂正の指示 / 削除の指示 are values of
existing non-native enum columns and need no change.

Revision ID: 0021_after_approval
Revises: 0013_publishing
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_after_approval"
down_revision = "0013_publishing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("allow_after_approval", sa.Boolean(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("allow_after_approval")
