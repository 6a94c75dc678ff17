"""Troubles (§8) with their checklists and the escalation rule (§4(1)イ); inquiries (§7) with the retention purge;
monitoring (§9(2)); notifications."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, InquiryChannel, InquiryKind
from sns_desk.domain.vocabulary import IncidentType as T
from sns_desk.services import (
    city_settings,
    credentials,
    incidents,
    inquiries,
    monitoring,
    notices,
    post_drafts,
    post_queries,
    post_workflow,
)
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, Inquiry, MonitoringRecord, utcnow
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def version(db: Database, people: People, incident_id: int) -> int:
    return incidents.get_incident(db, people.kacho, incident_id).version


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        (T.IMPERSONATION, ["takedown", "homepage_notice"]),
        (T.WRONG_INFORMATION, ["correction_post"]),
        (T.POLICY_VIOLATING_COMMENT, ["removed", "record"]),
        (T.FLAMING, ["no_rebuttal", "statement", "suspension"]),
        (T.UNAUTHORISED_ACCESS, ["password_changed", "sessions_checked"]),
        (T.OTHER, ["handled"]),
    ],
)
def test_each_type_has_the_actions_the_guideline_asks_for(
    db: Database, people: People, account: int, kind: T, required: list[str]
) -> None:
    incident_id = incidents.open_incident(db, people.tanto, account, kind, "件名")
    row = incidents.get_incident(db, people.kacho, incident_id)
    assert [a.key for a in row.actions if a.required] == required
    assert all(a.section.startswith("§") for a in row.actions)
    with pytest.raises(ValidationError, match="まだ完了にできません"):
        incidents.close_incident(db, people.kacho, incident_id, row.version, "対応済み")


def test_impersonation_from_opening_to_closing(db: Database, people: People, account: int) -> None:
    incident_id = incidents.open_incident(
        db,
        people.tanto,
        account,
        T.IMPERSONATION,
        "偽アカウント @kag0shima_city",
        "市章を使った偽アカウントを市民が通報",
        serious=True,
    )
    with pytest.raises(ValidationError, match="依頼日・受付番号"):
        incidents.record_action(db, people.tanto, incident_id, "takedown", " ")
    incidents.record_action(db, people.tanto, incident_id, "takedown", "2026-11-26 X社へ依頼 受付番号 0123")
    incidents.record_action(
        db, people.kacho, incident_id, "homepage_notice", "https://www.city.kagoshima.lg.jp/notice.html"
    )
    row = incidents.get_incident(db, people.kacho, incident_id)
    assert row.status_label == "責任者へ報告中"
    with pytest.raises(ValidationError, match="アカウント責任者の確認"):
        incidents.close_incident(db, people.kacho, incident_id, row.version, "削除された")
    with pytest.raises(PermissionDeniedError, match="アカウント責任者"):
        incidents.acknowledge(db, people.kacho, incident_id, "了解")
    incidents.acknowledge(db, people.kyokucho, incident_id, "報道発表は不要。削除まで毎日確認すること。")
    with pytest.raises(PermissionDeniedError, match="アカウント管理者"):
        incidents.close_incident(
            db, people.tanto, incident_id, version(db, people, incident_id), "削除された"
        )
    incidents.close_incident(
        db, people.kacho, incident_id, version(db, people, incident_id), "11/28 偽アカウントの削除を確認"
    )
    row = incidents.get_incident(db, people.kacho, incident_id)
    assert row.status_label == "完了" and row.acknowledged_by == "観光 局長"
    done = {a.key: a for a in row.actions}
    assert done["takedown"].done_by == "観光 担当" and done["takedown"].done_at is not None
    assert not done["press"].done, "an optional action may stay open"


def test_wrong_information_needs_a_real_correction_post(db: Database, people: People, account: int) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "花火は8月10日", planned_at=in_hours())
    )
    post_workflow.submit(
        db, people.tanto, post_id, post_queries.get_post(db, people.tanto, post_id).row.version, ALL_CHECKED
    )
    post_workflow.approve(
        db, people.kacho, post_id, post_queries.get_post(db, people.kacho, post_id).row.version
    )
    post_workflow.record_publication(
        db,
        people.tanto,
        post_id,
        post_queries.get_post(db, people.tanto, post_id).row.version,
        "https://x.com/k/status/5",
        in_hours(),
    )
    incident_id = incidents.open_incident(db, people.tanto, account, T.WRONG_INFORMATION, "日付の誤り")
    with pytest.raises(ValidationError, match="訂正の投稿ではありません"):
        incidents.record_action(db, people.tanto, incident_id, "correction_post", str(post_id))
    correction = post_workflow.start_correction(db, people.tanto, post_id, "日付の誤り（10日→11日）")
    with pytest.raises(ValidationError, match="まだ承認されていません"):
        incidents.record_action(db, people.tanto, incident_id, "correction_post", str(correction))
    post_workflow.submit(
        db,
        people.tanto,
        correction,
        post_queries.get_post(db, people.tanto, correction).row.version,
        ALL_CHECKED,
    )
    post_workflow.approve(
        db, people.kacho, correction, post_queries.get_post(db, people.kacho, correction).row.version
    )
    incidents.record_action(db, people.tanto, incident_id, "correction_post", f"#{correction}")
    incidents.close_incident(db, people.kacho, incident_id, version(db, people, incident_id), "訂正を投稿")


def test_unauthorised_access_needs_the_password_changed_after_the_incident(
    db: Database, people: People, account: int
) -> None:
    incident_id = incidents.open_incident(
        db, people.tanto, account, T.UNAUTHORISED_ACCESS, "見覚えのない投稿", serious=True
    )
    with pytest.raises(ValidationError, match="パスワードが変更されていません"):
        incidents.record_action(db, people.tanto, incident_id, "password_changed")
    credentials.set_credential(db, people.kacho, account, "kagoshima_kanko", "a-brand-new-password-2026")
    incidents.record_action(db, people.kacho, incident_id, "password_changed")
    row = incidents.get_incident(db, people.kacho, incident_id)
    assert next(a for a in row.actions if a.key == "password_changed").reference.endswith("に変更")


def test_escalating_later_requires_acknowledgement(db: Database, people: People, account: int) -> None:
    incident_id = incidents.open_incident(db, people.tanto, account, T.OTHER, "問い合わせ殺到")
    incidents.record_action(db, people.tanto, incident_id, "handled", "個別に回答")
    incidents.escalate(db, people.tanto, incident_id)
    with pytest.raises(ValidationError, match="アカウント責任者の確認"):
        incidents.close_incident(db, people.kacho, incident_id, version(db, people, incident_id), "完了")
    assert [n.kind for n in notices.notifications(db, people.kyokucho)] == ["incident"]


def test_outsiders_neither_open_nor_see(db: Database, people: People, account: int) -> None:
    with pytest.raises(PermissionDeniedError):
        incidents.open_incident(db, people.outsider, account, T.OTHER, "x")
    incidents.open_incident(db, people.tanto, account, T.OTHER, "x")
    assert incidents.list_incidents(db, people.outsider) == []
    assert len(incidents.list_incidents(db, people.koho)) == 1


def test_inquiries_are_logged_forwarded_and_purged(db: Database, people: People, account: int) -> None:
    question = inquiries.log_inquiry(
        db,
        people.tanto,
        account,
        InquiryChannel.COMMENT,
        InquiryKind.QUESTION,
        "花火大会の駐車場はありますか",
        response="公共交通機関をご利用ください",
    )
    proposal = inquiries.log_inquiry(
        db,
        people.tanto,
        account,
        InquiryChannel.PHONE,
        InquiryKind.PROPOSAL,
        "臨時バスを増やしてほしい",
        received_at=utcnow() - timedelta(days=400),
    )
    rows = {r.id: r for r in inquiries.list_inquiries(db, people.kacho)}
    assert rows[proposal].needs_forwarding and not rows[question].needs_forwarding
    inquiries.forward_inquiry(db, people.tanto, proposal, "交通局 企画課")
    with pytest.raises(PermissionDeniedError):
        inquiries.log_inquiry(db, people.outsider, account, InquiryChannel.EMAIL, InquiryKind.OPINION, "x")
    assert inquiries.purge_expired(db, people.tanto) == 1
    rows = {r.id: r for r in inquiries.list_inquiries(db, people.kacho)}
    assert rows[proposal].purged and rows[proposal].content.startswith("（保存期間")
    assert rows[proposal].forwarded_to == "交通局 企画課", "the record that it came and went stays"
    assert not rows[question].purged
    with db.read() as session:
        stored = session.get(Inquiry, proposal)
        assert stored is not None and stored.content == ""
        payloads = " ".join(e.payload for e in session.scalars(select(AuditEvent)))
    assert "臨時バス" not in payloads, "the content never went into the audit log"
    assert inquiries.purge_expired(db, people.tanto) == 0


def test_retention_is_a_setting(db: Database, people: People, account: int) -> None:
    inquiries.log_inquiry(
        db,
        people.tanto,
        account,
        InquiryChannel.EMAIL,
        InquiryKind.OPINION,
        "意見",
        received_at=utcnow() - timedelta(days=40),
    )
    assert inquiries.purge_expired(db, people.tanto) == 0
    with pytest.raises(PermissionDeniedError):
        city_settings.set_retention_days(db, people.kacho, 30)
    city_settings.set_retention_days(db, people.admin, 30)
    assert inquiries.purge_expired(db, people.tanto) == 1


def test_monitoring_is_recorded_and_overdue_flagged(db: Database, people: People, account: int) -> None:
    [row] = monitoring.monitoring_status(db, people.kacho, now=utcnow() + timedelta(days=8))
    assert row.overdue and row.last_checked is None
    with pytest.raises(PermissionDeniedError):
        monitoring.record_monitoring(db, people.tanto, account, "確認")
    monitoring.record_monitoring(db, people.kacho, account, "不適切な書き込みなし")
    [row] = monitoring.monitoring_status(db, people.kacho)
    assert not row.overdue and row.last_by == "観光 課長"
    with db.write_session() as session:
        record = session.scalars(select(MonitoringRecord)).one()
        record.checked_at = utcnow() - timedelta(days=10)
    assert monitoring.monitoring_status(db, people.kacho)[0].overdue
    assert "monitoring" in [n.kind for n in notices.notifications(db, people.kacho)]


def test_notifications_for_an_approver(db: Database, people: People, account: int) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "お知らせ", planned_at=in_hours())
    )
    post_workflow.submit(
        db, people.tanto, post_id, post_queries.get_post(db, people.tanto, post_id).row.version, ALL_CHECKED
    )
    waiting = notices.notifications(db, people.kacho)
    assert waiting[0].kind == "approvals" and "1 件" in waiting[0].text
    assert notices.notifications(db, people.outsider) == []
