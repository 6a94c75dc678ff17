"""What 広報課 watches across the city (§3(2), §4(1)イ, §9(2)): when an account's monitoring is overdue and which
accounts need attention.  Pure rules, used by the monitoring list and by the 広報課 overview alike."""

from __future__ import annotations

from datetime import datetime, timedelta

from sns_desk.domain.vocabulary import AccountStatus

MONITORED = frozenset({AccountStatus.ACTIVE, AccountStatus.SUSPENDED})
"""The accounts in operation, whose monitoring (§9(2)) is due every configured number of days."""


def monitoring_overdue(status: AccountStatus, since: datetime, now: datetime, days: int) -> bool:
    """§9(2): an account in operation not checked for more than ``days`` days since ``since`` (its last check, or
    the day it started operating when it was never checked)."""
    return status in MONITORED and now - since > timedelta(days=days)


def unreported_events(
    status: AccountStatus,
    *,
    opened_at: datetime | None,
    closed_at: datetime | None,
    policy_approved_at: datetime | None,
    reports: list[tuple[str, datetime]],
) -> list[str]:
    """§3(2): the reports to 広報課 (開設・変更・廃止) an account's 管理者 has not made yet, judged by the 報告書 the app
    exported for it (``reports``: each its event and when).  開設 once the opening is approved; 変更 when a 運用ポリシー
    was approved after the last report; 廃止 once the account is closed."""
    if opened_at is None or status in (AccountStatus.REQUESTED, AccountStatus.REJECTED):
        return []
    if status is AccountStatus.CLOSED:
        after = closed_at or opened_at
        return [] if any(event == "廃止" and when >= after for event, when in reports) else ["廃止"]
    if not any(event == "開設" for event, _when in reports):
        return ["開設"]
    last = max(when for _event, when in reports)
    return ["変更"] if policy_approved_at is not None and policy_approved_at > last else []


def attention_reasons(
    status: AccountStatus,
    *,
    overdue: bool,
    serious_open: int,
    approved_policy: int | None,
    unreported: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """Why an account needs 広報課's attention now (empty when it does not), in Japanese, with the section."""
    reasons = []
    if overdue:
        reasons.append("監視の期限切れ（§9(2)）")
    if serious_open:
        reasons.append(f"重大なトラブル {serious_open} 件（§4(1)イ）")
    if status in MONITORED and approved_policy is None:
        reasons.append("承認済みの運用ポリシーなし（§3(1)）")
    if unreported:
        reasons.append(f"{'・'.join(unreported)}の報告書が未出力（§3(2)）")
    return reasons
