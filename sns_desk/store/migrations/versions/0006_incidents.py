"""Incidents with their action checklists, inquiries, monitoring records (§7, §8, §9(2)).

Revision ID: 0006_incidents
Revises: 0005_reports
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_incidents"
down_revision = "0005_reports"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("serious", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledgement", sa.Text(), server_default="", nullable=False),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closing_note", sa.Text(), server_default="", nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_incidents_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["acknowledged_by_id"],
            ["users.id"],
            name=op.f("fk_incidents_acknowledged_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"], ["users.id"], name=op.f("fk_incidents_closed_by_id_users"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["users.id"], name=op.f("fk_incidents_opened_by_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_account_id"), "incidents", ["account_id"], unique=False)
    op.create_table(
        "inquiries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("content", sa.Text(), server_default="", nullable=False),
        sa.Column("response", sa.Text(), server_default="", nullable=False),
        sa.Column("forwarded_to", sa.String(length=200), server_default="", nullable=False),
        sa.Column("forwarded_at", sa.DateTime(), nullable=True),
        sa.Column("logged_by_id", sa.Integer(), nullable=False),
        sa.Column("purged_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_inquiries_account_id_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["logged_by_id"], ["users.id"], name=op.f("fk_inquiries_logged_by_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inquiries")),
    )
    op.create_index(op.f("ix_inquiries_account_id"), "inquiries", ["account_id"], unique=False)
    op.create_index(op.f("ix_inquiries_received_at"), "inquiries", ["received_at"], unique=False)
    op.create_table(
        "monitoring_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by_id", sa.Integer(), nullable=False),
        sa.Column("problems_found", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_monitoring_records_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["checked_by_id"],
            ["users.id"],
            name=op.f("fk_monitoring_records_checked_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monitoring_records")),
    )
    op.create_index(
        op.f("ix_monitoring_records_account_id"), "monitoring_records", ["account_id"], unique=False
    )
    op.create_index(
        op.f("ix_monitoring_records_checked_at"), "monitoring_records", ["checked_at"], unique=False
    )
    op.create_table(
        "incident_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("done", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("reference", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(
            ["done_by_id"],
            ["users.id"],
            name=op.f("fk_incident_actions_done_by_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_actions_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_actions")),
        sa.UniqueConstraint("incident_id", "key", name="uq_incident_actions_key"),
    )
    op.create_index(
        op.f("ix_incident_actions_incident_id"), "incident_actions", ["incident_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_incident_actions_incident_id"), table_name="incident_actions")
    op.drop_table("incident_actions")
    op.drop_index(op.f("ix_monitoring_records_checked_at"), table_name="monitoring_records")
    op.drop_index(op.f("ix_monitoring_records_account_id"), table_name="monitoring_records")
    op.drop_table("monitoring_records")
    op.drop_index(op.f("ix_inquiries_received_at"), table_name="inquiries")
    op.drop_index(op.f("ix_inquiries_account_id"), table_name="inquiries")
    op.drop_table("inquiries")
    op.drop_index(op.f("ix_incidents_account_id"), table_name="incidents")
    op.drop_table("incidents")
