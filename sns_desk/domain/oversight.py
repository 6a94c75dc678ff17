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


def attention_reasons(
    status: AccountStatus, *, overdue: bool, serious_open: int, approved_policy: int | None
) -> list[str]:
    """Why an account needs 広報課's attention now (empty when it does not), in Japanese, with the section."""
    reasons = []
    if overdue:
        reasons.append("監視の期限切れ（§9(2)）")
    if serious_open:
        reasons.append(f"重大なトラブル {serious_open} 件（§4(1)イ）")
    if status in MONITORED and approved_policy is None:
        reasons.append("承認済みの運用ポリシーなし（§3(1)）")
    return reasons
