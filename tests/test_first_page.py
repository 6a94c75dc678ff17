"""Start-up's quick first read (store/first_page.py, issue 17 ready): for every role, exactly the rows of the
services' 下書き list; and no answer at all (start as before) whenever it cannot be trusted."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.services import accounts, post_queries, users
from sns_desk.services.actors import Actor
from sns_desk.services.post_queries import PostFilter
from sns_desk.store.database import Database
from sns_desk.store.first_page import read_first_page
from sns_desk.store.post_rows import COLUMNS, PostRow, row_reader
from tests.conftest import give_role, make_user
from tests.test_posts import draft, submit
from tests.world import People, complete_checklist, in_state, request, staff_up, version


def path_of(db: Database) -> Path:
    assert db.location.path is not None
    return db.location.path


@pytest.fixture
def city(db: Database, people: People) -> tuple[int, int]:
    """Two accounts in operation; posts on both, in several states; the outsider is 担当者 of the second only."""
    first = in_state(db, people, AccountStatus.ACTIVE)
    second = request(db, people, "鹿児島市防災LINE")
    accounts.approve_opening(db, people.kyokucho, second, version(db, people.kyokucho, second))
    staff_up(db, people, second)
    complete_checklist(db, people, second)
    accounts.activate(db, people.kacho, second, version(db, people.kacho, second))
    give_role(db, people.outsider, second, Role.STAFF)
    for n in range(4):
        submit(db, people.tanto, draft(db, people.tanto, first, f"桜島の降灰予報 {n}"))
        draft(db, people.tanto, second, f"避難所の開設 {n}", title=f"避難所 {n}")
    draft(db, people.agency, first, "委託業者の下書き")
    return first, second


def everyone(people: People) -> dict[str, Actor]:
    return {
        "システム管理者": people.admin,
        "アカウント管理者": people.kacho,
        "アカウント責任者": people.kyokucho,
        "アカウント担当者": people.tanto,
        "委託業者": people.agency,
        "広報課": people.koho,
        "他の課の職員（2つ目だけ担当）": people.outsider,
    }


@pytest.mark.parametrize("limit", [200, 3])
def test_the_quick_read_gives_each_role_exactly_the_services_list(
    db: Database, people: People, city: tuple[int, int], limit: int
) -> None:
    seen = {}
    for role, actor in everyone(people).items():
        quick = read_first_page(path_of(db), actor.login, limit)
        assert quick is not None, role
        assert quick.person.user_id == actor.user_id
        service = post_queries.list_posts(db, actor, PostFilter(), limit=limit)
        assert quick.rows == service, role  # every column, the order (newest first) and the page size
        seen[role] = {row.account_id for row in quick.rows}
    if limit == 200:
        first, second = city
        assert seen["システム管理者"] == seen["広報課"] == {first, second}
        assert seen["他の課の職員（2つ目だけ担当）"] == {second}


def test_a_person_without_a_role_sees_an_empty_list_not_the_city(
    db: Database, people: People, city: object
) -> None:
    users.create_user(db, people.admin, users.UserInput("kokumin", "職員 某"))
    stranger = users.resolve_actor(db, "kokumin")
    quick = read_first_page(path_of(db), stranger.login, 200)
    assert quick is not None and quick.rows == []
    assert post_queries.list_posts(db, stranger, PostFilter()) == []


def test_no_quick_read_for_whom_the_full_start_has_something_to_say(
    db: Database, people: People, city: object
) -> None:
    """Not registered, deactivated, an unacknowledged 委託業者: the normal start explains (and names whom to ask)."""
    make_user(db, "new-agency", is_contractor=True)
    make_user(db, "retired", active=False)
    for login in ("nobody", "new-agency", "retired"):
        assert read_first_page(path_of(db), login, 200) is None, login


def test_no_quick_read_of_a_file_that_is_not_exactly_what_this_app_expects(
    db: Database, people: People, city: object, tmp_path: Path
) -> None:
    path = path_of(db)
    assert read_first_page(path, "admin", 200) is not None
    db.dispose()
    with sqlite3.connect(
        path
    ) as conn:  # a shared folder's file: a rollback journal, where writers block readers
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    # an older or newer schema (to be upgraded, or refused): the full opening decides
    conn = sqlite3.connect(path)
    (head,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    for revision in ("0022_pg_trigram", "0999_future"):
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
        assert read_first_page(path, "admin", 200) is None, revision
    conn.execute("UPDATE alembic_version SET version_num = ?", (head,))
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert read_first_page(path, "admin", 200) is not None
    # a write another PC did not finish (a hot journal): the full opening rolls it back first
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"\x00" * 512)
    assert read_first_page(path, "admin", 200) is None
    journal.unlink()
    # another PC writing right now (an exclusive lock): no waiting here, the full opening retries
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert read_first_page(path, "admin", 200) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    # damaged, or not a database at all, or gone
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(path.read_bytes()[:8192])
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    for other in (broken, garbage, tmp_path / "missing.sqlite3"):
        assert read_first_page(other, "admin", 200) is None, other
    assert not (tmp_path / "missing.sqlite3").exists(), "nothing is created"
    assert read_first_page(path, "admin", 200) is not None
    assert path.read_bytes() == before, "the quick read changes not a byte of the file"


def test_the_quick_read_loads_no_sqlalchemy() -> None:
    """What runs before "ready" on the quick path: this module, the first page's table and its form; not
    SQLAlchemy, the ORM or the services (they load on a worker thread after the first list is shown)."""
    code = (
        "import sys; import sns_desk.gui.app, sns_desk.store.first_page, sns_desk.store.sqlite_files, "
        "sns_desk.gui.posts.posts_preview; "
        "heavy = {'sqlalchemy', 'alembic', 'openpyxl', 'jpholiday', 'sns_desk.services', 'keyring'}; "
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy "
        "or m.startswith('sns_desk.services')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_one_column_list_names_every_field_of_a_list_row() -> None:
    """Both readers of a list row (the services' lists and this quick read) build it from post_rows.COLUMNS: a field
    PostRow gains is read by both only once it is in that list, in PostRow's order."""
    assert [column.field for column in COLUMNS] == [field.name for field in fields(PostRow)]


def test_a_reader_must_say_how_it_converts_every_kind_of_column() -> None:
    with pytest.raises(ValueError, match="flag"):
        row_reader({"as_is": None, "platform": None, "status": None, "time": None, "time?": None})
