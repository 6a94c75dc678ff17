"""Standing scopes (事前承認の適用範囲, §5(2)): what the 管理者 has approved in advance to go out without a fresh
approval — a template with typed slots, for a period — and the 管理者's later review of what went out under one.

Creating, changing and revoking a scope are 管理者 decisions, each kept as a numbered :class:`ScopeVersion` and
signed with the 電子印鑑 (:mod:`sns_desk.services.signing`).  A scope migrated from before templates has no slots
and approves nothing by itself until the 管理者 gives it a template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import PostStatus, ScopeAction
from sns_desk.services import seal_check, signing
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, Attachment, Post, ScopeVersion, StandingScope, utcnow

P = PostStatus
MAX_REVIEW_DAYS = 20
NO_TEMPLATE = "この範囲にはまだひな形がないため、投稿を自動では承認しません。管理者がひな形を設定すると使えます（§5(2)）。"


@dataclass(frozen=True)
class ScopeRow:
    id: int
    account_id: int
    title: str
    categories: tuple[str, ...]
    template: str
    slots: tuple[st.Slot, ...] | None  # None: migrated from before templates, approves nothing by itself
    valid_from: datetime
    valid_until: datetime
    approved_by: str
    revoked: bool
    number: int  # the version in force
    review_days: int  # working days the 管理者 has to review a post that went out under it
    version: int  # the optimistic lock

    def valid_at(self, when: datetime) -> bool:
        return not self.revoked and self.valid_from <= when <= self.valid_until

    @property
    def has_template(self) -> bool:
        return self.slots is not None

    def parsed(self) -> st.ScopeTemplate | None:
        return st.parse(self.template, self.slots) if self.slots is not None else None

    def state(self, when: datetime) -> str:
        if self.revoked:
            return "取り消し"
        if not self.valid_at(when):
            return "期間外"
        return "有効" if self.has_template else "ひな形なし（自動承認しない）"


@dataclass(frozen=True)
class ScopeInput:
    """What the 管理者 decides: the template with its slots, the categories it covers (optional), the period and
    how many working days they take to review what went out under it."""

    title: str
    template: str
    slots: tuple[st.Slot, ...]
    valid_from: datetime
    valid_until: datetime
    categories: tuple[str, ...] = ()
    review_days: int = 3

    def checked(self) -> ScopeInput:
        title = self.title.strip()
        if not title:
            raise ValidationError("適用範囲の名前を入力してください。")
        if self.valid_from.tzinfo is None or self.valid_until.tzinfo is None:
            raise ValueError("scope validity must be timezone-aware")
        if self.valid_until <= self.valid_from:
            raise ValidationError("有効期間の終わりは始まりより後にしてください。")
        if self.valid_until - self.valid_from > timedelta(days=366):
            raise ValidationError("有効期間は1年以内にしてください。期間が過ぎたら改めて承認します。")
        if not 1 <= self.review_days <= MAX_REVIEW_DAYS:
            raise ValidationError(f"管理者の確認の期限は1〜{MAX_REVIEW_DAYS}開庁日にしてください（§5(2)）。")
        st.parse(self.template, self.slots)
        return ScopeInput(
            title,
            self.template,
            self.slots,
            self.valid_from.astimezone(UTC),
            self.valid_until.astimezone(UTC),
            tuple(c.strip() for c in self.categories if c.strip()),
            self.review_days,
        )


def _apply(scope: StandingScope, data: ScopeInput) -> None:
    scope.title, scope.template = data.title, data.template
    scope.slots = st.slots_to_json(data.slots)
    scope.categories = "\n".join(data.categories)
    scope.valid_from, scope.valid_until = data.valid_from, data.valid_until
    scope.review_days = data.review_days


# what a 管理者 decides about a scope, kept in each numbered version as it was decided
_DECIDED = ("title", "categories", "template", "slots", "valid_from", "valid_until", "review_days")


def _decide(step: Step, signer: signing.Signer, scope: StandingScope, action: ScopeAction) -> int:
    """Keep the scope as decided now as its next numbered version, audited and signed with the 電子印鑑."""
    session = step.session
    number = (
        session.scalar(select(func.max(ScopeVersion.number)).where(ScopeVersion.scope_id == scope.id)) or 0
    ) + 1
    scope.number = number
    version = ScopeVersion(
        scope_id=scope.id,
        number=number,
        action=action,
        decided_by_id=step.me.id,
        decided_at=utcnow(),
        **{name: getattr(scope, name) for name in _DECIDED},
    )
    session.add(version)
    session.flush()
    audit_action = {ScopeAction.CREATE: "scope.approve", ScopeAction.CHANGE: "scope.change"}.get(
        action, "scope.revoke"
    )
    event = step.audit(
        audit_action,
        "account",
        scope.account_id,
        {"scope_id": scope.id, "number": number, "title": scope.title},
    )
    signing.sign_decision(
        session,
        signer,
        step.me,
        event,
        Permission.APPROVE_SCOPE,
        scope.account_id,
        signing.SCOPE_DECISION,
        version.id,
    )
    return number


def create_scope(db: Database, actor: Actor, account_id: int, data: ScopeInput) -> int:
    """The 管理者 approves a standing scope (§5(2)), signed with the 電子印鑑.  Returns its id."""
    data = data.checked()
    signer = signing.signer_for(db, actor)  # from the OS keyring, outside the transaction

    def work(step: Step) -> int:
        step.require(Permission.APPROVE_SCOPE, account_id)
        scope = StandingScope(account_id=account_id, approved_by_id=step.me.id)
        _apply(scope, data)
        step.session.add(scope)
        step.session.flush()
        _decide(step, signer, scope, ScopeAction.CREATE)
        return scope.id

    return change(db, actor, work, what="create_scope")


def change_scope(db: Database, actor: Actor, scope_id: int, expected_version: int, data: ScopeInput) -> int:
    """The 管理者 changes a scope (or gives a migrated one its template): a new signed version, in force for posts
    submitted from now on.  Returns the new version number."""
    data = data.checked()
    signer = signing.signer_for(db, actor)

    def work(step: Step) -> int:
        scope = step.load(StandingScope, scope_id, expected_version)
        step.require(Permission.APPROVE_SCOPE, scope.account_id)
        if scope.revoked_at is not None:
            raise ValidationError(
                "取り消した範囲は変更できません。新しい範囲として承認してください（§5(2)）。"
            )
        _apply(scope, data)
        scope.approved_by_id = step.me.id
        scope.approved_at = utcnow()
        step.session.flush()
        return _decide(step, signer, scope, ScopeAction.CHANGE)

    return change(db, actor, work, what="change_scope")


def revoke_scope(db: Database, actor: Actor, scope_id: int) -> None:
    """The 管理者 revokes a scope: from now on it approves nothing (§5(2)); signed like its approval."""
    signer = signing.signer_for(db, actor)

    def work(step: Step) -> None:
        scope = step.load(StandingScope, scope_id)
        step.require(Permission.APPROVE_SCOPE, scope.account_id)
        if scope.revoked_at is not None:
            raise ValidationError("この範囲はすでに取り消されています。")
        scope.revoked_at = utcnow()
        step.session.flush()
        _decide(step, signer, scope, ScopeAction.REVOKE)

    change(db, actor, work, what="revoke_scope")


def _scope_row(s: StandingScope) -> ScopeRow:
    return ScopeRow(
        s.id,
        s.account_id,
        s.title,
        tuple(c for c in s.categories.splitlines() if c),
        s.template,
        st.slots_from_json(s.slots) if s.slots is not None else None,
        s.valid_from,
        s.valid_until,
        s.approved_by.display_name,
        s.revoked_at is not None,
        s.number,
        s.review_days,
        s.version,
    )


def _scopes(session: Session, account_id: int) -> Sequence[StandingScope]:
    """The account's scopes, newest first, with who approved them."""
    newest_first = StandingScope.id.desc()
    stmt = select(StandingScope).where(StandingScope.account_id == account_id).order_by(newest_first)
    return session.scalars(stmt.options(selectinload(StandingScope.approved_by))).all()


