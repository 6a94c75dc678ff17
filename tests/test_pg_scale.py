"""PostgreSQL at city scale (issue 17): the pg_trgm indexes of migration 0022 (and their absence, told to the
システム管理者), keyset pagination of the post lists, and the 投稿実績 export streamed through a server-side
cursor."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from openpyxl import load_workbook
from sqlalchemy import create_engine, event, text, update
from sqlalchemy.engine import make_url

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.export import workbooks as reports
from sns_desk.gui.shared.item_models import PostsTableModel
from sns_desk.services import post_drafts, post_queries
from sns_desk.services.post_drafts import PostInput
from sns_desk.services.post_queries import PostFilter
from sns_desk.services.server_notices import server_notices
from sns_desk.store import pg_trigram
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import Post, utcnow
from tests.conftest import pg_admin_url, pg_execute, require_postgresql
from tests.migrating import migrating
from tests.world import People, in_state

BOTH_BACKENDS = True

_names = itertools.count()


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def planned() -> datetime:
    return datetime.now(pol.JST) + timedelta(days=3)


def drafts(db: Database, people: People, account: int, bodies: list[str]) -> list[int]:
    return [
        post_drafts.create_draft(db, people.tanto, PostInput(account, body, planned_at=planned()))
        for body in bodies
    ]


# --- keyset pagination ----------------------------------------------------------------------------------------------


def test_paging_by_the_last_row_seen_gives_every_post_once_even_with_equal_times(
    db: Database, people: People, account: int
) -> None:
    made = drafts(db, people, account, [f"お知らせ第{i}号" for i in range(11)])
    same = utcnow().replace(microsecond=0)
    # as a bulk import would leave them: several posts saved in one instant
    with db.write_session() as session:
        session.execute(update(Post).where(Post.id <= made[6]).values(updated_at=same))
    pages: list[list[int]] = []
    after = None
    for _ in range(10):  # a page key that did not move on would read the same page for ever
        page = post_queries.list_posts(db, people.kacho, limit=3, after=after)
        if not page:
            break
        pages.append([r.id for r in page])
        after = page[-1].page_key
    seen = [post_id for page in pages for post_id in page]
    assert sorted(seen) == sorted(made) and len(seen) == len(set(seen)), "every post once"
    assert seen == [r.id for r in post_queries.list_posts(db, people.kacho, limit=100)], "in the list's order"
    assert [len(p) for p in pages] == [3, 3, 3, 2]
    # a page deep in the list does not move when a post is saved meanwhile (OFFSET would show a row twice)
    after_two = post_queries.list_posts(db, people.kacho, limit=6)[-1].page_key
    drafts(db, people, account, ["新しい下書き"])
    assert [r.id for r in post_queries.list_posts(db, people.kacho, limit=3, after=after_two)] == pages[2]


def test_the_posts_list_loads_more_after_its_last_row(
    db: Database, people: People, account: int, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    made = drafts(db, people, account, [f"交通規制のお知らせ{i}" for i in range(7)])
    model = PostsTableModel()
    model.PAGE = 3
    model.set_fetch(
        lambda last, limit: post_queries.list_posts(
            db, people.kacho, PostFilter(text="交通規制"), limit=limit, after=last.page_key if last else None
        )
    )
    assert model.rowCount() == 3 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 7 and not model.canFetchMore()
    assert sorted(int(model.index(r, 0).data()) for r in range(7)) == sorted(made)
    qtmodeltester.check(model)


# --- pg_trgm (migration 0022) ---------------------------------------------------------------------------------------


def _trigram_state(db: Database) -> tuple[bool, list[str]]:
    with db.engine.connect() as conn:
        return pg_trigram.has_extension(conn), pg_trigram.missing_indexes(conn)


def test_the_migration_makes_the_trigram_indexes_and_takes_them_back(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (SQLite has the FTS5 index of 0007)")
    assert _trigram_state(db) == (True, [])
    with migrating(db) as (cfg, _conn):
        command.downgrade(cfg, "0021_after_approval")
    assert _trigram_state(db) == (True, sorted(pg_trigram.INDEXES, key=list(pg_trigram.INDEXES).index))
    with migrating(db) as (cfg, _conn):
        command.upgrade(cfg, "head")
    assert _trigram_state(db) == (True, [])


def test_sqlite_gets_nothing_from_0022(db: Database) -> None:
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with db.engine.connect() as conn:
        names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
    assert not names & set(pg_trigram.INDEXES)
    assert db.admin_notices == []


WORDS = [
    "降灰予報",
    "予報",
    "灰",
    "SAKURA",
    "kura",
    "100%",
    "1_0",
    "a_b",
    "お知らせ",
    "ない語です",
    "交通",
    "Ab",
]
BODIES = [
    "桜島の降灰予報をお知らせします。Sakurajima",
    "花火大会の交通規制について",
    "割引は100%ではありません",
    "番号 1_0 と a_b の記法",
    "abc とだけ",
]


def _expected(bodies: dict[int, str], word: str) -> list[int]:
    # ILIKE: any case for Latin letters, % and _ as themselves (escaped by store/search.py)
    return sorted(i for i, body in bodies.items() if word.lower() in body.lower())


def test_search_through_the_trigram_indexes_finds_what_ilike_finds(
    db: Database, people: People, account: int
) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    bodies = dict(zip(drafts(db, people, account, BODIES), BODIES, strict=True))
    plans: list[str] = []
    db.engine.dispose()  # every connection from now on prefers the indexes, even for a handful of rows

    @event.listens_for(db.engine, "connect")
    def _prefer_indexes(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_conn.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
        dbapi_conn.commit()  # a SET inside a transaction that is rolled back would not last

    for word in WORDS:
        assert [
            r for r in sorted(r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text=word)))
        ] == (_expected(bodies, word)), word
    with db.engine.connect() as conn:
        plans = [
            row[0]
            for row in conn.execute(
                text(
                    "EXPLAIN SELECT id FROM posts WHERE body ILIKE :w OR title ILIKE :w OR category ILIKE :w"
                ),
                {"w": "%降灰予報%"},
            )
        ]
    assert any("ix_posts_body_trgm" in line for line in plans), plans
    assert not any("Seq Scan" in line for line in plans), plans


# --- without pg_trgm: the migration succeeds, the search works, the システム管理者 is told ----------------------------


@pytest.fixture
def restricted_url() -> Iterator[tuple[str, str]]:
    """A fresh database the app reaches as a role that may create tables but not enable extensions (no CREATE on
    the database, as a DBA might set it up), and the database's name."""
    require_postgresql()
    role = f"sns_desk_limited_{os.getpid()}_{next(_names)}"
    name = f"sns_desk_noext_{os.getpid()}_{next(_names)}"
    pg_execute(f"CREATE ROLE {role} LOGIN PASSWORD 'limited' NOSUPERUSER", f"CREATE DATABASE {name}")
    engine = create_engine(pg_admin_url(name), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"GRANT ALL ON SCHEMA public TO {role}")
    engine.dispose()
    url = make_url(pg_admin_url(name)).set(username=role, password="limited")
    yield url.render_as_string(hide_password=False), name
    pg_execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"DROP ROLE IF EXISTS {role}")


