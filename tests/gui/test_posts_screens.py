"""下書き, the editor and 承認待ち: the whole round trip between a 担当者 and a 管理者."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from sns_desk.domain import checks
from sns_desk.domain.hours import HoursVerdict
from sns_desk.domain.revision_diff import Change
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.calendar.calendar_page import CalendarPage
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.gui.posts.posts_page import PostsPage
from sns_desk.gui.posts.publish_dialog import PublishDialog
from sns_desk.services import post_drafts, post_queries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from tests.gui.conftest import cell
from tests.test_posts import in_hours
from tests.world import People, in_state


def set_planned(editor: PostEditor, when: datetime) -> None:
    editor.ui.plannedCheck.setChecked(True)
    editor.ui.plannedEdit.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))


def type_body(qtbot: QtBot, editor: PostEditor, text: str) -> None:
    editor.ui.bodyEdit.setPlainText(text)
    qtbot.waitUntil(lambda: not editor.timer.isActive())
    editor.run_checks()


def test_draft_rejected_fixed_approved_published(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)

    # the 担当者 writes a draft with a shortened URL: blocked, highlighted where it is
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    editor.show()
    set_planned(editor, in_hours())
    type_body(qtbot, editor, "秋の観光キャンペーン 詳しくは https://bit.ly/3kagoshima へ")
    assert "エラー 1 件" in editor.ui.checksSummary.text()
    assert cell(editor.ui.findingsTable, 0, 2) == "§5(7)"
    body = editor.ui.bodyEdit.toPlainText()
    start = body.index("https://bit.ly")
    assert (start, start + len("https://bit.ly/3kagoshima")) in editor.highlighted_spans()
    assert "● 運用時間内" in editor.ui.hoursLabel.text()
    assert "X:" in editor.ui.counterLabel.text()
    for box in editor.self_checks.values():
        box.setChecked(True)
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert "短縮URL" in editor.ui.errorLabel.text()
    post_id = editor.post_id
    assert post_id is not None and editor.status is PostStatus.DRAFT

    # ... fixes it and submits
    type_body(qtbot, editor, "秋の観光キャンペーン 詳しくは https://www.city.kagoshima.lg.jp/kanko/ へ")
    assert "問題は見つかりませんでした" in editor.ui.checksSummary.text()
    assert editor.highlighted_spans() == []
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert editor.status is PostStatus.PENDING, editor.ui.errorLabel.text()
    editor.close()

    # the 管理者 sees the count and rejects with a comment
    window = MainWindow(db, people.kacho)
    qtbot.addWidget(window)
    window.show()
    assert window.pending_badge() == "承認待ち（1）"
    page = window.approvals_page
    assert page is not None
    window.show_page("approvals")
    assert page.detail is not None and page.detail.row.id == post_id
    assert not page.ui.rejectButton.isEnabled(), "a rejection needs a comment"
    page.ui.commentEdit.setPlainText("キャンペーンの期間を書いてください。")
    qtbot.mouseClick(page.ui.rejectButton, Qt.MouseButton.LeftButton)
    assert window.pending_badge() == "承認待ち"
    assert post_queries.get_post(db, people.kacho, post_id).row.status is PostStatus.REJECTED

    # the 担当者 edits and resubmits
    editor = PostEditor(db, people.tanto, post_id)
    qtbot.addWidget(editor)
    assert "キャンペーンの期間を書いてください。" in editor.ui.historyView.toPlainText()
    type_body(
        qtbot,
        editor,
        "秋の観光キャンペーン（11月30日まで） 詳しくは https://www.city.kagoshima.lg.jp/kanko/ へ",
    )
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert editor.status is PostStatus.PENDING, editor.ui.errorLabel.text()
    editor.close()

    # the 管理者 approves with one click, having seen the diff against the rejected version
    page.refresh()
    assert window.pending_badge() == "承認待ち（1）"
    assert "あなたが前回見た第2版と比べています" in page.ui.diffView.toPlainText()
    assert page.comparison is not None
    assert [s.text for s in page.comparison.body if s.change is Change.ADDED] == ["（11月30日まで）"]
    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)
    assert post_queries.get_post(db, people.kacho, post_id).row.status is PostStatus.APPROVED
    assert window.pending_badge() == "承認待ち"

    # the 担当者 posts it by hand (no connection) and records the URL and the time it went out
    editor = PostEditor(db, people.tanto, post_id)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.ui.publishButton.isVisible() and editor.ui.publishButton.text() == "投稿する…"
    dialog = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(dialog)
    dialog.url.setText("https://x.com/kagoshima_kanko/status/1861")
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(in_hours().timestamp())))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    detail = post_queries.get_post(db, people.tanto, post_id)
    assert detail.row.status is PostStatus.PUBLISHED and detail.published_url.endswith("/1861")
    assert [d.kind.value for d in detail.decisions] == ["reject", "approve"]


def test_warnings_need_a_reason_typed_in_the_table(
    qtbot: QtBot, qtmodeltester, db: Database, people: People
) -> None:  # type: ignore[no-untyped-def]
    account = in_state(db, people, AccountStatus.ACTIVE)
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    set_planned(editor, in_hours())
    type_body(qtbot, editor, "共催 https://www.example.com/event")
    for box in editor.self_checks.values():
        box.setChecked(True)
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert "理由を記入してください" in editor.ui.errorLabel.text()
    reasons = editor.ui.findingsTable.model()
    assert not reasons.flags(reasons.index(0, 1)) & Qt.ItemFlag.ItemIsEditable  # only the reason is typed
    assert reasons.setData(reasons.index(0, 3), "共催団体の公式ページ")  # what the table's editor commits
    assert cell(editor.ui.findingsTable, 0, 3) == "共催団体の公式ページ"
    qtmodeltester.check(reasons)
    assert "理由の未記入 0 件" in editor.ui.checksSummary.text()
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert editor.status is PostStatus.PENDING, editor.ui.errorLabel.text()


def test_outside_hours_shows_red_until_emergency(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    set_planned(editor, in_hours().replace(hour=22))
    type_body(qtbot, editor, "避難所を開設しました")
    assert editor.ui.hoursLabel.text() == "● 運用時間外"
    editor.ui.emergencyCheck.setChecked(True)
    editor.ui.emergencyReasonEdit.setText("大雨警報")
    editor.run_checks()
    assert editor.ui.hoursLabel.text() == "● 運用時間外（緊急）"


def test_posts_list_searches_as_you_type(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    for body in ("桜島の降灰予報", "花火大会のお知らせ", "桜まつりのお知らせ"):
        post_drafts.create_draft(db, people.tanto, post_drafts.PostInput(account, body))
    page = PostsPage(db, people.kacho)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.ui.searchEdit, "a")  # any key starts the search timer
    page.ui.searchEdit.setText("桜")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert "2 件" in page.ui.countLabel.text()
    page.ui.searchEdit.setText("")
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findText("下書き"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_calendar_marks_days_with_posts(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    when = in_hours()
    post_drafts.create_draft(db, people.tanto, post_drafts.PostInput(account, "予定の投稿", planned_at=when))
    page = CalendarPage(db, people.tanto)
    qtbot.addWidget(page)
    page.ui.calendar.setCurrentPage(when.year, when.month)
    from PySide6.QtCore import QDate

    page.ui.calendar.setSelectedDate(QDate(when.year, when.month, when.day))
    assert "1 件" in page.ui.dayLabel.text()
    assert cell(page.ui.dayTable, 0, 3) == "予定の投稿"


def test_the_editor_makes_a_post_from_a_scope_template_and_it_is_approved_by_the_scope(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import timedelta

    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit

    from sns_desk.domain import policy as pol
    from sns_desk.domain import scope_templates as st
    from sns_desk.domain.vocabulary import SlotKind
    from sns_desk.gui.posts.scope_fill_dialog import ScopeFillDialog
    from sns_desk.services import post_scopes

    account = in_state(db, people, AccountStatus.ACTIVE)
    now = pol.now_jst()
    post_scopes.create_scope(
        db,
        people.kacho,
        account,
        post_scopes.ScopeInput(
            "定例の降灰予報",
            "本日{日付}の桜島の降灰予報です。風向き: {風向}。降灰が予想される地域: {地域}。",
            (
                st.Slot("日付", SlotKind.DATE),
                st.Slot("風向", SlotKind.CHOICE, ("北", "北東", "東")),
                st.Slot("地域", SlotKind.TEXT, max_length=10),
            ),
            now - timedelta(days=1),
            now + timedelta(days=90),
            ("降灰予報",),
        ),
    )
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    editor.show()
    set_planned(editor, in_hours())

    def fill(dialog: ScopeFillDialog) -> int:
        qtbot.addWidget(dialog)
        fields = dialog.inputs
        assert isinstance(fields["風向"], QComboBox) and isinstance(fields["地域"], QLineEdit)
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        fields["地域"].setText("")
        assert not ok.isEnabled() and "「地域」が空です" in dialog.ui.verdictLabel.text()
        fields["日付"].setText("12月1日")  # type: ignore[union-attr]
        fields["風向"].setCurrentText("北東")
        fields["地域"].setText("鹿児島市北部")
        assert ok.isEnabled() and "ひな形どおりです" in dialog.ui.verdictLabel.text()
        assert dialog.ui.previewView.toPlainText().startswith(
            "本日12月1日の桜島の降灰予報です。風向き: 北東。"
        )
        dialog.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ScopeFillDialog, "exec", fill)
    qtbot.mouseClick(editor.ui.fromScopeButton, Qt.MouseButton.LeftButton)
    assert editor.ui.bodyEdit.toPlainText() == (
        "本日12月1日の桜島の降灰予報です。風向き: 北東。降灰が予想される地域: 鹿児島市北部。"
    )
    assert (
        editor.ui.scopeCombo.currentText() == "定例の降灰予報" and editor.ui.categoryEdit.text() == "降灰予報"
    )
    qtbot.waitUntil(lambda: not editor.timer.isActive())
    editor.run_checks()
    for box in editor.self_checks.values():
        box.setChecked(True)
    qtbot.mouseClick(editor.ui.submitButton, Qt.MouseButton.LeftButton)
    assert "事前承認の範囲内として承認されました" in editor.ui.errorLabel.text(), editor.ui.errorLabel.text()
    assert editor.status is PostStatus.APPROVED


def test_an_editor_closed_is_gone_not_kept_by_the_page(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each post opened used to leave its closed editor as a child of the page (about 0.7 MB each, issue 17)."""
    account = in_state(db, people, AccountStatus.ACTIVE)
    for body in ("桜島の降灰予報", "花火大会のお知らせ"):
        post_drafts.create_draft(db, people.tanto, post_drafts.PostInput(account, body))
    page = PostsPage(db, people.tanto)
    qtbot.addWidget(page)
    opened: list[str] = []

    def read_and_close(editor: PostEditor) -> int:
        opened.append(editor.ui.bodyEdit.toPlainText())
        assert page.findChildren(PostEditor) == [editor]  # a child of the page while open (modal over it)
        editor.reject()
        return 0

    monkeypatch.setattr(PostEditor, "exec", read_and_close)
    for row in range(page.model.rowCount()):
        page.ui.postsTable.selectRow(row)
        page.open_selected()
        assert not page.findChildren(PostEditor)  # deleted at once, without waiting for the event loop
    page.new_post()
    assert sorted(opened) == ["", "桜島の降灰予報", "花火大会のお知らせ"]
    assert not page.findChildren(PostEditor)


