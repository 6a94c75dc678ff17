"""What changed between two revisions of a post, as the approver reads it (issue 16, item 2): the text inline at
word/character level, and the images added, removed or changed.

Pure functions of plain values.  Japanese has no spaces between words, so the text is compared one character at
a time, except runs of Latin letters and digits (an English word, a number, a URL's part), which are compared
whole: 「10日」 edited to 「11日」 shows the changed digit, not the whole line removed and added.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN_RE = re.compile(r"[A-Za-z0-9_]+|\s|.", re.DOTALL)


class Change(enum.StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"  # images only: another image in the same place

    @property
    def label(self) -> str:
        return {
            Change.SAME: "変更なし",
            Change.ADDED: "追加",
            Change.REMOVED: "削除",
            Change.CHANGED: "差し替え",
        }[self]


@dataclass(frozen=True)
class Segment:
    change: Change  # SAME, ADDED or REMOVED
    text: str


def tokens(text: str) -> list[str]:
    """Latin words and numbers whole; every other character on its own."""
    return _TOKEN_RE.findall(text)


def inline_diff(old: str, new: str) -> list[Segment]:
    """``old`` → ``new`` as runs of kept, removed and added text, in reading order (a removal before the addition
    that replaces it).  Joining the SAME and REMOVED runs gives ``old``; the SAME and ADDED runs give ``new``."""
    a, b = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    segments: list[Segment] = []

    def put(change: Change, parts: Sequence[str]) -> None:
        text = "".join(parts)
        if not text:
            return
        if segments and segments[-1].change is change:
            segments[-1] = Segment(change, segments[-1].text + text)
        else:
            segments.append(Segment(change, text))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            put(Change.SAME, a[i1:i2])
        else:
            put(Change.REMOVED, a[i1:i2])
            put(Change.ADDED, b[j1:j2])
    return segments


@dataclass(frozen=True)
class Image:
    sha256: str
    filename: str


@dataclass(frozen=True)
class ImageChange:
    change: Change
    old: Image | None  # None for an added image
    new: Image | None  # None for a removed image


def image_changes(old: Sequence[Image], new: Sequence[Image]) -> list[ImageChange]:
    """The images of ``new`` in order, each SAME (also in ``old``), ADDED or CHANGED (replacing an image of ``old``
    that is no longer there, paired in order), then the images of ``old`` that are gone without replacement."""
    old_hashes = {image.sha256 for image in old}
    new_hashes = {image.sha256 for image in new}
    gone = [image for image in old if image.sha256 not in new_hashes]
    result: list[ImageChange] = []
    for image in new:
        if image.sha256 in old_hashes:
            result.append(ImageChange(Change.SAME, next(o for o in old if o.sha256 == image.sha256), image))
        elif gone:
            result.append(ImageChange(Change.CHANGED, gone.pop(0), image))
        else:
            result.append(ImageChange(Change.ADDED, None, image))
    result += [ImageChange(Change.REMOVED, image, None) for image in gone]
    return result
