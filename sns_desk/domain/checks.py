"""Guideline checks on a draft (PRODUCT.md §4), driven by the municipality's rule file in ``sns_desk/resources/rules/``.

Each finding carries a severity (an error blocks submission, a warning needs the author's reason), the span of
text it concerns, the guideline section it comes from and a Japanese explanation.  X's weighted length is counted
by twitter-text-parser, an implementation of X's published twitter-text v3 rules (checked against X's own
conformance cases in the tests).
"""

from __future__ import annotations

import difflib
import enum
import json
import re
import unicodedata
import warnings as pywarnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sns_desk import resources
from sns_desk.domain import policy as pol
from sns_desk.domain import word_rules
from sns_desk.domain.hours import verdict
from sns_desk.domain.vocabulary import Platform


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "エラー" if self is Severity.ERROR else "注意"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    start: int  # code point offsets into the body (Python str indices)
    end: int
    section: str  # the guideline section, e.g. "§5(7)"
    message: str  # Japanese

    @property
    def key(self) -> str:
        """Identifies the finding across small edits, for remembering the author's reason for a warning."""
        return f"{self.rule}:{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "section": self.section,
            "message": self.message,
        }


@dataclass(frozen=True)
class WordList:
    """One list of the rule file's ``word_lists``: words and token patterns, matched as words (domain/word_rules)."""

    section: str
    label: str
    words: tuple[
        Any, ...
    ]  # the entries as written (frozen by word_rules.freeze), compiled at the first check
    rule: str = ""  # the finding's rule id; "words:<label>" unless the list names one
    severity: Severity = Severity.WARNING
    match: str = "normalized"  # which form of a token a plain word is compared with
    message: str = ""  # the finding's message; {word} is the text found, {label} the label
    name: str = ""  # the list's key in the rule file

    @property
    def rule_id(self) -> str:
        return self.rule or f"words:{self.label}"

    def spans(self, tokens: Sequence[word_rules.Token]) -> list[tuple[int, int]]:
        found = word_rules.find_all(
            word_rules.compiled(self.words, self.match, f"word_lists.{self.name}"), tokens
        )
        # one finding for 「お前らはクズ」, not a second one for the 「クズ」 inside it
        return sorted(a for a in found if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in found))

    @classmethod
    def from_dict(cls, name: str, data: dict[str, Any]) -> WordList:
        match = str(data.get("match", "normalized"))
        if match not in ("surface", "normalized", "lemma"):
            raise word_rules.RuleFileError(
                f"word_lists.{name}.match", "surface, normalized, lemma のいずれかを指定してください。"
            )
        entries = [*data.get("words", []), *data.get("patterns", [])]
        return cls(
            section=str(data.get("section", "§6")),
            label=str(data.get("label", name)),
            words=tuple(word_rules.freeze(e) for e in entries),
            rule=str(data.get("rule", "")),
            severity=Severity(str(data.get("severity", "warning"))),
            match=match,
            message=str(data.get("message", "")),
            name=name,
        )


def _at(match: re.Match[str], rule: str, severity: Severity, section: str, message: str) -> Finding:
    """A finding on the text ``match`` found."""
    return Finding(rule, severity, match.start(), match.end(), section, message)


@dataclass(frozen=True)
class RuleSet:
    municipality: str
    city_domains: tuple[str, ...]
    city_accounts: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    shorteners: tuple[str, ...]
    public_domains: tuple[str, ...]  # national and prefectural government sites: linked without a warning
    secret_markers: tuple[str, ...]
    decision_markers: tuple[str, ...]
    consultation_markers: tuple[str, ...]  # the city asks for opinions: §6(8) does not apply to the post
    word_lists: tuple[WordList, ...]
    repetition_days: int
    repetition_similarity: float
    limits: dict[str, dict[str, Any]]
    self_check: tuple[tuple[str, str, str], ...]  # (id, section, text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RuleSet:
        contacts = data.get("allowed_contacts", {})
        repetition = data.get("repetition", {})
        return cls(
            municipality=str(data.get("municipality", "")),
            city_domains=tuple(d.lower() for d in data.get("city_domains", [])),
            city_accounts=tuple(a.lower() for a in data.get("city_accounts", [])),
            phones=tuple(_digits(p) for p in contacts.get("phones", [])),
            emails=tuple(e.lower() for e in contacts.get("emails", [])),
            shorteners=tuple(s.lower() for s in data.get("shorteners", [])),
            public_domains=tuple(d.lower() for d in data.get("public_domains", [])),
            secret_markers=tuple(data.get("secret_markers", [])),
            decision_markers=tuple(data.get("decision_markers", [])),
            consultation_markers=tuple(data.get("consultation_markers", [])),
            word_lists=tuple(WordList.from_dict(k, v) for k, v in data.get("word_lists", {}).items()),
            repetition_days=int(repetition.get("days", 14)),
            repetition_similarity=float(repetition.get("similarity", 0.9)),
            limits=dict(data.get("limits", {})),
            self_check=tuple(
                (str(i["id"]), str(i["section"]), str(i["text"])) for i in data.get("self_check", [])
            ),
        )

    def with_contacts(self, phones: Sequence[str], emails: Sequence[str]) -> RuleSet:
        """The rules plus one account's own contacts (its policy's phone and e-mail are not personal data)."""
        from dataclasses import replace

        return replace(
            self,
            phones=self.phones + tuple(_digits(p) for p in phones if p),
            emails=self.emails + tuple(e.lower() for e in emails if e),
        )


