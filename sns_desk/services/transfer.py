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

from sqlalchemy import func, select

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.services import seal_check
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, look
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database, open_database
from sns_desk.store.locations import Location
from sns_desk.store.orm import User
from sns_desk.store.sqlite_files import ProgressFn
from sns_desk.store.table_copy import copied_tables, copy_tables, row_counts

log = logging.getLogger(__name__)


@dataclass
class TransferResult:
    target: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_database(
    source: Database, actor: Actor, target: str, *, progress: ProgressFn | None = None
) -> TransferResult:
    """Copy everything in ``source`` into the new database at ``target`` (システム管理者 only)."""

    def verify_source(step: Step) -> tuple[audit.VerifyResult, seal_check.SignatureReport]:
        step.require(Permission.MANAGE_DATABASE)
        return audit.verify_chain(step.session), seal_check.verify(step.session)

    chain, signatures = look(source, actor, verify_source)
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
        tables = copied_tables()
        with source.read() as read:
            totals = row_counts(read, tables)
        result = TransferResult(location.display())
        with destination.write_session() as write, source.read() as read:
            result.rows = copy_tables(read, write, tables, sum(totals.values()), progress)
        with destination.read() as session:
            copied_chain = audit.verify_chain(session)
            copied_signatures = seal_check.verify(session)
            counts = row_counts(session, tables)
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
