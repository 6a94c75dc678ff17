"""E-mail notices: the outbox every PC sends from, and the kinds each person turned off (issue 16, item 1);
§3(2) reports tracked: the 「広報課への報告」 items, and accounts whose 運用中 waits for the opening report (item 5).

Revision ID: 0015_mail_reports
Revises: 0011_key_certificates
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_mail_reports"
down_revision = "0012_rule_layers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("dedupe", sa.String(120), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("claimed_by", sa.String(150), server_default="", nullable=False),
        sa.Column("claimed_until", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_id"], ["users.id"], name="fk_mail_messages_recipient_id_users", ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mail_messages"),
        sa.UniqueConstraint("dedupe", name="uq_mail_messages_dedupe"),
    )
    op.create_index("ix_mail_messages_next_attempt_at", "mail_messages", ["next_attempt_at"])
    op.create_index("ix_mail_messages_sent_at", "mail_messages", ["sent_at"])
    op.create_table(
        "mail_opt_outs",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_mail_opt_outs_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "kind", name="pk_mail_opt_outs"),
    )

    op.create_table(
        "account_reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("event", sa.String(10), nullable=False),
        sa.Column("changed", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_how", sa.String(10), server_default="", nullable=False),
        sa.Column("report_record_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name="fk_account_reports_account_id_accounts", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name="fk_account_reports_closed_by_id_users", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["report_record_id"],
            ["report_records.id"],
            name="fk_account_reports_report_record_id_report_records",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_account_reports"),
    )
    op.create_index("ix_account_reports_account_id", "account_reports", ["account_id"])
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(
            sa.Column("opening_report_required", sa.Boolean(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("opening_report_required")
    op.drop_index("ix_account_reports_account_id", "account_reports")
    op.drop_table("account_reports")
    op.drop_table("mail_opt_outs")
    op.drop_index("ix_mail_messages_sent_at", "mail_messages")
    op.drop_index("ix_mail_messages_next_attempt_at", "mail_messages")
    op.drop_table("mail_messages")