@cache
def load_rules(name: str = "kagoshima") -> RuleSet:
    path: Path = resources.path("rules", f"{name}.json")
    return RuleSet.from_dict(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class Draft:
    """What the checks look at."""

    platform: Platform
    body: str
    planned_at: datetime | None = None
    emergency: bool = False
    emergency_reason: str = ""
    policy: pol.PolicyData | None = None
    # the same account's recent posts, read only for a person who may see them (the repetition finding says how
    # alike the texts are, so it must never answer about text the writer may not read)
    recent_posts: Sequence[str] = field(default_factory=tuple)


# --- counting ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Count:
    used: int
    limit: int | None
    unit: str  # Japanese: 文字, バイト
    over_from: int | None = None  # code point offset where the text starts to exceed the limit

    @property
    def over(self) -> bool:
        return self.limit is not None and self.used > self.limit

    def text(self) -> str:
        if self.limit is None:
            return f"{self.used:,} {self.unit}"
        return f"{self.used:,} / {self.limit:,} {self.unit}"


@cache
def twitter_text() -> Any:
    """twitter-text, imported on first use (its emoji tables take 0.2 s to load).  It reads them through
    pkg_resources, whose deprecation warning is its business, not the user's."""
    import importlib

    with pywarnings.catch_warnings():
        pywarnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
        return importlib.import_module("twitter_text")


def _twitter_parser() -> Callable[[str], Any]:
    parse: Callable[[str], Any] = twitter_text().parse_tweet
    return parse


def count(platform: Platform, body: str, rules: RuleSet | None = None) -> Count:
    """The platform's own way of counting the body (PRODUCT.md §4)."""
    rules = rules or load_rules()
    limit = rules.limits.get(platform.value, {"kind": "none"})
    kind = limit.get("kind", "none")
    maximum = int(limit.get("max") or 0)
    text = unicodedata.normalize("NFC", body)
    if kind == "twitter":
        parse_tweet = _twitter_parser()

        parsed = parse_tweet(text)
        over_from = parsed.validRangeEnd + 1 if not parsed.valid and parsed.weightedLength > maximum else None
        return Count(parsed.weightedLength, maximum, "（X換算）", over_from)
    if kind == "utf8_bytes":
        used = len(text.encode("utf-8"))
        over_from = None
        if used > maximum:
            total = 0
            for i, ch in enumerate(text):
                total += len(ch.encode("utf-8"))
                if total > maximum:
                    over_from = i
                    break
        return Count(used, maximum, "バイト", over_from)
    if kind == "characters":
        used = len(text)
        return Count(used, maximum, "文字", maximum if used > maximum else None)
    return Count(len(text), None, "文字")


# --- the checks ---------------------------------------------------------------------------------------------------

_DASH = "-－ー‐‑‒–—―−"  # hyphens as typed and pasted: ASCII, full-width, 長音符, U+2010-2015, minus U+2212
PHONE_RE = re.compile(
    rf"(?<![\d０-９A-Za-z+＋])(?:(?:[+＋]81[{_DASH}\s]?(?:\(0\)|（0）)?|[0０])[\d０-９]{{1,4}}[{_DASH}(（)）\s]?"
    rf"[\d０-９]{{1,4}}[{_DASH})）\s]?[\d０-９]{{3,4}})(?![\d０-９A-Za-z])"
)
# an address as written, also with ＠ or [at]/(at) for @ (a person's address disguised is still a person's address);
# it starts where a run of address characters starts, so a long run without "@" is read once, not once per character
EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+(?:@|＠|\s?[\[(（]at[\])）]\s?)[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"
)
_AT_RE = re.compile(r"＠|\s?[\[(（]at[\])）]\s?")
TWELVE_DIGITS_RE = re.compile(
    r"(?<![\d０-９A-Za-z])[\d０-９]{4}[\s\-－]?[\d０-９]{4}[\s\-－]?[\d０-９]{4}(?![\d０-９A-Za-z])"
)
TITLE_RE = re.compile(r"『[^『』\n]{1,60}』")  # the title of a book, a film, a workshop
MENTION_RE = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z0-9_]{1,30}")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


