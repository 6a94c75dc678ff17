"""Monitoring of the accounts in operation (§9(2)): who checked each account last, and which are overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import aliased

from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import monitoring_days
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, MonitoringRecord, User, utcnow


def record_monitoring(
    db: Database, actor: Actor, account_id: int, note: str, *, problems_found: bool = False
) -> int:
    def work(step: Step) -> int:
        step.require(Permission.RECORD_MONITORING, account_id)
        record = MonitoringRecord(
            account_id=account_id, checked_by_id=step.me.id, note=note.strip(), problems_found=problems_found
        )
        step.session.add(record)
        payload = {"problems_found": problems_found, "note": note.strip()}
        step.audit("monitoring.record", "account", account_id, payload)
        return record.id

    return change(db, actor, work, what="record_monitoring")


@dataclass(frozen=True)
class MonitoringRow:
    account_id: int
    account: str
    last_checked: datetime | None
    last_by: str
    overdue: bool
    may_record: bool


def monitoring_status(db: Database, actor: Actor, now: datetime | None = None) -> list[MonitoringRow]:
    return look(db, actor, lambda step: monitoring_rows(step, now))


def monitoring_rows(step: Step, now: datetime | None = None) -> list[MonitoringRow]:
    """Each account in operation the person may see, with its last check: one query however many accounts."""
    now = now or utcnow()
    visible = visible_account_ids(step.session, step.me)
    days = monitoring_days(step.session)
    record = aliased(MonitoringRecord)
    latest = (
        select(record.id)
        .where(record.account_id == Account.id)
        .order_by(record.checked_at.desc(), record.id.desc())
        .limit(1)
        .correlate(Account)
        .scalar_subquery()
    )
    stmt = (
        select(Account.id, Account.name, Account.activated_at, Account.created_at)
        .add_columns(MonitoringRecord.checked_at, User.display_name)
        .select_from(Account)
        .outerjoin(MonitoringRecord, MonitoringRecord.id == latest)
        .outerjoin(User, User.id == MonitoringRecord.checked_by_id)
        .where(Account.status.in_([AccountStatus.ACTIVE, AccountStatus.SUSPENDED]))
        .order_by(Account.name)
    )
    if visible is not None:
        stmt = stmt.where(Account.id.in_(visible))
    rows = []
    for account_id, name, activated_at, created_at, checked_at, checked_by in step.session.execute(stmt):
        since = checked_at or activated_at or created_at
        rows.append(
            MonitoringRow(
                account_id,
                name,
                checked_at,
                checked_by or "",
                now - since > timedelta(days=days),
                step.may(Permission.RECORD_MONITORING, account_id),
            )
        )
    return rows
