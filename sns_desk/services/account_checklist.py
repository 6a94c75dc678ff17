"""The anti-impersonation checklist of an account (§3(3)): verified account, homepage, profile link, password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import AccountStatus, ChecklistKey, ChecklistState
from sns_desk.services.actors import Actor
from sns_desk.services.city_settings import rotation_days
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, ChecklistItem, CredentialRecord, utcnow

CHECKLIST_LABELS: dict[ChecklistKey, tuple[str, str]] = {
    ChecklistKey.VERIFIED: ("認証アカウントの取得", "§3(3)ア"),
    ChecklistKey.HOMEPAGE: ("市公式ホームページへの掲載（URL）", "§3(3)イ"),
    ChecklistKey.PROFILE_LINK: ("SNS のプロフィールに市ホームページの URL を記載", "§3(3)イ"),
    ChecklistKey.PASSWORD: ("パスワードをキーリングで管理（定期的に変更）", "§3(3)ウ"),
}
# An account in these states is history: nothing about it changes any more.
FINISHED = (AccountStatus.CLOSED, AccountStatus.REJECTED)


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
        return self.state.label


def credential_due(record: CredentialRecord, days: int, now: datetime | None = None) -> bool:
    return password_due(record.rotated_at, days, now)


def password_due(rotated_at: datetime, days: int, now: datetime | None = None) -> bool:
    """§3(3)ウ: the password is changed every ``days`` days (the city's setting)."""
    return (now or utcnow()) - rotated_at >= timedelta(days=days)


TICKED_KEYS = (ChecklistKey.VERIFIED, ChecklistKey.HOMEPAGE, ChecklistKey.PROFILE_LINK)


def open_labels(
    states: dict[ChecklistKey, ChecklistState | None], rotated_at: datetime | None, days: int
) -> tuple[str, ...]:
    """The checklist items still open, from the items' states (None: never ticked) and the password's last
    change — the same answer as the rows of :func:`checklist_rows`, for a list of many accounts read at once."""
    labels = [
        CHECKLIST_LABELS[key][0] for key in TICKED_KEYS if states.get(key) in (None, ChecklistState.OPEN)
    ]
    if rotated_at is None or password_due(rotated_at, days):
        labels.append(CHECKLIST_LABELS[ChecklistKey.PASSWORD][0])
    return tuple(labels)


def _password_row(session: Session, account_id: int, now: datetime | None) -> ChecklistRow:
    """The password item is not ticked by hand: it follows the credential record (§3(3)ウ)."""
    label, section = CHECKLIST_LABELS[ChecklistKey.PASSWORD]
    record = session.get(CredentialRecord, account_id)
    if record is None:
        return ChecklistRow(
            ChecklistKey.PASSWORD, label, section, ChecklistState.OPEN, "", "未設定", "", None
        )
    due = credential_due(record, rotation_days(session), now)
    note = f"最終変更 {record.rotated_at.astimezone(JST):%Y-%m-%d}" + (
        "（変更時期を過ぎています）" if due else ""
    )
    state = ChecklistState.OPEN if due else ChecklistState.DONE
    return ChecklistRow(
        ChecklistKey.PASSWORD, label, section, state, "", note, record.set_by.display_name, record.rotated_at
    )


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
    for key in TICKED_KEYS:
        label, section = CHECKLIST_LABELS[key]
        item = items.get(key)
        if item is None:
            rows.append(ChecklistRow(key, label, section, ChecklistState.OPEN, "", "", "", None))
        else:
            by = item.updated_by.display_name
            rows.append(
                ChecklistRow(key, label, section, item.state, item.url, item.note, by, item.updated_at)
            )
    rows.append(_password_row(session, account_id, now))
    return rows


def checklist(db: Database, actor: Actor, account_id: int) -> list[ChecklistRow]:
    def work(step: Step) -> list[ChecklistRow]:
        step.see(step.load(Account, account_id).id)
        return checklist_rows(step.session, account_id)

    return look(db, actor, work)


def refuse_if_finished(account: Account, what: str = "") -> None:
    """A closed or rejected account is not changed any more (``what`` names the part, e.g. 「の運用ポリシー」)."""
    if account.status in FINISHED:
        raise ValidationError(f"「{account.status.label}」のアカウント{what}は変更できません。")


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

    def work(step: Step) -> None:
        step.require(Permission.EDIT_CHECKLIST, account_id)
        refuse_if_finished(step.load(Account, account_id))
        item = step.session.scalars(
            select(ChecklistItem).where(ChecklistItem.account_id == account_id, ChecklistItem.item == key)
        ).first()
        if item is None:
            item = ChecklistItem(account_id=account_id, item=key, state=state, updated_by_id=step.me.id)
            step.session.add(item)
        item.state, item.url, item.note = state, url, note
        item.updated_by_id, item.updated_at = step.me.id, utcnow()
        step.audit(
            "checklist.set", "account", account_id, {"item": key, "state": state, "url": url, "note": note}
        )

    change(db, actor, work, what="set_checklist_item")
