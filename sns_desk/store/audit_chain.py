"""The tamper-evident audit log: every change appends one hash-chained event in the same transaction.

Each event's ``hash`` is SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of its seq, time, actor,
action, entity, entity id, payload and the previous event's hash.  Verification recomputes the chain and names the
first bad seq: an edited row breaks its own hash, a deleted row leaves a gap, swapped rows break the seq or the
links.  Cutting off the tail leaves a valid but shorter chain, which is why each PC also remembers, outside the
database, the last (seq, hash) it verified (:mod:`sns_desk.settings`) and warns when the chain no longer holds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns_desk.host import settings
from sns_desk.store.orm import AuditEvent

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def event_hash(fields: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(dict(fields)).encode("utf-8")).hexdigest()


def append(
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    payload: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event inside the caller's write transaction (which began IMMEDIATE, so seq is gap-free)."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS_HASH
    event = AuditEvent(
        seq=seq,
        ts=datetime.now(UTC).isoformat(timespec="microseconds"),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        payload=canonical_json(dict(payload or {})),
        prev_hash=prev,
    )
    event.hash = event_hash(event.as_dict())
    session.add(event)
    session.flush()
    return event


@dataclass
class VerifyResult:
    ok: bool
    count: int
    first_bad_seq: int | None = None
    problem: str = ""  # Japanese, for the user
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        if self.ok and not self.warnings:
            return f"監査ログは正常です（{self.count:,} 件、最終番号 {self.last_seq}）。"
        if self.ok:
            return "監査ログの連鎖は正常ですが、注意があります: " + " ".join(self.warnings)
        return f"監査ログに異常があります（番号 {self.first_bad_seq}）: {self.problem}"


def verify_chain(session: Session, *, batch: int = 2000) -> VerifyResult:
    """Recompute the whole chain in seq order; stop at the first bad event."""
    expected_seq = 1
    prev_hash = GENESIS_HASH
    count = 0
    stmt = select(AuditEvent).order_by(AuditEvent.seq).execution_options(yield_per=batch)
    for event in session.scalars(stmt):
        if event.seq != expected_seq:
            if event.seq > expected_seq:
                missing = (
                    f"{expected_seq}" if event.seq == expected_seq + 1 else f"{expected_seq}〜{event.seq - 1}"
                )
                problem = f"番号 {missing} の記録が削除されています。"
            else:
                problem = f"番号 {event.seq} の記録の順序が不正です。"
            return VerifyResult(False, count, expected_seq, problem, expected_seq - 1, prev_hash)
        if event.prev_hash != prev_hash:
            return VerifyResult(
                False,
                count,
                event.seq,
                f"番号 {event.seq} の記録が前の記録とつながっていません（削除・入れ替え・書き換えのおそれ）。",
                expected_seq - 1,
                prev_hash,
            )
        if event_hash(event.as_dict()) != event.hash:
            return VerifyResult(
                False,
                count,
                event.seq,
                f"番号 {event.seq} の記録が SNS Desk の外で書き換えられています。",
                expected_seq - 1,
                prev_hash,
            )
        prev_hash = event.hash
        expected_seq += 1
        count += 1
    session.expunge_all()
    return VerifyResult(True, count, None, "", expected_seq - 1, prev_hash)


def check_anchor(session: Session, database_id: str, last_seq: int | None = None) -> list[str]:
    """Compare the chain with what this PC verified last time; warnings in Japanese.

    Cheap (two look-ups) unless ``last_seq`` is given by a full verification; the app runs it at every start.
    """
    anchor = settings.load_anchor(database_id)
    if anchor is None:
        return []
    seq, digest = anchor
    if seq == 0:
        return []
    if last_seq is None:
        last_seq = session.scalar(select(func.max(AuditEvent.seq))) or 0
    if last_seq < seq:
        return [
            f"このPCが前回確認した番号 {seq} までの記録のうち、{last_seq + 1} 以降が見つかりません"
            "（記録の末尾が削除されたおそれがあります）。"
        ]
    row = session.get(AuditEvent, seq)
    if row is None or row.hash != digest:
        return [
            f"このPCが前回確認した番号 {seq} の記録が変わっています（履歴が作り直されたおそれがあります）。"
        ]
    return []


def verify(session: Session, database_id: str, *, remember: bool = True) -> VerifyResult:
    """Verify the chain and this PC's anchor; remember the new end of the chain when all is well."""
    result = verify_chain(session)
    result.warnings = check_anchor(session, database_id, result.last_seq)
    if result.ok and not result.warnings and remember:
        settings.save_anchor(database_id, result.last_seq, result.last_hash)
    return result
