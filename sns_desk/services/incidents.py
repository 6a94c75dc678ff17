"""Troubles (§8), comments and inquiries (§7), monitoring (§9(2)) and the notifications built on them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus, IncidentType, InquiryChannel, InquiryKind, PostStatus
from sns_desk.services import accounts as account_service
from sns_desk.services.access import is_allowed, require
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountMember,
    AppMeta,
    CredentialRecord,
    Incident,
    IncidentAction,
    Inquiry,
    MonitoringRecord,
    Post,
    utcnow,
)

T = IncidentType


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str
    section: str
    required: bool
    hint: str = ""  # what the reference should hold


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
        ActionSpec("record", "何を・なぜ削除したかを記録した", "§8(3)", True, "書き込みの内容と削除の理由"),
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

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.OPEN_INCIDENT, account_id)
        if session.get(Account, account_id) is None:
            raise NotFoundError("アカウントが見つかりません。")
        now = utcnow()
        incident = Incident(
            account_id=account_id,
            type=kind,
            title=title[:200],
            description=description.strip(),
            serious=serious,
            opened_by_id=me.id,
            opened_at=now,
            escalated_at=now if serious else None,
        )
        incident.actions = [
            IncidentAction(key=item.key, position=i) for i, item in enumerate(CHECKLISTS[kind])
        ]
        session.add(incident)
        session.flush()
        audit.append(
            session,
            me.login,
            "incident.open",
            "incident",
            incident.id,
            {"account_id": account_id, "type": kind, "title": title, "serious": serious},
        )
        return incident.id

    return db.write(work, what="open_incident")


def _load(session: Session, incident_id: int, expected_version: int | None = None) -> Incident:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise NotFoundError("トラブルの記録が見つかりません。")
    if expected_version is not None and incident.version != expected_version:
        raise ConflictError(
            "このトラブルの記録は他の人が先に更新しました。最新の内容を確認してください。",
            f"incident {incident_id} version {incident.version} != {expected_version}",
        )
    return incident


def _check_reference(session: Session, incident: Incident, key: str, reference: str) -> None:
    """Where the app can check an action itself, it does (a correction post, a changed password)."""
    if key in ("correction_post", "statement", "interim"):
        number = reference.strip().lstrip("#")
        post = session.get(Post, int(number)) if number.isdigit() else None
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


def record_action(
    db: Database, actor: Actor, incident_id: int, key: str, reference: str = "", *, done: bool = True
) -> None:
    """Tick (or untick) one action with who, when and a reference."""

    def work(session: Session) -> None:
        me = load_user(session, actor)
        incident = _load(session, incident_id)
        require(session, me, Permission.OPEN_INCIDENT, incident.account_id)
        if incident.closed_at is not None:
            raise ConflictError("完了したトラブルの記録は変更できません。")
        item = next((a for a in incident.actions if a.key == key), None)
        if item is None:
            raise NotFoundError(f"対応項目「{key}」はこの種類のトラブルにはありません。")
        text = reference.strip()
        if done:
            _check_reference(session, incident, key, text)
        if key == "password_changed" and done and not text:
            record = session.get(CredentialRecord, incident.account_id)
            text = f"{record.rotated_at.astimezone(pol.JST):%Y-%m-%d %H:%M} に変更" if record else ""
        item.done, item.reference = done, text if done else ""
        item.done_by_id, item.done_at = (me.id, utcnow()) if done else (None, None)
        session.flush()
        audit.append(
            session,
            me.login,
            "incident.action",
            "incident",
            incident.id,
            {"key": key, "done": done, "reference": item.reference},
        )

    db.write(work, what="record_action")


def escalate(db: Database, actor: Actor, incident_id: int) -> None:
    """Mark a trouble as serious: the アカウント責任者 is told and must acknowledge it (§4(1)イ)."""

    def work(session: Session) -> None:
        me = load_user(session, actor)
        incident = _load(session, incident_id)
        require(session, me, Permission.OPEN_INCIDENT, incident.account_id)
        if incident.serious:
            return
        incident.serious, incident.escalated_at = True, utcnow()
        session.flush()
        audit.append(session, me.login, "incident.escalate", "incident", incident.id, {})

    db.write(work, what="escalate")


def acknowledge(db: Database, actor: Actor, incident_id: int, instructions: str) -> None:
    """The アカウント責任者 has been told and gives instructions (§4(1)イ)."""
    instructions = instructions.strip()
    if not instructions:
        raise ValidationError("アカウント責任者としての指示（対応方針）を入力してください（§4(1)イ）。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        incident = _load(session, incident_id)
        require(session, me, Permission.RECEIVE_ESCALATION, incident.account_id)
        if not incident.serious:
            raise ValidationError("重大なトラブルとして報告されたものではありません。")
        incident.acknowledged_by_id, incident.acknowledged_at, incident.acknowledgement = (
            me.id,
            utcnow(),
            instructions,
        )
        session.flush()
        audit.append(
            session, me.login, "incident.acknowledge", "incident", incident.id, {"instructions": instructions}
        )

    db.write(work, what="acknowledge")


def close_incident(db: Database, actor: Actor, incident_id: int, expected_version: int, note: str) -> None:
    """The アカウント管理者 closes a trouble once every required action is done (and, for a serious one, the
    アカウント責任者 has acknowledged it)."""
    note = note.strip()
    if not note:
        raise ValidationError("対応の結果を入力してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        incident = _load(session, incident_id)
        require(session, me, Permission.LEAD_INCIDENT, incident.account_id)
        incident = _load(session, incident_id, expected_version)
        if incident.closed_at is not None:
            raise ConflictError("このトラブルは既に完了しています。")
        open_items = [
            spec(incident.type, a.key).label
            for a in incident.actions
            if spec(incident.type, a.key).required and not a.done
        ]
        problems = [f"・{label}" for label in open_items]
        if incident.serious and incident.acknowledged_at is None:
            problems.append("・重大なトラブルのため、アカウント責任者の確認（指示）が必要です（§4(1)イ）")
        if problems:
            raise ValidationError("まだ完了にできません。\n" + "\n".join(problems))
        incident.closed_by_id, incident.closed_at, incident.closing_note = me.id, utcnow(), note
        session.flush()
        audit.append(session, me.login, "incident.close", "incident", incident.id, {"note": note})

    db.write(work, what="close_incident")


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
                action.reference,
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


def _visible_account_ids(session: Session, actor: Actor) -> list[int] | None:
    me = load_user(session, actor)
    if is_allowed(session, me, Permission.VIEW_CITY_WIDE):
        return None
    return list(set(session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == me.id))))


def list_incidents(db: Database, actor: Actor, *, open_only: bool = False) -> list[IncidentRow]:
    with db.read() as session:
        visible = _visible_account_ids(session, actor)
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
        return [_row(i) for i in session.scalars(stmt)]


def get_incident(db: Database, actor: Actor, incident_id: int) -> IncidentRow:
    with db.read() as session:
        visible = _visible_account_ids(session, actor)
        incident = _load(session, incident_id)
        if visible is not None and incident.account_id not in visible:
            raise NotFoundError("トラブルの記録が見つかりません。")
        return _row(incident)


# --- comments and inquiries (§7) ----------------------------------------------------------------------------------

DEFAULT_RETENTION_DAYS = 365


def retention_days(session: Session) -> int:
    meta = session.get(AppMeta, "inquiry_retention_days")
    return int(meta.value) if meta and meta.value.isdigit() else DEFAULT_RETENTION_DAYS


def inquiry_retention(db: Database) -> int:
    """How many days an inquiry's content is kept before it is erased (§7; shown on the 問い合わせ screen)."""
    with db.read() as session:
        return retention_days(session)


