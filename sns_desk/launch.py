"""The ``sns-desk`` entry point: the app when no command is given, otherwise the command line (``sns_desk.cli``).

Starting the app must not pay for the command parser, which imports every service, SQLAlchemy and openpyxl: the
app's own options are parsed here, and the GUI imports the rest while its window is already on the screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sns_desk.cli.options import app_arguments


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = app_arguments(arguments)
    if args is None:
        from sns_desk.cli.main import main as command_main

        return command_main(arguments)
    return start_app(args)


def start_app(args: argparse.Namespace) -> int:
    """The app, with the global options; the log is set up by run_gui once the first window is on the screen."""
    from sns_desk.gui.app import run_gui

    return int(run_gui(db_override=args.db, exit_after_start=args.exit_after_start, verbose=args.verbose))
