"""ヘルプ: the guideline viewer (contents, search, opened at a section) and the § citations that open it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sns_desk.domain.guideline import Reference
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.help.guideline_viewer import (
    GuidelineViewer,
    close_guideline,
    current_viewer,
    open_guideline,
)
from sns_desk.gui.help.section_links import link_label, linked_html
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.store.database import Database
from tests.gui.test_posts_screens import type_body
from tests.world import People, in_state


@pytest.fixture(autouse=True)
def one_viewer_per_test() -> Iterator[None]:
    yield
    close_guideline()


def shown_text(viewer: GuidelineViewer) -> str:
    """The words the person sees at the top of the text pane after it scrolled to the section."""
    top = viewer.browser.cursorForPosition(viewer.browser.viewport().rect().topLeft())
    top.movePosition(top.MoveOperation.Down, top.MoveMode.KeepAnchor, 3)
    return top.selectedText()


def test_the_viewer_opens_at_a_section_and_its_contents_follow(qtbot: QtBot) -> None:
    viewer = GuidelineViewer()
    qtbot.addWidget(viewer)
    viewer.resize(900, 420)
    viewer.show()
    assert viewer.contents.topLevelItemCount() == 19  # 9 chapters, 10 ※ notes
    assert viewer.open_section(Reference(5, 7))
    assert "URL短縮サービス" in shown_text(viewer)
    assert viewer.contents.currentItem().text(0).startswith("§5(7)")
    assert "§5(7)" in viewer.windowTitle()
    # a chosen item of the table of contents moves the text
    viewer.contents.setCurrentItem(viewer.items[Reference(8, 3)])
    assert viewer.shown_section() == Reference(8, 3)
    assert "削除等の措置" in shown_text(viewer)
    # an item the guideline does not have opens its chapter; a chapter it does not have, nothing
    assert viewer.open_section(Reference(5, 12)) and viewer.shown_section() == Reference(5)
    assert not viewer.open_section(Reference(12))
    assert "ありません" in viewer.count_label.text()


def test_search_narrows_the_contents_and_opens_the_first_match(qtbot: QtBot) -> None:
    viewer = GuidelineViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    viewer.search_edit.setText("パスワード")
    assert viewer.count_label.text() == "1 節"
    assert viewer.shown_section() == Reference(3, 3, "ウ")
    visible = [ref.label for ref, item in viewer.items.items() if not item.isHidden()]
    assert visible == ["§3", "§3(3)", "§3(3)ウ"]
    viewer.search_edit.clear()
    assert all(not item.isHidden() for item in viewer.items.values())
    viewer.search_edit.setText("該当しない語句")
    assert viewer.count_label.text() == "見つかりません"


def test_f1_in_the_main_window_opens_the_guideline(qtbot: QtBot, db: Database, people: People) -> None:
    window = MainWindow(db, people.tanto)
    qtbot.addWidget(window)
    window.show()
    assert window.ui.actionGuideline.toolTip() and window.ui.actionGuideline.shortcut().toString() == "F1"
    window.ui.actionGuideline.trigger()
    viewer = current_viewer()
    assert viewer is not None and viewer.isVisible() and viewer.contents.topLevelItemCount() == 19


def test_a_finding_cites_its_section_and_a_click_opens_it(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    editor.show()
    type_body(qtbot, editor, "詳しくは https://bit.ly/3kagoshima へ")
    table = editor.ui.findingsTable
    row = next(
        i
        for i in range(editor.findings_model.rowCount())
        if editor.findings_model.row_at(i).section == "§5(7)"
    )
    index = editor.findings_model.index(row, 2)
    assert index.data() == "§5(7)" and "ガイドライン" in index.data(Qt.ItemDataRole.ToolTipRole)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    viewer = current_viewer()
    assert viewer is not None and viewer.isVisible() and viewer.shown_section() == Reference(5, 7)


def test_citations_in_a_label_are_links_and_other_text_stays_text(qtbot: QtBot) -> None:
    assert linked_html("<b>§4(1)イ</b> へ") == (
        "&lt;b&gt;<a href='guideline:s4-1-2' style='color:#1f5fa8'>§4(1)イ</a>&lt;/b&gt; へ"
    )
    viewer = open_guideline(None)
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    link_label(label, "重大なトラブルは責任者へ（§4(1)イ）")
    label.linkActivated.emit("guideline:s4-1-2")
    assert viewer.shown_section() == Reference(4, 1, "イ")
    label.linkActivated.emit("https://example.com/")  # not ours: nothing is followed
    assert viewer.shown_section() == Reference(4, 1, "イ")
