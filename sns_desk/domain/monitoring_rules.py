"""Monitoring (§9(2)) as rules: when an account's check is due, when an account counts as dormant, and how a
free-text record written before the structured result is read.

Pure functions of plain values; :mod:`sns_desk.services.monitoring` feeds them the records and the settings.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta

DEFAULT_INTERVAL_DAYS = 7  # §9(2)「定期的に」: the city's practice is weekly
INTERVAL_LOW, INTERVAL_HIGH = 1, 90
DEFAULT_DORMANT_DAYS = 90
DORMANT_LOW, DORMANT_HIGH = 7, 730

# a note that says nothing was found: 「問題なし」「異常なし」「特になし」「不適切な書き込みなし」「問題ありません」 …
_NOTHING_FOUND_RE = re.compile(
    r"(問題|異常|不適切|違反|書き込み|書込み|コメント|指摘|特に)[^。\n]{0,20}(なし|無し|ない|ありません|見当たらない|"
    r"見当たりません|ませんでした)|^\s*(なし|無し|特になし|OK|ok|異常なし)\s*[。.!！]?\s*$"
)
_SOMETHING_FOUND_RE = re.compile(
    r"(あり|有り|ありました|発見|見つかった|見つかりました|削除|対応|報告)(?!ません)"
)


def interval_refusal(days: int) -> str | None:
    """Why ``days`` cannot be an account's monitoring interval (Japanese), or None."""
    if INTERVAL_LOW <= days <= INTERVAL_HIGH:
        return None
    return f"監視の間隔は {INTERVAL_LOW}〜{INTERVAL_HIGH} 日で指定してください（§9(2)）。"


def monitoring_due(last_checked: datetime | None, since: datetime, interval_days: int, now: datetime) -> bool:
    """Is the account's §9(2) check overdue?  ``since``: when it went into operation (used before any check)."""
    return now - (last_checked or since) > timedelta(days=interval_days)


def dormant(last_post: datetime | None, since: datetime, dormant_days: int, now: datetime) -> bool:
    """No post for ``dormant_days`` (counted from the account's start when it never posted): §9(2) asks whether
    an account still serves its purpose."""
    return now - (last_post or since) > timedelta(days=dormant_days)


def legacy_problem(note: str) -> bool:
    """The result of a free-text record written before the structured one: a problem unless the words say that
    nothing was found (an empty note found nothing).  The old screen counted everything without 「問題なし」 as a
    problem, so 「不適切な書き込みなし」 was one."""
    text = unicodedata.normalize("NFKC", note).strip()
    if not text:
        return False
    nothing = _NOTHING_FOUND_RE.search(text)
    if nothing is None:
        return True
    rest = text[: nothing.start()] + text[nothing.end() :]
    return bool(_SOMETHING_FOUND_RE.search(rest))
