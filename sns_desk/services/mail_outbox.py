"""The e-mail outbox: notices queued with the event they tell of, sent later by whichever PC runs (issue 16).

* :func:`queue_for_post` / :func:`queue_for_incident` are called inside the event's own transaction (submit,
  decision, a serious trouble), so a notice exists exactly when its event does and never delays the decision.
* :func:`sweep` queues the notices of a state that has come due (monitoring overdue §9(2), a password to change
  §3(3)ウ, an approved post due within the hour), at most once a day each.
* :func:`send_due` claims what is due (a conditional UPDATE: two PCs never send the same message), sends it
  through the office server outside any transaction and records the outcome; a failure is tried again after
  :func:`~sns_desk.domain.mail_kinds.retry_delay` until :data:`~sns_desk.domain.mail_kinds.MAX_ATTEMPTS`.
* :func:`outbox_status` / :func:`retry_failed` are for the システム管理者.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from sns_desk.domain import mail_kinds
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.oversight import MONITORED
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.host.mail_transport import MailFailure, MailServer, Outgoing, send_all, stored_password
from sns_desk.services.account_checklist import credential_due
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import rotation_days
from sns_desk.services.mail_settings import opted_out, server_in
from sns_desk.services.monitoring import is_overdue, last_check
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import MailMessage
from sns_desk.store.orm import (
    Account,
    AccountMember,
    CredentialRecord,
    Incident,
    Post,
    User,
    utcnow,
)

log = logging.getLogger(__name__)

BATCH = 50
POST_DUE_WITHIN = timedelta(hours=1)

# Fixed phrases of the app for a decision (never a comment a person typed).
DECIDED_TEXT = {PostStatus.APPROVED: "承認されました。", PostStatus.REJECTED: "差し戻されました。"}


def members(session: Session, account_id: int, role: Role) -> list[User]:
    return list(
        session.scalars(
            select(User)
            .join(AccountMember, AccountMember.user_id == User.id)
            .where(AccountMember.account_id == account_id, AccountMember.role == role)
            .order_by(User.id)
        )
    )


def queue(
    session: Session,
    kind: MailKind,
    number: int,
    title: str,
    recipients: Iterable[User],
    *,
    detail: str = "",
    dedupe: str | None = None,
) -> int:
    """Queue ``kind`` about item ``number`` for each active recipient with an address who has not turned it off.

    Runs in the caller's transaction. ``dedupe`` (with the recipient appended) makes a repeat a no-op.
    Returns how many were queued."""
    composed = mail_kinds.compose(kind, number, title, detail)
    queued = 0
    seen: set[int] = set()
    for person in recipients:
        if (
            person.id in seen
            or not person.active
            or not person.email
            or kind in opted_out(session, person.id)
        ):
            continue
        seen.add(person.id)
        key = f"{dedupe}:{person.id}" if dedupe else None
        if key and session.scalar(select(func.count()).where(MailMessage.dedupe == key)):
            continue
        session.add(
            MailMessage(
                kind=kind.value,
                number=number,
                recipient_id=person.id,
                address=person.email,
                subject=composed.subject,
                body=composed.body,
                dedupe=key,
            )
        )
        queued += 1
    session.flush()
    return queued


def queue_for_post(session: Session, kind: MailKind, post: Post, *, exclude: User | None = None) -> int:
    """A notice about a post: a request or 事後承認 to the account's 管理者s, a decision or due time to the author."""
    if kind in (MailKind.APPROVAL_REQUESTED, MailKind.AFTER_APPROVAL):
        people = [u for u in members(session, post.account_id, Role.MANAGER) if u is not exclude]
        return queue(session, kind, post.id, post.title, people)
    if kind is MailKind.DECIDED:
        author = session.get(User, post.author_id)
        return queue(
            session, kind, post.id, post.title, [author] if author else [], detail=DECIDED_TEXT[post.status]
        )
    raise ValueError(f"{kind} is not a post notice")


