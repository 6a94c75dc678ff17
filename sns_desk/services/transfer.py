"""Moving an office's data from its shared file to a PostgreSQL server (or to another file).

Every table is copied as it is, ids included, into a target that has just been created (migrated and empty);
the database id is kept, so the passwords and 電子印鑑 keys the PCs keep in their OS keyrings stay valid, and
the audit chain and the signatures are copied byte for byte. Before the copy the source's chain and signatures
must verify; after it the target's must too, and every table must hold the same number of rows. The source is
not changed; afterwards the PCs are pointed at the server (設定 → 別のデータベース, or ``--db``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Integer, Table, func, insert, select, text
from sqlalchemy.orm import Session

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.services import signing
from sns_desk.services.access import require
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database, Location, ProgressFn, open_database
from sns_desk.store.orm import Base, User

log = logging.getLogger(__name__)
BATCH = 2000
NOT_COPIED = {"alembic_version"}  # the target has its own, from the same migrations


@dataclass
class TransferResult:
    target: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _row_counts(session: Session, tables: list[Table]) -> dict[str, int]:
    """Rows per table, as copied: app_meta without the file's own storage mode."""
    counts = {}
    for table in tables:
        query = select(func.count()).select_from(table)
        if table.name == "app_meta":
            query = query.where(table.c.key != "storage_mode")
        counts[table.name] = int(session.scalar(query) or 0)
    return counts


def copy_database(
    source: Database, actor: Actor, target: str, *, progress: ProgressFn | None = None
) -> TransferResult:
    """Copy everything in ``source`` into the new database at ``target`` (システム管理者 only)."""
    with source.read() as session:
        require(session, load_user(session, actor), Permission.MANAGE_DATABASE)
        chain = audit.verify_chain(session)
        signatures = signing.verify(session)
    if not chain.ok:
        raise ValidationError(
            f"監査ログに異常があるため移行できません。先に原因を確認してください。{chain.problem}"
        )
    if not signatures.ok:
        raise ValidationError("電子印鑑の検査で問題が見つかったため移行できません。\n" + signatures.summary())
    location = Location.parse(target)
    if location.url == source.location.url:
        raise ValidationError("移行先が移行元と同じです。")
    destination = open_database(location, create=True, shared=True)
    try:
        with destination.read() as check:
            if check.scalar(select(func.count()).select_from(User)):
                raise ValidationError(
                    f"移行先にはすでにデータがあります: {location.display()}\n空のデータベースを指定してください。"
                )
        tables = [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]
        with source.read() as read:
            totals = _row_counts(read, tables)
        grand_total, done = sum(totals.values()), 0
        result = TransferResult(location.display())
        with destination.write_session() as write:
            with source.read() as read:
                for table in tables:
                    query = select(table)
                    if table.name == "app_meta":  # the file's own storage mode does not go to the target
                        query = query.where(table.c.key != "storage_mode")
                        keys = [row.key for row in read.execute(query)]
                        write.execute(table.delete().where(table.c.key.in_(keys)))
                    rows = read.execute(query).mappings()
                    copied = 0
                    while chunk := rows.fetchmany(BATCH):
                        write.execute(insert(table), [dict(r) for r in chunk])
                        copied += len(chunk)
                        done += len(chunk)
                        if progress:
                            progress(
                                done,
                                grand_total,
                                f"{table.name} を移しています（{done:,} / {grand_total:,}）…",
                            )
                    result.rows[table.name] = copied
            if write.get_bind().dialect.name == "postgresql":
                for table in tables:  # ids made on the server continue after the copied ones
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
        with destination.read() as session:
            copied_chain = audit.verify_chain(session)
            copied_signatures = signing.verify(session)
            counts = _row_counts(session, tables)
        if not copied_chain.ok or not copied_signatures.ok or counts != totals:
            raise ValidationError(
                "移行後の検査で不一致が見つかりました。移行先は使わないでください。"
                f"（監査ログ: {copied_chain.summary()} 件数: {counts != totals}）"
            )
        log.info(
            "copied %d rows from %s to %s",
            sum(counts.values()),
            source.location.display(),
            location.display(),
        )
        return result
    finally:
        destination.dispose()
