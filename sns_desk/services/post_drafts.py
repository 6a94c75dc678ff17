"""Drafts of posts (§5, §6): what a person types, the live checks and the hours verdict for it, and drafts saved
with every revision kept.

Every change checks the version the person saw (optimistic concurrency): two people on two PCs can never both
win; the second is told and shown the current state.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.account_states import DRAFTING, posting_refusal
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.hours import HoursVerdict, verdict
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import Platform, PostStatus
from sns_desk.domain.workflow import PostAction, correctable
from sns_desk.services.account_policies import current_policy
from sns_desk.services.actors import Actor
from sns_desk.services.check_rules import findings_for, rules_in_force
from sns_desk.services.post_access import open_post
from sns_desk.services.revisions import add_revision
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, Post, StandingScope, utcnow

P = PostStatus
MAX_BODY_CHARS = 100_000


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


def post_input(post: Post) -> PostInput:
    """What a stored post says, as the editor and the checks take it: the one place a post becomes an input."""
    return PostInput(
        post.account_id,
        post.body,
        post.title,
        post.category,
        post.planned_at,
        post.emergency,
        post.emergency_reason,
        post.scope_id,
    )


# --- revisions -------------------------------------------------------------------------------------------------


def _apply_input(post: Post, data: PostInput) -> None:
    post.title, post.body, post.category = data.title, data.body, data.category
    post.planned_at, post.emergency, post.emergency_reason = (
        data.planned_at,
        data.emergency,
        data.emergency_reason,
    )
    post.scope_id = data.scope_id


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- the checks ------------------------------------------------------------------------------------------------


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


def draft_for_checks(
    session: Session,
    account: Account,
    data: PostInput,
    post_id: int | None,
    rules: checks.RuleSet | None = None,
) -> checks.Draft:
    """What the checks see of ``data`` (``rules``: those in force for the account, when already read)."""
    rules = rules if rules is not None else rules_in_force(session, account.id)
    return checks.Draft(
        account.platform,
        data.body,
        data.planned_at,
        data.emergency,
        data.emergency_reason,
        current_policy(session, account.id),
        _recent_posts(session, account.id, post_id, rules.repetition_days),
    )


def check_input(
    db: Database, actor: Actor, data: PostInput, post_id: int | None = None
) -> list[checks.Finding]:
    """The live checks for what is in the editor now, for a person who may see the account's records.

    The repetition check (§5(5)) compares the text with the account's recent posts, pending ones included, and
    says how alike they are: only a person who may read those posts anyway is given that answer, so nobody can
    confirm a guess about the unpublished text of an account that is not theirs.
    """

    return look(db, actor, lambda step: _findings(step, data, post_id)[0])


def _findings(step: Step, data: PostInput, post_id: int | None) -> tuple[list[checks.Finding], checks.Draft]:
    account = step.load(Account, data.account_id)
    step.see(account.id)
    rules = rules_in_force(step.session, account.id)  # read once for the draft and its checks
    draft = draft_for_checks(step.session, account, data, post_id, rules)
    return findings_for(step.session, account.id, draft, rules), draft


def live_checks(
    db: Database, actor: Actor, data: PostInput, post_id: int | None = None
) -> tuple[list[checks.Finding], HoursVerdict]:
    """What the editor shows as the person types: :func:`check_input`'s findings and :func:`hours_verdict`'s
    verdict, in one read (the approved policy the checks read serves the verdict too)."""
    findings, draft = look(db, actor, lambda step: _findings(step, data, post_id))
    policy = draft.policy if data.planned_at is not None else None
    return findings, verdict(policy, data.planned_at, data.emergency, data.emergency_reason)


def hours_verdict(db: Database, actor: Actor, data: PostInput) -> HoursVerdict:
    """The operating-hours verdict (§5(9)) for what is in the editor now, against the account's approved policy."""

    def work(step: Step) -> pol.PolicyData | None:
        step.see(step.load(Account, data.account_id).id)
        return current_policy(step.session, data.account_id) if data.planned_at is not None else None

    policy = look(db, actor, work)
    return verdict(policy, data.planned_at, data.emergency, data.emergency_reason)


def self_check_items() -> list[tuple[str, str, str]]:
    return list(checks.load_rules().self_check)


@dataclass(frozen=True)
class DraftAccount:
    """An account a draft may be written for, as the editor lists it."""

    id: int
    name: str
    platform: Platform


