"""運用ポリシー (§3(1)ア–キ) as plain data: validation, operating hours, the published text and diffs.

Pure logic, no database: the services store versions of :class:`PolicyData`; the post checks ask
:func:`within_operating_hours`.
"""

from __future__ import annotations

import difflib
import html
import itertools
import json
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sns_desk import resources
from sns_desk.domain.japan_time import JST as JST  # where the lists read it (they need no policy rules)
from sns_desk.domain.vocabulary import Labelled

WEEKDAYS = ("月", "火", "水", "木", "金", "土", "日")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^[0-9０-９()（）+\-－ ]{6,30}$")


class Handling(Labelled):
    """How the account deals with follow / repost / like / share (§7(1))."""

    DO = "do", "行う"
    DONT = "dont", "行わない"
    LIMITED = "limited", "限定して行う"


HANDLING_ITEMS: dict[str, str] = {
    "follow": "フォロー",
    "repost": "リポスト（共有）",
    "like": "いいね",
    "share": "シェア",
}


@dataclass
class PolicyData:
    """One version of an account's 運用ポリシー.  ア and イ come from the account itself."""

    purpose: str = ""  # ウ 目的
    content: str = ""  # ウ 掲載内容
    # エ 運用方法: weekday (0 = Monday) -> [(start, end)] as "HH:MM"
    hours: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    holidays_closed: bool = True
    year_end_closed: bool = True  # 12月29日〜1月3日
    hours_note: str = "災害時など緊急の場合は、運用時間外にも発信することがあります。"
    comments_answered: bool = False  # §7(1)
    comment_policy: str = ""
    contact_phone: str = ""  # §7(2): required (or e-mail) when comments are not answered
    contact_email: str = ""
    follow: Handling | None = None  # §7(1)
    repost: Handling | None = None
    like: Handling | None = None
    share: Handling | None = None
    handling_note: str = ""
    prohibited: str = ""  # オ
    ip_rights: str = ""  # カ
    disclaimer: str = ""  # キ
    published_url: str = ""  # where the policy is on the city homepage (§3(3)イ)

    # -- storage

    def to_json(self) -> str:
        data = asdict(self)
        data["hours"] = {str(day): [list(span) for span in spans] for day, spans in self.hours.items()}
        for key in HANDLING_ITEMS:
            value = getattr(self, key)
            data[key] = value.value if value else None
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> PolicyData:
        raw: dict[str, Any] = json.loads(text)
        known = {f.name for f in fields(cls)}
        data = {k: v for k, v in raw.items() if k in known}
        data["hours"] = {
            int(day): [(str(a), str(b)) for a, b in spans] for day, spans in (raw.get("hours") or {}).items()
        }
        for key in HANDLING_ITEMS:
            data[key] = Handling(raw[key]) if raw.get(key) else None
        return cls(**data)

    @classmethod
    def office_hours(cls, **overrides: Any) -> PolicyData:
        """Weekdays 8:30–17:15 (a city office's hours), with the municipality's default texts."""
        defaults = municipality_defaults()
        base = cls(
            hours={d: [("08:30", "17:15")] for d in range(5)},
            prohibited=defaults.get("prohibited", ""),
            ip_rights=defaults.get("ip_rights", ""),
            disclaimer=defaults.get("disclaimer", ""),
            comment_policy=defaults.get("comment_policy_off", ""),
        )
        for key, value in overrides.items():
            setattr(base, key, value)
        return base


