"""domain/visibility.py: whose records a person may see (the rule of every read and of start-up's quick read)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sns_desk.domain import visibility as v
from sns_desk.domain.vocabulary import Role


@dataclass(frozen=True)
class Person:
    active: bool = True
    is_admin: bool = False
    is_pr: bool = False
    is_contractor: bool = False
    contractor_ack_on: datetime | None = None


ROWS = [(1, Role.STAFF), (2, Role.MANAGER), (2, Role.STAFF), (3, Role.CONTRACTOR)]


def visible(person: Person) -> set[int] | None:
    return v.visible_accounts(v.city_roles(person), lambda: v.account_roles(person, ROWS))


def test_the_system_administrator_and_pr_see_every_account_without_reading_memberships() -> None:
    def never() -> dict[int, set[Role]]:
        raise AssertionError("memberships read for a city-wide person")

    for person in (Person(is_admin=True), Person(is_pr=True)):
        assert v.visible_accounts(v.city_roles(person), never) is None


def test_others_see_the_accounts_where_a_role_counts_for_them() -> None:
    assert visible(Person()) == {1, 2}, "a member of staff: not as 委託業者 (§4(1))"
    acknowledged = Person(is_contractor=True, contractor_ack_on=datetime(2026, 4, 1, tzinfo=UTC))
    assert visible(acknowledged) == {3}, "a 委託業者: only as 委託業者 (§9(1))"


def test_nothing_for_the_inactive_or_an_unacknowledged_contractor() -> None:
    assert visible(Person(active=False)) == set()
    assert visible(Person(active=False, is_admin=True)) == set()
    assert visible(Person(is_contractor=True)) == set()
    assert v.city_roles(Person(is_contractor=True, is_pr=True)) == set()
