"""Each workflow rule is one pure function of sns_desk.domain (no database): who may decide on a post (§5(1), four
eyes and the account's setting), what a person may do with a post and why not, which statuses are editable, the
operating-hours verdict with the emergency flag and its reason (§5(9)), which account states keep credentials
(§3(3)ウ), and which revision an approver compares with."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from sns_desk.domain import policy as pol
from sns_desk.domain.account_states import credentials_allowed, credentials_refusal, posting_refusal
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.hours import HoursState, verdict
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.domain.workflow import (
    AFTER_DECISIONS,
    FOUR_EYES,
    TRANSITIONS,
    Deputyship,
    PostAction,
    PostFacts,
    actions_for,
    changes_status,
    correctable,
    diff_base,
    editable,
    may_act,
    may_decide,
    may_publish,
    publication_action,
)

P = PostStatus
A = PostAction
NOW = datetime(2026, 12, 1, 3, tzinfo=UTC)
DECIDERS = {Role.RESPONSIBLE, Role.MANAGER}


@pytest.mark.parametrize("setting", [False, True], ids=["four-eyes", "self-approval"])
@pytest.mark.parametrize("wrote", [False, True], ids=["others", "own"])
@pytest.mark.parametrize("role", list(Role))
def test_who_may_decide_on_a_post(role: Role, wrote: bool, setting: bool) -> None:
    verdict_ = may_decide({role}, wrote, setting)
    assert verdict_.allowed is (role in DECIDERS and (not wrote or setting))
    if role not in DECIDERS:
        assert "アカウント責任者・アカウント管理者" in verdict_.reason
        assert verdict_.error is PermissionDeniedError
    elif wrote and not setting:
        assert verdict_.reason == FOUR_EYES


def test_the_self_approval_setting_covers_the_responsible_as_well_as_the_manager() -> None:
    # the bug of issue 12: the 責任者 who wrote a post was refused although the account allows self-approval
    assert may_decide({Role.RESPONSIBLE}, True, True).allowed
    assert may_decide({Role.MANAGER}, True, True).allowed
    assert not may_decide({Role.STAFF}, True, True).allowed


def facts(
    status: PostStatus,
    *roles: Role,
    wrote: bool = False,
    account: AccountStatus = AccountStatus.ACTIVE,
    after: bool = False,
    emergency: str | None = None,
    deputyship: Deputyship | None = None,
) -> PostFacts:
    return PostFacts(
        status,
        frozenset(roles),
        wrote,
        False,
        "鹿児島市観光公式X",
        account,
        deputyship,
        NOW if deputyship else None,
        allow_after_approval=after,
        emergency=emergency is not None,
        emergency_reason=emergency or "",
    )


def test_editable_statuses_are_those_a_save_starts_from() -> None:
    assert {s for s in PostStatus if editable(s)} == {P.DRAFT, P.REJECTED, P.APPROVED}
    assert not editable(P.PENDING) and not editable(P.PUBLISHED) and not editable(P.AFTER_PENDING)
    assert changes_status(A.SAVE, P.APPROVED) and changes_status(A.SAVE, P.REJECTED)
    assert not changes_status(A.SAVE, P.DRAFT)
    assert {s for s in PostStatus if correctable(s)} == {P.PUBLISHED}  # §8(2)


def test_a_refusal_says_why_in_the_order_a_service_checks() -> None:
    # no role on the account: the role is named, nothing about the post's state is told
    stranger = may_act(A.APPROVE, facts(P.DRAFT, Role.EMPLOYEE))
    assert stranger.error is PermissionDeniedError and "投稿の承認・差戻し" in stranger.reason
    # the right role, the wrong status
    early = may_act(A.APPROVE, facts(P.DRAFT, Role.MANAGER))
    assert early.error is ConflictError and "「下書き」のため、「承認」はできません" in early.reason
    # the account is suspended (§8(4)): nothing goes out, drafts still may not be written
    suspended = may_act(A.APPROVE, facts(P.PENDING, Role.MANAGER, account=AccountStatus.SUSPENDED))
    assert suspended.error is ValidationError and "一時停止" in suspended.reason
    assert not may_act(A.SAVE, facts(P.DRAFT, Role.STAFF, account=AccountStatus.SUSPENDED))
    assert may_act(A.SAVE, facts(P.DRAFT, Role.STAFF, account=AccountStatus.PREPARING))
    assert not may_act(A.SUBMIT, facts(P.DRAFT, Role.STAFF, account=AccountStatus.PREPARING))
    # four eyes last
    own = may_act(A.APPROVE, facts(P.PENDING, Role.MANAGER, wrote=True))
    assert own.reason == FOUR_EYES
    assert may_act(A.APPROVE, facts(P.PENDING, Role.MANAGER))


def test_only_who_wrote_a_post_withdraws_it() -> None:
    assert may_act(A.WITHDRAW, facts(P.PENDING, Role.STAFF, wrote=True))
    other = may_act(A.WITHDRAW, facts(P.PENDING, Role.CONTRACTOR))
    assert not other and "作成・編集した人" in other.reason
    with pytest.raises(PermissionDeniedError, match="作成・編集した人"):
        other.require("test")


def test_every_action_is_answered_and_follows_the_transition_table() -> None:
    for status in PostStatus:
        answers = actions_for(facts(status, Role.MANAGER, Role.STAFF))
        assert set(answers) == set(PostAction)
        for action, answer in answers.items():
            if status not in TRANSITIONS[action].sources:
                assert not answer and answer.error is ConflictError
            if answer:
                assert answer.reason == ""


def test_hours_verdict_counts_an_emergency_only_with_its_reason() -> None:
    policy = pol.PolicyData.office_hours()
    day = pol.now_jst().date() + timedelta(days=1)
    while not pol.within_operating_hours(policy, pol.at_jst(day, time(10))).within:
        day += timedelta(days=1)
    morning, night = pol.at_jst(day, time(10)), pol.at_jst(day, time(22))
    assert verdict(policy, morning, False, "").state is HoursState.WITHIN
    outside = verdict(policy, night, False, "")
    assert outside.state is HoursState.OUTSIDE and outside.blocks and "運用時間" in outside.reason
    assert verdict(policy, night, True, "  ").state is HoursState.OUTSIDE  # the flag without a reason
    emergency = verdict(policy, night, True, "大雨警報の発表のため")
    assert emergency.state is HoursState.EMERGENCY and not emergency.blocks
    assert verdict(policy, None, False, "").state is HoursState.NO_TIME
    assert verdict(None, night, False, "").state is HoursState.NO_POLICY
    assert "8:30" in outside.hours or "08:30" in outside.hours


def test_which_account_states_keep_credentials() -> None:
    S = AccountStatus
    assert {s for s in S if credentials_allowed(s)} == {S.PREPARING, S.ACTIVE, S.SUSPENDED}
    assert credentials_refusal(S.CLOSED) == "「閉鎖」のアカウントには認証情報を保存できません。"
    assert credentials_refusal(S.ACTIVE) == ""
    assert posting_refusal("X", S.ACTIVE, for_posting=True) == ""
    assert "下書きを作成・編集できません" in posting_refusal("X", S.CLOSED, for_posting=False)


def test_which_revision_the_approver_compares_with() -> None:
    assert diff_base([1], []) is None  # a first revision, never seen: nothing to compare
    assert diff_base([1, 2, 3], []) is None  # never approved, never seen by this approver, never rejected
    assert diff_base([1, 2, 3], [1]) == 1  # the last approved, not the previous save (issue 16)
    assert diff_base([1, 2, 3, 4], [1, 2], seen=3) == 2  # approved beats seen
    assert diff_base([1, 2, 3, 4], [], seen=2) == 2  # before any approval: what this approver last saw
    assert diff_base([1, 2, 3, 4], [], seen=None, rejected_at=[1, 3]) == 3  # failing that, the last rejection
    assert diff_base([1, 2, 3, 4], [], seen=2, rejected_at=[3]) == 2  # seen before someone else's rejection
    assert diff_base([1, 2], [], rejected_at=[2]) == 2  # rejected and resubmitted unchanged: no difference
    assert diff_base([1, 2], [7], seen=9) is None  # numbers that are not revisions are ignored


# --- 事後承認 (§5(9)): an emergency post out before approval, decided afterwards -------------------------------------

QUAKE = "震度6弱の地震のため"
WITHIN = verdict(None, None, False, "")  # no policy: hours block nothing
AWAY = Deputyship(NOW - timedelta(days=1), NOW + timedelta(days=1), manager_absent=True, always=False)


@pytest.mark.parametrize(
    ("status", "after", "emergency", "allowed", "target", "reason"),
    [
        (P.APPROVED, False, None, True, P.PUBLISHED, ""),  # the ordinary route
        (P.APPROVED, True, QUAKE, True, P.PUBLISHED, ""),  # approved anyway: no 事後承認 needed
        (
            P.PENDING,
            False,
            QUAKE,
            False,
            None,
            "事後承認が認められていません",
        ),  # the account does not allow it
        (P.PENDING, True, None, False, None, "緊急の投稿として理由"),  # not an emergency
        (P.PENDING, True, "   ", False, None, "緊急の投稿として理由"),  # the flag without a reason
        (P.PENDING, True, QUAKE, True, P.AFTER_PENDING, ""),  # 事後承認
        (P.DRAFT, True, QUAKE, False, None, "「下書き」のため"),  # not even submitted
        (P.AFTER_PENDING, True, QUAKE, False, None, "「事後承認待ち」のため"),  # already out
    ],
)
def test_who_may_publish_before_approval(
    status: PostStatus,
    after: bool,
    emergency: str | None,
    allowed: bool,
    target: PostStatus | None,
    reason: str,
) -> None:
    post = facts(status, Role.STAFF, after=after, emergency=emergency)
    answer = may_publish(post, WITHIN)
    assert answer.allowed is allowed
    assert reason in answer.reason
    if target is not None:
        assert TRANSITIONS[publication_action(status)].target is target


def test_publishing_first_needs_a_writer_and_an_account_in_operation() -> None:
    stranger = may_publish(facts(P.PENDING, Role.EMPLOYEE, after=True, emergency=QUAKE), WITHIN)
    assert stranger.error is PermissionDeniedError
    suspended = facts(P.PENDING, Role.STAFF, after=True, emergency=QUAKE, account=AccountStatus.SUSPENDED)
    assert "一時停止" in may_publish(suspended, WITHIN).reason


@pytest.mark.parametrize("action", sorted(AFTER_DECISIONS))
@pytest.mark.parametrize(
    ("roles", "wrote", "deputyship", "allowed", "reason"),
    [
        ({Role.MANAGER}, False, None, True, ""),
        ({Role.RESPONSIBLE}, False, None, True, ""),
        ({Role.MANAGER}, True, None, False, FOUR_EYES),  # nobody decides on what they wrote
        ({Role.STAFF}, False, None, False, "投稿の承認・差戻し"),  # the 担当者 who posted it does not
        ({Role.STAFF}, False, AWAY, True, ""),  # 代決 while the 管理者 is away
        ({Role.STAFF}, True, AWAY, False, FOUR_EYES),
    ],
)
def test_who_decides_after_the_fact(
    action: PostAction,
    roles: set[Role],
    wrote: bool,
    deputyship: Deputyship | None,
    allowed: bool,
    reason: str,
) -> None:
    answer = may_act(action, facts(P.AFTER_PENDING, *roles, wrote=wrote, deputyship=deputyship))
    assert answer.allowed is allowed
    assert reason in answer.reason
    assert not may_act(action, facts(P.PENDING, *roles, wrote=wrote, deputyship=deputyship))


def test_after_the_fact_decisions_lead_to_published_or_deleted() -> None:
    assert TRANSITIONS[A.AFTER_APPROVE].target is P.PUBLISHED
    assert TRANSITIONS[A.ORDER_CORRECTION].target is P.PUBLISHED  # it stays out; the 訂正 follows (§8(2))
    assert TRANSITIONS[A.ORDER_DELETION].target is P.DELETED  # §8(3)
    assert {s for s in PostStatus if correctable(s)} == {P.PUBLISHED}  # a 訂正 starts once decided
    assert P.AFTER_PENDING.label == "事後承認待ち"