def writable_accounts(db: Database, actor: Actor) -> list[DraftAccount]:
    """The accounts this person may write a new draft for now (their role, the account's state): one read of
    the accounts' names (not the account list's people, checklists and reports: issue 17, opening the editor)."""

    def work(step: Step) -> list[DraftAccount]:
        found = step.session.execute(
            select(Account.id, Account.name, Account.platform)
            .where(Account.status.in_(DRAFTING))
            .order_by(Account.id)
        )
        return [DraftAccount(*row) for row in found if step.may(Permission.WRITE_POST, row.id)]

    return look(db, actor, work)


# --- drafts ----------------------------------------------------------------------------------------------------


def _open_account(step: Step, account_id: int) -> None:
    """The person may write on the account, and the account is open for drafts."""
    step.require(Permission.WRITE_POST, account_id)
    account = step.load(Account, account_id)
    reason = posting_refusal(account.name, account.status, for_posting=False)
    if reason:
        raise ValidationError(reason, f"account {account_id} is {account.status.value}: no drafts")


def _insert(
    step: Step, data: PostInput, correction_of: int | None = None, correction_reason: str = ""
) -> Post:
    post = Post(
        account_id=data.account_id,
        author_id=step.me.id,
        correction_of_id=correction_of,
        correction_reason=correction_reason,
    )
    _apply_input(post, data)
    step.add(post)
    add_revision(step.session, post, step.me)
    return post


def create_draft(
    db: Database,
    actor: Actor,
    data: PostInput,
    *,
    correction_of: int | None = None,
    correction_reason: str = "",
) -> int:
    """A new draft; a correction (§8(2)) names the published post it corrects and what was wrong in it."""
    data = data.cleaned()
    correction_reason = correction_reason.strip()
    if correction_of is not None and not correction_reason:
        raise ValidationError("訂正の理由（誤っていた内容）を入力してください（§8(2)）。")

    def work(step: Step) -> int:
        _open_account(step, data.account_id)
        if correction_of is not None:
            original = step.session.get(Post, correction_of)
            if original is None or original.account_id != data.account_id or not correctable(original.status):
                raise ValidationError("訂正できるのは、同じアカウントの投稿済みの投稿です（§8(2)）。")
        _check_scope(step.session, data)
        post = _insert(step, data, correction_of, correction_reason)
        step.session.flush()
        step.audit(
            "post.create",
            "post",
            post.id,
            {
                "account_id": data.account_id,
                "correction_of": correction_of,
                "body_sha256": digest(data.body),
            }
            | ({"correction_reason": correction_reason} if correction_of is not None else {}),
        )
        return post.id

    return change(db, actor, work, what="create_draft")


def create_drafts(db: Database, actor: Actor, items: Sequence[PostInput]) -> list[int]:
    """Several drafts in one transaction (the CSV import): all are created, or none."""
    cleaned = [item.cleaned() for item in items]

    def work(step: Step) -> list[int]:
        created = []
        for data in cleaned:
            _open_account(step, data.account_id)
            created.append(_insert(step, data).id)
        step.session.flush()
        step.audit("post.import", "post", "*", {"created": created})
        return created

    return change(db, actor, work, what="create_drafts")


def save_draft(db: Database, actor: Actor, post_id: int, expected_version: int, data: PostInput) -> int:
    """Save an edit as a new revision; editing an approved post sends it back to 下書き.  Returns the new version."""
    data = data.cleaned()

    def work(step: Step) -> int:
        post = open_post(step, post_id, expected_version, PostAction.SAVE)
        if data.account_id != post.account_id:
            raise ValidationError("投稿のアカウントは変更できません。新しい下書きを作成してください。")
        _check_scope(step.session, data)
        was = post.status
        _apply_input(post, data)
        post.status = P.DRAFT
        post.updated_at = utcnow()
        number = add_revision(step.session, post, step.me)
        step.session.flush()
        step.audit(
            "post.save",
            "post",
            post.id,
            {"revision": number, "from": was, "body_sha256": digest(data.body)},
        )
        return post.version

    return change(db, actor, work, what="save_draft")


def _check_scope(session: Session, data: PostInput) -> None:
    if data.scope_id is None:
        return
    scope = session.get(StandingScope, data.scope_id)
    if scope is None or scope.account_id != data.account_id:
        raise ValidationError("指定された事前承認の適用範囲は、このアカウントのものではありません（§5(2)）。")
