"""The options the app and every command share, parsed without the command parser.

Starting the app must not pay for the command parser (:mod:`sns_desk.cli.main`), which imports every service,
SQLAlchemy and openpyxl: the launcher parses the app's own options with :func:`app_arguments`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sns_desk import __version__


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options that the app and every command share (the command parser in ``sns_desk.cli`` adds them too)."""
    parser.add_argument(
        "--version", action="version", version=f"SNS Desk {__version__}", help="バージョンを表示して終わる"
    )
    parser.add_argument("--db", metavar="PATH_OR_URL", help="データベースのファイルまたは PostgreSQL の URL")
    parser.add_argument(
        "--verbose", action="store_true", help="詳しいログを出し、エラーの詳細（英語）も画面に表示する"
    )
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="画面を起動し、最初の画面を表示したら終了する（導入後の動作確認用。表示した画面の名前を出力）",
    )


def app_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The parsed options when ``argv`` asks for the app (no command, no --help/--version), else None."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    parser = argparse.ArgumentParser(prog="sns-desk", add_help=False)
    add_global_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except SystemExit:
        return None  # let the full parser explain the mistake
    return None if rest else args
