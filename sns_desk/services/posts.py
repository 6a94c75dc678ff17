"""Posts (§5, §6): drafts with every revision kept, live checks, submission, one-click approval, standing scopes,
publication records, corrections (§8(2)) and deletions (§8(3)).

Every change checks the version the person saw (optimistic concurrency): two people on two PCs can never both
win; the second is told and shown the current state.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy import text as text_sql
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, NotFoundError, PermissionDeniedError, ValidationError
from sns_desk.domain.permissions import Permission, check_four_eyes
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import AccountStatus, DecisionKind, PostStatus, Role
from sns_desk.services import signing
from sns_desk.services.access import is_allowed, require, roles_of
from sns_desk.services.account_policies import current_policy
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountMember,
    Attachment,
    Post,
    PostDecision,
    PostRevision,
    StandingScope,
    User,
    utcnow,
)

P = PostStatus
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENTS = 4
MAX_BODY_CHARS = 100_000
IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}


class PostAction(enum.StrEnum):
    SAVE = "save"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    APPROVE = "approve"
    REJECT = "reject"
    PUBLISH = "publish"
    DELETE = "delete"
    DISCARD = "discard"

    @property
    def label(self) -> str:
        return {
            PostAction.SAVE: "保存",
            PostAction.SUBMIT: "承認申請",
            PostAction.WITHDRAW: "申請の取り下げ",
            PostAction.APPROVE: "承認",
            PostAction.REJECT: "差戻し",
            PostAction.PUBLISH: "投稿結果の記録",
            PostAction.DELETE: "削除の記録",
            PostAction.DISCARD: "下書きの破棄",
        }[self]


@dataclass(frozen=True)
class PostTransition:
    sources: frozenset[PostStatus]
    target: PostStatus
    permission: Permission


TRANSITIONS: dict[PostAction, PostTransition] = {
    PostAction.SAVE: PostTransition(
        frozenset({P.DRAFT, P.REJECTED, P.APPROVED}), P.DRAFT, Permission.WRITE_POST
    ),
    PostAction.SUBMIT: PostTransition(frozenset({P.DRAFT, P.REJECTED}), P.PENDING, Permission.WRITE_POST),
    PostAction.WITHDRAW: PostTransition(frozenset({P.PENDING}), P.DRAFT, Permission.WRITE_POST),
    PostAction.APPROVE: PostTransition(frozenset({P.PENDING}), P.APPROVED, Permission.APPROVE_POST),
    PostAction.REJECT: PostTransition(frozenset({P.PENDING}), P.REJECTED, Permission.APPROVE_POST),
    PostAction.PUBLISH: PostTransition(frozenset({P.APPROVED}), P.PUBLISHED, Permission.RECORD_PUBLICATION),
    PostAction.DELETE: PostTransition(frozenset({P.PUBLISHED}), P.DELETED, Permission.APPROVE_POST),
    PostAction.DISCARD: PostTransition(frozenset({P.DRAFT, P.REJECTED}), P.DELETED, Permission.WRITE_POST),
}


@dataclass
class PostInput:
    account_id: int
    body: str
    title: str = ""
    category: str = ""
    planned_at: datetime | None = None
    emergency: bool = False
    emergency_reason: str = ""
    scope_id: int | None = None

    def cleaned(self) -> PostInput:
        if len(self.body) > MAX_BODY_CHARS:
            raise ValidationError(
                f"本文が長すぎます（{len(self.body):,} 文字）。{MAX_BODY_CHARS:,} 文字以内にしてください。"
            )
        if "\x00" in self.body or "\x00" in self.title:
            raise ValidationError("本文に NUL 文字が含まれています。貼り付け元の書式を取り除いてください。")
        if self.planned_at is not None and self.planned_at.tzinfo is None:
            raise ValueError("planned_at must be timezone-aware")
        return PostInput(
            self.account_id,
            self.body.replace("\r\n", "\n"),
            self.title.strip()[:200],
            self.category.strip()[:100],
            self.planned_at,
            self.emergency,
            self.emergency_reason.strip(),
            self.scope_id,
        )


# --- helpers ---------------------------------------------------------------------------------------------------


def _load(session: Session, post_id: int, expected_version: int | None = None) -> Post:
    post = session.get(Post, post_id)
    if post is None:
        raise NotFoundError("投稿が見つかりません。")
    if expected_version is not None and post.version != expected_version:
        raise ConflictError(
            f"この投稿は他の人が先に操作しました（現在の状態: {post.status.label}）。"
            "最新の内容を表示しますので、確認してからもう一度操作してください。",
            f"post {post_id} version {post.version} != {expected_version}",
        )
    return post


def _check_transition(post: Post, action: PostAction) -> PostTransition:
    transition = TRANSITIONS[action]
    if post.status not in transition.sources:
        raise ConflictError(
            f"この投稿は現在「{post.status.label}」のため、「{action.label}」はできません。",
            f"post {post.id}: {action} from {post.status}",
        )
    return transition


def _revision_count(session: Session, post_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(PostRevision).where(PostRevision.post_id == post_id))
        or 0
    )


def _add_revision(session: Session, post: Post, me: User) -> int:
    number = _revision_count(session, post.id) + 1
    session.add(
        PostRevision(
            post_id=post.id,
            number=number,
            title=post.title,
            body=post.body,
            category=post.category,
            planned_at=post.planned_at,
            emergency=post.emergency,
            emergency_reason=post.emergency_reason,
            saved_by_id=me.id,
        )
    )
    return number


def _apply_input(post: Post, data: PostInput) -> None:
    post.title, post.body, post.category = data.title, data.body, data.category
    post.planned_at, post.emergency, post.emergency_reason = (
        data.planned_at,
        data.emergency,
        data.emergency_reason,
    )
    post.scope_id = data.scope_id


def _require_account_open(account: Account, *, for_posting: bool) -> None:
    allowed = {AccountStatus.ACTIVE} if for_posting else {AccountStatus.ACTIVE, AccountStatus.PREPARING}
    if account.status not in allowed:
        raise ValidationError(
            f"アカウント「{account.name}」は「{account.status.label}」のため、"
            + ("投稿の申請・承認・記録はできません。" if for_posting else "下書きを作成・編集できません。")
        )


def _recent_posts(session: Session, account_id: int, exclude: int | None, days: int) -> list[str]:
    since = utcnow() - timedelta(days=days)
    stmt = (
        select(Post.body)
        .where(
            Post.account_id == account_id,
            Post.status.in_([P.PUBLISHED, P.APPROVED, P.PENDING]),
            Post.updated_at >= since,
        )
        .order_by(Post.updated_at.desc())
        .limit(50)
    )
    if exclude is not None:
        stmt = stmt.where(Post.id != exclude)
    return list(session.scalars(stmt))


def _draft_for_checks(
    session: Session, account: Account, data: PostInput, post_id: int | None
) -> checks.Draft:
    rules = checks.load_rules()
    return checks.Draft(
        account.platform,
        data.body,
        data.planned_at,
        data.emergency,
        data.emergency_reason,
        current_policy(session, account.id),
        _recent_posts(session, account.id, post_id, rules.repetition_days),
    )


def check_input(db: Database, data: PostInput, post_id: int | None = None) -> list[checks.Finding]:
    """The live checks for what is in the editor now (no permission needed: it changes nothing)."""
    with db.read() as session:
        account = session.get(Account, data.account_id)
        if account is None:
            raise NotFoundError("アカウントが見つかりません。")
        return checks.run_checks(_draft_for_checks(session, account, data, post_id))


def _visible(session: Session, me: User, account_id: int) -> bool:
    return is_allowed(session, me, Permission.VIEW_CITY_WIDE) or bool(
        roles_of(session, me, account_id) - {Role.EMPLOYEE}
    )


# --- drafts ----------------------------------------------------------------------------------------------------


def create_draft(db: Database, actor: Actor, data: PostInput, *, correction_of: int | None = None) -> int:
    data = data.cleaned()

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.WRITE_POST, data.account_id)
        account = session.get(Account, data.account_id)
        if account is None:
            raise NotFoundError("アカウントが見つかりません。")
        _require_account_open(account, for_posting=False)
        if correction_of is not None:
            original = session.get(Post, correction_of)
            if (
                original is None
                or original.account_id != data.account_id
                or original.status is not P.PUBLISHED
            ):
                raise ValidationError("訂正できるのは、同じアカウントの投稿済みの投稿です（§8(2)）。")
        _check_scope(session, data)
        post = Post(account_id=data.account_id, author_id=me.id, correction_of_id=correction_of)
        _apply_input(post, data)
        session.add(post)
        session.flush()
        _add_revision(session, post, me)
        session.flush()
        audit.append(
            session,
            me.login,
            "post.create",
            "post",
            post.id,
            {
                "account_id": data.account_id,
                "correction_of": correction_of,
                "body_sha256": _digest(data.body),
            },
        )
        return post.id

    return db.write(work, what="create_draft")


def create_drafts(db: Database, actor: Actor, items: Sequence[PostInput]) -> list[int]:
    """Several drafts in one transaction (the CSV import): all are created, or none."""
    cleaned = [item.cleaned() for item in items]

    def work(session: Session) -> list[int]:
        me = load_user(session, actor)
        created = []
        for data in cleaned:
            require(session, me, Permission.WRITE_POST, data.account_id)
            account = session.get(Account, data.account_id)
            if account is None:
                raise NotFoundError("アカウントが見つかりません。")
            _require_account_open(account, for_posting=False)
            post = Post(account_id=data.account_id, author_id=me.id)
            _apply_input(post, data)
            session.add(post)
            session.flush()
            _add_revision(session, post, me)
            created.append(post.id)
        session.flush()
        audit.append(session, me.login, "post.import", "post", "*", {"created": created})
        return created

    return db.write(work, what="create_drafts")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def save_draft(db: Database, actor: Actor, post_id: int, expected_version: int, data: PostInput) -> int:
    """Save an edit as a new revision; editing an approved post sends it back to 下書き.  Returns the new version."""
    data = data.cleaned()

    def work(session: Session) -> int:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.WRITE_POST, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, PostAction.SAVE)
        if data.account_id != post.account_id:
            raise ValidationError("投稿のアカウントは変更できません。新しい下書きを作成してください。")
        _require_account_open(post.account, for_posting=False)
        _check_scope(session, data)
        was = post.status
        _apply_input(post, data)
        post.status = P.DRAFT
        post.updated_at = utcnow()
        number = _add_revision(session, post, me)
        session.flush()
        audit.append(
            session,
            me.login,
            "post.save",
            "post",
            post.id,
            {"revision": number, "from": was, "body_sha256": _digest(data.body)},
        )
        return post.version

    return db.write(work, what="save_draft")


def _check_scope(session: Session, data: PostInput) -> None:
    if data.scope_id is None:
        return
    scope = session.get(StandingScope, data.scope_id)
    if scope is None or scope.account_id != data.account_id:
        raise ValidationError("指定された事前承認の適用範囲は、このアカウントのものではありません（§5(2)）。")


# --- submission --------------------------------------------------------------------------------------------------


def self_check_items() -> list[tuple[str, str, str]]:
    return list(checks.load_rules().self_check)


def submit(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    self_check: Sequence[str],
    warning_reasons: dict[str, str] | None = None,
) -> PostStatus:
    """承認申請: errors block; each warning needs a reason; every §6 item must be confirmed.

    A post declared within a valid standing scope (§5(2)) is approved by that scope at once (recorded as such).
    """
    reasons = {k: v.strip() for k, v in (warning_reasons or {}).items() if v and v.strip()}

    def work(session: Session) -> PostStatus:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.WRITE_POST, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, PostAction.SUBMIT)
        _require_account_open(post.account, for_posting=True)
        data = PostInput(
            post.account_id,
            post.body,
            post.title,
            post.category,
            post.planned_at,
            post.emergency,
            post.emergency_reason,
            post.scope_id,
        )
        findings = checks.run_checks(_draft_for_checks(session, post.account, data, post.id))
        problems = [f"・{f.message}（{f.section}）" for f in checks.errors(findings)]
        unexplained = [f for f in checks.warnings(findings) if f.key not in reasons]
        problems += [
            f"・注意「{f.message}」について、問題ないと判断した理由を記入してください。" for f in unexplained
        ]
        required = {item_id for item_id, _section, _text in self_check_items()}
        missing = sorted(required - set(self_check))
        if missing:
            problems.append(f"・§6 の確認項目がすべて確認されていません（未確認 {len(missing)} 件）。")
        if post.emergency and not post.emergency_reason:
            problems.append("・緊急の投稿には理由を記入してください（§5(9)）。")
        if problems:
            raise ValidationError(
                "承認を申請できません。\n" + "\n".join(problems), f"post {post_id} submit blocked"
            )
        now = utcnow()
        post.self_check = json.dumps(sorted(set(self_check)))
        post.warning_reasons = json.dumps(
            {f.key: reasons[f.key] for f in checks.warnings(findings)}, ensure_ascii=False, sort_keys=True
        )
        post.findings = json.dumps([f.as_dict() for f in findings], ensure_ascii=False)
        post.submitted_at = now
        post.updated_at = now
        revision = _revision_count(session, post.id)
        scope = _valid_scope(session, post, now)
        if scope is not None:
            post.status = P.APPROVED
            post.decided_at = now
            session.add(
                PostDecision(
                    post_id=post.id,
                    revision_number=revision,
                    kind=DecisionKind.SCOPE,
                    decided_by_id=me.id,
                    scope_id=scope.id,
                    comment=f"事前承認の適用範囲「{scope.title}」（§5(2)）",
                )
            )
        else:
            post.status = P.PENDING
        session.flush()
        audit.append(
            session,
            me.login,
            "post.submit",
            "post",
            post.id,
            {
                "revision": revision,
                "to": post.status,
                "scope_id": scope.id if scope else None,
                "warnings": [f.key for f in checks.warnings(findings)],
            },
        )
        return post.status

    return db.write(work, what="submit")


def _valid_scope(session: Session, post: Post, now: datetime) -> StandingScope | None:
    if post.scope_id is None:
        return None
    scope = session.get(StandingScope, post.scope_id)
    if scope is None or scope.revoked_at is not None:
        raise ValidationError(
            "指定された事前承認の適用範囲は取り消されています（§5(2)）。範囲の指定を外して申請してください。"
        )
    when = post.planned_at or now
    if not (scope.valid_from <= when <= scope.valid_until):
        raise ValidationError(
            f"事前承認の適用範囲「{scope.title}」の有効期間（{scope.valid_from.astimezone(pol.JST):%Y-%m-%d}〜"
            f"{scope.valid_until.astimezone(pol.JST):%Y-%m-%d}）の外です（§5(2)）。範囲の指定を外して申請してください。"
        )
    categories = [c.strip() for c in scope.categories.splitlines() if c.strip()]
    if categories and post.category not in categories:
        raise ValidationError(
            f"分類「{post.category or '（なし）'}」は、事前承認の適用範囲「{scope.title}」の対象（{'、'.join(categories)}）"
            "ではありません（§5(2)）。"
        )
    return scope


def withdraw(db: Database, actor: Actor, post_id: int, expected_version: int) -> None:
    """The author takes a submission back to 下書き."""

    def work(session: Session) -> None:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.WRITE_POST, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, PostAction.WITHDRAW)
        if post.author_id != me.id and not _edited_by(session, post.id, me.id):
            raise PermissionDeniedError("申請を取り下げられるのは、その投稿を作成・編集した人です。")
        post.status = P.DRAFT
        post.updated_at = utcnow()
        session.flush()
        audit.append(session, me.login, "post.withdraw", "post", post.id, {})

    db.write(work, what="withdraw")


def _edited_by(session: Session, post_id: int, user_id: int) -> bool:
    return bool(
        session.scalar(
            select(func.count())
            .select_from(PostRevision)
            .where(PostRevision.post_id == post_id, PostRevision.saved_by_id == user_id)
        )
    )


# --- decisions ---------------------------------------------------------------------------------------------------


def _decide(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    action: PostAction,
    comment: str,
    new_planned_at: datetime | None = None,
) -> None:
    comment = comment.strip()
    if action is PostAction.REJECT and not comment:
        raise ValidationError("差戻しの理由（コメント）を入力してください。")
    signer = signing.signer_for(
        db, actor
    )  # 電子印鑑: the key comes from the OS keyring, outside the transaction

    def work(session: Session) -> None:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.APPROVE_POST, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, action)
        _require_account_open(post.account, for_posting=True)
        editors = {post.author_id} | set(
            session.scalars(select(PostRevision.saved_by_id).where(PostRevision.post_id == post.id))
        )
        if me.id in editors:
            allow = post.account.allow_self_approval and Role.MANAGER in roles_of(
                session, me, post.account_id
            )
            check_four_eyes(me.id, me.id, allow_self_approval=allow)
        now = utcnow()
        payload: dict[str, object] = {"revision": _revision_count(session, post.id)}
        if action is PostAction.APPROVE:
            if new_planned_at is not None:
                if new_planned_at.tzinfo is None:
                    raise ValueError("new_planned_at must be timezone-aware")
                policy = current_policy(session, post.account_id)
                if policy is not None and not post.emergency:
                    hours = pol.within_operating_hours(policy, new_planned_at)
                    if not hours.within:
                        raise ValidationError(hours.reason + "（§5(9)）")
                payload["planned_at"] = [
                    post.planned_at.isoformat() if post.planned_at else None,
                    new_planned_at.isoformat(),
                ]
                post.planned_at = new_planned_at
            elif post.planned_at is not None and post.planned_at < now:
                raise ValidationError(
                    f"予定時刻（{post.planned_at.astimezone(pol.JST):%m月%d日 %H:%M}）を過ぎています。"
                    "新しい予定時刻を指定して承認してください。"
                )
            post.status = P.APPROVED
            kind = DecisionKind.APPROVE
        else:
            post.status = P.REJECTED
            kind = DecisionKind.REJECT
        post.decided_at = now
        post.updated_at = now
        decision = PostDecision(
            post_id=post.id,
            revision_number=int(payload["revision"]),  # type: ignore[call-overload]
            kind=kind,
            comment=comment,
            decided_by_id=me.id,
        )
        session.add(decision)
        session.flush()
        payload["comment"] = comment
        event = audit.append(session, me.login, f"post.{action.value}", "post", post.id, payload)
        signing.sign_decision(
            session,
            signer,
            me,
            event,
            Permission.APPROVE_POST,
            post.account_id,
            signing.POST_DECISION,
            decision.id,
        )

    db.write(work, what=f"post {action.value}")


def approve(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    comment: str = "",
    new_planned_at: datetime | None = None,
) -> None:
    """承認 (§5(1)): one click.  Nobody approves what they wrote or edited (four-eyes) unless the account allows a
    管理者 to.  A post whose planned time has passed needs a new time."""
    _decide(db, actor, post_id, expected_version, PostAction.APPROVE, comment, new_planned_at)


def reject(db: Database, actor: Actor, post_id: int, expected_version: int, comment: str) -> None:
    """差戻し, with the comment the author needs."""
    _decide(db, actor, post_id, expected_version, PostAction.REJECT, comment)


# --- after approval --------------------------------------------------------------------------------------------------


def record_publication(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    url: str,
    published_at: datetime | None = None,
) -> None:
    """投稿済: who posted, when, and the post's URL."""
    url = url.strip()
    if not URL_RE.match(url):
        raise ValidationError("投稿の URL を https:// で始まる形で入力してください。")

    def work(session: Session) -> None:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.RECORD_PUBLICATION, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, PostAction.PUBLISH)
        _require_account_open(post.account, for_posting=True)
        when = published_at or utcnow()
        if when.tzinfo is None:
            raise ValueError("published_at must be timezone-aware")
        post.status = P.PUBLISHED
        post.published_at, post.published_url, post.published_by_id = when, url, me.id
        post.updated_at = utcnow()
        session.flush()
        audit.append(session, me.login, "post.publish", "post", post.id, {"url": url, "at": when.isoformat()})

    db.write(work, what="record_publication")


