"""代決 (issue 14, item 6): the rule, the decision signed as a deputy, and the 電子印鑑 check that accepts it only
inside the period and while the 管理者 was marked absent (or the office lets deputies decide always)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.domain.workflow import FOUR_EYES, Deputyship, may_decide
from sns_desk.services import audit_log as auditlog
from sns_desk.services import (
    deputies,
    navigation,
    post_queries,
    post_workflow,
    report_queries,
    seal_check,
    signing,
    users,
)
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import Account
from tests.test_posts import draft, submit, version
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

R = Role
NOW = datetime(2026, 12, 1, 3, tzinfo=UTC)
IN = Deputyship(NOW - timedelta(days=1), NOW + timedelta(days=6), manager_absent=True, always=False)


@pytest.mark.parametrize(
    ("roles", "wrote", "deputyship", "allowed", "reason"),
    [
        ({R.MANAGER}, False, None, True, ""),  # the 管理者 decides as before
        ({R.STAFF}, False, None, False, "権限が必要"),  # a 担当者 never named deputy
        ({R.STAFF}, False, IN, True, ""),  # 代決 while the 管理者 is away
        ({R.STAFF}, True, IN, False, FOUR_EYES),  # four eyes holds for a deputy
        ({R.STAFF}, False, Deputyship(IN.valid_from, IN.valid_until, False, False), False, "不在"),
        (
            {R.STAFF},
            False,
            Deputyship(IN.valid_from, IN.valid_until, False, True),
            True,
            "",
        ),  # office: always
        (
            {R.STAFF},
            False,
            Deputyship(NOW + timedelta(hours=1), NOW + timedelta(days=1), True, True),
            False,
            "期間",
        ),
        (
            {R.STAFF},
            False,
            Deputyship(NOW - timedelta(days=9), NOW - timedelta(days=1), True, True),
            False,
            "期間",
        ),
    ],
)
def test_who_may_decide_with_deputies(
    roles: set[Role], wrote: bool, deputyship: Deputyship | None, allowed: bool, reason: str
) -> None:
    verdict = may_decide(roles, wrote, False, deputyship, NOW)
    assert verdict.allowed is allowed
    assert reason in verdict.reason


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


@pytest.fixture
def hosa(db: Database, people: People, account: int) -> Actor:
    """課長補佐: a 担当者 of the account with a certified 電子印鑑, named deputy from yesterday for a week."""
    users.create_user(db, people.admin, users.UserInput("hosa", "観光 課長補佐", people.section_id))
    person = users.resolve_actor(db, "hosa")
    users.assign_account_role(db, people.kacho, account, person.user_id, Role.STAFF)
    signing.register_key(db, person)
    signing.certify(db, people.admin, person.login)
    now = datetime.now(UTC)
    deputies.name_deputy(db, people.kacho, account, "hosa", now - timedelta(days=1), now + timedelta(days=7))
    return person


def test_a_deputy_decides_while_the_manager_is_away_and_the_seal_says_so(
    db: Database, people: People, account: int, hosa: Actor
) -> None:
    assert navigation.Page.APPROVALS in navigation.pages_for(db, hosa)  # the deputy has 承認待ち
    assert navigation.Page.APPROVALS not in navigation.pages_for(db, people.tanto)
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    assert post_queries.pending_for(db, hosa) == []  # the 管理者 is in: no 代決
    with pytest.raises(PermissionDeniedError, match="不在"):
        post_workflow.approve(db, hosa, post_id, version(db, hosa, post_id))
    deputies.set_manager_absent(db, people.kacho, account, True)
    assert [r.id for r in post_queries.pending_for(db, hosa)] == [post_id]
    post_workflow.approve(db, hosa, post_id, version(db, hosa, post_id))
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is PostStatus.APPROVED
    (decision,) = detail.decisions
    assert decision.deputy_for == "観光 課長"
    assert decision.decided_by == "観光 課長補佐（代決: 観光 課長 に代わって）"
    assert decision.seal.startswith("電子印鑑 ✓")
    with db.read() as session:
        assert seal_check.verify(session).ok
    labels = [row.action_label for row in auditlog.list_events(db, people.admin, "post.approve")]
    assert any("代決: hosa が 観光 課長 に代わって" in label for label in labels)
    start, end = datetime.now(UTC) - timedelta(days=30), datetime.now(UTC) + timedelta(days=30)
    rows = list(report_queries.post_record_rows(db, people.admin, start, end, [account]))
    assert [r.approver for r in rows if r.post_id == post_id] == [
        "観光 課長補佐（代決: 観光 課長 に代わって）"
    ]


def test_the_seal_check_rejects_a_deputy_whose_managers_absence_was_never_recorded(
    db: Database, people: People, account: int, hosa: Actor
) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    with db.write_session() as session:  # someone writes the flag around the app: no audit event
        row = session.get(Account, account)
        assert row is not None
        row.manager_absent = True
    post_workflow.approve(db, hosa, post_id, version(db, hosa, post_id))
    with db.read() as session:
        report = seal_check.verify(session)
    assert not report.ok and "不在として記録されていませんでした" in report.summary()


def test_outside_the_period_a_deputy_may_not_decide(
    db: Database, people: People, account: int, hosa: Actor
) -> None:
    settings = deputies.settings(db, people.kacho, account)
    (named,) = settings.deputies
    deputies.remove_deputy(db, people.kacho, named.id)
    now = datetime.now(UTC)
    deputies.name_deputy(db, people.kacho, account, "hosa", now - timedelta(days=10), now - timedelta(days=3))
    deputies.set_deputies_always(db, people.kacho, account, True)
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    with pytest.raises(PermissionDeniedError, match="期間"):
        post_workflow.approve(db, hosa, post_id, version(db, hosa, post_id))


def test_only_members_may_be_named_and_only_by_the_manager_or_responsible(
    db: Database, people: People, account: int
) -> None:
    now = datetime.now(UTC)
    with pytest.raises(ValidationError, match="担当者として登録されていません"):
        deputies.name_deputy(db, people.kacho, account, "outsider", now, now + timedelta(days=1))
    with pytest.raises(PermissionDeniedError, match="代決者の指定"):
        deputies.name_deputy(db, people.tanto, account, "agency", now, now + timedelta(days=1))
    with pytest.raises(ValidationError, match="終わり"):
        deputies.name_deputy(db, people.kacho, account, "tanto", now, now - timedelta(days=1))
