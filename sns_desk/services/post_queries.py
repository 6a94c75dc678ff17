"""Reading posts: the lists (with the word search of :mod:`sns_desk.store.search`), the 承認待ち queue, a post's
detail with what this person may do with it now and why not, the approval diff, and the calendar."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import QueryableAttribute, Session, contains_eager, joinedload

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.validation import usable_text
from sns_desk.domain.vocabulary import DecisionKind, Platform, PostStatus
from sns_desk.domain.workflow import Allowed, PostAction, may_act
from sns_desk.services import seal_check
from sns_desk.services.access import account_roles, is_allowed, roles_of, visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.deputies import deputyships
from sns_desk.services.post_access import facts, post_actions
from sns_desk.services.post_attachments import AttachmentRow
from sns_desk.services.post_drafts import PostInput, post_input
from sns_desk.services.post_scopes import review_due
from sns_desk.services.usecase import Step, look
from sns_desk.store import post_rows
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    Attachment,
    Post,
    PostDecision,
    PostRevision,
    StandingScope,
    User,
    utcnow,
)
from sns_desk.store.post_rows import PageKey as PageKey  # the lists' read model, re-exported
from sns_desk.store.post_rows import PostRow as PostRow
from sns_desk.store.search import post_text_condition

P = PostStatus


def _post_row(p: Post, account_name: str, platform: str, author: str) -> PostRow:
    """A list's row of a post already loaded (by name: a field PostRow gains is missing here for mypy and at once)."""
    return PostRow(
        id=p.id,
        account_id=p.account_id,
        account=account_name,
        platform=platform,
        title=p.title,
        body=p.body,
        category=p.category,
        status=p.status,
        author=author,
        author_id=p.author_id,
        planned_at=p.planned_at,
        published_at=p.published_at,
        updated_at=p.updated_at,
        emergency=p.emergency,
        scope_id=p.scope_id,
        version=p.version,
    )


def _rows_stmt() -> Select[Post, str, Platform, str]:
    return (
        select(Post, Account.name, Account.platform, User.display_name)
        .join(Account, Account.id == Post.account_id)
        .join(User, User.id == Post.author_id)
    )


# A list's rows need only PostRow's columns (post_rows.COLUMNS, which start-up's quick read follows too): read as
# plain rows through the Core connection, not as Post objects.  The ORM's identity map and row loading, and the
# columns no list shows (the findings, the self-check, reasons…), were about a third of a keystroke's search at
# 1,000,000 posts.
_TABLES: dict[str, type[Post | Account | User]] = {"posts": Post, "accounts": Account, "users": User}
_LIST_COLUMNS = tuple(getattr(_TABLES[c.table], c.column) for c in post_rows.COLUMNS)
# SQLAlchemy's column types already give enums, aware UTC times and bools: only the platform becomes its label
_list_row = post_rows.row_reader(
    {
        "as_is": None,
        "platform": lambda platform: platform.label,
        "status": None,
        "time": None,
        "time?": None,
        "flag": None,
    }
)


def _list_stmt() -> Select[*tuple[Any, ...]]:
    return (
        select(*_LIST_COLUMNS)
        .join(Account, Account.id == Post.account_id)
        .join(User, User.id == Post.author_id)
    )


def _list_rows(session: Session, stmt: Select[*tuple[Any, ...]]) -> list[PostRow]:
    if session.autoflush:  # what an ORM query would do first inside a change (the Core connection does not)
        session.flush()
    return [_list_row(row) for row in session.connection().execute(stmt).all()]


def scheduled_approved(session: Session, account_ids: Sequence[int]) -> list[PostRow]:
    """Approved posts with a planned time on ``account_ids``, soonest first (what a 緊急停止 holds)."""
    stmt = (
        _list_stmt()
        .where(
            Post.account_id.in_(list(account_ids)),
            Post.status == P.APPROVED,
            Post.planned_at.is_not(None),
        )
        .order_by(Post.planned_at, Post.id)
    )
    return _list_rows(session, stmt)


def _visible_accounts(session: Session, me: User) -> list[int] | None:
    """None: every account (広報課, システム管理者)."""
    visible = visible_account_ids(session, me)
    return None if visible is None else sorted(visible)


@dataclass
class PostFilter:
    account_id: int | None = None
    statuses: Sequence[PostStatus] = field(default_factory=tuple)
    author_id: int | None = None
    text: str = ""