def record_deletion(db: Database, actor: Actor, post_id: int, expected_version: int, reason: str) -> None:
    """削除 (§8(3)): a published post taken down, with the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("削除の理由を入力してください（§8(3)）。")
    _finish(db, actor, post_id, expected_version, PostAction.DELETE, reason)


def discard(db: Database, actor: Actor, post_id: int, expected_version: int, reason: str = "") -> None:
    """A draft that will not go out."""
    _finish(db, actor, post_id, expected_version, PostAction.DISCARD, reason.strip() or "下書きを破棄")


def _finish(
    db: Database, actor: Actor, post_id: int, expected_version: int, action: PostAction, reason: str
) -> None:
    def work(session: Session) -> None:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, TRANSITIONS[action].permission, post.account_id)
        post = _load(session, post_id, expected_version)
        _check_transition(post, action)
        post.status = P.DELETED
        post.deleted_reason, post.deleted_at = reason, utcnow()
        post.updated_at = utcnow()
        session.flush()
        audit.append(session, me.login, f"post.{action.value}", "post", post.id, {"reason": reason})

    db.write(work, what=f"post {action.value}")


def start_correction(db: Database, actor: Actor, post_id: int) -> int:
    """訂正 (§8(2)): a new draft linked to the published post it corrects."""
    with db.read() as session:
        original = _load(session, post_id)
        data = PostInput(
            original.account_id,
            f"【訂正】{original.body}",
            f"訂正: {original.title}".strip(),
            original.category,
        )
    return create_draft(db, actor, data, correction_of=post_id)


# --- standing scopes (§5(2)) ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScopeRow:
    id: int
    account_id: int
    title: str
    categories: tuple[str, ...]
    template: str
    valid_from: datetime
    valid_until: datetime
    approved_by: str
    revoked: bool
    version: int

    def valid_at(self, when: datetime) -> bool:
        return not self.revoked and self.valid_from <= when <= self.valid_until


def create_scope(
    db: Database,
    actor: Actor,
    account_id: int,
    title: str,
    categories: Sequence[str],
    template: str,
    valid_from: datetime,
    valid_until: datetime,
) -> int:
    """The 管理者 approves a standing scope: what may go out without a fresh approval, and until when (§5(2))."""
    title = title.strip()
    cats = [c.strip() for c in categories if c.strip()]
    if not title:
        raise ValidationError("適用範囲の名前を入力してください。")
    if not cats:
        raise ValidationError("適用範囲の対象となる分類を1つ以上入力してください（§5(2)）。")
    if valid_until <= valid_from:
        raise ValidationError("有効期間の終わりは始まりより後にしてください。")
    if valid_until - valid_from > timedelta(days=366):
        raise ValidationError("有効期間は1年以内にしてください。期間が過ぎたら改めて承認します。")

    def work(session: Session) -> int:
        me = load_user(session, actor)
        require(session, me, Permission.APPROVE_SCOPE, account_id)
        scope = StandingScope(
            account_id=account_id,
            title=title,
            categories="\n".join(cats),
            template=template,
            valid_from=valid_from.astimezone(UTC),
            valid_until=valid_until.astimezone(UTC),
            approved_by_id=me.id,
        )
        session.add(scope)
        session.flush()
        audit.append(
            session,
            me.login,
            "scope.approve",
            "account",
            account_id,
            {
                "scope_id": scope.id,
                "title": title,
                "categories": cats,
                "valid": [valid_from.isoformat(), valid_until.isoformat()],
            },
        )
        return scope.id

    return db.write(work, what="create_scope")


def revoke_scope(db: Database, actor: Actor, scope_id: int) -> None:
    def work(session: Session) -> None:
        me = load_user(session, actor)
        scope = session.get(StandingScope, scope_id)
        if scope is None:
            raise NotFoundError("適用範囲が見つかりません。")
        require(session, me, Permission.APPROVE_SCOPE, scope.account_id)
        scope.revoked_at = utcnow()
        session.flush()
        audit.append(session, me.login, "scope.revoke", "account", scope.account_id, {"scope_id": scope.id})

    db.write(work, what="revoke_scope")


def list_scopes(db: Database, account_id: int) -> list[ScopeRow]:
    with db.read() as session:
        scopes = session.scalars(
            select(StandingScope)
            .where(StandingScope.account_id == account_id)
            .options(selectinload(StandingScope.approved_by))
            .order_by(StandingScope.id.desc())
        ).all()
        return [
            ScopeRow(
                s.id,
                s.account_id,
                s.title,
                tuple(c for c in s.categories.splitlines() if c),
                s.template,
                s.valid_from,
                s.valid_until,
                s.approved_by.display_name,
                s.revoked_at is not None,
                s.version,
            )
            for s in scopes
        ]


def review_scope_post(db: Database, actor: Actor, post_id: int) -> None:
    """The 管理者 has looked at a post that went out under a standing scope."""

    def work(session: Session) -> None:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.APPROVE_SCOPE, post.account_id)
        if post.scope_id is None or post.status not in (P.APPROVED, P.PUBLISHED):
            raise ValidationError("事前承認の範囲で承認された投稿ではありません。")
        post.scope_reviewed_at, post.scope_reviewed_by_id = utcnow(), me.id
        session.flush()
        audit.append(session, me.login, "post.scope_reviewed", "post", post.id, {})

    db.write(work, what="review_scope_post")


# --- attachments -----------------------------------------------------------------------------------------------------


def image_type(data: bytes) -> str | None:
    for magic, mime in IMAGE_TYPES.items():
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def add_attachment(db: Database, actor: Actor, post_id: int, filename: str, data: bytes) -> int:
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"画像が大きすぎます（{len(data) / 1024 / 1024:.1f} MB）。{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 以下にしてください。"
        )
    mime = image_type(data)
    if mime is None:
        raise ValidationError("添付できるのは PNG・JPEG・GIF・WebP の画像です。")

    def work(session: Session) -> int:
        me = load_user(session, actor)
        post = _load(session, post_id)
        require(session, me, Permission.WRITE_POST, post.account_id)
        if post.status not in TRANSITIONS[PostAction.SAVE].sources:
            raise ConflictError(f"「{post.status.label}」の投稿には画像を追加できません。")
        existing = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.post_id == post_id)
        )
        if existing and existing >= MAX_ATTACHMENTS:
            raise ValidationError(f"画像は {MAX_ATTACHMENTS} 枚までです。")
        digest = hashlib.sha256(data).hexdigest()
        item = Attachment(
            post_id=post_id,
            filename=filename[:255] or "image",
            mime=mime,
            size=len(data),
            sha256=digest,
            data=data,
            added_by_id=me.id,
        )
        session.add(item)
        if post.status is P.APPROVED:  # an approved post changed: back to 下書き
            post.status = P.DRAFT
        post.updated_at = utcnow()
        session.flush()
        audit.append(
            session,
            me.login,
            "post.attach",
            "post",
            post_id,
            {"filename": item.filename, "sha256": digest, "size": len(data)},
        )
        return item.id

    return db.write(work, what="add_attachment")


def remove_attachment(db: Database, actor: Actor, attachment_id: int) -> None:
    def work(session: Session) -> None:
        me = load_user(session, actor)
        item = session.get(Attachment, attachment_id)
        if item is None:
            raise NotFoundError("画像が見つかりません。")
        post = _load(session, item.post_id)
        require(session, me, Permission.WRITE_POST, post.account_id)
        if post.status not in TRANSITIONS[PostAction.SAVE].sources:
            raise ConflictError(f"「{post.status.label}」の投稿の画像は外せません。")
        if post.status is P.APPROVED:
            post.status = P.DRAFT
        session.delete(item)
        post.updated_at = utcnow()
        session.flush()
        audit.append(session, me.login, "post.detach", "post", post.id, {"sha256": item.sha256})

    db.write(work, what="remove_attachment")


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    mime: str
    size: int
    sha256: str


def attachment_data(db: Database, attachment_id: int) -> bytes:
    with db.read() as session:
        item = session.get(Attachment, attachment_id)
        if item is None:
            raise NotFoundError("画像が見つかりません。")
        return bytes(item.data)


# --- reading ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostRow:
    id: int
    account_id: int
    account: str
    platform: str
    title: str
    body: str
    category: str
    status: PostStatus
    author: str
    author_id: int
    planned_at: datetime | None
    published_at: datetime | None
    updated_at: datetime
    emergency: bool
    scope_id: int | None
    version: int

    @property
    def summary(self) -> str:
        first_line = self.body.strip().splitlines()[0] if self.body.strip() else ""
        return (self.title or first_line or "（本文なし）")[:60]

    def overdue(self, now: datetime | None = None) -> bool:
        return (
            self.status in (P.PENDING, P.APPROVED)
            and self.planned_at is not None
            and self.planned_at < (now or utcnow())
        )


def _visible_accounts(session: Session, me: User) -> list[int] | None:
    """None: every account (広報課, システム管理者)."""
    if is_allowed(session, me, Permission.VIEW_CITY_WIDE):
        return None
    return list(
        session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == me.id).distinct())
    )


@dataclass
class PostFilter:
    account_id: int | None = None
    statuses: Sequence[PostStatus] = field(default_factory=tuple)
    author_id: int | None = None
    text: str = ""


def list_posts(
    db: Database, actor: Actor, flt: PostFilter | None = None, *, limit: int = 200, offset: int = 0
) -> list[PostRow]:
    flt = flt or PostFilter()
    with db.read() as session:
        me = load_user(session, actor)
        stmt = (
            select(Post, Account.name, Account.platform, User.display_name)
            .join(Account, Account.id == Post.account_id)
            .join(User, User.id == Post.author_id)
            .order_by(Post.updated_at.desc(), Post.id.desc())
            .limit(limit)
            .offset(offset)
        )
        visible = _visible_accounts(session, me)
        if visible is not None:
            stmt = stmt.where(Post.account_id.in_(visible))
        if flt.account_id is not None:
            stmt = stmt.where(Post.account_id == flt.account_id)
        if flt.statuses:
            stmt = stmt.where(Post.status.in_(list(flt.statuses)))
        if flt.author_id is not None:
            stmt = stmt.where(Post.author_id == flt.author_id)
        text = flt.text.strip()
        if text:
            stmt = stmt.where(_text_condition(session, text))
        return [
            _post_row(p, name, platform.label, author) for p, name, platform, author in session.execute(stmt)
        ]


RARE_MATCHES = 2000  # fewer matches than this: fetch them from the trigram index; more: scan in list order


def _has_search_index(session: Session) -> bool:
    """Whether the database has the trigram index of migration 0007 (SQLite with FTS5)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(text_sql("SELECT 1 FROM sqlite_master WHERE name = 'posts_fts'")).first()
    return found is not None


