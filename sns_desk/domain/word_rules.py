"""Words matched as words (issue 15): the rule file's word lists are matched against the morphemes of a draft, not
its substrings, so 「燃やせるゴミ」 is not 「ゴミ」 said of a person, 「バカンス」 is not 「バカ」, 「アホウドリ」 is not 「アホ」.

The analyser is MeCab (through fugashi) with UniDic (``unidic-lite``).  It is imported when the first check runs
(never at start-up); its dictionary is memory-mapped and only the pages a text needs are read, so analysing posts
holds about 20 MB where SudachiPy's core dictionary held about 100 (issue 17, docs/checks.md).  The text is analysed
in its NFKC form (「ﾊﾞｶ」 → 「バカ」, 「ＤＶＤ」 → 「DVD」), each token's offsets mapped back to the text as written.
Each token has a ``surface`` (in that form: 「ｸｽﾞ」 is 「クズ」), a ``normalized`` form (UniDic's 語彙素: 「ばか」
「バカ」 → 「馬鹿」, 「取扱い」 → 「取り扱い」, 「つくろう」 → 「作る」, 「いる」 → 「居る」), a ``lemma`` (書字形基本形:
「死ね」 → 「死ぬ」), a part of speech (``pos``: 「名詞,普通名詞,一般,*」) and a conjugation form (``form``:
「命令形」).  A rule says which of these each of its words is compared with; docs/checks.md describes the keys of a
rule file.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sns_desk.domain.errors import SnsDeskError, ValidationError

FIELDS = ("surface", "normalized", "lemma", "pos", "form")
# long bodies (a Facebook post may have 63,206 characters) are analysed in pieces of at most 8,000 code points, cut
# at line ends where possible, so one analysis never holds a whole lattice of a huge text
CHUNK = 8000


@dataclass(frozen=True)
class Token:
    surface: str
    normalized: str
    lemma: str
    pos: str  # the part-of-speech fields joined by ",", e.g. 「名詞,普通名詞,一般,*」
    form: str  # the conjugation form, e.g. 「命令形-一般」, "*" for words that do not conjugate
    start: int  # code point offsets into the text
    end: int

    def value(self, name: str) -> str:
        return str(getattr(self, name))


@dataclass(frozen=True)
class Spec:
    """What one token must be: for each field named, one of the values (``pos`` and ``form`` match as prefixes)."""

    needs: tuple[tuple[str, tuple[str, ...]], ...]
    optional: bool = False  # in a pattern's tokens: the token may be absent (「あいつ(ら)(は)ゴミ(以下)」)

    def matches(self, token: Token) -> bool:
        for name, values in self.needs:
            have = token.value(name)
            if name in ("pos", "form"):
                if not any(have.startswith(v) for v in values):
                    return False
            elif have not in values:
                return False
        return True


@dataclass(frozen=True)
class Pattern:
    """A run of tokens, with the contexts that make it innocent (a run of tokens just before or just after it)."""

    tokens: tuple[Spec, ...]
    unless_before: tuple[tuple[Spec, ...], ...] = ()
    unless_after: tuple[tuple[Spec, ...], ...] = ()
    # a plain word also matches where it is written whole over token boundaries, since the analyser may cut it
    # differently in context (「役立たず」 is 役立た|ず alone, 役|立た|ず after 「この」)
    whole: str = ""


class RuleFileError(ValidationError, ValueError):
    """A word list in the rule file is malformed: the Japanese message names the place (「word_lists.defamation
    .patterns[3].tokens[0]」) and what is wrong, for whoever edits the file or an office's rules."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"ルールファイルの {where}: {problem}", f"rule file {where}: {problem}")


class AnalyserMissingError(SnsDeskError):
    """The morphological analyser or its dictionary is not installed (a broken install)."""


def _spec(raw: Any, default_field: str, where: str) -> Spec | list[Spec]:
    """A token spec from the rule file: a string (compared with the list's field; several tokens when the analyser
    splits it) or an object of field → value or list of values."""
    if isinstance(raw, str):
        return [Spec(((default_field, (t.value(default_field),)),)) for t in tokenize(raw)] or [
            Spec(((default_field, (raw,)),))
        ]
    if not isinstance(raw, dict) or not raw:
        raise RuleFileError(where, '語は文字列か、{"surface": "の"} のような項目で書いてください。')
    needs = []
    for name, value in raw.items():
        if name == "optional":
            continue
        if name not in FIELDS:
            raise RuleFileError(
                where, f"不明な項目「{name}」です（{', '.join(FIELDS)}, optional のいずれか）。"
            )
        values = (value,) if isinstance(value, str) else tuple(str(v) for v in value)
        needs.append((name, values))
    return Spec(tuple(needs), bool(raw.get("optional", False)))


