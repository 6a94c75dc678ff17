"""運用ポリシー versions of an account (§3(1)): drafts, the 責任者's approval, the published text and diffs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus, PolicyStatus
from sns_desk.services import signing
from sns_desk.services.account_checklist import refuse_if_finished
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, load, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, AccountPolicy, AuditEvent, User, utcnow


@dataclass(frozen=True)
class PolicyRow:
    number: int
    status: PolicyStatus
    data: pol.PolicyData
    created_by: str
    created_at: datetime
    updated_at: datetime
    approved_by: str
    approved_at: datetime | None
    version: int

    @property
    def title(self) -> str:
        return f"第{self.number}版（{self.status.label}）"


def policy_problems(data: pol.PolicyData) -> None:
    """Refuse a policy that leaves out what the guideline asks it to say."""
    problems = pol.validate(data)
    if problems:
        raise ValidationError("運用ポリシーに不足があります。\n" + "\n".join(f"・{p}" for p in problems))


def latest_policy(session: Session, account_id: int) -> AccountPolicy | None:
    return session.scalars(
        select(AccountPolicy)
        .where(AccountPolicy.account_id == account_id)
        .order_by(AccountPolicy.number.desc())
    ).first()


def _approved(session: Session, account_id: int) -> list[AccountPolicy]:
    return list(
        session.scalars(
            select(AccountPolicy).where(
                AccountPolicy.account_id == account_id, AccountPolicy.status == PolicyStatus.APPROVED
            )
        )
    )


def has_current_policy(session: Session, account_id: int) -> bool:
    return bool(_approved(session, account_id))


def approve_policy_row(
    session: Session, account_id: int, row: AccountPolicy, me: User, now: datetime
) -> None:
    """``row`` becomes the account's policy; the one approved before it becomes 旧版."""
    for old in _approved(session, account_id):
        old.status = PolicyStatus.SUPERSEDED
    session.flush()
    row.status = PolicyStatus.APPROVED
    row.approved_by_id = me.id
    row.approved_at = now


def seal_policy_approval(
    step: Step, signer: signing.Signer, event: AuditEvent, account_id: int, row: AccountPolicy
) -> None:
    """The 責任者's 電子印鑑 on an approved policy version (with the opening, or on its own)."""
    signing.sign_decision(
        step.session,
        signer,
        step.me,
        event,
        Permission.APPROVE_POLICY,
        account_id,
        signing.POLICY_APPROVAL,
        row.id,
    )


def current_policy(session: Session, account_id: int) -> pol.PolicyData | None:
    """The approved policy the post checks use (operating hours, comment handling)."""
    rows = _approved(session, account_id)
    return pol.PolicyData.from_json(rows[0].data) if rows else None


def list_policies(db: Database, actor: Actor, account_id: int) -> list[PolicyRow]:
    def work(step: Step) -> list[PolicyRow]:
        step.see(step.load(Account, account_id).id)
        rows = step.session.scalars(
            select(AccountPolicy)
            .where(AccountPolicy.account_id == account_id)
            .options(selectinload(AccountPolicy.created_by), selectinload(AccountPolicy.approved_by))
            .order_by(AccountPolicy.number.desc())
        ).all()
        return [
            PolicyRow(
                r.number,
                r.status,
                pol.PolicyData.from_json(r.data),
                r.created_by.display_name,
                r.created_at,
                r.updated_at,
                r.approved_by.display_name if r.approved_by else "",
                r.approved_at,
                r.version,
            )
            for r in rows
        ]

    return look(db, actor, work)