def test_without_pg_trgm_the_database_opens_searches_and_tells_the_admin(
    restricted_url: tuple[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    from sns_desk.services import users
    from tests.conftest import make_user

    url, name = restricted_url
    db = open_database(url, create=True)
    try:
        assert _trigram_state(db) == (False, list(pg_trigram.INDEXES))
        [notice] = db.admin_notices
        assert "pg_trgm" in notice and "CREATE EXTENSION IF NOT EXISTS pg_trgm;" in notice
        assert "pg_trgm" in caplog.text and "CREATE EXTENSION" in caplog.text
        admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "情報政策課")
        clerk = make_user(db, "clerk")
        assert server_notices(db, admin) == [notice]
        assert server_notices(db, clerk) == [], "only the システム管理者 can act on it"
    finally:
        db.dispose()
    # the DBA enables it; the next start creates the indexes and says nothing more
    engine = create_engine(pg_admin_url(name), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(pg_trigram.dba_statements())
    engine.dispose()
    db = open_database(url)
    try:
        assert _trigram_state(db) == (True, []) and db.admin_notices == []
    finally:
        db.dispose()


def test_without_pg_trgm_search_still_finds_posts(restricted_url: tuple[str, str]) -> None:
    from sns_desk.services import users
    from tests.world import make_people

    url, _name = restricted_url
    db = open_database(url, create=True)
    try:
        admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "情報政策課")
        people = make_people(db, admin)
        account = in_state(db, people, AccountStatus.ACTIVE)
        bodies = dict(zip(drafts(db, people, account, BODIES), BODIES, strict=True))
        for word in WORDS:
            found = sorted(r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text=word)))
            assert found == _expected(bodies, word), word
    finally:
        db.dispose()


# --- the 投稿実績 export, streamed -------------------------------------------------------------------------------------


def test_the_post_record_export_reads_the_posts_through_a_server_side_cursor(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    """On PostgreSQL the rows come a batch at a time from a named (server-side) cursor, so 100,000 rows never sit
    in memory at once; every row still reaches the workbook."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (SQLite steps through its rows anyway)")
    items = [PostInput(account, f"お知らせ {i}", planned_at=planned()) for i in range(2500)]
    post_drafts.create_drafts(db, people.tanto, items)
    cursors: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if "coalesce(posts.published_at" in statement:
            cursors.append(type(cursor).__name__)

    result = reports.export_post_record(
        db,
        people.kacho,
        datetime.now(pol.JST) - timedelta(days=1),
        datetime.now(pol.JST) + timedelta(days=60),
        tmp_path / "posts.xlsx",
        account_id=account,
    )
    assert "ServerCursor" in cursors, cursors
    assert result.rows == 2500
    sheet = load_workbook(tmp_path / "posts.xlsx", read_only=True).worksheets[0]
    bodies = [
        row[9] for row in sheet.iter_rows(values_only=True) if row[9] and str(row[9]).startswith("お知らせ")
    ]
    assert sorted(bodies) == sorted(f"お知らせ {i}" for i in range(2500))
