"""Every row of the permission table, allowed and denied (PRODUCT.md §1)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.permissions import TABLE, Permission, permits
from sns_desk.domain.vocabulary import Role
from sns_desk.services.access import allowed_accounts, is_allowed, require
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import User
from tests.conftest import give_role, make_account, make_user

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

RES, MAN, STA, CON, PR, ADM, EMP = (
    Role.RESPONSIBLE,
    Role.MANAGER,
    Role.STAFF,
    Role.CONTRACTOR,
    Role.PR,
    Role.SYSTEM_ADMIN,
    Role.EMPLOYEE,
)

# Written from PRODUCT.md §1 on its own, so that a slip in the table shows up here.
EXPECTED: dict[Permission, set[Role]] = {
    Permission.MANAGE_USERS: {ADM},
    Permission.MANAGE_DATABASE: {ADM},
    Permission.VIEW_AUDIT_LOG: {ADM, PR, RES, MAN},
    Permission.VIEW_CITY_WIDE: {PR, ADM},
    Permission.REQUEST_ACCOUNT: {EMP},
    Permission.EDIT_OFFICE_RULES: {ADM, PR},  # issue 15 item 3: the 課's layer of the check rules
    Permission.RECEIVE_ACCOUNT_REPORT: {PR},
    Permission.APPROVE_ACCOUNT_OPENING: {RES},
    Permission.CLOSE_ACCOUNT: {RES},
    Permission.APPROVE_POLICY: {RES},
    Permission.APPROVE_CONNECTION: {RES},
    Permission.SUSPEND_ACCOUNT: {RES},
    Permission.RECEIVE_ESCALATION: {RES},
    Permission.OVERRIDE_CHECKLIST: {RES},
    Permission.ACTIVATE_ACCOUNT: {MAN, RES},
    Permission.APPROVE_POST: {MAN, RES},
    Permission.APPROVE_SCOPE: {MAN},
    Permission.EDIT_ACCOUNT_SETTINGS: {MAN},
    Permission.MANAGE_CREDENTIALS: {MAN},
    Permission.EDIT_CHECKLIST: {MAN},
    Permission.REPORT_ACCOUNT: {MAN},
    Permission.LEAD_INCIDENT: {MAN},
    Permission.RECORD_MONITORING: {MAN},
    Permission.SET_DORMANT_DAYS: {PR},
    Permission.EDIT_ACCOUNT_RULES: {MAN},  # issue 15 item 3: an account's contacts and partner sites
    Permission.MANAGE_RULE_EXCEPTIONS: {MAN},  # issue 15 item 4: standing exceptions
    Permission.MANAGE_ACCOUNT_MEMBERS: {MAN, RES, ADM},
    Permission.NAME_DEPUTIES: {MAN, RES},
    Permission.STOP_ACCOUNT_POSTS: {MAN, RES, PR, ADM},
    Permission.STOP_ALL_POSTS: {PR, ADM},
    Permission.WRITE_POST: {STA, CON, MAN, RES},
    Permission.RECORD_PUBLICATION: {STA, CON, MAN, RES},
    Permission.LOG_INQUIRY: {STA, CON, MAN, RES},
    Permission.OPEN_INCIDENT: {STA, CON, MAN, RES},
    Permission.USE_CREDENTIALS: {STA, CON, MAN},
}


def test_the_table_covers_every_permission() -> None:
    assert set(TABLE) == set(Permission) == set(EXPECTED)


@pytest.fixture
def world(db: Database) -> tuple[Database, int, int, dict[Role, Actor]]:
    """One person per role on account A (or city-wide), nobody on account B."""
    account_a = make_account(db, "鹿児島市公式X")
    account_b = make_account(db, "鹿児島市観光Instagram")
    people: dict[Role, Actor] = {}
    for role in Role:
        flags = {"is_admin": role is ADM, "is_pr": role is PR, "is_contractor": role is CON}
        people[role] = make_user(db, f"user-{role.value}", **flags)
        if role.per_account:
            give_role(db, people[role], account_a, role)
    with db.write_session() as session:
        contractor = session.get(User, people[CON].user_id)
        assert contractor is not None
        contractor.contractor_ack_on = datetime(2026, 4, 1, tzinfo=UTC)
    return db, account_a, account_b, people


def _check(db: Database, actor: Actor, permission: Permission, account_id: int | None) -> None:
    with db.read() as session:
        user = session.get(User, actor.user_id)
        assert user is not None
        require(session, user, permission, account_id)


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", list(Role))
def test_each_role_is_allowed_or_denied_as_the_table_says(
    world: tuple[Database, int, int, dict[Role, Actor]], permission: Permission, role: Role
) -> None:
    db, account_a, _account_b, people = world
    scoped = TABLE[permission].account_scoped
    target = account_a if scoped else None
    # every person who is not a contractor is also a member of staff (市の職員)
    held = {role} | ({EMP} if role is not CON else set())
    if held & EXPECTED[permission]:
        _check(db, people[role], permission, target)
    else:
        with pytest.raises(PermissionDeniedError) as info:
            _check(db, people[role], permission, target)
        needed = [r.label for r in EXPECTED[permission]]
        assert any(label in info.value.message for label in needed), "the message names the role needed"


@pytest.mark.parametrize("permission", [p for p in Permission if TABLE[p].account_scoped])
def test_a_role_on_another_account_does_not_count(
    world: tuple[Database, int, int, dict[Role, Actor]], permission: Permission
) -> None:
    db, _account_a, account_b, people = world
    for role in EXPECTED[permission] - {ADM, PR, EMP}:
        with pytest.raises(PermissionDeniedError, match="このアカウントの"):
            _check(db, people[role], permission, account_b)


def test_a_contractor_without_acknowledgement_may_do_nothing(db: Database) -> None:
    account = make_account(db)
    contractor = make_user(db, "agency", is_contractor=True)
    give_role(db, contractor, account, CON)
    with pytest.raises(PermissionDeniedError, match=r"§9\(1\)"):
        _check(db, contractor, Permission.WRITE_POST, account)
    with db.write_session() as session:
        user = session.get(User, contractor.user_id)
        assert user is not None
        user.contractor_ack_on = datetime(2026, 4, 1, tzinfo=UTC)
    _check(db, contractor, Permission.WRITE_POST, account)


def test_an_inactive_user_holds_no_role(db: Database) -> None:
    account = make_account(db)
    manager = make_user(db, "former-manager", active=False)
    give_role(db, manager, account, MAN)
    with db.read() as session:
        user = session.get(User, manager.user_id)
        assert user is not None
        assert not is_allowed(session, user, Permission.APPROVE_POST, account)


def test_account_scoped_permission_needs_an_account(
    world: tuple[Database, int, int, dict[Role, Actor]],
) -> None:
    db, _a, _b, people = world
    with pytest.raises(ValueError, match="account_id"):
        _check(db, people[MAN], Permission.APPROVE_POST, None)


@pytest.mark.parametrize("permission", list(Permission))
def test_the_accounts_allowed_at_once_are_those_allowed_one_by_one(
    world: tuple[Database, int, int, dict[Role, Actor]], permission: Permission
) -> None:
    """allowed_accounts (the 緊急停止 panel's switches over 300 accounts) asks the rule once for a whole list."""
    db, account_a, account_b, people = world
    accounts = [account_a, account_b, account_b + 1000]  # the last: no such account
    for actor in people.values():
        with db.read() as session:
            user = session.get(User, actor.user_id)
            assert user is not None
            one_by_one = [a for a in accounts if is_allowed(session, user, permission, a)]
            assert allowed_accounts(session, user, permission, accounts) == one_by_one, actor.login


@pytest.mark.parametrize("permission", list(Permission))
def test_the_accounts_roles_are_asked_only_when_they_can_decide(permission: Permission) -> None:
    """permits (the one rule behind is_allowed and allowed_accounts) reads a person's memberships only when a role
    on an account can change the answer: not for a city-wide role in the rule, nor for a rule of city-wide roles."""
    asked: list[bool] = []

    def held() -> dict[int, set[Role]]:
        asked.append(True)
        return {1: {STA}}

    rule = TABLE[permission]
    for city in ({ADM}, {PR}, {EMP}, set()):
        asked.clear()
        allowed = permits(permission, city, held, 1)
        assert allowed == bool((city | {STA}) & rule.roles), (permission, city)
        decided_by_city = bool(city & rule.roles) or not any(role.per_account for role in rule.roles)
        assert asked == ([] if decided_by_city else [True]), (permission, city)
