"""Words matched as words (issue 15): the rule file's word lists are matched against the morphemes of a draft, not
its substrings, so 「燃やせるゴミ」 is not 「ゴミ」 said of a person, 「バカンス」 is not 「バカ」, 「アホウドリ」 is not 「アホ」.

The analyser is SudachiPy with its ``core`` dictionary.  It is imported when the first check runs (never at start-up):
loading it takes about 0.15 s, and the dictionary is memory-mapped.  Each token has a ``surface`` (as written), a
``normalized`` form (Sudachi's 正規化表記: 「ばか」「バカ」 → 「馬鹿」, 「取扱」 → 「取り扱い」, 「つくろう」 → 「作る」), a
``lemma`` (辞書形: 「死ね」 → 「死ぬ」), a part of speech (``pos``: 「名詞,普通名詞,一般」) and a conjugation form
(``form``: 「命令形」).  A rule says which of these each of its words is compared with; docs/checks.md describes the
keys of a rule file.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sns_desk.domain.errors import SnsDeskError, ValidationError

FIELDS = ("surface", "normalized", "lemma", "pos", "form")
# Sudachi refuses an input over 49,149 bytes; a chunk of 8,000 code points is at most 32,000 bytes of UTF-8
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
    """SudachiPy's tokenizer, created on first use (mode C: the longest units, so 「ゴミ拾い」 stays one word)."""
    try:
        from sudachipy import Dictionary, SplitMode  # type: ignore[import-untyped]  # a .pyi without py.typed

        return Dictionary(dict="core").tokenizer(SplitMode.C)
    except (ImportError, OSError, RuntimeError) as exc:  # the package or its dictionary file is missing
        raise AnalyserMissingError(
            "語の検査に使う形態素解析の辞書（SudachiPy / sudachidict_core）が見つかりません。"
            "SNS Desk を入れ直してください。",
            f"morphological analyser unavailable: {exc!r}",
        ) from exc


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """The text in pieces the analyser accepts, cut at line ends where possible."""
    at = 0
    while at < len(text):
        end = min(len(text), at + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", at, end)
            end = cut + 1 if cut > at else end
        yield at, text[at:end]
        at = end


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    with _lock:  # a Sudachi tokenizer is not meant to be shared between threads at once
        tokenizer = _tokenizer()
        for offset, piece in _chunks(text):
            for m in tokenizer.tokenize(piece):
                pos = m.part_of_speech()
                tokens.append(
                    Token(
                        m.surface(),
                        m.normalized_form(),
                        m.dictionary_form(),
                        ",".join(pos[:4]),
                        pos[5],
                        offset + m.begin(),
                        offset + m.end(),
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
