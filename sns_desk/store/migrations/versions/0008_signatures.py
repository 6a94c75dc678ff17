"""電子印鑑: public keys and the signatures over decisions.

Revision ID: 0008_signatures
Revises: 0007_post_search
Create Date: 2026-11-26

Decisions recorded before this revision carry no signature; ``app_meta.signing_since_seq`` remembers the last
audit event before signing began, so that verification tells those apart from decisions that lost theirs.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_signatures"
down_revision = "0007_post_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=19), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_signing_keys_user_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_keys")),
        sa.UniqueConstraint("public_key", name=op.f("uq_signing_keys_public_key")),
    )
    op.create_index(op.f("ix_signing_keys_user_id"), "signing_keys", ["user_id"])
    op.create_table(
        "decision_signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("signer_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("permission", sa.String(length=50), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=128), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_decision_signatures_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["signer_id"],
            ["users.id"],
            name=op.f("fk_decision_signatures_signer_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["key_id"],
            ["signing_keys.id"],
            name=op.f("fk_decision_signatures_key_id_signing_keys"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_signatures")),
        sa.UniqueConstraint("audit_seq", "kind", name="uq_decision_signatures_event_kind"),
    )
    op.create_index(op.f("ix_decision_signatures_audit_seq"), "decision_signatures", ["audit_seq"])
    op.create_index(op.f("ix_decision_signatures_account_id"), "decision_signatures", ["account_id"])
    bind = op.get_bind()
    last = bind.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM audit_events").scalar()
    meta = sa.table("app_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(meta, [{"key": "signing_since_seq", "value": str(int(last or 0))}])


def downgrade() -> None:
    op.drop_index(op.f("ix_decision_signatures_account_id"), table_name="decision_signatures")
    op.drop_index(op.f("ix_decision_signatures_audit_seq"), table_name="decision_signatures")
    op.drop_table("decision_signatures")
    op.drop_index(op.f("ix_signing_keys_user_id"), table_name="signing_keys")
    op.drop_table("signing_keys")
    bind = op.get_bind()
    bind.exec_driver_sql("DELETE FROM app_meta WHERE key = 'signing_since_seq'")
