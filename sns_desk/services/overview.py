"""広報課's overview of every account of the city (issue 17 item 4; guideline §3(2), §4(1)イ, §9(2)).

One row per account, by 局 and 課: its status, the approved 運用ポリシー's version, the last post, posts this month
and the month before, whether its monitoring is overdue by its own interval (§9(2)), whether it is dormant (no
post for the days 広報課 set), its open serious troubles (§4(1)イ) and its open 「広報課への報告」 items (§3(2)).  The
rows come from ONE query (correlated subqueries, whatever the number of accounts), the open report items of all
accounts from one more (GROUP BY), plus the few every read makes (the person, their roles, the dormant days).  広報課 and the システム管理者 see every account; anyone else who may
open the page sees only the accounts they hold a role on (:func:`~sns_desk.services.access.visible_account_ids`).

The rules are :mod:`sns_desk.domain.monitoring_rules` (overdue, dormant), the tracked report items of
:mod:`sns_desk.services.account_reports` (open while not recorded as sent or received) and
:func:`sns_desk.domain.oversight.attention_reasons`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import aliased

from sns_desk.domain import monitoring_rules, oversight
from sns_desk.domain import policy as pol
from sns_desk.domain.reporting_rules import ReportEvent
from sns_desk.domain.vocabulary import AccountStatus, Platform, PolicyStatus
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import dormant_days
from sns_desk.services.usecase import Step, look
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import AccountReport
from sns_desk.store.orm import (
    Account,
    AccountPolicy,
    Department,
    Incident,
    MonitoringRecord,
    Post,
    utcnow,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OverviewRow:
    id: int
    bureau: str  # 局: the parent of the account's 課 ("" when the 課 has none)
    section: str  # 課
    platform: Platform
    name: str
    status: AccountStatus
    policy_version: int | None  # the approved 運用ポリシー's 第N版, None when none is approved
    last_post: datetime | None
    posts_this_month: int
    posts_last_month: int
    last_checked: datetime | None
    monitoring_overdue: bool  # §9(2), by the account's own interval
    dormant: bool  # no post for the days 広報課 set (§9(2))
    serious_open: int  # open serious troubles (§4(1)イ)
    unreported: tuple[str, ...]  # §3(2): the open 「広報課への報告」 items, 開設・変更・廃止
    attention: tuple[str, ...] = ()  # why 広報課 should look at it (empty: nothing to do)

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention)


@dataclass(frozen=True)
class OverviewFilter:
    """The overview's filters (an empty value filters nothing)."""

    bureau: str | None = None
    section: str | None = None
    platform: Platform | None = None
    status: AccountStatus | None = None
    attention_only: bool = False

    def matches(self, row: OverviewRow) -> bool:
        return (
            (self.bureau is None or row.bureau == self.bureau)
            and (self.section is None or row.section == self.section)
            and (self.platform is None or row.platform is self.platform)
            and (self.status is None or row.status is self.status)
            and (not self.attention_only or row.needs_attention)
        )


@dataclass(frozen=True)
class Overview:
    rows: list[OverviewRow]
    as_of: datetime
    month_start: datetime  # this month's first day, 0:00 Japan time
    dormant_days: int
    choices: dict[str, list[str]] = field(default_factory=dict)  # "bureau"/"section": the names present

    def __len__(self) -> int:
        """The number of accounts: an overview of none is empty (falsy), like any other read of nothing."""
        return len(self.rows)

    def filtered(self, flt: OverviewFilter) -> list[OverviewRow]:
        return [row for row in self.rows if flt.matches(row)]


