"""Copying every table of one database into another, ids included (the store side of services/transfer.py)."""

from __future__ import annotations

from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from sns_desk.store.orm import Base
from sns_desk.store.sqlite_files import ProgressFn

BATCH = 2000
NOT_COPIED = {"alembic_version"}  # the target has its own, from the same migrations


def copied_tables() -> list[Table]:
    """The tables a copy moves, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def _rows_to_copy(table: Table) -> Select[tuple[object, ...]]:
    query = select(table)
    if table.name == "app_meta":  # the file's own storage mode does not go to the target
        query = query.where(table.c.key != "storage_mode")
    return query


def row_counts(session: Session, tables: list[Table]) -> dict[str, int]:
    """Rows per table, as copied: app_meta without the file's own storage mode."""
    counts = {}
    for table in tables:
        query = select(func.count()).select_from(_rows_to_copy(table).subquery())
        counts[table.name] = int(session.scalar(query) or 0)
    return counts


def copy_tables(
    read: Session, write: Session, tables: list[Table], total: int, progress: ProgressFn | None = None
) -> dict[str, int]:
    """Copy every row of ``tables`` from ``read`` into ``write`` in batches; the rows copied per table."""
    copied: dict[str, int] = {}
    done = 0
    for table in tables:
        query = _rows_to_copy(table)
        if table.name == "app_meta":  # a new database already holds some keys (its id): the source's win
            keys = [row.key for row in read.execute(query)]
            write.execute(table.delete().where(table.c.key.in_(keys)))
        rows = read.execute(query).mappings()
        copied[table.name] = 0
        while chunk := rows.fetchmany(BATCH):
            write.execute(insert(table), [dict(r) for r in chunk])
            copied[table.name] += len(chunk)
            done += len(chunk)
            if progress:
                progress(done, total, f"{table.name} を移しています（{done:,} / {total:,}）…")
    if write.get_bind().dialect.name == "postgresql":
        _continue_sequences(write, tables)
    return copied


def _continue_sequences(write: Session, tables: list[Table]) -> None:
    """On PostgreSQL, ids made on the server continue after the copied ones."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        name, column = table.name, pk[0].name
        write.execute(
            text(
                f"SELECT setval(s, COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false) "
                f"FROM (SELECT pg_get_serial_sequence('{name}', '{column}') AS s) q WHERE s IS NOT NULL"
            )
        )
