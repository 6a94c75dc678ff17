"""緊急停止 (issue 14, item 8) as rules: which posts a stop holds, and what a stop or its release must say.

After an earthquake a cheerful post scheduled for 15:00 must not go out (§5(9): posting outside the usual course
only when needed; §8(4): the office may stop an account).  A stop names one account or all of them; while it is in
force every approved post with a planned time on a stopped account is held, and nothing else changes: drafts can
still be written and decided, so that the office is ready when it releases the stop.
"""

from __future__ import annotations

from collections.abc import Set
from datetime import datetime

from sns_desk.domain.vocabulary import PostStatus

REASON_MISSING = "緊急停止とその解除には、理由の記入が必要です（誰が、なぜ止めたかを記録します。§8(4)）。"
REASON_LIMIT = 1000


def reason_refusal(reason: str) -> str:
    """Why a stop or a release with ``reason`` is refused (Japanese), or "" when it may go ahead."""
    text = reason.strip()
    if not text:
        return REASON_MISSING
    if len(text) > REASON_LIMIT:
        return f"理由は {REASON_LIMIT:,} 文字以内で記入してください（今 {len(text):,} 文字）。"
    return ""


def stopped_accounts(all_stopped: bool, stopped: Set[int], every_account: Set[int]) -> frozenset[int]:
    """The accounts a stop holds now: every account while the stop of all accounts is in force, else those with
    a stop of their own."""
    return frozenset(every_account) if all_stopped else frozenset(stopped)


def held(status: PostStatus, planned_at: datetime | None, account_stopped: bool) -> bool:
    """Whether a post is held: an approved post with a planned time on a stopped account is not published
    (neither by ``publish-due`` nor by hand through the schedule) until the stop is released."""
    return account_stopped and status is PostStatus.APPROVED and planned_at is not None