def set_retention_days(db: Database, actor: Actor, days: int) -> None:
    if not 30 <= days <= 3650:
        raise ValidationError("保存期間は 30〜3650 日で指定してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        require(session, me, Permission.MANAGE_DATABASE)
        meta = session.get(AppMeta, "inquiry_retention_days")
        if meta is None:
            session.add(AppMeta(key="inquiry_retention_days", value=str(days)))
        else:
            meta.value = str(days)
        session.flush()
        audit.append(session, me.login, "settings.retention_days", "database", db.database_id, {"days": days})

    db.write(work, what="set_retention_days")


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

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.LOG_INQUIRY, account_id)
        inquiry = Inquiry(
            account_id=account_id,
            channel=channel,
            kind=kind,
            content=content,
            response=response.strip(),
            received_at=received_at or utcnow(),
            logged_by_id=me.id,
        )
        session.add(inquiry)
        session.flush()
        audit.append(
            session,
            me.login,
            "inquiry.log",
            "inquiry",
            inquiry.id,
            {"account_id": account_id, "channel": channel, "kind": kind},
        )  # not the content: personal data
        return inquiry.id

    return db.write(work, what="log_inquiry")


def forward_inquiry(
    db: Database, actor: Actor, inquiry_id: int, to_section: str, when: datetime | None = None
) -> None:
    """§7(3): proposals and requests go to the responsible 課 instead of an answer on the SNS."""
    to_section = to_section.strip()
    if not to_section:
        raise ValidationError("依頼先の課を入力してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        inquiry = session.get(Inquiry, inquiry_id)
        if inquiry is None:
            raise NotFoundError("記録が見つかりません。")
        require(session, me, Permission.LOG_INQUIRY, inquiry.account_id)
        inquiry.forwarded_to, inquiry.forwarded_at = to_section, when or utcnow()
        session.flush()
        audit.append(session, me.login, "inquiry.forward", "inquiry", inquiry.id, {"to": to_section})

    db.write(work, what="forward_inquiry")


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


def list_inquiries(
    db: Database, actor: Actor, account_id: int | None = None, limit: int = 500
) -> list[InquiryRow]:
    with db.read() as session:
        visible = _visible_account_ids(session, actor)
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
        return [
            InquiryRow(
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
            for i in session.scalars(stmt)
        ]


def purge_expired(db: Database, actor: Actor, now: datetime | None = None) -> int:
    """Erase the content of inquiries older than the retention period (the record that one came stays)."""

    def work(session: Session) -> int:
        me = load_user(session, actor)
        cutoff = (now or utcnow()) - timedelta(days=retention_days(session))
        old = list(
            session.scalars(select(Inquiry).where(Inquiry.received_at < cutoff, Inquiry.purged_at.is_(None)))
        )
        for inquiry in old:
            inquiry.content, inquiry.response, inquiry.purged_at = "", "", utcnow()
        if old:
            session.flush()
            audit.append(
                session,
                me.login,
                "inquiry.purge",
                "inquiry",
                "*",
                {"count": len(old), "before": cutoff.isoformat()},
            )
        return len(old)

    return db.write(work, what="purge_expired")


# --- monitoring (§9(2)) ------------------------------------------------------------------------------------------

DEFAULT_MONITORING_DAYS = 7


def monitoring_days(session: Session) -> int:
    meta = session.get(AppMeta, "monitoring_interval_days")
    return int(meta.value) if meta and meta.value.isdigit() else DEFAULT_MONITORING_DAYS


def record_monitoring(
    db: Database, actor: Actor, account_id: int, note: str, *, problems_found: bool = False
) -> int:
    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.RECORD_MONITORING, account_id)
        record = MonitoringRecord(
            account_id=account_id, checked_by_id=me.id, note=note.strip(), problems_found=problems_found
        )
        session.add(record)
        session.flush()
        audit.append(
            session,
            me.login,
            "monitoring.record",
            "account",
            account_id,
            {"problems_found": problems_found, "note": note.strip()},
        )
        return record.id

    return db.write(work, what="record_monitoring")


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
    with db.read() as session:
        me = load_user(session, actor)
        visible = _visible_account_ids(session, actor)
        days = monitoring_days(session)
        stmt = select(Account).where(Account.status.in_([AccountStatus.ACTIVE, AccountStatus.SUSPENDED]))
        if visible is not None:
            stmt = stmt.where(Account.id.in_(visible))
        rows = []
        for account in session.scalars(stmt.order_by(Account.name)):
            last = session.scalars(
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
                    now - since > timedelta(days=days),
                    is_allowed(session, me, Permission.RECORD_MONITORING, account.id),
                )
            )
        return rows


