"""Query budgets (issue 17): what a person waits for runs a fixed number of SQL statements, however many accounts
and posts the city has.  Counts are deterministic where timings are not: each use case runs in a small city and
in one ten times its size, and both counts must be equal and within the budget."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sns_desk.services import accounts, monitoring, notices, post_queries, post_workflow, signing, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database, open_database
from tests.conftest import pg_admin_url, pg_execute
from tests.scale import City, build_city, counting

BOTH_BACKENDS = True

SMALL, LARGE = (3, 6), (30, 30)  # (accounts, posts per account)


def city_of(db: Database, admin: Actor, size: tuple[int, int]) -> City:
    city = build_city(db, admin, *size)
    signing.register_key(db, city.manager)  # the 管理者 approves with their 電子印鑑
    signing.certify(db, admin, city.manager.login)
    return city


# A piece of work is given the city and returns what to count (so that it can read what it needs first).
Work = Callable[[Database, Actor, City], Callable[[], object]]


def counts(db: Database, admin: Actor, size: tuple[int, int], work: Work) -> int:
    city = city_of(db, admin, size)
    work(db, admin, city)()  # a first run warms what is cached per process (not per session)
    measured = work(db, admin, city)
    with counting(db) as seen:
        measured()
    return seen.count


def assert_budget(
    db: Database,
    admin: Actor,
    request: pytest.FixtureRequest,
    budget: int,
    work: Work,
) -> None:
    small = counts(db, admin, SMALL, work)
    # a second city in a fresh database of the same backend, ten times the accounts and fifty times the posts
    large_db: Database = request.getfixturevalue("large_db")
    large_admin = users.bootstrap_first_admin(large_db, "admin", "管理 太郎", "総務局", "情報政策課")
    large = counts(large_db, large_admin, LARGE, work)
    assert small == large, f"the count grows with the city: {small} → {large}"
    assert large <= budget, f"{large} queries, budget {budget}"


@pytest.fixture
def large_db(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A second fresh database of the test's backend, for the larger city."""
    if backend == "postgresql":
        name = f"sns_desk_large_{os.getpid()}"
        pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        pg_execute(f"CREATE DATABASE {name} TEMPLATE {request.getfixturevalue('pg_template')}")
        database = open_database(pg_admin_url(name), retry_seconds=5)
        yield database
        database.dispose()
        pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    path = tmp_path / "large.sqlite3"
    shutil.copyfile(request.getfixturevalue("template_db"), path)
    database = open_database(path, retry_seconds=5)
    yield database
    database.dispose()


def test_the_bell_of_a_manager(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    """The bell of a 管理者 of every account: posts to decide, overdue monitoring, old passwords, troubles."""
    found: list[list[notices.Notice]] = []

    def bell(db: Database, _admin: Actor, city: City) -> Callable[[], object]:
        # with the kinds the person muted, as start-up asks for it
        return lambda: found.append(notices.bell(db, city.manager)[0])

    # issue 17's 5: the person with their memberships, 代決 designations, muted kinds and the city's settings (one
    # statement: person_facts.load_person); the posts to decide; the standing-scope reviews; the serious troubles;
    # every account with its last check, last post, password record and open §3(2) reports (notices._account_facts)
    assert_budget(db, admin, request, 5, bell)
    kinds = [n.kind for n in found[-1]]
    assert (
        kinds.count("approvals") == 1 and kinds.count("monitoring") == kinds.count("credential") == LARGE[0]
    )


def test_the_bell_of_the_system_admin(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    def bell(db: Database, admin: Actor, _city: City) -> Callable[[], object]:
        return lambda: notices.notifications(db, admin)

    # a city-wide person decides no posts: the person (with what person_facts reads with them), the serious
    # troubles and the accounts
    assert_budget(db, admin, request, 3, bell)


def test_the_bell_of_a_staff_member(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    found: list[list[notices.Notice]] = []

    def bell(db: Database, _admin: Actor, city: City) -> Callable[[], object]:
        return lambda: found.append(notices.bell(db, city.staff)[0])

    # a 担当者 decides no posts: the person (with what person_facts reads with them), the serious troubles and the
    # accounts
    assert_budget(db, admin, request, 3, bell)
    assert not {n.kind for n in found[-1]} & {"approvals", "credential"}  # the 管理者's, not theirs


@pytest.mark.parametrize("who", ["admin", "manager", "staff"])
def test_the_account_list(db: Database, admin: Actor, request: pytest.FixtureRequest, who: str) -> None:
    seen: list[list[accounts.AccountRow]] = []

    def account_list(db: Database, admin: Actor, city: City) -> Callable[[], object]:
        actor = {"admin": admin, "manager": city.manager, "staff": city.staff}[who]
        return lambda: seen.append(accounts.list_accounts(db, actor))

    assert_budget(db, admin, request, 5, account_list)
    rows = seen[-1]
    assert len(rows) == LARGE[0]  # every account of the large city (they are members of each)
    assert all("パスワードをキーリングで管理（定期的に変更）" in row.open_items for row in rows)
    assert all(row.credential_due and row.managers == ("管理 花子",) for row in rows)
    assert rows[0].department in {"第0局 第0課", "第0局 第3課"}


def test_opening_a_post(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    opened: list[post_queries.PostDetail] = []

    def open_post(db: Database, _admin: Actor, city: City) -> Callable[[], object]:
        return lambda: opened.append(post_queries.get_post(db, city.manager, city.pending[0]))

    assert_budget(db, admin, request, 10, open_post)
    assert opened[-1].revisions[0].saved_by == "担当 一郎"


def test_approving_a_post(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    approved: list[int] = []

    def approve(db: Database, _admin: Actor, city: City) -> Callable[[], object]:
        post_id = city.pending.pop()  # each run approves another post
        version = post_queries.get_post(db, city.manager, post_id).row.version

        def decide() -> None:
            post_workflow.approve(db, city.manager, post_id, version)
            approved.append(post_id)

        return decide

    # issue 17 asks for 15: 10 — the person with their memberships, 代決 designations and 電子印鑑 keys
    # (person_facts); the post with its account and author, whether the approver edited it and its revision count
    # (post_access.open_post); the decision (INSERT) and the post (UPDATE); the approver's view of the revision (one
    # upsert: a decision marks it seen); the chain's end with this PC's anchored event (audit_chain.append) and the
    # event (INSERT); the signed revision with its images; the 電子印鑑 (INSERT); on a server, the chain's end as
    # the decision begins, since it takes the write lock only at its event (store/write_lock.py; SQLite: 9)
    assert_budget(db, admin, request, 10, approve)
    assert len(approved) == 4


def test_monitoring_status(db: Database, admin: Actor, request: pytest.FixtureRequest) -> None:
    seen: list[list[monitoring.MonitoringRow]] = []

    def status(db: Database, _admin: Actor, city: City) -> Callable[[], object]:
        return lambda: seen.append(monitoring.monitoring_status(db, city.manager))

    assert_budget(db, admin, request, 5, status)
    assert len(seen[-1]) == LARGE[0] and all(r.overdue and r.last_by == "管理 花子" for r in seen[-1])