def test_an_editor_closed_while_its_check_is_pending_checks_and_shows_nothing_after(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The person types and closes the editor before the live check's pause is over (the check slow, too): no
    check runs for the closed editor, nothing is shown, nothing crashes, and the editor is gone."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    account = in_state(db, people, AccountStatus.ACTIVE)
    post_drafts.create_draft(db, people.tanto, post_drafts.PostInput(account, "桜島の降灰予報"))
    page = PostsPage(db, people.tanto)
    qtbot.addWidget(page)
    page.show()
    real_checks = post_drafts.live_checks
    checked: list[str] = []

    def slow_checks(
        db: Database, actor: Actor, data: post_drafts.PostInput, post_id: int | None
    ) -> tuple[list[checks.Finding], HoursVerdict]:
        checked.append(data.body)
        time.sleep(0.2)  # a slow check (the word analysis of a long text, a busy server)
        return real_checks(db, actor, data, post_id)

    monkeypatch.setattr(post_drafts, "live_checks", slow_checks)
    closed: list[bool] = []

    def type_and_close() -> None:
        editor = QApplication.activeModalWidget()
        try:
            assert isinstance(editor, PostEditor)
            editor.ui.bodyEdit.setPlainText("桜島の降灰予報（更新）")
            assert editor.timer.isActive()  # the check waits for the typing to pause
            closed.append(True)
        finally:
            if editor is not None:
                editor.close()  # Esc before the pause is over (no question: the answer would be recorded)

    page.ui.postsTable.selectRow(0)
    QTimer.singleShot(100, type_and_close)
    page.open_selected()  # the real modal dialog, until type_and_close closes it
    assert closed == [True]
    assert not page.findChildren(PostEditor)
    qtbot.wait(500)  # well past the check's pause (150 ms)
    assert checked == ["桜島の降灰予報"]  # only the check of the editor as it opened
    assert [row.body for row in page.model.rows] == ["桜島の降灰予報"]  # closed without saving: unchanged
