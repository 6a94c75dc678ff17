"""PostgreSQL: search terms of one or two characters through the index of characters and pairs (migration 0024,
store/pg_short_terms.py): the same posts as ILIKE, for a person who sees every account and for one who sees some
(whose matching posts are read by index first); built with progress when a database is upgraded, and made also
where the app's role may not enable pg_trgm (issue 17: a short term few posts contain no longer reads every post).
"""

from __future__ import annotations

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, select, text, update

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.services import post_queries
from sns_desk.services.post_queries import PostFilter
from sns_desk.store import pg_short_terms, search
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import AccountMember, Post
from tests.migrating import migrating
from tests.test_pg_scale import restricted_url  # noqa: F401 - the fixture: a role that may not enable pg_trgm
from tests.test_search_short_terms import add_posts, contains
from tests.world import People, in_state

BOTH_BACKENDS = True

# Kana, kanji, full-width and half-width Latin letters in both cases (ILIKE ignores their case), Greek, digits,
# and what LIKE treats specially (% _ \), spaces and line breaks.
ALPHABET = 'あいうかきアイウカ灰火山桜島降予報ＡＢａｂAaBbZzΣσς019%_\\"*-. 　【】\n'
TEXTS = st.text(alphabet=ALPHABET, max_size=12)
TERMS = st.text(alphabet=ALPHABET, min_size=1, max_size=2)


@pytest.fixture(autouse=True)
def _postgresql_only(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only (SQLite: tests/test_search_short_terms.py, migration 0023)")


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def ilike_ids(db: Database, term: str) -> set[int]:
    """What ILIKE finds, each of % _ \\ as itself: the reference the index must agree with."""
    pattern = contains(term)
    with db.read() as session:
        return set(
            session.scalars(
                select(Post.id).where(
                    Post.title.ilike(pattern, escape="\\")
                    | Post.body.ilike(pattern, escape="\\")
                    | Post.category.ilike(pattern, escape="\\")
                )
            )
        )


def listed(db: Database, who: object, term: str) -> set[int]:
    return {r.id for r in post_queries.list_posts(db, who, PostFilter(text=term))}  # type: ignore[arg-type]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.tuples(TEXTS, TEXTS, TEXTS), min_size=1, max_size=6),
    edits=st.lists(st.tuples(st.integers(0, 5), TEXTS), max_size=3),
    terms=st.lists(TERMS, min_size=1, max_size=4),
)
def test_a_short_term_lists_exactly_what_ilike_finds(
    db: Database,
    people: People,
    account: int,
    rows: list[tuple[str, str, str]],
    edits: list[tuple[int, str]],
    terms: list[str],
) -> None:
    with db.write_session() as session:
        session.execute(delete(Post))
    ids = add_posts(db, people, account, rows)
    with db.write_session() as session:  # the index follows edits (an expression index: no trigger to forget)
        for which, body in edits:
            session.execute(update(Post).where(Post.id == ids[which % len(ids)]).values(body=body))
    with db.read() as session:  # a term taken from a post as well as random ones
        sample = session.scalars(select(Post.body).where(Post.body != "").limit(1)).first()
    for term in {t.strip() for t in [*terms, *([sample[:2], sample[-1:]] if sample else [])]} - {""}:
        expected = ilike_ids(db, term)  # the list searches for what is left once spaces around are cut
        assert listed(db, people.koho, term) == expected, f"every account: {term!r}"
        assert listed(db, people.kacho, term) == expected, f"the 管理者's account: {term!r}"


# What lower-casing touches (Roman numerals, circled letters, the Kelvin sign, dotted İ) next to what it does not
# (kana, kanji, ー, digits of both widths)
CASED_OR_NOT = "あアー灰降予１1ⅠⅰⒶⓐKkİiＡａAa%_\\ "


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.tuples(*[st.text(alphabet=CASED_OR_NOT, max_size=10)] * 3), min_size=1, max_size=6),
    terms=st.lists(st.text(alphabet=CASED_OR_NOT, min_size=1, max_size=4), min_size=1, max_size=4),
)
def test_a_common_term_walked_along_the_list_finds_exactly_what_ilike_finds(
    db: Database,
    people: People,
    account: int,
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[str, str, str]],
    terms: list[str],
) -> None:
    """Every term taken as common (the list's order walked): a term without case is matched with LIKE, any other
    with ILIKE, and both find exactly what ILIKE finds, for every account and for a 管理者's."""
    monkeypatch.setattr(pg_short_terms, "estimated_matches", lambda _conn, _term: 1e9)
    with db.write_session() as session:
        session.execute(delete(Post))
    add_posts(db, people, account, rows)
    for term in {t.strip() for t in terms} - {""}:
        expected = ilike_ids(db, term)
        assert listed(db, people.koho, term) == expected, f"every account: {term!r}"
        assert listed(db, people.kacho, term) == expected, f"the 管理者's account: {term!r}"


