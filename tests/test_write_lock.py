"""PostgreSQL: decisions take the write lock late (store/write_lock.py, issue 17) and lose nothing by it.

Two PCs approving at once do their reads and checks side by side (a barrier inside both decisions proves it: were
the lock taken at the start, the second could not reach it) and still land in one unbroken, signed chain; a change
that does not commute with a decision, committed while it worked (the account suspended), sends the decision back
to run under the lock, where it is refused as it would have been had it come second from the start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import accounts, post_drafts, post_queries, post_workflow, seal_check, signing
from sns_desk.services.post_drafts import PostInput
from sns_desk.store import audit_chain
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import AuditEvent
from tests import world
from tests.test_post_race import unique_text
from tests.test_posts import ALL_CHECKED, in_hours


@pytest.fixture
def server(pg_url: str) -> Iterator[tuple[Database, world.People, int]]:
    db = open_database(pg_url, retry_seconds=5)
    from sns_desk.services import users

    admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    yield db, people, account
    db.dispose()


def pending(db: Database, people: world.People, account: int, n: int) -> list[tuple[int, int]]:
    """``n`` posts waiting for a decision, with the version the 管理者 sees."""
    made = []
    for k in range(n):
        post_id = post_drafts.create_draft(
            db, people.tanto, PostInput(account, unique_text(k), planned_at=in_hours())
        )
        version = post_queries.get_post(db, people.tanto, post_id).row.version
        post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED)
        made.append((post_id, post_queries.get_post(db, people.kacho, post_id).row.version))
    return made


def hook_seal(monkeypatch: pytest.MonkeyPatch, before: Callable[[], None]) -> list[int]:
    """Run ``before`` each time a decision has read and checked everything and is about to append its event."""
    calls: list[int] = []
    original = signing.prepare_seal

    def prepare(*args: Any, **kwargs: Any) -> signing.Seal:
        calls.append(1)
        before()
        return original(*args, **kwargs)

    monkeypatch.setattr(signing, "prepare_seal", prepare)
    return calls


def test_two_pcs_approving_at_once_land_in_one_unbroken_chain(
    server: tuple[Database, world.People, int], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, people, account = server
    posts = pending(db, people, account, 6)
    both_inside = threading.Barrier(2, timeout=20)  # each decision waits here until the other is inside too
    hook_seal(monkeypatch, both_inside.wait)
    errors: list[BaseException] = []

    def pc(login_actor: Any, mine: list[tuple[int, int]]) -> None:
        other_pc = open_database(pg_url, retry_seconds=5)
        try:
            for post_id, version in mine:
                post_workflow.approve(other_pc, login_actor, post_id, version)
        except BaseException as error:  # reported below
            errors.append(error)
            both_inside.abort()
        finally:
            other_pc.dispose()

    threads = [
        threading.Thread(target=pc, args=(people.kacho, posts[0::2])),
        threading.Thread(target=pc, args=(people.kyokucho, posts[1::2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []

    for post_id, _version in posts:
        shown = post_queries.get_post(db, people.admin, post_id)
        assert shown.row.status is PostStatus.APPROVED and len(shown.decisions) == 1
    with db.read() as session:
        assert audit_chain.verify_chain(session).ok
        approvals = session.scalars(select(AuditEvent).where(AuditEvent.action == "post.approve")).all()
        seals = seal_check.verify(session)
    assert len(approvals) == 6
    # every decision's 電子印鑑 covers its own event, verifies, and its decider held the role at that point
    assert seals.ok and seals.checked >= 6, seals.summary()


def test_a_suspension_while_a_decision_works_sends_it_back_under_the_lock(
    server: tuple[Database, world.People, int], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, people, account = server
    [(post_id, version)] = pending(db, people, account, 1)
    other_pc = open_database(pg_url, retry_seconds=5)

    def suspend_once() -> None:
        if len(calls) == 1:  # the first try has checked the account (active) and not yet taken the lock
            current = accounts.get_account(other_pc, people.kyokucho, account).version
            accounts.suspend(other_pc, people.kyokucho, account, current, "炎上のため")

    calls = hook_seal(monkeypatch, suspend_once)
    try:
        with pytest.raises(ValidationError, match="停止"):
            post_workflow.approve(db, people.kacho, post_id, version)
    finally:
        other_pc.dispose()
    assert len(calls) == 1  # the second run, under the lock, was refused before it reached the seal
    assert post_queries.get_post(db, people.admin, post_id).row.status is PostStatus.PENDING
    with db.read() as session:
        assert audit_chain.verify_chain(session).ok


def test_another_decision_in_between_commutes_and_is_not_run_again(
    server: tuple[Database, world.People, int], pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, people, account = server
    (first, v1), (second, v2) = pending(db, people, account, 2)
    other_pc = open_database(pg_url, retry_seconds=5)
    inner = signing.prepare_seal

    def approve_another_once() -> None:
        if len(calls) == 1:
            monkeypatch.setattr(signing, "prepare_seal", inner)  # the other PC's decision runs unhooked
            post_workflow.approve(other_pc, people.kyokucho, second, v2)

    calls = hook_seal(monkeypatch, approve_another_once)
    try:
        post_workflow.approve(db, people.kacho, first, v1)
    finally:
        other_pc.dispose()
    assert len(calls) == 1
    with db.read() as session:
        assert audit_chain.verify_chain(session).ok
        order = session.scalars(
            select(AuditEvent.entity_id).where(AuditEvent.action == "post.approve").order_by(AuditEvent.seq)
        ).all()
    assert order == [str(second), str(first)]  # the other PC's decision committed first, then this one
