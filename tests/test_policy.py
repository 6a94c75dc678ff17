"""運用ポリシー rules (§3(1), §5(9), §7(1)(2)): validation, operating hours, the schedule's text form."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from sns_desk.domain import policy as pol
from sns_desk.domain.policy import Handling, PolicyData


def complete(**overrides: object) -> PolicyData:
    data = PolicyData.office_hours(
        purpose="市政情報の発信",
        content="イベント、防災情報",
        contact_phone="099-224-1111",
        follow=Handling.DONT,
        repost=Handling.DONT,
        like=Handling.DONT,
        share=Handling.DONT,
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def test_a_complete_policy_has_no_problems() -> None:
    assert pol.validate(complete()) == []


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"purpose": " "}, "目的を入力してください（§3(1)ウ）"),
        ({"content": ""}, "掲載内容を入力してください（§3(1)ウ）"),
        ({"hours": {}}, "運用時間を1つ以上"),
        ({"hours": {0: [("8:30", "17:15")]}}, "08:30 のように"),
        ({"hours": {0: [("17:15", "08:30")]}}, "終了が開始より後"),
        (
            {"hours": {2: [("08:30", "12:00"), ("11:00", "17:00")]}},
            "水曜日の運用時間「08:30〜12:00」と「11:00〜17:00」が重なっています",
        ),
        ({"comment_policy": ""}, "コメント等への対応方法"),
        ({"comments_answered": False, "contact_phone": "", "contact_email": ""}, "§7(2)"),
        ({"contact_phone": "電話して"}, "電話番号「電話して」"),
        ({"contact_email": "kanko-at-city"}, "メールアドレス「kanko-at-city」"),
        ({"follow": None}, "「フォロー」の取り扱い"),
        ({"repost": None}, "「リポスト（共有）」の取り扱い"),
        ({"like": None}, "「いいね」の取り扱い"),
        ({"share": None}, "「シェア」の取り扱い"),
        ({"like": Handling.LIMITED, "handling_note": ""}, "その範囲を補足に"),
        ({"prohibited": ""}, "禁止事項を記載してください（§3(1)オ）"),
        ({"ip_rights": ""}, "知的財産権の帰属を記載してください（§3(1)カ）"),
        ({"disclaimer": ""}, "免責事項を記載してください（§3(1)キ）"),
        ({"published_url": "www.city.kagoshima"}, "https:// で始まる"),
    ],
)
def test_each_rule_reports_its_problem(overrides: dict[str, object], expected: str) -> None:
    problems = pol.validate(complete(**overrides))
    assert any(expected in p for p in problems), problems


def test_comments_answered_needs_no_contact() -> None:
    assert pol.validate(complete(comments_answered=True, contact_phone="", contact_email="")) == []


def test_limited_handling_with_a_note_is_fine() -> None:
    assert pol.validate(complete(repost=Handling.LIMITED, handling_note="市の関係機関の投稿に限る")) == []


@pytest.mark.parametrize(
    ("when", "within", "reason"),
    [
        (datetime(2026, 11, 24, 10, 0), True, ""),  # Tuesday
        (datetime(2026, 11, 24, 8, 29), False, "運用時間"),
        (datetime(2026, 11, 24, 17, 15), False, "運用時間"),  # the end is exclusive
        (datetime(2026, 11, 28, 10, 0), False, "（土）"),
        (datetime(2026, 11, 23, 10, 0), False, "祝日（勤労感謝の日）"),
        (datetime(2026, 11, 3, 10, 0), False, "祝日（文化の日）"),
        (datetime(2026, 12, 29, 10, 0), False, "年末年始"),
        (datetime(2027, 1, 4, 10, 0), True, ""),
    ],
)
def test_operating_hours_in_japan_time(when: datetime, within: bool, reason: str) -> None:
    result = pol.within_operating_hours(complete(), when.replace(tzinfo=pol.JST))
    assert result.within is within
    assert reason in result.reason


def test_operating_hours_convert_from_utc() -> None:
    from datetime import UTC

    utc_morning = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 10:00 in Kagoshima
    assert pol.within_operating_hours(complete(), utc_morning).within


def test_holidays_can_be_stated_as_open() -> None:
    data = complete(holidays_closed=False, hours={d: [("09:00", "17:00")] for d in range(7)})
    assert pol.within_operating_hours(data, pol.at_jst(date(2026, 11, 23), time(10, 0))).within


def test_hours_text_groups_days() -> None:
    data = complete(
        hours={
            0: [("08:30", "17:15")],
            1: [("08:30", "17:15")],
            2: [("08:30", "17:15")],
            5: [("10:00", "12:00"), ("13:00", "15:00")],
        }
    )
    assert pol.hours_text(data) == "月〜水 8:30〜17:15／土 10:00〜12:00、13:00〜15:00"


def test_parse_hours_reads_the_text_form() -> None:
    assert pol.parse_hours("月-金 8:30-17:15; 土 10:00-12:00,13:00-15:00") == {
        **{d: [("08:30", "17:15")] for d in range(5)},
        5: [("10:00", "12:00"), ("13:00", "15:00")],
    }
    with pytest.raises(ValueError, match="月-金 08:30-17:15"):
        pol.parse_hours("weekdays 9-5")


def test_policy_round_trips_through_json() -> None:
    data = complete(repost=Handling.LIMITED, handling_note="市の関係機関に限る")
    assert PolicyData.from_json(data.to_json()) == data


def test_municipality_defaults_fill_o_ka_ki() -> None:
    data = PolicyData.office_hours()
    assert "削除" in data.prohibited and "著作権" in data.ip_rights and "責任を負いません" in data.disclaimer