def list_scopes(db: Database, actor: Actor, account_id: int) -> list[ScopeRow]:
    """The account's standing scopes, for a person who may see its records."""

    def read(step: Step) -> list[ScopeRow]:
        step.see(step.load(Account, account_id).id)
        return [_scope_row(s) for s in _scopes(step.session, account_id)]

    return look(db, actor, read)


@dataclass(frozen=True)
class ScopeVersionRow:
    number: int
    action: ScopeAction
    title: str
    template: str
    decided_by: str
    decided_at: datetime
    seal: str  # the 電子印鑑 as checked now ("" for a migrated version, which no one decided in this form)


@dataclass(frozen=True)
class ScopeDetail:
    scope: ScopeRow
    versions: tuple[ScopeVersionRow, ...]


def get_scope(db: Database, actor: Actor, scope_id: int) -> ScopeDetail:
    """A scope with its signed history (for the members of its account)."""

    def read(step: Step) -> ScopeDetail:
        scope = step.load(StandingScope, scope_id)
        if not (step.may(Permission.APPROVE_SCOPE, scope.account_id) or step.may(Permission.VIEW_CITY_WIDE)):
            step.require(Permission.WRITE_POST, scope.account_id)  # the authors who fill its template
        versions = step.session.scalars(
            select(ScopeVersion)
            .where(ScopeVersion.scope_id == scope_id)
            .options(selectinload(ScopeVersion.decided_by))
            .order_by(ScopeVersion.number)
        ).all()
        seals = seal_check.scope_version_seals(step.session, versions)
        return ScopeDetail(
            _scope_row(scope),
            tuple(
                ScopeVersionRow(
                    v.number,
                    v.action,
                    v.title,
                    v.template,
                    v.decided_by.display_name,
                    v.decided_at,
                    seals.get(v.id, ""),
                )
                for v in versions
            ),
        )

    return look(db, actor, read)


