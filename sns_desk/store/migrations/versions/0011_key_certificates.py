"""電子印鑑: the signing boundary moves from a free table row into the hash chain.

Revision ID: 0011_key_certificates
Revises: 0010_incident_record_refs
Create Date: 2026-11-30

``app_meta.signing_since_seq`` was neither hashed nor signed: anyone able to write the file could raise it and
hide unsigned forged decisions (issue 13 (c)).  A database that had decisions before signing began gets a
``signing.since`` event in the audit chain instead, appended now, before any key certification; verification
reads only that event.  Key certifications themselves are audit events (``signing_key.certify``), so no table
changes.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from sns_desk.store.audit_chain import GENESIS_HASH, canonical_json, event_hash

revision = "0011_key_certificates"
down_revision = "0010_incident_record_refs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    since = bind.exec_driver_sql("SELECT value FROM app_meta WHERE key = 'signing_since_seq'").scalar()
    if not since or not str(since).isdigit() or int(since) == 0:
        return  # no decision predates signing: every decision must be signed
    if bind.exec_driver_sql("SELECT COUNT(*) FROM audit_events WHERE action = 'signing.since'").scalar():
        return
    last = bind.exec_driver_sql("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").first()
    seq = (last[0] + 1) if last else 1
    fields = {
        "seq": seq,
        "ts": datetime.now(UTC).isoformat(timespec="microseconds"),
        "actor": "sns-desk",
        "action": "signing.since",
        "entity": "database",
        "entity_id": "signing",
        "payload": canonical_json({"seq": min(int(since), seq - 1)}),
        "prev_hash": last[1] if last else GENESIS_HASH,
    }
    bind.execute(
        sa.text(
            "INSERT INTO audit_events (seq, ts, actor, action, entity, entity_id, payload, prev_hash, hash)"
            " VALUES (:seq, :ts, :actor, :action, :entity, :entity_id, :payload, :prev_hash, :hash)"
        ),
        {**fields, "hash": event_hash(fields)},
    )


def downgrade() -> None:
    """The event stays: the audit chain is append-only."""
