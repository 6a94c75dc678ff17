"""下書き: every post the person works on, filtered by account, status and author, searched as they type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.domain.workflow import PostAction, correctable
from sns_desk.gui import style
from sns_desk.gui.forms.ui_postspage import Ui_PostsPage
from sns_desk.gui.posts.emergency_stop_panel import EmergencyStopPanel
from sns_desk.gui.posts.posts_table import count_text, dress_posts_table
from sns_desk.gui.shared.interaction import explain, show_error
from sns_desk.gui.shared.item_models import PostsTableModel
from sns_desk.services import accounts, post_queries, users
from sns_desk.services.actors import Actor
from sns_desk.services.post_queries import PostFilter
from sns_desk.store.database import Database

if TYPE_CHECKING:
    # The editor (publishing, the X and LINE clients, the live checks) and the §8 dialogs are imported when first
    # opened: the 下書き page is the first page at start-up (issue 17, ready).
    from sns_desk.gui.posts.post_editor import PostEditor
    from sns_desk.gui.posts.section8_dialogs import Measure, Section8Dialog


class PostsPage(QWidget):
    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_PostsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.stop_panel = EmergencyStopPanel(db, actor, self)
        self.ui.pageLayout.insertWidget(1, self.stop_panel)
        self.stop_panel.changed.connect(self.changed)
        self.model = PostsTableModel()
        table = self.ui.postsTable
        dress_posts_table(table, self.model)
        self.ui.statusCombo.addItem("すべて", None)
        self.ui.statusCombo.addItem("作業中（下書き・差戻し）", "working")
        for status in PostStatus:
            self.ui.statusCombo.addItem(status.label, status.value)
        self.ui.authorCombo.addItem("すべて", None)
        self.ui.authorCombo.addItem("自分", actor.user_id)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(120)
        self.search_timer.timeout.connect(self.refresh)
        self.ui.searchEdit.textChanged.connect(lambda _t: self.search_timer.start())
        for combo in (self.ui.accountCombo, self.ui.statusCombo, self.ui.authorCombo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        table.doubleClicked.connect(lambda _i: self.open_selected())
        self.ui.newButton.clicked.connect(self.new_post)
        self.ui.openButton.clicked.connect(self.open_selected)
        self.ui.correctButton.clicked.connect(self.correct_selected)
        self.ui.deleteButton.clicked.connect(self.delete_selected)
        self.ui.publishedButton.clicked.connect(self.published_status)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload_filters()

    def reload_filters(self) -> None:
        combo = self.ui.accountCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("すべて", None)
        for account in accounts.list_accounts(self.db, self.actor):
            combo.addItem(account.name, account.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        for row in users.list_users(self.db, self.actor):
            if row.id != self.actor.user_id and self.ui.authorCombo.findData(row.id) < 0:
                self.ui.authorCombo.addItem(row.display_name, row.id)
        self.refresh()

    def current_filter(self) -> PostFilter:
        status = self.ui.statusCombo.currentData()
        statuses: list[PostStatus] = []
        if status == "working":
            statuses = [PostStatus.DRAFT, PostStatus.REJECTED]
        elif status:
            statuses = [PostStatus(status)]
        return PostFilter(
            self.ui.accountCombo.currentData(),
            statuses,
            self.ui.authorCombo.currentData(),
            self.ui.searchEdit.text(),
        )

    def refresh(self) -> None:
        self.stop_panel.refresh()
        flt = self.current_filter()
        try:
            self.model.set_fetch(
                lambda last, limit: post_queries.list_posts(
                    self.db, self.actor, flt, limit=limit, after=last.page_key if last else None
                )
            )
        except Exception as error:
            show_error(self, error, "loading posts")
            return
        self.ui.countLabel.setText(count_text(self.model.rowCount(), self.model.canFetchMore()))
        self._update_buttons()

    def selected_row(self) -> post_queries.PostRow | None:
        indexes = self.ui.postsTable.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()) if indexes else None

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.ui.openButton.setEnabled(row is not None)
        self.ui.correctButton.setEnabled(row is not None and correctable(row.status))
        self._update_delete_button(row)

    def _update_delete_button(self, row: post_queries.PostRow | None) -> None:
        """削除の記録 (§8(3)) as the service says this person may do it now (and why not)."""
        button = self.ui.deleteButton
        allowed = None
        if row is not None and row.status is PostStatus.PUBLISHED:
            try:
                allowed = post_queries.get_post(self.db, self.actor, row.id).actions[PostAction.DELETE]
            except SnsDeskError:
                allowed = None  # gone or hidden since the list was read: the next refresh shows it
        button.setEnabled(bool(allowed))
        explain(button, "" if allowed is None else allowed.reason)

    def open_editor(self, post_id: int | None = None, account_id: int | None = None) -> PostEditor:
        from sns_desk.gui.posts.post_editor import PostEditor

        editor = PostEditor(self.db, self.actor, post_id, account_id, self)
        editor.finished.connect(self._editor_closed)
        return editor

    def _editor_closed(self, _result: int) -> None:
        self.refresh()
        self.changed.emit()

    def new_post(self) -> None:
        self.open_editor(account_id=self.ui.accountCombo.currentData()).exec_and_delete()

    def open_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.open_editor(row.id).exec_and_delete()

    def section8_dialog(self, measure: Measure) -> Section8Dialog | None:
        row = self.selected_row()
        if row is None:
            return None
        from sns_desk.gui.posts.section8_dialogs import Section8Dialog

        try:
            return Section8Dialog(self.db, self.actor, row.id, measure, self)
        except Exception as error:
            show_error(self, error, f"open post {measure.value}")
            return None

    def correct_selected(self) -> None:
        """訂正 (§8(2)): what was wrong, confirmed; then the new draft opens in the editor."""
        from sns_desk.gui.posts.section8_dialogs import Measure

        dialog = self.section8_dialog(Measure.CORRECT)
        if dialog is None or dialog.exec() != QDialog.DialogCode.Accepted or dialog.correction_id is None:
            return
        self.refresh()
        self.changed.emit()
        self.open_editor(dialog.correction_id).exec_and_delete()

    def delete_selected(self) -> None:
        """削除の記録 (§8(3)) with its reason, confirmed."""
        from sns_desk.gui.posts.section8_dialogs import Measure

        dialog = self.section8_dialog(Measure.DELETE)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.changed.emit()

    def published_status(self) -> None:
        """投稿状態不明 and 公開状態を確認 (issue 14)."""
        from sns_desk.gui.posts.published_status_dialog import PublishedStatusDialog

        PublishedStatusDialog(self.db, self.actor, self).exec()
        self.refresh()
