"""§3(2) reports tracked: each opening, change and closure of an account is a 「広報課への報告」 item until the
report is recorded as sent (the account's 管理者) or received (広報課).  The rules are in
:mod:`sns_desk.domain.reporting_rules`; the workbook is made by ``export.workbooks.export_account_report``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain.errors import ConflictError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.reporting_rules import (
    REPORTED_FIELDS,
    ReportClosure,
    ReportEvent,
    activation_refusal,
    change_needs_report,
)
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import AccountReport
from sns_desk.store.orm import Account, ReportRecord, utcnow


def open_item(session: Session, account: Account, event: ReportEvent, changed: Iterable[str] = ()) -> None:
    """A new item, in the transaction of the opening, edit or closure; a change touching no reported field is
    not one."""
    fields = [f for f in changed if f in REPORTED_FIELDS]
    if event is ReportEvent.CHANGE and not change_needs_report(set(fields)):
        return
    session.add(AccountReport(account_id=account.id, event=event.value, changed=",".join(fields)))
    session.flush()


def unreported(session: Session, account_id: int) -> list[ReportEvent]:
    rows = session.scalars(
        select(AccountReport.event).where(
            AccountReport.account_id == account_id, AccountReport.closed_at.is_(None)
        )
    )
    return [ReportEvent(e) for e in rows]


def unreported_by_account(session: Session, account_ids: Sequence[int]) -> dict[int, list[ReportEvent]]:
    """:func:`unreported` for many accounts in one query (the account list)."""
    found: dict[int, list[ReportEvent]] = {}
    if not account_ids:
        return found
    rows = session.execute(
        select(AccountReport.account_id, AccountReport.event)
        .where(AccountReport.account_id.in_(account_ids), AccountReport.closed_at.is_(None))
        .order_by(AccountReport.id)
    )
    for account_id, event in rows:
        found.setdefault(account_id, []).append(ReportEvent(event))
    return found


def activation_check(session: Session, account: Account) -> None:
    """Refuse 運用開始 while the account waits for its opening report (when it is set to)."""
    refusal = activation_refusal(
        account.opening_report_required, ReportEvent.OPENING in unreported(session, account.id)
    )
    if refusal:
        raise ValidationError(refusal, f"account {account.id}: opening report not recorded")


@dataclass(frozen=True)
class ReportItem:
    id: int
    account_id: int
    account: str
    event: ReportEvent
    changed: tuple[str, ...]  # Japanese labels of the fields a change touched
    created_at: datetime
    closed_at: datetime | None
    closed_how: ReportClosure | None
    closed_by: str

    @property
    def what(self) -> str:
        detail = f"（{'・'.join(self.changed)}）" if self.changed else ""
        return f"{self.event.value}の報告{detail}"


def _item(row: AccountReport, account: Account) -> ReportItem:
    return ReportItem(
        row.id,
        account.id,
        account.name,
        ReportEvent(row.event),
        tuple(REPORTED_FIELDS[f] for f in row.changed.split(",") if f in REPORTED_FIELDS),
        row.created_at,
        row.closed_at,
        ReportClosure(row.closed_how) if row.closed_how else None,
        row.closed_by.display_name if row.closed_by else "",
    )


def report_items(
    db: Database, actor: Actor, *, account_id: int | None = None, open_only: bool = True
) -> list[ReportItem]:
    """The items this person may see (the account's members, 広報課 all), newest first."""

    def work(step: Step) -> list[ReportItem]:
        stmt = select(AccountReport, Account).join(Account, Account.id == AccountReport.account_id)
        stmt = stmt.options(selectinload(AccountReport.closed_by))
        visible = visible_account_ids(step.session, step.me)
        if visible is not None:
            stmt = stmt.where(AccountReport.account_id.in_(visible))
        if account_id is not None:
            stmt = stmt.where(AccountReport.account_id == account_id)
        if open_only:
            stmt = stmt.where(AccountReport.closed_at.is_(None))
        rows = step.session.execute(stmt.order_by(AccountReport.id.desc()))
        return [_item(row, account) for row, account in rows]

    return look(db, actor, work)


def _close(step: Step, row: AccountReport, how: ReportClosure, record_id: int | None) -> None:
    if row.closed_at is not None:
        raise ConflictError("この報告は既に記録されています。", f"account report {row.id} already closed")
    if how is ReportClosure.SENT:
        step.require(Permission.REPORT_ACCOUNT, row.account_id)
    else:
        step.require(Permission.RECEIVE_ACCOUNT_REPORT)
    row.closed_at, row.closed_by_id, row.closed_how, row.report_record_id = (
        utcnow(),
        step.me.id,
        how.value,
        record_id,
    )
    step.audit(
        "account.report_" + how.value,
        "account",
        row.account_id,
        {"report": row.id, "event": row.event, "record": record_id},
    )


def record_reported(db: Database, actor: Actor, item_id: int, how: ReportClosure) -> None:
    """The 管理者 records the report as sent, or 広報課 records it as received (§3(2))."""

    def work(step: Step) -> None:
        _close(step, step.load(AccountReport, item_id), how, None)

    change(db, actor, work, what="record account report")


def record_sent_for(db: Database, actor: Actor, account_id: int, event: ReportEvent) -> int:
    """After the workbook of ``event`` was made: every open item of that event is sent, linked to the newest
    workbook this person made for it. Returns how many were closed."""

    def work(step: Step) -> int:
        rows = list(
            step.session.scalars(
                select(AccountReport).where(
                    AccountReport.account_id == account_id,
                    AccountReport.event == event.value,
                    AccountReport.closed_at.is_(None),
                )
            )
        )
        if not rows:
            step.require(Permission.REPORT_ACCOUNT, account_id)
            return 0
        record_id = None
        for record in step.session.scalars(
            select(ReportRecord)
            .where(ReportRecord.kind == "account_report", ReportRecord.created_by_id == step.me.id)
            .order_by(ReportRecord.id.desc())
            .limit(20)
        ):
            params = json.loads(record.params or "{}")
            if params.get("account_id") == account_id and params.get("event") == event.value:
                record_id = record.id
                break
        for row in rows:
            _close(step, row, ReportClosure.SENT, record_id)
        return len(rows)

    return change(db, actor, work, what="record account report sent")


def set_opening_report_required(
    db: Database, actor: Actor, account_id: int, expected_version: int, required: bool
) -> None:
    """An account setting (管理者): 運用中 waits until the opening report is recorded (§3(2))."""

    def work(step: Step) -> None:
        step.require(Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = step.load(Account, account_id, expected_version)
        if account.opening_report_required == required:
            return
        account.opening_report_required = required
        step.audit("account.opening_report_required", "account", account.id, {"required": required})

    change(db, actor, work, what="set opening_report_required")
