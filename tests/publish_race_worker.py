"""A second PC running ``publish-due`` at the same moment as the first, as a separate process."""

from __future__ import annotations

from datetime import datetime
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from typing import Any


def publish_due_once(
    db_path: str,
    login: str,
    token: dict[str, Any],
    account_id: int,
    moment: datetime,
    barrier: Barrier,
    results: Queue,
) -> None:
    from sns_desk.host import platform_tokens
    from sns_desk.services import publishing, users
    from sns_desk.store.database import open_database
    from tests.harness import use_memory_keyring

    use_memory_keyring()
    db = open_database(db_path)
    try:
        platform_tokens.save(db.database_id, account_id, token)  # the connection's token on this PC
        publishing.utcnow = lambda: moment  # type: ignore[assignment]
        actor = users.resolve_actor(db, login)
        barrier.wait(timeout=60)
        outcomes = publishing.publish_due(db, actor)
        results.put([(o.post_id, bool(o.published), o.problem) for o in outcomes])
    except Exception as error:  # reported, so the test shows what went wrong
        results.put([("error", False, f"{type(error).__name__}: {error}")])
    finally:
        db.dispose()
