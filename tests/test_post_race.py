"""Two PCs deciding on the same post at once: exactly one wins, in every one of 200 tries (shared-mode file)."""

from __future__ import annotations

import multiprocessing
import os
import random
from pathlib import Path

from sns_desk import audit
from sns_desk.db import integrity_check, open_database
from sns_desk.models import AccountStatus, PostStatus
from sns_desk.services import posts, users
from sns_desk.services.posts import PostInput
from tests import race_worker, world
from tests.test_posts import ALL_CHECKED, in_hours

TRIES = int(os.environ.get("SNS_DESK_RACE_TRIES", "200"))


def unique_text(n: int) -> str:
    """Different enough from the other posts not to trip the repetition check."""
    rng = random.Random(n)
    return f"お知らせ {n}: " + "".join(rng.choice("春夏秋冬山川海空花鳥風月雪雨雲星") for _ in range(40))


def test_two_processes_deciding_on_one_post_exactly_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "shared" / "sns-desk.sqlite3"
    db = open_database(path, create=True, shared=True)
    admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    jobs = {login: ctx.Queue() for login in ("kacho", "kyokucho")}
    workers = [
        ctx.Process(
            target=race_worker.decide_loop,
            args=(str(path), "kacho", "approve", jobs["kacho"], results, barrier),
        ),
        ctx.Process(
            target=race_worker.decide_loop,
            args=(str(path), "kyokucho", "reject", jobs["kyokucho"], results, barrier),
        ),
    ]
    for worker in workers:
        worker.start()
    wins = {"kacho": 0, "kyokucho": 0}
    try:
        for attempt in range(TRIES):
            post_id = posts.create_draft(
                db, people.tanto, PostInput(account, unique_text(attempt), planned_at=in_hours())
            )
            version = posts.get_post(db, people.tanto, post_id).row.version
            posts.submit(db, people.tanto, post_id, version, ALL_CHECKED)
            seen = posts.get_post(db, people.kacho, post_id).row.version
            for queue in jobs.values():
                queue.put((post_id, seen))
            outcome = dict(results.get(timeout=60) for _ in range(2))
            winners = [login for login, result in outcome.items() if result == "won"]
            assert sorted(outcome.values()) == ["conflict", "won"], f"try {attempt}: {outcome}"
            wins[winners[0]] += 1
            final = posts.get_post(db, people.admin, post_id)
            expected = PostStatus.APPROVED if winners[0] == "kacho" else PostStatus.REJECTED
            assert final.row.status is expected and len(final.decisions) == 1
    finally:
        for queue in jobs.values():
            queue.put(None)
        for worker in workers:
            worker.join(timeout=30)
    assert all(worker.exitcode == 0 for worker in workers)
    assert sum(wins.values()) == TRIES
    assert integrity_check(db) == "ok"
    with db.read() as session:
        assert audit.verify_chain(session).ok
    db.dispose()
