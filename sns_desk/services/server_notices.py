"""What the database server lacks, told to the システム管理者 at start-up (e.g. pg_trgm for the posts' search:
store/pg_trigram.py).  Others are not told: they cannot act on it, and the app works without it."""

from __future__ import annotations

from sns_desk.domain.permissions import Permission
from sns_desk.services.actors import Actor
from sns_desk.services.users import may
from sns_desk.store.database import Database


def server_notices(db: Database, actor: Actor) -> list[str]:
    """The notices for this person: all of them for the システム管理者, none for anyone else (no read at all
    while there is nothing to tell)."""
    if not db.admin_notices or not may(db, actor, Permission.MANAGE_DATABASE):
        return []
    return list(db.admin_notices)
