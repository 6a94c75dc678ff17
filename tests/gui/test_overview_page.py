"""運用状況 (issue 17 item 4): 広報課 filters, sorts and exports the overview of every account."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus, IncidentType, Platform
from sns_desk.gui.overview.overview_page import OverviewPage
from sns_desk.services import incidents
from sns_desk.store.database import Database
from tests.gui.conftest import cell, rows
from tests.test_overview import add_posts, seed_accounts
from tests.world import People, in_state

NAME, THIS_MONTH, DORMANT, REPORT, ATTENTION = 3, 7, 10, 12, 13


@pytest.fixture
def page(qtbot: QtBot, db: Database, people: People) -> OverviewPage:
    active = in_state(db, people, AccountStatus.ACTIVE)
    now = pol.now_jst()
    add_posts(db, active, people.tanto.user_id, *(now - timedelta(minutes=m) for m in range(1, 6)))
    incidents.open_incident(db, people.kacho, active, IncidentType.FLAMING, "炎上", serious=True)
    seed_accounts(db, people, 3)
    widget = OverviewPage(db, people.koho)
    qtbot.addWidget(widget)
    return widget


def shown_names(page: OverviewPage) -> list[str]:
    return [cell(page.table, row, NAME) for row in range(rows(page.table))]


def test_koho_sees_every_account_with_what_needs_attention(page: OverviewPage) -> None:
    assert rows(page.table) == 4
    x_row = shown_names(page).index("鹿児島市観光公式X")
    assert cell(page.table, x_row, 0) == "観光交流局" and cell(page.table, x_row, 1) == "観光振興課"
    assert "§4(1)イ" in cell(page.table, x_row, ATTENTION)
    assert cell(page.table, x_row, REPORT) == "開設 未報告"  # its 開設 item is open (§3(2))
    assert cell(page.table, x_row, DORMANT) == ""  # it posted minutes ago
    assert "4 アカウント" in page.summary.text() and "要対応 1 件" in page.summary.text()


def test_filters_narrow_the_list(page: OverviewPage) -> None:
    page.platform_combo.setCurrentIndex(page.platform_combo.findData(Platform.INSTAGRAM))
    assert rows(page.table) == 3 and "鹿児島市観光公式X" not in shown_names(page)
    page.platform_combo.setCurrentIndex(0)
    page.attention_check.setChecked(True)
    assert shown_names(page) == ["鹿児島市観光公式X"]
    page.attention_check.setChecked(False)
    page.status_combo.setCurrentIndex(page.status_combo.findData(AccountStatus.SUSPENDED))
    assert rows(page.table) == 0
    page.status_combo.setCurrentIndex(0)
    page.section_combo.setCurrentIndex(page.section_combo.findData("観光振興課"))
    assert rows(page.table) == 4


def test_a_header_click_sorts_numbers_as_numbers(page: OverviewPage) -> None:
    page.table.sortByColumn(THIS_MONTH, Qt.SortOrder.DescendingOrder)
    assert shown_names(page)[0] == "鹿児島市観光公式X"  # 5 posts this month, before the others' 1 or 0
    assert cell(page.table, 0, THIS_MONTH) == "5"
    page.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert shown_names(page) == sorted(shown_names(page))


def test_the_export_button_writes_the_rows_shown(
    page: OverviewPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dest = tmp_path / "運用状況.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(dest), ""))
    page.platform_combo.setCurrentIndex(page.platform_combo.findData(Platform.INSTAGRAM))
    page.export_button.click()
    sheet = load_workbook(dest).active
    assert sheet is not None
    names = [sheet.cell(row, 4).value for row in range(5, sheet.max_row + 1)]
    assert sorted(names) == sorted(shown_names(page)) and len(names) == 3
    assert "3 アカウントを出力しました" in page.summary.text()
