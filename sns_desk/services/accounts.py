"""Official accounts (§3, §4): the request, the 責任者's decisions on the account's lifecycle and the people per
account (§4, §9(1)).  Its 運用ポリシー versions are in account_policies.py, the anti-impersonation checklist (§3(3))
in account_checklist.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import joinedload, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.reporting_rules import ReportEvent, unreported_text
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import AccountStatus, Labelled, Platform, Role
from sns_desk.services import account_reports, signing
from sns_desk.services.access import account_roles, roles_from
from sns_desk.services.account_checklist import (
    TICKED_KEYS,
    checklist_rows,
    open_labels,
    password_due,
    refuse_if_finished,
)
from sns_desk.services.account_policies import (
    approve_policy_row,
    has_current_policy,
    latest_policy,
    policy_problems,
    seal_policy_approval,
)
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import rotation_days
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountMember,
    AccountPolicy,
    ChecklistItem,
    CredentialRecord,
    Department,
    User,
    utcnow,
)

S = AccountStatus


# --- the lifecycle as a transition table ---------------------------------------------------------------------


class AccountAction(Labelled):
    """What may be done to an account in its lifecycle (§3, §4(1)ア・イ, §8(4)); the table below says from where."""

    APPROVE_OPENING = "approve_opening", "開設を承認"  # 責任者, §3(1)
    REJECT = "reject", "申請を却下"  # 責任者, with a reason
    ACTIVATE = "activate", "運用開始"  # 管理者 or 責任者, once §3(3) is done
    SUSPEND = "suspend", "一時停止"  # 責任者, §8(4)
    RESUME = "resume", "運用再開"
    CLOSE = "close", "閉鎖"  # 責任者, reported to 広報課 §3(2)


# Decisions signed with the 電子印鑑 (sns_desk/signing.py): opening approved or refused, closing.
SIGNED_ACTIONS = frozenset({AccountAction.APPROVE_OPENING, AccountAction.REJECT, AccountAction.CLOSE})


@dataclass(frozen=True)
class Transition:
    sources: frozenset[AccountStatus]
    target: AccountStatus
    permission: Permission
    needs_reason: bool


TRANSITIONS: dict[AccountAction, Transition] = {
    AccountAction.APPROVE_OPENING: Transition(
        frozenset({S.REQUESTED}), S.PREPARING, Permission.APPROVE_ACCOUNT_OPENING, False
    ),
    AccountAction.REJECT: Transition(
        frozenset({S.REQUESTED}), S.REJECTED, Permission.APPROVE_ACCOUNT_OPENING, True
    ),
    AccountAction.ACTIVATE: Transition(
        frozenset({S.PREPARING}), S.ACTIVE, Permission.ACTIVATE_ACCOUNT, False
    ),
    AccountAction.SUSPEND: Transition(frozenset({S.ACTIVE}), S.SUSPENDED, Permission.SUSPEND_ACCOUNT, True),
    AccountAction.RESUME: Transition(frozenset({S.SUSPENDED}), S.ACTIVE, Permission.SUSPEND_ACCOUNT, False),
    AccountAction.CLOSE: Transition(
        frozenset({S.PREPARING, S.ACTIVE, S.SUSPENDED}), S.CLOSED, Permission.CLOSE_ACCOUNT, True
    ),
}


# --- reading ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountRow:
    id: int
    platform: Platform
    name: str
    handle: str
    url: str
    department: str
    department_id: int
    status: AccountStatus
    open_items: tuple[str, ...]
    responsible: tuple[str, ...]
    managers: tuple[str, ...]
    credential_due: bool
    version: int
    requested_by: str
    opened_at: datetime | None
    activated_at: datetime | None
    closed_at: datetime | None
    status_reason: str
    activation_override: str
    allow_self_approval: bool
    opening_report_required: bool = False  # §3(2): 運用中 waits for the opening report
    unreported: str = ""  # §3(2): 「未報告: 開設・変更」 while a report to 広報課 is not recorded
    allow_after_approval: bool = False  # 事後承認 of emergency posts (§5(9))


def _names(account: Account, role: Role) -> tuple[str, ...]:
    return tuple(m.user.display_name for m in account.members if m.role is role)


def _rows(step: Step, where: ColumnElement[bool] | None = None) -> list[AccountRow]:
    """The accounts the person may see (those matching ``where``), each with its 局・課, people, open checklist
    items and password date, in a fixed number of queries however many accounts there are."""
    session = step.session
    states = {
        key: select(ChecklistItem.state)
        .where(ChecklistItem.account_id == Account.id, ChecklistItem.item == key)
        .scalar_subquery()
        for key in TICKED_KEYS
    }
    stmt = (
        select(Account, CredentialRecord.rotated_at, *states.values())
        .outerjoin(CredentialRecord, CredentialRecord.account_id == Account.id)
        .options(
            selectinload(Account.members).joinedload(AccountMember.user),
            joinedload(Account.department).joinedload(Department.parent),
            joinedload(Account.requested_by),
        )
        .order_by(Account.id)
    )
    if where is not None:
        stmt = stmt.where(where)
    days = rotation_days(session)
    found = session.execute(stmt).all()
    if not step.may(Permission.VIEW_CITY_WIDE):  # the person's own accounts, told by the members just read
        mine = roles_from(
            step.me, ((m.account_id, m.role) for a, *_ in found for m in a.members if m.user_id == step.me.id)
        )
        found = [row for row in found if row[0].id in mine]
    unreported = account_reports.unreported_by_account(session, [row[0].id for row in found])  # §3(2)
    rows = []
    for account, rotated_at, *ticked in found:
        rows.append(
            AccountRow(
                account.id,
                account.platform,
                account.name,
                account.handle,
                account.url,
                account.department.full_name,
                account.department_id,
                account.status,
                open_labels(dict(zip(states, ticked, strict=True)), rotated_at, days),
                _names(account, Role.RESPONSIBLE),
                _names(account, Role.MANAGER),
                bool(rotated_at and password_due(rotated_at, days)),
                account.version,
                account.requested_by.display_name if account.requested_by else "",
                account.opened_at,
                account.activated_at,
                account.closed_at,
                account.status_reason,
                account.activation_override,
                account.allow_self_approval,
                account.opening_report_required,
                unreported_text(unreported.get(account.id, [])),
                account.allow_after_approval,
            )
        )
    return rows


def list_accounts(db: Database, actor: Actor) -> list[AccountRow]:
    """The accounts the actor works on; 広報課 and システム管理者 see every account of the city."""
    return look(db, actor, _rows)


def reportable_accounts(db: Database, actor: Actor) -> list[AccountRow]:
    """Accounts the actor may report on: as 管理者, or every account for 広報課."""

    def work(step: Step) -> set[int] | None:
        if step.may(Permission.VIEW_CITY_WIDE):
            return None
        mine = account_roles(step.session, step.me)
        return {a for a in mine if step.may(Permission.REPORT_ACCOUNT, a)}

    allowed = look(db, actor, work)
    return [a for a in list_accounts(db, actor) if allowed is None or a.id in allowed]


def get_account(db: Database, actor: Actor, account_id: int) -> AccountRow:
    def work(step: Step) -> AccountRow:
        account = step.load(Account, account_id)
        step.see(account.id)  # a non-member is told so, not "not found"
        return _rows(step, Account.id == account_id)[0]

    return look(db, actor, work)


def available_actions(db: Database, actor: Actor, account_id: int) -> list[AccountAction]:
    """What the actor may do to the account now (for enabling buttons; the services check again)."""

    def work(step: Step) -> list[AccountAction]:
        account = step.session.get(Account, account_id)
        if account is None:
            return []
        return [
            action
            for action, t in TRANSITIONS.items()
            if account.status in t.sources and step.may(t.permission, account_id)
        ]

    return look(db, actor, work)


def may(db: Database, actor: Actor, permission: Permission, account_id: int) -> bool:
    return look(db, actor, lambda step: step.may(permission, account_id))


# --- the request -----------------------------------------------------------------------------------------------


@dataclass
class AccountInput:
    platform: Platform
    name: str
    department_id: int
    handle: str = ""
    url: str = ""

    def cleaned(self) -> AccountInput:
        result = AccountInput(
            self.platform, self.name.strip(), self.department_id, self.handle.strip(), self.url.strip()
        )
        if not result.name:
            raise ValidationError("アカウント名を入力してください（§3(1)イ）。")
        if len(result.name) > 200:
            raise ValidationError("アカウント名は200文字以内で入力してください。")
        if result.url and not URL_RE.match(result.url):
            raise ValidationError("アカウントの URL は https:// で始まる形で入力してください（§3(1)イ）。")
        return result


def _changed_by_someone(account: Account) -> str:
    return (
        f"「{account.name}」は他の人が先に変更しました（現在の状態: {account.status.label}）。"
        "最新の内容を確認してからもう一度操作してください。"
    )


def request_account(
    db: Database, actor: Actor, data: AccountInput, responsible_user_id: int, policy: pol.PolicyData
) -> int:
    """申請: the requester becomes the account's 管理者 and names the 責任者 who decides (§3(1), §4(1))."""
    data = data.cleaned()
    policy_problems(policy)

    def work(step: Step) -> int:
        me = step.me
        step.require(Permission.REQUEST_ACCOUNT)
        step.load(Department, data.department_id)
        responsible = step.session.get(User, responsible_user_id)
        if responsible is None or not responsible.active or responsible.is_contractor:
            raise ValidationError(
                "アカウント責任者には、有効な市の職員（局長など）を選んでください（§4(1)ア）。"
            )
        if responsible.id == me.id:
            raise ValidationError(
                "申請者自身をアカウント責任者にはできません。開設の承認は別の人（局長など）が行います（§4(1)ア）。"
            )
        account = step.add(
            Account(
                platform=data.platform,
                name=data.name,
                handle=data.handle,
                url=data.url,
                department_id=data.department_id,
                status=S.REQUESTED,
                requested_by_id=me.id,
            )
        )
        step.session.add_all(
            [
                AccountMember(account_id=account.id, user_id=me.id, role=Role.MANAGER, assigned_by_id=me.id),
                AccountMember(
                    account_id=account.id, user_id=responsible.id, role=Role.RESPONSIBLE, assigned_by_id=me.id
                ),
                AccountPolicy(account_id=account.id, number=1, data=policy.to_json(), created_by_id=me.id),
            ]
        )
        step.audit(
            "account.request",
            "account",
            account.id,
            {
                "platform": data.platform,
                "name": data.name,
                "url": data.url,
                "department_id": data.department_id,
                "responsible": responsible.login,
            },
        )
        return account.id

    return change(db, actor, work, what="request_account")


