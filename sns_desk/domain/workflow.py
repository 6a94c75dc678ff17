"""The post workflow (§5, §8(2)(3)) as rules: the transition table, which statuses are editable, who may decide on
a post, what a person may do with a post now and why not, and which revision an approver compares with.

Pure functions of plain values: the services feed them the person's roles on the account and the post's state,
and the approval queue, the buttons, the command line and the services' own refusals all come from here.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import datetime

from sns_desk.domain.account_states import posting_refusal
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, SnsDeskError, ValidationError
from sns_desk.domain.hours import HoursVerdict
from sns_desk.domain.permissions import TABLE, Permission, denied_message
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role

P = PostStatus


class PostAction(enum.StrEnum):
    SAVE = "save"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"
    APPROVE = "approve"
    REJECT = "reject"
    PUBLISH = "publish"
    DELETE = "delete"
    DISCARD = "discard"
    PUBLISH_FIRST = "publish_first"  # 事後承認: an emergency post out before approval (§5(9))
    AFTER_APPROVE = "after_approve"
    ORDER_CORRECTION = "order_correction"
    ORDER_DELETION = "order_deletion"

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
            PostAction.PUBLISH_FIRST: "緊急の投稿（事後承認）",
            PostAction.AFTER_APPROVE: "事後承認",
            PostAction.ORDER_CORRECTION: "訂正の指示",
            PostAction.ORDER_DELETION: "削除の指示",
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
    # 事後承認 (§5(9)): where the account allows it, a submitted emergency post goes out before the decision, and
    # the 管理者 then approves it, orders a correction (§8(2); the post stays out, a 訂正 follows) or its deletion
    # (§8(3))
    PostAction.PUBLISH_FIRST: PostTransition(
        frozenset({P.PENDING}), P.AFTER_PENDING, Permission.RECORD_PUBLICATION
    ),
    PostAction.AFTER_APPROVE: PostTransition(
        frozenset({P.AFTER_PENDING}), P.PUBLISHED, Permission.APPROVE_POST
    ),
    PostAction.ORDER_CORRECTION: PostTransition(
        frozenset({P.AFTER_PENDING}), P.PUBLISHED, Permission.APPROVE_POST
    ),
    PostAction.ORDER_DELETION: PostTransition(
        frozenset({P.AFTER_PENDING}), P.DELETED, Permission.APPROVE_POST
    ),
}

# the actions that need the account in operation (§3, §8(4)); SAVE needs it open for drafting
POSTING_ACTIONS = frozenset(
    {PostAction.SUBMIT, PostAction.APPROVE, PostAction.REJECT, PostAction.PUBLISH, PostAction.PUBLISH_FIRST}
)
AFTER_DECISIONS = frozenset(
    {PostAction.AFTER_APPROVE, PostAction.ORDER_CORRECTION, PostAction.ORDER_DELETION}
)
DECISIONS = frozenset({PostAction.APPROVE, PostAction.REJECT}) | AFTER_DECISIONS


def editable(status: PostStatus) -> bool:
    """Whether a post's text, time and images may change: editing an approved post sends it back to 下書き."""
    return status in TRANSITIONS[PostAction.SAVE].sources


def correctable(status: PostStatus) -> bool:
    """Whether a 訂正 (§8(2)) may start from a post: only what went out is corrected; a draft is just edited."""
    return status is P.PUBLISHED


def changes_status(action: PostAction, status: PostStatus) -> bool:
    """Whether doing ``action`` on a post in ``status`` moves it (saving an unchanged 差戻し or 承認済 post
    still brings it back to 下書き; saving an unchanged 下書き changes nothing)."""
    return TRANSITIONS[action].target is not status


@dataclass(frozen=True)
class Allowed:
    """Whether a person may do one thing now, and if not, why (Japanese, for the screen and the command line)."""

    allowed: bool
    reason: str = ""
    error: type[SnsDeskError] = PermissionDeniedError  # what a refused attempt raises

    def __bool__(self) -> bool:
        return self.allowed

    def require(self, log_message: str) -> None:
        """Raise the refusal (with ``log_message`` for the log) unless allowed."""
        if not self.allowed:
            raise self.error(self.reason, log_message)


YES = Allowed(True)


