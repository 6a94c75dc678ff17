"""The tamper-evident audit log: every change appends one hash-chained event in the same transaction.

Each event's ``hash`` is SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of its seq, time, actor,
action, entity, entity id, payload and the previous event's hash.  Verification recomputes the chain and names the
first bad seq: an edited row breaks its own hash, a deleted row leaves a gap, swapped rows break the seq or the
links.  Cutting off the tail leaves a valid but shorter chain, which is why each PC also remembers, outside the
database, the last (seq, hash) it saw at every start and after its own writes (:mod:`sns_desk.host.settings`,
keyed by the database's location and id) and warns when the chain no longer holds it
(:mod:`sns_desk.services.audit_log`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert, Integer, Select, bindparam, func, insert, or_, select
from sqlalchemy.orm import Session

from sns_desk.host import settings
from sns_desk.store import write_lock
from sns_desk.store.orm import AuditEvent

GENESIS_HASH = "0" * 64
LATE = "sns_late_lock"  # Session.info: a write that takes the write lock at its first event (write_lock.py)


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
    """Append one event inside the caller's write transaction (which began IMMEDIATE, or holds the write lock
    from here on: a late write, store/write_lock.py), so seq is gap-free."""
    anchor = _anchor_to_check(session)
    late = session.info.get(LATE)
    if isinstance(late, write_lock.LateLock) and not late.held:
        found = _lock_late(session, late, anchor)
    else:
        # the chain's last event, and (the first event a transaction appends) the one this PC anchored: one query
        rows = session.execute(_tail_statement(anchor is not None), {"anchor": anchor.seq if anchor else 0})
        found = {row.seq: row.hash for row in rows}
    last = max(found, default=0)
    seq = last + 1
    prev = found[last] if last else GENESIS_HASH
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
    # one INSERT, without the unit of work (issue 17: its bookkeeping cost more CPU than the row); the event is
    # handed back as the row it wrote, not kept in the session
    session.execute(_insert_event(), {**event.as_dict(), "hash": event.hash})
    _note_for_anchor(session, seq, event.hash, anchor, found)
    return event


@functools.cache
def _insert_event() -> Insert:
    return insert(AuditEvent)


# the statements every write runs, built once (issue 17: building them cost a decision more CPU than running them)


@functools.cache
def _tail_statement(anchored: bool) -> Select[int, str]:
    """The chain's last event and, when ``anchored``, the event ``anchor``."""
    tail = select(func.max(AuditEvent.seq)).scalar_subquery()
    wanted = AuditEvent.seq == tail
    if anchored:
        wanted = or_(wanted, AuditEvent.seq == bindparam("anchor", type_=Integer))
    return select(AuditEvent.seq, AuditEvent.hash).where(wanted)


@functools.cache
def _since_statement(anchored: bool) -> Select[int, str, str, str, str]:
    """Every event from ``since`` on (at most what is worth checking, and one more) and, when ``anchored``, the
    event ``anchor``."""
    wanted = AuditEvent.seq >= bindparam("since", type_=Integer)
    if anchored:
        wanted = or_(wanted, AuditEvent.seq == bindparam("anchor", type_=Integer))
    return (
        select(AuditEvent.seq, AuditEvent.hash, AuditEvent.action, AuditEvent.entity, AuditEvent.entity_id)
        .where(wanted)
        .order_by(AuditEvent.seq)
        .limit(write_lock.MOST_EVENTS_BETWEEN + 2)
    )


def _lock_late(session: Session, late: write_lock.LateLock, anchor: settings.Anchor | None) -> dict[int, str]:
    """Take the write lock now; then the events committed since the write began must all commute with it (else
    :class:`~sns_desk.store.write_lock.SerialRetry`).  Returns the hashes of the chain's end and the anchor."""
    write_lock.take(session.connection())
    late.held = True
    rows = session.execute(
        _since_statement(anchor is not None),
        {"since": max(late.start_seq, 1), "anchor": anchor.seq if anchor else 0},
    ).all()
    between = [
        write_lock.ChainEvent(r.seq, r.action, r.entity, r.entity_id) for r in rows if r.seq > late.start_seq
    ]
    if len(rows) > write_lock.MOST_EVENTS_BETWEEN or not late.commutes(between):
        raise write_lock.SerialRetry(f"{len(between)} event(s) since seq {late.start_seq} do not all commute")
    return {r.seq: r.hash for r in rows}


