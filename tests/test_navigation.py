"""Which screens each person sees: the services' answer, read from the permission table."""

from __future__ import annotations

from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.services import navigation, users
from sns_desk.services.actors import Actor
from sns_desk.services.navigation import Page
from sns_desk.store.database import Database
from tests.world import People, in_state

BOTH_BACKENDS = True  # roles are read from the database: on SQLite and on PostgreSQL (tests/conftest.py)

EVERYONE = [
    Page.POSTS,
    Page.CALENDAR,
    Page.ACCOUNTS,
    Page.INCIDENTS,
    Page.INQUIRIES,
    Page.SETTINGS,
]


def seen(db: Database, actor: Actor) -> set[Page]:
    return set(navigation.pages_for(db, actor))


def test_each_person_sees_the_screens_their_roles_open(db: Database, people: People) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    everyone = set(EVERYONE)
    base = everyone | {Page.RULES}  # the check rules: for whoever writes, decides or oversees (issue 15)
    assert seen(db, people.tanto) == base  # 担当者: writes, no approvals, no audit log
    assert seen(db, people.agency) == base  # 委託業者 (acknowledged)
    assert seen(db, people.outsider) == everyone  # no role on any account
    assert seen(db, people.kacho) == base | {Page.APPROVALS, Page.REPORTS, Page.AUDIT}  # 管理者
    assert seen(db, people.kyokucho) == base | {
        Page.APPROVALS,
        Page.OVERVIEW,
        Page.AUDIT,
    }  # 責任者: decides, reports nothing, oversees their accounts
    assert seen(db, people.koho) == base | {Page.REPORTS, Page.OVERVIEW, Page.AUDIT}  # 広報課: city-wide view
    assert seen(db, people.admin) == base | {
        Page.REPORTS,
        Page.OVERVIEW,
        Page.AUDIT,
        Page.USERS,
    }  # システム管理者


def test_screens_come_in_navigation_order(db: Database, people: People) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    pages = navigation.pages_for(db, people.kacho)
    assert pages == [p for p in Page if p in pages]
    assert pages[0] is Page.POSTS and pages[-1] is Page.SETTINGS


def test_a_new_role_opens_its_screens_at_once(db: Database, people: People) -> None:
    account_id = in_state(db, people, AccountStatus.ACTIVE)
    assert Page.APPROVALS not in seen(db, people.tanto)
    users.assign_account_role(db, people.kacho, account_id, people.tanto.user_id, Role.MANAGER)
    assert {Page.APPROVALS, Page.REPORTS} <= seen(db, people.tanto)
