"""Troubles (§8): the checklist of actions per kind, escalation to the アカウント責任者 (§4(1)イ), closing.
Inquiries (§7) are in inquiries.py, monitoring (§9(2)) in monitoring.py, what waits for a person in notices.py."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.validation import reference_number, usable_text
from sns_desk.domain.vocabulary import IncidentType, PostStatus
from sns_desk.services import mail_outbox
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, CredentialRecord, Incident, IncidentAction, Post, utcnow

T = IncidentType


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str
    section: str
    required: bool
    hint: str = ""  # what the reference should hold
    # the reference holds what someone wrote (§8(3)): kept in the trouble only, erased with the inquiries'
    # retention purge (§7), and the audit log gets its SHA-256, never the words (issue 13 item 7)
    personal: bool = False


CHECKLISTS: dict[IncidentType, tuple[ActionSpec, ...]] = {
    T.IMPERSONATION: (
        ActionSpec(
            "takedown", "ソーシャルメディアの運営者に削除を依頼した", "§8(1)", True, "依頼日・受付番号"
        ),
        ActionSpec(
            "homepage_notice",
            "市公式ホームページで成りすましの存在を周知した",
            "§8(1)",
            True,
            "掲載ページの URL",
        ),
        ActionSpec("press", "必要に応じて報道機関へ情報提供した", "§8(1)", False, "提供日・提供先"),
    ),
    T.WRONG_INFORMATION: (
        ActionSpec(
            "correction_post", "訂正した情報を発信した（訂正の投稿）", "§8(2)", True, "訂正の投稿の番号"
        ),
        ActionSpec("contact", "関係者へ連絡した", "§8(2)", False, "連絡先・日時"),
    ),
    T.POLICY_VIOLATING_COMMENT: (
        ActionSpec("removed", "運用ポリシーに抵触する書き込みを削除した", "§8(3)", True, "削除した日時"),
        ActionSpec(
            "record",
            "何を・なぜ削除したかを記録した",
            "§8(3)",
            True,
            "書き込みの内容と削除の理由",
            personal=True,
        ),
    ),
    T.FLAMING: (
        ActionSpec("no_rebuttal", "職員の判断による反論・抗弁は行っていない", "§8(4)", True, "確認した内容"),
        ActionSpec(
            "statement", "所属として説明・訂正・謝罪等を発信した", "§8(4)", True, "発信した投稿の番号"
        ),
        ActionSpec("interim", "対応に時間を要する旨を発信した", "§8(4)", False, "発信した投稿の番号"),
        ActionSpec(
            "suspension",
            "アカウントの一時閉鎖を検討し、決定した",
            "§8(4)",
            True,
            "決定内容（する・しない）と理由",
        ),
    ),
    T.UNAUTHORISED_ACCESS: (
        ActionSpec("password_changed", "パスワードを変更した（認証情報の変更）", "§3(3)ウ", True, "変更日"),
        ActionSpec(
            "sessions_checked",
            "ログイン中の端末・連携アプリを確認し、不要なものを解除した",
            "§3(3)ウ",
            True,
            "確認結果",
        ),
        ActionSpec("posts_checked", "不正な投稿や設定変更がないか確認した", "§9(2)", False, "確認結果"),
    ),
    T.OTHER: (ActionSpec("handled", "対応した内容を記録した", "§8", True, "対応内容"),),
}


def spec(kind: IncidentType, key: str) -> ActionSpec:
    for item in CHECKLISTS[kind]:
        if item.key == key:
            return item
    raise NotFoundError(f"対応項目「{key}」はこの種類のトラブルにはありません。")


# --- incidents -------------------------------------------------------------------------------------------------


def open_incident(
    db: Database,
    actor: Actor,
    account_id: int,
    kind: IncidentType,
    title: str,
    description: str = "",
    *,
    serious: bool = False,
) -> int:
    """トラブルの登録.  A serious one is escalated to the アカウント責任者 at once (§4(1)イ)."""
    title = title.strip()
    if not title:
        raise ValidationError("トラブルの件名を入力してください。")

    def work(step: Step) -> int:
        step.require(Permission.OPEN_INCIDENT, account_id)
        step.load(Account, account_id)
        now = utcnow()
        incident = Incident(
            account_id=account_id,
            type=kind,
            title=title[:200],
            description=description.strip(),
            serious=serious,
            opened_by_id=step.me.id,
            opened_at=now,
            escalated_at=now if serious else None,
        )
        incident.actions = [
            IncidentAction(key=item.key, position=i) for i, item in enumerate(CHECKLISTS[kind])
        ]
        step.session.add(incident)
        payload = {"account_id": account_id, "type": kind, "title": title, "serious": serious}
        step.audit("incident.open", "incident", incident.id, payload)
        if serious:
            mail_outbox.queue_for_incident(step.session, incident)
        return incident.id

    return change(db, actor, work, what="open_incident")


def _check_reference(session: Session, incident: Incident, key: str, reference: str) -> None:
    """Where the app can check an action itself, it does (a correction post, a changed password)."""
    if key in ("correction_post", "statement", "interim"):
        number = reference_number(reference)
        post = session.get(Post, number) if number is not None else None
        if post is None or post.account_id != incident.account_id:
            raise ValidationError("このアカウントの投稿の番号を入力してください（下書き一覧の「番号」）。")
        if key == "correction_post" and post.correction_of_id is None:
            raise ValidationError(
                f"投稿 {post.id} は訂正の投稿ではありません。下書き一覧で誤った投稿を選び「訂正を作成」してください（§8(2)）。"
            )
        if post.status not in (PostStatus.APPROVED, PostStatus.PUBLISHED):
            raise ValidationError(f"投稿 {post.id} はまだ承認されていません（{post.status.label}）。")
    elif key == "password_changed":
        record = session.get(CredentialRecord, incident.account_id)
        if record is None or record.rotated_at < incident.opened_at:
            raise ValidationError(
                "トラブルの登録後にパスワードが変更されていません。アカウント画面の「認証情報」で新しいパスワードを保存してください。"
            )
    elif not reference.strip():
        item = spec(incident.type, key)
        raise ValidationError(f"「{item.label}」の記録（{item.hint}）を入力してください。")


PURGED_REFERENCE = "（保存期間を過ぎたため削除しました）"


def purge_personal_references(session: Session, cutoff: datetime) -> int:
    """Erase the references that hold someone's words (the §8(3) record) written before ``cutoff``; the tick,
    who and when stay. Runs inside the inquiries' retention purge (§7), in its transaction."""
    keys = {item.key for items in CHECKLISTS.values() for item in items if item.personal}
    actions = session.scalars(
        select(IncidentAction).where(
            IncidentAction.key.in_(keys),
            IncidentAction.done_at < cutoff,
            IncidentAction.reference_purged_at.is_(None),
            IncidentAction.reference != "",
        )
    ).all()
    for action in actions:
        action.reference, action.reference_purged_at = "", utcnow()
    return len(actions)


