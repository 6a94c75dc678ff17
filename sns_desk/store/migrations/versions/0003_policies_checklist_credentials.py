"""Account lifecycle columns, versioned 運用ポリシー, anti-impersonation checklist, credential records.

Revision ID: 0003_policies
Revises: 0002_accounts
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_policies"
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("requested_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("opened_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("activated_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("closed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("status_reason", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("activation_override", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("activation_override_by_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("allow_self_approval", sa.Boolean(), server_default="0", nullable=False))
        batch.create_foreign_key(
            "fk_accounts_requested_by_id_users", "users", ["requested_by_id"], ["id"], ondelete="RESTRICT"
        )
        batch.create_foreign_key(
            "fk_accounts_activation_override_by_id_users",
            "users",
            ["activation_override_by_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    op.create_table(
        "account_policies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name="fk_account_policies_account_id_accounts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name="fk_account_policies_created_by_id_users",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["users.id"],
            name="fk_account_policies_approved_by_id_users",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_account_policies"),
        sa.UniqueConstraint("account_id", "number", name="uq_account_policies_number"),
    )
    op.create_index("ix_account_policies_account_id", "account_policies", ["account_id"])
    op.create_table(
        "checklist_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(20), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("url", sa.String(500), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_checklist_items_account_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name="fk_checklist_items_updated_by_id_users",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_checklist_items"),
        sa.UniqueConstraint("account_id", "item", name="uq_checklist_items_item"),
    )
    op.create_index("ix_checklist_items_account_id", "checklist_items", ["account_id"])
    op.create_table(
        "credential_records",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.Column("rotated_at", sa.DateTime(), nullable=False),
        sa.Column("backend", sa.String(200), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name="fk_credential_records_account_id_accounts",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"], ["users.id"], name="fk_credential_records_set_by_id_users", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("account_id", name="pk_credential_records"),
    )


def downgrade() -> None:
    op.drop_table("credential_records")
    op.drop_table("checklist_items")
    op.drop_table("account_policies")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_constraint("fk_accounts_activation_override_by_id_users", type_="foreignkey")
        batch.drop_constraint("fk_accounts_requested_by_id_users", type_="foreignkey")
        for column in (
            "allow_self_approval",
            "activation_override_by_id",
            "activation_override",
            "status_reason",
            "closed_at",
            "activated_at",
            "opened_at",
            "requested_by_id",
        ):
            batch.drop_column(column)
