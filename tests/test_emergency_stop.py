"""緊急停止 (issue 14, item 8): the rules, and the switches on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from sns_desk.domain import emergency
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import audit_log as auditlog
from sns_desk.services import emergency_stop, post_drafts, post_workflow
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from tests.test_posts import draft, submit, version
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

P = PostStatus
AT = datetime(2026, 12, 1, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "planned_at", "stopped", "expected"),
    [
        (P.APPROVED, AT, True, True),  # the cheerful 15:00 post after the earthquake
        (P.APPROVED, AT, False, False),  # no stop: it goes out
        (P.APPROVED, None, True, False),  # no planned time: nothing scheduled to hold
        (P.PENDING, AT, True, False),  # not approved: not going out anyway
        (P.DRAFT, AT, True, False),
        (P.PUBLISHED, AT, True, False),  # already out: a stop cannot hold it (§8(2)(3) corrects or deletes)
    ],
)
def test_which_posts_a_stop_holds(
    status: PostStatus, planned_at: datetime | None, stopped: bool, expected: bool
) -> None:
    assert emergency.held(status, planned_at, stopped) is expected


@pytest.mark.parametrize(
    ("reason", "refused"),
    [("", True), ("   ", True), ("桜島噴火のため", False), ("あ" * 1000, False), ("あ" * 1001, True)],
)
def test_a_stop_and_a_release_need_a_reason(reason: str, refused: bool) -> None:
    assert bool(emergency.reason_refusal(reason)) is refused


@pytest.mark.parametrize(
    ("all_stopped", "stopped", "expected"),
    [(False, set(), set()), (False, {2}, {2}), (True, set(), {1, 2, 3}), (True, {2}, {1, 2, 3})],
)
def test_the_stop_of_all_holds_every_account(
    all_stopped: bool, stopped: set[int], expected: set[int]
) -> None:
    assert emergency.stopped_accounts(all_stopped, stopped, {1, 2, 3}) == expected


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def approved(db: Database, p: People, account: int, body: str = "天文館で観光イベントを開催します。") -> int:
    post_id = draft(db, p.tanto, account, body)
    submit(db, p.tanto, post_id)
    post_workflow.approve(db, p.kacho, post_id, version(db, p.kacho, post_id))
    return post_id


def test_stopping_one_account_holds_its_scheduled_posts_until_released(
    db: Database, people: People, account: int
) -> None:
    post_id = approved(db, people, account)
    unscheduled = post_drafts.create_draft(db, people.tanto, PostInput(account, "予定なしの下書き"))
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == frozenset()
    stop_id = emergency_stop.stop(db, people.kacho, account, "桜島の噴火警戒レベル引き上げのため")
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == {account}
    seen = emergency_stop.state(db, people.tanto)  # the 担当者 sees the stop and what it holds
    assert [(s.account_id, s.stopped_by, s.reason) for s in seen.stops] == [
        (account, "観光 課長", "桜島の噴火警戒レベル引き上げのため")
    ]
    assert [p.id for p in seen.held] == [post_id] and unscheduled not in [p.id for p in seen.held]
    assert seen.stoppable == [] and not seen.may_stop_all  # a 担当者 holds no switch
    with pytest.raises(ConflictError, match="すでに緊急停止中"):
        emergency_stop.stop(db, people.kyokucho, account, "二重に止める")
    with pytest.raises(ValidationError, match="理由"):
        emergency_stop.release(db, people.kacho, stop_id, " ")
    emergency_stop.release(db, people.kyokucho, stop_id, "警戒レベルが下がったため")
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == frozenset()
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("emergency.%")).order_by(AuditEvent.seq)
        ).all()
    assert [(e.action, e.actor) for e in events] == [
        ("emergency.stop", "kacho"),
        ("emergency.release", "kyokucho"),
    ]
    assert "警戒レベルが下がった" in events[1].payload
    assert emergency_stop.state(db, people.tanto).held == []
    with pytest.raises(ConflictError, match="すでに解除"):
        emergency_stop.release(db, people.kacho, stop_id, "もう一度")
    assert auditlog.verify_log(db, people.admin).ok


def test_the_stop_of_all_accounts_is_for_the_pr_office_and_the_system_administrator(
    db: Database, people: People, account: int
) -> None:
    post_id = approved(db, people, account)
    for person in (people.kacho, people.kyokucho, people.tanto, people.outsider):
        with pytest.raises(PermissionDeniedError, match="広報課"):
            emergency_stop.stop(db, person, None, "地震のため")
    stop_id = emergency_stop.stop(db, people.koho, None, "震度6弱の地震のため全アカウント停止")
    with db.read() as session:
        assert account in emergency_stop.held_account_ids(session)
    seen = emergency_stop.state(db, people.kacho)
    assert seen.all_stopped and [p.id for p in seen.held] == [post_id]
    assert (
        emergency_stop.state(db, people.outsider).held == []
    )  # held posts of accounts they cannot see stay hidden
    with pytest.raises(PermissionDeniedError):
        emergency_stop.release(db, people.kacho, stop_id, "管理者が勝手に解除")
    emergency_stop.release(db, people.admin, stop_id, "安全を確認")
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == frozenset()


def test_an_outsider_may_not_stop_an_account_they_do_not_run(
    db: Database, people: People, account: int
) -> None:
    with pytest.raises(PermissionDeniedError, match="緊急停止"):
        emergency_stop.stop(db, people.outsider, account, "いたずら")
    emergency_stop.stop(db, people.koho, account, "広報課の判断で停止")  # 広報課 may stop any account