def list_posts(
    db: Database,
    actor: Actor,
    flt: PostFilter | None = None,
    *,
    limit: int = 200,
    after: PageKey | None = None,
) -> list[PostRow]:
    """Posts newest first (by ``updated_at``, then ``id``), ``limit`` at a time: the next page starts ``after``
    the last row seen (its :attr:`PostRow.page_key`).  A page key instead of an OFFSET: a page deep in a list of
    1,000,000 posts costs what the first does, and a post saved meanwhile neither repeats nor hides a row."""
    flt = flt or PostFilter()
    words = usable_text(flt.text, "検索する語").strip()

    def read(step: Step) -> list[PostRow]:
        stmt = _list_stmt().order_by(Post.updated_at.desc(), Post.id.desc()).limit(limit)
        if after is not None:
            seen_at, seen_id = after
            # (updated_at, id) < (seen_at, seen_id), written so that the index on updated_at serves it
            stmt = stmt.where(Post.updated_at <= seen_at, or_(Post.updated_at < seen_at, Post.id < seen_id))
        visible = _visible_accounts(step.session, step.me)
        if visible is not None:
            stmt = stmt.where(Post.account_id.in_(visible))
        if flt.account_id is not None:
            stmt = stmt.where(Post.account_id == flt.account_id)
        if flt.statuses:
            stmt = stmt.where(Post.status.in_(list(flt.statuses)))
        if flt.author_id is not None:
            stmt = stmt.where(Post.author_id == flt.author_id)
        if words:
            stmt = stmt.where(post_text_condition(step.session, words, visible))
        return _list_rows(step.session, stmt)

    return look(db, actor, read)


def warm_search(db: Database, actor: Actor) -> None:
    """At start-up, off the GUI thread: one search of one character as the person's list would make it, so that
    their first keystroke does not pay for what the first search of a process and of a connection pays once
    (building the statement, on PostgreSQL reading the search index's statistics, the server's caches of the
    statement's tables and indexes): about 10–30 ms on the benchmark's 1,000,000 posts.  Nothing is shown."""
    list_posts(db, actor, PostFilter(text="の"), limit=1)


def pending_for(db: Database, actor: Actor) -> list[PostRow]:
    """承認待ち that this person may decide now: exactly the posts whose approval they are offered
    (:func:`sns_desk.domain.workflow.may_act`, with four eyes and the account's self-approval setting).  The
    emergency posts already out and waiting for their 事後承認 (§5(9)) lead, oldest first."""

    return look(db, actor, pending_rows)


def pending_rows(step: Step) -> list[PostRow]:
    """:func:`pending_for` inside a use case already running (the bell reads it with the rest in one session)."""
    session, me = step.session, step.me
    roles = {account_id: roles_of(session, me, account_id) for account_id in account_roles(session, me)}
    deciders = TABLE[Permission.APPROVE_POST].roles
    deputy_of = deputyships(session, me.id, utcnow())  # 代決: read once, the rule judges each post
    accounts_i_approve = [
        account_id for account_id, held in roles.items() if held & deciders or account_id in deputy_of
    ]
    if not accounts_i_approve:
        return []
    edited = (  # four eyes counts those who saved a revision too
        exists().where(PostRevision.post_id == Post.id, PostRevision.saved_by_id == me.id).correlate(Post)
    )
    stmt = (
        _rows_stmt()
        .add_columns(edited)
        .where(Post.status.in_([P.AFTER_PENDING, P.PENDING]), Post.account_id.in_(accounts_i_approve))
        .options(contains_eager(Post.account))  # the rules read the account: no query per post
        .order_by(  # 事後承認待ち first (already out, §5(9)), then by planned time
            Post.status != P.AFTER_PENDING,
            Post.published_at,
            Post.planned_at.is_(None),
            Post.planned_at,
            Post.submitted_at,
        )
    )
    rows = []
    for post, name, platform, author, saved_a_revision in session.execute(stmt):
        # post_access.wrote_it: who wrote it, saved a revision or sent it out first is no second pair of eyes
        wrote = me.id in (post.author_id, post.published_by_id) or bool(saved_a_revision)
        known = facts(session, me, post, roles=roles[post.account_id], wrote=wrote, deputies=deputy_of)
        action = PostAction.AFTER_APPROVE if post.status is P.AFTER_PENDING else PostAction.APPROVE
        if may_act(action, known):
            rows.append(_post_row(post, name, platform.label, author))
    return rows


def count_pending_for(db: Database, actor: Actor) -> int:
    return len(pending_for(db, actor))


@dataclass(frozen=True)
class ScopeReview:
    """A post a standing scope approved, waiting for the 管理者's later review (§5(2)) — 「事前承認の確認」."""

    post: PostRow
    scope_title: str
    scope_number: int | None
    due: date  # the last working day for the review (Japan time)

    def overdue(self, today: date | None = None) -> bool:
        return (today or pol.now_jst().date()) > self.due


def scope_reviews(db: Database, actor: Actor) -> list[ScopeReview]:
    """Posts that a standing scope approved (their latest decision) and the 管理者 has not looked at yet, on the
    accounts where this person approves scopes, oldest due first (§5(2))."""
    return look(db, actor, scope_review_rows)


