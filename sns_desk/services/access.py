"""Who holds which role now, read from the database, and the checks every service makes with the
table of :mod:`sns_desk.domain.permissions`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.permissions import TABLE, Permission, denied_message
from sns_desk.domain.vocabulary import Role
from sns_desk.store.orm import AccountMember, User


def roles_of(session: Session, user: User, account_id: int | None = None) -> set[Role]:
    """The roles ``user`` holds now: city-wide ones, plus those on ``account_id`` (or on any account if None)."""
    if not user.active:
        return set()
    roles = user.global_roles()
    stmt = select(AccountMember.role).where(AccountMember.user_id == user.id)
    if account_id is not None:
        stmt = stmt.where(AccountMember.account_id == account_id)
    for role in session.scalars(stmt):
        if role is Role.CONTRACTOR and (not user.is_contractor or user.contractor_ack_on is None):
            continue  # §9(1): a contractor acts only after acknowledging the guideline
        roles.add(role)
    return roles


def is_allowed(session: Session, user: User, permission: Permission, account_id: int | None = None) -> bool:
    rule = TABLE[permission]
    return bool(roles_of(session, user, account_id if rule.account_scoped else None) & rule.roles)


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
    accounts they hold a role on."""
    if is_allowed(session, user, Permission.VIEW_CITY_WIDE):
        return None
    return set(session.scalars(select(AccountMember.account_id).where(AccountMember.user_id == user.id)))
