"""トラブル and 問い合わせ: an impersonation case and a flaming case from opening to closing, in the GUI."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, IncidentType
from sns_desk.gui.incidents.incident_dialog import IncidentDialog
from sns_desk.gui.incidents.incidents_page import IncidentsPage
from sns_desk.gui.inquiries.inquiries_page import InquiriesPage
from sns_desk.gui.main_window import MainWindow
from sns_desk.services import incidents, post_drafts, post_queries, post_workflow
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes, cell, rows
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, in_state


def page_for(qtbot: QtBot, db: Database, actor) -> IncidentsPage:  # type: ignore[no-untyped-def]
    page = IncidentsPage(db, actor)
    qtbot.addWidget(page)
    page.show()
    return page


def open_with_dialog(
    qtbot: QtBot, page: IncidentsPage, monkeypatch: pytest.MonkeyPatch, kind: IncidentType, title: str
) -> None:
    def fill(dialog: IncidentDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.ui.typeCombo.setCurrentIndex(dialog.ui.typeCombo.findData(kind.value))
        assert dialog.ui.seriousCheck.isChecked(), "this type is serious by default"
        dialog.ui.titleEdit.setText(title)
        dialog.ui.descriptionEdit.setPlainText("市民からの通報による")
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.ui.errorLabel.text()
        return int(dialog.result())

    monkeypatch.setattr(IncidentDialog, "exec", fill)
    qtbot.mouseClick(page.ui.openButton, Qt.MouseButton.LeftButton)


def record(qtbot: QtBot, page: IncidentsPage, monkeypatch: pytest.MonkeyPatch, key: str, text: str) -> None:
    assert page.current is not None
    row = next(i for i, a in enumerate(page.current.actions) if a.key == key)
    page.ui.actionsTable.selectRow(row)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (text, True)))
    qtbot.mouseClick(page.ui.recordButton, Qt.MouseButton.LeftButton)


def answer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: (text, True)))


def test_impersonation_case(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    staff = page_for(qtbot, db, people.tanto)
    open_with_dialog(qtbot, staff, monkeypatch, IncidentType.IMPERSONATION, "偽アカウント @kag0shima_kanko")
    assert staff.current is not None and staff.current.status_label == "責任者へ報告中"
    assert "指示を待っています" in staff.ui.escalationLabel.text()
    record(qtbot, staff, monkeypatch, "takedown", "11/26 X社へ削除依頼（受付 0123）")
    record(qtbot, staff, monkeypatch, "homepage_notice", "https://www.city.kagoshima.lg.jp/notice/fake.html")
    assert [cell(staff.ui.actionsTable, r, 3) for r in range(3)] == ["済", "済", "未"]
    assert cell(staff.ui.actionsTable, 0, 4) == "観光 担当"
    assert not staff.ui.closeButton.isEnabled(), "the 担当者 does not close"

    # the 責任者 sees it in the bell and acknowledges
    window = MainWindow(db, people.kyokucho)
    qtbot.addWidget(window)
    window.show()
    assert any("偽アカウント" in n.text for n in window.notices)
    director = window.show_page("incidents")
    assert isinstance(director, IncidentsPage)
    assert director.ui.acknowledgeButton.isVisible()
    answer(monkeypatch, "削除されるまで毎日確認。報道発表は不要。")
    qtbot.mouseClick(director.ui.acknowledgeButton, Qt.MouseButton.LeftButton)
    assert "削除されるまで毎日確認" in director.ui.escalationLabel.text()

    # the 管理者 closes it
    manager = page_for(qtbot, db, people.kacho)
    answer(monkeypatch, "11/28 偽アカウントの削除を確認した")
    qtbot.mouseClick(manager.ui.closeButton, Qt.MouseButton.LeftButton)
    assert rows(manager.ui.incidentsTable) == 0, "closed troubles are hidden unless asked for"
    manager.ui.showClosedCheck.setChecked(True)
    assert manager.current is not None and manager.current.status_label == "完了"


def test_flaming_case(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    statement = post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "ご指摘について説明します", planned_at=in_hours())
    )
    post_workflow.submit(
        db,
        people.tanto,
        statement,
        post_queries.get_post(db, people.tanto, statement).row.version,
        ALL_CHECKED,
    )
    post_workflow.approve(
        db, people.kacho, statement, post_queries.get_post(db, people.kacho, statement).row.version
    )

    manager = page_for(qtbot, db, people.kacho)
    open_with_dialog(qtbot, manager, monkeypatch, IncidentType.FLAMING, "イベント告知への批判が殺到")
    record(qtbot, manager, monkeypatch, "no_rebuttal", "職員個人の反論なしを確認")
    record(qtbot, manager, monkeypatch, "statement", str(statement))  # the approved 説明 post
    record(qtbot, manager, monkeypatch, "suspension", "一時閉鎖はしない（説明の投稿で沈静化を見込む）")
    answer(monkeypatch, "収束を確認")
    qtbot.mouseClick(manager.ui.closeButton, Qt.MouseButton.LeftButton)
    assert manager.current is not None and manager.current.closed_at is None, (
        "the 責任者 has not acknowledged yet"
    )
    assert "アカウント責任者の確認" in message_boxes.texts()

    director = page_for(qtbot, db, people.kyokucho)
    answer(monkeypatch, "説明の投稿で対応。一時閉鎖はしない。")
    qtbot.mouseClick(director.ui.acknowledgeButton, Qt.MouseButton.LeftButton)
    manager.refresh()
    answer(monkeypatch, "12/1 収束を確認")
    qtbot.mouseClick(manager.ui.closeButton, Qt.MouseButton.LeftButton)
    [closed] = incidents.list_incidents(db, people.kacho)
    assert closed.closed_at is not None and closed.closing_note == "12/1 収束を確認"
    assert {a.key: a.done for a in closed.actions} == {
        "no_rebuttal": True,
        "statement": True,
        "interim": False,
        "suspension": True,
    }


def test_inquiries_screen_logs_and_forwards(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    page = InquiriesPage(db, people.tanto)
    qtbot.addWidget(page)
    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findText("提案・要望"))
    assert page.log() is None and "内容を入力" in page.ui.errorLabel.text()
    page.ui.contentEdit.setPlainText("臨時バスを増やしてほしい")
    assert page.log() is not None
    assert cell(page.ui.inquiriesTable, 0, 6) == "要依頼（§7(3)）"
    page.ui.inquiriesTable.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("交通局 企画課", True)))
    qtbot.mouseClick(page.ui.forwardButton, Qt.MouseButton.LeftButton)
    assert cell(page.ui.inquiriesTable, 0, 6).startswith("交通局 企画課")
    assert "365 日" in page.ui.retentionLabel.text()
