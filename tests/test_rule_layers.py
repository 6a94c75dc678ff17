"""The layers of the check rules and standing exceptions, as pure functions (domain/rule_layers.py)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as hs

from sns_desk import resources
from sns_desk.domain import checks
from sns_desk.domain import rule_layers as rl
from sns_desk.domain.checks import Finding, Severity
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import Platform

CITY = json.loads(resources.path("rules", "kagoshima.json").read_text(encoding="utf-8"))
OFF, ACC = rl.LayerKind.OFFICE, rl.LayerKind.ACCOUNT


def test_lists_add_and_remove_scalars_override_dicts_merge() -> None:
    base = {"domains": ["a.jp", "b.jp"], "repetition": {"days": 14, "similarity": 0.9}, "name": "市"}
    layer = {"domains": {"add": ["c.jp", "A.JP"], "remove": ["b.jp"]}, "repetition": {"days": 7}}
    merged = rl.merge(base, layer)
    assert merged == {"domains": ["a.jp", "c.jp"], "repetition": {"days": 7, "similarity": 0.9}, "name": "市"}
    assert base["domains"] == ["a.jp", "b.jp"]  # the base is not changed
    assert rl.merge(base, {"domains": ["d.jp"]})["domains"] == ["a.jp", "b.jp", "d.jp"]  # a plain list adds


def test_merging_is_generic_over_keys_the_city_file_gains_later() -> None:
    base = {"token_rules": {"abuse": {"section": "§6(1)", "patterns": ["〜のくせに"]}}}
    layer = {"token_rules": {"abuse": {"patterns": {"remove": ["〜のくせに"], "add": ["〜はゴミ"]}}}}
    assert rl.problems(base, layer, OFF) == []
    assert rl.merge(base, layer)["token_rules"]["abuse"]["patterns"] == ["〜はゴミ"]


def test_a_new_word_list_is_shaped_like_its_siblings() -> None:
    layer = {"word_lists": {"local": {"section": "§6(1)", "label": "地域の配慮語", "words": ["例の語"]}}}
    assert rl.problems(CITY, layer, OFF) == []
    merged = rl.merge(CITY, layer)
    assert merged["word_lists"]["local"]["words"] == ["例の語"]
    bad = {"word_lists": {"local": {"wrds": ["例の語"]}}}
    assert rl.problems(CITY, bad, OFF) == ["「word_lists.local.wrds」という項目はほかの項目にありません。"]


@pytest.mark.parametrize(
    ("layer", "kind", "problem"),
    [
        ({"limits": {"x": {"max": 999}}}, OFF, "「limits」は市の規則ファイルでだけ決められます。"),
        ({"municipality": "別の市"}, OFF, "「municipality」は市の規則ファイルでだけ決められます。"),
        (
            {"shortner": ["x.gd"]},
            OFF,
            "「shortner」という項目は市の規則にありません（綴りを確かめてください）。",
        ),
        (
            {"shorteners": "spoti.fi"},
            OFF,
            '「shorteners」は [ … ] か {"add": […], "remove": […]} で書いてください。',
        ),
        ({"shorteners": [""]}, OFF, "「shorteners」に空の項目があります。"),
        ({"repetition": {"days": "七"}}, OFF, "「repetition.days」は数で書いてください。"),
        (
            {"shorteners": {"remove": ["spoti.fi"]}},
            ACC,
            "アカウントの追加で変えられるのは allowed_contacts・city_accounts・city_domains だけです（「shorteners」）。",
        ),
        (
            {"city_domains": {"remove": ["kagoshima.lg.jp"]}},
            ACC,
            "アカウントの追加では「city_domains」から取り除けません（課の規則で行います）。",
        ),
    ],
)
def test_each_invalid_layer_is_named(layer: dict[str, object], kind: rl.LayerKind, problem: str) -> None:
    assert rl.problems(CITY, layer, kind) == [problem]
    with pytest.raises(ValidationError, match="保存できません"):
        rl.validate(CITY, layer, kind)


def test_the_office_layer_fixes_the_issue_examples_and_an_account_adds_its_partner() -> None:
    office = {
        "shorteners": {"remove": ["spoti.fi"]},
        "city_domains": [
            "tenki.jp",
            "spoti.fi",
        ],  # a weather partner; spoti.fi: the city's podcast on Spotify
    }
    account = {
        "city_domains": ["kagoshima-kankou.example.jp"],
        "allowed_contacts": {"phones": ["099-216-1327"]},
    }
    assert rl.problems(CITY, office, OFF) == []
    merged = rl.merge(CITY, office)
    assert rl.problems(merged, account, ACC) == []
    rules = checks.RuleSet.from_dict(rl.merge(merged, account))
    text = (
        "友だち追加 https://spoti.fi/abc 動画 https://youtu.be/xyz 日本気象協会 https://tenki.jp/bosai/"
        " 県 https://www.pref.kagoshima.jp/ 協会 https://kagoshima-kankou.example.jp/ 電話 099-216-1327"
    )
    found = checks.run_checks(checks.Draft(Platform.FACEBOOK, text), rules)
    # youtu.be is no longer an error as a shortener; a video on YouTube is another site, so it still warns (§5(8))
    assert [(f.rule, f.severity, text[f.start : f.end]) for f in found] == [
        ("external_link", Severity.WARNING, "https://youtu.be/xyz")
    ]
    # the same text under the city's file alone: the errors and warnings the issue complains of
    before = {
        f.rule
        for f in checks.run_checks(checks.Draft(Platform.FACEBOOK, text), checks.RuleSet.from_dict(CITY))
    }
    assert before == {"shortener", "external_link", "phone"}


@given(hs.lists(hs.text(alphabet="abcd.", min_size=1, max_size=6), max_size=8))
def test_adding_then_removing_leaves_the_base(items: list[str]) -> None:
    base = {"shorteners": ["bit.ly"]}
    new = [i for i in items if i.strip() and rl._norm(i) != "bit.ly"]
    added = rl.merge(base, {"shorteners": new})
    assert rl.merge(added, {"shorteners": {"remove": new}}) == base


def test_parse_and_difference() -> None:
    assert rl.parse_layer("  ") == {}
    with pytest.raises(ValidationError, match="2 行"):
        rl.parse_layer('{\n "shorteners": [,]}')
    with pytest.raises(ValidationError, match="JSON オブジェクト"):
        rl.parse_layer("[1]")
    diff = rl.difference({"shorteners": ["a"]}, {"shorteners": ["a", "b"]}, "第1版", "編集中")
    assert diff[:2] == ["--- 第1版", "+++ 編集中"]
    assert '+    "b"' in diff
    assert rl.changed_keys({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == ["b", "c"]


BODY = "大雨の情報は https://tenki.jp/bosai/warning/ をご覧ください。"
LINK = Finding(
    "external_link", Severity.WARNING, 7, 38, "§5(8)", "市以外のサイト（tenki.jp）へのリンクです。"
)


def test_an_exception_covers_its_warning_until_its_expiry_and_never_an_error() -> None:
    assert rl.subject(LINK, BODY) == "tenki.jp"
    jma = rl.StandingException(1, "external_link", "tenki.jp", "日本気象協会の警報ページ", date(2026, 12, 31))
    assert rl.covers(jma, LINK, BODY, date(2026, 12, 31))
    assert not rl.covers(jma, LINK, BODY, date(2027, 1, 1))  # expired
    other = Finding("mention", Severity.WARNING, 7, 38, "§5(8)", "")
    assert not rl.covers(jma, other, BODY, date(2026, 12, 1))  # another rule
    error = Finding("external_link", Severity.ERROR, 7, 38, "§5(7)", "")
    assert not rl.covers(jma, error, BODY, date(2026, 12, 1))
    assert rl.exception_refusal(error) is not None and rl.exception_refusal(LINK) is None
    kept, excepted = rl.split_excepted([LINK, error], BODY, [jma], date(2026, 12, 1))
    assert kept == [error] and excepted == [(LINK, jma)]
    assert jma.label() == "例外（日本気象協会の警報ページ・2026-12-31 まで）"


def test_a_new_exception_needs_a_reason_and_a_near_expiry() -> None:
    today = date(2026, 11, 30)
    assert rl.exception_problems("external_link", "tenki.jp", "日本気象協会", date(2027, 3, 31), today) == []
    assert rl.exception_problems("external_link", "", " ", date(2026, 11, 29), today) == [
        "例外にする語句・ドメインを指定してください。",
        "例外にする理由を記入してください。",
        "期限は今日以降の日付にしてください。",
    ]
    assert rl.exception_problems("phone", "0992241111", "代表", date(2028, 1, 1), today) == [
        "期限は 1 年以内にしてください（見直してから延長します）。"
    ]
