"""The ``sns-desk`` entry point: the app when no command is given, otherwise the command line (``sns_desk.cli``).

Starting the app must not pay for the command parser, which imports every service, SQLAlchemy and openpyxl: the
app's own options are parsed here, and the GUI imports the rest while its window is already on the screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sns_desk import __version__


def add_global_options(parser: argparse.ArgumentParser) -> None:
    """Options that the app and every command share (the command parser in ``sns_desk.cli`` adds them too)."""
    parser.add_argument("--version", action="version", version=f"SNS Desk {__version__}")
    parser.add_argument("--db", metavar="PATH_OR_URL", help="データベースのファイルまたは PostgreSQL の URL")
    parser.add_argument("--verbose", action="store_true", help="詳しいログを出す")
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


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = app_arguments(arguments)
    if args is None:
        from sns_desk.cli import main as command_main

        return command_main(arguments)
    return start_app(args)


def start_app(args: argparse.Namespace) -> int:
    """The app, with the global options; the log is set up by run_gui once the first window is on the screen."""
    from sns_desk.gui.app import run_gui

    return int(run_gui(db_override=args.db, exit_after_start=args.exit_after_start, verbose=args.verbose))