def _decide_opening(step: Step, account: Account, payload: dict[str, object]) -> AccountPolicy:
    """開設を承認: the first 運用ポリシー is approved with the opening (§3(1), §4(1)ア)."""
    if account.requested_by_id == step.me.id:
        raise PermissionDeniedError("自分が申請したアカウントの開設は承認できません（§4(1)ア）。")
    draft = latest_policy(step.session, account.id)
    if draft is None:
        raise ValidationError("運用ポリシーがありません。")
    policy_problems(pol.PolicyData.from_json(draft.data))
    now = utcnow()
    approve_policy_row(step.session, account.id, draft, step.me, now)
    account.opened_at = now
    payload["policy_number"] = draft.number
    return draft


def _activate(step: Step, account: Account, override_reason: str, payload: dict[str, object]) -> None:
    """運用開始 needs an approved policy and the checklist of §3(3), or the 責任者's recorded reason."""
    if not has_current_policy(step.session, account.id):
        raise ValidationError("承認済みの運用ポリシーがないため、運用を開始できません（§3(1)）。")
    open_items = [r.label for r in checklist_rows(step.session, account.id) if r.is_open]
    if open_items:
        if not override_reason:
            raise ValidationError(
                "成りすまし防止の措置（§3(3)）に未対応の項目があるため、運用を開始できません:\n"
                + "\n".join(f"・{label}" for label in open_items)
                + "\nやむを得ず開始する場合は、アカウント責任者が理由を記録してください。"
            )
        step.require(Permission.OVERRIDE_CHECKLIST, account.id)
        account.activation_override = override_reason
        account.activation_override_by_id = step.me.id
        payload["override"] = {"reason": override_reason, "open_items": open_items}
    account_reports.activation_check(step.session, account)  # §3(2), when the account is set so
    account.activated_at = account.activated_at or utcnow()


