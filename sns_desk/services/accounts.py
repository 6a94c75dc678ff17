"""Official accounts (§3, §4): the request, the 責任者's decisions, 運用ポリシー versions, the anti-impersonation
checklist (§3(3)) and the people per account (§4, §9(1))."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import (
    AccountStatus,
    ChecklistKey,
    ChecklistState,
    Platform,
    PolicyStatus,
    Role,
)
from sns_desk.services import signing
from sns_desk.services.access import is_allowed, require
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountMember,
    AccountPolicy,
    AppMeta,
    ChecklistItem,
    CredentialRecord,
    Department,
    User,
    utcnow,
)

S = AccountStatus
DEFAULT_ROTATION_DAYS = 90


# --- the lifecycle as a transition table ---------------------------------------------------------------------


class AccountAction(enum.StrEnum):
    APPROVE_OPENING = "approve_opening"
    REJECT = "reject"
    ACTIVATE = "activate"
    SUSPEND = "suspend"
    RESUME = "resume"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


# Decisions signed with the 電子印鑑 (sns_desk/signing.py): opening approved or refused, closing.
SIGNED_ACTIONS = frozenset({AccountAction.APPROVE_OPENING, AccountAction.REJECT, AccountAction.CLOSE})

ACTION_LABELS = {
    AccountAction.APPROVE_OPENING: "開設を承認",
    AccountAction.REJECT: "申請を却下",
    AccountAction.ACTIVATE: "運用開始",
    AccountAction.SUSPEND: "一時停止",
    AccountAction.RESUME: "運用再開",
    AccountAction.CLOSE: "閉鎖",
}


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

CHECKLIST_LABELS: dict[ChecklistKey, tuple[str, str]] = {
    ChecklistKey.VERIFIED: ("認証アカウントの取得", "§3(3)ア"),
    ChecklistKey.HOMEPAGE: ("市公式ホームページへの掲載（URL）", "§3(3)イ"),
    ChecklistKey.PROFILE_LINK: ("SNS のプロフィールに市ホームページの URL を記載", "§3(3)イ"),
    ChecklistKey.PASSWORD: ("パスワードをキーリングで管理（定期的に変更）", "§3(3)ウ"),
}
STATE_LABELS = {
    ChecklistState.OPEN: "未対応",
    ChecklistState.DONE: "対応済",
    ChecklistState.NOT_OFFERED: "運営者が認証を提供していない",
}


@dataclass(frozen=True)
class ChecklistRow:
    key: ChecklistKey
    label: str
    section: str
    state: ChecklistState
    url: str
    note: str
    by: str
    at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.state is ChecklistState.OPEN

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


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


def rotation_days(session: Session) -> int:
    meta = session.get(AppMeta, "credential_rotation_days")
    try:
        return max(1, int(meta.value)) if meta else DEFAULT_ROTATION_DAYS
    except ValueError:
        return DEFAULT_ROTATION_DAYS


def checklist_rows(session: Session, account_id: int, now: datetime | None = None) -> list[ChecklistRow]:
    items = {
        i.item: i
        for i in session.scalars(
            select(ChecklistItem)
            .where(ChecklistItem.account_id == account_id)
            .options(selectinload(ChecklistItem.updated_by))
        )
    }
    rows = []
    for key in (ChecklistKey.VERIFIED, ChecklistKey.HOMEPAGE, ChecklistKey.PROFILE_LINK):
        label, section = CHECKLIST_LABELS[key]
        item = items.get(key)
        if item is None:
            rows.append(ChecklistRow(key, label, section, ChecklistState.OPEN, "", "", "", None))
        else:
            rows.append(
                ChecklistRow(
                    key,
                    label,
                    section,
                    item.state,
                    item.url,
                    item.note,
                    item.updated_by.display_name,
                    item.updated_at,
                )
            )
    label, section = CHECKLIST_LABELS[ChecklistKey.PASSWORD]
    record = session.get(CredentialRecord, account_id)
    if record is None:
        rows.append(
            ChecklistRow(ChecklistKey.PASSWORD, label, section, ChecklistState.OPEN, "", "未設定", "", None)
        )
    else:
        due = credential_due(record, rotation_days(session), now)
        note = f"最終変更 {record.rotated_at.astimezone(JST):%Y-%m-%d}" + (
            "（変更時期を過ぎています）" if due else ""
        )
        rows.append(
            ChecklistRow(
                ChecklistKey.PASSWORD,
                label,
                section,
                ChecklistState.OPEN if due else ChecklistState.DONE,
                "",
                note,
                record.set_by.display_name,
                record.rotated_at,
            )
        )
    return rows


def credential_due(record: CredentialRecord, days: int, now: datetime | None = None) -> bool:
    return (now or utcnow()) - record.rotated_at >= timedelta(days=days)


def _names(account: Account, role: Role) -> tuple[str, ...]:
    return tuple(m.user.display_name for m in account.members if m.role is role)


def _row(session: Session, account: Account) -> AccountRow:
    checklist = checklist_rows(session, account.id)
    record = session.get(CredentialRecord, account.id)
    return AccountRow(
        account.id,
        account.platform,
        account.name,
        account.handle,
        account.url,
        account.department.full_name,
        account.department_id,
        account.status,
        tuple(r.label for r in checklist if r.is_open),
        _names(account, Role.RESPONSIBLE),
        _names(account, Role.MANAGER),
        bool(record and credential_due(record, rotation_days(session))),
        account.version,
        account.requested_by.display_name if account.requested_by else "",
        account.opened_at,
        account.activated_at,
        account.closed_at,
        account.status_reason,
        account.activation_override,
        account.allow_self_approval,
    )


def _visible(session: Session, user: User, account: Account) -> bool:
    return is_allowed(session, user, Permission.VIEW_CITY_WIDE) or any(
        m.user_id == user.id for m in account.members
    )


def list_accounts(db: Database, actor: Actor) -> list[AccountRow]:
    """The accounts the actor works on; 広報課 and システム管理者 see every account of the city."""
    with db.read() as session:
        me = load_user(session, actor)
        accounts = session.scalars(
            select(Account)
            .options(
                selectinload(Account.members).selectinload(AccountMember.user),
                selectinload(Account.department).selectinload(Department.parent),
                selectinload(Account.requested_by),
            )
            .order_by(Account.id)
        ).all()
        return [_row(session, a) for a in accounts if _visible(session, me, a)]


def reportable_accounts(db: Database, actor: Actor) -> list[AccountRow]:
    """Accounts the actor may report on: as 管理者, or every account for 広報課."""
    with db.read() as session:
        me = load_user(session, actor)
        city = is_allowed(session, me, Permission.VIEW_CITY_WIDE)
        mine = set(session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == me.id)))
        allowed = {a for a in mine if is_allowed(session, me, Permission.REPORT_ACCOUNT, a)}
    return [a for a in list_accounts(db, actor) if city or a.id in allowed]


def get_account(db: Database, actor: Actor, account_id: int) -> AccountRow:
    with db.read() as session:
        me = load_user(session, actor)
        account = session.get(Account, account_id)
        if account is None or not _visible(session, me, account):
            raise NotFoundError("アカウントが見つかりません。")
        return _row(session, account)


def checklist(db: Database, account_id: int) -> list[ChecklistRow]:
    with db.read() as session:
        return checklist_rows(session, account_id)


def available_actions(db: Database, actor: Actor, account_id: int) -> list[AccountAction]:
    """What the actor may do to the account now (for enabling buttons; the services check again)."""
    with db.read() as session:
        me = load_user(session, actor)
        account = session.get(Account, account_id)
        if account is None:
            return []
        return [
            action
            for action, t in TRANSITIONS.items()
            if account.status in t.sources and is_allowed(session, me, t.permission, account_id)
        ]


def may(db: Database, actor: Actor, permission: Permission, account_id: int) -> bool:
    with db.read() as session:
        return is_allowed(session, load_user(session, actor), permission, account_id)


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


def _load_account(session: Session, account_id: int, expected_version: int | None = None) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError("アカウントが見つかりません。")
    if expected_version is not None and account.version != expected_version:
        raise ConflictError(
            f"「{account.name}」は他の人が先に変更しました（現在の状態: {account.status.label}）。"
            "最新の内容を確認してからもう一度操作してください。",
            f"account {account_id} version {account.version} != {expected_version}",
        )
    return account


def _policy_problems(data: pol.PolicyData) -> None:
    problems = pol.validate(data)
    if problems:
        raise ValidationError("運用ポリシーに不足があります。\n" + "\n".join(f"・{p}" for p in problems))


def request_account(
    db: Database, actor: Actor, data: AccountInput, responsible_user_id: int, policy: pol.PolicyData
) -> int:
    """申請: the requester becomes the account's 管理者 and names the 責任者 who decides (§3(1), §4(1))."""
    data = data.cleaned()
    _policy_problems(policy)

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.REQUEST_ACCOUNT)
        if session.get(Department, data.department_id) is None:
            raise NotFoundError("運用部署が見つかりません。")
        responsible = session.get(User, responsible_user_id)
        if responsible is None or not responsible.active or responsible.is_contractor:
            raise ValidationError(
                "アカウント責任者には、有効な市の職員（局長など）を選んでください（§4(1)ア）。"
            )
        if responsible.id == me.id:
            raise ValidationError(
                "申請者自身をアカウント責任者にはできません。開設の承認は別の人（局長など）が行います（§4(1)ア）。"
            )
        account = Account(
            platform=data.platform,
            name=data.name,
            handle=data.handle,
            url=data.url,
            department_id=data.department_id,
            status=S.REQUESTED,
            requested_by_id=me.id,
        )
        session.add(account)
        session.flush()
        session.add_all(
            [
                AccountMember(account_id=account.id, user_id=me.id, role=Role.MANAGER, assigned_by_id=me.id),
                AccountMember(
                    account_id=account.id, user_id=responsible.id, role=Role.RESPONSIBLE, assigned_by_id=me.id
                ),
                AccountPolicy(account_id=account.id, number=1, data=policy.to_json(), created_by_id=me.id),
            ]
        )
        session.flush()
        audit.append(
            session,
            me.login,
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

    return db.write(work, what="request_account")


def _apply(
    db: Database,
    actor: Actor,
    account_id: int,
    expected_version: int,
    action: AccountAction,
    reason: str = "",
    override_reason: str = "",
) -> None:
    transition = TRANSITIONS[action]
    reason = reason.strip()
    override_reason = override_reason.strip()
    if transition.needs_reason and not reason:
        raise ValidationError(f"「{action.label}」の理由を入力してください。")

    signed = action in SIGNED_ACTIONS
    signer = signing.signer_for(db, actor) if signed else None  # 電子印鑑, from the OS keyring

    def work(session: Session) -> None:
        me = load_user(session, actor)
        account = _load_account(session, account_id)
        require(session, me, transition.permission, account_id)
        if account.version != expected_version:
            _load_account(session, account_id, expected_version)
        if account.status not in transition.sources:
            raise ConflictError(
                f"「{account.name}」は現在「{account.status.label}」のため、「{action.label}」はできません。",
                f"account {account_id}: {action} from {account.status}",
            )
        payload: dict[str, object] = {"from": account.status, "to": transition.target}
        now = utcnow()
        if action is AccountAction.APPROVE_OPENING:
            if account.requested_by_id == me.id:
                raise PermissionDeniedError("自分が申請したアカウントの開設は承認できません（§4(1)ア）。")
            draft = _latest_policy(session, account_id)
            if draft is None:
                raise ValidationError("運用ポリシーがありません。")
            _policy_problems(pol.PolicyData.from_json(draft.data))
            _approve_policy_row(session, account_id, draft, me, now)
            account.opened_at = now
            payload["policy_number"] = draft.number
        elif action is AccountAction.ACTIVATE:
            if _current_policy_row(session, account_id) is None:
                raise ValidationError("承認済みの運用ポリシーがないため、運用を開始できません（§3(1)）。")
            open_items = [r.label for r in checklist_rows(session, account_id) if r.is_open]
            if open_items:
                if not override_reason:
                    raise ValidationError(
                        "成りすまし防止の措置（§3(3)）に未対応の項目があるため、運用を開始できません:\n"
                        + "\n".join(f"・{label}" for label in open_items)
                        + "\nやむを得ず開始する場合は、アカウント責任者が理由を記録してください。"
                    )
                require(session, me, Permission.OVERRIDE_CHECKLIST, account_id)
                account.activation_override = override_reason
                account.activation_override_by_id = me.id
                payload["override"] = {"reason": override_reason, "open_items": open_items}
            account.activated_at = account.activated_at or now
        elif action is AccountAction.CLOSE:
            account.closed_at = now
        account.status = transition.target
        account.status_reason = reason
        if reason:
            payload["reason"] = reason
        session.flush()
        event = audit.append(session, me.login, f"account.{action.value}", "account", account.id, payload)
        if signer is not None:
            signing.sign_decision(
                session,
                signer,
                me,
                event,
                transition.permission,
                account.id,
                signing.ACCOUNT_DECISION,
                account.id,
            )
            if action is AccountAction.APPROVE_OPENING:
                assert draft is not None
                signing.sign_decision(
                    session,
                    signer,
                    me,
                    event,
                    Permission.APPROVE_POLICY,
                    account.id,
                    signing.POLICY_APPROVAL,
                    draft.id,
                )

    db.write(work, what=f"account {action.value}")


def approve_opening(db: Database, actor: Actor, account_id: int, expected_version: int) -> None:
    """責任者: approve the opening and the first 運用ポリシー together (§3(1), §4(1)ア)."""
    _apply(db, actor, account_id, expected_version, AccountAction.APPROVE_OPENING)


def reject_request(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.REJECT, reason)


def activate(
    db: Database, actor: Actor, account_id: int, expected_version: int, override_reason: str = ""
) -> None:
    """開設準備 → 運用中, once the anti-impersonation checklist is complete (or the 責任者 records why not)."""
    _apply(db, actor, account_id, expected_version, AccountAction.ACTIVATE, override_reason=override_reason)


def suspend(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    """§8(4): a temporary suspension ordered by the 責任者."""
    _apply(db, actor, account_id, expected_version, AccountAction.SUSPEND, reason)


def resume(db: Database, actor: Actor, account_id: int, expected_version: int) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.RESUME)


def close(db: Database, actor: Actor, account_id: int, expected_version: int, reason: str) -> None:
    _apply(db, actor, account_id, expected_version, AccountAction.CLOSE, reason)


def edit_account(
    db: Database, actor: Actor, account_id: int, expected_version: int, data: AccountInput
) -> None:
    data = data.cleaned()

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = _load_account(session, account_id, expected_version)
        if account.status in (S.CLOSED, S.REJECTED):
            raise ValidationError(f"「{account.status.label}」のアカウントは変更できません。")
        if session.get(Department, data.department_id) is None:
            raise NotFoundError("運用部署が見つかりません。")
        before = {
            "platform": account.platform,
            "name": account.name,
            "handle": account.handle,
            "url": account.url,
            "department_id": account.department_id,
        }
        after = {
            "platform": data.platform,
            "name": data.name,
            "handle": data.handle,
            "url": data.url,
            "department_id": data.department_id,
        }
        changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        if not changes:
            return
        account.platform, account.name, account.handle, account.url = (
            data.platform,
            data.name,
            data.handle,
            data.url,
        )
        account.department_id = data.department_id
        session.flush()
        audit.append(session, me.login, "account.edit", "account", account.id, {"changes": changes})

    db.write(work, what="edit_account")


def set_allow_self_approval(
    db: Database, actor: Actor, account_id: int, expected_version: int, allow: bool
) -> None:
    """An account setting that lets a 管理者 approve their own post (off by default: four-eyes)."""

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = _load_account(session, account_id, expected_version)
        if account.allow_self_approval == allow:
            return
        account.allow_self_approval = allow
        session.flush()
        audit.append(session, me.login, "account.self_approval", "account", account.id, {"allow": allow})

    db.write(work, what="set_allow_self_approval")


# --- 運用ポリシー versions ---------------------------------------------------------------------------------------


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


def _latest_policy(session: Session, account_id: int) -> AccountPolicy | None:
    return session.scalars(
        select(AccountPolicy)
        .where(AccountPolicy.account_id == account_id)
        .order_by(AccountPolicy.number.desc())
    ).first()


def _current_policy_row(session: Session, account_id: int) -> AccountPolicy | None:
    return session.scalars(
        select(AccountPolicy).where(
            AccountPolicy.account_id == account_id, AccountPolicy.status == PolicyStatus.APPROVED
        )
    ).first()


def _approve_policy_row(
    session: Session, account_id: int, row: AccountPolicy, me: User, now: datetime
) -> None:
    for old in session.scalars(
        select(AccountPolicy).where(
            AccountPolicy.account_id == account_id, AccountPolicy.status == PolicyStatus.APPROVED
        )
    ):
        old.status = PolicyStatus.SUPERSEDED
    session.flush()
    row.status = PolicyStatus.APPROVED
    row.approved_by_id = me.id
    row.approved_at = now


def current_policy(session: Session, account_id: int) -> pol.PolicyData | None:
    """The approved policy the post checks use (operating hours, comment handling)."""
    row = _current_policy_row(session, account_id)
    return pol.PolicyData.from_json(row.data) if row else None


def list_policies(db: Database, account_id: int) -> list[PolicyRow]:
    with db.read() as session:
        rows = session.scalars(
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


def save_policy_draft(
    db: Database, actor: Actor, account_id: int, data: pol.PolicyData, expected_version: int | None = None
) -> int:
    """Edit the policy: a new 作成中 version after the approved one, or the open draft itself.

    ``expected_version`` is the version of the draft the editor started from (None when starting from the
    approved version): somebody else's edit in between is a conflict, not lost.
    """

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.EDIT_ACCOUNT_SETTINGS, account_id)
        account = _load_account(session, account_id)
        if account.status in (S.CLOSED, S.REJECTED):
            raise ValidationError(f"「{account.status.label}」のアカウントの運用ポリシーは変更できません。")
        latest = _latest_policy(session, account_id)
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
                created_by_id=me.id,
            )
            session.add(row)
        session.flush()
        audit.append(
            session,
            me.login,
            "policy.save_draft",
            "account",
            account_id,
            {"number": row.number, "changed": pol.changed_fields(old, data)},
        )
        return row.number

    return db.write(work, what="save_policy_draft")


