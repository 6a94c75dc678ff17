"""What 広報課 watches across the city (§3(2), §4(1)イ, §9(2)): which accounts need attention.  When monitoring is
overdue and when an account is dormant are :mod:`sns_desk.domain.monitoring_rules`; which reports to 広報課 are open
are the tracked items of :mod:`sns_desk.domain.reporting_rules`.  Pure rules, used by the monitoring list (the
accounts in operation) and by the 広報課 overview."""

from __future__ import annotations

from sns_desk.domain.vocabulary import AccountStatus

MONITORED = frozenset({AccountStatus.ACTIVE, AccountStatus.SUSPENDED})
"""The accounts in operation, whose monitoring (§9(2)) is due every account's own number of days."""


def attention_reasons(
    status: AccountStatus,
    *,
    overdue: bool,
    dormant: bool = False,
    serious_open: int,
    approved_policy: int | None,
    unreported: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """Why an account needs 広報課's attention now (empty when it does not), in Japanese, with the section."""
    reasons = []
    if overdue:
        reasons.append("監視の期限切れ（§9(2)）")
    if dormant:
        reasons.append("休眠（投稿のない日数が設定を超過、§9(2)）")
    if serious_open:
        reasons.append(f"重大なトラブル {serious_open} 件（§4(1)イ）")
    if status in MONITORED and approved_policy is None:
        reasons.append("承認済みの運用ポリシーなし（§3(1)）")
    if unreported:
        reasons.append(f"広報課への{'・'.join(unreported)}の報告が未記録（§3(2)）")
    return reasons