# --- notifications -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    kind: str  # "approvals", "incident", "monitoring", "credential"
    text: str
    page: str  # the main window page that deals with it
    target: int | None = None


def notifications(db: Database, actor: Actor) -> list[Notice]:
    """What is waiting for this person: posts to decide, serious troubles, overdue monitoring, old passwords."""
    from sns_desk.services import posts

    notices: list[Notice] = []
    pending = posts.count_pending_for(db, actor)
    if pending:
        notices.append(Notice("approvals", f"承認を待っている投稿が {pending} 件あります。", "approvals"))
    with db.read() as session:
        me = load_user(session, actor)
        for incident in session.scalars(
            select(Incident).where(Incident.serious.is_(True), Incident.closed_at.is_(None))
        ):
            if incident.acknowledged_at is None and is_allowed(
                session, me, Permission.RECEIVE_ESCALATION, incident.account_id
            ):
                notices.append(
                    Notice(
                        "incident",
                        f"重大なトラブル「{incident.title}」の報告が届いています（§4(1)イ）。",
                        "incidents",
                        incident.id,
                    )
                )
    for row in monitoring_status(db, actor):
        if row.overdue and row.may_record:
            notices.append(
                Notice(
                    "monitoring",
                    f"「{row.account}」の監視（§9(2)）の時期が過ぎています。",
                    "incidents",
                    row.account_id,
                )
            )
    for account in account_service.list_accounts(db, actor):
        if account.credential_due and account_service.may(
            db, actor, Permission.MANAGE_CREDENTIALS, account.id
        ):
            notices.append(
                Notice(
                    "credential",
                    f"「{account.name}」のパスワードの変更時期です（§3(3)ウ）。",
                    "accounts",
                    account.id,
                )
            )
    return notices


def count_open(db: Database, actor: Actor) -> int:
    with db.read() as session:
        visible = _visible_account_ids(session, actor)
        stmt = select(func.count()).select_from(Incident).where(Incident.closed_at.is_(None))
        if visible is not None:
            stmt = stmt.where(Incident.account_id.in_(visible))
        return int(session.scalar(stmt) or 0)
