"""Standing scopes' templates (§5(2)): fixed text exactly, typed slots, the reason when a body is not approved."""

from __future__ import annotations

from datetime import date

import pytest

from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import SlotKind

ASH = st.parse(
    "本日{日付}の桜島の降灰予報です。風向き: {風向}。降灰が予想される地域: {地域}。",
    [
        st.Slot("日付", SlotKind.DATE),
        st.Slot("風向", SlotKind.CHOICE, ("北", "北東", "東", "南東", "南", "南西", "西", "北西")),
        st.Slot("地域", SlotKind.TEXT, max_length=10),
    ],
)
GOOD = "本日11月30日の桜島の降灰予報です。風向き: 北東。降灰が予想される地域: 鹿児島市北部。"


def test_a_filled_template_is_approved_and_read_back() -> None:
    body = st.render(ASH, {"日付": "11月30日", "風向": "北東", "地域": "鹿児島市北部"})
    assert body == GOOD
    verdict = st.match(ASH, body)
    assert verdict.approved and verdict.reason == ""
    assert verdict.values == {"日付": "11月30日", "風向": "北東", "地域": "鹿児島市北部"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (GOOD.replace("桜島の", "桜島で"), "12文字目"),  # one character off outside a slot
        (GOOD.replace("。風向き", "、風向き"), "ひな形の固定の文字と違います"),
        (GOOD + "詳しくはこちら", "ひな形にない文字"),
        (GOOD.replace("11月30日", "あした"), "「日付」は日付"),  # wrong kind
        (GOOD.replace("11月30日", "2月30日"), "という日付はありません"),
        (GOOD.replace("北東", "北北東"), "選択肢"),
        (GOOD.replace("鹿児島市北部", "鹿児島市と霧島市と姶良市"), "10文字まで"),  # too long
        (GOOD.replace("鹿児島市北部", ""), "空です"),
    ],
)
def test_a_body_off_the_template_is_not_approved_and_says_why(body: str, reason: str) -> None:
    verdict = st.match(ASH, body)
    assert not verdict.approved
    assert reason in verdict.reason


def test_times_and_numbers() -> None:
    template = st.parse(
        "{時刻}現在の気温は{気温}度です。",
        [st.Slot("時刻", SlotKind.TIME), st.Slot("気温", SlotKind.NUMBER)],
    )
    assert st.match(template, "10時30分現在の気温は-1.5度です。").approved
    assert st.match(template, "9:05現在の気温は12度です。").approved
    assert "という時刻はありません" in st.match(template, "25時現在の気温は12度です。").reason
    assert "数値" in st.match(template, "9:05現在の気温は十二度です。").reason
    with pytest.raises(ValidationError, match="気温"):
        st.render(template, {"時刻": "10時", "気温": "暖かい"})


def test_a_template_that_cannot_be_read_back_one_way_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        st.parse(
            "{日付}{時刻}の{なし}お知らせ{色}",
            [
                st.Slot("日付", SlotKind.DATE),
                st.Slot("時刻", SlotKind.TIME),
                st.Slot("色", SlotKind.CHOICE),
                st.Slot("余り", SlotKind.TEXT, max_length=0),
            ],
        )
    message = refused.value.message
    for expected in ("間に固定の文字", "{なし} に対応する", "「色」の選択肢", "文字数の上限", "余り"):
        assert expected in message
    with pytest.raises(ValidationError, match="対応が取れていません"):
        st.parse("本日{日付の予報", [])


def test_slots_survive_json_and_give_a_sample() -> None:
    slots = st.slots_from_json(st.slots_to_json(ASH.slots))
    assert slots == ASH.slots
    today = date(2026, 11, 30)
    body = st.render(ASH, {s.name: st.sample_value(s, today) for s in slots})
    assert body.startswith("本日11月30日の桜島") and st.match(ASH, body).approved
