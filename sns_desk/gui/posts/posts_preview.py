"""下書き at start-up, before SQLAlchemy and the services are loaded: the first page of the person's list from the
quick first read (``store/first_page.py``), in the page's own form, to read and scroll.

Issue 17 (ready within 2x a bare window).  What needs the services (the filters, the search, opening a post, the
buttons, the other pages) says 「準備中」 until the main window is filled (``MainWindow.attach``), which replaces
this page with the real one, built from the services' list; a row chosen meanwhile stays chosen, and a post
double-clicked meanwhile opens then.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QWidget

from sns_desk.gui import style
from sns_desk.gui.forms.ui_postspage import Ui_PostsPage
from sns_desk.gui.posts.posts_table import count_text, dress_posts_table
from sns_desk.gui.shared.item_models import PostsTableModel
from sns_desk.store.first_page import FirstPage

WAIT = "準備中です。データベースを開き終えると使えます（数秒かかることがあります）。"


class PostsPreview(QWidget):
    """The first list, shown while the rest of the app loads; nothing here reads or writes the database."""

    open_asked = Signal(int)  # a post double-clicked: opened once the app is ready

    def __init__(self, first: FirstPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first = first
        self.ui = Ui_PostsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.model = PostsTableModel()
        self.model.set_rows(first.rows)
        dress_posts_table(self.ui.postsTable, self.model)
        self.ui.countLabel.setText(count_text(len(first.rows), len(first.rows) >= first.limit))
        self.ui.searchEdit.setPlaceholderText("準備中…")
        for control in (
            self.ui.accountCombo,
            self.ui.statusCombo,
            self.ui.authorCombo,
            self.ui.searchEdit,
            self.ui.newButton,
            self.ui.openButton,
            self.ui.correctButton,
            self.ui.deleteButton,
            self.ui.publishedButton,
        ):
            control.setEnabled(False)
            control.setToolTip(WAIT)
        self.ui.postsTable.doubleClicked.connect(self._double_clicked)
        self.queued: int | None = None  # the post to open once ready

    def _double_clicked(self, index: QModelIndex) -> None:
        self.queued = self.model.row_at(index.row()).id
        self.open_asked.emit(self.queued)

    def selected_id(self) -> int | None:
        rows = self.ui.postsTable.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def shown_ids(self) -> list[int]:
        return [row.id for row in self.model.rows]