def _text_condition(session: Session, text: str) -> ColumnElement[bool]:
    """Posts whose title, body or category contains ``text`` (any case for Latin letters).

    Three characters or more go through the trigram index (a search that matches nothing no longer reads all
    100,000 posts); shorter ones, and databases without the index, use LIKE.
    """
    if len(text) >= 3 and _has_search_index(session):
        phrase = '"' + text.replace('"', '""') + '"'
        rare = session.scalars(
            text_sql("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :phrase LIMIT :n"),
            {"phrase": phrase, "n": RARE_MATCHES},
        ).all()
        if len(rare) < RARE_MATCHES:
            return Post.id.in_(rare)
        # Many posts match: the list's own order (newest first) reaches a screenful after a short stretch, so
        # LIKE along that index is quicker than collecting every match from the index.
    like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    # SQLite's LIKE ignores the case of Latin letters; PostgreSQL's does not, ILIKE does
    server = session.get_bind().dialect.name == "postgresql"
    return or_(
        *(
            (column.ilike(like, escape="\\") if server else column.like(like, escape="\\"))
            for column in (Post.body, Post.title, Post.category)
        )
    )


def _post_row(p: Post, account_name: str, platform: str, author: str) -> PostRow:
    return PostRow(
        p.id,
        p.account_id,
        account_name,
        platform,
        p.title,
        p.body,
        p.category,
        p.status,
        author,
        p.author_id,
        p.planned_at,
        p.published_at,
        p.updated_at,
        p.emergency,
        p.scope_id,
        p.version,
    )