def approve_policy(db: Database, actor: Actor, account_id: int, number: int, expected_version: int) -> None:
    """責任者: approve a 作成中 version; it becomes the current policy and the former one 旧版 (§3(1), §4(1)ア)."""
    signer = signing.signer_for(db, actor)

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.APPROVE_POLICY, account_id)
        account = _load_account(session, account_id)
        if account.status is S.REQUESTED:
            raise ValidationError("申請中のアカウントの運用ポリシーは、開設の承認と一緒に承認してください。")
        if account.status in (S.CLOSED, S.REJECTED):
            raise ValidationError(f"「{account.status.label}」のアカウントの運用ポリシーは承認できません。")
        row = session.scalars(
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
        _policy_problems(pol.PolicyData.from_json(row.data))
        _approve_policy_row(session, account_id, row, me, utcnow())
        session.flush()
        event = audit.append(session, me.login, "policy.approve", "account", account_id, {"number": number})
        signing.sign_decision(
            session, signer, me, event, Permission.APPROVE_POLICY, account_id, signing.POLICY_APPROVAL, row.id
        )

    db.write(work, what="approve_policy")


def account_facts(db: Database, account_id: int) -> pol.AccountFacts:
    with db.read() as session:
        account = session.get(Account, account_id)
        if account is None:
            raise NotFoundError("アカウントが見つかりません。")
        return pol.AccountFacts(
            account.platform.label, account.name, account.url, account.department.full_name
        )


def published_policy(db: Database, account_id: int, *, as_html: bool = False) -> str:
    """The approved policy as the text (or HTML) the office puts on its homepage (§3(3)イ)."""
    with db.read() as session:
        current = current_policy(session, account_id)
    if current is None:
        raise ValidationError("承認済みの運用ポリシーがありません。")
    facts = account_facts(db, account_id)
    return pol.render_html(current, facts) if as_html else pol.render_text(current, facts)


def policy_diff(db: Database, account_id: int, old_number: int, new_number: int) -> str:
    versions = {p.number: p for p in list_policies(db, account_id)}
    if old_number not in versions or new_number not in versions:
        raise NotFoundError("比較する版が見つかりません。")
    facts = account_facts(db, account_id)
    old, new = versions[old_number], versions[new_number]
    return pol.diff_text(old.data, new.data, facts, f"第{old_number}版", f"第{new_number}版")


# --- the anti-impersonation checklist (§3(3)) ----------------------------------------------------------------


def set_checklist_item(
    db: Database,
    actor: Actor,
    account_id: int,
    key: ChecklistKey,
    state: ChecklistState,
    url: str = "",
    note: str = "",
) -> None:
    url, note = url.strip(), note.strip()
    if key is ChecklistKey.PASSWORD:
        raise ValidationError("パスワードの項目は、認証情報を保存すると自動的に記録されます（§3(3)ウ）。")
    if state is ChecklistState.NOT_OFFERED and key is not ChecklistKey.VERIFIED:
        raise ValidationError("「運営者が提供していない」は認証アカウントの項目だけで選べます（§3(3)ア）。")
    if key is ChecklistKey.HOMEPAGE and state is ChecklistState.DONE and not URL_RE.match(url):
        raise ValidationError(
            "市公式ホームページの掲載ページの URL を https:// で始まる形で入力してください（§3(3)イ）。"
        )
    if url and not URL_RE.match(url):
        raise ValidationError("URL は https:// で始まる形で入力してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.EDIT_CHECKLIST, account_id)
        account = _load_account(session, account_id)
        if account.status in (S.CLOSED, S.REJECTED):
            raise ValidationError(f"「{account.status.label}」のアカウントは変更できません。")
        item = session.scalars(
            select(ChecklistItem).where(ChecklistItem.account_id == account_id, ChecklistItem.item == key)
        ).first()
        if item is None:
            item = ChecklistItem(account_id=account_id, item=key, state=state, updated_by_id=me.id)
            session.add(item)
        item.state, item.url, item.note, item.updated_by_id, item.updated_at = (
            state,
            url,
            note,
            me.id,
            utcnow(),
        )
        session.flush()
        audit.append(
            session,
            me.login,
            "checklist.set",
            "account",
            account_id,
            {"item": key, "state": state, "url": url, "note": note},
        )

    db.write(work, what="set_checklist_item")


# --- people per account (§4, §9(1)) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    user_id: int
    login: str
    display_name: str
    role: Role
    assigned_at: datetime


def list_members(db: Database, account_id: int) -> list[MemberRow]:
    order = {Role.RESPONSIBLE: 0, Role.MANAGER: 1, Role.STAFF: 2, Role.CONTRACTOR: 3}
    with db.read() as session:
        members = session.scalars(
            select(AccountMember)
            .where(AccountMember.account_id == account_id)
            .options(selectinload(AccountMember.user))
        ).all()
        rows = [
            MemberRow(m.user_id, m.user.login, m.user.display_name, m.role, m.assigned_at) for m in members
        ]
    return sorted(rows, key=lambda r: (order.get(r.role, 9), r.display_name))


def set_rotation_days(db: Database, actor: Actor, days: int) -> None:
    """How often account passwords should change (§3(3)ウ); a city-wide setting of the システム管理者."""
    if not 7 <= days <= 3650:
        raise ValidationError("パスワード変更の間隔は 7〜3650 日で指定してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.MANAGE_DATABASE)
        meta = session.get(AppMeta, "credential_rotation_days")
        if meta is None:
            session.add(AppMeta(key="credential_rotation_days", value=str(days)))
        else:
            meta.value = str(days)
        session.flush()
        audit.append(session, me.login, "settings.rotation_days", "database", db.database_id, {"days": days})

    db.write(work, what="set_rotation_days")


def get_rotation_days(db: Database) -> int:
    with db.read() as session:
        return rotation_days(session)
