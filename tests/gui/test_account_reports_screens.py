"""§3(2) reports tracked on screen (issue 16, item 5): the account list shows what is unreported, the 報告書 page
makes the workbook and records it sent in one flow, 広報課 records a report received, and the account can make
運用中 wait for the opening report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.accounts.account_info_dialog import AccountInfoDialog
from sns_desk.gui.accounts.accounts_page import ACCOUNT_COLUMNS
from sns_desk.gui.reports.reports_page import ReportsPage
from sns_desk.services import account_reports, accounts, notices
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes
from tests.world import People, in_state

Click = Qt.MouseButton.LeftButton
COLUMN = [c.header for c in ACCOUNT_COLUMNS].index("広報課への報告")


def test_the_workbook_and_the_record_that_it_was_sent_are_one_flow(
    qtbot: QtBot, db: Database, people: People, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    row = accounts.get_account(db, people.kacho, account)
    assert ACCOUNT_COLUMNS[COLUMN].text(row) == "未報告: 開設"
    assert any(
        n.kind == "account_report" and n.page == "reports" for n in notices.notifications(db, people.kacho)
    )
    page = ReportsPage(db, people.kacho)
    qtbot.addWidget(page)
    panel = page.tracking
    assert panel.model.rowCount() == 1 and not panel.received_button.isVisibleTo(panel)
    assert panel.model.data(panel.model.index(0, 2)) == "開設の報告"
    page.ui.kindCombo.setCurrentIndex(page.ui.kindCombo.findData("post_record"))
    qtbot.mouseClick(panel.make_button, Click)  # the form is set to this account's 開設 report
    assert page.kind() == "account_report" and page.ui.accountCombo.currentData() == account
    assert page.ui.eventCombo.currentData() == "開設"
    page.ui.folderEdit.setText(str(tmp_path))
    qtbot.mouseClick(page.ui.exportButton, Click)
    assert page.last is not None and page.last.path.is_file()
    assert "送付済みとして記録しますか" in message_boxes.texts()
    assert "広報課への報告 1 件を送付済みにしました" in page.ui.resultLabel.text()
    assert panel.model.rowCount() == 0 and panel.empty.isVisibleTo(panel)
    assert ACCOUNT_COLUMNS[COLUMN].text(accounts.get_account(db, people.kacho, account)) == "済み"
    assert not any(n.kind == "account_report" for n in notices.notifications(db, people.kacho))


def test_pr_records_a_change_received(
    qtbot: QtBot, db: Database, people: People, message_boxes: MessageBoxes
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    (opening,) = account_reports.report_items(db, people.kacho, account_id=account)
    account_reports.record_reported(db, people.koho, opening.id, account_reports.ReportClosure.RECEIVED)
    row = accounts.get_account(db, people.kacho, account)
    dialog = AccountInfoDialog(db, people.kacho, row)
    qtbot.addWidget(dialog)
    dialog.ui.handleEdit.setText("@kagoshima_kanko_new")
    dialog.ui.openingReportCheck.setChecked(True)
    dialog.save()
    fresh = accounts.get_account(db, people.kacho, account)
    assert fresh.handle == "@kagoshima_kanko_new" and fresh.opening_report_required
    assert fresh.unreported == "未報告: 変更"
    page = ReportsPage(db, people.koho)
    qtbot.addWidget(page)
    panel = page.tracking
    assert panel.received_button.isVisibleTo(panel)
    assert panel.model.data(panel.model.index(0, 2)) == "変更の報告（ID）"
    message_boxes.answer = QMessageBox.StandardButton.No
    assert panel.record(account_reports.ReportClosure.RECEIVED) is False
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(panel.received_button, Click)
    assert panel.model.rowCount() == 0
    assert accounts.get_account(db, people.kacho, account).unreported == ""
