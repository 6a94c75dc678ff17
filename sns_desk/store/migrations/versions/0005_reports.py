"""Records of exported reports.

Revision ID: 0005_reports
Revises: 0004_posts
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_reports"
down_revision = "0004_posts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("params", sa.Text(), server_default="{}", nullable=False),
        sa.Column("filename", sa.String(500), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["users.id"], name="fk_report_records_created_by_id_users", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_report_records"),
    )
    op.create_index("ix_report_records_created_at", "report_records", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_report_records_created_at", "report_records")
    op.drop_table("report_records")
