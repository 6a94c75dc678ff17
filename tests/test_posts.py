"""The post workflow (§5, §6, §8(2)(3)): drafts, revisions, checks at submission, one-click decisions, scopes."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select, text

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import (
    accounts,
    post_attachments,
    post_drafts,
    post_queries,
    post_workflow,
)
from sns_desk.services import audit_log as auditlog
from sns_desk.services.actors import Actor
from sns_desk.services.post_drafts import PostInput
from sns_desk.services.post_queries import PostFilter
from sns_desk.store import search
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

P = PostStatus
ALL_CHECKED = [item_id for item_id, _s, _t in post_drafts.self_check_items()]


def in_hours(days: int = 1) -> datetime:
    """10:00 on a working day at least ``days`` ahead: inside the office hours of the test policy."""
    day = datetime.now(pol.JST).date() + timedelta(days=days)
    while not pol.within_operating_hours(pol.PolicyData.office_hours(), pol.at_jst(day, time(10))).within:
        day += timedelta(days=1)
    return pol.at_jst(day, time(10))


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def draft(
    db: Database, author: Actor, account: int, body: str = "桜島の降灰予報をお知らせします。", **kw: object
) -> int:
    return post_drafts.create_draft(db, author, PostInput(account, body, planned_at=in_hours(), **kw))  # type: ignore[arg-type]


def version(db: Database, actor: Actor, post_id: int) -> int:
    return post_queries.get_post(db, actor, post_id).row.version


def status(db: Database, actor: Actor, post_id: int) -> PostStatus:
    return post_queries.get_post(db, actor, post_id).row.status


def submit(db: Database, actor: Actor, post_id: int, reasons: dict[str, str] | None = None) -> PostStatus:
    return post_workflow.submit(db, actor, post_id, version(db, actor, post_id), ALL_CHECKED, reasons)


def test_write_submit_approve_publish(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    assert submit(db, people.tanto, post_id) is P.PENDING
    assert [r.id for r in post_queries.pending_for(db, people.kacho)] == [post_id]
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_workflow.record_publication(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        "https://x.com/kagoshima_kanko/status/1",
        in_hours(),
    )
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.PUBLISHED and detail.published_by == "観光 担当"
    assert detail.published_url.endswith("/status/1") and detail.row.published_at is not None
    assert [d.kind.value for d in detail.decisions] == ["approve"]
    assert auditlog.verify_log(db, people.admin).ok


def test_every_save_keeps_a_revision_and_editing_an_approved_post_sends_it_back(
    db: Database, people: People, account: int
) -> None:
    post_id = draft(db, people.tanto, account, "第1稿")
    post_drafts.save_draft(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        PostInput(account, "第2稿", planned_at=in_hours()),
    )
    submit(db, people.tanto, post_id)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_drafts.save_draft(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        PostInput(account, "第3稿", planned_at=in_hours()),
    )
    detail = post_queries.get_post(db, people.tanto, post_id)
    assert detail.row.status is P.DRAFT, "an edited approved post needs approval again"
    assert [r.body for r in detail.revisions] == ["第1稿", "第2稿", "第3稿"]
    assert "-第2稿" in post_queries.body_diff(detail.revisions[1].body, detail.revisions[2].body)


def test_errors_block_and_warnings_need_reasons(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account, "詳しくは https://bit.ly/3abc へ")
    with pytest.raises(ValidationError, match=r"短縮URL.*§5\(7\)"):
        submit(db, people.tanto, post_id)
    post_drafts.save_draft(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        PostInput(account, "詳しくは https://www.example.com/event へ", planned_at=in_hours()),
    )
    with pytest.raises(ValidationError, match="理由を記入してください"):
        submit(db, people.tanto, post_id)
    [warning] = post_drafts.check_input(
        db, people.tanto, PostInput(account, "詳しくは https://www.example.com/event へ"), post_id
    )
    assert submit(db, people.tanto, post_id, {warning.key: "共催団体の公式ページのため"}) is P.PENDING
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.warning_reasons == {warning.key: "共催団体の公式ページのため"}
    assert [f.rule for f in detail.findings_at_submission] == ["external_link"]


def test_the_self_check_must_be_complete(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    with pytest.raises(ValidationError, match="§6 の確認項目"):
        post_workflow.submit(db, people.tanto, post_id, version(db, people.tanto, post_id), ALL_CHECKED[:-1])


def test_outside_hours_needs_the_emergency_flag_and_a_reason(
    db: Database, people: People, account: int
) -> None:
    night = in_hours().replace(hour=22)
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "避難所を開設しました。", planned_at=night)
    )
    with pytest.raises(ValidationError, match=r"運用時間.*§5\(9\)"):
        submit(db, people.tanto, post_id)
    post_drafts.save_draft(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        PostInput(
            account,
            "避難所を開設しました。",
            planned_at=night,
            emergency=True,
            emergency_reason="大雨警報の発表のため",
        ),
    )
    assert submit(db, people.tanto, post_id) is P.PENDING


def test_four_eyes(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.kacho, account)  # the 管理者 writes
    submit(db, people.kacho, post_id)
    assert post_queries.pending_for(db, people.kacho) == []
    with pytest.raises(PermissionDeniedError, match="自分が作成した投稿は承認できません"):
        post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_workflow.approve(
        db, people.kyokucho, post_id, version(db, people.kyokucho, post_id)
    )  # the 責任者 may


def test_an_editor_is_not_an_approver_either(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    post_drafts.save_draft(
        db,
        people.kacho,
        post_id,
        version(db, people.kacho, post_id),
        PostInput(account, "課長が手直し", planned_at=in_hours()),
    )
    submit(db, people.tanto, post_id)
    with pytest.raises(PermissionDeniedError):
        post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))


def test_the_account_setting_lets_a_manager_approve_their_own(
    db: Database, people: People, account: int
) -> None:
    accounts.set_allow_self_approval(
        db, people.kacho, account, accounts.get_account(db, people.kacho, account).version, True
    )
    post_id = draft(db, people.kacho, account)
    submit(db, people.kacho, post_id)
    assert [r.id for r in post_queries.pending_for(db, people.kacho)] == [post_id]
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    assert status(db, people.kacho, post_id) is P.APPROVED


def test_reject_needs_a_comment_and_the_author_resubmits(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    with pytest.raises(ValidationError, match="差戻しの理由"):
        post_workflow.reject(db, people.kacho, post_id, version(db, people.kacho, post_id), " ")
    post_workflow.reject(
        db, people.kacho, post_id, version(db, people.kacho, post_id), "日付を確認してください"
    )
    assert status(db, people.tanto, post_id) is P.REJECTED
    post_drafts.save_draft(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        PostInput(account, "日付を直しました", planned_at=in_hours()),
    )
    assert submit(db, people.tanto, post_id) is P.PENDING
    decisions = post_queries.get_post(db, people.tanto, post_id).decisions
    assert decisions[0].comment == "日付を確認してください"


def test_withdraw(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    with pytest.raises(PermissionDeniedError):
        post_workflow.withdraw(db, people.agency, post_id, version(db, people.agency, post_id))
    post_workflow.withdraw(db, people.tanto, post_id, version(db, people.tanto, post_id))
    assert status(db, people.tanto, post_id) is P.DRAFT


def test_two_decisions_on_one_screen_state_cannot_both_win(
    db: Database, people: People, account: int
) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    seen = version(db, people.kacho, post_id)  # both approvers look at the same version
    post_workflow.approve(db, people.kacho, post_id, seen)
    with pytest.raises(ConflictError, match="他の人が先に操作しました（現在の状態: 承認済）"):
        post_workflow.reject(db, people.kyokucho, post_id, seen, "待ってください")
    assert status(db, people.kacho, post_id) is P.APPROVED


def test_an_edit_and_an_approval_cannot_both_win(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    seen = version(db, people.tanto, post_id)
    post_workflow.withdraw(db, people.tanto, post_id, seen)
    with pytest.raises(ConflictError):
        post_workflow.approve(db, people.kacho, post_id, seen)


def test_overdue_post_needs_a_new_time(db: Database, people: People, account: int) -> None:
    from sns_desk.store.orm import Post

    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    with db.write_session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        post.planned_at = datetime.now(pol.JST) - timedelta(hours=2)
    row = post_queries.get_post(db, people.kacho, post_id).row
    assert row.overdue()
    with pytest.raises(ValidationError, match="新しい予定時刻"):
        post_workflow.approve(db, people.kacho, post_id, row.version)
    post_workflow.approve(db, people.kacho, post_id, row.version, new_planned_at=in_hours(2))
    assert not post_queries.get_post(db, people.kacho, post_id).row.overdue()


def test_correction_and_deletion(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account, "花火大会は8月10日です。")
    submit(db, people.tanto, post_id)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_workflow.record_publication(
        db, people.tanto, post_id, version(db, people.tanto, post_id), "https://x.com/k/status/2", in_hours()
    )
    correction = post_workflow.start_correction(db, people.tanto, post_id, "日付の誤り（10日→11日）")
    detail = post_queries.get_post(db, people.tanto, correction)
    assert (
        detail.correction_of == post_id
        and detail.row.status is P.DRAFT
        and detail.row.body.startswith("【訂正】")
    )
    assert detail.correction_reason == "日付の誤り（10日→11日）"
    corrected = post_queries.get_post(db, people.kacho, post_id).corrections
    assert [(c.id, c.reason, c.by) for c in corrected] == [
        (correction, "日付の誤り（10日→11日）", "観光 担当")
    ]
    with pytest.raises(ValidationError, match=r"訂正の理由.*§8\(2\)"):
        post_workflow.start_correction(db, people.tanto, post_id, "  ")
    with pytest.raises(ValidationError, match=r"§8\(3\)"):
        post_workflow.record_deletion(db, people.kacho, post_id, version(db, people.kacho, post_id), "")
    with pytest.raises(PermissionDeniedError):
        post_workflow.record_deletion(db, people.tanto, post_id, version(db, people.tanto, post_id), "誤り")
    post_workflow.record_deletion(
        db, people.kacho, post_id, version(db, people.kacho, post_id), "日付の誤りのため削除し、訂正を投稿"
    )
    assert status(db, people.kacho, post_id) is P.DELETED
    deleted = post_queries.get_post(db, people.kacho, post_id)
    assert deleted.deleted_reason == "日付の誤りのため削除し、訂正を投稿" and deleted.deleted_at is not None


def test_posts_only_on_an_active_account(db: Database, people: People) -> None:
    preparing = in_state(db, people, AccountStatus.PREPARING)
    post_id = draft(db, people.tanto, preparing)  # drafting ahead is fine
    with pytest.raises(ValidationError, match="開設準備"):
        submit(db, people.tanto, post_id)


def test_attachments_are_images_and_size_limited(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    post_attachments.add_attachment(db, people.tanto, post_id, "kouhai.png", png)
    with pytest.raises(ValidationError, match="PNG・JPEG"):
        post_attachments.add_attachment(db, people.tanto, post_id, "virus.exe", b"MZ\x90\x00")
    with pytest.raises(ValidationError, match="大きすぎます"):
        post_attachments.add_attachment(
            db, people.tanto, post_id, "big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (6 * 1024 * 1024)
        )
    [item] = post_queries.get_post(db, people.tanto, post_id).attachments
    assert item.mime == "image/png" and post_attachments.attachment_data(db, people.tanto, item.id) == png


def test_visibility_and_filters(db: Database, people: People, account: int) -> None:
    first = draft(db, people.tanto, account, "桜島の降灰予報")
    draft(db, people.agency, account, "観光イベントのお知らせ")
    submit(db, people.tanto, first)
    assert post_queries.list_posts(db, people.outsider) == []
    assert {r.id for r in post_queries.list_posts(db, people.koho)} >= {first}
    assert [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text="降灰"))] == [first]
    assert [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(statuses=[P.PENDING]))] == [
        first
    ]
    assert len(post_queries.list_posts(db, people.kacho, PostFilter(author_id=people.agency.user_id))) == 1
    assert [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text="100%"))] == []


def test_a_1mb_body_with_odd_characters_is_stored_and_checked(
    db: Database, people: People, account: int
) -> None:
    body = "🇯🇵👩‍👩‍👧 مرحبا " + "あ" * 99_000
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, body))
    assert post_queries.get_post(db, people.tanto, post_id).row.body == body
    with pytest.raises(ValidationError, match="長すぎます"):
        post_drafts.create_draft(db, people.tanto, PostInput(account, "x" * 1_000_001))
    with pytest.raises(ValidationError, match="NUL"):
        post_drafts.create_draft(db, people.tanto, PostInput(account, "a\x00b"))


def test_every_action_is_audited(db: Database, people: People, account: int) -> None:
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)
    post_workflow.reject(db, people.kacho, post_id, version(db, people.kacho, post_id), "要修正")
    with db.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "post"))]
    assert actions == ["post.create", "post.submit", "post.reject"]


def test_search_finds_any_part_of_the_text_and_follows_edits(
    db: Database, people: People, account: int
) -> None:
    """Three characters or more go through the trigram index (0007); it must follow every save and discard."""
    first = draft(db, people.tanto, account, "桜島の降灰予報をお知らせします。Sakurajima ash")
    second = draft(db, people.tanto, account, "花火大会の交通規制について", title="花火大会")

    def found(text: str) -> list[int]:
        return sorted(r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text=text)))

    assert found("降灰予報") == [first]
    assert found("SAKURAJIMA") == [first], "Latin letters in any case"
    assert found("花火大") == [second]
    assert found("灰") == [first], "one character: LIKE"
    assert found('"予報') == [] and found("存在しない語") == []
    post_drafts.save_draft(
        db,
        people.tanto,
        first,
        version(db, people.tanto, first),
        PostInput(account, "図書館の休館日のお知らせ"),
    )
    assert found("降灰予報") == [] and found("図書館の休館") == [first]
    post_workflow.discard(db, people.tanto, second, version(db, people.tanto, second), "重複")
    assert found("交通規制") == [second], "a discarded draft is kept, and found, with its status"
    with db.engine.begin() as conn:  # no service deletes a post row; the index must follow one anyway
        for table, column in [("post_revisions", "post_id"), ("post_decisions", "post_id"), ("posts", "id")]:
            conn.execute(text(f"DELETE FROM {table} WHERE {column} = :id"), {"id": second})
    assert found("交通規制") == []


@pytest.mark.sqlite_only
def test_search_without_the_index_falls_back_to_like(db: Database, people: People, account: int) -> None:
    first = draft(db, people.tanto, account, "桜島の降灰予報をお知らせします。")
    with db.engine.begin() as conn:  # as on a SQLite built without FTS5
        for trigger in ("posts_fts_insert", "posts_fts_delete", "posts_fts_update"):
            conn.exec_driver_sql(f"DROP TRIGGER {trigger}")
        conn.exec_driver_sql("DROP TABLE posts_fts")
    assert [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text="降灰予報"))] == [first]


def test_search_with_many_matches_scans_in_list_order_and_finds_them_all(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RARE_MATCHES", 2)
    made = [draft(db, people.tanto, account, f"お知らせ第{i}号") for i in range(3)]
    other = draft(db, people.tanto, account, "図書館の休館日")
    found = [r.id for r in post_queries.list_posts(db, people.kacho, PostFilter(text="お知らせ"))]
    assert sorted(found) == sorted(made) and other not in found


def test_a_post_without_a_planned_time_is_judged_now_at_submission_and_at_approval(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """§5(9): no planned time means it may go out at once, so the hours are checked against the actual time."""
    night = in_hours().replace(hour=22)
    monkeypatch.setattr(post_workflow, "hours_clock", lambda: night)
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, "避難所を開設しました。"))
    with pytest.raises(ValidationError, match=r"予定日時がないため.*22:00 は運用時間.*§5\(9\)"):
        submit(db, people.tanto, post_id)
    assert status(db, people.tanto, post_id) is P.DRAFT

    monkeypatch.setattr(post_workflow, "hours_clock", lambda: night.replace(hour=10))  # the next morning
    assert submit(db, people.tanto, post_id) is P.PENDING
    monkeypatch.setattr(post_workflow, "hours_clock", lambda: night)  # the 管理者 looks at it that night
    with pytest.raises(ValidationError, match=r"予定日時がないため.*§5\(9\)"):
        post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    assert status(db, people.kacho, post_id) is P.PENDING

    # a new time inside the hours, or approving within them, lets it through
    post_workflow.approve(
        db, people.kacho, post_id, version(db, people.kacho, post_id), new_planned_at=in_hours(2)
    )
    assert status(db, people.kacho, post_id) is P.APPROVED


def test_an_emergency_without_a_planned_time_goes_out_at_night_with_its_reason(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_workflow, "hours_clock", lambda: in_hours().replace(hour=23))
    data = PostInput(
        account, "大雨特別警報が発表されました。", emergency=True, emergency_reason="大雨特別警報の発表"
    )
    post_id = post_drafts.create_draft(db, people.tanto, data)
    assert submit(db, people.tanto, post_id) is P.PENDING
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    assert status(db, people.kacho, post_id) is P.APPROVED


def test_a_planned_post_is_judged_at_its_planned_time_not_now(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(post_workflow, "hours_clock", lambda: in_hours().replace(hour=23))
    post_id = draft(db, people.tanto, account)  # planned at 10:00 on a working day
    assert submit(db, people.tanto, post_id) is P.PENDING
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    assert status(db, people.kacho, post_id) is P.APPROVED
