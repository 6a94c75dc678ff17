"""Standing scopes bound to their template (§5(2)): only a filled-in template is approved by the scope, with the
scope's version recorded; anything else goes to the 管理者 with the reason; the 管理者's decisions are signed; a
late review is flagged."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, DecisionKind, PostStatus, ScopeAction, SlotKind
from sns_desk.services import notices, post_drafts, post_queries, post_scopes, post_workflow
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import PostDecision, ScopeVersion, StandingScope
from tests.test_posts import ALL_CHECKED, in_hours
from tests.test_signing import report, sql
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

P = PostStatus
TEMPLATE = "本日{日付}の桜島の降灰予報です。風向き: {風向}。降灰が予想される地域: {地域}。"
SLOTS = (
    st.Slot("日付", SlotKind.DATE),
    st.Slot("風向", SlotKind.CHOICE, ("北", "北東", "東", "南東", "南", "南西", "西", "北西")),
    st.Slot("地域", SlotKind.TEXT, max_length=10),
)
GOOD = "本日11月30日の桜島の降灰予報です。風向き: 北東。降灰が予想される地域: 鹿児島市北部。"


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def ash(days: int = 90, **changes: object) -> post_scopes.ScopeInput:
    now = datetime.now(pol.JST)
    data = post_scopes.ScopeInput(
        "定例の降灰予報", TEMPLATE, SLOTS, now - timedelta(days=1), now + timedelta(days=days)
    )
    return post_scopes.ScopeInput(**{**data.__dict__, **changes})  # type: ignore[arg-type]


def submitted(db: Database, people: People, account: int, scope_id: int | None, body: str) -> int:
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, body, planned_at=in_hours(), scope_id=scope_id)
    )
    detail = post_queries.get_post(db, people.tanto, post_id)
    findings = post_drafts.check_input(db, people.tanto, detail.as_input, post_id)
    reasons = {
        f.key: "定例の投稿で、毎回同じ形です" for f in checks.warnings(findings)
    }  # e.g. 最近の投稿とほぼ同じ
    post_workflow.submit(db, people.tanto, post_id, detail.row.version, ALL_CHECKED, reasons)
    return post_id


def test_a_filled_template_is_approved_by_the_scope_with_its_version(
    db: Database, people: People, account: int
) -> None:
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    body = post_scopes.fill(
        db, people.tanto, scope_id, {"日付": "11月30日", "風向": "北東", "地域": "鹿児島市北部"}
    )
    assert body == GOOD
    post_id = submitted(db, people, account, scope_id, body)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.APPROVED and detail.scope_note == ""
    [decision] = detail.decisions
    assert decision.kind is DecisionKind.SCOPE and "第1版" in decision.comment
    with db.read() as session:
        assert session.scalars(select(PostDecision.scope_number)).one() == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (GOOD.replace("桜島の", "桜島で"), "12文字目から、ひな形の固定の文字と違います"),
        (GOOD.replace("11月30日", "あした"), "「日付」は日付"),
        (GOOD.replace("鹿児島市北部", "鹿児島市と霧島市と姶良市"), "10文字まで"),
    ],
)
def test_a_body_off_the_template_goes_to_the_manager_with_the_reason(
    db: Database, people: People, account: int, body: str, reason: str
) -> None:
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    post_id = submitted(db, people, account, scope_id, body)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.PENDING and not detail.decisions
    assert reason in detail.scope_note and "定例の降灰予報" in detail.scope_note
    assert post_id in [row.id for row in post_queries.pending_for(db, people.kacho)]


def test_a_revoked_expired_or_untemplated_scope_approves_nothing(
    db: Database, people: People, account: int
) -> None:
    revoked = post_scopes.create_scope(db, people.kacho, account, ash())
    post_scopes.revoke_scope(db, people.kacho, revoked)
    with pytest.raises(ValidationError, match="すでに取り消されています"):
        post_scopes.revoke_scope(db, people.kacho, revoked)
    expired = post_scopes.create_scope(
        db, people.kacho, account, ash(valid_from=datetime.now(pol.JST) - timedelta(days=30), days=-2)
    )
    migrated = post_scopes.create_scope(db, people.kacho, account, ash())
    with db.write_session() as session:  # as migration 0009 leaves a scope from before templates
        session.execute(update(StandingScope).where(StandingScope.id == migrated).values(slots=None))
    for scope_id, reason in (
        (revoked, "取り消されています"),
        (expired, "有効期間"),
        (migrated, "ひな形がない"),
    ):
        post_id = submitted(db, people, account, scope_id, GOOD)
        detail = post_queries.get_post(db, people.kacho, post_id)
        assert detail.row.status is P.PENDING and reason in detail.scope_note
    assert next(s for s in post_scopes.list_scopes(db, people.kacho, account) if s.id == migrated).state(
        datetime.now(pol.JST)
    ) == ("ひな形なし（自動承認しない）")


def test_a_category_outside_the_scope_is_not_approved_by_it(
    db: Database, people: People, account: int
) -> None:
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash(categories=("降灰予報",)))
    post_id = post_drafts.create_draft(
        db,
        people.tanto,
        PostInput(account, GOOD, category="イベント", planned_at=in_hours(), scope_id=scope_id),
    )
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    assert post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED) is P.PENDING
    assert "分類「イベント」" in post_queries.get_post(db, people.kacho, post_id).scope_note


def test_images_are_not_covered_by_a_template(db: Database, people: People, account: int) -> None:
    from sns_desk.services import post_attachments

    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, GOOD, planned_at=in_hours(), scope_id=scope_id)
    )
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    post_attachments.add_attachment(db, people.tanto, post_id, "ash.png", png)
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    assert post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED) is P.PENDING
    assert "画像" in post_queries.get_post(db, people.kacho, post_id).scope_note


def test_only_the_manager_decides_and_every_decision_verifies_as_signed(
    db: Database, people: People, account: int
) -> None:
    before = report(db).checked  # the account's own signed decisions
    with pytest.raises(PermissionDeniedError):
        post_scopes.create_scope(db, people.tanto, account, ash())
    with pytest.raises(ValidationError, match="間に固定の文字"):
        post_scopes.create_scope(db, people.kacho, account, ash(template="{日付}{風向}{地域}"))
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    version = post_scopes.get_scope(db, people.kacho, scope_id).scope.version
    number = post_scopes.change_scope(
        db,
        people.kacho,
        scope_id,
        version,
        ash(template=TEMPLATE + "詳しくは市ホームページへ。", review_days=5),
    )
    assert number == 2
    post_scopes.revoke_scope(db, people.kacho, scope_id)
    detail = post_scopes.get_scope(db, people.tanto, scope_id)
    assert [(v.number, v.action) for v in detail.versions] == [
        (1, ScopeAction.CREATE),
        (2, ScopeAction.CHANGE),
        (3, ScopeAction.REVOKE),
    ]
    assert all(v.seal.startswith("電子印鑑 ✓") for v in detail.versions)
    checked = report(db)
    assert checked.ok and checked.checked == before + 3, checked.problems
    with db.read() as session:
        version_id = session.scalars(select(ScopeVersion.id).where(ScopeVersion.number == 2)).one()
    sql(db, "UPDATE scope_versions SET template = 'なんでも{地域}' WHERE id = ?", version_id)
    tampered = report(db)
    assert not tampered.ok and any("事前承認の範囲" in p and "書き換えられて" in p for p in tampered.problems)


def test_a_scope_decision_written_around_the_app_is_caught(
    db: Database, people: People, account: int
) -> None:
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    with db.read() as session:
        first = session.get(ScopeVersion, session.scalars(select(ScopeVersion.id)).one())
        assert first is not None
        row = (first.decided_by_id, first.valid_from, first.valid_until)
    sql(
        db,
        "INSERT INTO scope_versions (scope_id, number, action, title, categories, template, slots, valid_from,"
        " valid_until, review_days, decided_by_id, decided_at) VALUES (?, 2, 'change', 't', '', 'x', '[]', ?, ?,"
        " 3, ?, ?)",
        scope_id,
        row[1].replace(tzinfo=None),
        row[2].replace(tzinfo=None),
        row[0],
        datetime.now().replace(microsecond=0),
    )
    assert any("第2版" in p and "署名がありません" in p for p in report(db).problems)


def test_late_review_is_flagged_in_the_bell_and_listed(db: Database, people: People, account: int) -> None:
    scope_id = post_scopes.create_scope(db, people.kacho, account, ash(review_days=1))
    post_id = submitted(db, people, account, scope_id, GOOD)
    [review] = post_queries.scope_reviews(db, people.kacho)
    assert review.post.id == post_id and review.scope_number == 1
    assert review.due == pol.working_days_after(datetime.now(pol.JST).date(), 1)
    assert not review.overdue() and not any(
        n.kind == "scope_review" for n in notices.notifications(db, people.kacho)
    )
    long_ago = datetime.now(pol.JST) - timedelta(days=10)
    with db.write_session() as session:
        session.execute(
            update(PostDecision).where(PostDecision.post_id == post_id).values(decided_at=long_ago)
        )
    [late] = post_queries.scope_reviews(db, people.kacho)
    assert late.overdue()
    [bell] = [n for n in notices.notifications(db, people.kacho) if n.kind == "scope_review"]
    assert "事前承認の確認" in bell.text and bell.page == "approvals"
    assert post_queries.scope_reviews(db, people.tanto) == []  # only the 管理者 reviews
    post_scopes.review_scope_post(db, people.kacho, post_id)
    assert post_queries.scope_reviews(db, people.kacho) == []


def test_working_days_skip_weekends_holidays_and_the_year_end() -> None:
    from datetime import date

    assert pol.working_days_after(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Friday → Monday
    assert pol.working_days_after(date(2026, 11, 20), 1) == date(2026, 11, 24)  # 23rd: 勤労感謝の日 (Monday)
    assert pol.working_days_after(date(2026, 12, 28), 1) == date(2027, 1, 4)  # 12/29–1/3 closed


def test_the_post_record_says_which_scope_approved_a_post(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from sns_desk.export import workbooks

    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    version = post_scopes.get_scope(db, people.kacho, scope_id).scope.version
    post_scopes.change_scope(db, people.kacho, scope_id, version, ash(review_days=2))
    by_scope = submitted(db, people, account, scope_id, GOOD)
    by_hand = submitted(db, people, account, None, "本日の花火大会は予定どおり開催します。")
    post_workflow.approve(
        db, people.kacho, by_hand, post_queries.get_post(db, people.kacho, by_hand).row.version
    )
    out = tmp_path / "posts.xlsx"
    now = datetime.now(pol.JST)
    workbooks.export_post_record(
        db, people.kacho, now - timedelta(days=1), now + timedelta(days=30), out, account_id=account
    )
    ws = load_workbook(out).active
    assert ws.cell(4, 11).value == "承認の経路"
    rows = {r[0]: r for r in ([c.value for c in row] for row in ws.iter_rows(min_row=5))}
    assert rows[by_scope][10] == "事前承認の範囲「定例の降灰予報」第2版（§5(2)）"
    assert rows[by_scope][4] == "観光 課長（事前承認）"  # the 管理者 who decided the scope, not the author
    assert rows[by_hand][10] == "個別の承認"


def test_a_scope_from_before_templates_is_migrated_to_approve_nothing(
    db: Database, people: People, account: int
) -> None:
    from alembic import command

    from tests.migrating import migrating

    scope_id = post_scopes.create_scope(db, people.kacho, account, ash())
    earlier = submitted(db, people, account, scope_id, GOOD)
    with migrating(db) as (
        cfg,
        conn,
    ):  # back to 0008, where a scope had a free-text template and no signatures
        command.downgrade(cfg, "0008_signatures")
        conn.exec_driver_sql("DELETE FROM decision_signatures WHERE kind = 'scope_decision'")
        command.upgrade(cfg, "head")
    [scope] = post_scopes.list_scopes(db, people.kacho, account)
    assert scope.slots is None and scope.state(datetime.now(pol.JST)) == "ひな形なし（自動承認しない）"
    [migrated] = post_scopes.get_scope(db, people.kacho, scope_id).versions
    assert (migrated.number, migrated.action, migrated.seal) == (1, ScopeAction.MIGRATED, "")
    with db.read() as session:
        assert (
            session.scalars(select(PostDecision.scope_number).where(PostDecision.post_id == earlier)).one()
            == 1
        )
    assert report(db).ok  # a migrated version is not a decision anyone signed
    later = submitted(db, people, account, scope_id, GOOD.replace("北東", "南"))
    assert "ひな形がない" in post_queries.get_post(db, people.kacho, later).scope_note
    # the 管理者 gives it a template: a signed change, and it approves again
    number = post_scopes.change_scope(db, people.kacho, scope_id, scope.version, ash())
    assert number == 2
    again = submitted(db, people, account, scope_id, GOOD.replace("北東", "西"))
    assert post_queries.get_post(db, people.kacho, again).row.status is P.APPROVED