@cache
def municipality_defaults(name: str = "kagoshima") -> dict[str, str]:
    path = resources.path("rules", f"{name}.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    defaults = data.get("policy_defaults", {})
    return {str(k): str(v) for k, v in defaults.items()}


# --- validation -------------------------------------------------------------------------------------------------


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def validate(policy: PolicyData) -> list[str]:
    """Everything that keeps this version from being approved, in Japanese, with the guideline's section."""
    problems: list[str] = []
    if not policy.purpose.strip():
        problems.append("情報発信の目的を入力してください（§3(1)ウ）。")
    if not policy.content.strip():
        problems.append("掲載内容を入力してください（§3(1)ウ）。")
    if not any(policy.hours.values()):
        problems.append("運用時間を1つ以上設定してください（§3(1)エ、§5(9)）。")
    for day, spans in sorted(policy.hours.items()):
        if day not in range(7):
            problems.append(f"運用時間の曜日 {day} が正しくありません。")
            continue
        ordered = []
        for start, end in spans:
            if not TIME_RE.match(start) or not TIME_RE.match(end):
                problems.append(
                    f"{WEEKDAYS[day]}曜日の運用時間「{start}〜{end}」は 08:30 のように入力してください。"
                )
                continue
            if _minutes(start) >= _minutes(end):
                problems.append(
                    f"{WEEKDAYS[day]}曜日の運用時間「{start}〜{end}」は、終了が開始より後になるようにしてください。"
                )
                continue
            ordered.append((_minutes(start), _minutes(end), start, end))
        ordered.sort()
        for (_s1, e1, a1, b1), (s2, _e2, a2, b2) in itertools.pairwise(ordered):
            if s2 < e1:
                problems.append(
                    f"{WEEKDAYS[day]}曜日の運用時間「{a1}〜{b1}」と「{a2}〜{b2}」が重なっています。"
                )
    if not policy.comment_policy.strip():
        problems.append("コメント等への対応方法を記載してください（§3(1)エ、§7(1)）。")
    if not policy.comments_answered and not (policy.contact_phone.strip() or policy.contact_email.strip()):
        problems.append(
            "コメントに対応しない場合は、問い合わせ先の電話番号またはメールアドレスを指定してください（§7(2)）。"
        )
    if policy.contact_phone.strip() and not PHONE_RE.match(policy.contact_phone.strip()):
        problems.append(f"問い合わせ先の電話番号「{policy.contact_phone}」の形式が正しくありません。")
    if policy.contact_email.strip() and not EMAIL_RE.match(policy.contact_email.strip()):
        problems.append(f"問い合わせ先のメールアドレス「{policy.contact_email}」の形式が正しくありません。")
    for key, label in HANDLING_ITEMS.items():
        if getattr(policy, key) is None:
            problems.append(
                f"「{label}」の取り扱い（行う・行わない・限定して行う）を選んでください（§7(1)）。"
            )
    if (
        any(getattr(policy, key) is Handling.LIMITED for key in HANDLING_ITEMS)
        and not policy.handling_note.strip()
    ):
        problems.append("「限定して行う」を選んだ場合は、その範囲を補足に記載してください（§7(1)）。")
    if not policy.prohibited.strip():
        problems.append("禁止事項を記載してください（§3(1)オ）。")
    if not policy.ip_rights.strip():
        problems.append("知的財産権の帰属を記載してください（§3(1)カ）。")
    if not policy.disclaimer.strip():
        problems.append("免責事項を記載してください（§3(1)キ）。")
    if policy.published_url.strip() and not re.match(r"^https?://\S+$", policy.published_url.strip()):
        problems.append("運用ポリシーの掲載先 URL は https:// で始まる形で入力してください（§3(3)イ）。")
    return problems


# --- operating hours (§5(9)) --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HoursCheck:
    within: bool
    reason: str  # Japanese; empty when within


def is_year_end(day: date) -> bool:
    return (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 3)


def is_working_day(day: date) -> bool:
    """A city office working day: not a weekend, a national holiday (jpholiday) or 12月29日〜1月3日."""
    import jpholiday  # its holiday tables take about 0.1 s to load: not at start-up (issue 17, ready)

    return day.weekday() < 5 and not jpholiday.is_holiday(day) and not is_year_end(day)


def working_days_after(day: date, days: int) -> date:
    """The ``days``-th working day after ``day`` (``day`` itself is not counted)."""
    while days > 0:
        day += timedelta(days=1)
        days -= is_working_day(day)
    return day


def within_operating_hours(policy: PolicyData, when: datetime) -> HoursCheck:
    """Whether a post at ``when`` is inside the approved policy's operating hours (Japan time)."""
    local = when.astimezone(JST) if when.tzinfo else when.replace(tzinfo=JST)
    day = local.date()
    if policy.holidays_closed:
        import jpholiday

        holiday = jpholiday.is_holiday_name(day)
        if holiday:
            return HoursCheck(False, f"{day:%Y年%m月%d日}は祝日（{holiday}）で、運用時間外です。")
    if policy.year_end_closed and is_year_end(day):
        return HoursCheck(
            False, f"{day:%m月%d日}は年末年始の休業期間（12月29日〜1月3日）で、運用時間外です。"
        )
    minute = local.hour * 60 + local.minute
    spans = policy.hours.get(local.weekday(), [])
    if any(_minutes(start) <= minute < _minutes(end) for start, end in spans):
        return HoursCheck(True, "")
    return HoursCheck(
        False,
        f"{local:%m月%d日}（{WEEKDAYS[local.weekday()]}）{local:%H:%M} は運用時間"
        f"（{hours_text(policy)}）の外です。",
    )


def hours_text(policy: PolicyData) -> str:
    """「月〜金 8:30〜17:15」 style, grouping days with the same hours."""
    groups: list[tuple[list[int], list[tuple[str, str]]]] = []
    for day in range(7):
        spans = sorted(policy.hours.get(day, []))
        if not spans:
            continue
        if groups and groups[-1][1] == spans and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append(([day], spans))
    if not groups:
        return "なし"
    parts = []
    for days, spans in groups:
        label = WEEKDAYS[days[0]] if len(days) == 1 else f"{WEEKDAYS[days[0]]}〜{WEEKDAYS[days[-1]]}"
        times = "、".join(f"{_short(a)}〜{_short(b)}" for a, b in spans)
        parts.append(f"{label} {times}")
    return "／".join(parts)


def _short(value: str) -> str:
    return value[1:] if value.startswith("0") else value


def parse_hours(text: str) -> dict[int, list[tuple[str, str]]]:
    """Read 「月-金 08:30-17:15; 土 10:00-12:00」 (the CLI's and CSV's way to write a schedule)."""
    result: dict[int, list[tuple[str, str]]] = {}
    for part in re.split(r"[;；/／\n]+", text.strip()):
        part = part.strip()
        if not part:
            continue
        match = re.match(r"^([月火水木金土日])(?:\s*[-〜~]\s*([月火水木金土日]))?\s+(.+)$", part)
        if not match:
            raise ValueError(f"運用時間「{part}」は「月-金 08:30-17:15」のように書いてください。")
        first, last = WEEKDAYS.index(match.group(1)), WEEKDAYS.index(match.group(2) or match.group(1))
        spans = []
        for span in re.split(r"[,、]", match.group(3)):
            times = re.match(r"^\s*(\d{1,2}:\d{2})\s*[-〜~]\s*(\d{1,2}:\d{2})\s*$", span)
            if not times:
                raise ValueError(f"運用時間「{span.strip()}」は「08:30-17:15」のように書いてください。")
            spans.append((times.group(1).zfill(5), times.group(2).zfill(5)))
        for day in range(first, last + 1):
            result.setdefault(day, []).extend(spans)
    return result


# --- the published text (§3(1), §3(3)イ) ------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountFacts:
    platform: str
    name: str
    url: str
    department: str


def sections(policy: PolicyData, account: AccountFacts) -> list[tuple[str, str]]:
    """The policy as (heading, body) pairs with the ア–キ headings of §3(1)."""
    closed = []
    if policy.holidays_closed:
        closed.append("祝日")
    if policy.year_end_closed:
        closed.append("年末年始（12月29日〜1月3日）")
    hours = hours_text(policy) + (f"（{'・'.join(closed)}を除く）" if closed else "")
    contact = "、".join(
        x
        for x in (
            f"電話 {policy.contact_phone}" if policy.contact_phone else "",
            f"メール {policy.contact_email}" if policy.contact_email else "",
        )
        if x
    )
    handling = "\n".join(
        f"{label}: {getattr(policy, key).label if getattr(policy, key) else '（未定）'}"
        for key, label in HANDLING_ITEMS.items()
    )
    operation = [f"運用時間: {hours}"]
    if policy.hours_note.strip():
        operation.append(policy.hours_note.strip())
    operation.append(f"コメント等への対応: {policy.comment_policy.strip()}")
    if contact:
        operation.append(f"お問い合わせ先: {contact}")
    operation.append(handling)
    if policy.handling_note.strip():
        operation.append(policy.handling_note.strip())
    return [
        ("ア 運用するソーシャルメディアの種類", account.platform),
        (
            "イ アカウント名、URL及びアカウント運用部署等名",
            f"アカウント名: {account.name}\nURL: {account.url or '（開設後に記載）'}\n運用部署: {account.department}",
        ),
        (
            "ウ 情報発信の目的及び掲載内容",
            f"目的: {policy.purpose.strip()}\n掲載内容: {policy.content.strip()}",
        ),
        ("エ 運用方法", "\n".join(operation)),
        ("オ 禁止事項", policy.prohibited.strip()),
        ("カ 知的財産権の帰属", policy.ip_rights.strip()),
        ("キ 免責事項", policy.disclaimer.strip()),
    ]


def render_text(policy: PolicyData, account: AccountFacts) -> str:
    lines = [f"{account.name} 運用ポリシー", ""]
    for heading, body in sections(policy, account):
        lines.extend([heading, body, ""])
    return "\n".join(lines).rstrip() + "\n"


def render_html(policy: PolicyData, account: AccountFacts) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ja"><head><meta charset="utf-8">',
        f"<title>{html.escape(account.name)} 運用ポリシー</title></head><body>",
        f"<h1>{html.escape(account.name)} 運用ポリシー</h1>",
    ]
    for heading, body in sections(policy, account):
        paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())
        parts.append(f"<h2>{html.escape(heading)}</h2>{paragraphs}")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def diff_text(old: PolicyData, new: PolicyData, account: AccountFacts, old_label: str, new_label: str) -> str:
    """A unified diff of the published texts of two versions."""
    return "".join(
        difflib.unified_diff(
            render_text(old, account).splitlines(keepends=True),
            render_text(new, account).splitlines(keepends=True),
            fromfile=old_label,
            tofile=new_label,
        )
    )


def changed_fields(old: PolicyData, new: PolicyData) -> list[str]:
    return [f.name for f in fields(PolicyData) if getattr(old, f.name) != getattr(new, f.name)]


def now_jst() -> datetime:
    return datetime.now(JST)


def at_jst(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=JST)


def parse_local_time(text: str | None) -> datetime | None:
    """「2026-12-01 10:00」 (Japan time unless an offset is given); None for an empty text."""
    if not text or not text.strip():
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("/", "-"))
    except ValueError as error:
        raise ValueError(f"日時「{text}」は 2026-12-01 10:00 のように入力してください。") from error
    return value.replace(tzinfo=JST) if value.tzinfo is None else value
