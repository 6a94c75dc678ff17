"""What the reports say, read from the database for export/ to put into its templates (export/ itself holds no
query): the account report (§3(2)), the account list (§3(3)イ), the 投稿実績, the trouble report (§8), and the
record of every export."""

from __future__ import annotations

import json
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, DateTime, String, case, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus, ChecklistKey, DecisionKind, PostStatus, Role
from sns_desk.services import account_checklist, account_policies, incidents
from sns_desk.services.actors import Actor, load_user
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, Post, PostDecision, ReportRecord, ScopeVersion, User

REPORT_KINDS = {
    "account_report": "公式アカウント開設・変更・廃止報告書",
    "account_list": "公式アカウント一覧",
    "post_record": "投稿実績",
    "incident_report": "ソーシャルメディアのトラブル報告書",
}
"""The reports the 報告書 page makes."""

EXPORT_LABELS = REPORT_KINDS | {"overview": "公式アカウント運用状況一覧"}
"""Every workbook the app exports (the reports and the 運用状況一覧 of its own page): history labels, file names."""


def _report_on(step: Step, account_id: int, permission: Permission = Permission.REPORT_ACCOUNT) -> None:
    """広報課 reports on every account; others need ``permission`` on this one."""
    if not step.may(Permission.VIEW_CITY_WIDE):
        step.require(permission, account_id)


def _names(account: Account, role: Role) -> str:
    return "、".join(m.user.display_name for m in account.members if m.role is role)


# --- 公式アカウント開設・変更・廃止報告書 (§3(2)) --------------------------------------------------------------------


@dataclass(frozen=True)
class AccountReportFacts:
    """One account as the report of §3(2) describes it."""

    facts: pol.AccountFacts
    handle: str
    status_reason: str
    started_at: datetime | None
    responsible: str
    manager: str
    staff: str
    contractors: tuple[tuple[str, datetime | None], ...]  # name, date of the acknowledgement (§9(1))
    checklist: dict[ChecklistKey, account_checklist.ChecklistRow]
    policy: pol.PolicyData | None


def account_report_facts(db: Database, actor: Actor, account_id: int, *, closing: bool) -> AccountReportFacts:
    """The account's facts for its report; an account whose opening was not approved is reported only when it
    closes (§3(2))."""

    def work(step: Step) -> AccountReportFacts:
        account = step.load(Account, account_id)
        _report_on(step, account_id)
        if not closing and account.status in (AccountStatus.REQUESTED, AccountStatus.REJECTED):
            raise ValidationError("開設が承認されていないアカウントは報告できません（§3(2)）。")
        return AccountReportFacts(
            account_policies.facts_of(step.session, account_id),
            account.handle,
            account.status_reason,
            account.activated_at or account.opened_at,
            _names(account, Role.RESPONSIBLE),
            _names(account, Role.MANAGER),
            _names(account, Role.STAFF),
            tuple(
                (m.user.display_name, m.user.contractor_ack_on)
                for m in account.members
                if m.role is Role.CONTRACTOR
            ),
            {r.key: r for r in account_checklist.checklist_rows(step.session, account_id)},
            account_policies.current_policy(step.session, account_id),
        )

    return look(db, actor, work)


# --- 公式アカウント一覧 (§3(3)イ) -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ListedAccount:
    """One line of the homepage listing, in its columns' order."""

    platform: str  # the label, e.g. 「Instagram」
    name: str
    url: str
    department: str
    status: str  # the label, e.g. 「運用中」
    activated_at: datetime | None
    policy_url: str  # where the current 運用ポリシー is published, or ""


def listed_accounts(db: Database, actor: Actor, *, include_closed: bool) -> list[ListedAccount]:
    """Every account in operation (and the closed ones if asked), for the city's homepage (広報課)."""
    statuses = [AccountStatus.ACTIVE, AccountStatus.SUSPENDED] + (
        [AccountStatus.CLOSED] if include_closed else []
    )

    def work(step: Step) -> list[ListedAccount]:
        step.require(Permission.VIEW_CITY_WIDE)
        stmt = (
            select(Account).where(Account.status.in_(statuses)).order_by(Account.department_id, Account.name)
        )
        rows = []
        for account in step.session.scalars(stmt):
            current = account_policies.current_policy(step.session, account.id)
            rows.append(
                ListedAccount(
                    account.platform.label,
                    account.name,
                    account.url,
                    account.department.full_name,
                    account.status.label,
                    account.activated_at,
                    current.published_url if current else "",
                )
            )
        return rows

    return look(db, actor, work)


