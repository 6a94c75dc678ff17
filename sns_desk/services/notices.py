"""What is waiting for a person when the app opens: posts to decide, posts a standing scope approved that are past
their review deadline (§5(2)), serious troubles (§4(1)イ), overdue monitoring (§9(2)), passwords due for a change
(§3(3)ウ)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.services import mail_settings, monitoring, post_queries
from sns_desk.services.access import visible_account_ids
from sns_desk.services.account_checklist import password_due
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import dormant_days, rotation_days
from sns_desk.services.usecase import Step, look
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import AccountReport
from sns_desk.store.orm import Account, CredentialRecord, Incident, utcnow


@dataclass(frozen=True)
class Notice:
    kind: str  # "after_approval", "approvals", "scope_review", "incident", "monitoring", "dormant", "credential", "account_report"
    text: str
    page: str  # the main window page that deals with it
    target: int | None = None
    count: int = 0  # how many (the approvals: the badge of 承認待ち)


def _escalations(step: Step) -> list[Notice]:
    serious = step.session.scalars(
        select(Incident).where(Incident.serious.is_(True), Incident.closed_at.is_(None))
    )
    return [
        Notice(
            "incident",
            f"重大なトラブル「{incident.title}」の報告が届いています（§4(1)イ）。",
            "incidents",
            incident.id,
        )
        for incident in serious
        if incident.acknowledged_at is None and step.may(Permission.RECEIVE_ESCALATION, incident.account_id)
    ]


@dataclass(frozen=True)
class _AccountFacts:
    """What the bell reads of every account in one query: its monitoring (as the 監視 page lists it, or None when
    that page leaves the account out), its password's last change and its §3(2) reports not yet recorded."""

    account_id: int
    name: str
    check: monitoring.MonitoringRow | None
    rotated_at: datetime | None
    unreported: int


def _account_facts(step: Step) -> list[_AccountFacts]:
    """Every account with its last check, last post, password record and open §3(2) reports — one query however
    many accounts; whom each concerns is judged below, row by row, by the permissions."""
    session, now = step.session, utcnow()
    visible = visible_account_ids(session, step.me)
    dormant_after = dormant_days(session)
    open_reports = (
        select(func.count(AccountReport.id))
        .where(AccountReport.account_id == Account.id, AccountReport.closed_at.is_(None))
        .correlate(Account)
        .scalar_subquery()
    )
    stmt = (
        monitoring.checks_stmt()
        .add_columns(CredentialRecord.rotated_at, open_reports)
        .outerjoin(CredentialRecord, CredentialRecord.account_id == Account.id)
        .order_by(Account.name, Account.id)
    )
    return [
        _AccountFacts(
            account.id,
            account.name,
            monitoring.monitoring_row(step, account, last, checked_by, posted_at, dormant_after, now)
            if monitoring.is_monitored(account, visible)
            else None,
            rotated_at,
            int(reports or 0),
        )
        for account, last, checked_by, posted_at, rotated_at, reports in session.execute(stmt)
    ]


def _credentials_due(step: Step, accounts: list[_AccountFacts]) -> list[Notice]:
    """Passwords past the city's interval (§3(3)ウ), on the accounts whose password this person manages."""
    days = rotation_days(step.session)
    return [
        Notice("credential", f"「{a.name}」のパスワードの変更時期です（§3(3)ウ）。", "accounts", a.account_id)
        for a in sorted(accounts, key=lambda a: a.account_id)
        if a.rotated_at is not None
        and password_due(a.rotated_at, days)
        and step.may(Permission.MANAGE_CREDENTIALS, a.account_id)
    ]


def _unreported(step: Step, accounts: list[_AccountFacts]) -> int:
    """How many §3(2) reports wait to be recorded on the accounts this person reports for."""
    return sum(
        a.unreported for a in accounts if a.unreported and step.may(Permission.REPORT_ACCOUNT, a.account_id)
    )


def notifications(db: Database, actor: Actor) -> list[Notice]:
    """What is waiting for this person: posts to decide, serious troubles, overdue monitoring, old passwords —
    read in one session, a fixed number of queries however many accounts and posts there are."""
    return look(db, actor, _notifications)


def bell(db: Database, actor: Actor) -> tuple[list[Notice], set[MailKind]]:
    """:func:`notifications` and the kinds this person muted (the tray leaves those out), in one session."""
    return look(
        db, actor, lambda step: (_notifications(step), mail_settings.opted_out(step.session, step.me.id))
    )


def _notifications(step: Step) -> list[Notice]:
    notices: list[Notice] = []
    waiting = post_queries.pending_rows(step)
    after = [row for row in waiting if row.status is PostStatus.AFTER_PENDING]
    if after:  # 事後承認 (§5(9)): already out, so first
        notices.append(
            Notice(
                "after_approval",
                f"承認の前に投稿された緊急の投稿 {len(after)} 件が、事後承認を待っています（§5(9)）。",
                "approvals",
                after[0].id,
                count=len(after),
            )
        )
    pending = len(waiting) - len(after)
    if pending:
        notices.append(
            Notice("approvals", f"承認を待っている投稿が {pending} 件あります。", "approvals", count=pending)
        )
    overdue = [review for review in post_queries.scope_review_rows(step) if review.overdue()]
    if overdue:
        notices.append(
            Notice(
                "scope_review",
                f"事前承認の範囲で出た投稿 {len(overdue)} 件が、管理者の確認の期限を過ぎています（§5(2)）。"
                "「承認待ち」の「事前承認の確認」で確認してください。",
                "approvals",
                overdue[0].post.id,
            )
        )
    notices.extend(_escalations(step))
    accounts = _account_facts(step)
    checks = [a.check for a in accounts if a.check is not None]
    notices.extend(
        Notice(
            "monitoring",
            f"「{row.account}」の監視（§9(2)）の時期が過ぎています。",
            "incidents",
            row.account_id,
        )
        for row in checks
        if row.overdue and row.may_record
    )
    notices.extend(
        Notice(
            "dormant",
            f"「{row.account}」は {row.dormant_days} 日以上投稿がありません。運用を続けるか見直してください（§9(2)）。",
            "incidents",
            row.account_id,
        )
        for row in checks
        if row.dormant and row.may_record
    )
    notices.extend(_credentials_due(step, accounts))
    unreported = _unreported(step, accounts)
    if unreported:
        notices.append(
            Notice(
                "account_report",
                f"広報課への報告（§3(2)）が {unreported} 件、まだ記録されていません。「報告書」で作成・記録してください。",
                "reports",
            )
        )
    return notices
