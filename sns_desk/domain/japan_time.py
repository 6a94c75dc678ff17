"""Japan time, in which the office reads every date and time (no daylight saving time), and how dates and times
are written for it (the workbooks: 2026年11月26日 09:05, or 令和8年11月26日 09:05)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone

JST = timezone(timedelta(hours=9), "JST")


def jp_date(value: date | datetime | None, *, reiwa: bool = False) -> str:
    """2026年11月26日, or 令和8年11月26日 (令和 began on 2019-05-01)."""
    if value is None:
        return ""
    day = value.astimezone(JST).date() if isinstance(value, datetime) else value
    if reiwa and day >= date(2019, 5, 1):
        year = day.year - 2018
        return f"令和{'元' if year == 1 else year}年{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def jp_datetime(value: datetime | None, *, reiwa: bool = False) -> str:
    if value is None:
        return ""
    local = value.astimezone(JST)
    if reiwa:
        return f"{jp_date(local, reiwa=True)} {local.hour:02d}:{local.minute:02d}"
    # the common case written out: this runs three times per row of a 100,000-row 投稿実績
    return f"{local.year}年{local.month}月{local.day}日 {local.hour:02d}:{local.minute:02d}"


_MINUTES = [f"{minute:02d}" for minute in range(60)]
# Japan time is UTC+9 all year (no daylight saving time): a whole number of hours, so a time's minutes are the same
# in UTC and in Japan time, and its text up to the hour depends only on its UTC hour.
if JST.utcoffset(None) % timedelta(hours=1):
    raise RuntimeError(
        "jp_datetime_of_utc formats each hour once: Japan time must be a whole number of hours"
    )


def jp_datetime_of_utc(reiwa: bool = False) -> Callable[[datetime | None], str | None]:
    """:func:`jp_datetime` of a stored time (naive, in UTC), or None for none: the text up to the hour is made once
    per hour by :func:`jp_datetime` itself, the minutes added to it (the 投稿実績 writes 300,000 times at 100,000
    rows, which come from about 10,000 hours)."""
    hours: dict[int, str] = {}

    def text(value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        key = value.toordinal() * 24 + value.hour
        prefix = hours.get(key)
        if prefix is None:
            hour = value.replace(minute=0, second=0, microsecond=0, tzinfo=UTC)
            prefix = hours[key] = jp_datetime(hour, reiwa=reiwa)[:-2]  # "…日 09:00" without its "00"
        return prefix + _MINUTES[value.minute]

    return text
