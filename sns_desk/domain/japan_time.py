"""Japan time, in which the office reads every date and time (no daylight saving time)."""

from __future__ import annotations

from datetime import timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")
