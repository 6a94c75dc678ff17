"""Checks of what people type that several use cases share."""

from __future__ import annotations

import re

from sns_desk.domain.errors import ValidationError

# A web address people may enter (a post's URL, an account's page, the 市公式ホームページ page): http(s), a host
# with a dot, no spaces.
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")

# Characters no person types on purpose and that the layers below cannot carry: NUL ends a C string (SQLite's
# FTS5 fails on it, PostgreSQL refuses it), and a lone surrogate (what Python makes of a file name or argument that
# is not valid UTF-8) cannot be encoded at all.
_UNUSABLE_RE = re.compile("[\x00\ud800-\udfff]")

# A reference number (a post's 番号 given as the record of a trouble's action): ASCII digits only, so that "²" or
# "１２" is not taken for a number, and few enough that int() stays cheap and the database's integer holds it.
REFERENCE_DIGITS = 9
_REFERENCE_RE = re.compile(f"[0-9]{{1,{REFERENCE_DIGITS}}}", re.ASCII)


def unusable_characters(text: str) -> bool:
    """Whether ``text`` holds a NUL or a lone surrogate."""
    return _UNUSABLE_RE.search(text) is not None


def usable_text(text: str, what: str) -> str:
    """``text`` unchanged, or a :class:`ValidationError` naming ``what`` when it holds a NUL or a lone surrogate."""
    if unusable_characters(text):
        raise ValidationError(
            f"{what}に使えない文字（NUL 文字、または文字コードの壊れた文字）が含まれています。"
            "入力し直すか、文字を貼り付け直してください。",
            f"{what!r} holds NUL or a lone surrogate",
        )
    return text


def reference_number(text: str) -> int | None:
    """The number in ``text`` (``12`` or ``#12``, spaces around allowed), or None unless it is 1 to
    :data:`REFERENCE_DIGITS` ASCII digits."""
    number = text.strip().lstrip("#")
    return int(number) if _REFERENCE_RE.fullmatch(number) else None