def chain_end(session: Session) -> tuple[int, str]:
    """The last event's (seq, hash), or (0, the genesis hash) for an empty chain."""
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    return (last.seq, last.hash) if last else (0, GENESIS_HASH)


def last_of(session: Session, action: str) -> int:
    """The audit number of the last event of ``action`` (0: none)."""
    return session.scalar(select(func.max(AuditEvent.seq)).where(AuditEvent.action == action)) or 0


@dataclass
class VerifyResult:
    ok: bool
    count: int
    first_bad_seq: int | None = None
    problem: str = ""  # Japanese, for the user
    last_seq: int = 0
    last_hash: str = GENESIS_HASH
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # shown once (a signed restore accepted)

    def summary(self) -> str:
        if self.ok and not self.warnings:
            return "\n".join(
                [f"監査ログは正常です（{self.count:,} 件、最終番号 {self.last_seq}）。", *self.notices]
            )
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


def anchor_problem(session: Session, seq: int, digest: str, last_seq: int | None = None) -> str | None:
    """Does the chain still hold event ``seq`` with ``digest``, as this PC saw it?  The problem in Japanese.

    Cheap (two look-ups) unless ``last_seq`` is given by a full verification.
    """
    if seq == 0:
        return None
    if last_seq is None:
        last_seq = session.scalar(select(func.max(AuditEvent.seq))) or 0
    if last_seq < seq:
        return (
            f"このPCが前回確認した番号 {seq} までの記録のうち、{last_seq + 1} 以降が見つかりません"
            "（記録の末尾が削除されたおそれがあります）。"
        )
    row = session.get(AuditEvent, seq)
    if row is None or row.hash != digest:
        return (
            f"このPCが前回確認した番号 {seq} の記録が変わっています（履歴が作り直されたおそれがあります）。"
        )
    return None


# --- this PC's anchor after its own writes ----------------------------------------------------------------------
# Database sessions carry ``info["anchor_location"]`` and ``info["database_id"]``; the first event a transaction
# appends checks that the chain still holds this PC's anchor, and the last one is remembered after the commit.

_CONTINUES = "anchor_continues"
_PENDING = "anchor_pending"


def _anchor_to_check(session: Session) -> settings.Anchor | None:
    """This PC's anchor, when the first event of this transaction must check that the chain still holds it."""
    location = session.info.get("anchor_location")
    database_id = session.info.get("database_id")
    if not isinstance(location, str) or not isinstance(database_id, str) or _CONTINUES in session.info:
        return None
    return settings.load_location_anchor(location)


def _continues_anchor(
    database_id: str, anchor: settings.Anchor | None, seq: int, found: dict[int, str]
) -> bool:
    """Does the chain this transaction appends to (as ``seq``) still hold what this PC saw, the anchored event read
    with the chain's end into ``found``?  (Never bless a cut tail.)"""
    if anchor is None:
        return True  # first contact: the start-up check pins it
    if anchor.database_id != database_id or anchor.seq >= seq:
        return False
    return anchor.seq == 0 or found.get(anchor.seq) == anchor.hash  # as anchor_problem judges it


def _note_for_anchor(
    session: Session, seq: int, digest: str, anchor: settings.Anchor | None, found: dict[int, str]
) -> None:
    location = session.info.get("anchor_location")
    database_id = session.info.get("database_id")
    if not isinstance(location, str) or not isinstance(database_id, str):
        return
    if _CONTINUES not in session.info:
        session.info[_CONTINUES] = _continues_anchor(database_id, anchor, seq, found)
    if session.info[_CONTINUES]:
        session.info[_PENDING] = (seq, digest)


def remember_own_write(session: Session) -> None:
    """After a commit: this PC's anchor moves to the last event it appended (kept outside the database; this
    process sees it at once, the file has it a moment later: host/settings.py)."""
    pending = session.info.pop(_PENDING, None)
    session.info.pop(_CONTINUES, None)
    if pending is None:
        return
    location, database_id = session.info["anchor_location"], session.info["database_id"]
    previous = settings.load_location_anchor(location)
    seq, digest = pending
    settings.save_location_anchor(
        location,
        settings.Anchor(
            database_id,
            seq,
            digest,
            previous.root_key if previous else "",
            previous.seen_restore if previous else 0,
        ),
        wait=False,  # kept at once, written by a background thread: the person does not wait for the disk
    )


def forget_own_write(session: Session) -> None:
    """After a rollback: nothing was written, so nothing is remembered."""
    session.info.pop(_PENDING, None)
    session.info.pop(_CONTINUES, None)