def _apply(
    db: Database,
    actor: Actor,
    account_id: int,
    expected_version: int,
    action: AccountAction,
    *,
    reason: str = "",  # kept as the status reason; required where the transition needs one
    override_reason: str = "",  # ACTIVATE only: why the account opens with checklist items still open
) -> None:
    transition = TRANSITIONS[action]
    reason = reason.strip()
    override_reason = override_reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationError(f"「{action.label}」の理由を入力してください。")

    signed = action in SIGNED_ACTIONS
    signer = signing.signer_for(db, actor) if signed else None  # 電子印鑑, from the OS keyring

    def work(step: Step) -> None:
        step.load(Account, account_id)
        step.require(transition.permission, account_id)
        account = step.load(Account, account_id, expected_version, conflict=_changed_by_someone)
        if account.status not in transition.sources:
            raise ConflictError(
                f"「{account.name}」は現在「{account.status.label}」のため、「{action.label}」はできません。",
                f"account {account_id}: {action} from {account.status}",
            )
        payload: dict[str, object] = {"from": account.status, "to": transition.target}
        draft = None
        if action is AccountAction.APPROVE_OPENING:
            draft = _decide_opening(step, account, payload)
        elif action is AccountAction.ACTIVATE:
            _activate(step, account, override_reason, payload)
        elif action is AccountAction.CLOSE:
            account.closed_at = utcnow()
        account.status = transition.target
        if action is AccountAction.APPROVE_OPENING:
            account_reports.open_item(step.session, account, ReportEvent.OPENING)  # §3(2)
        elif action is AccountAction.CLOSE and account.opened_at is not None:
            account_reports.open_item(step.session, account, ReportEvent.CLOSURE)
        account.status_reason = reason
        if reason:
            payload["reason"] = reason
        event = step.audit(f"account.{action.value}", "account", account.id, payload)
        if signer is None:
            return
        signing.sign_decision(
            step.session,
            signer,
            step.me,
            event,
            transition.permission,
            account.id,
            signing.ACCOUNT_DECISION,
            account.id,
        )
        if draft is not None:
            seal_policy_approval(step, signer, event, account.id, draft)

    change(db, actor, work, what=f"account {action.value}")


