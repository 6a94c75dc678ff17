"""Publishing (issue 14): each account's connection to its platform and each post's claim to be sent.

Revision ID: 0013_publishing
Revises: 0011_key_certificates
Create Date: 2026-11-30

No token is stored: the OS keyring of the PC named in ``platform_connections.host`` holds it.  A claim row is
written before a post is sent; its unique ``post_id`` is what keeps two PCs from sending the same post.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_publishing"
down_revision = "0014_deputies_holds"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "platform_connections",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("host_login", sa.String(150), nullable=False),
        sa.Column("remote_user_id", sa.String(64), server_default="", nullable=False),
        sa.Column("remote_name", sa.String(200), server_default="", nullable=False),
        sa.Column("audience_id", sa.String(64), server_default="", nullable=False),
        sa.Column("client_id", sa.String(200), server_default="", nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=False),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_platform_connections_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_by_id"],
            ["users.id"],
            name=op.f("fk_platform_connections_set_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["users.id"],
            name=op.f("fk_platform_connections_approved_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_platform_connections")),
    )
    op.create_table(
        "publish_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("platform", sa.String(20), nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("claimed_by_id", sa.Integer(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("host", sa.String(200), nullable=False),
        sa.Column("remote_id", sa.String(64), server_default="", nullable=False),
        sa.Column("remote_url", sa.String(500), server_default="", nullable=False),
        sa.Column("confirmed_at", sa.DateTime(), nullable=True),
        sa.Column("problem", sa.Text(), server_default="", nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=True),
        sa.Column("check_result", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_publish_claims_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["claimed_by_id"],
            ["users.id"],
            name=op.f("fk_publish_claims_claimed_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publish_claims")),
        sa.UniqueConstraint("post_id", name=op.f("uq_publish_claims_post_id")),
    )


def downgrade() -> None:
    op.drop_table("publish_claims")
    op.drop_table("platform_connections")
