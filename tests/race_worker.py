"""A second (and third) PC, as a separate process, for the race tests."""

from __future__ import annotations

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier


def decide_loop(
    db_path: str, login: str, decision: str, jobs: Queue, results: Queue, barrier: Barrier
) -> None:
    from sns_desk.db import open_database
    from sns_desk.errors import ConflictError
    from sns_desk.services import posts, users
    from tests.harness import use_memory_keyring

    use_memory_keyring()  # this PC's keyring, holding its 電子印鑑
    db = open_database(db_path)
    actor = users.resolve_actor(db, login)
    try:
        while True:
            job = jobs.get()
            if job is None:
                return
            post_id, version = job
            barrier.wait(timeout=30)
            try:
                if decision == "approve":
                    posts.approve(db, actor, post_id, version)
                else:
                    posts.reject(db, actor, post_id, version, "別の PC からの差戻し")
            except ConflictError:
                results.put((login, "conflict"))
            except Exception as error:  # reported, so the test shows what went wrong
                results.put((login, f"error: {type(error).__name__}: {error}"))
            else:
                results.put((login, "won"))
    finally:
        db.dispose()
