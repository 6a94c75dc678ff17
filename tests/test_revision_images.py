"""Issue 16, item 2: images are part of each revision and of what the 電子印鑑 covers (old signatures still verify),
and the approver compares with the last approved revision — or the last one they saw — inline."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.revision_diff import Change, Image, Segment, image_changes, inline_diff
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.services import (
    approval_view,
    post_attachments,
    post_drafts,
    post_queries,
    post_workflow,
    revisions,
    signing,
)
from sns_desk.services.post_drafts import PostInput
from sns_desk.store import audit_chain
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, DecisionSignature, Post, PostRevision, User
from tests.test_posts import ALL_CHECKED, in_hours
from tests.test_signing import pending_post, post_version, report, sql
from tests.world import People, in_state

BOTH_BACKENDS = True


def png(tag: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes([tag]) * 64


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def save(db: Database, people: People, post_id: int, body: str) -> None:
    detail = post_queries.get_post(db, people.tanto, post_id)
    data = detail.as_input
    data.body = body
    post_drafts.save_draft(db, people.tanto, post_id, detail.row.version, data)


def submit(db: Database, people: People, post_id: int) -> None:
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED)


# --- the inline diff and the image diff (pure) -------------------------------------------------------------------


def test_a_changed_last_line_shows_the_changed_characters_not_one_merged_line() -> None:
    old = "桜島の降灰予報です。\n日時は10日です。"
    new = "桜島の降灰予報です。\n日時は11日です。"
    segments = inline_diff(old, new)
    assert segments == [
        Segment(Change.SAME, "桜島の降灰予報です。\n日時は"),
        Segment(Change.REMOVED, "10"),
        Segment(Change.ADDED, "11"),
        Segment(Change.SAME, "日です。"),
    ]
    assert "".join(s.text for s in segments if s.change is not Change.ADDED) == old
    assert "".join(s.text for s in segments if s.change is not Change.REMOVED) == new


def test_latin_words_are_compared_whole_and_japanese_by_character() -> None:
    segments = inline_diff("詳しくは website へ", "詳しくは homepage へ")
    assert Segment(Change.REMOVED, "website") in segments and Segment(Change.ADDED, "homepage") in segments
    assert inline_diff("", "新しい本文") == [Segment(Change.ADDED, "新しい本文")]


def test_images_added_removed_and_changed() -> None:
    a, b, c, d = (Image(h, f"{h}.png") for h in "abcd")
    changes = image_changes([a, b, c], [a, d])
    assert [(x.change, x.old, x.new) for x in changes] == [
        (Change.SAME, a, a),
        (Change.CHANGED, b, d),  # d took b's place
        (Change.REMOVED, c, None),
    ]
    assert [x.change for x in image_changes([a], [b, a, c])] == [Change.ADDED, Change.SAME, Change.ADDED]


# --- images in revisions ------------------------------------------------------------------------------------------


def test_each_change_of_the_images_is_a_revision_that_keeps_them(
    db: Database, people: People, account: int
) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "降灰予報", planned_at=in_hours())
    )
    first = post_attachments.add_attachment(db, people.tanto, post_id, "map.png", png(1))
    post_attachments.add_attachment(db, people.tanto, post_id, "photo.png", png(2))
    post_attachments.remove_attachment(db, people.tanto, first)
    with db.read() as session:
        kept = [revisions.revision_images(session, post_id, n) for n in (1, 2, 3, 4)]
    assert [[i.filename for i in images] for images in kept] == [
        [],
        ["map.png"],
        ["map.png", "photo.png"],
        ["photo.png"],
    ]
    # the removed image is still there for whoever compares revision 2 or 3
    gone = kept[1][0].sha256
    assert post_attachments.revision_image_data(db, people.kacho, post_id, gone) == png(1)
    with pytest.raises(SnsDeskError):
        post_attachments.revision_image_data(db, people.outsider, post_id, gone)


def test_the_revision_count_read_with_the_post_counts_a_revision_added_in_the_same_transaction(
    db: Database, people: People, account: int
) -> None:
    """open_post reads the count with the post (issue 17); a revision saved later in the transaction counts."""
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "降灰予報", planned_at=in_hours())
    )
    with db.write_session() as session:
        post = session.get_one(Post, post_id)
        revisions.remember_count(session, post_id, 1)  # as open_post read it
        me = session.get_one(User, people.tanto.user_id)
        assert revisions.add_revision(session, post, me) == 2
        session.add(
            PostRevision(post_id=post_id, number=3, saved_by_id=me.id, title=post.title, body=post.body)
        )
        assert revisions.revision_count(session, post_id) == 3  # not the 1 remembered, nor 2
        session.rollback()


# --- the 電子印鑑 covers the images --------------------------------------------------------------------------------


def test_an_image_swapped_after_approval_breaks_the_seal(db: Database, people: People, account: int) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "降灰予報", planned_at=in_hours())
    )
    post_attachments.add_attachment(db, people.tanto, post_id, "map.png", png(1))
    submit(db, people, post_id)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    assert report(db).ok
    with db.read() as session:
        sealed = revisions.sealed_revision(session, post_id, 2)
        row = session.scalars(
            select(DecisionSignature).where(DecisionSignature.kind == "post_decision")
        ).one()
    assert sealed is not None and sealed["images"] == [hashlib.sha256(png(1)).hexdigest()]
    assert json.loads(row.content)["seal_version"] == revisions.SEAL_VERSION
    # someone with an SQLite editor puts another image into the approved revision
    sql(
        db,
        "INSERT INTO image_blobs (sha256, mime, size, data) VALUES (?, ?, ?, ?)",
        "f" * 64,
        "image/png",
        3,
        b"png",
    )
    sql(db, "UPDATE revision_images SET sha256 = ?", "f" * 64)
    problems = report(db).problems
    assert len(problems) == 1 and "書き換えられています" in problems[0]


def test_a_signature_made_before_images_were_sealed_still_verifies(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    with db.read() as session:  # rewrite the signature as the version before issue 16 made it
        row = session.scalars(
            select(DecisionSignature).where(DecisionSignature.kind == "post_decision")
        ).one()
        event = session.get(AuditEvent, row.audit_seq)
        assert event is not None
        content = signing.decision_content(session, row.kind, row.subject_id, event.action, seal_version=1)
        payload = signing._payload(content, event, "kacho", row.role, row.permission, row.account_id)
    assert "seal_version" not in payload
    old_text = audit_chain.canonical_json(payload)
    signer = signing.signer_for(db, people.kacho)
    signature = signer.private_key.sign(old_text.encode("utf-8")).hex()
    sql(
        db,
        "UPDATE decision_signatures SET content = ?, signature = ? WHERE id = ?",
        old_text,
        signature,
        row.id,
    )
    assert report(db).ok
    sql(db, "UPDATE post_revisions SET body = '承認されていない本文' WHERE post_id = ?", post_id)
    assert "書き換えられています" in report(db).problems[0]  # the old version still covers the text


def test_the_sealed_content_matches_the_post_until_it_changes(
    db: Database, people: People, account: int
) -> None:
    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "降灰予報", planned_at=in_hours())
    )
    post_attachments.add_attachment(db, people.tanto, post_id, "map.png", png(1))
    with db.read() as session:
        post = session.get(post_queries.Post, post_id)
        assert post is not None
        assert revisions.current_content(session, post) == revisions.sealed_revision(session, post_id, 2)
    post_attachments.add_attachment(db, people.tanto, post_id, "extra.png", png(3))
    with db.read() as session:
        post = session.get(post_queries.Post, post_id)
        assert post is not None
        assert revisions.current_content(session, post) != revisions.sealed_revision(session, post_id, 2)


# --- what the approver compares ---------------------------------------------------------------------------------


def test_the_approver_compares_with_the_last_approved_revision(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account, "日時は10日、会場は市役所です。")
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    save(db, people, post_id, "日時は11日、会場は市役所です。")
    save(db, people, post_id, "日時は11日、会場は市民会館です。")
    post_attachments.add_attachment(db, people.tanto, post_id, "map.png", png(1))
    submit(db, people, post_id)
    seen = approval_view.compare_for_approval(db, people.kacho, post_id)
    assert seen.base == 1 and "最後に承認された第1版" in seen.base_label and seen.latest == 4
    removed = [s.text for s in seen.body if s.change is Change.REMOVED]
    added = [s.text for s in seen.body if s.change is Change.ADDED]
    assert removed == ["10", "役所"] and added == ["11", "民会館"]  # both saves' edits, not only the last
    assert [(i.change, i.new.filename if i.new else None) for i in seen.images] == [(Change.ADDED, "map.png")]


def test_what_an_approver_saw_never_moves_back(db: Database, people: People, account: int) -> None:
    """A decision and the approval view move it in one statement (store/revision_seen.py); an earlier revision,
    or the same one again, leaves it where it is and says so (no 'post.seen' event)."""
    post_id = pending_post(db, people, account, "第1稿")
    me = people.kacho.user_id
    with db.write_session() as session:
        assert revisions.mark_seen(session, post_id, me, 2)
        assert not revisions.mark_seen(session, post_id, me, 1)
        assert not revisions.mark_seen(session, post_id, me, 2)
        assert revisions.last_seen(session, post_id, me) == 2
        assert revisions.mark_seen(session, post_id, me, 3)
    with db.read() as session:
        assert revisions.last_seen(session, post_id, me) == 3
        assert revisions.last_seen(session, post_id, people.kyokucho.user_id) is None


def test_before_any_approval_the_approver_compares_with_what_they_last_saw(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account, "第1稿")
    first = approval_view.compare_for_approval(db, people.kacho, post_id)
    assert first.base is None and [s.change for s in first.body] == [Change.ADDED]
    post_workflow.withdraw(db, people.tanto, post_id, post_version(db, people, post_id))
    save(db, people, post_id, "第2稿")
    save(db, people, post_id, "第3稿")
    submit(db, people, post_id)
    again = approval_view.compare_for_approval(db, people.kacho, post_id)
    assert again.base == 1 and "あなたが前回見た第1版" in again.base_label
    assert approval_view.compare_for_approval(db, people.kacho, post_id).unchanged  # seen now: nothing new
    # another approver who never opened it sees the whole post; a 担当者 looking is not recorded
    assert approval_view.compare_for_approval(db, people.kyokucho, post_id).base is None
    approval_view.compare_for_approval(db, people.tanto, post_id)
    with db.read() as session:
        seen_events = session.scalars(select(AuditEvent).where(AuditEvent.action == "post.seen")).all()
    assert sorted(e.actor for e in seen_events) == ["kacho", "kacho", "kyokucho"]
