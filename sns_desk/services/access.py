"""Who holds which role now, read from the database, and the checks every service makes with the
table of :mod:`sns_desk.domain.permissions`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from sns_desk.domain import visibility
from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.permissions import TABLE, Permission, denied_message, permits
from sns_desk.domain.vocabulary import Role
from sns_desk.services import person_facts
from sns_desk.store.orm import AccountMember, User

# §9(1): an unacknowledged 委託業者 holds no role at all (the rule: domain/visibility.py)
unacknowledged_contractor = visibility.unacknowledged_contractor


# The roles read once per session and person: a use case asks "may they?" for every account of a list, and each
# question used to read the person's memberships again (the N+1 of the account list and the bell). A flush that
# writes a membership or a person forgets what was read (memberships are only written as ORM objects).
_ROLES = "sns_desk.account_roles"


@event.listens_for(Session, "after_flush")
def _forget_roles(session: Session, _context: Any) -> None:
    # after_flush still sees the flushed objects in new/dirty/deleted
    if any(
        isinstance(item, (AccountMember, User)) for item in (*session.new, *session.dirty, *session.deleted)
    ):
        session.info.pop(_ROLES, None)


def account_roles(session: Session, user: User) -> dict[int, set[Role]]:
    """The roles ``user`` holds now on each account (accounts with none are left out)."""
    if not user.active or unacknowledged_contractor(user):
        return {}
    known: dict[tuple[int, bool], dict[int, frozenset[Role]]] = session.info.setdefault(_ROLES, {})
    key = (user.id, user.is_contractor)  # what counts depends on the flag (_counts)
    if key not in known:  # the rows come with the person's own when a use case loaded them (person_facts)
        held = roles_from(user, person_facts.memberships(session, user.id))
        known[key] = {account_id: frozenset(roles) for account_id, roles in held.items()}
    return {account_id: set(roles) for account_id, roles in known[key].items()}


def roles_from(user: User, memberships: Iterable[tuple[int, Role]]) -> dict[int, set[Role]]:
    """The roles that count for ``user`` from their membership rows (account id, role), already read."""
    return visibility.account_roles(user, memberships)


def roles_of(session: Session, user: User, account_id: int | None = None) -> set[Role]:
    """The roles ``user`` holds now: city-wide ones, plus those on ``account_id`` (or on any account if None)."""
    roles = roles_of_person(user)
    for account, held in account_roles(session, user).items():
        if account_id is None or account == account_id:
            roles |= held
    return roles


def is_allowed(session: Session, user: User, permission: Permission, account_id: int | None = None) -> bool:
    """The rule (:func:`sns_desk.domain.permissions.permits`) with the person's roles as they hold them now."""
    return permits(permission, roles_of_person(user), lambda: account_roles(session, user), account_id)


def allowed_accounts(
    session: Session, user: User, permission: Permission, account_ids: Iterable[int]
) -> list[int]:
    """The accounts of ``account_ids`` on which ``user`` may do ``permission``: :func:`is_allowed`'s rule for each,
    with the person's roles gathered once (a list of 300 accounts asked one by one cost about 5 ms of Python)."""
    city = roles_of_person(user)
    gathered: list[dict[int, set[Role]]] = []

    def held() -> dict[int, set[Role]]:
        if not gathered:
            gathered.append(account_roles(session, user))
        return gathered[0]

    return [account_id for account_id in account_ids if permits(permission, city, held, account_id)]


def roles_of_person(user: User) -> set[Role]:
    """The city-wide roles ``user`` holds now (システム管理者, 広報課, 市の職員), without their accounts."""
    return visibility.city_roles(user)


def require(session: Session, user: User, permission: Permission, account_id: int | None = None) -> None:
    """Raise :class:`PermissionDeniedError` unless ``user`` may do ``permission`` (on ``account_id``)."""
    rule = TABLE[permission]
    if rule.account_scoped and account_id is None:
        raise ValueError(f"{permission} needs an account_id")
    if is_allowed(session, user, permission, account_id):
        return
    extra = ""
    if user.is_contractor and user.contractor_ack_on is None and Role.CONTRACTOR in rule.roles:
        extra = "委託業者は、ガイドライン遵守の確認（§9(1)）が記録されるまで操作できません。"
    raise PermissionDeniedError(
        denied_message(permission) + extra,
        f"user {user.login!r} denied {permission.value} on account {account_id}",
    )


def visible_account_ids(session: Session, user: User) -> set[int] | None:
    """The accounts whose records ``user`` may see: None for every account (広報課, システム管理者), else the
    accounts they hold a role on now (by :func:`roles_of`'s rules, the same as every write).  The rule is
    :func:`sns_desk.domain.visibility.visible_accounts`, which start-up's quick first read follows too."""
    return visibility.visible_accounts(roles_of_person(user), lambda: account_roles(session, user))


def may_see(session: Session, user: User, account_id: int) -> bool:
    visible = visible_account_ids(session, user)
    return visible is None or account_id in visible


def require_visible(session: Session, user: User, account_id: int) -> None:
    """Refuse a person who holds no role on an existing account: they are told they are not its member (not that
    it does not exist: the account list of the city is no secret, its records are)."""
    if may_see(session, user, account_id):
        return
    raise PermissionDeniedError(
        "このアカウントの担当者として登録されていないため、その記録は表示できません。"
        "必要な場合はアカウント管理者に担当者への追加を依頼してください（§4(1)）。",
        f"user {user.login!r} is not a member of account {account_id}",
    )


def require_somewhere(session: Session, user: User, permission: Permission) -> None:
    """Refuse before a record is even looked up when ``user`` holds the account-scoped ``permission`` on no account
    at all (nor city-wide): a stranger is told what role is needed, not whether the record exists."""
    if is_allowed(session, user, permission):  # an account-scoped permission without an account: on any
        return
    raise PermissionDeniedError(
        denied_message(permission), f"user {user.login!r} holds {permission.value} on no account"
    )
