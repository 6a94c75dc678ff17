"""Comments, messages, calls and e-mails about an account (§7): the log, forwarding to the 課 in charge, and
erasing their words after the retention period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import InquiryChannel, InquiryKind
from sns_desk.services.access import account_roles, visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.backups import delete_backups_older_than
from sns_desk.services.city_settings import retention_days
from sns_desk.services.incidents import purge_personal_references
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Inquiry, utcnow


@dataclass(frozen=True)
class InquiryRow:
    id: int
    account_id: int
    account: str
    channel: InquiryChannel
    kind: InquiryKind
    received_at: datetime
    content: str
    response: str
    forwarded_to: str
    forwarded_at: datetime | None
    logged_by: str
    purged: bool

    @property
    def needs_forwarding(self) -> bool:
        return self.kind is InquiryKind.PROPOSAL and not self.forwarded_to


def _row(i: Inquiry) -> InquiryRow:
    return InquiryRow(
        i.id,
        i.account_id,
        i.account.name,
        i.channel,
        i.kind,
        i.received_at,
        i.content if i.purged_at is None else "（保存期間を過ぎたため削除しました）",
        i.response,
        i.forwarded_to,
        i.forwarded_at,
        i.logged_by.display_name,
        i.purged_at is not None,
    )


def list_inquiries(
    db: Database, actor: Actor, account_id: int | None = None, limit: int = 500
) -> list[InquiryRow]:
    def work(step: Step) -> list[InquiryRow]:
        visible = visible_account_ids(step.session, step.me)
        stmt = (
            select(Inquiry)
            .options(selectinload(Inquiry.account), selectinload(Inquiry.logged_by))
            .order_by(Inquiry.received_at.desc())
            .limit(limit)
        )
        if visible is not None:
            stmt = stmt.where(Inquiry.account_id.in_(visible))
        if account_id is not None:
            stmt = stmt.where(Inquiry.account_id == account_id)
        return [_row(i) for i in step.session.scalars(stmt)]

    return look(db, actor, work)


def log_inquiry(
    db: Database,
    actor: Actor,
    account_id: int,
    channel: InquiryChannel,
    kind: InquiryKind,
    content: str,
    received_at: datetime | None = None,
    response: str = "",
) -> int:
    """Record a comment, message, call or e-mail.  Keep personal data to the minimum: what was said, not who."""
    content = content.strip()
    if not content:
        raise ValidationError("内容を入力してください（個人を特定する情報は必要な範囲にとどめてください）。")

    def work(step: Step) -> int:
        step.require(Permission.LOG_INQUIRY, account_id)
        inquiry = Inquiry(
            account_id=account_id,
            channel=channel,
            kind=kind,
            content=content,
            response=response.strip(),
            received_at=received_at or utcnow(),
            logged_by_id=step.me.id,
        )
        step.session.add(inquiry)
        # not the content: personal data
        step.audit(
            "inquiry.log", "inquiry", inquiry.id, {"account_id": account_id, "channel": channel, "kind": kind}
        )
        return inquiry.id

    return change(db, actor, work, what="log_inquiry")


def forward_inquiry(
    db: Database, actor: Actor, inquiry_id: int, to_section: str, when: datetime | None = None
) -> None:
    """§7(3): proposals and requests go to the responsible 課 instead of an answer on the SNS."""
    to_section = to_section.strip()
    if not to_section:
        raise ValidationError("依頼先の課を入力してください。")

    def work(step: Step) -> None:
        inquiry = step.load(Inquiry, inquiry_id)
        step.require(Permission.LOG_INQUIRY, inquiry.account_id)
        inquiry.forwarded_to, inquiry.forwarded_at = to_section, when or utcnow()
        step.audit("inquiry.forward", "inquiry", inquiry.id, {"to": to_section})

    change(db, actor, work, what="forward_inquiry")


def purge_expired(db: Database, actor: Actor, now: datetime | None = None) -> int:
    """Erase the content of inquiries older than the retention period (the record that one came stays): those
    of the accounts where the actor logs inquiries, or of every account for the システム管理者; and every other copy
    of old words the app keeps (issue 13 item 7, §7), which the retention period governs city-wide:

    * the §8(3) records of troubles written before the cutoff (the audit log only ever had their hash);
    * the old pages in the file: ``secure_delete`` zeroes them (every connection), and a checkpoint empties
      the WAL of a local file;
    * backups older than the retention period, whatever made them (daily, manual, before an upgrade or a
      restore).
    """
    moment = now or utcnow()

    def work(step: Step) -> tuple[int, int]:
        days = retention_days(step.session)
        cutoff = moment - timedelta(days=days)
        stmt = select(Inquiry).where(Inquiry.received_at < cutoff, Inquiry.purged_at.is_(None))
        if not step.may(Permission.MANAGE_DATABASE):
            # §7: those who log an account's inquiries erase its old ones; the システム管理者 every account's
            mine = [a for a in account_roles(step.session, step.me) if step.may(Permission.LOG_INQUIRY, a)]
            if not mine:
                raise PermissionDeniedError(
                    "保存期間を過ぎた問い合わせの削除（§7）は、そのアカウントの担当者・管理者、"
                    "またはシステム管理者が行います。",
                    f"user {step.me.login!r} denied purge_expired",
                )
            stmt = stmt.where(Inquiry.account_id.in_(mine))
        old = list(step.session.scalars(stmt))
        for inquiry in old:
            inquiry.content, inquiry.response, inquiry.purged_at = "", "", utcnow()
        records = purge_personal_references(step.session, cutoff)
        if old or records:
            payload = {"count": len(old), "records": records, "before": cutoff.isoformat()}
            step.audit("inquiry.purge", "inquiry", "*", payload)
        return len(old), days

    purged, days = change(db, actor, work, what="purge_expired")
    db.checkpoint()
    if db.location.path is not None:
        delete_backups_older_than(db, moment - timedelta(days=days))
    return purged
