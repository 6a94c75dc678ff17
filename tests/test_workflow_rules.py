"""Each workflow rule is one pure function of sns_desk.domain (no database): who may decide on a post (§5(1), four
eyes and the account's setting), what a person may do with a post and why not, which statuses are editable, the
operating-hours verdict with the emergency flag and its reason (§5(9)), which account states keep credentials
(§3(3)ウ), and which revision an approver compares with."""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from sns_desk.domain import policy as pol
from sns_desk.domain.account_states import credentials_allowed, credentials_refusal, posting_refusal
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.hours import HoursState, verdict
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.domain.workflow import (
    FOUR_EYES,
    TRANSITIONS,
    PostAction,
    PostFacts,
    actions_for,
    changes_status,
    correctable,
    diff_base,
    editable,
    may_act,
    may_decide,
)

P = PostStatus
A = PostAction
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
    status: PostStatus, *roles: Role, wrote: bool = False, account: AccountStatus = AccountStatus.ACTIVE
) -> PostFacts:
    return PostFacts(status, frozenset(roles), wrote, False, "鹿児島市観光公式X", account)


def test_editable_statuses_are_those_a_save_starts_from() -> None:
    assert {s for s in PostStatus if editable(s)} == {P.DRAFT, P.REJECTED, P.APPROVED}
    assert not editable(P.PENDING) and not editable(P.PUBLISHED)
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
