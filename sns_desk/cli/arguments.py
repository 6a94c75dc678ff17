"""What the command groups share: who is running the command, and subcommands that act on one item by its number."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from sns_desk.cli.japanese_parser import item_number
from sns_desk.host import identity
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def current_actor(db: Database) -> Actor:
    """The registered person behind this OS login (refused with the administrators' names if none)."""
    return users.resolve_actor(db, identity.current_login())


def item_command(
    sub: Any,
    name: str,
    help: str | None = None,
    *,
    item: str = "id",
    required: Sequence[str] = (),
    optional: Sequence[str] = (),
) -> argparse.ArgumentParser:
    """A subcommand on one item given by its number, with ``required`` text options and ``optional`` ones
    (empty when left out)."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help)
    parser.add_argument(item, type=item_number)
    for flag in required:
        parser.add_argument(flag, required=True)
    for flag in optional:
        parser.add_argument(flag, default="")
    return parser