def _run(raw: Any, default_field: str, where: str) -> tuple[Spec, ...]:
    items = [raw] if isinstance(raw, str | dict) else list(raw)
    out: list[Spec] = []
    for i, item in enumerate(items):
        made = _spec(item, default_field, f"{where}[{i}]")
        out.extend(made if isinstance(made, list) else [made])
    return tuple(out)


def compile_entry(raw: Any, default_field: str, where: str) -> Pattern:
    """One entry of a word list: a word, or ``{"tokens": [...], "unless_before": [...], "unless_after": [...]}``."""
    if isinstance(raw, str):
        return Pattern(_run(raw, default_field, where), whole=raw)
    if not isinstance(raw, dict) or "tokens" not in raw:
        raise RuleFileError(where, '語は文字列か、"tokens" を持つパターンで書いてください。')
    unknown = set(raw) - {"tokens", "unless_before", "unless_after", "note"}
    if unknown:
        raise RuleFileError(
            where,
            f"不明な項目「{sorted(unknown)[0]}」です（tokens, unless_before, unless_after, note のいずれか）。",
        )
    return Pattern(
        _run(raw["tokens"], default_field, f"{where}.tokens"),
        tuple(_run(r, default_field, f"{where}.unless_before") for r in raw.get("unless_before", [])),
        tuple(_run(r, default_field, f"{where}.unless_after") for r in raw.get("unless_after", [])),
    )


@cache
def compiled(entries: tuple[Any, ...], default_field: str, where: str) -> tuple[Pattern, ...]:
    """A word list's entries as patterns (cached: words are analysed once per rule set)."""
    return tuple(compile_entry(_thaw(e), default_field, f"{where}[{i}]") for i, e in enumerate(entries))


