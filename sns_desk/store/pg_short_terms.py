"""PostgreSQL: an index of every character and every pair of characters of the posts' title, body and category, for
search terms of one or two characters, which pg_trgm cannot serve (migration 0024; issue 17).

``sns_desk_grams(text)`` is an IMMUTABLE function returning a text's characters and pairs of adjacent characters,
lower-cased with ``lower()``; a GIN index (the built-in ``array_ops``: no extension needed) covers the expression
:func:`expression` over the three fields, each field's grams apart (a pair never spans two fields).  A term of
one or two characters is found with ``EXPRESSION @> ARRAY[lower(term)]``.  PostgreSQL's ILIKE compares
``lower(text)`` with ``lower(pattern)`` in a multibyte database, so the array holds ``lower(term)`` exactly when
ILIKE would match, with ``%``, ``_`` and ``\\`` as the characters themselves.  PostgreSQL keeps statistics of the
elements of the expression (ANALYZE), so the planner reads the index for a rare term and walks the list's order
for a common one.  SQLite has its own index of characters and pairs (0023) and nothing here applies to it.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable

from sqlalchemy import Connection, Engine, create_engine, exc
from sqlalchemy.pool import NullPool

log = logging.getLogger(__name__)

INDEX = "ix_posts_short_grams"
FUNCTION = "sns_desk_grams"


def expression(table: str = "") -> str:
    """The indexed expression; the search writes it so (its columns qualified by ``table``, as the list joins
    other tables) for the planner to match it with the index."""
    at = f"{table}." if table else ""
    return f"({FUNCTION}({at}title) || {FUNCTION}({at}body) || {FUNCTION}({at}category))"


EXPRESSION = expression()

# plpgsql: one pass over the characters (an array append in place), faster than SQL's generate_series for the
# initial build of 1,000,000 posts.  NULL or '' gives an empty array.  COST 1000 (ten times plpgsql's default):
# evaluated for each row along the list's order it costs tens of microseconds a post, so the planner must prefer
# the index to a plan that computes it row by row.  PARALLEL RESTRICTED: a query using the index then runs without
# parallel workers, whose start (25 ms on the shared 2-core machine) cost more than the index lookup (under 1 ms);
# PostgreSQL builds GIN indexes in one process anyway.
CREATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL RESTRICTED COST 1000 AS $$
DECLARE
    c text[] := coalesce(regexp_split_to_array(lower(t), ''), '{{}}');
    r text[] := c;
BEGIN
    FOR i IN 1 .. coalesce(array_length(c, 1), 0) - 1 LOOP
        r := r || (c[i] || c[i + 1]);
    END LOOP;
    RETURN r;
END
$$"""
CREATE_INDEX = f"CREATE INDEX IF NOT EXISTS {INDEX} ON posts USING gin ({EXPRESSION})"

ProgressFn = Callable[[int, int, str], None]


def has_index(conn: Connection) -> bool:
    found = conn.exec_driver_sql(
        "SELECT 1 FROM pg_indexes WHERE tablename = 'posts' AND indexname = %(name)s "
        "AND schemaname = current_schema()",
        {"name": INDEX},
    ).first()
    return found is not None


def create(conn: Connection, progress: ProgressFn | None = None) -> None:
    """The function and the index, inside ``conn``'s transaction; while the index is built (minutes at 1,000,000
    posts) a second connection reads PostgreSQL's progress view and reports it to ``progress``."""
    conn.exec_driver_sql(CREATE_FUNCTION)
    if has_index(conn):
        return
    total = conn.exec_driver_sql("SELECT count(*) FROM posts").scalar_one()
    log.info("creating the index of characters and pairs of %d posts", total)
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")  # a GIN build sorts in memory
    if progress is None or total == 0:
        conn.exec_driver_sql(CREATE_INDEX)
        conn.exec_driver_sql("ANALYZE posts")  # statistics of the index's elements: which terms are common
        return
    pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    done = threading.Event()
    watcher = threading.Thread(
        target=_report_progress, args=(conn.engine, pid, total, progress, done), daemon=True
    )
    watcher.start()
    try:
        conn.exec_driver_sql(CREATE_INDEX)
    finally:
        done.set()
        watcher.join()
    progress(int(total * 0.95), total, f"検索用の索引（1〜2 文字の語）の統計を取っています…（{total:,} 件）")
    # the statistics of the index's elements (which terms are common) are made by ANALYZE, which autovacuum would
    # run only once enough posts change: until then every short term would be asked of the index
    conn.exec_driver_sql("ANALYZE posts")
    progress(total, total, f"検索用の索引（1〜2 文字の語）を作成しました（{total:,} 件）")