def refuse(reason: str, error: type[SnsDeskError] = PermissionDeniedError) -> Allowed:
    return Allowed(False, reason, error)


FOUR_EYES = (
    "自分が作成した投稿は承認できません（4つの目の原則）。別のアカウント管理者に承認を依頼してください。"
)


DEPUTY = "deputy"  # the role a 代決 is signed in (not a role on the account: a designation for a period)


@dataclass(frozen=True)
class Deputyship:
    """代決: the account named the person to decide in its 管理者's stead from ``valid_from`` to ``valid_until``;
    ``manager_absent`` whether the 管理者 is marked away now, ``always`` the office's setting that its deputies may
    decide even while the 管理者 is present."""

    valid_from: datetime
    valid_until: datetime
    manager_absent: bool
    always: bool


def may_deputise(deputyship: Deputyship, at: datetime) -> Allowed:
    """Whether a named deputy may decide at ``at``: inside their period, and while the 管理者 is marked absent
    (or at any time where the office allows it)."""
    if not deputyship.valid_from <= at <= deputyship.valid_until:
        return refuse(
            f"代決者としての指定期間（{_jst(deputyship.valid_from)}〜{_jst(deputyship.valid_until)}）の外のため、"
            "代決できません（§5(1)）。"
        )
    if not (deputyship.manager_absent or deputyship.always):
        return refuse(
            "アカウント管理者が不在として記録されていないため、代決できません。管理者に承認を依頼するか、"
            "管理者の不在を記録してもらってください（§5(1)）。"
        )
    return YES


def _jst(moment: datetime) -> str:
    return f"{moment.astimezone(JST):%Y-%m-%d %H:%M}"


def is_deputy_decision(roles: Set[Role]) -> bool:
    """Whether a decision by a person with ``roles`` on the account is a 代決 (they are no approver themselves)."""
    return not roles & TABLE[Permission.APPROVE_POST].roles


def may_decide(
    roles: Set[Role],
    wrote_it: bool,
    allow_self_approval: bool,
    deputyship: Deputyship | None = None,
    at: datetime | None = None,
) -> Allowed:
    """Who may approve or reject a post (§5(1); PRODUCT.md §1).

    ``roles`` are the person's roles on the post's account; ``wrote_it`` whether they wrote or edited any revision.
    The アカウント管理者 and the アカウント責任者 decide.  Nobody decides on a post they wrote or edited (four
    eyes), unless the account's setting allows its approvers to approve their own posts: then a 管理者 or a
    責任者 may, and nobody else (a 担当者 who is not an approver gains nothing from it).

    代決: a person who is no approver decides when the account named them deputy (``deputyship``) and
    :func:`may_deputise` allows it at ``at``; four eyes holds for them always (the self-approval setting is the
    approvers').
    """
    if is_deputy_decision(roles):
        if deputyship is None or at is None:
            return refuse(denied_message(Permission.APPROVE_POST))
        allowed = may_deputise(deputyship, at)
        if not allowed:
            return allowed
        return refuse(FOUR_EYES) if wrote_it else YES
    if wrote_it and not allow_self_approval:
        return refuse(FOUR_EYES)
    return YES


@dataclass(frozen=True)
class PostFacts:
    """What the rules need to know about a post and the person looking at it."""

    status: PostStatus
    roles: frozenset[Role]  # the person's roles on the post's account
    wrote_it: bool  # the person wrote the post or saved one of its revisions
    allow_self_approval: bool  # the account's setting
    account_name: str
    account_status: AccountStatus
    deputyship: Deputyship | None = None  # 代決: the person's designation on the account, if any
    at: datetime | None = None  # now, for the deputy's period
    allow_after_approval: bool = False  # the account's setting: 事後承認 of emergency posts (§5(9))
    emergency: bool = False  # the post is marked 緊急
    emergency_reason: str = ""