def pending_for(db: Database, actor: Actor) -> list[PostRow]:
    """承認待ち that this person may decide (on accounts where they approve, not their own unless allowed)."""
    with db.read() as session:
        me = load_user(session, actor)
        accounts_i_approve = [
            account_id
            for account_id in set(
                session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == me.id))
            )
            if is_allowed(session, me, Permission.APPROVE_POST, account_id)
        ]
        if not accounts_i_approve:
            return []
        stmt = (
            select(Post, Account.name, Account.platform, User.display_name, Account.allow_self_approval)
            .join(Account, Account.id == Post.account_id)
            .join(User, User.id == Post.author_id)
            .where(Post.status == P.PENDING, Post.account_id.in_(accounts_i_approve))
            .order_by(Post.planned_at.is_(None), Post.planned_at, Post.submitted_at)
        )
        rows = []
        for post, name, platform, author, allow_self in session.execute(stmt):
            if not allow_self and (post.author_id == me.id or _edited_by(session, post.id, me.id)):
                continue
            rows.append(_post_row(post, name, platform.label, author))
        return rows


def scope_posts_to_review(db: Database, actor: Actor) -> list[PostRow]:
    """Posts that went out under a standing scope and the 管理者 has not looked at yet (§5(2))."""
    with db.read() as session:
        me = load_user(session, actor)
        mine = [
            account_id
            for account_id in set(
                session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == me.id))
            )
            if is_allowed(session, me, Permission.APPROVE_SCOPE, account_id)
        ]
        stmt = (
            select(Post, Account.name, Account.platform, User.display_name)
            .join(Account, Account.id == Post.account_id)
            .join(User, User.id == Post.author_id)
            .where(
                Post.scope_id.is_not(None),
                Post.scope_reviewed_at.is_(None),
                Post.account_id.in_(mine),
                Post.status.in_([P.APPROVED, P.PUBLISHED]),
            )
            .order_by(Post.submitted_at)
        )
        return [
            _post_row(p, name, platform.label, author) for p, name, platform, author in session.execute(stmt)
        ]


