"""Helpers shared by the services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import (
    NotAcknowledgedError,
    NotFoundError,
    NotRegisteredError,
    PermissionDeniedError,
)
from sns_desk.services import person_facts
from sns_desk.services.access import unacknowledged_contractor
from sns_desk.store.orm import User


@dataclass(frozen=True)
class Actor:
    """The person a service acts for: an identity only.  Roles are re-read inside every transaction."""

    user_id: int
    login: str
    display_name: str


def load_user(session: Session, actor: Actor) -> User:
    """The actor's current user row; an actor whose record is gone or deactivated may do nothing.  Their
    memberships, 代決 designations, muted notice kinds and the city's settings come in the same statement
    (:func:`sns_desk.services.person_facts.load_person`)."""
    user = person_facts.load_person(session, actor.user_id)
    if user is None or user.login != actor.login:
        raise NotFoundError("利用者の登録が見つかりません。", f"actor {actor} not found")
    if not user.active:
        raise PermissionDeniedError(
            "この利用者は無効になっています。システム管理者に確認してください。",
            f"actor {actor.login} inactive",
        )
    if unacknowledged_contractor(user):
        raise NotAcknowledgedError(user.login, admin_names(session))
    return user


def admin_names(session: Session) -> list[str]:
    stmt = select(User.display_name).where(User.is_admin.is_(True), User.active.is_(True)).order_by(User.id)
    return list(session.scalars(stmt))


def actor_for_login(session: Session, login: str) -> Actor:
    """Map an OS login to its user; an unknown or inactive login gets :class:`NotRegisteredError`, a 委託業者 whose
    §9(1) acknowledgement is not recorded :class:`NotAcknowledgedError` (both name whom to ask)."""
    user = session.scalars(select(User).where(User.login == login)).first()
    if user is None or not user.active:
        raise NotRegisteredError(login, admin_names(session))
    if unacknowledged_contractor(user):
        raise NotAcknowledgedError(login, admin_names(session))
    return Actor(user.id, user.login, user.display_name)