def may_act(action: PostAction, facts: PostFacts) -> Allowed:
    """Whether the person may do ``action`` on the post now; the first reason that stops them otherwise.

    The order is the order a service checks in: the role, the post's status, the account's state, then the
    person's relation to the post (four eyes for a decision, the author for a withdrawal).
    """
    transition = TRANSITIONS[action]
    deputy = action in DECISIONS and facts.deputyship is not None  # may_decide judges a deputy
    if not facts.roles & TABLE[transition.permission].roles and not deputy:
        return refuse(denied_message(transition.permission))
    if facts.status not in transition.sources:
        return refuse(
            f"この投稿は現在「{facts.status.label}」のため、「{action.label}」はできません。", ConflictError
        )
    if action is PostAction.SAVE or action in POSTING_ACTIONS:
        reason = posting_refusal(
            facts.account_name, facts.account_status, for_posting=action is not PostAction.SAVE
        )
        if reason:
            return refuse(reason, ValidationError)
    if action is PostAction.PUBLISH_FIRST:
        first = may_publish_first(facts)
        if not first:
            return first
    if action in DECISIONS:
        return may_decide(facts.roles, facts.wrote_it, facts.allow_self_approval, facts.deputyship, facts.at)
    if action is PostAction.WITHDRAW and not facts.wrote_it:
        return refuse("申請を取り下げられるのは、その投稿を作成・編集した人です。")
    return YES


def may_publish_first(facts: PostFacts) -> Allowed:
    """事後承認 (§5(9)): a submitted post goes out before its approval only where the account allows it, and only
    as an emergency post with its reason."""
    if not facts.allow_after_approval:
        return refuse(
            "この投稿は「承認待ち」です。承認されてから投稿してください"
            "（このアカウントでは緊急の投稿の事後承認が認められていません。§5(9)）。",
            ConflictError,
        )
    if not (facts.emergency and facts.emergency_reason.strip()):
        return refuse(
            "承認の前に投稿できるのは、緊急の投稿として理由が記入されたものだけです（事後承認、§5(9)）。",
            ValidationError,
        )
    return YES


def publication_action(status: PostStatus) -> PostAction:
    """Which action publishing a post in ``status`` is: an approved post is published, a submitted one goes out
    first and waits for its 事後承認."""
    return (
        PostAction.PUBLISH_FIRST
        if status in TRANSITIONS[PostAction.PUBLISH_FIRST].sources
        else PostAction.PUBLISH
    )


def may_publish(facts: PostFacts, hours: HoursVerdict) -> Allowed:
    """Whether the post may go out (or be recorded as gone out) now: the one rule of publication (§4(1)ウ, §5(1),
    §5(9)), for 「投稿する」, ``sns-desk publish``, ``publish-due`` and the manual record alike.

    ``hours`` is the §5(9) verdict for the moment of publication (:func:`sns_desk.domain.hours.verdict`): outside
    the operating hours a post goes out only when it is marked 緊急 with a reason.  A submitted (承認待ち) post
    goes out only as 事後承認 (:func:`may_publish_first`) and becomes 事後承認待ち.
    """
    allowed = may_act(publication_action(facts.status), facts)
    if not allowed:
        return allowed
    if hours.blocks:
        return refuse(
            f"{hours.reason}運用時間外に投稿できるのは、緊急の投稿として理由が記入されたものだけです（§5(9)）。",
            ValidationError,
        )
    return YES


def actions_for(facts: PostFacts) -> dict[PostAction, Allowed]:
    """Every action, each allowed or refused with its reason."""
    return {action: may_act(action, facts) for action in PostAction}


def diff_base(
    revisions: Sequence[int],
    approved_at: Sequence[int],
    seen: int | None = None,
    rejected_at: Sequence[int] = (),
) -> int | None:
    """Which revision the approver compares the latest with (issue 16, item 2).

    ``revisions`` are the post's revision numbers in order, ``approved_at`` the revisions approved so far and
    ``rejected_at`` those rejected, in order, ``seen`` the last revision this approver saw in the approval view.
    The last approved revision first: an approved 「10日」 edited to 「11日」 over two saves shows both edits.  Before
    any approval, the last revision this approver saw; failing that, the last rejected one (what someone else sent
    back).  None when there is nothing to compare with (the approver sees the post for the first time).
    """
    known = set(revisions)
    approved = [number for number in approved_at if number in known]
    if approved:
        return approved[-1]
    if seen is not None and seen in known:
        return seen
    rejected = [number for number in rejected_at if number in known]
    return rejected[-1] if rejected else None
