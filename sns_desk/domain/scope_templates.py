"""The template of a standing scope (事前承認の適用範囲, §5(2)): fixed text with named, typed slots.

The 管理者 approves in advance a *range* of posts — 「本日{日付}の桜島の降灰予報です。風向き: {風向}。」 — not a category
label.  A post is approved by the scope only when its body is the template's fixed text exactly, character for
character, and every slot holds a value of the slot's kind (a date, a time, a number, one of a list of choices, or
a short text no longer than its limit).  Anything else goes to the 管理者 like any other post, with the reason.

Pure functions and data: :func:`parse` checks a template the 管理者 writes, :func:`render` fills it, :func:`match`
reads a body back against it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import SlotKind

MAX_TEXT_LENGTH = 200  # the longest a short-text slot may be
SLOT_RE = re.compile(r"\{([^{}\n]*)\}")
NAME_RE = re.compile(r"[^\s{}]{1,20}")

_DATE = r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
_TIME = r"(?:(?P<h>\d{1,2})時(?:(?P<mi>\d{1,2})分)?|(?P<h2>\d{1,2}):(?P<mi2>\d{2}))"
_NUMBER = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

EXAMPLES = {
    SlotKind.DATE: "11月30日 または 2026年11月30日",
    SlotKind.TIME: "10時、10時30分 または 10:30",
    SlotKind.NUMBER: "3、1,200、0.5",
    SlotKind.CHOICE: "一覧のどれか",
    SlotKind.TEXT: "改行のない短い文",
}


@dataclass(frozen=True)
class Slot:
    """One named slot: its kind, and for a choice its list, for a short text its maximum length."""

    name: str
    kind: SlotKind
    choices: tuple[str, ...] = ()
    max_length: int = 0

    def describe(self) -> str:
        """「風向（選択肢: 北、南）」 style, for the editor and the dialog."""
        if self.kind is SlotKind.CHOICE:
            return f"{self.name}（選択肢: {'、'.join(self.choices)}）"
        if self.kind is SlotKind.TEXT:
            return f"{self.name}（{self.kind.label}、{self.max_length}文字まで）"
        return f"{self.name}（{self.kind.label}、例: {EXAMPLES[self.kind]}）"

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "kind": str(self.kind)}
        if self.kind is SlotKind.CHOICE:
            data["choices"] = list(self.choices)
        if self.kind is SlotKind.TEXT:
            data["max_length"] = self.max_length
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Slot:
        return cls(
            str(data["name"]),
            SlotKind(data["kind"]),
            tuple(str(c) for c in data.get("choices", ())),
            int(data.get("max_length", 0)),
        )


def slots_to_json(slots: Sequence[Slot]) -> str:
    return json.dumps([s.as_dict() for s in slots], ensure_ascii=False)


def slots_from_json(text: str) -> tuple[Slot, ...]:
    return tuple(Slot.from_dict(item) for item in json.loads(text or "[]"))


@dataclass(frozen=True)
class Verdict:
    """Whether a body is approved by the template; ``reason`` (Japanese) says why not; ``values`` what was read."""

    approved: bool
    reason: str = ""
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ScopeTemplate:
    """A checked template: its text split into fixed parts (str) and slots (Slot), in order."""

    text: str
    slots: tuple[Slot, ...]
    parts: tuple[str | Slot, ...]

    def slot(self, name: str) -> Slot:
        return next(s for s in self.slots if s.name == name)


def check_value(slot: Slot, value: str) -> str:
    """Why ``value`` does not fit ``slot`` (Japanese), or "" when it does."""
    if not value:
        return f"「{slot.name}」が空です。"
    if "\n" in value:
        return f"「{slot.name}」に改行は入れられません。"
    if slot.kind is SlotKind.DATE:
        found = re.fullmatch(_DATE, value)
        if found is None:
            return f"「{slot.name}」は日付（例: {EXAMPLES[SlotKind.DATE]}）で書いてください（「{value}」）。"
        try:
            date(int(found["y"] or 2024), int(found["m"]), int(found["d"]))  # 2024: a leap year
        except ValueError:
            return f"「{slot.name}」の「{value}」という日付はありません。"
        return ""
    if slot.kind is SlotKind.TIME:
        found = re.fullmatch(_TIME, value)
        if found is None:
            return f"「{slot.name}」は時刻（例: {EXAMPLES[SlotKind.TIME]}）で書いてください（「{value}」）。"
        hour, minute = int(found["h"] or found["h2"]), int(found["mi"] or found["mi2"] or 0)
        if hour > 23 or minute > 59:
            return f"「{slot.name}」の「{value}」という時刻はありません。"
        return ""
    if slot.kind is SlotKind.NUMBER:
        if re.fullmatch(_NUMBER, value) is None:
            return (
                f"「{slot.name}」は数値（例: {EXAMPLES[SlotKind.NUMBER]}）で書いてください（「{value}」）。"
            )
        return ""
    if slot.kind is SlotKind.CHOICE:
        if value not in slot.choices:
            return f"「{slot.name}」の「{value}」は選択肢（{'、'.join(slot.choices)}）にありません。"
        return ""
    if len(value) > slot.max_length:
        return f"「{slot.name}」は{slot.max_length}文字までです（{len(value)}文字）。"
    return ""


def parse(text: str, slots: Sequence[Slot]) -> ScopeTemplate:
    """Check a template the 管理者 wrote: every ``{名前}`` has a slot and every slot is used once, slots are
    separated by fixed text (so a body reads back one way only), each slot's settings make sense."""
    problems: list[str] = []
    if not text.strip():
        raise ValidationError("ひな形の文面を入力してください（§5(2)）。")
    by_name: dict[str, Slot] = {}
    for slot in slots:
        if not NAME_RE.fullmatch(slot.name):
            problems.append(
                f"差し込み欄の名前「{slot.name}」は、空白と {{ }} を含まない20文字以内にしてください。"
            )
        elif slot.name in by_name:
            problems.append(f"差し込み欄「{slot.name}」が二重に定義されています。")
        by_name[slot.name] = slot
        if slot.kind is SlotKind.CHOICE and (not slot.choices or any(not c.strip() for c in slot.choices)):
            problems.append(f"差し込み欄「{slot.name}」の選択肢を1つ以上入力してください。")
        if slot.kind is SlotKind.TEXT and not 1 <= slot.max_length <= MAX_TEXT_LENGTH:
            problems.append(f"差し込み欄「{slot.name}」の文字数の上限は1〜{MAX_TEXT_LENGTH}にしてください。")
    parts: list[str | Slot] = []
    used: list[str] = []
    position = 0
    for found in SLOT_RE.finditer(text):
        fixed = text[position : found.start()]
        if fixed:
            parts.append(fixed)
        elif parts and isinstance(parts[-1], Slot):
            problems.append(
                f"差し込み欄「{parts[-1].name}」と「{found[1]}」の間に固定の文字を入れてください"
                "（続いていると本文をひな形どおりに読み取れません）。"
            )
        name = found[1]
        if name in used:
            problems.append(f"差し込み欄「{name}」がひな形に2回あります。1回だけにしてください。")
        used.append(name)
        if name not in by_name:
            problems.append(f"ひな形の {{{name}}} に対応する差し込み欄がありません。")
        else:
            parts.append(by_name[name])
        position = found.end()
    if text[position:]:
        parts.append(text[position:])
    stray = SLOT_RE.sub("", text)
    if "{" in stray or "}" in stray:
        problems.append("ひな形の { と } の対応が取れていません。差し込み欄は {名前} の形で書いてください。")
    unused = [name for name in by_name if name not in used]
    if unused:
        problems.append(f"差し込み欄（{'、'.join(unused)}）がひな形の文面に使われていません。")
    if problems:
        raise ValidationError("ひな形を保存できません。\n" + "\n".join(f"・{p}" for p in problems))
    return ScopeTemplate(text, tuple(slots), tuple(parts))


