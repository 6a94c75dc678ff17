"""A second (and third) PC, as a separate process, for the race tests."""

from __future__ import annotations

from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier


def decide_loop(
    db_path: str, login: str, decision: str, jobs: Queue, results: Queue, barrier: Barrier
) -> None:
    from sns_desk.domain.errors import ConflictError
    from sns_desk.services import post_workflow, users
    from sns_desk.store.database import open_database
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
                    post_workflow.approve(db, actor, post_id, version)
                else:
                    post_workflow.reject(db, actor, post_id, version, "別の PC からの差戻し")
            except ConflictError:
                results.put((login, "conflict"))
            except Exception as error:  # reported, so the test shows what went wrong
                results.put((login, f"error: {type(error).__name__}: {error}"))
            else:
                results.put((login, "won"))
    finally:
        db.dispose()


def run_race(location: str, tries: int) -> dict[str, int]:
    """Two PCs (processes) decide on the same post at once, ``tries`` times, on the database at ``location``:
    kacho approves, kyokucho rejects. Each time exactly one must win and the other see a conflict; returns the
    wins per person. The database must be new and empty (it is set up here)."""
    import multiprocessing

    from sns_desk.domain.vocabulary import AccountStatus, PostStatus
    from sns_desk.services import post_drafts, post_queries, post_workflow, users
    from sns_desk.services.post_drafts import PostInput
    from sns_desk.store import audit_chain as audit
    from sns_desk.store.database import integrity_check, open_database
    from tests import world
    from tests.test_post_race import unique_text
    from tests.test_posts import ALL_CHECKED, in_hours

    db = open_database(location, create=True, shared=True)
    admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    jobs = {login: ctx.Queue() for login in ("kacho", "kyokucho")}
    workers = [
        ctx.Process(target=decide_loop, args=(location, login, decision, jobs[login], results, barrier))
        for login, decision in (("kacho", "approve"), ("kyokucho", "reject"))
    ]
    for worker in workers:
        worker.start()
    wins = {"kacho": 0, "kyokucho": 0}
    try:
        for attempt in range(tries):
            post_id = post_drafts.create_draft(
                db, people.tanto, PostInput(account, unique_text(attempt), planned_at=in_hours())
            )
            version = post_queries.get_post(db, people.tanto, post_id).row.version
            post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED)
            seen = post_queries.get_post(db, people.kacho, post_id).row.version
            for queue in jobs.values():
                queue.put((post_id, seen))
            outcome = dict(results.get(timeout=60) for _ in range(2))
            winners = [login for login, result in outcome.items() if result == "won"]
            assert sorted(outcome.values()) == ["conflict", "won"], f"try {attempt}: {outcome}"
            wins[winners[0]] += 1
            final = post_queries.get_post(db, people.admin, post_id)
            expected = PostStatus.APPROVED if winners[0] == "kacho" else PostStatus.REJECTED
            assert final.row.status is expected and len(final.decisions) == 1
    finally:
        for queue in jobs.values():
            queue.put(None)
        for worker in workers:
            worker.join(timeout=30)
    assert all(worker.exitcode == 0 for worker in workers)
    assert integrity_check(db) == "ok"
    with db.read() as session:
        assert audit.verify_chain(session).ok
    db.dispose()
    return wins
