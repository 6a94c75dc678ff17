"""Monitoring of the accounts in operation (§9(2)): who checked each account last, and which are overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sns_desk.domain.oversight import monitoring_overdue
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import monitoring_days
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, MonitoringRecord, utcnow


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
    now = now or utcnow()

    def work(step: Step) -> list[MonitoringRow]:
        visible = visible_account_ids(step.session, step.me)
        days = monitoring_days(step.session)
        stmt = select(Account).where(Account.status.in_([AccountStatus.ACTIVE, AccountStatus.SUSPENDED]))
        if visible is not None:
            stmt = stmt.where(Account.id.in_(visible))
        rows = []
        for account in step.session.scalars(stmt.order_by(Account.name)):
            last = step.session.scalars(
                select(MonitoringRecord)
                .where(MonitoringRecord.account_id == account.id)
                .options(selectinload(MonitoringRecord.checked_by))
                .order_by(MonitoringRecord.checked_at.desc())
                .limit(1)
            ).first()
            since = last.checked_at if last else (account.activated_at or account.created_at)
            rows.append(
                MonitoringRow(
                    account.id,
                    account.name,
                    last.checked_at if last else None,
                    last.checked_by.display_name if last else "",
                    monitoring_overdue(account.status, since, now, days),
                    step.may(Permission.RECORD_MONITORING, account.id),
                )
            )
        return rows

    return look(db, actor, work)
