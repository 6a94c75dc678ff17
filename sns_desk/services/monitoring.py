"""Monitoring of the accounts in operation (§9(2)): each check recorded with a structured result (問題なし, or 問題あり
and what was found), how often each account is checked (its 管理者 sets it; 7 days by default), which accounts are
overdue, and which have gone without a post for the days 広報課 set (dormant)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.selectable import ScalarSelect

from sns_desk.domain import monitoring_rules as rules
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.oversight import MONITORED
from sns_desk.domain.permissions import Permission
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import dormant_days
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, MonitoringRecord, Post, User, utcnow


def record_monitoring(
    db: Database, actor: Actor, account_id: int, note: str, *, problems_found: bool = False
) -> int:
    """A §9(2) check: 問題なし (``note`` an optional remark) or 問題あり (``note`` says what was found; required)."""
    note = note.strip()
    if problems_found and not note:
        raise ValidationError("「問題あり」のときは、何があったかを書いてください（§9(2)）。")

    def work(step: Step) -> int:
        step.require(Permission.RECORD_MONITORING, account_id)
        record = MonitoringRecord(
            account_id=account_id, checked_by_id=step.me.id, note=note, problems_found=problems_found
        )
        step.session.add(record)
        payload = {"problems_found": problems_found, "note": note}
        step.audit("monitoring.record", "account", account_id, payload)
        return record.id

    return change(db, actor, work, what="record_monitoring")


def set_interval(db: Database, actor: Actor, account_id: int, days: int) -> None:
    """How often the account is checked (§9(2)), set by its 管理者."""
    refusal = rules.interval_refusal(days)
    if refusal:
        raise ValidationError(refusal, f"monitoring interval {days} out of range")

    def work(step: Step) -> None:
        step.require(Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = step.load(Account, account_id)
        before = account.monitoring_interval_days
        account.monitoring_interval_days = days
        step.session.flush()
        step.audit("monitoring.interval", "account", account_id, {"days": [before, days]})

    change(db, actor, work, what="set monitoring interval")


@dataclass(frozen=True)
class MonitoringRow:
    account_id: int
    account: str
    last_checked: datetime | None
    last_by: str
    overdue: bool
    may_record: bool
    interval_days: int = rules.DEFAULT_INTERVAL_DAYS
    last_problem: bool | None = None  # the last check's result; None before the first
    last_note: str = ""  # what was found (問題あり) or a remark
    last_legacy: bool = False  # the last check was free text, its result read from the words
    last_post: datetime | None = None
    dormant: bool = False
    dormant_days: int = rules.DEFAULT_DORMANT_DAYS
    may_set_interval: bool = False

    @property
    def result(self) -> str:
        """The last check's result as the screen and the command line show it."""
        if self.last_problem is None:
            return "未確認"
        text = "問題あり" if self.last_problem else "問題なし"
        if self.last_note:
            text += f": {self.last_note}"
        return text + ("（旧形式の記録から判定）" if self.last_legacy else "")


def _latest_check_id() -> ScalarSelect[int]:
    """The id of the account's latest check, correlated to :class:`Account` (the rows read it for every account
    in one query)."""
    record = aliased(MonitoringRecord)
    return (
        select(record.id)
        .where(record.account_id == Account.id)
        .order_by(record.checked_at.desc(), record.id.desc())
        .limit(1)
        .correlate(Account)
        .scalar_subquery()
    )


def with_last_check() -> Select[Account, MonitoringRecord]:
    """Each account in operation with its last check (None, an outer join, before the first): one query however
    many accounts."""
    return (
        select(Account, MonitoringRecord)
        .select_from(Account)
        .outerjoin(MonitoringRecord, MonitoringRecord.id == _latest_check_id())
        .where(Account.status.in_(MONITORED))
    )


def is_overdue(account: Account, last: MonitoringRecord | None, now: datetime) -> bool:
    """§9(2): more than the account's interval since its last check (or since it began, when never checked)."""
    since = account.activated_at or account.created_at
    return rules.monitoring_due(
        last.checked_at if last else None, since, account.monitoring_interval_days, now
    )


def monitoring_status(db: Database, actor: Actor, now: datetime | None = None) -> list[MonitoringRow]:
    return look(db, actor, lambda step: monitoring_rows(step, now))


def monitoring_rows(step: Step, now: datetime | None = None) -> list[MonitoringRow]:
    """Each account in operation the person may see, with its last check: one query however many accounts."""
    now = now or utcnow()
    visible = visible_account_ids(step.session, step.me)
    stmt = checks_stmt().where(Account.status.in_(MONITORED)).order_by(Account.name)
    if visible is not None:
        stmt = stmt.where(Account.id.in_(visible))
    dormant_after = dormant_days(step.session)
    return [
        monitoring_row(step, account, last, checked_by, posted_at, dormant_after, now)
        for account, last, checked_by, posted_at in step.session.execute(stmt)
    ]


def checks_stmt() -> Select[Account, MonitoringRecord, str | None, datetime | None]:
    """Every account with its last check, who made it and its last post, whatever its status (the bell reads its
    other per-account facts in the same query): the columns :func:`monitoring_row` takes."""
    last_post = (
        select(func.max(Post.published_at))
        .where(Post.account_id == Account.id, Post.published_at.is_not(None))
        .correlate(Account)
        .scalar_subquery()
    )
    return (
        select(Account, MonitoringRecord, User.display_name, last_post)
        .select_from(Account)
        .outerjoin(MonitoringRecord, MonitoringRecord.id == _latest_check_id())
        .outerjoin(User, User.id == MonitoringRecord.checked_by_id)
    )


def is_monitored(account: Account, visible: set[int] | None) -> bool:
    """Whether :func:`monitoring_rows` lists the account for a person who sees ``visible`` (None: every one)."""
    return account.status in MONITORED and (visible is None or account.id in visible)


def monitoring_row(
    step: Step,
    account: Account,
    last: MonitoringRecord | None,
    checked_by: str | None,
    posted_at: datetime | None,
    dormant_after: int,
    now: datetime,
) -> MonitoringRow:
    since = account.activated_at or account.created_at
    return MonitoringRow(
        account.id,
        account.name,
        last.checked_at if last else None,
        checked_by or "",
        is_overdue(account, last, now),
        step.may(Permission.RECORD_MONITORING, account.id),
        account.monitoring_interval_days,
        last.problems_found if last else None,
        last.note if last else "",
        last.legacy if last else False,
        posted_at,
        rules.dormant(posted_at, since, dormant_after, now),
        dormant_after,
        step.may(Permission.EDIT_ACCOUNT_SETTINGS, account.id),
    )


def may_set_dormant_days(db: Database, actor: Actor) -> bool:
    """May this person set after how many days without a post an account counts as dormant (広報課)?"""
    return look(db, actor, lambda step: step.may(Permission.SET_DORMANT_DAYS))