def _incident_for(step: Step, incident_id: int, permission: Permission) -> Incident:
    """The incident, once the person is allowed ``permission`` on its account."""
    incident = step.load(Incident, incident_id)
    step.require(permission, incident.account_id)
    return incident


def record_action(
    db: Database, actor: Actor, incident_id: int, key: str, reference: str = "", *, done: bool = True
) -> None:
    """Tick (or untick) one action with who, when and a reference."""

    def work(step: Step) -> None:
        incident = _incident_for(step, incident_id, Permission.OPEN_INCIDENT)
        if incident.closed_at is not None:
            raise ConflictError("完了したトラブルの記録は変更できません。")
        item = next((a for a in incident.actions if a.key == key), None)
        if item is None:
            raise NotFoundError(f"対応項目「{key}」はこの種類のトラブルにはありません。")
        text = usable_text(reference, "記録").strip()
        if done:
            _check_reference(step.session, incident, key, text)
        if key == "password_changed" and done and not text:
            record = step.session.get(CredentialRecord, incident.account_id)
            text = f"{record.rotated_at.astimezone(pol.JST):%Y-%m-%d %H:%M} に変更" if record else ""
        item.done, item.reference = done, text if done else ""
        item.done_by_id, item.done_at = (step.me.id, utcnow()) if done else (None, None)
        payload: dict[str, object] = {"key": key, "done": done}
        if spec(incident.type, key).personal:
            payload["reference_sha256"] = hashlib.sha256(item.reference.encode("utf-8")).hexdigest()
        else:
            payload["reference"] = item.reference
        item.reference_purged_at = None
        step.audit("incident.action", "incident", incident.id, payload)

    change(db, actor, work, what="record_action")


def escalate(db: Database, actor: Actor, incident_id: int) -> None:
    """Mark a trouble as serious: the アカウント責任者 is told and must acknowledge it (§4(1)イ)."""

    def work(step: Step) -> None:
        incident = _incident_for(step, incident_id, Permission.OPEN_INCIDENT)
        if incident.serious:
            return
        incident.serious, incident.escalated_at = True, utcnow()
        step.audit("incident.escalate", "incident", incident.id)
        mail_outbox.queue_for_incident(step.session, incident)

    change(db, actor, work, what="escalate")


