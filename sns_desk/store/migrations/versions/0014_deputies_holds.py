"""代決 and 緊急停止 (issue 14, items 6 and 8).

Revision ID: 0014_deputies_holds
Revises: 0011_key_certificates
Create Date: 2026-11-30

``account_deputies``: the people an account names to decide in its 管理者's stead (§5(1)), each for a period;
``accounts.manager_absent`` marks the 管理者 away, ``accounts.deputies_always`` lets the deputies decide at any time.
``post_decisions.deputy_for`` names the 管理者 a 代決 was made for ("" for an ordinary decision).
``emergency_stops``: every stop of scheduled posts, of one account (``account_id``) or of all (NULL), with who and
why, and who released it and why; a stop is in force while ``released_at`` is NULL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_deputies_holds"
down_revision = "0015_mail_reports"
branch_labels = None
depends_on = None


def _user_fk(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["users.id"], name=op.f(f"fk_{table}_{column}_users"), ondelete="RESTRICT"
    )


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("manager_absent", sa.Boolean(), server_default="0", nullable=False))
        batch.add_column(sa.Column("deputies_always", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("post_decisions") as batch:
        batch.add_column(sa.Column("deputy_for", sa.String(length=300), server_default="", nullable=False))
    op.create_table(
        "account_deputies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_until", sa.DateTime(), nullable=False),
        sa.Column("named_by_id", sa.Integer(), nullable=False),
        sa.Column("named_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_account_deputies_account_id_accounts"),
            ondelete="CASCADE",
        ),
        _user_fk("account_deputies", "user_id"),
        _user_fk("account_deputies", "named_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_deputies")),
    )
    op.create_index(op.f("ix_account_deputies_account_id"), "account_deputies", ["account_id"], unique=False)
    op.create_table(
        "emergency_stops",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), server_default="", nullable=False),
        sa.Column("stopped_by_id", sa.Integer(), nullable=False),
        sa.Column("stopped_at", sa.DateTime(), nullable=False),
        sa.Column("released_by_id", sa.Integer(), nullable=True),
        sa.Column("released_at", sa.DateTime(), nullable=True),
        sa.Column("release_reason", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_emergency_stops_account_id_accounts"),
            ondelete="CASCADE",
        ),
        _user_fk("emergency_stops", "stopped_by_id"),
        _user_fk("emergency_stops", "released_by_id"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_emergency_stops")),
    )
    op.create_index(op.f("ix_emergency_stops_released_at"), "emergency_stops", ["released_at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_emergency_stops_released_at"), table_name="emergency_stops")
    op.drop_table("emergency_stops")
    op.drop_index(op.f("ix_account_deputies_account_id"), table_name="account_deputies")
    op.drop_table("account_deputies")
    op.drop_column("post_decisions", "deputy_for")
    op.drop_column("accounts", "deputies_always")
    op.drop_column("accounts", "manager_absent")