def queue_for_incident(session: Session, incident: Incident) -> int:
    """A serious trouble, to the account's 責任者 (§4(1)イ): its kind and number only — the title may quote a
    citizen, so it is not sent."""
    return queue(
        session,
        MailKind.SERIOUS_TROUBLE,
        incident.id,
        incident.type.label,
        members(session, incident.account_id, Role.RESPONSIBLE),
        dedupe=f"incident:{incident.id}",
    )


def sweep(session: Session, now: datetime | None = None) -> int:
    """Queue the notices of what has come due since the last sweep; each at most once a (UTC) day."""
    now = now or utcnow()
    day = now.date().isoformat()
    count = 0
    for account in session.scalars(select(Account).where(Account.status.in_(MONITORED))):
        if is_overdue(account, last_check(session, account.id), now):
            count += queue(
                session,
                MailKind.MONITORING_OVERDUE,
                account.id,
                account.name,
                members(session, account.id, Role.MANAGER),
                dedupe=f"monitoring:{account.id}:{day}",
            )
    rotation = rotation_days(session)
    records = session.scalars(
        select(CredentialRecord)
        .join(Account, Account.id == CredentialRecord.account_id)
        .where(Account.status != AccountStatus.CLOSED)
    )
    for record in records:
        owner = session.get(Account, record.account_id)
        if owner is not None and credential_due(record, rotation, now):
            count += queue(
                session,
                MailKind.PASSWORD_DUE,
                owner.id,
                owner.name,
                members(session, owner.id, Role.MANAGER),
                dedupe=f"password:{owner.id}:{day}",
            )
    due = session.scalars(
        select(Post).where(
            Post.status == PostStatus.APPROVED,
            Post.planned_at.is_not(None),
            Post.planned_at <= now + POST_DUE_WITHIN,
            Post.planned_at >= now - POST_DUE_WITHIN,
        )
    )
    for post in due:
        author = session.get(User, post.author_id)
        assert post.planned_at is not None
        count += queue(
            session,
            MailKind.POST_DUE,
            post.id,
            post.title,
            [author] if author else [],
            detail=f"予定時刻: {post.planned_at.astimezone(JST):%m月%d日 %H:%M}",
            dedupe=f"post_due:{post.id}:{post.planned_at.isoformat()}",
        )
    return count


@dataclass(frozen=True)
class SendResult:
    sent: int
    failed: int
    reason: str = ""  # English, the first failure's

    @property
    def attempted(self) -> int:
        return self.sent + self.failed


def _due(now: datetime) -> tuple[ColumnElement[bool], ...]:
    return (
        MailMessage.sent_at.is_(None),
        MailMessage.attempts < mail_kinds.MAX_ATTEMPTS,
        MailMessage.next_attempt_at <= now,
        or_(MailMessage.claimed_until.is_(None), MailMessage.claimed_until < now),
    )


