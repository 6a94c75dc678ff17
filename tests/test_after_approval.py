"""事後承認 (issue 14, item 7; §5(9), §8(2)(3)): where the account allows it, a 担当者 publishes a submitted
emergency post before approval — by hand (the URL) or through the connection — it waits as 事後承認待ち at the head
of the 管理者's queue and the bell, the 管理者s and the deputies in force are mailed, and the 管理者 (or a deputy)
approves it afterwards or orders its correction or deletion, each signed with the 電子印鑑 and audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.vocabulary import AccountStatus, DecisionKind, PostStatus, Role
from sns_desk.domain.workflow import PostAction
from sns_desk.services import (
    accounts,
    after_approval,
    deputies,
    notices,
    post_queries,
    post_workflow,
    publishing,
    report_queries,
    seal_check,
    signing,
    users,
)
from sns_desk.services import audit_log as auditlog
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import MailMessage
from sns_desk.store.orm import PostDecision, User
from tests.platforms import FakePlatforms
from tests.test_posts import draft, submit, version
from tests.test_publishing import fake, x_account  # noqa: F401  (fixtures)
from tests.world import People, RawConnection, in_state

BOTH_BACKENDS = True
P = PostStatus
A = PostAction
URL = "https://x.com/kagoshima_kanko/status/1860000000000000001"
REASON = "震度6弱の地震。避難所の開設を直ちに知らせるため"


@pytest.fixture
def account(db: Database, people: People) -> int:
    return allowing(db, people, in_state(db, people, AccountStatus.ACTIVE))


def addresses(db: Database) -> None:
    """Everyone gets an e-mail address (the mail only goes to people with one)."""
    with db.write_session() as session:
        for user in session.scalars(select(User)):
            user.email = user.email or f"{user.login}@city.example.lg.jp"


def allowing(db: Database, people: People, account: int) -> int:
    addresses(db)
    row = accounts.get_account(db, people.kacho, account)
    accounts.set_allow_after_approval(db, people.kacho, account, row.version, True)
    return account


def emergency_post(db: Database, people: People, account: int, body: str = "避難所を開設しました。") -> int:
    post_id = draft(db, people.tanto, account, body, emergency=True, emergency_reason=REASON)
    assert submit(db, people.tanto, post_id) is P.PENDING
    return post_id


def out_first(db: Database, people: People, account: int) -> int:
    post_id = emergency_post(db, people, account)
    post_workflow.record_publication(db, people.tanto, post_id, version(db, people.tanto, post_id), URL)
    return post_id


def mails(db: Database, kind: MailKind) -> list[tuple[int, str]]:
    with db.read() as session:
        rows = session.scalars(select(MailMessage).where(MailMessage.kind == kind.value)).all()
        return sorted((m.number, m.address.split("@")[0]) for m in rows)


def status(db: Database, post_id: int, who: Actor) -> PostStatus:
    return post_queries.get_post(db, who, post_id).row.status


def test_the_setting_is_the_managers_and_audited(db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = emergency_post(db, people, account)
    with pytest.raises(ConflictError, match="事後承認が認められていません"):
        post_workflow.record_publication(db, people.tanto, post_id, version(db, people.tanto, post_id), URL)
    row = accounts.get_account(db, people.kacho, account)
    with pytest.raises(PermissionDeniedError):
        accounts.set_allow_after_approval(db, people.tanto, account, row.version, True)
    allowing(db, people, account)
    assert accounts.get_account(db, people.kacho, account).allow_after_approval
    labels = [r.action_label for r in auditlog.list_events(db, people.admin, "account.after_approval")]
    assert labels and "事後承認の設定" in labels[0]


def test_only_an_emergency_post_with_its_reason_goes_out_first(
    db: Database, people: People, account: int
) -> None:
    plain = draft(db, people.tanto, account)
    submit(db, people.tanto, plain)
    with pytest.raises(ValidationError, match="緊急の投稿として理由"):
        post_workflow.record_publication(db, people.tanto, plain, version(db, people.tanto, plain), URL)
    assert status(db, plain, people.tanto) is P.PENDING
    with pytest.raises(PermissionDeniedError):  # a stranger publishes nothing
        post_workflow.record_publication(db, people.outsider, plain, 1, URL)


def test_a_manual_emergency_post_waits_first_in_the_queue_the_bell_and_the_mail(
    db: Database, people: People, account: int
) -> None:
    ordinary = draft(db, people.tanto, account, "週末のイベントのお知らせ")
    submit(db, people.tanto, ordinary)
    post_id = out_first(db, people, account)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.AFTER_PENDING and detail.published_url == URL
    queue = post_queries.pending_for(db, people.kacho)
    assert [(r.id, r.status) for r in queue] == [(post_id, P.AFTER_PENDING), (ordinary, P.PENDING)]
    bell = notices.notifications(db, people.kacho)
    assert bell[0].kind == "after_approval" and "事後承認を待っています" in bell[0].text
    assert bell[0].target == post_id and any(n.kind == "approvals" and "1 件" in n.text for n in bell)
    assert mails(db, MailKind.AFTER_APPROVAL) == [(post_id, "kacho")]
    assert post_queries.pending_for(db, people.tanto) == []  # who posted it does not decide


def test_through_the_connection_the_emergency_post_is_sent_and_waits(
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    x_account: int,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    night = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # 22:00 JST: an emergency goes out anyway (§5(9))
    monkeypatch.setattr(publishing, "utcnow", lambda: night)
    allowing(db, people, x_account)
    post_id = emergency_post(db, people, x_account, "桜島で噴火が発生しました。")
    plan = publishing.plan(db, people.tanto, post_id)
    assert plan.allowed and plan.after_approval
    done = publishing.publish(db, people.tanto, post_id, version(db, people.tanto, post_id))
    assert fake.sent("/2/tweets") == [{"text": "桜島で噴火が発生しました。"}]
    assert status(db, post_id, people.kacho) is P.AFTER_PENDING and done.outside_hours is False
    assert mails(db, MailKind.AFTER_APPROVAL) == [(post_id, "kacho")]
    with pytest.raises((ConflictError, ValidationError)):  # never twice
        publishing.publish(db, people.tanto, post_id)
    assert len(fake.sent("/2/tweets")) == 1


def test_the_manager_approves_after_the_fact_signed_and_shown_in_the_record(
    db: Database, people: People, account: int
) -> None:
    post_id = out_first(db, people, account)
    after_approval.decide_after(
        db, people.kacho, post_id, version(db, people.kacho, post_id), A.AFTER_APPROVE
    )
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.PUBLISHED
    (decision,) = detail.decisions
    assert decision.kind is DecisionKind.AFTER_APPROVE and decision.seal.startswith("電子印鑑 ✓")
    with db.read() as session:
        assert seal_check.verify(session).ok
    start, end = datetime.now(UTC) - timedelta(days=30), datetime.now(UTC) + timedelta(days=30)
    (row,) = [r for r in report_queries.post_record_rows(db, people.admin, start, end, [account])]
    assert row.route == "事後承認（緊急の投稿、§5(9)）" and row.approver == "観光 課長"
    assert (post_id, "tanto") in mails(db, MailKind.DECIDED)  # the author is told


def test_a_forged_after_the_fact_decision_is_rejected_by_the_seal_check(
    db: Database, people: People, account: int
) -> None:
    post_id = out_first(db, people, account)
    after_approval.decide_after(
        db, people.kacho, post_id, version(db, people.kacho, post_id), A.AFTER_APPROVE, "確認しました"
    )
    raw = RawConnection(db)
    try:  # someone rewrites the decision around the app: an order to correct becomes an approval
        raw.execute("UPDATE post_decisions SET comment = ? WHERE post_id = ?", ("問題なし", post_id))
    finally:
        raw.close()
    with db.read() as session:
        assert not seal_check.verify(session).ok
    assert "⚠" in post_queries.get_post(db, people.kacho, post_id).decisions[0].seal


def test_an_ordered_correction_leaves_the_post_out_for_its_author_to_correct(
    db: Database, people: People, account: int
) -> None:
    post_id = out_first(db, people, account)
    with pytest.raises(ValidationError, match="理由"):
        after_approval.decide_after(
            db, people.kacho, post_id, version(db, people.kacho, post_id), A.ORDER_CORRECTION, " "
        )
    after_approval.decide_after(
        db,
        people.kacho,
        post_id,
        version(db, people.kacho, post_id),
        A.ORDER_CORRECTION,
        "避難所の名前の誤り",
    )
    assert status(db, post_id, people.tanto) is P.PUBLISHED
    correction = post_workflow.start_correction(db, people.tanto, post_id, "避難所の名前の誤り")
    assert post_queries.get_post(db, people.tanto, correction).row.body.startswith("【訂正】")
    with db.read() as session:
        kinds = [d.kind for d in session.scalars(select(PostDecision).where(PostDecision.post_id == post_id))]
        assert kinds == [DecisionKind.ORDER_CORRECTION] and seal_check.verify(session).ok


def test_an_ordered_deletion_is_the_deletion_record(db: Database, people: People, account: int) -> None:
    post_id = out_first(db, people, account)
    after_approval.decide_after(
        db, people.kacho, post_id, version(db, people.kacho, post_id), A.ORDER_DELETION, "不正確な情報のため"
    )
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.DELETED
    assert [d.kind for d in detail.decisions] == [DecisionKind.ORDER_DELETION]
    labels = [r.action_label for r in auditlog.list_events(db, people.admin, "post.order_deletion")]
    assert labels and "削除の指示" in labels[0]


def test_nobody_decides_after_the_fact_on_what_they_wrote(db: Database, people: People, account: int) -> None:
    post_id = draft(
        db, people.kacho, account, "避難所を開設しました。", emergency=True, emergency_reason=REASON
    )
    submit(db, people.kacho, post_id)
    post_workflow.record_publication(db, people.tanto, post_id, version(db, people.tanto, post_id), URL)
    with pytest.raises(PermissionDeniedError, match="4つの目"):
        after_approval.decide_after(
            db, people.kacho, post_id, version(db, people.kacho, post_id), A.AFTER_APPROVE
        )
    with pytest.raises(PermissionDeniedError):
        after_approval.decide_after(
            db, people.tanto, post_id, version(db, people.tanto, post_id), A.AFTER_APPROVE
        )
    after_approval.decide_after(
        db, people.kyokucho, post_id, version(db, people.kyokucho, post_id), A.AFTER_APPROVE
    )  # the 責任者 decides instead
    assert status(db, post_id, people.kacho) is P.PUBLISHED


def test_nobody_approves_after_the_fact_what_they_sent_out(
    db: Database, people: People, account: int
) -> None:
    users.assign_account_role(db, people.kacho, account, people.tanto.user_id, Role.MANAGER)  # also a 管理者
    post_id = draft(
        db, people.agency, account, "避難所を開設しました。", emergency=True, emergency_reason=REASON
    )
    submit(db, people.agency, post_id)
    post_workflow.record_publication(db, people.tanto, post_id, version(db, people.tanto, post_id), URL)
    assert [r.id for r in post_queries.pending_for(db, people.tanto)] == []
    with pytest.raises(PermissionDeniedError, match="4つの目"):
        after_approval.decide_after(
            db, people.tanto, post_id, version(db, people.tanto, post_id), A.AFTER_APPROVE
        )
    after_approval.decide_after(
        db, people.kacho, post_id, version(db, people.kacho, post_id), A.AFTER_APPROVE
    )
    assert status(db, post_id, people.kacho) is P.PUBLISHED


@pytest.fixture
def hosa(db: Database, people: People, account: int) -> Actor:
    """課長補佐: a 担当者 named deputy from yesterday for a week, with a certified 電子印鑑."""
    users.create_user(db, people.admin, users.UserInput("hosa", "観光 課長補佐", people.section_id))
    person = users.resolve_actor(db, "hosa")
    users.assign_account_role(db, people.kacho, account, person.user_id, Role.STAFF)
    signing.register_key(db, person)
    signing.certify(db, people.admin, person.login)
    now = datetime.now(UTC)
    deputies.name_deputy(db, people.kacho, account, "hosa", now - timedelta(days=1), now + timedelta(days=7))
    addresses(db)
    return person


def test_requests_and_after_approvals_reach_the_deputies_in_force(
    db: Database, people: People, account: int, hosa: Actor
) -> None:
    first = draft(db, people.tanto, account)
    submit(db, people.tanto, first)
    assert mails(db, MailKind.APPROVAL_REQUESTED) == [(first, "kacho")]  # the 管理者 is in: no deputy
    deputies.set_manager_absent(db, people.kacho, account, True)
    second = draft(db, people.tanto, account, "second")
    submit(db, people.tanto, second)
    assert mails(db, MailKind.APPROVAL_REQUESTED) == [(first, "kacho"), (second, "hosa"), (second, "kacho")]
    post_id = out_first(db, people, account)
    assert mails(db, MailKind.AFTER_APPROVAL) == [(post_id, "hosa"), (post_id, "kacho")]
    assert post_queries.pending_for(db, hosa)[0].id == post_id  # leads the deputy's queue too
    after_approval.decide_after(db, hosa, post_id, version(db, hosa, post_id), A.AFTER_APPROVE)  # 代決
    (decision,) = post_queries.get_post(db, people.kacho, post_id).decisions
    assert decision.decided_by == "観光 課長補佐（代決: 観光 課長 に代わって）"
    assert decision.seal.startswith("電子印鑑 ✓")
    with db.read() as session:
        assert seal_check.verify(session).ok