def save_policy_draft(
    db: Database, actor: Actor, account_id: int, data: pol.PolicyData, expected_version: int | None = None
) -> int:
    """Edit the policy: a new 作成中 version after the approved one, or the open draft itself.

    ``expected_version`` is the version of the draft the editor started from (None when starting from the
    approved version): somebody else's edit in between is a conflict, not lost.
    """

    def work(step: Step) -> int:
        step.require(Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        refuse_if_finished(step.load(Account, account_id), "の運用ポリシー")
        latest = latest_policy(step.session, account_id)
        if latest is not None and latest.status is PolicyStatus.DRAFT:
            if expected_version is None or latest.version != expected_version:
                raise ConflictError(
                    f"運用ポリシーの第{latest.number}版（作成中）は他の人が先に変更しました。最新の内容を確認してください。",
                    f"policy draft {latest.id} version {latest.version} != {expected_version}",
                )
            old = pol.PolicyData.from_json(latest.data)
            latest.data = data.to_json()
            latest.updated_at = utcnow()
            row = latest
        else:
            old = pol.PolicyData.from_json(latest.data) if latest else pol.PolicyData()
            row = AccountPolicy(
                account_id=account_id,
                number=(latest.number + 1) if latest else 1,
                data=data.to_json(),
                created_by_id=step.me.id,
            )
            step.session.add(row)
        changed = pol.changed_fields(old, data)
        step.audit("policy.save_draft", "account", account_id, {"number": row.number, "changed": changed})
        return row.number

    return change(db, actor, work, what="save_policy_draft")


def approve_policy(db: Database, actor: Actor, account_id: int, number: int, expected_version: int) -> None:
    """責任者: approve a 作成中 version; it becomes the current policy and the former one 旧版 (§3(1), §4(1)ア)."""
    signer = signing.signer_for(db, actor)

    def work(step: Step) -> None:
        step.require(Permission.APPROVE_POLICY, account_id)
        account = step.load(Account, account_id)
        if account.status is AccountStatus.REQUESTED:
            raise ValidationError("申請中のアカウントの運用ポリシーは、開設の承認と一緒に承認してください。")
        if account.status in (AccountStatus.CLOSED, AccountStatus.REJECTED):
            raise ValidationError(f"「{account.status.label}」のアカウントの運用ポリシーは承認できません。")
        row = step.session.scalars(
            select(AccountPolicy).where(
                AccountPolicy.account_id == account_id, AccountPolicy.number == number
            )
        ).first()
        if row is None:
            raise NotFoundError(f"運用ポリシーの第{number}版が見つかりません。")
        if row.version != expected_version:
            raise ConflictError(
                f"運用ポリシーの第{number}版は他の人が先に変更しました。内容を確認してから承認してください。",
                f"policy {row.id} version {row.version} != {expected_version}",
            )
        if row.status is not PolicyStatus.DRAFT:
            raise ConflictError(f"運用ポリシーの第{number}版は「{row.status.label}」のため承認できません。")
        policy_problems(pol.PolicyData.from_json(row.data))
        approve_policy_row(step.session, account_id, row, step.me, utcnow())
        event = step.audit("policy.approve", "account", account_id, {"number": number})
        seal_policy_approval(step, signer, event, account_id, row)

    change(db, actor, work, what="approve_policy")


def facts_of(session: Session, account_id: int) -> pol.AccountFacts:
    """What a published policy says about its account."""
    account = load(session, Account, account_id)
    return pol.AccountFacts(account.platform.label, account.name, account.url, account.department.full_name)


def _seen_facts(step: Step, account_id: int) -> pol.AccountFacts:
    step.see(step.load(Account, account_id).id)
    return facts_of(step.session, account_id)


def account_facts(db: Database, actor: Actor, account_id: int) -> pol.AccountFacts:
    return look(db, actor, lambda step: _seen_facts(step, account_id))


def published_policy(db: Database, actor: Actor, account_id: int, *, as_html: bool = False) -> str:
    """The approved policy as the text (or HTML) the office puts on its homepage (§3(3)イ)."""

    def work(step: Step) -> tuple[pol.PolicyData | None, pol.AccountFacts]:
        return current_policy(step.session, account_id), _seen_facts(step, account_id)

    current, facts = look(db, actor, work)
    if current is None:
        raise ValidationError("承認済みの運用ポリシーがありません。")
    return pol.render_html(current, facts) if as_html else pol.render_text(current, facts)


def policy_diff(db: Database, actor: Actor, account_id: int, old_number: int, new_number: int) -> str:
    versions = {p.number: p for p in list_policies(db, actor, account_id)}
    if old_number not in versions or new_number not in versions:
        raise NotFoundError("比較する版が見つかりません。")
    facts = account_facts(db, actor, account_id)
    old, new = versions[old_number], versions[new_number]
    return pol.diff_text(old.data, new.data, facts, f"第{old_number}版", f"第{new_number}版")
