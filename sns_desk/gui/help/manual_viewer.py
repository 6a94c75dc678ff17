"""ヘルプ → 使い方: the user manual shipped with the app (``sns_desk/resources/manual/``, built from docs/manual/ by
scripts/build_manual.py), one page per task, rendered from Markdown; each § in it opens the guideline."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QWidget,
)

from sns_desk import resources
from sns_desk.domain.guideline import find_references
from sns_desk.gui.help.section_links import SCHEME, open_reference

INDEX = "index.md"


def manual_folder() -> Path:
    return resources.path("manual")


def page_title(page: Path) -> str:
    """A page's first heading (「初期設定」)."""
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page.stem


def linked_markdown(text: str) -> str:
    """The page's Markdown with each § citation made a link to its section of the guideline."""
    out, last = [], 0
    for citation in find_references(text):
        shown = text[citation.start : citation.end]
        out.append(f"{text[last : citation.start]}[{shown}]({SCHEME}:{citation.reference.anchor})")
        last = citation.end
    out.append(text[last:])
    return "".join(out)


class ManualViewer(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SNS Desk の使い方")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.resize(1100, 720)
        self.folder = manual_folder()
        self.pages = QListWidget()
        self.pages.setAccessibleName("使い方のページ")
        self.pages.setToolTip("作業を選ぶと、その説明のページを開きます。")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("使い方の本文")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        names = sorted(p.name for p in self.folder.glob("*.md") if p.name != INDEX)
        for name in [INDEX, *names]:
            item = QListWidgetItem("目次" if name == INDEX else page_title(self.folder / name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.pages.addItem(item)
        self.pages.currentItemChanged.connect(self._picked)
        splitter = QSplitter()
        splitter.addWidget(self.pages)
        splitter.addWidget(self.browser)
        splitter.setSizes([220, 880])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self.current = ""
        self.pages.setCurrentRow(0)

    def open_page(self, name: str) -> bool:
        page = self.folder / name
        if page.parent != self.folder or page.suffix != ".md" or not page.is_file():
            return False
        self.current = name
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(f"{self.folder}/"))
        self.browser.setMarkdown(linked_markdown(page.read_text(encoding="utf-8")))
        for row in range(self.pages.count()):
            if self.pages.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.pages.blockSignals(True)
                self.pages.setCurrentRow(row)
                self.pages.blockSignals(False)
        return True

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_page(str(item.data(Qt.ItemDataRole.UserRole)))

    def _link(self, url: QUrl) -> None:
        """Another page of the manual, a § of the guideline, or a web address in the browser."""
        if url.scheme() == SCHEME:
            open_reference(self, url)
        elif url.scheme() == "https":
            QDesktopServices.openUrl(url)
        elif url.isRelative() or url.isLocalFile():
            self.open_page(Path(url.path()).name)


_viewer: list[ManualViewer] = []


def open_manual(page: str = INDEX) -> ManualViewer:
    """The one manual window (a window of its own, like the guideline's)."""
    if not _viewer:
        _viewer.append(ManualViewer())
    viewer = _viewer[0]
    viewer.open_page(page)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


def close_manual() -> None:
    while _viewer:
        viewer = _viewer.pop()
        viewer.close()
        viewer.deleteLater()