def scope_review_rows(step: Step) -> list[ScopeReview]:
    """:func:`scope_reviews` inside a use case already running."""
    session, me = step.session, step.me
    mine = [a for a in account_roles(session, me) if is_allowed(session, me, Permission.APPROVE_SCOPE, a)]
    if not mine:
        return []
    latest = (
        select(PostDecision.post_id, func.max(PostDecision.id).label("decision_id"))
        .group_by(PostDecision.post_id)
        .subquery()
    )
    stmt = (
        _rows_stmt()
        .add_columns(PostDecision, StandingScope)
        .join(latest, latest.c.post_id == Post.id)
        .join(PostDecision, PostDecision.id == latest.c.decision_id)
        .join(StandingScope, StandingScope.id == PostDecision.scope_id)
        .where(
            PostDecision.kind == DecisionKind.SCOPE,
            Post.scope_reviewed_at.is_(None),
            Post.account_id.in_(mine),
            Post.status.in_([P.APPROVED, P.PUBLISHED]),
        )
    )
    reviews = [
        ScopeReview(
            _post_row(p, name, platform.label, author),
            scope.title,
            decision.scope_number,
            review_due(decision.decided_at, scope.review_days),
        )
        for p, name, platform, author, decision, scope in session.execute(stmt)
    ]
    return sorted(reviews, key=lambda r: (r.due, r.post.id))


def calendar(db: Database, actor: Actor, start: datetime, end: datetime) -> list[PostRow]:
    """Posts planned or published between ``start`` and ``end`` (for 予定)."""

    def read(step: Step) -> list[PostRow]:
        stmt = (
            _list_stmt()
            .where(
                Post.status != P.DELETED,
                or_(Post.planned_at.between(start, end), Post.published_at.between(start, end)),
            )
            .order_by(func.coalesce(Post.published_at, Post.planned_at))
        )
        visible = _visible_accounts(step.session, step.me)
        if visible is not None:
            stmt = stmt.where(Post.account_id.in_(visible))
        return _list_rows(step.session, stmt)

    return look(db, actor, read)


# --- one post ------------------------------------------------------------------------------------------------------


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
    deputy_for: str = ""  # 代決: the 管理者 the decider stood in for


def decider_text(name: str, deputy_for: str) -> str:
    """Who decided, as the post view, the command line and the 投稿実績 workbook show it: "B（代決: A に代わって）"."""
    return f"{name}（代決: {deputy_for} に代わって）" if deputy_for else name


@dataclass(frozen=True)
class CorrectionRow:
    """A correction (§8(2)) of a published post: the new post, where it stands, and why it was made."""

    id: int
    status: PostStatus
    reason: str
    by: str
    created_at: datetime


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
    scope_note: str  # why the chosen scope did not approve it at its last submission (§5(2)), "" otherwise
    actions: Mapping[PostAction, Allowed]  # what this person may do with the post now, and why not
    as_input: PostInput  # the post as the editor and the checks take it
    deleted_at: datetime | None = None  # 削除 recorded (§8(3)), with deleted_reason
    correction_reason: str = ""  # for a correction (§8(2)): what was wrong in the post it corrects
    corrections: tuple[CorrectionRow, ...] = ()  # the corrections made of this post, oldest first

    def may(self, action: PostAction) -> bool:
        return self.actions[action].allowed


_History = TypeVar("_History", PostRevision, PostDecision)


def _post_history(
    session: Session,
    model: type[_History],
    post_id: int,
    person: QueryableAttribute[User],
    order: QueryableAttribute[int],
) -> Sequence[_History]:
    """A post's revisions or decisions in ``order``, each with the person who saved or decided it."""
    stmt = select(model).where(model.post_id == post_id).options(joinedload(person)).order_by(order)
    return session.scalars(stmt).all()


def get_post(db: Database, actor: Actor, post_id: int) -> PostDetail:
    def read(step: Step) -> PostDetail:
        session = step.session
        post = step.load(Post, post_id)
        step.see(post.account_id)
        account = post.account
        revisions = _post_history(session, PostRevision, post_id, PostRevision.saved_by, PostRevision.number)
        decisions = _post_history(session, PostDecision, post_id, PostDecision.decided_by, PostDecision.id)
        seals = seal_check.post_decision_seals(session, decisions)
        # four eyes: the history just read tells whether this person wrote or edited the post (no query of its own)
        wrote = post.author_id == step.me.id or any(r.saved_by_id == step.me.id for r in revisions)
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
                    decider_text(d.decided_by.display_name, d.deputy_for),
                    d.decided_at,
                    d.revision_number,
                    seals.get(d.id, ""),
                    d.deputy_for,
                )
                for d in decisions
            ),
            tuple(AttachmentRow(*a) for a in attachments),
            post.published_url,
            published_by.display_name if published_by else "",
            post.deleted_reason,
            post.scope.title if post.scope else "",
            post.scope_reviewed_at is not None,
            post.scope_note,
            post_actions(session, step.me, post, wrote=wrote),
            post_input(post),
            deleted_at=post.deleted_at,
            correction_reason=post.correction_reason,
            corrections=_corrections(session, post_id),
        )

    return look(db, actor, read)


def _corrections(session: Session, post_id: int) -> tuple[CorrectionRow, ...]:
    stmt = (
        select(Post.id, Post.status, Post.correction_reason, User.display_name, Post.created_at)
        .join(User, User.id == Post.author_id)
        .where(Post.correction_of_id == post_id)
        .order_by(Post.id)
    )
    return tuple(CorrectionRow(*row) for row in session.execute(stmt).all())


def body_diff(old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), fromfile="前の版", tofile="今回の版"
        )
    )