def count_pending_for(db: Database, actor: Actor) -> int:
    return len(pending_for(db, actor))


@dataclass(frozen=True)
class RevisionRow:
    number: int
    title: str
    body: str
    category: str
    planned_at: datetime | None
    saved_by: str
    saved_at: datetime


@dataclass(frozen=True)
class DecisionRow:
    kind: DecisionKind
    comment: str
    decided_by: str
    decided_at: datetime
    revision_number: int
    seal: str = ""  # the 電子印鑑 as checked when the post was opened ("" where none is due, e.g. 事前承認)


@dataclass(frozen=True)
class PostDetail:
    row: PostRow
    emergency_reason: str
    correction_of: int | None
    self_check: tuple[str, ...]
    warning_reasons: dict[str, str]
    findings_at_submission: tuple[checks.Finding, ...]
    revisions: tuple[RevisionRow, ...]
    decisions: tuple[DecisionRow, ...]
    attachments: tuple[AttachmentRow, ...]
    published_url: str
    published_by: str
    deleted_reason: str
    scope_title: str
    scope_reviewed: bool


def get_post(db: Database, actor: Actor, post_id: int) -> PostDetail:
    with db.read() as session:
        me = load_user(session, actor)
        post = _load(session, post_id)
        if not _visible(session, me, post.account_id):
            raise NotFoundError("投稿が見つかりません。")
        account = post.account
        revisions = session.scalars(
            select(PostRevision)
            .where(PostRevision.post_id == post_id)
            .options(selectinload(PostRevision.saved_by))
            .order_by(PostRevision.number)
        ).all()
        decisions = session.scalars(
            select(PostDecision)
            .where(PostDecision.post_id == post_id)
            .options(selectinload(PostDecision.decided_by))
            .order_by(PostDecision.id)
        ).all()
        seals = signing.post_decision_seals(session, decisions)
        attachments = session.execute(
            select(Attachment.id, Attachment.filename, Attachment.mime, Attachment.size, Attachment.sha256)
            .where(Attachment.post_id == post_id)
            .order_by(Attachment.id)
        ).all()
        published_by = session.get(User, post.published_by_id) if post.published_by_id else None
        findings = tuple(
            checks.Finding(
                f["rule"], checks.Severity(f["severity"]), f["start"], f["end"], f["section"], f["message"]
            )
            for f in json.loads(post.findings or "[]")
        )
        return PostDetail(
            _post_row(post, account.name, account.platform.label, post.author.display_name),
            post.emergency_reason,
            post.correction_of_id,
            tuple(json.loads(post.self_check or "[]")),
            dict(json.loads(post.warning_reasons or "{}")),
            findings,
            tuple(
                RevisionRow(
                    r.number, r.title, r.body, r.category, r.planned_at, r.saved_by.display_name, r.saved_at
                )
                for r in revisions
            ),
            tuple(
                DecisionRow(
                    d.kind,
                    d.comment,
                    d.decided_by.display_name,
                    d.decided_at,
                    d.revision_number,
                    seals.get(d.id, ""),
                )
                for d in decisions
            ),
            tuple(AttachmentRow(*a) for a in attachments),
            post.published_url,
            published_by.display_name if published_by else "",
            post.deleted_reason,
            post.scope.title if post.scope else "",
            post.scope_reviewed_at is not None,
        )


