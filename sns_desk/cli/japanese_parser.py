"""argparse in Japanese: its usage line, section titles and error messages, and the numbers commands take.

argparse writes its own texts in English (「usage:」, 「the following arguments are required」 …).  The people who
run ``sns-desk`` read Japanese, so :class:`JapaneseArgumentParser` translates them; every subcommand's parser is of
the same class (``add_subparsers`` makes them with the parent's class).
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from sns_desk.domain.validation import REFERENCE_DIGITS, reference_number

# argparse's messages (Python 3.11-3.13) and their Japanese; the first that matches is used.
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.DOTALL), j)
    for p, j in (
        (r"^the following arguments are required: (.*)$", r"次の引数を指定してください: \1"),
        (r"^unrecognized arguments: (.*)$", r"解釈できない引数があります: \1"),
        (r"^one of the arguments (.*) is required$", r"次のどれかを指定してください: \1"),
        (r"^ambiguous option: (.*) could match (.*)$", r"オプション \1 は複数に当てはまります（\2）"),
        (
            r"^argument (.+?): invalid choice: (.*) \(choose from (.*)\)$",
            r"\1 に指定できない値です: \2（指定できるのは \3）",
        ),
        (r"^argument (.+?): invalid \S+ value: (.*)$", r"\1 の値が正しくありません: \2"),
        (r"^argument (.+?): expected one argument$", r"\1 には値を 1 つ指定してください"),
        (r"^argument (.+?): expected at most one argument$", r"\1 に指定できる値は 1 つまでです"),
        (r"^argument (.+?): expected at least one argument$", r"\1 には値を 1 つ以上指定してください"),
        (r"^argument (.+?): expected (\d+) arguments?$", r"\1 には値を \2 つ指定してください"),
        (r"^argument (.+?): not allowed with argument (.*)$", r"\1 は \2 と一緒には指定できません"),
        (r"^argument (.+?): ignored explicit argument (.*)$", r"\1 には値 \2 を付けられません"),
        (r"^argument (.+?): (.*)$", r"\1: \2"),  # a message of ours (ArgumentTypeError), already Japanese
    )
]


def japanese(message: str) -> str:
    """argparse's ``message`` in Japanese (an unknown one is kept, after a Japanese lead)."""
    for pattern, replacement in _MESSAGES:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return f"コマンドの指定が正しくありません（{message}）"


class JapaneseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own texts are Japanese."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "引数"
        self._optionals.title = "オプション"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help="この説明を表示して終わる"
            )

    def format_usage(self) -> str:
        return _usage_in_japanese(super().format_usage())

    def format_help(self) -> str:
        return _usage_in_japanese(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: エラー: {japanese(message)}\n")


def _usage_in_japanese(text: str) -> str:
    return "使い方: " + text.removeprefix("usage: ") if text.startswith("usage: ") else text


def item_number(text: str) -> int:
    """An item's 番号 (or a count of days) on the command line: 1 to REFERENCE_DIGITS ASCII digits."""
    value = reference_number(text)
    if value is None or text.strip().startswith("#"):
        raise argparse.ArgumentTypeError(f"半角数字（{REFERENCE_DIGITS} 桁まで）で指定してください: {text!r}")
    return value
