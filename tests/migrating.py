"""Moving a test's database between schema revisions as the app does it: on SQLite with foreign keys off, because
Alembic's batch operations rebuild a table by dropping it, which with foreign keys on would delete (or refuse to
drop) the rows that refer to it (store/database.py migrates the same way)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic.config import Config
from sqlalchemy import Connection

from sns_desk.store import schema_revisions
from sns_desk.store.database import Database


@contextmanager
def migrating(db: Database) -> Iterator[tuple[Config, Connection]]:
    """An Alembic config bound to one transaction of ``db``; commit at the end of the block."""
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # outside a transaction, or SQLite ignores it
            raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg = schema_revisions.alembic_config()
                cfg.attributes["connection"] = conn
                yield cfg, conn
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")