# --- 投稿実績 ------------------------------------------------------------------------------------------------------


AFTER_KINDS = (DecisionKind.AFTER_APPROVE, DecisionKind.ORDER_CORRECTION, DecisionKind.ORDER_DELETION)


class PostRecordRow(NamedTuple):
    """One line of the 投稿実績 (a tuple: a period may hold a hundred thousand)."""

    post_id: int
    account: str
    status_value: str  # a PostStatus's value as stored (a 100,000-row export looks its label up in a dict)
    author: str
    approver: str | None
    # the three times as stored: naive, in UTC (the export writes them in Japan time, formatting each hour once)
    submitted_utc: datetime | None
    decided_utc: datetime | None
    published_utc: datetime | None
    url: str | None
    body: str
    decision_value: str | None  # the DecisionKind's value as stored
    scope_title: str | None  # the standing scope that approved it (§5(2)), as that version named it
    scope_number: int | None

    @property
    def status(self) -> PostStatus:
        return PostStatus(self.status_value)

    @property
    def decision(self) -> DecisionKind | None:
        return None if self.decision_value is None else DecisionKind(self.decision_value)

    @property
    def route(self) -> str:
        """How the post was approved to go out (承認の経路): by the 管理者 one by one, or by which standing scope.
        An emergency post out before its approval shows its 事後承認 (§5(9)), or that it still waits for one."""
        decision = self.decision
        if decision is DecisionKind.APPROVE:
            return "個別の承認"
        if decision is not None and decision in AFTER_KINDS:
            return f"{decision.label}（緊急の投稿、§5(9)）"
        if self.status is PostStatus.AFTER_PENDING:
            return "事後承認待ち（緊急の投稿、§5(9)）"
        if decision is DecisionKind.SCOPE:
            number = f"第{self.scope_number}版" if self.scope_number else ""
            return f"事前承認の範囲「{self.scope_title or '?'}」{number}（§5(2)）"
        return ""


def post_record_scope(db: Database, actor: Actor, account_id: int | None) -> list[int] | None:
    """The accounts a 投稿実績 covers: one (its 管理者, or 広報課) or, for 広報課, the whole city (None)."""

    ids = None if account_id is None else [account_id]
    return look(db, actor, lambda step: _record_scope(step, ids))


def _record_scope(step: Step, account_ids: list[int] | None) -> list[int] | None:
    """Refuse a 投稿実績 over accounts the person may not report on: the whole city (None) for 広報課 only."""
    if account_ids is None:
        step.require(Permission.VIEW_CITY_WIDE)
    else:
        for account_id in account_ids:
            _report_on(step, account_id)
    return account_ids


def _when() -> ColumnElement[Any]:
    """When a post counts for a period: published, else planned, else written."""
    return func.coalesce(Post.published_at, Post.planned_at, Post.created_at)


def count_posts(
    db: Database, actor: Actor, start: datetime, end: datetime, account_ids: list[int] | None
) -> int:
    def work(step: Step) -> int:
        stmt = select(func.count()).select_from(Post).where(_when().between(start, end))
        if _record_scope(step, account_ids) is not None:
            stmt = stmt.where(Post.account_id.in_(account_ids or []))
        return int(step.session.scalar(stmt) or 0)

    return look(db, actor, work)


