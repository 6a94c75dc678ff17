"""Reading and verifying the audit log (the 監査ログ screen and ``sns-desk verify``)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.validation import usable_text
from sns_desk.host import settings
from sns_desk.services import seal_check, signing
from sns_desk.services.actors import Actor, load_user
from sns_desk.services.usecase import Step, look
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent

log = logging.getLogger(__name__)

ACTION_LABELS: dict[str, str] = {
    "system.bootstrap": "初期設定（最初のシステム管理者）",
    "user.create": "利用者の登録",
    "user.update": "利用者の変更",
    "user.contractor_acknowledged": "委託業者の遵守確認",
    "users.import": "利用者の CSV 取り込み",
    "department.create": "部署の登録",
    "account.member_assigned": "担当の割り当て",
    "account.member_removed": "担当の解除",
    "database.backup": "バックアップ",
    "database.restore": "バックアップからの復元",
    "settings.rotation_days": "パスワード変更間隔の設定",
    "signing_key.register": "電子印鑑の鍵の登録",
    "signing_key.certify": "電子印鑑の鍵の認証（システム管理者）",
    "signing.since": "電子印鑑の導入（それ以前の決定は署名の対象外）",
    "account.request": "アカウント開設の申請",
    "account.approve_opening": "アカウント開設の承認",
    "account.reject": "開設申請の却下",
    "account.activate": "アカウントの運用開始",
    "account.suspend": "アカウントの一時停止",
    "account.resume": "アカウントの運用再開",
    "account.close": "アカウントの閉鎖",
    "account.edit": "アカウント情報の変更",
    "account.self_approval": "自己承認の設定",
    "account.after_approval": "事後承認の設定（緊急の投稿、§5(9)）",
    "policy.save_draft": "運用ポリシーの編集",
    "policy.approve": "運用ポリシーの承認",
    "checklist.set": "成りすまし防止措置の記録",
    "credential.set": "認証情報の保存",
    "credential.replace": "認証情報の変更",
    "credential.use": "認証情報の利用",
    "credential.delete": "認証情報の削除",
    "post.create": "下書きの作成",
    "post.import": "下書きの取り込み",
    "post.save": "下書きの保存",
    "post.submit": "承認の申請",
    "post.withdraw": "申請の取り下げ",
    "post.approve": "投稿の承認",
    "post.reject": "投稿の差戻し",
    "post.after_approve": "事後承認",
    "post.order_correction": "事後承認: 訂正の指示（§8(2)）",
    "post.order_deletion": "事後承認: 削除の指示（§8(3)）",
    "post.publish": "投稿結果の記録",
    "post.publish_claim": "投稿の送信開始",
    "post.publish_failed": "投稿の送信失敗（投稿されていない）",
    "post.publish_unknown": "投稿状態不明",
    "post.publish_resolved": "投稿状態不明の解決（投稿されていない）",
    "post.publish_check": "公開状態の確認",
    "post.publish_proof": "手作業の投稿の読み返し",
    "connection.set": "投稿の連携の設定",
    "connection.replace": "投稿の連携の再設定",
    "connection.approve": "投稿の連携の承認",
    "connection.delete": "投稿の連携の解除",
    "post.delete": "投稿の削除",
    "post.discard": "下書きの破棄",
    "post.attach": "画像の添付",
    "post.detach": "画像の削除",
    "post.scope_reviewed": "事前承認分の確認",
    "post.seen": "承認画面で版を確認",
    "scope.approve": "事前承認の範囲の承認",
    "scope.change": "事前承認の範囲の変更",
    "scope.revoke": "事前承認の範囲の取り消し",
    "report.export": "報告書の出力",
    "incident.open": "トラブルの登録",
    "incident.action": "トラブル対応の記録",
    "incident.escalate": "責任者への報告",
    "incident.acknowledge": "責任者の確認・指示",
    "incident.close": "トラブル対応の完了",
    "inquiry.log": "問い合わせ・意見の記録",
    "inquiry.forward": "担当課への依頼",
    "inquiry.purge": "保存期間を過ぎた内容の削除",
    "monitoring.record": "監視の記録",
    "monitoring.interval": "監視の間隔の設定",
    "settings.dormant_days": "休眠アカウントの基準の設定",
    "settings.retention_days": "問い合わせの保存期間の設定",
    "account.deputy_named": "代決者の指定",
    "account.deputy_removed": "代決者の指定の取り消し",
    "account.manager_absent": "アカウント管理者の不在・復帰の記録",
    "account.deputies_always": "代決者が常に決定できる設定",
    "emergency.stop": "緊急停止",
    "emergency.release": "緊急停止の解除",
}


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # local time of this PC
    actor: str
    action: str
    entity: str
    entity_id: str
    payload: str

    @property
    def action_label(self) -> str:
        label = ACTION_LABELS.get(self.action, self.action)
        if '"deputy_for"' in self.payload:  # 代決: who decided for whom (post.approve / post.reject)
            try:
                return f"{label}（代決: {self.actor} が {json.loads(self.payload)['deputy_for']} に代わって）"
            except (ValueError, KeyError, TypeError):
                return label
        return label

    @property
    def payload_text(self) -> str:
        try:
            data = json.loads(self.payload)
        except ValueError:
            return self.payload
        if not data:
            return ""
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _row(event: AuditEvent) -> AuditRow:
    return AuditRow(
        event.seq,
        datetime.fromisoformat(event.ts).astimezone(JST),
        event.actor,
        event.action,
        event.entity,
        event.entity_id,
        event.payload,
    )


def list_events(
    db: Database, actor: Actor, text: str = "", *, before_seq: int | None = None, limit: int = 500
) -> list[AuditRow]:
    """Newest first, ``limit`` at a time (the GUI fetches more as the person scrolls)."""
    text = usable_text(text, "検索する語").strip()

    def work(step: Step) -> list[AuditRow]:
        step.require(Permission.VIEW_AUDIT_LOG)
        stmt = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit)
        if before_seq is not None:
            stmt = stmt.where(AuditEvent.seq < before_seq)
        if text:
            like = "%" + escape_like(text) + "%"
            matching_actions = [k for k, v in ACTION_LABELS.items() if text in v]
            stmt = stmt.where(
                or_(
                    AuditEvent.actor.ilike(like, escape="\\"),
                    AuditEvent.action.ilike(like, escape="\\"),
                    AuditEvent.action.in_(matching_actions),
                    AuditEvent.entity.ilike(like, escape="\\"),
                    AuditEvent.entity_id.ilike(like, escape="\\"),
                    AuditEvent.payload.ilike(like, escape="\\"),
                )
            )
        return [_row(e) for e in step.session.scalars(stmt)]

    return look(db, actor, work)


def verify_log(db: Database, actor: Actor, *, remember: bool = True) -> audit.VerifyResult:
    """Recompute the chain and compare it with this PC's anchor; anyone registered may verify (it changes nothing
    but this PC's anchor, which moves to the end of the chain when all is well); an unregistered login, an inactive
    user and a 委託業者 without its §9(1) acknowledgement may not."""

    def read(step: Step) -> audit.VerifyResult:
        result = audit.verify_chain(step.session)
        check = check_anchor(
            step.session, db, result.last_seq, result.last_hash, remember=remember and result.ok
        )
        result.warnings = check.warnings
        result.notices = check.notices
        return result

    return look(db, actor, read)


def verify_signatures(db: Database, actor: Actor) -> seal_check.SignatureReport:
    """電子印鑑: check every decision's signature, content, the signer's role at the time and the certification of
    every key, from the システム管理者's key this PC pinned."""
    anchor = settings.load_location_anchor(db.location.display())
    return look(db, actor, lambda step: seal_check.verify(step.session, anchor.root_key if anchor else None))


