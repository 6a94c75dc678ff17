"""Search terms of one or two characters through the index of characters and pairs (migration 0023, SQLite): the
same posts as LIKE, kept current on insert, edit and delete, built for the posts already there when a file is
upgraded (issue 17: a short term that matches nothing no longer reads every post)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select, update

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import post_queries
from sns_desk.services.post_queries import PostFilter
from sns_desk.store import search
from sns_desk.store.database import Database
from sns_desk.store.orm import Post, PostDecision, PostRevision
from tests.migrating import migrating
from tests.world import People, in_state

pytestmark = pytest.mark.sqlite_only

# Kana, kanji, full-width and half-width forms, Latin letters in both cases (LIKE ignores their case), digits, and
# what LIKE and FTS5 treat specially (% _ \ " * ^ : and spaces).
ALPHABET = 'あいうかきアイウカ灰火山桜島降予報ＡＢａｂAaBbCcZz019%_\\"*^:-. 　【】\n'
TEXTS = st.text(alphabet=ALPHABET, max_size=12)
TERMS = st.text(alphabet=ALPHABET, min_size=1, max_size=2)


def contains(term: str) -> str:
    """A LIKE pattern for posts containing ``term``, each of % _ \\ as itself (escape character \\)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_ids(db: Database, term: str) -> set[int]:
    """What SQLite's LIKE finds: the reference the index must agree with."""
    pattern = contains(term)
    with db.read() as session:
        return set(
            session.scalars(
                select(Post.id).where(
                    Post.title.like(pattern, escape="\\")
                    | Post.body.like(pattern, escape="\\")
                    | Post.category.like(pattern, escape="\\")
                )
            )
        )


def index_ids(db: Database, term: str) -> set[int]:
    with db.read() as session:
        found = search.short_term_matches(session, term)
    assert found is not None, "SQLite has the index"
    return set(found)


def add_posts(db: Database, people: People, account: int, rows: list[tuple[str, str, str]]) -> list[int]:
    now = datetime.now(UTC)
    with db.write_session() as session:
        return list(
            session.scalars(
                insert(Post).returning(Post.id),
                [
                    dict(
                        account_id=account,
                        author_id=people.tanto.user_id,
                        status=PostStatus.DRAFT,
                        title=title,
                        body=body,
                        category=category,
                        created_at=now,
                        updated_at=now,
                        version=1,
                    )
                    for title, body, category in rows
                ],
            )
        )


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.tuples(TEXTS, TEXTS, TEXTS), min_size=1, max_size=6),
    edits=st.lists(st.tuples(st.integers(0, 5), TEXTS), max_size=3),
    gone=st.sets(st.integers(0, 5), max_size=2),
    terms=st.lists(TERMS, min_size=1, max_size=4),
)
def test_a_short_term_finds_exactly_what_like_finds_after_inserts_edits_and_deletes(
    db: Database,
    people: People,
    account: int,
    rows: list[tuple[str, str, str]],
    edits: list[tuple[int, str]],
    gone: set[int],
    terms: list[str],
) -> None:
    with db.write_session() as session:  # each example starts from no posts (the delete trigger runs too)
        session.execute(delete(Post))
    ids = add_posts(db, people, account, rows)
    with db.write_session() as session:
        for which, body in edits:
            session.execute(update(Post).where(Post.id == ids[which % len(ids)]).values(body=body))
        session.execute(delete(Post).where(Post.id.in_([ids[i % len(ids)] for i in gone])))
    with db.read() as session:  # a term taken from a post as well as random ones
        sample = session.scalars(select(Post.body).where(Post.body != "").limit(1)).first()
    for term in [*terms, *([sample[:2], sample[-1:]] if sample else [])]:
        assert index_ids(db, term) == like_ids(db, term), f"term {term!r}"


def test_the_post_list_uses_the_index_for_one_or_two_characters(
    db: Database, people: People, account: int
) -> None:
    ash, fire = add_posts(
        db,
        people,
        account,
        [("降灰予報", "桜島の降灰予報です。Sakurajima", ""), ("花火", "花火大会の交通規制", "イベント")],
    )

    def found(term: str) -> list[int]:
        rows = post_queries.list_posts(db, people.kacho, PostFilter(text=term))
        return sorted(r.id for r in rows)

    assert found("灰") == [ash]
    assert found("花火") == [fire]
    assert found("sA") == [ash], "Latin letters in any case, as LIKE"
    assert found("ベン") == [fire], "the category is searched too"
    assert found("灰花") == [] and found("Ｚ") == [], "nothing matches: answered by the index"
    with db.read() as session:
        assert search.short_term_matches(session, "灰") == [ash]
        assert search.short_term_matches(session, "降灰予") is None, "three characters: the trigram index"


def test_upgrading_a_file_builds_the_index_for_its_posts_with_progress_and_downgrading_removes_it(
    db: Database, people: People, account: int
) -> None:
    with migrating(db) as (cfg, conn):
        command.downgrade(cfg, "0022_pg_trgm")
        assert (
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'posts_fts_short%'").all()
            == []
        )
    made = add_posts(db, people, account, [(f"第{i}号", f"お知らせ{i}", "") for i in range(12)])
    with db.read() as session:
        assert search.short_term_matches(session, "第") is None, "before the upgrade: LIKE"
    assert [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text="第"))] != []

    seen: list[tuple[int, int]] = []
    with migrating(db) as (cfg, conn):
        cfg.attributes["progress"] = lambda done, total, _text: seen.append((done, total))
        command.upgrade(cfg, "head")
    assert seen and seen[-1] == (12, 12), "progress up to every post"
    assert index_ids(db, "第") == set(made)
    assert index_ids(db, "1") == like_ids(db, "1") == {made[1], *made[10:]}
    with db.write_session() as session:  # the triggers follow what comes after the upgrade
        for table in (PostRevision, PostDecision):
            session.execute(delete(table))
        session.execute(update(Post).where(Post.id == made[0]).values(title="号外"))
    assert made[0] not in index_ids(db, "第") and index_ids(db, "号外") == {made[0]}
