"""Standing scopes (事前承認の適用範囲, §5(2)): what the 管理者 has approved in advance to go out without a fresh
approval, and until when; and the 管理者's look at what went out under one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, Post, StandingScope, utcnow

P = PostStatus


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

    def work(step: Step) -> int:
        step.require(Permission.APPROVE_SCOPE, account_id)
        scope = step.add(
            StandingScope(
                account_id=account_id,
                title=title,
                categories="\n".join(cats),
                template=template,
                valid_from=valid_from.astimezone(UTC),
                valid_until=valid_until.astimezone(UTC),
                approved_by_id=step.me.id,
            )
        )
        step.audit(
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

    return change(db, actor, work, what="create_scope")


def revoke_scope(db: Database, actor: Actor, scope_id: int) -> None:
    def work(step: Step) -> None:
        scope = step.load(StandingScope, scope_id)
        step.require(Permission.APPROVE_SCOPE, scope.account_id)
        scope.revoked_at = utcnow()
        step.session.flush()
        step.audit("scope.revoke", "account", scope.account_id, {"scope_id": scope.id})

    change(db, actor, work, what="revoke_scope")


def list_scopes(db: Database, actor: Actor, account_id: int) -> list[ScopeRow]:
    def work(step: Step) -> list[ScopeRow]:
        step.see(step.load(Account, account_id).id)
        scopes = step.session.scalars(
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

    return look(db, actor, work)


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