def body_diff(old: str, new: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile="前の版", tofile="今回の版"
        )
    )


def available_actions(db: Database, actor: Actor, post_id: int) -> list[PostAction]:
    with db.read() as session:
        me = load_user(session, actor)
        post = session.get(Post, post_id)
        if post is None:
            return []
        result = []
        for action, transition in TRANSITIONS.items():
            if post.status in transition.sources and is_allowed(
                session, me, transition.permission, post.account_id
            ):
                if action in (PostAction.APPROVE, PostAction.REJECT):
                    own = post.author_id == me.id or _edited_by(session, post.id, me.id)
                    allow = post.account.allow_self_approval and Role.MANAGER in roles_of(
                        session, me, post.account_id
                    )
                    if own and not allow:
                        continue
                result.append(action)
        return result


def calendar(db: Database, actor: Actor, start: datetime, end: datetime) -> list[PostRow]:
    """Posts planned or published between ``start`` and ``end`` (for 予定)."""
    with db.read() as session:
        me = load_user(session, actor)
        stmt = (
            select(Post, Account.name, Account.platform, User.display_name)
            .join(Account, Account.id == Post.account_id)
            .join(User, User.id == Post.author_id)
            .where(
                Post.status != P.DELETED,
                or_(Post.planned_at.between(start, end), Post.published_at.between(start, end)),
            )
            .order_by(func.coalesce(Post.published_at, Post.planned_at))
        )
        visible = _visible_accounts(session, me)
        if visible is not None:
            stmt = stmt.where(Post.account_id.in_(visible))
        return [
            _post_row(p, name, platform.label, author) for p, name, platform, author in session.execute(stmt)
        ]