def _post_rows(
    session: Session, start: datetime, end: datetime, account_ids: list[int] | None
) -> Iterator[PostRecordRow]:
    approver = aliased(User)
    scope_decider = aliased(
        User
    )  # for a post a scope approved: the 管理者 who decided that version of the scope
    latest_decision = (
        select(PostDecision.post_id, func.max(PostDecision.id).label("decision_id"))
        .where(PostDecision.kind.in_([DecisionKind.APPROVE, DecisionKind.SCOPE, *AFTER_KINDS]))
        .group_by(PostDecision.post_id)
        .subquery()
    )
    stmt = (
        select(
            Post.id,
            Account.name,
            type_coerce(Post.status, String()),  # the stored values, without the Enum's per-row conversion
            User.display_name,
            func.coalesce(
                scope_decider.display_name,
                case(  # 代決: "B（代決: A に代わって）", as post_queries.decider_text words it
                    (
                        PostDecision.deputy_for != "",
                        approver.display_name + "（代決: " + PostDecision.deputy_for + " に代わって）",
                    ),
                    else_=approver.display_name,
                ),
            ),
            # as stored (naive UTC), without UTCDateTime's per-value conversion to an aware datetime
            type_coerce(Post.submitted_at, DateTime()),
            type_coerce(PostDecision.decided_at, DateTime()),
            type_coerce(Post.published_at, DateTime()),
            Post.published_url,
            Post.body,
            type_coerce(PostDecision.kind, String()),
            ScopeVersion.title,
            PostDecision.scope_number,
        )
        .join(Account, Account.id == Post.account_id)
        .join(User, User.id == Post.author_id)
        .outerjoin(latest_decision, latest_decision.c.post_id == Post.id)
        .outerjoin(PostDecision, PostDecision.id == latest_decision.c.decision_id)
        .outerjoin(approver, approver.id == PostDecision.decided_by_id)
        .outerjoin(
            ScopeVersion,
            (ScopeVersion.scope_id == PostDecision.scope_id)
            & (ScopeVersion.number == PostDecision.scope_number),
        )
        .outerjoin(scope_decider, scope_decider.id == ScopeVersion.decided_by_id)
        .where(_when().between(start, end))
        .order_by(_when(), Post.id)
        .execution_options(yield_per=2000)
    )
    if account_ids is not None:
        stmt = stmt.where(Post.account_id.in_(account_ids))
    # plain rows through the Core connection (the ORM's row loading adds a third to the query's cost here), made
    # into PostRecordRows a batch at a time by C code rather than a Python call per row
    make = partial(tuple.__new__, PostRecordRow)
    for batch in session.connection().execute(stmt).partitions():
        yield from map(make, batch)


def post_record_rows(
    db: Database, actor: Actor, start: datetime, end: datetime, account_ids: list[int] | None
) -> Generator[PostRecordRow, None, None]:
    """The posts of a period in order, streamed from one read session (close the iterator when done early)."""
    with db.read() as session:
        _record_scope(Step(session, load_user(session, actor)), account_ids)
        yield from _post_rows(session, start, end, account_ids)


# --- トラブル報告書 (§8) -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentReportFacts:
    incident: incidents.IncidentRow
    department: str
    manager: str


def incident_report_facts(db: Database, actor: Actor, incident_id: int) -> IncidentReportFacts:
    """One trouble with its checklist, for its 管理者 (or 広報課)."""
    row = incidents.get_incident(db, actor, incident_id)

    def work(step: Step) -> IncidentReportFacts:
        _report_on(step, row.account_id, Permission.LEAD_INCIDENT)
        account = step.load(Account, row.account_id)
        return IncidentReportFacts(row, account.department.full_name, _names(account, Role.MANAGER))

    return look(db, actor, work)


# --- the record of exports -----------------------------------------------------------------------------------------


def record_export(
    db: Database, actor: Actor, kind: str, params: dict[str, Any], path: Path, sha256: str, rows: int
) -> None:
    """Every file written is recorded and audited with its checksum."""

    def work(step: Step) -> None:
        record = step.add(
            ReportRecord(
                kind=kind,
                params=json.dumps(params, ensure_ascii=False, default=str),
                filename=str(path),
                sha256=sha256,
                rows=rows,
                created_by_id=step.me.id,
            )
        )
        payload = {"kind": kind, "params": params, "file": str(path), "sha256": sha256}
        step.audit("report.export", "report", record.id, payload)

    change(db, actor, work, what="record export")


@dataclass(frozen=True)
class ExportRow:
    id: int
    kind: str  # a key of EXPORT_LABELS, e.g. "account_list"; ``label`` is its name on screen
    label: str
    filename: str
    sha256: str
    rows: int
    created_by: str
    created_at: datetime


def list_exports(db: Database, actor: Actor, limit: int = 200) -> list[ExportRow]:
    """The exports this person made (every export, for 広報課), newest first."""

    def work(step: Step) -> list[ExportRow]:
        stmt = select(ReportRecord, User.display_name).join(User, User.id == ReportRecord.created_by_id)
        if not step.may(Permission.VIEW_CITY_WIDE):
            stmt = stmt.where(ReportRecord.created_by_id == step.me.id)
        stmt = stmt.order_by(ReportRecord.id.desc()).limit(limit)
        return [
            ExportRow(
                r.id,
                r.kind,
                EXPORT_LABELS.get(r.kind, r.kind),
                r.filename,
                r.sha256,
                r.rows,
                name,
                r.created_at,
            )
            for r, name in step.session.execute(stmt)
        ]

    return look(db, actor, work)