@dataclass
class AnchorCheck:
    warnings: list[str] = field(default_factory=list)  # Japanese: must be looked into (and confirmed)
    notices: list[str] = field(default_factory=list)  # Japanese: shown once, then accepted


RESTORE = "database.restore"


def check_anchor(
    session: Session, db: Database, last_seq: int, last_hash: str, *, remember: bool
) -> AnchorCheck:
    """Compare the chain with what this PC saw last time at this location, and remember its new end.

    Warns when the chain no longer holds the anchored event (tail cut, history rebuilt), when the database at this
    location has another id, and when the システム管理者's key differs from the one pinned at first contact.  A
    restore signed by a certified システム管理者 since this PC's last look explains a changed history: it is shown
    once as a notice and the new history is accepted.
    """
    location = db.location.display()
    anchor = settings.load_location_anchor(location)
    trust = signing.trust_of(session)
    check = AnchorCheck()
    seen: tuple[int, str] | None = None
    if anchor is not None:
        seen = (anchor.seq, anchor.hash)
        if anchor.database_id != db.database_id:
            log.warning(
                "database id at %s changed from %s to %s", location, anchor.database_id, db.database_id
            )
            check.warnings.append(
                f"この場所のデータベースの識別子が、この PC が前回確認したもの（{anchor.database_id}）から "
                f"{db.database_id} に変わっています。別のデータベースに置き換えられたか、識別子が書き換えられた"
                "おそれがあります。システム管理者に確認してください。"
            )
    else:
        seen = settings.load_anchor(db.database_id)  # anchored by an older version, by id alone
    restores = list(
        session.scalars(select(AuditEvent).where(AuditEvent.action == RESTORE).order_by(AuditEvent.seq))
    )
    if seen is not None and (problem := audit.anchor_problem(session, seen[0], seen[1], last_seq)):
        after = anchor.seen_restore if anchor else 0
        explained = [
            e
            for e in restores
            if e.seq > after
            and signing.restore_is_signed(trust, e)
            and int(json.loads(e.payload).get("replaced_seq", 0)) >= seen[0]
        ]
        if explained:
            event = explained[-1]
            restored = json.loads(event.payload).get("restored_seq", "?")
            when = _row(event).at.strftime("%Y-%m-%d %H:%M")
            check.notices.append(
                f"{when} にシステム管理者（{event.actor}）がバックアップから復元しました（監査ログ {event.seq} 番、"
                f"記録は番号 {restored} の時点に戻りました）。システム管理者の電子印鑑を確認したので、"
                "この PC は新しい履歴を受け入れます。"
            )
            log.info("accepted the restore at audit seq %d (signed by %s)", event.seq, event.actor)
        else:
            check.warnings.append(problem)
    pinned = anchor.root_key if anchor else ""
    if pinned and trust.root != pinned:
        log.warning("root signing key changed from the one pinned on this PC")
        check.warnings.append(seal_check.root_change_warning(pinned, trust.root))
    if remember and not check.warnings:
        settings.save_location_anchor(
            location,
            settings.Anchor(
                db.database_id,
                last_seq,
                last_hash,
                pinned or trust.root or "",
                restores[-1].seq if restores else 0,
            ),
        )
    return check


