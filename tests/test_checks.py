"""The guideline checks (PRODUCT.md §4): one table per rule, with cases that must and must not trigger it."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from sns_desk.domain import checks, word_rules
from sns_desk.domain import policy as pol
from sns_desk.domain.checks import Draft, Severity
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import Platform

DATA = Path(__file__).parent / "data" / "twitter-text"


def conformance_cases() -> list[dict[str, object]]:
    suite = yaml.safe_load((DATA / "validate.yml").read_text(encoding="utf-8"))
    return list(suite["tests"]["WeightedTweetsWithDiscountedEmojiCounterTest"])


@pytest.mark.parametrize("case", conformance_cases(), ids=lambda c: str(c["description"]))
def test_x_weighted_length_matches_the_twitter_text_conformance_suite(case: dict[str, object]) -> None:
    expected = case["expected"]
    assert isinstance(expected, dict)
    counted = checks.count(Platform.X, str(case["text"]))
    assert counted.used == expected["weightedLength"]
    assert (not counted.over) == expected["valid"]


@pytest.mark.parametrize(
    ("text", "weighted", "valid"),
    [
        ("あ" * 140, 280, True),  # 140 Japanese characters fill a post
        ("あ" * 141, 282, False),
        (
            "お知らせ: 桜島の降灰予報 https://www.city.kagoshima.lg.jp/kurashi/bosai/kouhai.html",
            2 * 4 + 2 + 2 * 7 + 1 + 23,
            True,
        ),
        ("Kagoshima 鹿児島 2026", 10 + 6 + 5, True),  # mixed scripts: Latin weighs 1, kanji 2
        ("👨‍👩‍👧‍👦" * 140, 280, True),  # an emoji ZWJ sequence counts as one emoji (2)
        ("ｶﾀｶﾅ", 8, True),  # half-width katakana (U+FF00 block) weighs 2
        ("—“”‘’", 5, True),  # U+2010–201F punctuation weighs 1
    ],
)
def test_x_weighted_length_on_japanese_mixed_and_url_text(text: str, weighted: int, valid: bool) -> None:
    counted = checks.count(Platform.X, text)
    assert (counted.used, not counted.over) == (weighted, valid)


@pytest.mark.parametrize(
    ("platform", "text", "over"),
    [
        (Platform.INSTAGRAM, "あ" * 2200, False),
        (Platform.INSTAGRAM, "あ" * 2201, True),
        (Platform.THREADS, "a" * 500, False),
        (Platform.THREADS, "a" * 501, True),
        (Platform.LINE, "お" * 500, False),
        (Platform.LINE, "お" * 501, True),
        (Platform.YOUTUBE, "あ" * 1666, False),  # 4,998 bytes of UTF-8
        (Platform.YOUTUBE, "あ" * 1667, True),  # 5,001 bytes
        (Platform.FACEBOOK, "x" * 63206, False),
        (Platform.FACEBOOK, "x" * 63207, True),
    ],
)
def test_length_limits_per_platform(platform: Platform, text: str, over: bool) -> None:
    findings = checks.run_checks(Draft(platform, text))
    assert any(f.rule == "length" for f in findings) is over
    if over:
        finding = next(f for f in findings if f.rule == "length")
        assert finding.severity is Severity.ERROR and finding.end == len(text) and finding.start < len(text)


def rules_of(text: str, platform: Platform = Platform.X, **kwargs: object) -> dict[str, list[checks.Finding]]:
    found: dict[str, list[checks.Finding]] = {}
    for finding in checks.run_checks(Draft(platform, text, **kwargs)):  # type: ignore[arg-type]
        found.setdefault(finding.rule, []).append(finding)
    return found


CASES: list[tuple[str, str, bool, Severity]] = [
    # (rule, text, triggers?, severity)
    ("shortener", "詳しくは https://bit.ly/3abcDEF へ", True, Severity.ERROR),
    ("shortener", "詳しくは bit.ly/3abcDEF へ", True, Severity.ERROR),
    ("shortener", "詳しくは t.co/xyz へ", True, Severity.ERROR),
    ("shortener", "詳しくは https://www.city.kagoshima.lg.jp/kanko/ へ", False, Severity.ERROR),
    ("external_link", "協賛 https://www.example.com/event", True, Severity.WARNING),
    ("external_link", "市HP https://www.city.kagoshima.lg.jp/", False, Severity.WARNING),
    ("external_link", "観光サイト https://www.kagoshima-yokanavi.jp/", False, Severity.WARNING),
    ("mention", "@some_company さんのイベントです", True, Severity.WARNING),
    ("mention", "@kagoshima_kanko でも発信中", False, Severity.WARNING),
    ("mention", "問い合わせは info@example.jp へ", False, Severity.WARNING),  # an e-mail is not a mention
    ("phone", "担当 山田（090-1234-5678）まで", True, Severity.WARNING),
    ("phone", "代表 099-224-1111 まで", False, Severity.WARNING),  # the city's listed number
    ("email", "担当 yamada.taro@gmail.com まで", True, Severity.WARNING),
    ("my_number", "番号 1234 5678 9018 を確認", True, Severity.ERROR),
    ("my_number", "番号 1234 5678 9012 を確認", False, Severity.ERROR),  # wrong check digit
    ("secret", "【部外秘】来年度の計画", True, Severity.ERROR),
    ("secret", "取扱注意の資料より", True, Severity.ERROR),
    ("secret", "市の計画をお知らせします", False, Severity.ERROR),
    ("decision", "新庁舎の整備計画（案）について", True, Severity.WARNING),
    ("decision", "現在検討中の施策です", True, Severity.WARNING),
    ("decision", "イベントのご案内です", False, Severity.WARNING),  # 案内 is not 案
    ("words:誹謗中傷", "あいつは馬鹿だ", True, Severity.WARNING),
    ("words:差別", "外人お断り", True, Severity.WARNING),
    ("words:わいせつ", "アダルト動画", True, Severity.WARNING),
    ("words:差別", "お知らせ：押し花教室", False, Severity.WARNING),
    ("control", "改行\x00混入", True, Severity.ERROR),
    ("control", "改行\n普通", False, Severity.ERROR),
    ("empty", "   ", True, Severity.ERROR),
]


@pytest.mark.parametrize(
    ("rule", "text", "triggers", "severity"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_each_rule(rule: str, text: str, triggers: bool, severity: Severity) -> None:
    found = rules_of(text)
    assert (rule in found) is triggers, found
    if triggers:
        finding = found[rule][0]
        assert finding.severity is severity
        assert finding.section.startswith("§")
        assert finding.message
        assert 0 <= finding.start <= finding.end <= len(text)


def test_spans_point_at_the_offending_text() -> None:
    text = "詳細は https://bit.ly/abc です"
    [finding] = rules_of(text)["shortener"]
    assert text[finding.start : finding.end] == "https://bit.ly/abc"


def test_my_number_check_digit() -> None:
    assert checks.is_my_number("123456789018")
    assert not checks.is_my_number("123456789012")
    assert not checks.is_my_number("12345678901")


def test_threads_allows_at_most_five_links() -> None:
    links = " ".join(f"https://www.city.kagoshima.lg.jp/p{i}" for i in range(6))
    assert "links" in rules_of(links, Platform.THREADS)
    assert "links" not in rules_of(links.rsplit(" ", 1)[0], Platform.THREADS)


def test_youtube_description_forbids_angle_brackets() -> None:
    assert "forbidden_char" in rules_of("<b>告知</b>", Platform.YOUTUBE)
    assert "forbidden_char" not in rules_of("<b>告知</b>", Platform.X)


def office_policy() -> pol.PolicyData:
    return pol.PolicyData.office_hours(contact_phone="099-216-1327", contact_email="kanko@city.example.lg.jp")


@pytest.mark.parametrize(
    ("when", "emergency", "reason", "triggers"),
    [
        (datetime(2026, 11, 24, 10, 0, tzinfo=pol.JST), False, "", False),
        (datetime(2026, 11, 24, 22, 0, tzinfo=pol.JST), False, "", True),
        (datetime(2026, 11, 23, 10, 0, tzinfo=pol.JST), False, "", True),  # 勤労感謝の日
        (datetime(2026, 11, 24, 22, 0, tzinfo=pol.JST), True, "", True),  # the flag alone is not enough
        (datetime(2026, 11, 24, 22, 0, tzinfo=pol.JST), True, "大雨特別警報の発表のため", False),
    ],
)
def test_operating_hours(when: datetime, emergency: bool, reason: str, triggers: bool) -> None:
    found = rules_of(
        "避難所を開設しました",
        planned_at=when,
        emergency=emergency,
        emergency_reason=reason,
        policy=office_policy(),
    )
    assert ("hours" in found) is triggers
    if triggers:
        assert found["hours"][0].section == "§5(9)" and found["hours"][0].severity is Severity.ERROR


def test_the_accounts_own_contacts_are_not_personal_data() -> None:
    text = "お問い合わせ: 099-216-1327、kanko@city.example.lg.jp"
    assert not {"phone", "email"} & set(rules_of(text, policy=office_policy()))
    assert {"phone", "email"} <= set(rules_of(text))


def test_repetition_of_recent_posts() -> None:
    earlier = ["大雨警報が発表されています。不要不急の外出は控えてください。"]
    assert "repetition" in rules_of(
        "大雨警報が発表されています。不要不急の外出は控えてください！", recent_posts=earlier
    )
    assert "repetition" not in rules_of("桜まつりは3月28日から開催します。", recent_posts=earlier)


def test_rules_come_from_the_municipality_file() -> None:
    rules = checks.load_rules()
    assert rules.municipality == "鹿児島市"
    assert "bit.ly" in rules.shorteners and "city.kagoshima.lg.jp" in rules.city_domains
    assert [item[1] for item in rules.self_check] == [f"§6({i})" for i in range(1, 10)]


def test_another_city_adapts_the_rules_without_code() -> None:
    other = checks.RuleSet.from_dict(
        {
            "municipality": "架空市",
            "city_domains": ["city.kaku.lg.jp"],
            "shorteners": ["bit.ly"],
            "limits": {"x": {"kind": "twitter", "max": 280}},
        }
    )
    found = {
        f.rule
        for f in checks.run_checks(
            Draft(Platform.X, "https://www.city.kaku.lg.jp/ と https://www.city.kagoshima.lg.jp/"), other
        )
    }
    assert found == {"external_link"}


@pytest.mark.parametrize("text", ["受付番号 07408562", "ID a0740856212", "2026年11月26日 0時"])
def test_numbers_that_are_not_phone_numbers(text: str) -> None:
    assert "phone" not in rules_of(text)


@pytest.mark.parametrize("text", ["０９０－１２３４－５６７８", "(099)224-9999", "0120-123-456"])
def test_phone_numbers_in_other_forms(text: str) -> None:
    assert "phone" in rules_of(text)


# --- words matched as words (issue 15) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "燃やせるゴミの収集日が変わります",
        "ゴミ拾い活動にご参加ください",
        "夏のバカンスシーズン",
        "アホウドリの剥製展示",
        "アダルトワクチン（大人の予防接種）のご案内",
        "夏休み親子工作教室『秘密基地をつくろう』",
        "ごみはごみ袋に入れて出してください",
        "市民の皆さんはごみの分別にご協力ください",
        "鹿児島への旅行を検討中の方へ",
        "公然わいせつ事案が発生しました。ご注意ください。",
        "子どもの癖に気づいたら相談を",
        "それはゴミではなく資源です。これはゴミ箱へ",  # これ/それ are pronouns too, but not people
        "気象庁 https://www.jma.go.jp/bosai/ と県 https://www.pref.kagoshima.jp/ の情報",
        "霧島市 https://www.city-kirishima.lg.jp/ と共同開催",
    ],
)
def test_everyday_municipal_language_passes_cleanly(text: str) -> None:
    assert rules_of(text) == {}


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("あいつは馬鹿だ", "words:誹謗中傷", "馬鹿"),
        ("担当者はアホか", "words:誹謗中傷", "アホ"),
        ("お前らはクズだ", "words:誹謗中傷", "お前らはクズ"),
        ("市長はゴミだ", "words:誹謗中傷", "市長はゴミ"),
        ("あいつらゴミだな", "words:誹謗中傷", "あいつらゴミ"),
        ("ゴミ職員は辞めろ", "words:誹謗中傷", "ゴミ職員"),
        ("田中さんはゴミ", "words:誹謗中傷", "さんはゴミ"),
        ("さっさと消えろ", "words:誹謗中傷", "消えろ"),
        ("女のくせに生意気だ", "words:差別", "女のくせに"),
        ("障害者のクセに", "words:差別", "障害者のクセに"),
        ("アダルトサイトの広告", "words:わいせつ", "アダルト サイト".replace(" ", "")),
        ("これは秘密です", "secret_word", "秘密"),
        ("極秘の資料です", "secret_word", "極秘"),
    ],
)
def test_abuse_aimed_at_people_still_warns(text: str, rule: str, found: str) -> None:
    findings = rules_of(text)[rule]
    assert [text[f.start : f.end] for f in findings] == [found]
    assert all(f.severity is Severity.WARNING for f in findings)


def test_secret_alone_is_a_warning_while_the_markers_stay_errors() -> None:
    assert rules_of("秘密のお知らせ")["secret_word"][0].severity is Severity.WARNING
    assert "secret" not in rules_of("秘密のお知らせ")
    for marker in ["部外秘", "マル秘", "取扱注意", "取り扱い注意", "㊙"]:
        assert rules_of(f"{marker}の資料です")["secret"][0].severity is Severity.ERROR, marker


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("LINE公式アカウント https://lin.ee/AbCdEf", "external_link"),
        ("動画 https://youtu.be/abcDEF", "external_link"),
        ("https://www.jma.go.jp.evil-site.com/ で確認", "external_link"),  # a look-alike stays outside
    ],
)
def test_line_and_youtube_links_are_no_shorteners_and_look_alikes_still_warn(text: str, rule: str) -> None:
    found = rules_of(text)
    assert "shortener" not in found and rule in found


def test_a_rule_file_word_list_is_matched_on_the_field_it_names() -> None:
    def found(match: str, word: str, text: str) -> list[str]:
        rules = checks.RuleSet.from_dict(
            {"word_lists": {"w": {"label": "試験", "match": match, "words": [word]}}}
        )
        return [text[f.start : f.end] for f in checks.run_checks(Draft(Platform.OTHER, text), rules)]

    assert found("normalized", "阿呆", "あほだな") == ["あほ"]  # 正規化表記
    assert found("surface", "阿呆", "あほだな") == []
    assert found("lemma", "走る", "走った") == ["走っ"]
    assert found("surface", "役立たず", "この役立たずめ") == ["役立たず"]  # two tokens, matched as a run

    def pattern(text: str) -> list[str]:
        rules = checks.RuleSet.from_dict(
            {
                "word_lists": {
                    "w": {
                        "patterns": [
                            {
                                "tokens": [
                                    {"pos": "代名詞"},
                                    {"surface": "ら", "optional": True},
                                    {"surface": "は", "optional": True},
                                    {"surface": "ゴミ"},
                                ],
                                "unless_after": [[{"surface": "を"}]],
                            }
                        ]
                    }
                }
            }
        )
        return [text[f.start : f.end] for f in checks.run_checks(Draft(Platform.OTHER, text), rules)]

    assert pattern("お前はゴミだ") == ["お前はゴミ"]
    assert pattern("お前らゴミだ") == ["お前らゴミ"]  # optional tokens may be absent
    assert pattern("お前はゴミを出して") == []  # the context after the match makes it innocent


def test_a_malformed_word_list_is_explained() -> None:
    with pytest.raises(ValueError, match="match"):
        checks.RuleSet.from_dict({"word_lists": {"w": {"match": "spelling", "words": ["x"]}}})
    rules = checks.RuleSet.from_dict({"word_lists": {"w": {"patterns": [{"tokens": [{"colour": "red"}]}]}}})
    with pytest.raises(ValidationError, match=r"word_lists\.w\[0\]\.tokens\[0\]: 不明な項目「colour」"):
        checks.validate_word_lists(rules)
    with pytest.raises(ValidationError, match="colour"):
        checks.run_checks(Draft(Platform.OTHER, "赤"), rules)
    checks.validate_word_lists(checks.load_rules())  # the shipped file is well formed


def test_loading_the_rules_does_not_load_the_analyser() -> None:
    """Start-up stays fast: the analyser is imported only when the first check runs."""
    code = (
        "import sys; from sns_desk.domain import checks; checks.load_rules(); "
        "print('fugashi' in sys.modules, end=' '); "
        "checks.run_checks(checks.Draft(checks.Platform.X, 'テスト')); print('fugashi' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False True"


def test_a_very_long_body_is_analysed_in_pieces() -> None:
    text = ("燃やせるゴミは月曜日です。\n" * 6000) + "あいつは馬鹿だ"
    assert len(text) > 2 * word_rules.CHUNK  # analysed in several pieces
    [finding] = rules_of(text, Platform.OTHER)["words:誹謗中傷"]
    assert text[finding.start : finding.end] == "馬鹿"


def test_hours_without_a_planned_time_are_judged_at_the_moment_of_acting() -> None:
    from sns_desk.domain.hours import HoursState, verdict_now

    policy = office_policy()
    monday_night = datetime(2026, 11, 30, 22, 0, tzinfo=pol.JST)
    tuesday_morning = datetime(2026, 12, 1, 10, 0, tzinfo=pol.JST)
    assert verdict_now(policy, None, monday_night, False, "").state is HoursState.OUTSIDE
    assert verdict_now(policy, None, tuesday_morning, False, "").state is HoursState.WITHIN
    assert (
        verdict_now(policy, tuesday_morning, monday_night, False, "").state is HoursState.WITHIN
    )  # planned wins
    assert verdict_now(policy, None, monday_night, True, "大雨特別警報").state is HoursState.EMERGENCY
    assert verdict_now(None, None, monday_night, False, "").state is HoursState.NO_POLICY


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("返信：ﾊﾞｶじゃないの？", "ﾊﾞｶ"),  # half-width kana: analysed as 「バカ」, shown as written
        ("お前はｸｽﾞだ", "お前はｸｽﾞ"),
        ("ＤＶＤを見て、あいつはバカだと思った", "バカ"),
    ],
)
def test_words_written_in_half_width_or_full_width_are_found_where_they_are_written(
    text: str, found: str
) -> None:
    [finding] = rules_of(text)["words:誹謗中傷"]
    assert text[finding.start : finding.end] == found


def test_a_missing_dictionary_is_explained_in_japanese(monkeypatch: pytest.MonkeyPatch) -> None:
    from sns_desk.domain import word_rules

    monkeypatch.setitem(sys.modules, "fugashi", None)  # as in an install that lost the package
    word_rules._tokenizer.cache_clear()
    try:
        with pytest.raises(word_rules.AnalyserMissingError, match="SNS Desk を入れ直してください"):
            checks.run_checks(Draft(Platform.X, "桜島の降灰予報"))
    finally:
        word_rules._tokenizer.cache_clear()


# --- gaps found by the held-out corpus (tests/data/check-corpus/heldout/, docs/checks.md) --------------------------


@pytest.mark.parametrize(
    ("text", "rule", "triggers"),
    [
        ("連絡先：+81-99-216-9999（海外から）", "phone", True),  # the international form of a 099 number
        ("連絡先：＋81 90 1234 5678", "phone", True),
        (
            "代表：+81-99-224-1111",
            "phone",
            False,
        ),  # the 代表番号 in its international form is still the city's
        ("連絡先：099‐216‐8888", "phone", True),  # U+2010 hyphens, as pasted from a word processor
        ("連絡先：099−216−8888", "phone", True),  # U+2212 minus
        (
            "問い合わせ：suzuki.taro [at] example.jp",
            "email",
            True,
        ),  # a person's address written to dodge bots
        ("問い合わせ：suzuki.taro(at)example.jp", "email", True),
        ("問い合わせ：suzuki＠example.jp", "email", True),
        (
            "お知らせ https://www.city.kagoshima.lg.jp@phish.example.com/news",
            "email",
            False,
        ),  # a link, not an address
        ("お知らせ https://www.city.kagoshima.lg.jp@phish.example.com/news", "external_link", True),
        ("出演者のリハーサル日程（関係者外秘）", "secret", True),  # 〜外秘 in every office's wording
        ("取扱い注意の資料", "secret", True),
        ("水道料金を値上げする方向で調整しています。", "decision", True),  # the verb, not only 「調整中」
        ("一方通行化を検討しています。", "decision", True),
        ("旅行を検討している方へ、観光パンフレットをお送りします。", "decision", False),
        ("キャラクターは○○に決まりそうです。", "decision", True),
        ("跡地の活用策は、まだ決まっていませんが", "decision", True),
        (
            "「経営計画（素案）」へのご意見を募集しています（パブリックコメント）。",
            "decision",
            False,
        ),  # §6(8) 除く
        ("まだ公表前の数字なのでここだけの話にしてください。", "secret_word", True),
        ("地元シェフ直伝の極秘レシピを公開", "secret_word", False),
        ("今月のおすすめ本：『秘密の花園』", "secret_word", False),  # a title names a book
        ("この計画は秘密の花園です。", "secret_word", True),
        ("返信：ばーか", "words:誹謗中傷", True),  # normalised: ばーか, ﾊﾞｶ → 馬鹿/バカ
        ("返信：ﾊﾞｶじゃないの？", "words:誹謗中傷", True),
        ("バカ貝（アオヤギ）の展示", "words:誹謗中傷", False),  # a shellfish
        ("返信：しねばいいのに。", "words:誹謗中傷", True),
        ("あの運転士、ほんとノロマで使えない。", "words:誹謗中傷", True),
        (
            "「ノロマ」「給料泥棒」などの言葉で、運転士は傷ついています。",
            "words:誹謗中傷",
            False,
        ),  # words named
        ("保育士の給料泥棒みたいな人", "words:誹謗中傷", True),
        ("バス停でタバコを吸うジジイどもは", "words:誹謗中傷", True),
        ("今年の新人は使えない低能ばかりだ。", "words:誹謗中傷", True),
        ("クズの葉と花は秋の七草です。", "words:誹謗中傷", False),  # the plant 葛
        ("キチガイじみた暑さ", "words:差別", True),
        ("老害と呼ばれるような高齢ドライバー", "words:差別", True),
        ("生活保護を受けてるくせに", "words:差別", True),
        ("ヌード写真の撮影は禁止です。", "words:わいせつ", True),
        ("市立美術館でヌードデッサンの作品を展示", "words:わいせつ", False),
    ],
)
def test_gaps_found_by_the_held_out_corpus(text: str, rule: str, triggers: bool) -> None:
    assert (rule in rules_of(text)) == triggers, rules_of(text)
