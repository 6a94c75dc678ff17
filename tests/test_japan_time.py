"""Japan time and how the workbooks write it (sns_desk/domain/japan_time.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from sns_desk.domain.japan_time import jp_date, jp_datetime, jp_datetime_of_utc


def test_jp_dates() -> None:
    assert jp_date(date(2026, 11, 26)) == "2026年11月26日"
    assert jp_date(date(2026, 11, 26), reiwa=True) == "令和8年11月26日"
    assert jp_date(date(2019, 5, 1), reiwa=True) == "令和元年5月1日"
    assert jp_date(date(2019, 4, 30), reiwa=True) == "2019年4月30日"


@given(
    st.lists(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)), max_size=30),
    st.booleans(),
)
def test_the_post_record_times_read_as_jp_datetime_in_japan_time(stored: list[datetime], reiwa: bool) -> None:
    """The 投稿実績 makes each hour's text once (stored naive UTC); every time reads as jp_datetime writes it, also
    across midnight in Japan time, at the start of 令和 and for a repeated hour with other minutes."""
    stored += [datetime(2019, 4, 30, 14, 59), datetime(2019, 4, 30, 15, 0), datetime(2019, 4, 30, 15, 7)]
    text = jp_datetime_of_utc(reiwa)
    for value in stored:
        assert text(value) == jp_datetime(value.replace(tzinfo=UTC), reiwa=reiwa)
    assert text(datetime(2019, 4, 30, 15, 7)) == ("令和元年5月1日 00:07" if reiwa else "2019年5月1日 00:07")
    assert text(None) is None