def _report_progress(
    engine: Engine, pid: int, total: int, progress: ProgressFn, done: threading.Event
) -> None:
    """Every half second: how far CREATE INDEX has read the table (pg_stat_progress_create_index)."""
    text = f"検索用の索引（1〜2 文字の語）を作成しています…（{total:,} 件）"
    progress(0, total, text)
    # an engine of its own: the app's takes the write lock with every transaction, which the migration holds
    looking = create_engine(engine.url, poolclass=NullPool)
    try:
        with looking.connect() as watch:
            while not done.wait(0.5):
                row = watch.exec_driver_sql(
                    "SELECT blocks_done, blocks_total FROM pg_stat_progress_create_index WHERE pid = %(pid)s",
                    {"pid": pid},
                ).first()
                watch.rollback()  # each look sees the view now
                if row is not None and row[1]:
                    share = min(1.0, row[0] / row[1])
                    progress(int(share * total * 0.9), total, text)  # the last tenth: writing the index
    except exc.SQLAlchemyError as error:  # only the progress bar is lost; the index is being built
        log.warning("index build progress not readable: %s", error)
    finally:
        looking.dispose()


def drop(conn: Connection) -> None:
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")
    conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {FUNCTION}(text)")


def drop_index(conn: Connection) -> None:
    """Before a bulk load (the benchmark's builder): the index is made once at the end, not row by row."""
    conn.exec_driver_sql(f"DROP INDEX IF EXISTS {INDEX}")


# the number of posts whose grams hold each of the most common elements, from the statistics ANALYZE keeps of the
# indexed expression; none when the posts were never analysed
COMMON_ELEMENTS = f"""
SELECT m.element, m.share * c.reltuples FROM pg_stats AS s
JOIN pg_class AS c ON c.relname = 'posts' AND c.relnamespace = to_regnamespace(current_schema())
CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(element, share)
WHERE s.schemaname = current_schema() AND s.tablename = '{INDEX}'
"""
STATISTICS_SECONDS = 600.0  # how long the statistics read are used (autovacuum analyses posts now and then)
_statistics: weakref.WeakKeyDictionary[Engine, tuple[float, dict[str, float]]] = weakref.WeakKeyDictionary()


def estimated_matches(conn: Connection, term: str) -> float | None:
    """How many posts the planner's statistics say hold ``term`` (one or two characters); None when it is not
    among the most common elements (a rare term) or there are no statistics yet.

    Read once per ten minutes per database (pg_stats is a view over the catalogue: about 10 ms a read).  Only the
    speed depends on it: both ways of searching find exactly what ILIKE finds, so neither a stale figure nor
    Python's lower case differing from the server's for a rare letter changes a result."""
    now = time.monotonic()
    known = _statistics.get(conn.engine)
    if known is None or now - known[0] > STATISTICS_SECONDS:
        rows = conn.exec_driver_sql(COMMON_ELEMENTS).all()
        known = (now, {str(element): float(count) for element, count in rows})
        _statistics[conn.engine] = known
    return known[1].get(term.lower())


def exact_for(term: str) -> bool:
    """Whether ``EXPRESSION @> ARRAY[lower(term)]`` finds exactly what ILIKE finds: a term of one or two
    characters whose lower case is as long (libc's ``lower()`` maps character to character; ICU's may not, as
    Python's does not for 'İ')."""
    return 1 <= len(term) <= 2 and len(term.lower()) == len(term)