def fill(db: Database, actor: Actor, scope_id: int, values: dict[str, str]) -> str:
    """The body the scope's template makes with these slot values (「事前承認の範囲で作る」); ValidationError with
    every reason when a value does not fit, or when the scope has no template."""
    template = get_scope(db, actor, scope_id).scope.parsed()
    if template is None:
        raise ValidationError(NO_TEMPLATE)
    return st.render(template, values)


# --- at submission -----------------------------------------------------------------------------------------------


def scope_verdict(session: Session, post: Post, now: datetime) -> tuple[StandingScope | None, str]:
    """The scope that approves ``post`` now, or None with the reason (Japanese) it does not (§5(2)).

    Only a body that is the scope's template filled in, character for character outside the slots, with every
    slot value of its kind, and no images (a template approves text), within the period of a scope not revoked.
    """
    if post.scope_id is None:
        return None, ""
    scope = session.get(StandingScope, post.scope_id)
    if scope is None or scope.account_id != post.account_id:
        return None, "指定された事前承認の範囲は、このアカウントのものではありません（§5(2)）。"
    named = f"事前承認の範囲「{scope.title}」"
    if scope.revoked_at is not None:
        return None, f"{named}は取り消されています（§5(2)）。"
    when = post.planned_at or now
    if not (scope.valid_from <= when <= scope.valid_until):
        return None, (
            f"{named}の有効期間（{scope.valid_from.astimezone(pol.JST):%Y-%m-%d}〜"
            f"{scope.valid_until.astimezone(pol.JST):%Y-%m-%d}）の外です（§5(2)）。"
        )
    if scope.slots is None:
        return None, f"{named}: {NO_TEMPLATE}"
    categories = [c for c in scope.categories.splitlines() if c]
    if categories and post.category not in categories:
        return (
            None,
            f"分類「{post.category or '（なし）'}」は{named}の対象（{'、'.join(categories)}）ではありません。",
        )
    if session.scalar(select(func.count()).select_from(Attachment).where(Attachment.post_id == post.id)):
        return None, f"画像は{named}のひな形に含まれません（§5(2)）。"
    verdict = st.match(st.parse(scope.template, st.slots_from_json(scope.slots)), post.body)
    if not verdict.approved:
        return None, f"本文が{named}のひな形に合いません: {verdict.reason}"
    return scope, ""


# --- the 管理者's later review ---------------------------------------------------------------------------------------


def review_due(decided_at: datetime, review_days: int) -> date:
    """The last day (Japan time) the 管理者 has to review a post that a scope approved at ``decided_at``."""
    return pol.working_days_after(decided_at.astimezone(pol.JST).date(), review_days)


def review_scope_post(db: Database, actor: Actor, post_id: int) -> None:
    """The 管理者 has looked at a post that went out under a standing scope."""

    def work(step: Step) -> None:
        post = step.load(Post, post_id)
        step.require(Permission.APPROVE_SCOPE, post.account_id)
        if post.scope_id is None or post.status not in (P.APPROVED, P.PUBLISHED):
            raise ValidationError("事前承認の範囲で承認された投稿ではありません。")
        post.scope_reviewed_at, post.scope_reviewed_by_id = utcnow(), step.me.id
        step.session.flush()
        step.audit("post.scope_reviewed", "post", post.id, {})

    change(db, actor, work, what="review_scope_post")