def acknowledge(db: Database, actor: Actor, incident_id: int, instructions: str) -> None:
    """The アカウント責任者 has been told and gives instructions (§4(1)イ)."""
    instructions = instructions.strip()
    if not instructions:
        raise ValidationError("アカウント責任者としての指示（対応方針）を入力してください（§4(1)イ）。")

    def work(step: Step) -> None:
        incident = _incident_for(step, incident_id, Permission.RECEIVE_ESCALATION)
        if not incident.serious:
            raise ValidationError("重大なトラブルとして報告されたものではありません。")
        incident.acknowledged_by_id, incident.acknowledged_at = step.me.id, utcnow()
        incident.acknowledgement = instructions
        step.audit("incident.acknowledge", "incident", incident.id, {"instructions": instructions})

    change(db, actor, work, what="acknowledge")


def close_incident(db: Database, actor: Actor, incident_id: int, expected_version: int, note: str) -> None:
    """The アカウント管理者 closes a trouble once every required action is done (and, for a serious one, the
    アカウント責任者 has acknowledged it)."""
    note = note.strip()
    if not note:
        raise ValidationError("対応の結果を入力してください。")

    def work(step: Step) -> None:
        _incident_for(step, incident_id, Permission.LEAD_INCIDENT)
        incident = step.load(Incident, incident_id, expected_version, conflict=_changed_by_someone)
        if incident.closed_at is not None:
            raise ConflictError("このトラブルは既に完了しています。")
        problems = [
            f"・{spec(incident.type, a.key).label}"
            for a in incident.actions
            if spec(incident.type, a.key).required and not a.done
        ]
        if incident.serious and incident.acknowledged_at is None:
            problems.append("・重大なトラブルのため、アカウント責任者の確認（指示）が必要です（§4(1)イ）")
        if problems:
            raise ValidationError("まだ完了にできません。\n" + "\n".join(problems))
        incident.closed_by_id, incident.closed_at, incident.closing_note = step.me.id, utcnow(), note
        step.audit("incident.close", "incident", incident.id, {"note": note})

    change(db, actor, work, what="close_incident")


def _changed_by_someone(_incident: Incident) -> str:
    return "このトラブルの記録は他の人が先に更新しました。最新の内容を確認してください。"


@dataclass(frozen=True)
class ActionRow:
    key: str
    label: str
    section: str
    required: bool
    hint: str
    done: bool
    done_by: str
    done_at: datetime | None
    reference: str


@dataclass(frozen=True)
class IncidentRow:
    id: int
    account_id: int
    account: str
    type: IncidentType
    title: str
    description: str
    serious: bool
    opened_by: str
    opened_at: datetime
    escalated_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    acknowledgement: str
    closed_at: datetime | None
    closing_note: str
    version: int
    actions: tuple[ActionRow, ...]

    @property
    def status_label(self) -> str:
        if self.closed_at:
            return "完了"
        if self.serious and not self.acknowledged_at:
            return "責任者へ報告中"
        return "対応中"

    @property
    def open_required(self) -> int:
        return sum(1 for a in self.actions if a.required and not a.done)


def _row(incident: Incident) -> IncidentRow:
    actions = []
    for action in incident.actions:
        item = spec(incident.type, action.key)
        actions.append(
            ActionRow(
                action.key,
                item.label,
                item.section,
                item.required,
                item.hint,
                action.done,
                action.done_by.display_name if action.done_by else "",
                action.done_at,
                PURGED_REFERENCE if action.reference_purged_at else action.reference,
            )
        )
    return IncidentRow(
        incident.id,
        incident.account_id,
        incident.account.name,
        incident.type,
        incident.title,
        incident.description,
        incident.serious,
        incident.opened_by.display_name,
        incident.opened_at,
        incident.escalated_at,
        incident.acknowledged_by.display_name if incident.acknowledged_by else "",
        incident.acknowledged_at,
        incident.acknowledgement,
        incident.closed_at,
        incident.closing_note,
        incident.version,
        tuple(actions),
    )


def list_incidents(db: Database, actor: Actor, *, open_only: bool = False) -> list[IncidentRow]:
    def work(step: Step) -> list[IncidentRow]:
        visible = visible_account_ids(step.session, step.me)
        stmt = (
            select(Incident)
            .options(
                selectinload(Incident.account),
                selectinload(Incident.opened_by),
                selectinload(Incident.acknowledged_by),
                selectinload(Incident.actions).selectinload(IncidentAction.done_by),
            )
            .order_by(Incident.closed_at.is_not(None), Incident.opened_at.desc())
        )
        if visible is not None:
            stmt = stmt.where(Incident.account_id.in_(visible))
        if open_only:
            stmt = stmt.where(Incident.closed_at.is_(None))
        return [_row(i) for i in step.session.scalars(stmt)]

    return look(db, actor, work)


def get_incident(db: Database, actor: Actor, incident_id: int) -> IncidentRow:
    def work(step: Step) -> IncidentRow:
        incident = step.load(Incident, incident_id)
        step.see(incident.account_id)
        return _row(incident)

    return look(db, actor, work)
