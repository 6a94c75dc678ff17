"""The operating-hours verdict for a post (§5(9)): inside the 運用ポリシー's hours, or outside them as an emergency
*with its reason*, or outside them.  Every place that judges the hours (the live checks, the decision with a new
time, the editor's indicator) asks :func:`verdict`; nothing else compares times with the policy.  A post without a
planned time is judged at the moment it is submitted, approved or published (:func:`verdict_now`)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sns_desk.domain import policy as pol


class HoursState(enum.Enum):
    NO_TIME = "no_time"  # no planned time yet: nothing to judge
    NO_POLICY = "no_policy"  # the account has no approved policy: nothing to judge against
    WITHIN = "within"
    EMERGENCY = "emergency"  # outside, but marked 緊急 with a reason (§5(9) 緊急時その他必要な場合)
    OUTSIDE = "outside"

    @property
    def label(self) -> str:
        return {
            HoursState.NO_TIME: "予定日時なし",
            HoursState.NO_POLICY: "承認済みの運用ポリシーがありません",
            HoursState.WITHIN: "● 運用時間内",
            HoursState.EMERGENCY: "● 運用時間外（緊急）",
            HoursState.OUTSIDE: "● 運用時間外",
        }[self]


@dataclass(frozen=True)
class HoursVerdict:
    state: HoursState
    reason: str = ""  # Japanese: why the time is outside the hours ("" when within or not judged)
    hours: str = ""  # the policy's hours as text (「月〜金 8:30〜17:15」), "" without a policy

    @property
    def blocks(self) -> bool:
        """Whether the post may not go out at this time (§5(9))."""
        return self.state is HoursState.OUTSIDE


def verdict(
    policy: pol.PolicyData | None, when: datetime | None, emergency: bool, emergency_reason: str
) -> HoursVerdict:
    """Whether a post planned ``when`` keeps to the policy's hours; an emergency counts only with a reason."""
    if when is None:
        return HoursVerdict(HoursState.NO_TIME)
    if policy is None:
        return HoursVerdict(HoursState.NO_POLICY)
    text = pol.hours_text(policy)
    check = pol.within_operating_hours(policy, when)
    if check.within:
        return HoursVerdict(HoursState.WITHIN, "", text)
    if emergency and emergency_reason.strip():
        return HoursVerdict(HoursState.EMERGENCY, check.reason, text)
    return HoursVerdict(HoursState.OUTSIDE, check.reason, text)


def verdict_now(
    policy: pol.PolicyData | None,
    planned_at: datetime | None,
    now: datetime,
    emergency: bool,
    emergency_reason: str,
) -> HoursVerdict:
    """§5(9) for a post being submitted, approved or published: judged at its planned time, or, when it has none,
    at ``now`` (a post without a planned time goes out as soon as it may, so the actual time is the one that counts).
    承認申請, 承認 and publication all ask this one function."""
    return verdict(policy, planned_at if planned_at is not None else now, emergency, emergency_reason)


def unplanned_refusal(hours: HoursVerdict) -> str:
    """The Japanese message refusing a post without a planned time outside the hours (§5(9))."""
    return (
        f"予定日時がないため、今の時刻で運用時間を確認しました。{hours.reason}"
        "運用時間内の予定日時を指定するか、緊急の場合は「緊急」にして理由を記入してください（§5(9)）。"
    )
