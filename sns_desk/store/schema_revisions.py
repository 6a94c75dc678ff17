"""The schema's revisions: which ones this app knows, which one a database is at, and upgrading it (Alembic, loaded
only when a migration has to run)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sns_desk.domain.errors import NewerSchemaError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

# SQLAlchemy is imported where a connection is used: start-up's quick first read (store/first_page.py) compares a
# file's revision with the head before SQLAlchemy is loaded.

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION_LINE = re.compile(r'^(down_revision|revision) = (?:"([^"]*)"|None)', re.MULTILINE)


@functools.cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files as text.

    Opening a database at start-up only needs to know whether it is at the head, so Alembic (about a quarter
    of a second to import) is loaded only when a migration has to run; a test checks this against Alembic's own
    reading of the same files.
    """
    graph: dict[str, str | None] = {}
    for file in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(
            (m.group(1), m.group(2)) for m in _REVISION_LINE.finditer(file.read_text(encoding="utf-8"))
        )
        if found.get("revision"):
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"migrations must have one head, found {sorted(heads)}"
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(conn: Connection) -> str | None:
    """The schema revision recorded in the database (None for an empty one), without Alembic."""
    from sqlalchemy import inspect

    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def upgrade(conn: Connection, progress: Callable[[int, int, str], None] | None = None) -> None:
    """To the head revision; a migration with long work (0023's index) reports to ``progress``."""
    from alembic import command

    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    cfg.attributes["progress"] = progress
    command.upgrade(cfg, "head")


def check_revision(revision: str | None, where: str) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            f"このデータベースは新しいバージョンの SNS Desk で作成・更新されています（スキーマ {revision}）。\n"
            f"データベースには手を加えていません。SNS Desk を最新版に更新してから開いてください: {where}",
            f"schema revision {revision!r} of {where} is unknown to this app (newer)",
        )
