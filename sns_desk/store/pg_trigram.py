"""PostgreSQL: the pg_trgm GIN indexes that let the posts' word search (ILIKE '%…%', :mod:`sns_desk.store.search`)
read only the posts that may match instead of every post (migration 0022, and each start while they are missing).

pg_trgm is a trusted extension (PostgreSQL 13 and later): the database's owner, or any role with CREATE on the
database, may enable it.  Where the app's role may not, the migration still succeeds, the search keeps working by
reading every post (slowly at city scale), and start-up tells the システム管理者 what the DBA must run.  SQLite has
its own trigram index (migration 0007) and nothing here applies to it.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, exc

log = logging.getLogger(__name__)

# index name -> the column of ``posts`` it covers: the three columns the search reads
INDEXES = {
    "ix_posts_title_trgm": "title",
    "ix_posts_body_trgm": "body",
    "ix_posts_category_trgm": "category",
}
ENABLE = "CREATE EXTENSION IF NOT EXISTS pg_trgm"


def index_statement(name: str, column: str) -> str:
    return f"CREATE INDEX IF NOT EXISTS {name} ON posts USING gin ({column} gin_trgm_ops)"


def has_extension(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first() is not None


def missing_indexes(conn: Connection) -> list[str]:
    present = set(
        conn.exec_driver_sql(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'posts' AND schemaname = current_schema()"
        ).scalars()
    )
    return [name for name in INDEXES if name not in present]


def enable(conn: Connection) -> bool:
    """Enable pg_trgm and create the indexes that are missing, inside ``conn``'s transaction.

    False (and nothing created) when the extension cannot be enabled by this role or is not installed on the
    server; the transaction goes on (the attempt runs in a savepoint).
    """
    if not has_extension(conn):
        try:
            with conn.begin_nested():
                conn.exec_driver_sql(ENABLE)
        except exc.DBAPIError as error:  # no CREATE on the database, or the contrib package not installed
            log.warning("pg_trgm could not be enabled (%s); post search reads every post", error.orig)
            return False
    for name in missing_indexes(conn):
        log.info("creating the trigram index %s on posts", name)
        conn.exec_driver_sql(index_statement(name, INDEXES[name]))
    return True


def drop_indexes(conn: Connection) -> None:
    """The migration's downgrade: the indexes go, the extension stays (the DBA may use it elsewhere)."""
    for name in INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def dba_statements() -> str:
    """What the DBA runs (as the database's owner or a superuser) when the app's role may not enable pg_trgm."""
    return ENABLE + ";"


def missing_notice() -> str:
    """The start-up message for the システム管理者 when the search has no trigram index."""
    return (
        "PostgreSQL の拡張機能 pg_trgm が有効でないため、投稿の検索はすべての投稿を読んで行います（件数が多いと"
        "遅くなります）。データベース管理者に、SNS Desk のデータベースで次の SQL を実行するよう依頼してください: "
        f"「{dba_statements()}」。実行後に SNS Desk を起動し直すと、検索用の索引が作られます。"
    )