def approve_opening(db: Database, actor: Actor, account_id: int, expected_version: int) -> None:
    """責任者: approve the opening and the first 運用ポリシー together (§3(1), §4(1)ア)."""
    _apply(db, actor, account_id, expected_version, AccountAction.APPROVE_OPENING)


def reject_request(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.REJECT, reason=reason)


def activate(
    db: Database, actor: Actor, account_id: int, expected_version: int, override_reason: str = ""
) -> None:
    """開設準備 → 運用中, once the anti-impersonation checklist is complete (or the 責任者 records why not)."""
    _apply(db, actor, account_id, expected_version, AccountAction.ACTIVATE, override_reason=override_reason)


def suspend(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    """§8(4): a temporary suspension ordered by the 責任者."""
    _apply(db, actor, account_id, expected_version, AccountAction.SUSPEND, reason=reason)


def resume(db: Database, actor: Actor, account_id: int, expected_version: int) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.RESUME)


def close(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.CLOSE, reason=reason)


def edit_account(
    db: Database, actor: Actor, account_id: int, expected_version: int, data: AccountInput
) -> None:
    data = data.cleaned()

    def work(step: Step) -> None:
        step.require(Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = step.load(Account, account_id, expected_version, conflict=_changed_by_someone)
        refuse_if_finished(account)
        step.load(Department, data.department_id)
        fields = ("platform", "name", "handle", "url", "department_id")
        changes = {
            k: [getattr(account, k), getattr(data, k)]
            for k in fields
            if getattr(account, k) != getattr(data, k)
        }
        if not changes:
            return
        for key in changes:
            setattr(account, key, getattr(data, key))
        step.audit("account.edit", "account", account.id, {"changes": changes})
        account_reports.open_item(step.session, account, ReportEvent.CHANGE, changes)  # §3(2)

    change(db, actor, work, what="edit_account")


def set_allow_self_approval(
    db: Database, actor: Actor, account_id: int, expected_version: int, allow: bool
) -> None:
    """An account setting that lets a 管理者 approve their own post (off by default: four-eyes)."""

    _set_flag(db, actor, account_id, expected_version, "allow_self_approval", allow, "account.self_approval")


def set_allow_after_approval(
    db: Database, actor: Actor, account_id: int, expected_version: int, allow: bool
) -> None:
    """事後承認 (§5(9)): an account setting that lets its 担当者 publish an emergency post (緊急, with its reason)
    before approval; the 管理者 then approves it after the fact or orders a correction or deletion (§8(2)(3))."""

    _set_flag(
        db, actor, account_id, expected_version, "allow_after_approval", allow, "account.after_approval"
    )


def _set_flag(
    db: Database, actor: Actor, account_id: int, expected_version: int, flag: str, allow: bool, event: str
) -> None:
    """One of the account's on/off settings, changed by whoever may edit its settings, audited as ``event``."""

    def work(step: Step) -> None:
        step.require(Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = step.load(Account, account_id, expected_version, conflict=_changed_by_someone)
        if getattr(account, flag) == allow:
            return
        setattr(account, flag, allow)
        step.audit(event, "account", account.id, {"allow": allow})

    change(db, actor, work, what=f"set_{flag}")


# --- people per account (§4, §9(1)) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    """Who holds which role on the account, and since when."""

    user_id: int
    login: str
    display_name: str
    role: Role
    assigned_at: datetime


def list_members(db: Database, actor: Actor, account_id: int) -> list[MemberRow]:
    order = {Role.RESPONSIBLE: 0, Role.MANAGER: 1, Role.STAFF: 2, Role.CONTRACTOR: 3}

    def work(step: Step) -> list[MemberRow]:
        step.see(step.load(Account, account_id).id)
        members = step.session.scalars(
            select(AccountMember)
            .where(AccountMember.account_id == account_id)
            .options(selectinload(AccountMember.user))
        ).all()
        return [
            MemberRow(m.user_id, m.user.login, m.user.display_name, m.role, m.assigned_at) for m in members
        ]

    return sorted(look(db, actor, work), key=lambda r: (order.get(r.role, 9), r.display_name))
