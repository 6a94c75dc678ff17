"""Standing scopes bound to their template (§5(2)): typed slots, a review deadline, signed numbered versions.

Revision ID: 0009_scope_templates
Revises: 0008_signatures
Create Date: 2026-11-30

A scope from before this revision had a free-text template that was never checked.  It is migrated honestly: its
``slots`` stay NULL ("no template yet"), so it approves nothing by itself until the 管理者 gives it a template (a
signed change); its history starts with a version 1 marked ``migrated``, which carries no signature.  Posts it
approved before keep their decisions, recorded as made under that version 1.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_scope_templates"
down_revision = "0008_signatures"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("standing_scopes") as batch:
        batch.add_column(sa.Column("slots", sa.Text(), nullable=True))
        batch.add_column(sa.Column("review_days", sa.Integer(), server_default="3", nullable=False))
        batch.add_column(sa.Column("number", sa.Integer(), server_default="1", nullable=False))
    with op.batch_alter_table("posts") as batch:
        batch.add_column(sa.Column("scope_note", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("post_decisions") as batch:
        batch.add_column(sa.Column("scope_number", sa.Integer(), nullable=True))
    op.create_table(
        "scope_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("categories", sa.Text(), server_default="", nullable=False),
        sa.Column("template", sa.Text(), server_default="", nullable=False),
        sa.Column("slots", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_until", sa.DateTime(), nullable=False),
        sa.Column("review_days", sa.Integer(), server_default="3", nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scope_id"],
            ["standing_scopes.id"],
            name=op.f("fk_scope_versions_scope_id_standing_scopes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_scope_versions_decided_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope_versions")),
        sa.UniqueConstraint("scope_id", "number", name="uq_scope_versions_number"),
    )
    op.create_index(op.f("ix_scope_versions_scope_id"), "scope_versions", ["scope_id"], unique=False)
    bind = op.get_bind()
    bind.exec_driver_sql(
        "INSERT INTO scope_versions (scope_id, number, action, title, categories, template, slots, valid_from,"
        " valid_until, review_days, decided_by_id, decided_at)"
        " SELECT id, 1, 'migrated', title, categories, template, NULL, valid_from, valid_until, 3,"
        " approved_by_id, approved_at FROM standing_scopes"
    )
    bind.exec_driver_sql("UPDATE post_decisions SET scope_number = 1 WHERE scope_id IS NOT NULL")


def downgrade() -> None:
    op.drop_index(op.f("ix_scope_versions_scope_id"), table_name="scope_versions")
    op.drop_table("scope_versions")
    # plain DROP COLUMN (SQLite 3.35+): a batch copy of standing_scopes would trip the posts' foreign keys
    op.drop_column("post_decisions", "scope_number")
    op.drop_column("posts", "scope_note")
    for column in ("number", "review_days", "slots"):
        op.drop_column("standing_scopes", column)
