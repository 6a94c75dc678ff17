from __future__ import annotations

import itertools
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sns_desk.domain.vocabulary import Platform, Role
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import Account, AccountMember, Department, User
from tests.harness import MemoryKeyring as MemoryKeyring  # here for the tests that import it from conftest

pytest_plugins = ["tests.world"]


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own per-user folders (settings, logs, default database)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SNS_DESK_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sns-desk.sqlite3"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated empty database, copied for each test (migrating once keeps the suite quick)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(path, create=True).dispose()
    return path


# PostgreSQL: .ci/run starts a real server and sets this URL (a role allowed to create databases). Test modules
# that set BOTH_BACKENDS = True run every test using ``db`` on SQLite and on PostgreSQL; a test that needs the
# SQLite file itself is marked ``@pytest.mark.sqlite_only``.
PG_URL = os.environ.get("SNS_DESK_TEST_PG_URL", "")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test needs the SQLite file (not run on PostgreSQL)")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a process a test started is still running (a daemon's teardown ends it by its pid)."""
    from tests import processes

    left = processes.leftovers()
    if not left:
        return
    lines = [f"  pid {pid}: {command}" for pid, command in left.items()]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    message = "processes started by the tests are still running:\n" + "\n".join(lines)
    if reporter is not None:
        reporter.write_line("\n" + message, red=True)
    else:
        print(message)
    for pid in left:  # do not leave them to pile up on the machine
        processes.end(pid)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if (
        "db" in metafunc.fixturenames
        and getattr(metafunc.module, "BOTH_BACKENDS", False)
        and metafunc.definition.get_closest_marker("sqlite_only") is None
    ):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


def pg_admin_url(database: str = "postgres") -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


def pg_execute(*statements: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(pg_admin_url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def require_postgresql() -> None:
    if not PG_URL:
        from tests.world import unavailable

        unavailable("no PostgreSQL server (set SNS_DESK_TEST_PG_URL)")


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """One migrated empty database on the server, copied (CREATE DATABASE … TEMPLATE) for each test."""
    require_postgresql()
    name = f"sns_desk_template_{os.getpid()}"
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
    open_database(pg_admin_url(name), create=True).dispose()
    yield name
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for one test."""
    template = request.getfixturevalue("pg_template")
    name = f"sns_desk_test_{os.getpid()}_{next(_counter)}"
    pg_execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield pg_admin_url(name)
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_counter = itertools.count()


@pytest.fixture
def db(backend: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if backend == "postgresql":
        database = open_database(request.getfixturevalue("pg_url"), retry_seconds=5)
    else:
        db_path = request.getfixturevalue("db_path")
        shutil.copyfile(request.getfixturevalue("template_db"), db_path)
        database = open_database(db_path, retry_seconds=5)
    yield database
    database.dispose()


class UnansweredKeyring(MemoryKeyring):
    """A keyring whose unlock prompt nobody sees (a remote desktop): every call waits until the test releases it."""

    def __init__(self, store: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.store = store
        self.asked = threading.Event()
        self.release = threading.Event()

    def _wait(self) -> None:
        self.asked.set()
        self.release.wait(60)

    def get_password(self, service: str, username: str) -> str | None:
        self._wait()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._wait()
        super().set_password(service, username, password)


@pytest.fixture
def unanswered(memory_keyring: MemoryKeyring) -> Iterator[UnansweredKeyring]:
    """Holds the memory keyring's secrets; the test installs it (``keyring.set_keyring``) once its world is
    arranged, since arranging signs decisions with the keyring."""
    backend = UnansweredKeyring(memory_keyring.store)
    yield backend
    backend.release.set()  # the abandoned worker threads end with the test


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No test ever touches the developer's real keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def everyone_at_their_own_pc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests act for several people in one process: each is taken to be logged in at their own PC.  The
    attack tests put the real OS check back (tests/test_key_trust.py)."""
    from sns_desk.services import signing

    monkeypatch.setattr(signing, "os_login_is", lambda login: True)


@pytest.fixture
def admin(db: Database) -> Actor:
    return users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "情報政策課")


def make_user(db: Database, login: str, **flags: bool) -> Actor:
    """Insert a user directly (not through a service: for arranging a test's world)."""
    with db.write_session() as session:
        user = User(login=login, display_name=login.upper(), **flags)
        session.add(user)
        session.flush()
        return Actor(user.id, user.login, user.display_name)


def make_account(db: Database, name: str = "鹿児島市公式X") -> int:
    with db.write_session() as session:
        dept = Department(name=f"局-{name}")
        session.add(dept)
        session.flush()
        account = Account(platform=Platform.X, name=name, department_id=dept.id)
        session.add(account)
        session.flush()
        return account.id


def give_role(db: Database, actor: Actor, account_id: int, role: Role) -> None:
    with db.write_session() as session:
        session.add(AccountMember(account_id=account_id, user_id=actor.user_id, role=role))


@pytest.fixture(autouse=True)
def acting_within_office_hours(monkeypatch: pytest.MonkeyPatch) -> None:
    """A post without a planned time is judged at the moment it is submitted or approved (§5(9)): unit tests act at
    10:00 on a working day, whatever the time they run; tests/test_posts.py moves the clock to the night."""
    from datetime import datetime, time, timedelta

    from sns_desk.domain import policy as pol
    from sns_desk.services import post_workflow

    day = datetime.now(pol.JST).date()
    while not pol.within_operating_hours(pol.PolicyData.office_hours(), pol.at_jst(day, time(10))).within:
        day += timedelta(days=1)
    monkeypatch.setattr(post_workflow, "hours_clock", lambda: pol.at_jst(day, time(10)))
