"""トラブルへの対応 on a published post from the 下書き page: its deletion with the reason (§8(3)) and its
correction with what was wrong (§8(2)), each confirmed and visible in the post's history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.gui.posts.posts_page import PostsPage
from sns_desk.gui.posts.section8_dialogs import Measure, Section8Dialog
from sns_desk.services import post_queries, post_workflow
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes
from tests.test_posts import draft, in_hours, submit, version
from tests.world import People, in_state


@pytest.fixture
def published(db: Database, people: People) -> int:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = draft(db, people.tanto, account, "花火大会は8月10日です。")
    submit(db, people.tanto, post_id)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_workflow.record_publication(
        db, people.tanto, post_id, version(db, people.tanto, post_id), "https://x.com/k/status/2", in_hours(0)
    )
    return post_id


def select(page: PostsPage, post_id: int) -> None:
    page.refresh()
    row = page.model.find(post_id)
    assert row >= 0
    page.ui.postsTable.selectRow(row)


def history(db: Database, people: People, post_id: int, qtbot: QtBot) -> str:
    editor = PostEditor(db, people.kacho, post_id)
    qtbot.addWidget(editor)
    return editor.ui.historyView.toPlainText()


def test_the_manager_records_a_deletion_with_its_reason_after_confirming(
    qtbot: QtBot, db: Database, people: People, published: int, message_boxes: MessageBoxes
) -> None:
    dialog = Section8Dialog(db, people.kacho, published, Measure.DELETE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "§8(3)" in dialog.windowTitle() and "花火大会は8月10日です。" in dialog.ui.postView.toPlainText()
    assert "guideline:s8-3" in dialog.ui.guideLabel.text()  # the § opens the guideline
    assert not dialog.ok_button.isEnabled()  # the reason comes first
    qtbot.keyClicks(dialog.ui.reasonEdit, "  ")
    assert not dialog.ok_button.isEnabled()
    dialog.ui.reasonEdit.setPlainText("日付の誤りのため削除し、訂正を投稿")
    assert dialog.ok_button.isEnabled()

    # answering No to the confirmation changes nothing
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "削除したことを記録しますか" in message_boxes.texts()
    assert post_queries.get_post(db, people.kacho, published).row.status is PostStatus.PUBLISHED
    assert dialog.isVisible()

    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == Section8Dialog.DialogCode.Accepted
    detail = post_queries.get_post(db, people.kacho, published)
    assert (
        detail.row.status is PostStatus.DELETED
        and detail.deleted_reason == "日付の誤りのため削除し、訂正を投稿"
    )
    shown = history(db, people, published, qtbot)
    assert "削除を記録（§8(3)）" in shown and "理由: 日付の誤りのため削除し、訂正を投稿" in shown


def test_a_refused_deletion_shows_why_and_keeps_the_dialog(
    qtbot: QtBot, db: Database, people: People, published: int, message_boxes: MessageBoxes
) -> None:
    dialog = Section8Dialog(
        db, people.tanto, published, Measure.DELETE
    )  # a 担当者 may not (§8(3) is the 管理者's)
    qtbot.addWidget(dialog)
    dialog.ui.reasonEdit.setPlainText("誤り")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text() and dialog.result() != Section8Dialog.DialogCode.Accepted
    assert post_queries.get_post(db, people.kacho, published).row.status is PostStatus.PUBLISHED


def test_the_page_offers_deletion_only_to_who_may_and_says_why_not(
    qtbot: QtBot, db: Database, people: People, published: int
) -> None:
    for actor, allowed in ((people.kacho, True), (people.tanto, False)):
        page = PostsPage(db, actor)
        qtbot.addWidget(page)
        select(page, published)
        assert page.ui.deleteButton.isEnabled() is allowed
        assert page.ui.deleteButton.toolTip().startswith("投稿済みの投稿を SNS 上で削除")
        if not allowed:
            assert "\n" in page.ui.deleteButton.toolTip()  # the service's reason follows


def test_a_correction_asks_what_was_wrong_then_opens_the_new_draft(
    qtbot: QtBot,
    db: Database,
    people: People,
    published: int,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = PostsPage(db, people.tanto)
    qtbot.addWidget(page)
    select(page, published)
    assert page.ui.correctButton.isEnabled()
    opened: list[int | None] = []
    monkeypatch.setattr(PostEditor, "exec", lambda self: opened.append(self.post_id) or 0)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, Section8Dialog) and dialog.measure is Measure.CORRECT
        assert "§8(2)" in dialog.windowTitle()
        dialog.ui.reasonEdit.setPlainText("開催日を「10日」と誤って記載（正しくは11日）")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    page.correct_selected()
    assert "訂正を作成しますか" in message_boxes.texts()
    assert len(opened) == 1 and opened[0] is not None and opened[0] != published
    correction = post_queries.get_post(db, people.tanto, opened[0])
    assert correction.correction_of == published and correction.row.status is PostStatus.DRAFT
    assert "誤っていた内容: 開催日を「10日」と誤って記載（正しくは11日）" in history(
        db, people, published, qtbot
    )
    assert f"投稿 {published} の訂正（§8(2)）" in history(db, people, opened[0], qtbot)
