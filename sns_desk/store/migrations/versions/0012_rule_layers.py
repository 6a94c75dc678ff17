"""The check rules in layers and standing exceptions (issue 15, items 3 and 4).

Revision ID: 0012_rule_layers
Revises: 0011_key_certificates
Create Date: 2026-11-30

``rule_layers`` keeps every saved version of the office layer (``scope`` = ``office``) and of each account's
additions (``account:<id>``); the newest number of a scope is in force.  ``rule_exceptions`` holds the warnings a
アカウント管理者 accepted for the account, each with a reason and an expiry.  Both start empty: the rules in force are
the city's file, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_rule_layers"
down_revision = "0017_help_screens"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_layers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_rule_layers_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"], ["users.id"], name=op.f("fk_rule_layers_saved_by_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_layers")),
        sa.UniqueConstraint("scope", "number", name="uq_rule_layers_scope_number"),
    )
    op.create_index(op.f("ix_rule_layers_scope"), "rule_layers", ["scope"], unique=False)
    op.create_table(
        "rule_exceptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=64), nullable=False),
        sa.Column("matched", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_rule_exceptions_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_rule_exceptions_created_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["revoked_by_id"],
            ["users.id"],
            name=op.f("fk_rule_exceptions_revoked_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_exceptions")),
    )
    op.create_index(op.f("ix_rule_exceptions_account_id"), "rule_exceptions", ["account_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_rule_exceptions_account_id"), table_name="rule_exceptions")
    op.drop_table("rule_exceptions")
    op.drop_index(op.f("ix_rule_layers_scope"), table_name="rule_layers")
    op.drop_table("rule_layers")