def freeze(value: Any) -> Any:
    """A JSON value as something hashable (so a RuleSet stays a frozen, cacheable value)."""
    if isinstance(value, dict):
        return ("{}", tuple((k, freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return ("[]", tuple(freeze(v) for v in value))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "{}":
        return {k: _thaw(v) for k, v in value[1]}
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "[]":
        return [_thaw(v) for v in value[1]]
    return value


# --- the analyser -------------------------------------------------------------------------------------------------

_lock = threading.Lock()


@cache
def _tokenizer() -> Any:
    """MeCab with unidic-lite's dictionary, created on first use (its path given, so no other MeCab dictionary or
    mecabrc on the computer is used instead)."""
    try:
        import fugashi  # type: ignore[import-untyped]
        import unidic_lite  # type: ignore[import-untyped]

        dicdir = str(unidic_lite.DICDIR)
        return fugashi.Tagger(f'-d "{dicdir}" -r "{dicdir}/mecabrc"')
    except (ImportError, OSError, RuntimeError) as exc:  # the package or its dictionary file is missing
        raise AnalyserMissingError(
            "語の検査に使う形態素解析の辞書（fugashi / unidic-lite）が見つかりません。"
            "SNS Desk を入れ直してください。",
            f"morphological analyser unavailable: {exc!r}",
        ) from exc


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """The text in pieces analysed one at a time, cut at line ends where possible."""
    at = 0
    while at < len(text):
        end = min(len(text), at + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", at, end)
            end = cut + 1 if cut > at else end
        yield at, text[at:end]
        at = end


def nfkc(text: str) -> tuple[str, list[int], list[int]]:
    """The text in NFKC form, and for each of its code points the start and end of the code points of ``text`` it
    comes from (a half-width 「ﾊﾞ」 is two code points of the text and one of the form)."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch)
        if pieces and piece and unicodedata.combining(piece[0]):
            # a sound mark written apart (ﾞ, ﾟ) joins the kana before it
            joined = unicodedata.normalize("NFC", pieces[-1] + piece)
            pieces[-1] = joined
            ends[-1] = i + 1
            continue
        pieces.append(piece)
        starts.append(i)
        ends.append(i + 1)
    form: list[str] = []
    first: list[int] = []
    last: list[int] = []
    for piece, start, end in zip(pieces, starts, ends, strict=True):
        form.append(piece)
        first.extend([start] * len(piece))
        last.extend([end] * len(piece))
    return "".join(form), first, last


def _field(value: Any, fallback: str) -> str:
    return fallback if value is None or value == "" else str(value)


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    with _lock:  # a MeCab tagger is not meant to be shared between threads at once
        tagger = _tokenizer()
        for offset, piece in _chunks(text):
            form, first, last = nfkc(piece)
            at = 0
            for word in tagger(form):
                at += len(word.white_space)  # MeCab skips the spaces before a word
                begin, at = at, at + len(word.surface)
                if begin >= at:
                    continue
                f = word.feature
                # 語彙素 of a loanword carries its origin (「バカンス-vacance」); unknown words have none
                normalized = _field(f.lemma, word.surface).split("-", 1)[0] or word.surface
                pos = ",".join(_field(p, "*") for p in (f.pos1, f.pos2, f.pos3, f.pos4))
                tokens.append(
                    Token(
                        word.surface,
                        normalized,
                        _field(f.orthBase, word.surface),
                        pos,
                        _field(f.cForm, "*"),
                        offset + first[begin],
                        offset + last[at - 1],
                    )
                )
    return tokens


def _run_at(run: Sequence[Spec], tokens: Sequence[Token], i: int) -> bool:
    return i >= 0 and i + len(run) <= len(tokens) and all(s.matches(tokens[i + k]) for k, s in enumerate(run))


def _whole_at(word: str, tokens: Sequence[Token], i: int) -> int:
    """How many tokens from ``i`` spell ``word`` exactly (0 if they do not)."""
    spelled = ""
    for k in range(i, len(tokens)):
        spelled += tokens[k].surface
        if spelled == word:
            return k - i + 1
        if len(spelled) >= len(word) or not word.startswith(spelled):
            return 0
    return 0


def _taken(specs: Sequence[Spec], tokens: Sequence[Token], i: int) -> int:
    """How many tokens from ``i`` the specs take (an optional one is taken when it can be), or -1."""
    if not specs:
        return 0
    first, rest = specs[0], specs[1:]
    if i < len(tokens) and first.matches(tokens[i]):
        after = _taken(rest, tokens, i + 1)
        if after >= 0:
            return 1 + after
    return _taken(rest, tokens, i) if first.optional else -1


def _anchor(pattern: Pattern) -> tuple[str, tuple[str, ...]] | None:
    """A field and values one of which the text must have for the pattern to occur (None: no such shortcut)."""
    for spec in pattern.tokens:
        if spec.optional:
            continue
        for name, values in spec.needs:
            if name in ("surface", "normalized", "lemma"):
                return name, values
    return None


def find_all(patterns: Sequence[Pattern], tokens: Sequence[Token]) -> set[tuple[int, int]]:
    """The spans of all the patterns, skipping at once the patterns whose words the text does not have (most of
    them: a check runs on every pause in typing)."""
    present = {name: {t.value(name) for t in tokens} for name in ("surface", "normalized", "lemma")}
    text = "".join(t.surface for t in tokens)
    found: set[tuple[int, int]] = set()
    for pattern in patterns:
        anchor = _anchor(pattern)
        absent = anchor is not None and present[anchor[0]].isdisjoint(anchor[1])
        if absent and not (pattern.whole and pattern.whole in text):
            continue
        found.update(find(pattern, tokens))
    return found


def find(pattern: Pattern, tokens: Sequence[Token]) -> Iterator[tuple[int, int]]:
    """The code point spans where the pattern occurs, skipping the places its exceptions name."""
    if not pattern.tokens:
        return
    for i in range(len(tokens)):
        n = max(_taken(pattern.tokens, tokens, i), 0)
        if not n and pattern.whole:
            n = _whole_at(pattern.whole, tokens, i)
        if not n:
            continue
        if any(_run_at(r, tokens, i - len(r)) for r in pattern.unless_before):
            continue
        if any(_run_at(r, tokens, i + n) for r in pattern.unless_after):
            continue
        yield tokens[i].start, tokens[i + n - 1].end