def is_my_number(digits: str) -> bool:
    """個人番号 (My Number): 12 digits whose last is the check digit of the first 11 (番号法施行令 第8条).

    One digit repeated (「0000 0000 0000」, the placeholder of a 記入例) is never issued, though its check digit fits.
    """
    if len(digits) != 12 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    body = [int(d) for d in digits[:11]]
    total = 0
    for n in range(1, 12):  # n = 1 is the digit just before the check digit
        p = body[11 - n]
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == int(digits[11])


def _host(url: str) -> str:
    target = url if "://" in url else f"http://{url}"
    try:
        return (urlsplit(target).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def _matches_domain(host: str, domains: Sequence[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def run_checks(draft: Draft, rules: RuleSet | None = None) -> list[Finding]:
    """All findings for a draft, in text order (errors first where they overlap)."""
    rules = rules or load_rules()
    if draft.policy is not None:
        rules = rules.with_contacts([draft.policy.contact_phone], [draft.policy.contact_email])
    body = unicodedata.normalize("NFC", draft.body)
    findings: list[Finding] = []
    add = findings.append

    if not body.strip():
        add(Finding("empty", Severity.ERROR, 0, 0, "§5(5)", "本文が空です。"))
    for match in CONTROL_RE.finditer(body):
        add(
            _at(
                match,
                "control",
                Severity.ERROR,
                "§5(5)",
                "本文に表示されない制御文字が含まれています。貼り付け元の書式を取り除いてください。",
            )
        )

    counted = count(draft.platform, body, rules)
    if counted.over:
        start = counted.over_from if counted.over_from is not None else len(body)
        add(
            Finding(
                "length",
                Severity.ERROR,
                start,
                len(body),
                "§5(5)",
                f"{draft.platform.label} の上限を超えています（{counted.text()}）。",
            )
        )
    limit = rules.limits.get(draft.platform.value, {})
    for ch in str(limit.get("forbidden", "")):
        for i, c in enumerate(body):
            if c == ch:
                add(
                    Finding(
                        "forbidden_char",
                        Severity.ERROR,
                        i,
                        i + 1,
                        "§5(5)",
                        f"{draft.platform.label} では「{ch}」を使えません。",
                    )
                )

    urls = twitter_text().extract_urls_with_indices(body)
    if "max_links" in limit and len(urls) > int(limit["max_links"]):
        extra = urls[int(limit["max_links"])]["indices"]
        add(
            Finding(
                "links",
                Severity.ERROR,
                extra[0],
                len(body),
                "§5(5)",
                f"{draft.platform.label} のリンクは {limit['max_links']} 件までです（{len(urls)} 件）。",
            )
        )
    for item in urls:
        start, end = item["indices"]
        host = _host(item["url"])
        if _matches_domain(host, rules.shorteners):
            add(
                Finding(
                    "shortener",
                    Severity.ERROR,
                    start,
                    end,
                    "§5(7)",
                    f"短縮URL（{host}）は使えません。本来の URL を記載してください。",
                )
            )
        elif host and not _matches_domain(host, rules.city_domains + rules.public_domains):
            add(
                Finding(
                    "external_link",
                    Severity.WARNING,
                    start,
                    end,
                    "§5(8)",
                    f"市以外のサイト（{host}）へのリンクです。市がその内容を認めたと受け取られるおそれがあります。",
                )
            )
    for match in MENTION_RE.finditer(body):
        if match.group(0).lower() not in rules.city_accounts and not any(
            s <= match.start() < e for s, e in (u["indices"] for u in urls)
        ):
            add(
                _at(
                    match,
                    "mention",
                    Severity.WARNING,
                    "§5(8)",
                    f"市以外のアカウント（{match.group(0)}）への言及・引用です。慎重に判断してください。",
                )
            )

    taken: list[tuple[int, int]] = []
    for match in TWELVE_DIGITS_RE.finditer(body):
        if is_my_number(_digits(match.group(0))):
            taken.append(match.span())
            add(
                _at(
                    match,
                    "my_number",
                    Severity.ERROR,
                    "§6(5)",
                    "個人番号（マイナンバー）と思われる12桁の番号が含まれています。",
                )
            )
    for match in PHONE_RE.finditer(body):
        if any(s <= match.start() < e for s, e in taken) or any(
            s <= match.start() < e for s, e in (u["indices"] for u in urls)
        ):
            continue
        digits = _digits(match.group(0))
        if match.group(0)[0] in "+＋":  # +81 99-216-1111 is 099-216-1111
            digits = "0" + digits[2:].removeprefix("0")
        if len(digits) not in (10, 11):  # Japanese numbers: 10 digits (fixed), 11 (mobile, 0120/0570 ...)
            continue
        if digits not in rules.phones:
            add(
                _at(
                    match,
                    "phone",
                    Severity.WARNING,
                    "§5(6), §6(5)",
                    f"電話番号「{match.group(0)}」は、このアカウントの問い合わせ先として登録されていません。個人の番号ではありませんか。",
                )
            )
    for match in EMAIL_RE.finditer(body):
        if any(s <= match.start() < e for s, e in (u["indices"] for u in urls)):
            continue  # https://www.city.kagoshima.lg.jp@evil.example/ is a link (外部リンク), not an address
        if _AT_RE.sub("@", match.group(0)).lower() not in rules.emails:
            add(
                _at(
                    match,
                    "email",
                    Severity.WARNING,
                    "§5(6), §6(5)",
                    f"メールアドレス「{match.group(0)}」は、このアカウントの問い合わせ先として登録されていません。個人のアドレスではありませんか。",
                )
            )
    markers = (
        (
            rules.secret_markers,
            "secret",
            Severity.ERROR,
            "§6(5)",
            "職務上知り得た秘密を含む情報は発信できません。",
        ),
        (
            rules.decision_markers,
            "decision",
            Severity.WARNING,
            "§6(8)",
            "重要施策の意思形成過程の情報ではありませんか。",
        ),
    )
    # §6(8) 「鹿児島市が積極的に意見等を求める場合を除く」: a post asking for opinions (パブリックコメント) may show a 素案
    consulting = any(marker in body for marker in rules.consultation_markers)
    for listed, rule, severity, section, why in markers:
        if rule == "decision" and consulting:
            continue
        for marker in listed:
            for match in re.finditer(re.escape(marker), body):
                add(_at(match, rule, severity, section, f"「{marker}」とあります。{why}"))
    tokens = word_rules.tokenize(body) if rules.word_lists and body.strip() else []
    titles = [m.span() for m in TITLE_RE.finditer(body)]
    for words in rules.word_lists:
        if words.rule_id == "decision" and consulting:
            continue
        for start, end in words.spans(tokens):
            if any(s < start and end < e for s, e in titles):
                continue  # a word of a title (『秘密の花園』, 『バカの壁』) names a book or a film; it says nothing of anyone
            word = body[start:end]
            template = words.message or "「{word}」は{label}と受け取られるおそれがあります。"
            add(
                Finding(
                    words.rule_id,
                    words.severity,
                    start,
                    end,
                    words.section,
                    template.format(word=word, label=words.label),
                )
            )

    if draft.planned_at is not None and draft.policy is not None:
        hours = verdict(draft.policy, draft.planned_at, draft.emergency, draft.emergency_reason)
        if hours.blocks:
            add(
                Finding(
                    "hours",
                    Severity.ERROR,
                    0,
                    0,
                    "§5(9)",
                    hours.reason + "緊急の場合は「緊急」にして理由を記入してください。",
                )
            )

    for earlier in draft.recent_posts:
        ratio = difflib.SequenceMatcher(None, body, unicodedata.normalize("NFC", earlier)).ratio()
        if body.strip() and ratio >= rules.repetition_similarity:
            add(
                Finding(
                    "repetition",
                    Severity.WARNING,
                    0,
                    len(body),
                    "§5(5)",
                    f"最近の投稿とほぼ同じ内容です（一致度 {ratio:.0%}）。同じ内容の繰り返しは、"
                    "SNS 側でアカウントが凍結される原因になります。",
                )
            )
            break

    findings.sort(key=lambda f: (f.start, f.severity is not Severity.ERROR, f.end))
    return findings


def validate_word_lists(rules: RuleSet) -> None:
    """Analyses every word and pattern of the rules now (loading the analyser), so a malformed list is refused where
    it is edited instead of at the next check (raises :class:`word_rules.RuleFileError`)."""
    for words in rules.word_lists:
        word_rules.compiled(words.words, words.match, f"word_lists.{words.name}")


def errors(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def warnings(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.WARNING]
