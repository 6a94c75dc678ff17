"""The guideline viewer (ヘルプ → ガイドライン): a table of contents, a search, and the text opened at a section.

Every § a finding, checklist or form cites opens here (:func:`open_guideline`, through
:mod:`sns_desk.gui.help.section_links`); the text is the one shipped with
the app and cut into sections by :mod:`sns_desk.domain.guideline`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import guideline
from sns_desk.domain.guideline import Reference, Section
from sns_desk.gui import style

_TITLE = "鹿児島市ソーシャルメディア運用ガイドライン"


class GuidelineViewer(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"ガイドライン — {_TITLE}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(980, 680)
        self.sections = guideline.sections()
        self.current: Reference | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("ガイドラインを検索（例: 短縮、炎上、パスワード）")
        self.search_edit.setAccessibleName("ガイドラインを検索")
        self.search_edit.setToolTip(
            "入力した言葉を含む節だけを目次に残します。Enter で本文の次の箇所へ移ります。"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("検索の結果")
        self.contents = QTreeWidget()
        self.contents.setHeaderHidden(True)
        self.contents.setAccessibleName("目次")
        self.contents.setToolTip("節を選ぶと本文のその節へ移ります。")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("ガイドラインの本文")
        self.browser.setOpenLinks(False)  # the text has no links: nothing leaves the viewer

        self.items: dict[Reference, QTreeWidgetItem] = {}
        for section in self.sections:
            parent_ref = section.reference.parent()
            holder = self.items.get(parent_ref) if parent_ref is not None else None
            item = QTreeWidgetItem([section.heading])
            item.setData(0, Qt.ItemDataRole.UserRole, section.reference.anchor)
            item.setToolTip(0, section.text[:200] or section.heading)
            if holder is None:
                self.contents.addTopLevelItem(item)
            else:
                holder.addChild(item)
            self.items[section.reference] = item
        self.contents.expandToDepth(0)
        self.contents.currentItemChanged.connect(self._picked)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setSizes([320, 660])
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        self.search_edit.textChanged.connect(self.search)
        self.search_edit.returnPressed.connect(self.find_next)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_edit.setFocus)
        self._render()

    # -- showing

    def _render(self) -> None:
        parts = [f"<h2>{html.escape(_TITLE)}</h2>"]
        for section in self.sections:
            ref = section.reference
            focus = f" style='background:{style.GUIDELINE_FOCUS}'" if ref == self.current else ""
            heading = html.escape(section.heading if section.depth == 0 else ref.label)
            tag = "h3" if section.depth == 0 else "p"
            indent = 24 * section.depth
            body = "<br>".join(html.escape(line) for line in section.text.split("\n\n") if line)
            parts.append(
                f"<a name='{ref.anchor}'></a><div{focus} style='margin-left:{indent}px'>"
                f"<{tag}><b>{heading}</b>{'' if tag == 'h3' else '　' + body}</{tag}>"
                + (f"<p>{body}</p>" if tag == "h3" and body else "")
                + "</div>"
            )
        self.browser.setHtml("".join(parts))

    def open_section(self, reference: Reference) -> bool:
        """Show the section a citation names (or its nearest enclosing one); ``False`` if the guideline has none."""
        section = guideline.section_for(reference, self.sections)
        if section is None:
            self.count_label.setText(f"{reference.label} はガイドラインにありません。")
            return False
        self.current = section.reference
        self._render()
        self.browser.scrollToAnchor(section.reference.anchor)
        item = self.items[section.reference]
        self.contents.blockSignals(True)
        self.contents.setCurrentItem(item)
        self.contents.scrollToItem(item)
        self.contents.blockSignals(False)
        self.setWindowTitle(f"ガイドライン {section.reference.label} — {_TITLE}")
        return True

    def shown_section(self) -> Reference | None:
        return self.current

    def _picked(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            reference = Reference.from_anchor(str(item.data(0, Qt.ItemDataRole.UserRole)))
            if reference is not None:
                self.open_section(reference)

    # -- searching

    def search(self, text: str) -> list[Section]:
        """Keep in the table of contents the sections holding ``text`` (and the chapters above them)."""
        found = list(guideline.search(text, self.sections))
        keep = {s.reference for s in found}
        for reference in list(keep):
            parent = reference.parent()
            while parent is not None:
                keep.add(parent)
                parent = parent.parent()
        for reference, item in self.items.items():
            item.setHidden(bool(text.strip()) and reference not in keep)
        if text.strip():
            self.contents.expandAll()
            self.count_label.setText(f"{len(found)} 節" if found else "見つかりません")
            if found:
                self.open_section(found[0].reference)
        else:
            self.count_label.setText("")
        return found

    def find_next(self) -> None:
        text = self.search_edit.text().strip()
        if text and not self.browser.find(text):
            cursor = self.browser.textCursor()
            cursor.movePosition(cursor.MoveOperation.Start)
            self.browser.setTextCursor(cursor)
            self.browser.find(text)


_viewer: list[GuidelineViewer] = []  # the one viewer, kept while the application runs


def open_guideline(parent: QWidget | None, reference: Reference | None = None) -> GuidelineViewer:
    """The one viewer of this application (opened, raised, and moved to ``reference`` when given).

    It is a window of its own (no parent), so closing the dialog a citation was clicked in leaves it open."""
    del parent  # the viewer outlives whichever window asked for it
    if not _viewer:
        _viewer.append(GuidelineViewer())
    viewer = _viewer[0]
    if reference is not None:
        viewer.open_section(reference)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


def current_viewer() -> GuidelineViewer | None:
    return _viewer[0] if _viewer else None


def close_guideline() -> None:
    """Close and forget the viewer (the application quitting; each test)."""
    while _viewer:
        viewer = _viewer.pop()
        viewer.close()
        viewer.deleteLater()
