"""The guideline's own text, cut into its sections, and the one parser of § references (「§5(7)」「§4(1)イ」).

The text ships with the app (``sns_desk/resources/guideline/guideline-ja.md``, the city's guideline as
published); findings, checklists and forms cite its sections as ``§chapter(item)sub``. Every part of the app that
turns a citation into a link, or opens the viewer at a section, asks :func:`find_references` and
:func:`section_for` here, so a citation and the section it opens cannot disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from sns_desk import resources

SUBS = "アイウエオカキクケコサシスセソ"

# §5 §5(7) §4(1)イ §３(３)ウ: the chapter, its numbered item, the katakana sub-item (fullwidth digits and parens too)
_REFERENCE = re.compile(rf"§\s*([0-9０-９]+)(?:[(（]([0-9０-９]+)[)）])?([{SUBS}])?")
_CHAPTER = re.compile(r"^#{1,6}\s*([0-9]+)\s+(.+)$")
_NOTE = re.compile(r"^#{1,6}\s*※([0-9]+)\s+(.+)$")
_ITEM = re.compile(r"^(?:-\s*)?\(([0-9]+)\)\s*(.+)$")
_SUB = re.compile(rf"^(?:#{{1,6}}\s*)?([{SUBS}])\s+(.+)$")


@dataclass(frozen=True, order=True)
class Reference:
    """A place in the guideline: chapter 5, item 7, no sub-item is 「§5(7)」; ``note`` is a ※ definition."""

    chapter: int
    item: int | None = None
    sub: str | None = None
    note: int | None = None

    @property
    def label(self) -> str:
        if self.note is not None:
            return f"※{self.note}"
        item = f"({self.item})" if self.item is not None else ""
        return f"§{self.chapter}{item}{self.sub or ''}"

    @property
    def anchor(self) -> str:
        """A name for the section in links and HTML anchors (ASCII: 「s4-1-2」 is §4(1)イ)."""
        if self.note is not None:
            return f"n{self.note}"
        parts = [str(self.chapter)]
        if self.item is not None:
            parts.append(str(self.item))
        if self.sub is not None:
            parts.append(str(SUBS.index(self.sub) + 1))
        return "s" + "-".join(parts)

    def parent(self) -> Reference | None:
        if self.note is not None:
            return None
        if self.sub is not None:
            return Reference(self.chapter, self.item)
        if self.item is not None:
            return Reference(self.chapter)
        return None

    @staticmethod
    def from_anchor(anchor: str) -> Reference | None:
        """The reverse of :attr:`anchor`; ``None`` for anything else (a link the app did not write)."""
        if re.fullmatch(r"n[0-9]+", anchor):
            return Reference(0, note=int(anchor[1:]))
        if not re.fullmatch(r"s[0-9]+(-[0-9]+){0,2}", anchor):
            return None
        numbers = [int(part) for part in anchor[1:].split("-")]
        if len(numbers) == 3 and not 1 <= numbers[2] <= len(SUBS):
            return None
        sub = SUBS[numbers[2] - 1] if len(numbers) == 3 else None
        return Reference(numbers[0], numbers[1] if len(numbers) > 1 else None, sub)


@dataclass(frozen=True)
class Citation:
    """A § reference found in a text: where it stands (code points) and what it names."""

    start: int
    end: int
    reference: Reference


@dataclass(frozen=True)
class Section:
    reference: Reference
    heading: str  # 「§5(7)」 with its first words, for the table of contents
    text: str  # the section's own paragraphs, as written in the guideline (its sub-sections are sections too)
    depth: int  # 0 chapter or ※ note, 1 item, 2 sub-item


def find_references(text: str) -> list[Citation]:
    """Every § reference in ``text``, in order."""
    found = []
    for match in _REFERENCE.finditer(text):
        chapter, item, sub = match.groups()
        reference = Reference(
            int(unicodedata.normalize("NFKC", chapter)),
            int(unicodedata.normalize("NFKC", item)) if item else None,
            sub,
        )
        found.append(Citation(match.start(), match.end(), reference))
    return found


def parse_reference(text: str) -> Reference | None:
    """「§5(7)」 (or 「5(7)」) as a reference; ``None`` when it is not exactly one."""
    text = text.strip()
    text = text if text.startswith("§") else f"§{text}"
    if _REFERENCE.fullmatch(text) is None:
        return None
    return find_references(text)[0].reference


def parse_sections(markdown: str) -> list[Section]:
    """The guideline's text cut into chapters, numbered items, katakana sub-items and ※ notes, in order."""
    sections: list[tuple[Reference, str, list[str]]] = []
    chapter: int | None = None
    item: int | None = None
    for raw in markdown.splitlines():
        line = raw.strip()
        if match := _NOTE.match(line):
            chapter, item = None, None
            sections.append((Reference(0, note=int(match[1])), f"※{match[1]} {match[2]}", []))
        elif match := _CHAPTER.match(line):
            chapter, item = int(match[1]), None
            sections.append((Reference(chapter), f"§{chapter} {match[2]}", []))
        elif chapter is not None and (match := _ITEM.match(line)):
            item = int(match[1])
            sections.append((Reference(chapter, item), f"§{chapter}({item})", [match[2]]))
        elif chapter is not None and item is not None and (match := _SUB.match(line)):
            reference = Reference(chapter, item, match[1])
            sections.append((reference, reference.label, [match[2]]))
        elif line and not line.startswith("# ") and sections:
            sections[-1][2].append(line)
    return [
        Section(reference, _heading(heading, lines), "\n\n".join(lines), _depth(reference))
        for reference, heading, lines in sections
    ]


def _heading(heading: str, lines: Sequence[str]) -> str:
    if " " in heading or not lines:
        return heading
    first = lines[0]
    return f"{heading} {first[:24]}{'…' if len(first) > 24 else ''}"


def _depth(reference: Reference) -> int:
    if reference.sub is not None:
        return 2
    return 1 if reference.item is not None else 0


@lru_cache(maxsize=1)
def sections() -> tuple[Section, ...]:
    """The shipped guideline's sections."""
    text = resources.path("guideline", "guideline-ja.md").read_text(encoding="utf-8")
    return tuple(parse_sections(text))


def section_for(reference: Reference, within: Sequence[Section] | None = None) -> Section | None:
    """The section a citation opens: itself, or the nearest enclosing one (「§5」 for an unknown 「§5(12)」)."""
    by_reference = {section.reference: section for section in (within or sections())}
    current: Reference | None = reference
    while current is not None:
        if current in by_reference:
            return by_reference[current]
        current = current.parent()
    return None


def search(query: str, within: Sequence[Section] | None = None) -> Iterator[Section]:
    """The sections whose heading or text holds ``query`` (width and case folded: 「ＵＲＬ」 finds 「URL」)."""
    wanted = _fold(query)
    if not wanted:
        return
    for section in within or sections():
        if wanted in _fold(section.heading) or wanted in _fold(section.text):
            yield section


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()
