"""What a person may do with a post now, and why not: the rules of :mod:`sns_desk.domain.workflow` fed with the
person's current roles on the account and their relation to the post.  The post changes open their post here, so
the approval queue, the buttons, the command line and the refusals of the changes themselves all agree."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Set

from sqlalchemy import Exists, Integer, Select, bindparam, exists, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.sql.elements import BindParameter

from sns_desk.domain.errors import ConflictError, NotFoundError
from sns_desk.domain.vocabulary import Role
from sns_desk.domain.workflow import (
    DECISIONS,
    TRANSITIONS,
    Allowed,
    Deputyship,
    PostAction,
    PostFacts,
    actions_for,
    may_act,
)
from sns_desk.services.access import roles_of
from sns_desk.services.deputies import deputyship
from sns_desk.services.revisions import remember_count, revision_total
from sns_desk.services.usecase import Step
from sns_desk.store.orm import Post, PostRevision, User, utcnow


def wrote_it(session: Session, post: Post, user_id: int, saved_a_revision: bool | None = None) -> bool:
    """Whether ``user_id`` wrote the post or saved one of its revisions (four eyes counts editors too), or sent it
    out before its approval (nobody approves their own emergency post after the fact, §5(9)).  Whether they saved a
    revision may be given when read with the post (:func:`saved_a_revision`)."""
    if user_id in (post.author_id, post.published_by_id):
        return True
    if saved_a_revision is not None:
        return saved_a_revision
    return bool(session.scalar(select(saved_a_revision_by(user_id))))


def saved_a_revision_by(user_id: int | BindParameter[int]) -> Exists:
    """Whether ``user_id`` saved one of the post's revisions, correlated to :class:`Post`."""
    return (
        exists().where(PostRevision.post_id == Post.id, PostRevision.saved_by_id == user_id).correlate(Post)
    )


def facts(
    session: Session,
    me: User,
    post: Post,
    *,
    roles: Set[Role] | None = None,
    wrote: bool | None = None,
    deputies: Mapping[int, Deputyship] | None = None,
) -> PostFacts:
    """What the workflow rules need; ``roles``, ``wrote`` and the person's ``deputies`` (by account, from
    :func:`~sns_desk.services.deputies.deputyships`) may be given when already known (the queue)."""
    account = post.account
    now = utcnow()
    return PostFacts(
        post.status,
        frozenset(roles_of(session, me, post.account_id) if roles is None else roles),
        wrote_it(session, post, me.id) if wrote is None else wrote,
        account.allow_self_approval,
        account.name,
        account.status,
        deputyship(session, me.id, post.account_id, now)
        if deputies is None
        else deputies.get(post.account_id),
        now,
        account.allow_after_approval,
        post.emergency,
        post.emergency_reason,
    )


def post_actions(
    session: Session, me: User, post: Post, *, wrote: bool | None = None
) -> dict[PostAction, Allowed]:
    """Every action on ``post``, each allowed for ``me`` now or refused with the reason (``wrote`` when known)."""
    return actions_for(facts(session, me, post, wrote=wrote))


@functools.cache
def _post_statement(decision: bool) -> Select[Post, bool, int]:
    """The post, its account, whether the person (``me``) edited it and its revisions: one query (issue 17); for a
    decision its author too, whom the decision's e-mail goes to.  Built once (building it each time cost a decision
    more CPU than the server's work on it)."""
    query = select(Post, saved_a_revision_by(bindparam("me", type_=Integer)), revision_total())
    query = query.options(joinedload(Post.account))
    if decision:
        query = query.options(joinedload(Post.author))
    return query.where(Post.id == bindparam("post_id", type_=Integer))


def open_post(step: Step, post_id: int, expected_version: int | None, action: PostAction) -> Post:
    """The post a change acts on, once the person may do ``action`` on it: the role first (a stranger learns
    nothing of the post's state), then the version the person saw, then the workflow's rules."""
    found = step.session.execute(
        _post_statement(action in DECISIONS), {"post_id": post_id, "me": step.me.id}
    ).first()
    if found is None:
        raise NotFoundError(
            "投稿が見つかりません。", f"posts {post_id} not found"
        )  # as usecase.load words it
    post, saved, revisions = found
    remember_count(step.session, post.id, int(revisions or 0))
    if action in DECISIONS and deputyship(step.session, step.me.id, post.account_id, utcnow()) is not None:
        step.see(post.account_id)  # 代決: may_act below judges the deputy (domain.workflow.may_decide)
    else:
        step.require(TRANSITIONS[action].permission, post.account_id)
    if expected_version is not None and post.version != expected_version:
        raise ConflictError(
            f"この投稿は他の人が先に操作しました（現在の状態: {post.status.label}）。"
            "最新の内容を表示しますので、確認してからもう一度操作してください。",
            f"post {post_id} version {post.version} != {expected_version}",
        )
    wrote = wrote_it(step.session, post, step.me.id, bool(saved))
    may_act(action, facts(step.session, step.me, post, wrote=wrote)).require(
        f"user {step.me.login!r} refused {action.value} on post {post.id} ({post.status.value})"
    )
    return post