def test_a_term_without_case_is_matched_with_like(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert search.caseless("降灰予報") and search.caseless("お知らせ第1") and search.caseless("データ")
    assert not search.caseless("Ab") and not search.caseless("ａ") and not search.caseless("Ⅰ")
    assert not search.caseless("%") and not search.caseless("降 灰"), "only letters without case and digits"
    [ash] = add_posts(db, people, account, [("降灰予報", "桜島の降灰予報です。Sakurajima", "")])
    monkeypatch.setattr(pg_short_terms, "estimated_matches", lambda _conn, _term: 1e9)  # common: walked
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    for term, operator in (("降", " LIKE "), ("降灰予報", " LIKE "), ("sakura", " ILIKE ")):
        statements.clear()
        assert listed(db, people.koho, term) == {ash}
        [walk] = [s for s in statements if "FROM posts" in s]
        assert operator in walk and (operator == " ILIKE " or "ILIKE" not in walk), walk


def test_the_index_serves_short_terms_and_a_manager_sees_only_their_accounts(
    db: Database, people: People, account: int
) -> None:
    other = in_state(db, people, AccountStatus.ACTIVE)
    with db.write_session() as session:  # the 課長 is 管理者 of ``account`` only
        session.execute(
            delete(AccountMember).where(
                AccountMember.account_id == other, AccountMember.user_id == people.kacho.user_id
            )
        )
    [ash] = add_posts(db, people, account, [("降灰予報", "桜島の降灰予報です。Sakurajima", "")])
    [fire] = add_posts(db, people, other, [("花火", "花火大会の交通規制", "イベント")])
    assert listed(db, people.koho, "灰") == {ash} and listed(db, people.koho, "花火") == {fire}
    assert listed(db, people.koho, "sA") == {ash}, "Latin letters in any case, as ILIKE"
    assert listed(db, people.koho, "ベン") == {fire}, "the category is searched too"
    assert listed(db, people.koho, "灰花") == set() and listed(db, people.koho, "%") == set()
    assert listed(db, people.kacho, "花火") == set(), "another account's post: not the 管理者's"
    assert listed(db, people.kacho, "予報") == {ash} and listed(db, people.kacho, "降灰予報") == {ash}
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # a handful of rows: make the planner show the index
        plan = "\n".join(
            row[0]
            for row in conn.execute(
                text(
                    f"EXPLAIN SELECT id FROM posts WHERE {pg_short_terms.expression('posts')} @> ARRAY['灰']"
                )
            )
        )
    assert pg_short_terms.INDEX in plan, plan


def test_upgrading_builds_the_index_with_progress_and_downgrading_removes_it(
    db: Database, people: People, account: int
) -> None:
    def present() -> tuple[bool, bool]:
        with db.engine.connect() as conn:
            function = conn.exec_driver_sql(
                "SELECT 1 FROM pg_proc WHERE proname = %(f)s", {"f": pg_short_terms.FUNCTION}
            ).first()
            return pg_short_terms.has_index(conn), function is not None

    assert present() == (True, True)
    with migrating(db) as (cfg, _conn):
        command.downgrade(cfg, "0023_short_terms")
    assert present() == (False, False)
    made = add_posts(db, people, account, [(f"第{i}号", f"お知らせ{i}", "") for i in range(12)])
    seen: list[tuple[int, int, str]] = []
    with migrating(db) as (cfg, _conn):
        cfg.attributes["progress"] = lambda done, total, said: seen.append((done, total, said))
        command.upgrade(cfg, "head")
    assert present() == (True, True)
    assert seen[0][:2] == (0, 12) and seen[-1][:2] == (12, 12), seen
    assert all("検索用の索引" in said for _d, _t, said in seen)
    with db.engine.connect() as conn:  # analysed by the migration: which terms are common is known at once
        assert pg_short_terms.estimated_matches(conn, "お") == pytest.approx(12, abs=1)
    assert listed(db, people.koho, "第") == set(made)
    assert listed(db, people.koho, "1") == {made[1], *made[10:]}


def test_without_pg_trgm_the_short_term_index_is_made_and_used(
    restricted_url: tuple[str, str],  # noqa: F811 - the fixture imported above
) -> None:
    from sns_desk.services import users

    url, _name = restricted_url
    db = open_database(url, create=True)
    try:
        with db.engine.connect() as conn:
            assert pg_short_terms.has_index(conn)
        admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "情報政策課")
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        assert post_queries.list_posts(db, admin, PostFilter(text="灰")) == []
        assert any("sns_desk_grams" in s for s in statements), statements
    finally:
        db.dispose()


def test_a_term_whose_lower_case_is_longer_goes_by_ilike() -> None:
    assert pg_short_terms.exact_for("灰") and pg_short_terms.exact_for("Ab")
    assert not pg_short_terms.exact_for("İ"), "Python's lower() makes two characters of it: ILIKE decides"
    assert not pg_short_terms.exact_for("降灰予") and not pg_short_terms.exact_for("")


def test_a_term_many_posts_hold_by_the_statistics_goes_along_the_list(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = add_posts(db, people, account, [(f"第{i}号", f"お知らせ{i}", "") for i in range(30)])
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE posts")
        assert pg_short_terms.estimated_matches(conn, "お") == pytest.approx(30, abs=1)
        assert pg_short_terms.estimated_matches(conn, "存") is None, "a term no post holds: rare"
    monkeypatch.setattr(search, "RARE_MATCHES", 10)  # 30 posts are "many" here
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert listed(db, people.koho, "お") == set(made) == ilike_ids(db, "お")
    assert not any("sns_desk_grams(posts" in s for s in statements), "common: ILIKE along the list's order"
    assert listed(db, people.koho, "1") == ilike_ids(db, "1") != set()


def test_warmed_at_start_the_first_keystroke_does_not_read_the_statistics(
    db: Database, people: People, account: int
) -> None:
    [ash] = add_posts(db, people, account, [("降灰予報", "桜島の降灰予報です。", "")])
    post_queries.warm_search(db, people.koho)  # what start-up runs on a worker thread once the bell is read
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    assert listed(db, people.koho, "降") == {ash}
    assert not any("pg_stats" in s for s in statements), "read by the warm-up, not by the first keystroke"
