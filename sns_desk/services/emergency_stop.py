"""緊急停止 (issue 14, item 8): one switch per account and one for all accounts that holds every scheduled post,
with who stopped and why; releasing is explicit and audited.  Which posts a stop holds is
:mod:`sns_desk.domain.emergency`'s rule; the publishing of scheduled posts asks :func:`held_account_ids`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import emergency
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.services.access import require_somewhere, visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.post_queries import PostRow, scheduled_approved
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, EmergencyStop, utcnow

ALL_ACCOUNTS = "全アカウント"


def _active(session: Session) -> list[EmergencyStop]:
    return list(
        session.scalars(
            select(EmergencyStop)
            .where(EmergencyStop.released_at.is_(None))
            .options(selectinload(EmergencyStop.account), selectinload(EmergencyStop.stopped_by))
            .order_by(EmergencyStop.id)
        )
    )


def held_account_ids(session: Session) -> frozenset[int]:
    """The accounts whose scheduled posts are held now (every account while the stop of all is in force).

    For the publishing of due posts, which runs as no person: it reads no post, only which accounts are stopped.
    """
    return _held_by(_active(session), lambda: set(session.scalars(select(Account.id))))


def _held_by(stops: list[EmergencyStop], every_account: Callable[[], set[int]]) -> frozenset[int]:
    """The accounts ``stops`` hold; every account is read only while the stop of all is in force."""
    all_stopped = any(stop.account_id is None for stop in stops)
    return emergency.stopped_accounts(
        all_stopped,
        {stop.account_id for stop in stops if stop.account_id is not None},
        every_account() if all_stopped else set(),
    )


@dataclass(frozen=True)
class StopRow:
    id: int
    account_id: int | None  # None: every account
    account: str
    reason: str
    stopped_by: str
    stopped_at: datetime

    @property
    def text(self) -> str:
        return (
            f"緊急停止中: {self.account}（{self.stopped_by}、{self.stopped_at.astimezone(pol.JST):%m/%d %H:%M}）"
            f" 理由: {self.reason}"
        )


@dataclass(frozen=True)
class StopState:
    """What a person sees of the stops: those in force on accounts they may see, the posts held, and which
    switches they may use."""

    stops: list[StopRow]
    held: list[PostRow]
    may_stop_all: bool
    stoppable: list[tuple[int, str]]  # (account id, name) the person may stop or release

    def __bool__(self) -> bool:
        """Whether there is anything to show this person (a stop, a held post or a switch)."""
        return bool(self.stops or self.held or self.may_stop_all or self.stoppable)

    @property
    def all_stopped(self) -> bool:
        return any(stop.account_id is None for stop in self.stops)

    def stop_of(self, account_id: int | None) -> StopRow | None:
        return next((s for s in self.stops if s.account_id == account_id), None)


def _row(stop: EmergencyStop) -> StopRow:
    return StopRow(
        stop.id,
        stop.account_id,
        stop.account.name if stop.account else ALL_ACCOUNTS,
        stop.reason,
        stop.stopped_by.display_name,
        stop.stopped_at,
    )


def state(db: Database, actor: Actor) -> StopState:
    """The stops in force that ``actor`` may see, the scheduled posts they hold, and the switches ``actor`` may use."""

    def read(step: Step) -> StopState:
        session = step.session
        visible = visible_account_ids(session, step.me)
        active = _active(session)
        stops = [
            _row(s) for s in active if s.account_id is None or visible is None or s.account_id in visible
        ]
        accounts = session.execute(select(Account.id, Account.name).order_by(Account.id)).all()
        held_ids = _held_by(active, lambda: {account_id for account_id, _name in accounts})  # no second read
        if visible is not None:
            held_ids = held_ids & frozenset(visible)
        held: list[PostRow] = []
        if held_ids:
            candidates = scheduled_approved(session, sorted(held_ids))
            held = [p for p in candidates if emergency.held(p.status, p.planned_at, p.account_id in held_ids)]
        may_stop = set(
            step.may_on(
                Permission.STOP_ACCOUNT_POSTS,
                [account_id for account_id, _name in accounts if visible is None or account_id in visible],
            )
        )
        stoppable = [(account_id, name) for account_id, name in accounts if account_id in may_stop]
        return StopState(stops, held, step.may(Permission.STOP_ALL_POSTS), stoppable)

    return look(db, actor, read)


def _check_reason(reason: str, what: str) -> str:
    refusal = emergency.reason_refusal(reason)
    if refusal:
        raise ValidationError(refusal, f"{what} without a usable reason")
    return reason.strip()


def _require(step: Step, account_id: int | None) -> None:
    if account_id is None:
        step.require(Permission.STOP_ALL_POSTS)
    else:
        step.load(Account, account_id)
        step.require(Permission.STOP_ACCOUNT_POSTS, account_id)


def stop(db: Database, actor: Actor, account_id: int | None, reason: str) -> int:
    """緊急停止: hold every scheduled post of ``account_id`` (None: of every account) until released."""
    text = _check_reason(reason, "emergency stop")

    def work(step: Step) -> int:
        _require(step, account_id)
        current = step.session.scalars(
            select(EmergencyStop).where(
                EmergencyStop.released_at.is_(None),
                EmergencyStop.account_id.is_(None)
                if account_id is None
                else EmergencyStop.account_id == account_id,
            )
        ).first()
        if current is not None:
            where = ALL_ACCOUNTS if account_id is None else "このアカウント"
            raise ConflictError(
                f"{where}はすでに緊急停止中です（停止番号 {current.id}）。",
                f"emergency stop of {account_id} already in force ({current.id})",
            )
        row = step.add(EmergencyStop(account_id=account_id, reason=text, stopped_by_id=step.me.id))
        step.audit(
            "emergency.stop",
            "account" if account_id is not None else "city",
            account_id if account_id is not None else "all",
            {"stop": row.id, "reason": text},
        )
        return row.id

    return change(db, actor, work, what="emergency stop")


def release(db: Database, actor: Actor, stop_id: int, reason: str) -> None:
    """Release a stop explicitly, with why; the held posts are published again as their times come."""
    text = _check_reason(reason, "emergency release")

    def work(step: Step) -> None:
        require_somewhere(
            step.session, step.me, Permission.STOP_ACCOUNT_POSTS
        )  # a stranger learns nothing of the stop
        row = step.load(EmergencyStop, stop_id)
        _require(step, row.account_id)
        if row.released_at is not None:
            raise ConflictError(
                "この緊急停止はすでに解除されています。", f"emergency stop {stop_id} already released"
            )
        row.released_at = utcnow()
        row.released_by_id = step.me.id
        row.release_reason = text
        step.audit(
            "emergency.release",
            "account" if row.account_id is not None else "city",
            row.account_id if row.account_id is not None else "all",
            {"stop": row.id, "reason": text},
        )

    change(db, actor, work, what="emergency release")
