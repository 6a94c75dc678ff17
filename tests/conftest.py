from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sns_desk.db import Database, open_database
from sns_desk.models import Account, AccountMember, Department, Platform, Role, User
from sns_desk.services import users
from sns_desk.services.common import Actor

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


@pytest.fixture
def db(db_path: Path, template_db: Path) -> Iterator[Database]:
    shutil.copyfile(template_db, db_path)
    database = open_database(db_path, retry_seconds=5)
    yield database
    database.dispose()


class MemoryKeyring(KeyringBackend):
    """The OS keyring replaced by memory in unit tests (the credential tests also use a real Secret Service)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """No test ever touches the developer's real keyring."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


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