def _month_after(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def month_starts(now: datetime) -> tuple[datetime, datetime, datetime]:
    """The first moments (Japan time) of the month before ``now``'s, of its month and of the month after."""
    today = now.astimezone(pol.JST).date()
    this = date(today.year, today.month, 1)
    previous = date(this.year - 1, 12, 1) if this.month == 1 else date(this.year, this.month - 1, 1)
    return pol.at_jst(previous, time()), pol.at_jst(this, time()), pol.at_jst(_month_after(this), time())


def _open_reports(step: Step, visible: set[int] | None) -> dict[int, tuple[str, ...]]:
    """The open 「広報課への報告」 items (§3(2)) of every account, by account: one query, whatever their number."""
    stmt = (
        select(AccountReport.account_id, AccountReport.event)
        .where(AccountReport.closed_at.is_(None))
        .group_by(AccountReport.account_id, AccountReport.event)
    )
    if visible is not None:
        stmt = stmt.where(AccountReport.account_id.in_(sorted(visible)))
    found: dict[int, set[str]] = {}
    for account_id, event in step.session.execute(stmt):
        found.setdefault(account_id, set()).add(event)
    return {a: tuple(e.value for e in ReportEvent if e.value in events) for a, events in found.items()}


def city_overview(db: Database, actor: Actor, now: datetime | None = None) -> Overview:
    """Every account ``actor`` may see, with what 広報課 watches (see the module)."""
    now = now or utcnow()
    last_month, this_month, next_month = month_starts(now)

    def work(step: Step) -> Overview:
        visible = visible_account_ids(step.session, step.me)
        dormant_after = dormant_days(step.session)
        section = aliased(Department)
        bureau = aliased(Department)
        mine = Account.id
        policy_version = (
            select(func.max(AccountPolicy.number))
            .where(AccountPolicy.account_id == mine, AccountPolicy.status == PolicyStatus.APPROVED)
            .scalar_subquery()
        )
        last_post = select(func.max(Post.published_at)).where(Post.account_id == mine).scalar_subquery()

        def posts_between(start: datetime, end: datetime) -> ScalarSelect[int]:
            return (
                select(func.count(Post.id))
                .where(Post.account_id == mine, Post.published_at >= start, Post.published_at < end)
                .scalar_subquery()
            )

        last_check = (
            select(func.max(MonitoringRecord.checked_at))
            .where(MonitoringRecord.account_id == mine)
            .scalar_subquery()
        )
        serious = (
            select(func.count(Incident.id))
            .where(Incident.account_id == mine, Incident.serious.is_(True), Incident.closed_at.is_(None))
            .scalar_subquery()
        )
        stmt = (
            select(
                Account.id,
                bureau.name,
                section.name,
                Account.platform,
                Account.name,
                Account.status,
                Account.activated_at,
                Account.created_at,
                Account.monitoring_interval_days,
                policy_version,
                last_post,
                posts_between(this_month, next_month),
                posts_between(last_month, this_month),
                last_check,
                serious,
            )
            .join(section, Account.department_id == section.id)
            .outerjoin(bureau, section.parent_id == bureau.id)
            .order_by(bureau.name, section.name, Account.name, Account.id)
        )
        if visible is not None:
            stmt = stmt.where(Account.id.in_(sorted(visible)))
        reports = _open_reports(step, visible)
        rows = []
        for (
            account_id,
            bureau_name,
            section_name,
            platform,
            name,
            status,
            activated_at,
            created_at,
            interval,
            version,
            posted,
            this_count,
            last_count,
            checked,
            serious_count,
        ) in step.session.execute(stmt):
            since = activated_at or created_at
            operating = status in oversight.MONITORED
            overdue = operating and monitoring_rules.monitoring_due(checked, since, interval, now)
            dormant = operating and monitoring_rules.dormant(posted, since, dormant_after, now)
            unreported = reports.get(account_id, ())
            reasons = oversight.attention_reasons(
                status,
                overdue=overdue,
                dormant=dormant,
                serious_open=serious_count,
                approved_policy=version,
                unreported=unreported,
            )
            rows.append(
                OverviewRow(
                    account_id,
                    bureau_name or "",
                    section_name,
                    platform,
                    name,
                    status,
                    version,
                    posted,
                    this_count,
                    last_count,
                    checked,
                    overdue,
                    dormant,
                    serious_count,
                    unreported,
                    tuple(reasons),
                )
            )
        choices = {
            "bureau": sorted({r.bureau for r in rows if r.bureau}),
            "section": sorted({r.section for r in rows}),
        }
        return Overview(rows, now, this_month, dormant_after, choices)

    return look(db, actor, work)
