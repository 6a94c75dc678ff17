"""Monitoring (§9(2)), issue 16 item 4: a structured result, an interval per account set by its 管理者, a warning for
a dormant account (days set by 広報課), and free-text records migrated by reading their words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import select

from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.monitoring_rules import dormant, legacy_problem, monitoring_due
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import city_settings, monitoring, notices, post_attachments, post_drafts, revisions
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import MonitoringRecord, Post, utcnow
from tests.migrating import migrating
from tests.test_posts import in_hours
from tests.world import People, in_state

BOTH_BACKENDS = True


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


@pytest.mark.parametrize(
    ("note", "problem"),
    [
        ("問題なし", False),
        ("不適切な書き込みなし", False),  # the old screen called this a problem
        ("特になし。", False),
        ("問題ありません", False),
        ("コメントは見当たりませんでした", False),
        ("", False),
        ("不適切なコメントが1件あり、削除した", True),
        ("なりすましアカウントを発見", True),
        ("問題なし。ただし誤字を1件発見し訂正した", True),
        ("確認", True),  # says nothing either way: kept as a problem to look at, as before
    ],
)
def test_a_free_text_record_is_read_from_its_words(note: str, problem: bool) -> None:
    assert legacy_problem(note) is problem


def test_due_and_dormant_count_from_the_start_when_nothing_happened_yet() -> None:
    start = datetime(2026, 11, 1, tzinfo=UTC)
    assert not monitoring_due(None, start, 7, start + timedelta(days=7))
    assert monitoring_due(None, start, 7, start + timedelta(days=8))
    assert not monitoring_due(start + timedelta(days=10), start, 14, start + timedelta(days=20))
    assert dormant(None, start, 90, start + timedelta(days=91))
    assert not dormant(start + timedelta(days=60), start, 90, start + timedelta(days=91))


def test_a_check_has_a_result_and_a_problem_says_what(db: Database, people: People, account: int) -> None:
    with pytest.raises(ValidationError, match="何があったか"):
        monitoring.record_monitoring(db, people.kacho, account, "  ", problems_found=True)
    monitoring.record_monitoring(db, people.kacho, account, "不適切な書き込みなし")
    [row] = monitoring.monitoring_status(db, people.kacho)
    assert row.last_problem is False and row.result == "問題なし: 不適切な書き込みなし"
    monitoring.record_monitoring(db, people.kacho, account, "差別的なコメント1件", problems_found=True)
    [row] = monitoring.monitoring_status(db, people.kacho)
    assert row.result == "問題あり: 差別的なコメント1件"


def test_the_interval_is_the_accounts_own_set_by_its_manager(
    db: Database, people: People, account: int
) -> None:
    monitoring.record_monitoring(db, people.kacho, account, "")
    later = utcnow() + timedelta(days=8)
    assert monitoring.monitoring_status(db, people.kacho, now=later)[0].overdue  # 7 days by default
    with pytest.raises(PermissionDeniedError):
        monitoring.set_interval(db, people.tanto, account, 14)
    with pytest.raises(ValidationError, match="1〜90"):
        monitoring.set_interval(db, people.kacho, account, 0)
    monitoring.set_interval(db, people.kacho, account, 14)
    [row] = monitoring.monitoring_status(db, people.kacho, now=later)
    assert row.interval_days == 14 and not row.overdue


def test_a_dormant_account_is_flagged_after_the_days_set_by_koho(
    db: Database, people: People, account: int
) -> None:
    assert not monitoring.monitoring_status(db, people.kacho)[0].dormant
    with pytest.raises(PermissionDeniedError):
        city_settings.set_dormant_days(db, people.admin, 30)
    city_settings.set_dormant_days(db, people.koho, 30)
    assert monitoring.may_set_dormant_days(db, people.koho) and not monitoring.may_set_dormant_days(
        db, people.kacho
    )
    later = utcnow() + timedelta(days=31)
    [row] = monitoring.monitoring_status(db, people.kacho, now=later)
    assert row.dormant and row.dormant_days == 30 and row.last_post is None
    # a post published since then: no longer dormant
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "お知らせ", planned_at=in_hours())
    )
    with db.write_session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        post.status, post.published_at = PostStatus.PUBLISHED, later - timedelta(days=1)
    assert not monitoring.monitoring_status(db, people.kacho, now=later)[0].dormant
    assert "dormant" not in [n.kind for n in notices.notifications(db, people.kacho)]


def test_the_dormant_notice_reaches_the_manager(db: Database, people: People, account: int) -> None:
    city_settings.set_dormant_days(db, people.koho, 7)
    with db.write_session() as session:  # the account went into operation long ago
        from sns_desk.store.orm import Account

        acc = session.get(Account, account)
        assert acc is not None
        acc.activated_at = utcnow() - timedelta(days=30)
    kinds = [n.kind for n in notices.notifications(db, people.kacho)]
    assert "dormant" in kinds


def test_the_migration_reads_old_records_and_gives_images_to_the_latest_revision(
    db: Database, people: People, account: int
) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "降灰予報", planned_at=in_hours())
    )
    post_attachments.add_attachment(db, people.tanto, post_id, "map.png", b"\x89PNG\r\n\x1a\n" + b"\x01" * 40)
    monitoring.record_monitoring(db, people.kacho, account, "不適切な書き込みなし")
    monitoring.record_monitoring(db, people.kacho, account, "なりすましを発見、広報課に報告")
    with migrating(db) as (cfg, conn):
        command.downgrade(cfg, "0011_key_certificates")
        conn.exec_driver_sql("UPDATE monitoring_records SET problems_found = true")  # the old screen's guess
        command.upgrade(cfg, "head")
    with db.read() as session:
        records = session.scalars(select(MonitoringRecord).order_by(MonitoringRecord.id)).all()
        assert [(r.legacy, r.problems_found) for r in records] == [(True, False), (True, True)]
        images = revisions.revision_images(session, post_id, 2)
    assert [i.filename for i in images] == ["map.png"]
    [row] = monitoring.monitoring_status(db, people.kacho)
    assert row.result.endswith("（旧形式の記録から判定）") and row.last_problem
