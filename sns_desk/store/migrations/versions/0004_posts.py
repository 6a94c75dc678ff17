"""Posts with revisions, decisions and attachments; standing scopes (§5).

Revision ID: 0004_posts
Revises: 0003_policies
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_posts"
down_revision = "0003_policies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "standing_scopes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("categories", sa.Text(), server_default="", nullable=False),
        sa.Column("template", sa.Text(), server_default="", nullable=False),
        sa.Column("valid_from", sa.DateTime(), nullable=False),
        sa.Column("valid_until", sa.DateTime(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_standing_scopes_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["users.id"],
            name=op.f("fk_standing_scopes_approved_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_standing_scopes")),
    )
    op.create_index(op.f("ix_standing_scopes_account_id"), "standing_scopes", ["account_id"], unique=False)
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.Column("category", sa.String(length=100), server_default="", nullable=False),
        sa.Column("planned_at", sa.DateTime(), nullable=True),
        sa.Column("emergency", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("emergency_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=True),
        sa.Column("scope_reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("scope_reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("correction_of_id", sa.Integer(), nullable=True),
        sa.Column("self_check", sa.Text(), server_default="[]", nullable=False),
        sa.Column("warning_reasons", sa.Text(), server_default="{}", nullable=False),
        sa.Column("findings", sa.Text(), server_default="[]", nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("published_url", sa.String(length=500), server_default="", nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("deleted_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_posts_account_id_accounts"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_posts_author_id_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["correction_of_id"],
            ["posts.id"],
            name=op.f("fk_posts_correction_of_id_posts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
            name=op.f("fk_posts_published_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["scope_id"],
            ["standing_scopes.id"],
            name=op.f("fk_posts_scope_id_standing_scopes"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["scope_reviewed_by_id"],
            ["users.id"],
            name=op.f("fk_posts_scope_reviewed_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    op.create_index(op.f("ix_posts_account_id"), "posts", ["account_id"], unique=False)
    op.create_index(op.f("ix_posts_author_id"), "posts", ["author_id"], unique=False)
    op.create_index(op.f("ix_posts_planned_at"), "posts", ["planned_at"], unique=False)
    op.create_index(op.f("ix_posts_published_at"), "posts", ["published_at"], unique=False)
    op.create_index(op.f("ix_posts_status"), "posts", ["status"], unique=False)
    op.create_index(op.f("ix_posts_updated_at"), "posts", ["updated_at"], unique=False)
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_attachments_added_by_id_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_attachments_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    op.create_index(op.f("ix_attachments_post_id"), "attachments", ["post_id"], unique=False)
    op.create_table(
        "post_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("revision_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.Column("scope_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["users.id"],
            name=op.f("fk_post_decisions_decided_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_decisions_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["scope_id"],
            ["standing_scopes.id"],
            name=op.f("fk_post_decisions_scope_id_standing_scopes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_decisions")),
    )
    op.create_index(op.f("ix_post_decisions_post_id"), "post_decisions", ["post_id"], unique=False)
    op.create_table(
        "post_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), server_default="", nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), server_default="", nullable=False),
        sa.Column("planned_at", sa.DateTime(), nullable=True),
        sa.Column("emergency", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("emergency_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("saved_by_id", sa.Integer(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_revisions_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["saved_by_id"],
            ["users.id"],
            name=op.f("fk_post_revisions_saved_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_revisions")),
        sa.UniqueConstraint("post_id", "number", name="uq_post_revisions_number"),
    )
    op.create_index(op.f("ix_post_revisions_post_id"), "post_revisions", ["post_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_post_revisions_post_id"), table_name="post_revisions")
    op.drop_table("post_revisions")
    op.drop_index(op.f("ix_post_decisions_post_id"), table_name="post_decisions")
    op.drop_table("post_decisions")
    op.drop_index(op.f("ix_attachments_post_id"), table_name="attachments")
    op.drop_table("attachments")
    op.drop_index(op.f("ix_posts_updated_at"), table_name="posts")
    op.drop_index(op.f("ix_posts_status"), table_name="posts")
    op.drop_index(op.f("ix_posts_published_at"), table_name="posts")
    op.drop_index(op.f("ix_posts_planned_at"), table_name="posts")
    op.drop_index(op.f("ix_posts_author_id"), table_name="posts")
    op.drop_index(op.f("ix_posts_account_id"), table_name="posts")
    op.drop_table("posts")
    op.drop_index(op.f("ix_standing_scopes_account_id"), table_name="standing_scopes")
    op.drop_table("standing_scopes")