def start_check(db: Database) -> AnchorCheck:
    """At every start: has the chain lost what this PC saw before?  Remembers the new end when all is well (and
    pins the システム管理者's key at first contact)."""
    with db.read() as session:
        return check_anchor(session, db, *audit.chain_end(session), remember=True)


def anchor_warnings(db: Database) -> list[str]:
    """:func:`start_check` as lines: warnings first, then the notices shown once."""
    check = start_check(db)
    return check.warnings + check.notices


def accept_current_history(db: Database, actor: Actor) -> None:
    """After the person confirmed a warning (a changed システム管理者 key or database id): this PC pins what the
    database holds now.  Recorded in this PC's log; the database is not changed."""
    with db.read() as session:
        load_user(session, actor)
        seq, digest = audit.chain_end(session)
        trust = signing.trust_of(session)
        restores = audit.last_of(session, RESTORE)
    log.warning(
        "%s accepted the current history and signing root of %s on this PC",
        actor.login,
        db.location.display(),
    )
    settings.save_location_anchor(
        db.location.display(), settings.Anchor(db.database_id, seq, digest, trust.root or "", restores)
    )


CLOCK_TOLERANCE = timedelta(minutes=5)


def clock_warnings(db: Database, now: datetime | None = None) -> list[str]:
    """Is this PC's clock behind the other PCs'? (A recent event of theirs lies in this PC's future.)

    Each PC stamps events with its own clock; the chain's order is its gap-free number, so a wrong clock never
    breaks verification, but it misdates records and the operating-hours checks.
    """
    with db.read() as session:
        recent = select(AuditEvent.ts).order_by(AuditEvent.seq.desc()).limit(100).subquery()
        newest = session.scalar(select(func.max(recent.c.ts)))  # ISO 8601 UTC strings sort as times
    if not newest:
        return []
    ahead = datetime.fromisoformat(newest) - (now or datetime.now(UTC))
    if ahead <= CLOCK_TOLERANCE:
        return []
    log.warning("newest audit event is %s ahead of this PC's clock", ahead)
    return [
        f"この PC の時計が、ほかの PC より約 {int(ahead.total_seconds() // 60)} 分遅れています"
        "（最新の記録の時刻がこの PC の現在時刻より先です）。記録の時刻と運用時間の判定がずれるため、"
        "PC の時刻を合わせてください（記録の順番は通し番号で守られます）。"
    ]
