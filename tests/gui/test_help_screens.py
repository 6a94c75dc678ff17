"""ヘルプ: the guideline viewer (contents, search, opened at a section) and the § citations that open it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from sns_desk.domain.guideline import Reference
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.gui.help import manual_viewer
from sns_desk.gui.help.guideline_viewer import (
    GuidelineViewer,
    close_guideline,
    current_viewer,
    open_guideline,
)
from sns_desk.gui.help.manual_viewer import manual_folder, page_title
from sns_desk.gui.help.section_links import link_label, linked_html
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.services import post_drafts, post_queries
from sns_desk.store.database import Database
from tests.gui.test_posts_screens import type_body
from tests.test_posts import draft, submit
from tests.world import People, in_state

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def one_viewer_per_test() -> Iterator[None]:
    yield
    close_guideline()
    manual_viewer.close_manual()


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


def test_the_manual_has_a_page_per_task_and_ships_as_written(qtbot: QtBot) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_manual

    built = build_manual.build()
    for (
        name,
        data,
    ) in built.items():  # the shipped copy is docs/manual/ as written (run scripts/build_manual.py)
        shipped = manual_folder() / name
        assert shipped.is_file(), f"{name} missing: run python scripts/build_manual.py"
        if name.endswith(".md"):
            assert shipped.read_bytes() == data, f"{name} out of date: run python scripts/build_manual.py"
    titles = [page_title(p) for p in sorted(manual_folder().glob("0*.md"))]
    assert titles == [
        "初期設定",
        "下書きと申請",
        "承認",
        "アカウントの開設",
        "トラブル対応",
        "報告書",
        "複数のPCで使う",
        "投稿する",
    ]


def test_the_manual_opens_from_help_renders_its_pages_and_links(
    qtbot: QtBot, db: Database, people: People
) -> None:
    window = MainWindow(db, people.tanto)
    qtbot.addWidget(window)
    assert window.ui.actionManual.toolTip().startswith("SNS Desk の使い方")
    window.ui.actionManual.trigger()
    viewer = manual_viewer.open_manual()
    assert viewer.isVisible() and viewer.current == "index.md" and viewer.pages.count() == 9
    assert "初期設定" in viewer.browser.toPlainText()
    viewer.pages.setCurrentRow(5)  # トラブル対応
    assert viewer.current == "05-troubles.md"
    text = viewer.browser.toPlainText()
    assert "訂正を作成" in text and "削除を記録" in text and "§8(2)" in text
    images = viewer.browser.document().toHtml().count("<img")
    assert images >= 4
    image = viewer.browser.document().resource(3, QUrl("images/posts-5-delete.png"))  # 3: an image resource
    assert image is not None and not image.isNull(), "the screenshots ship with the pages"
    viewer.pages.setCurrentRow(8)  # 投稿する: sending, the manual route, 投稿状態不明 (issue 14)
    assert viewer.current == "08-publishing.md"
    text = viewer.browser.toPlainText()
    assert "投稿する…" in text and "投稿結果を記録" in text and "連携先で探す" in text and "§5(9)" in text
    image = viewer.browser.document().resource(3, QUrl("images/publish-1-dialog.png"))
    assert image is not None and not image.isNull()
    # a § opens the guideline; a link to another page opens it; anything else stays
    viewer.browser.anchorClicked.emit(QUrl("guideline:s8-3"))
    guide = current_viewer()
    assert guide is not None and guide.shown_section() == Reference(8, 3)
    viewer.browser.anchorClicked.emit(QUrl("02-drafts.md"))
    assert viewer.current == "02-drafts.md" and "承認を申請" in viewer.browser.toPlainText()
    assert not viewer.open_page("../../__init__.py") and viewer.current == "02-drafts.md"
    manual_viewer.close_manual()


def test_citations_in_the_manual_become_links() -> None:
    assert (
        manual_viewer.linked_markdown("短縮 URL（§5(7)）は不可")
        == "短縮 URL（[§5(7)](guideline:s5-7)）は不可"
    )


def test_the_self_check_shows_the_guideline_words_and_the_approval_findings_link_to_it(
    qtbot: QtBot, db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    editor = PostEditor(db, people.tanto, account_id=account)
    qtbot.addWidget(editor)
    tips = [box.toolTip() for box in editor.self_checks.values()]
    assert tips and all(tip.startswith("§6(") for tip in tips)
    assert any("誹謗中傷すること。" in tip for tip in tips)
    assert "guideline:s6" in editor.ui.selfCheckIntro.text()

    post_id = draft(db, people.tanto, account, "詳しくは https://www.example.com/ へ")
    submit(
        db, people.tanto, post_id, {key: "共催団体の公式ページ" for key in warning_keys(db, people, post_id)}
    )
    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.ui.pendingTable.selectRow(0)
    assert "guideline:s5-8" in page.ui.findingsView.toHtml()
    page.ui.findingsView.anchorClicked.emit(QUrl("guideline:s5-8"))
    viewer = current_viewer()
    assert viewer is not None and viewer.shown_section() == Reference(5, 8)


def warning_keys(db: Database, people: People, post_id: int) -> list[str]:
    detail = post_queries.get_post(db, people.tanto, post_id)
    return [f.key for f in post_drafts.check_input(db, people.tanto, detail.as_input, post_id)]