def render(template: ScopeTemplate, values: Mapping[str, str]) -> str:
    """The body the template makes with these slot values; ValidationError (every reason) when one does not fit."""
    problems = [r for s in template.slots if (r := check_value(s, values.get(s.name, "").strip()))]
    if problems:
        raise ValidationError("差し込み欄の値が合っていません。\n" + "\n".join(f"・{p}" for p in problems))
    return "".join(p if isinstance(p, str) else values[p.name].strip() for p in template.parts)


def sample_value(slot: Slot, today: date) -> str:
    """A plausible value for the 管理者's sample."""
    if slot.kind is SlotKind.DATE:
        return f"{today.month}月{today.day}日"
    if slot.kind is SlotKind.TIME:
        return "10時"
    if slot.kind is SlotKind.NUMBER:
        return "3"
    if slot.kind is SlotKind.CHOICE:
        return slot.choices[0] if slot.choices else ""
    return ("〇" * max(slot.max_length, 1))[: min(max(slot.max_length, 1), 5)]


def _slot_pattern(slot: Slot) -> str:
    if slot.kind is SlotKind.DATE:
        return r"(?:\d{4}年)?\d{1,2}月\d{1,2}日"
    if slot.kind is SlotKind.TIME:
        return r"(?:\d{1,2}時(?:\d{1,2}分)?|\d{1,2}:\d{2})"
    if slot.kind is SlotKind.NUMBER:
        return _NUMBER
    if slot.kind is SlotKind.CHOICE:
        return "|".join(re.escape(c) for c in sorted(slot.choices, key=len, reverse=True))
    return rf"[^\n]{{1,{slot.max_length}}}"


