"""The one skeleton every use case runs in: load the person, check the permission, write, append the audit event.

A change is a function of a :class:`Step`, run by :func:`change` inside one short write transaction (which the
store may retry from scratch while the database is busy, so the function must not touch anything outside the
session)::

    def escalate(db: Database, actor: Actor, incident_id: int) -> None:
        def work(step: Step) -> None:
            incident = step.load(Incident, incident_id)
            step.require(Permission.OPEN_INCIDENT, incident.account_id)
            incident.escalated = True
            step.audit("incident.escalate", "incident", incident.id)

        change(db, actor, work, what="escalate")

A read is a function of a :class:`Step` too, run by :func:`look` in a read-only session: the person is loaded
(an inactive or unknown person may read nothing) and the function checks what they may see.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from sns_desk.domain.errors import ConflictError, NotFoundError
from sns_desk.domain.permissions import Permission
from sns_desk.services.access import allowed_accounts, is_allowed, require, require_visible
from sns_desk.services.actors import Actor, load_user
from sns_desk.store import audit_chain
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, Base, User
from sns_desk.store.write_lock import Commutes

T = TypeVar("T")


M = TypeVar("M", bound=Base)

# What each kind of record is called in a message ("…が見つかりません。").
NAMES: dict[str, str] = {
    "accounts": "アカウント",
    "posts": "投稿",
    "incidents": "トラブルの記録",
    "inquiries": "記録",
    "standing_scopes": "適用範囲",
    "attachments": "画像",
    "departments": "運用部署",
    "users": "利用者",
    "emergency_stops": "緊急停止の記録",
    "account_deputies": "代決者の指定",
}


def load(
    session: Session,
    model: type[M],
    item_id: int,
    expected_version: int | None = None,
    *,
    conflict: Callable[[M], str] | None = None,
) -> M:
    """The row ``item_id`` of ``model``; :class:`NotFoundError` if it is gone, :class:`ConflictError` if another
    person changed it since ``expected_version`` was read (``conflict`` words that message for the item)."""
    table = str(model.__tablename__)
    name = NAMES.get(table, "記録")
    item = session.get(model, item_id)
    if item is None:
        raise NotFoundError(f"{name}が見つかりません。", f"{table} {item_id} not found")
    if expected_version is not None:
        version = getattr(item, "version", None)
        if version != expected_version:
            raise ConflictError(
                conflict(item)
                if conflict
                else f"この{name}は他の人が先に更新しました。最新の内容を確認してから、もう一度操作してください。",
                f"{table} {item_id} version {version} != {expected_version}",
            )
    return item


@dataclass
class Step:
    """One use case in progress: the session, the acting person's current row, and the helpers every use case
    needs."""

    session: Session
    me: User

    def require(self, permission: Permission, account_id: int | None = None) -> None:
        require(self.session, self.me, permission, account_id)

    def may(self, permission: Permission, account_id: int | None = None) -> bool:
        return is_allowed(self.session, self.me, permission, account_id)

    def may_on(self, permission: Permission, account_ids: Iterable[int]) -> list[int]:
        """The accounts of ``account_ids`` on which the person may do ``permission`` (:meth:`may` for each)."""
        return allowed_accounts(self.session, self.me, permission, account_ids)

    def see(self, account_id: int) -> None:
        """Refuse unless the person may see the records of ``account_id`` (a role on it now, or city-wide)."""
        require_visible(self.session, self.me, account_id)

    def load(
        self,
        model: type[M],
        item_id: int,
        expected_version: int | None = None,
        *,
        conflict: Callable[[M], str] | None = None,
    ) -> M:
        return load(self.session, model, item_id, expected_version, conflict=conflict)

    def add(self, item: M) -> M:
        """Add a new row and flush, so that its id is known."""
        self.session.add(item)
        self.session.flush()
        return item

    def audit(
        self, action: str, entity: str, entity_id: object, payload: Mapping[str, Any] | None = None
    ) -> AuditEvent:
        """Append the event to the audit chain (after a flush, so the change is in the same transaction)."""
        self.session.flush()
        return audit_chain.append(self.session, self.me.login, action, entity, entity_id, payload or {})


def change(
    db: Database, actor: Actor, work: Callable[[Step], T], *, what: str, commutes: Commutes | None = None
) -> T:
    """Run ``work`` for ``actor`` in one write transaction (retried from scratch while the database is busy).

    ``commutes``: which other PCs' audit events ``work``'s reads do not depend on; on a server such a change takes
    the write lock only at its first audit event and checks those that came in between (store/write_lock.py).
    Give it only for work that guards what it writes by a row's version and reads nothing those events change.
    """

    def run(session: Session) -> T:
        return work(Step(session, load_user(session, actor)))

    return db.write(run, what=what, commutes=commutes)


def look(db: Database, actor: Actor, work: Callable[[Step], T]) -> T:
    """Run ``work`` for ``actor`` in a short read-only session."""
    with db.read() as session:
        return work(Step(session, load_user(session, actor)))
