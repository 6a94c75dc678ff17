"""Which roles count for a person, and whose records they may see: the rule every read follows.

Pure: it takes the person's stored facts (any object with the attributes of :class:`PersonFacts`: the ORM row of
the services, or the plain row of start-up's quick first read, ``store/first_page.py``) and their membership rows,
so that both ways of reading the first list decide who sees which rows with the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Protocol

from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.vocabulary import Role


class PersonFacts(Protocol):
    """What decides a person's roles, as stored on their ``users`` row."""

    @property
    def active(self) -> bool: ...
    @property
    def is_admin(self) -> bool: ...
    @property
    def is_pr(self) -> bool: ...
    @property
    def is_contractor(self) -> bool: ...
    @property
    def contractor_ack_on(self) -> datetime | None: ...


def unacknowledged_contractor(person: PersonFacts) -> bool:
    """§9(1): a 委託業者 whose acknowledgement of the guideline is not recorded (also a person flagged as one
    later) holds no role at all: it sees and does nothing."""
    return person.is_contractor and person.contractor_ack_on is None


def global_roles(person: PersonFacts) -> set[Role]:
    """The city-wide roles the person's row gives (システム管理者, 広報課, 市の職員), whether or not they count now."""
    roles: set[Role] = set()
    if person.is_admin:
        roles.add(Role.SYSTEM_ADMIN)
    if person.is_pr:
        roles.add(Role.PR)
    if not person.is_contractor:
        roles.add(Role.EMPLOYEE)
    return roles


def city_roles(person: PersonFacts) -> set[Role]:
    """The city-wide roles the person holds now: none when inactive or an unacknowledged 委託業者."""
    if not person.active or unacknowledged_contractor(person):
        return set()
    return global_roles(person)


def counts(person: PersonFacts, role: Role) -> bool:
    """Whether a role on an account counts for the person: a 委託業者 acts only as 委託業者 (§9(1)), never as the
    city's 担当者・管理者・責任者 (§4(1)), whatever its membership rows say; a 委託業者 role counts only for one."""
    return role is Role.CONTRACTOR if person.is_contractor else role is not Role.CONTRACTOR


def account_roles(person: PersonFacts, memberships: Iterable[tuple[int, Role]]) -> dict[int, set[Role]]:
    """The roles that count for the person on each account, from their membership rows (account id, role)."""
    held: dict[int, set[Role]] = {}
    if not person.active or unacknowledged_contractor(person):
        return held
    for account_id, role in memberships:
        if counts(person, role):
            held.setdefault(account_id, set()).add(role)
    return held


def visible_accounts(city: set[Role], held: Callable[[], Mapping[int, set[Role]]]) -> set[int] | None:
    """The accounts whose records a person may see: None for every account (those who may view the whole city:
    広報課 and the システム管理者, §3(3)イ), else the accounts they hold a counting role on now.  ``held`` is asked
    only when needed (the roles on accounts need the membership rows)."""
    rule = TABLE[Permission.VIEW_CITY_WIDE]
    if city & rule.roles:
        return None
    accounts = held()
    if any(role.per_account for role in rule.roles) and any(
        roles & rule.roles for roles in accounts.values()
    ):
        return None
    return set(accounts)
