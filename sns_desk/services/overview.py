"""広報課's overview of every account of the city (issue 17 item 4; guideline §3(2), §4(1)イ, §9(2)).

One row per account, by 局 and 課: its status, the approved 運用ポリシー's version, the last post, posts this month
and the month before, whether its monitoring is overdue (§9(2)) and its open serious troubles (§4(1)イ).  The rows
come from ONE query (correlated subqueries, whatever the number of accounts) plus the few every read makes (the
person, their roles, the monitoring interval).  広報課 and the システム管理者 see every account; anyone else who may
open the page sees only the accounts they hold a role on (:func:`~sns_desk.services.access.visible_account_ids`).

Whether an account's 開設・変更・廃止 was reported to 広報課 (§3(2)) is judged by the 報告書 the app exported for it
(the export history, read in one more query): the app cannot know of a report made on paper outside it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time

from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.orm import aliased

from sns_desk.domain import oversight
from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus, Platform, PolicyStatus
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import monitoring_days
from sns_desk.services.usecase import Step, look
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountPolicy,
    Department,
    Incident,
    MonitoringRecord,
    Post,
    ReportRecord,
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
    monitoring_overdue: bool  # §9(2)
    serious_open: int  # open serious troubles (§4(1)イ)
    unreported: tuple[str, ...]  # §3(2): 開設・変更・廃止 whose 報告書 was not exported yet
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
    monitoring_days: int
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


def _account_reports(step: Step) -> dict[int, list[tuple[str, datetime]]]:
    """The 報告書 (§3(2)) exported so far, by account: each its event (開設・変更・廃止) and when (one query)."""
    found: dict[int, list[tuple[str, datetime]]] = {}
    stmt = select(ReportRecord.params, ReportRecord.created_at).where(ReportRecord.kind == "account_report")
    for params, created_at in step.session.execute(stmt):
        try:
            data = json.loads(params)
            account_id, event = int(data["account_id"]), str(data["event"])
        except (ValueError, KeyError, TypeError):
            log.warning("export record with unreadable account-report parameters skipped")
            continue
        found.setdefault(account_id, []).append((event, created_at))
    return found


def city_overview(db: Database, actor: Actor, now: datetime | None = None) -> Overview:
    """Every account ``actor`` may see, with what 広報課 watches (see the module)."""
    now = now or utcnow()
    last_month, this_month, next_month = month_starts(now)

    def work(step: Step) -> Overview:
        visible = visible_account_ids(step.session, step.me)
        days = monitoring_days(step.session)
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
        policy_changed = (
            select(func.max(AccountPolicy.approved_at))
            .where(AccountPolicy.account_id == mine)
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
                Account.opened_at,
                Account.closed_at,
                policy_changed,
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
        reports = _account_reports(step)
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
            opened_at,
            closed_at,
            policy_approved_at,
            version,
            posted,
            this_count,
            last_count,
            checked,
            serious_count,
        ) in step.session.execute(stmt):
            overdue = oversight.monitoring_overdue(status, checked or activated_at or created_at, now, days)
            unreported = oversight.unreported_events(
                status,
                opened_at=opened_at,
                closed_at=closed_at,
                policy_approved_at=policy_approved_at,
                reports=reports.get(account_id, []),
            )
            reasons = oversight.attention_reasons(
                status,
                overdue=overdue,
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
                    serious_count,
                    tuple(unreported),
                    tuple(reasons),
                )
            )
        choices = {
            "bureau": sorted({r.bureau for r in rows if r.bureau}),
            "section": sorted({r.section for r in rows}),
        }
        return Overview(rows, now, this_month, days, choices)

    return look(db, actor, work)
