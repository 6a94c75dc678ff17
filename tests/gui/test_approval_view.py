"""Issue 16, item 2 on screen: the 管理者 sees what changed since the approval inline, the images compared (full
size on click), a preview shaped like the platform, and approves or rejects from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.approvals import revision_compare
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.services import post_attachments, post_drafts, post_queries, post_workflow
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from tests.test_posts import in_hours
from tests.test_revision_images import save, submit
from tests.test_signing import post_version
from tests.world import People, in_state


def png(colour: str, width: int = 300) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    image = QImage(width, 200, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture
def edited_after_approval(db: Database, people: People) -> int:
    """An approved post whose date was changed and whose map was swapped, submitted again."""
    account = in_state(db, people, AccountStatus.ACTIVE)
    body = "市民マラソンのお知らせ\n詳しくは https://www.city.kagoshima.lg.jp/marathon/ をご覧ください。\n日時は10日です。"
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, body, planned_at=in_hours()))
    old_map = post_attachments.add_attachment(db, people.tanto, post_id, "course.png", png("red"))
    submit(db, people, post_id)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    save(db, people, post_id, body.replace("10日", "11日"))
    post_attachments.remove_attachment(db, people.tanto, old_map)
    post_attachments.add_attachment(db, people.tanto, post_id, "course-v2.png", png("blue", 640))
    submit(db, people, post_id)
    return post_id


def test_the_approval_view_shows_the_change_since_approval_images_and_the_x_preview(
    qtbot: QtBot, db: Database, people: People, edited_after_approval: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.show()
    assert page.detail is not None and page.detail.row.id == edited_after_approval
    text = page.ui.diffView.toPlainText()
    assert "最後に承認された第2版と比べています" in text
    html = page.ui.diffView.toHtml()
    assert "line-through" in html and "underline" in html  # not by colour alone
    # the changed last line shows the changed digit, not one merged red line
    assert page.comparison is not None
    assert [s.text for s in page.comparison.body if s.change.value == "removed"] == ["10"]
    assert [s.text for s in page.comparison.body if s.change.value == "added"] == ["11"]
    # the swapped image: old and new side by side, each opening full size
    assert page.ui.imagesArea.isVisible()
    labels = [b.text() for b in page.images.buttons]
    assert labels == ["差し替え前\ncourse.png", "差し替え後\ncourse-v2.png"]
    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(
        revision_compare.ImageViewer,
        "exec",
        lambda self: opened.append((self.windowTitle(), self.label.pixmap().width())) or 0,
    )
    qtbot.mouseClick(page.images.buttons[1], Qt.MouseButton.LeftButton)
    assert opened == [("差し替え後: course-v2.png", 640)]  # full size, not the thumbnail
    # the preview as X shows it: the link counted as 23 characters
    preview = page.ui.previewView.toPlainText()
    assert "X（旧 Twitter）" in preview and "/ 280 （X換算）" in preview
    body = page.detail.row.body
    url = "https://www.city.kagoshima.lg.jp/marathon/"
    expected = (len(body) - len(url)) * 2 + 23  # Japanese counts 2 each; the body here is all full-width
    assert page.comparison.count.used < len(body) * 2 and page.comparison.count.used <= expected


def test_approve_and_reject_from_the_keyboard(
    qtbot: QtBot, db: Database, people: People, edited_after_approval: int
) -> None:
    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    assert "Ctrl+Enter" in page.ui.approveButton.toolTip()
    assert "Ctrl+Shift+Enter" in page.ui.rejectButton.toolTip()
    page.ui.pendingTable.setFocus()
    qtbot.keyClick(
        page.ui.pendingTable,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert page.focusWidget() is page.ui.commentEdit, "a rejection without its comment asks for the comment"
    assert post_queries.get_post(db, people.kacho, edited_after_approval).row.status is PostStatus.PENDING
    page.ui.commentEdit.setPlainText("地図の出典を書いてください。")
    qtbot.keyClick(
        page.ui.commentEdit,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert post_queries.get_post(db, people.kacho, edited_after_approval).row.status is PostStatus.REJECTED


def test_approve_with_ctrl_enter(
    qtbot: QtBot, db: Database, people: People, edited_after_approval: int
) -> None:
    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    page.ui.pendingTable.setFocus()
    qtbot.keyClick(page.ui.pendingTable, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert post_queries.get_post(db, people.kacho, edited_after_approval).row.status is PostStatus.APPROVED


def test_line_and_instagram_previews(db: Database, people: People) -> None:
    from sns_desk.domain import checks
    from sns_desk.domain.revision_diff import Change, Segment
    from sns_desk.domain.vocabulary import Platform
    from sns_desk.services.approval_view import Comparison

    def comparison(platform: Platform) -> Comparison:
        body = "本日の降灰予報です。"
        return Comparison(
            1,
            None,
            "",
            1,
            (),
            (Segment(Change.ADDED, body),),
            (),
            (),
            platform,
            "鹿児島市",
            checks.count(platform, body),
        )

    line = revision_compare.preview_html(comparison(Platform.LINE), 1)
    assert "LINE のトーク画面" in line and "本日の降灰予報です。" in line and "画像 1" in line
    instagram = revision_compare.preview_html(comparison(Platform.INSTAGRAM), 0)
    assert "Instagram の投稿には画像が必要です" in instagram


def test_an_editor_opened_from_the_approvals_is_deleted_once_closed(
    qtbot: QtBot, db: Database, people: People, edited_after_approval: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """「開く」 on 承認待ち: the editor closed is not kept as a child of the page (issue 17)."""
    from sns_desk.gui.posts.post_editor import PostEditor

    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.show()
    opened: list[int | None] = []

    def read_and_close(editor: PostEditor) -> int:
        opened.append(editor.post_id)
        editor.reject()
        return 0

    monkeypatch.setattr(PostEditor, "exec", read_and_close)
    qtbot.mouseClick(page.ui.openButton, Qt.MouseButton.LeftButton)
    assert opened == [edited_after_approval]
    assert not page.findChildren(PostEditor)
    assert page.detail is not None and page.detail.row.id == edited_after_approval  # the page as it was