def _claim(db: Database, pc: str, now: datetime) -> tuple[MailServer | None, list[tuple[int, Outgoing]]]:
    """Sweep, then claim up to :data:`BATCH` due messages for ``pc``; each claim is a conditional UPDATE."""

    def work(session: Session) -> tuple[MailServer | None, list[tuple[int, Outgoing]]]:
        server = server_in(session)
        if server is None:
            return None, []
        sweep(session, now)
        conditions = _due(now)
        candidates = list(
            session.scalars(select(MailMessage).where(*conditions).order_by(MailMessage.id).limit(BATCH))
        )
        until = now + timedelta(minutes=mail_kinds.CLAIM_MINUTES)
        claimed: list[tuple[int, Outgoing]] = []
        for message in candidates:
            result = session.execute(
                update(MailMessage)
                .where(MailMessage.id == message.id, *conditions)
                .values(claimed_by=pc, claimed_until=until)
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:  # type: ignore[attr-defined]
                claimed.append((message.id, Outgoing(message.address, message.subject, message.body)))
        return server, claimed

    return db.write(work, what="claim mail")


def send_due(
    db: Database,
    pc: str,
    *,
    now: datetime | None = None,
    password: Callable[[MailServer], str | None] = stored_password,
) -> SendResult:
    """Send what is due from this PC (any PC may call this; none waits for another). Safe to call often."""
    now = now or utcnow()
    with db.read() as session:
        if server_in(session) is None:  # e-mail not set up: no write transaction at all
            return SendResult(0, 0)
    server, claimed = _claim(db, pc, now)
    if server is None or not claimed:
        return SendResult(0, 0)
    outcomes = send_all(server, password(server), [item for _id, item in claimed])
    return _record(
        db, [(message_id, outcome) for (message_id, _i), outcome in zip(claimed, outcomes, strict=True)]
    )


def _record(db: Database, outcomes: Sequence[tuple[int, MailFailure | None]]) -> SendResult:
    def work(session: Session) -> SendResult:
        moment = utcnow()
        sent = failed = 0
        reason = ""
        for message_id, failure in outcomes:
            message = session.get(MailMessage, message_id)
            if message is None:
                continue
            message.claimed_until = None
            if failure is None:
                message.sent_at = moment
                message.last_error = ""
                sent += 1
                continue
            failed += 1
            reason = reason or failure.reason
            message.attempts += 1
            message.last_error = failure.reason[:500]
            message.next_attempt_at = moment + mail_kinds.retry_delay(message.attempts)
        return SendResult(sent, failed, reason)

    result = db.write(work, what="record mail")
    log.info(
        "mail: %d sent, %d failed%s",
        result.sent,
        result.failed,
        f" ({result.reason})" if result.reason else "",
    )
    return result


@dataclass(frozen=True)
class OutboxRow:
    id: int
    kind: MailKind
    number: int
    recipient: str
    address: str
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str
    given_up: bool


@dataclass(frozen=True)
class OutboxStatus:
    configured: bool
    server: str
    waiting: int
    sent: int
    failed: tuple[OutboxRow, ...]  # tried and not sent: still retrying, or given up

    @property
    def given_up(self) -> int:
        return sum(1 for row in self.failed if row.given_up)


def outbox_status(db: Database, actor: Actor) -> OutboxStatus:
    """What the outbox holds, for the システム管理者 (設定 › メール and ``sns-desk mail status``)."""

    def work(step: Step) -> OutboxStatus:
        step.require(Permission.MANAGE_DATABASE)
        session = step.session
        server = server_in(session)
        unsent = MailMessage.sent_at.is_(None)
        waiting = session.scalar(select(func.count()).where(unsent, MailMessage.attempts == 0)) or 0
        sent = session.scalar(select(func.count()).where(MailMessage.sent_at.is_not(None))) or 0
        rows = session.scalars(
            select(MailMessage)
            .where(unsent, MailMessage.attempts > 0)
            .order_by(MailMessage.id.desc())
            .limit(200)
        )
        failed = tuple(
            OutboxRow(
                m.id,
                MailKind(m.kind),
                m.number,
                m.recipient.display_name,
                m.address,
                m.created_at,
                m.attempts,
                m.next_attempt_at,
                m.last_error,
                mail_kinds.gives_up(m.attempts),
            )
            for m in rows
        )
        where = f"{server.host}:{server.port}（{server.security.label}）" if server else ""
        return OutboxStatus(server is not None, where, waiting, sent, failed)

    return look(db, actor, work)


def retry_failed(db: Database, actor: Actor) -> int:
    """The システム管理者 asks for every unsent failed message to be tried again now. Returns how many."""

    def work(step: Step) -> int:
        step.require(Permission.MANAGE_DATABASE)
        rows = list(
            step.session.scalars(
                select(MailMessage).where(MailMessage.sent_at.is_(None), MailMessage.attempts > 0)
            )
        )
        for message in rows:
            message.attempts = 0
            message.next_attempt_at = utcnow()
            message.claimed_until = None
        step.audit("mail.retry", "database", db.database_id, {"messages": len(rows)})
        return len(rows)

    return change(db, actor, work, what="retry mail")
