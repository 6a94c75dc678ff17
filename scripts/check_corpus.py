"""Precision and recall of the guideline checks on the labelled corpus in tests/data/check-corpus/ (issue 15).

Each post of the corpus lists the findings (rule ids) it must produce (``expect``); every other finding the checks
produce on it is a false alarm (``not`` names the hard cases explicitly, for the reader).  The checks run as an
account of the corpus file's 課 would run them: the shipped rule file plus that account's own contacts.

    python scripts/check_corpus.py                      # print the figures and write them into docs/checks.md
    python scripts/check_corpus.py --set heldout        # the held-out set alone
    python scripts/check_corpus.py --quick --out F.md   # one 課's file only, into F.md
    python scripts/check_corpus.py --show               # also print every disagreement

Two sets: ``tuning`` (tests/data/check-corpus/*.yaml, the posts the word lists were reviewed against) and
``heldout`` (tests/data/check-corpus/heldout/*.yaml, written before reading the lists, to measure them honestly).
``--set all`` (the default) prints both and their union; the thresholds of tests/test_check_corpus.py hold over the
union.  Each table goes between its markers in ``--out`` (``<!-- corpus figures -->`` for the tuning set,
``<!-- heldout figures -->``, ``<!-- union figures -->``, each closed by ``<!-- end ... figures -->``); a new file
holds just the figures.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import convention
import yaml

sys.path.insert(0, str(convention.ROOT))

from sns_desk.domain import checks
from sns_desk.domain.vocabulary import Platform

CORPUS = convention.ROOT / "tests" / "data" / "check-corpus"
HELDOUT = CORPUS / "heldout"
SETS = ("tuning", "heldout", "union")
MARKER = {"tuning": "corpus", "heldout": "heldout", "union": "union"}
BEGIN, END = "<!-- corpus figures -->", "<!-- end corpus figures -->"
QUICK_FILE = "bosai.yaml"


@dataclass
class Post:
    where: str  # file:index
    account: str
    platform: Platform
    text: str
    expect: frozenset[str]
    refuse: frozenset[str]
    phones: tuple[str, ...]
    emails: tuple[str, ...]


@dataclass
class Score:
    posts: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)

    def precision(self, rule: str | None = None) -> float | None:
        tp = sum(self.tp.values()) if rule is None else self.tp[rule]
        fp = sum(self.fp.values()) if rule is None else self.fp[rule]
        return tp / (tp + fp) if tp + fp else None

    def recall(self, rule: str | None = None) -> float | None:
        tp = sum(self.tp.values()) if rule is None else self.tp[rule]
        fn = sum(self.fn.values()) if rule is None else self.fn[rule]
        return tp / (tp + fn) if tp + fn else None

    def rules(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


def load(files: list[Path] | None = None) -> list[Post]:
    posts: list[Post] = []
    for path in files or sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        contacts = data.get("contacts", {})
        for i, item in enumerate(data["posts"]):
            posts.append(
                Post(
                    f"{path.name}:{i + 1}",
                    str(data["account"]),
                    Platform(item.get("platform", data.get("platform", "x"))),
                    str(item["text"]),
                    frozenset(item.get("expect", [])),
                    frozenset(item.get("not", [])),
                    tuple(contacts.get("phones", [])),
                    tuple(contacts.get("emails", [])),
                )
            )
    return posts


def files(name: str) -> list[Path]:
    """The YAML files of a set: ``tuning``, ``heldout`` or ``union`` (both)."""
    if name not in SETS:
        raise ValueError(f"unknown corpus set {name!r}: one of {', '.join(SETS)}")
    tuning = sorted(CORPUS.glob("*.yaml"))
    heldout = sorted(HELDOUT.glob("*.yaml"))
    return {"tuning": tuning, "heldout": heldout, "union": tuning + heldout}[name]


def score(posts: list[Post]) -> Score:
    """Per post and rule: a rule expected and found is a true positive, found but not expected a false alarm,
    expected but not found a miss (a rule found twice in one post counts once)."""
    rules = checks.load_rules()
    result = Score(posts=len(posts))
    for post in posts:
        found = {
            f.rule
            for f in checks.run_checks(
                checks.Draft(post.platform, post.text), rules.with_contacts(post.phones, post.emails)
            )
        }
        overlap = post.expect & post.refuse
        if overlap:
            raise ValueError(f"{post.where}: {sorted(overlap)} both expected and refused")
        for rule in found & post.expect:
            result.tp[rule] += 1
        for rule in found - post.expect:
            result.fp[rule] += 1
            result.disagreements.append(f"{post.where} false alarm {rule}: {post.text[:60]}")
        for rule in post.expect - found:
            result.fn[rule] += 1
            result.disagreements.append(f"{post.where} missed {rule}: {post.text[:60]}")
    return result


def shown(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {MARKER[name]} figures -->", f"<!-- end {MARKER[name]} figures -->"


def report(result: Score, command: str, seconds: float, name: str = "tuning") -> str:
    begin, end = markers(name)
    title = {"tuning": "the tuning set", "heldout": "the held-out set", "union": "both sets together"}[name]
    lines = [
        begin,
        f"Measured by `{command}` on {result.posts} posts ({title}) in {seconds:.1f} s.",
        "",
        "| rule | expected | found right | false alarms | missed | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for rule in result.rules():
        expected = result.tp[rule] + result.fn[rule]
        lines.append(
            f"| {rule} | {expected} | {result.tp[rule]} | {result.fp[rule]} | {result.fn[rule]} "
            f"| {shown(result.precision(rule))} | {shown(result.recall(rule))} |"
        )
    tp, fp, fn = (sum(c.values()) for c in (result.tp, result.fp, result.fn))
    lines += [
        f"| **overall** | {tp + fn} | {tp} | {fp} | {fn} "
        f"| **{shown(result.precision())}** | **{shown(result.recall())}** |",
        "",
        end,
    ]
    return "\n".join(lines)


def write(out: Path, figures: str) -> None:
    """Replace the section between the figures' own markers in ``out``; append it where there is none."""
    begin, end = figures.splitlines()[0], figures.splitlines()[-1]
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    if begin in text and end in text:
        before, rest = text.split(begin, 1)
        after = rest.split(end, 1)[1]
        out.write_text(before + figures + after, encoding="utf-8")
        return
    out.write_text(text + ("\n" if text else "") + figures + "\n", encoding="utf-8")


def main() -> int:
    parser = convention.parser(
        __doc__,
        convention.ROOT / "docs" / "checks.md",
        "the Markdown file whose figures section is rewritten",
        quick=f"only tests/data/check-corpus/{QUICK_FILE}",
    )
    parser.add_argument("--show", action="store_true", help="print every false alarm and every miss")
    parser.add_argument(
        "--set",
        choices=("tuning", "heldout", "all"),
        default="all",
        help="which posts: the tuning set, the held-out set, or all (both, each and together; the default)",
    )
    args = parser.parse_args()
    if args.quick:
        chosen = {"tuning": [CORPUS / QUICK_FILE]}
    elif args.set == "all":
        chosen = {name: files(name) for name in SETS}
    else:
        chosen = {args.set: files(args.set)}
    for name, paths in chosen.items():
        started = time.perf_counter()
        result = score(load(paths))
        seconds = time.perf_counter() - started
        command = "python scripts/check_corpus.py" + (" --quick" if args.quick else "")
        figures = report(result, command, seconds, name)
        print(figures)
        if args.show:
            print("\n".join(result.disagreements) or "no disagreements")
        write(args.out, figures)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
