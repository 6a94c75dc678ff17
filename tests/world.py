"""A small city for the account and credential tests: people in their roles and accounts in each state."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NoReturn

import pytest

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus, ChecklistKey, ChecklistState, Platform, Role
from sns_desk.services import account_checklist, accounts, credentials, signing, users
from sns_desk.services.accounts import AccountInput
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

S = AccountStatus


@dataclass
class People:
    admin: Actor
    kacho: Actor  # 課長: requests, becomes 管理者
    kyokucho: Actor  # 局長: アカウント責任者
    tanto: Actor  # 担当者
    agency: Actor  # 委託業者 (acknowledged)
    koho: Actor  # 広報課
    outsider: Actor  # staff of another 課, no role on the account
    section_id: int


def unavailable(reason: str) -> NoReturn:
    """A tool or server the test needs is missing: skipped on a developer's machine, a failure under CI (which
    installs everything, so a skip there would hide the test)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (.ci/run provides it: CI must run this test)")
    pytest.skip(reason)


@pytest.fixture
def people(db: Database, admin: Actor) -> People:
    return make_people(db, admin)


def make_people(db: Database, admin: Actor) -> People:
    bureau = users.create_department(db, admin, "観光交流局")
    section = users.create_department(db, admin, "観光振興課", bureau)

    def add(login: str, name: str, **flags: bool) -> Actor:
        users.create_user(db, admin, users.UserInput(login, name, section, **flags))
        return users.resolve_actor(db, login)

    agency_id = users.create_user(
        db, admin, users.UserInput("agency", "株式会社かごしま広告", section, is_contractor=True)
    )
    users.record_contractor_acknowledgement(db, admin, agency_id, date(2026, 4, 1))
    agency = users.resolve_actor(db, "agency")
    deciders = add("kacho", "観光 課長"), add("kyokucho", "観光 局長")
    for (
        person
    ) in deciders:  # their 電子印鑑 keys, registered on their PCs and certified by the システム管理者
        signing.register_key(db, person)
        signing.certify(db, admin, person.login)
    return People(
        admin,
        *deciders,
        add("tanto", "観光 担当"),
        agency,
        add("koho", "広報 課員", is_pr=True),
        add("outsider", "他課 職員"),
        section,
    )


def valid_policy(**overrides: object) -> pol.PolicyData:
    data = pol.PolicyData.office_hours(
        purpose="鹿児島市の観光情報を国内外に発信する。",
        content="観光イベント、季節の見どころ、交通情報",
        contact_phone="099-216-1327",
        contact_email="kanko@city.example.lg.jp",
        follow=pol.Handling.DONT,
        repost=pol.Handling.DONT,
        like=pol.Handling.DONT,
        share=pol.Handling.DONT,
    )
    for key, value in overrides.items():
        setattr(data, key, value)
    return data


def request(db: Database, p: People, name: str = "鹿児島市観光公式X") -> int:
    return accounts.request_account(
        db,
        p.kacho,
        AccountInput(Platform.X, name, p.section_id, "@kagoshima_kanko"),
        p.kyokucho.user_id,
        valid_policy(),
    )


def version(db: Database, actor: Actor, account_id: int) -> int:
    return accounts.get_account(db, actor, account_id).version


def status(db: Database, p: People, account_id: int) -> AccountStatus:
    return accounts.get_account(db, p.admin, account_id).status


def staff_up(db: Database, p: People, account_id: int) -> None:
    users.assign_account_role(db, p.kacho, account_id, p.tanto.user_id, Role.STAFF)
    users.assign_account_role(db, p.kacho, account_id, p.agency.user_id, Role.CONTRACTOR)


def complete_checklist(db: Database, p: People, account_id: int) -> None:
    account_checklist.set_checklist_item(
        db,
        p.kacho,
        account_id,
        ChecklistKey.VERIFIED,
        ChecklistState.NOT_OFFERED,
        note="X は自治体の認証を提供していない",
    )
    account_checklist.set_checklist_item(
        db,
        p.kacho,
        account_id,
        ChecklistKey.HOMEPAGE,
        ChecklistState.DONE,
        "https://www.city.example.lg.jp/sns/kanko.html",
    )
    account_checklist.set_checklist_item(
        db, p.kacho, account_id, ChecklistKey.PROFILE_LINK, ChecklistState.DONE
    )
    credentials.set_credential(db, p.kacho, account_id, "kagoshima_kanko", "correct horse battery staple")


def in_state(db: Database, p: People, target: AccountStatus) -> int:
    """An account brought to ``target`` through the real services."""
    account_id = request(db, p)
    staff_up_done = False
    if target is S.REQUESTED:
        return account_id
    if target is S.REJECTED:
        accounts.reject_request(db, p.kyokucho, account_id, version(db, p.kyokucho, account_id), "目的が重複")
        return account_id
    accounts.approve_opening(db, p.kyokucho, account_id, version(db, p.kyokucho, account_id))
    if not staff_up_done:
        staff_up(db, p, account_id)
    if target is S.PREPARING:
        return account_id
    complete_checklist(db, p, account_id)
    accounts.activate(db, p.kacho, account_id, version(db, p.kacho, account_id))
    if target is S.ACTIVE:
        return account_id
    if target is S.SUSPENDED:
        accounts.suspend(db, p.kyokucho, account_id, version(db, p.kyokucho, account_id), "炎上のため")
        return account_id
    accounts.close(db, p.kyokucho, account_id, version(db, p.kyokucho, account_id), "事業終了")
    return account_id


class RawConnection:
    """A connection around the app, as an SQLite editor or psql would use, on either backend ("?" placeholders)."""

    def __init__(self, db: Database) -> None:
        db.dispose()  # the app's pooled connections must not cache what is changed behind their back
        self.server = db.location.path is None
        if self.server:
            import psycopg
            from sqlalchemy.engine import make_url

            url = make_url(db.location.url).set(drivername="postgresql")
            self.conn: Any = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        else:
            assert db.location.path is not None
            self.conn = sqlite3.connect(db.location.path, isolation_level=None)

    def execute(self, statement: str, params: Sequence[object] = ()) -> Any:
        if self.server:
            statement = statement.replace("?", "%s")
        return self.conn.execute(statement, tuple(params))

    def close(self) -> None:
        self.conn.close()