def _read(template: ScopeTemplate, body: str, strict: bool) -> dict[str, str] | None:
    pattern = "".join(
        re.escape(p) if isinstance(p, str) else f"(?P<s{i}>{_slot_pattern(p) if strict else '.+?'})"
        for i, p in enumerate(template.parts)
    )
    found = re.fullmatch(pattern, body)
    if found is None:
        return None
    return {p.name: found[f"s{i}"] for i, p in enumerate(template.parts) if isinstance(p, Slot)}


def _differs(body: str, at: int, expected: str) -> str:
    found = body[at : at + 10] or "（本文の終わり）"
    return f"本文の{at + 1}文字目から、ひな形の固定の文字と違います（ひな形「{expected[:10]}」、本文「{found}」）。"


def _first_difference(template: ScopeTemplate, body: str) -> str:
    """Where the body leaves the template's fixed text (Japanese)."""
    position = 0
    parts = template.parts
    for i, part in enumerate(parts):
        if isinstance(part, str):
            here = body[position : position + len(part)]
            if here != part:
                offset = next(
                    (k for k, (a, b) in enumerate(zip(part, here, strict=False)) if a != b), len(here)
                )
                return _differs(body, position + offset, part[offset:])
            position += len(part)
            continue
        following = next((p for p in parts[i + 1 :] if isinstance(p, str)), None)
        if following is None:
            return check_value(part, body[position:]) or "本文をひな形どおりに読み取れません。"
        found_at = body.find(following, position + 1)
        if found_at >= 0:
            position = found_at
            continue
        if body.startswith(following, position):
            return check_value(part, "")
        # the longest start of the following fixed text that is there: the body leaves the template after it
        for length in range(len(following) - 1, 0, -1):
            start = body.find(following[:length], position + 1)
            if start >= 0:
                return _differs(body, start + length, following[length:])
        return f"差し込み欄「{part.name}」の後に続くはずの「{following[:10]}」が本文にありません。"
    return f"本文の{position + 1}文字目以降に、ひな形にない文字があります。"


def match(template: ScopeTemplate, body: str) -> Verdict:
    """Whether ``body`` is this template filled in: fixed text exactly, every slot a value of its kind."""
    values = _read(template, body, strict=True)
    if values is not None:
        problems = [r for s in template.slots if (r := check_value(s, values[s.name]))]
        if not problems:
            return Verdict(True, "", values)
        return Verdict(False, problems[0], values)
    loose = _read(template, body, strict=False)
    if loose is None:
        return Verdict(False, _first_difference(template, body))
    problems = [r for s in template.slots if (r := check_value(s, loose[s.name]))]
    return Verdict(False, problems[0] if problems else "本文をひな形どおりに読み取れません。", loose)
