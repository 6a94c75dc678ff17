"""The monitoring tab (§9(2)): the result is chosen, not guessed; a problem must say what; the interval and the
dormant warning are shown in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.incidents.incidents_page import IncidentsPage
from sns_desk.gui.incidents.monitoring_dialog import MonitoringDialog
from sns_desk.services import monitoring
from sns_desk.store.database import Database
from tests.gui.conftest import cell
from tests.world import People, in_state


def test_a_problem_cannot_be_recorded_without_saying_what(qtbot: QtBot) -> None:
    dialog = MonitoringDialog("鹿児島市観光公式X")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and not dialog.problems_found  # 問題なし needs no words
    dialog.problem_radio.setChecked(True)
    assert not ok.isEnabled() and "何があったか" in dialog.hint.text()
    dialog.note_edit.setPlainText("なりすましアカウントを発見")
    assert ok.isEnabled() and dialog.note == "なりすましアカウントを発見"


def test_the_monitoring_tab_records_a_result_and_sets_the_interval(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    page = IncidentsPage(db, people.kacho)
    qtbot.addWidget(page)
    headers = [page.monitoring_model.headerData(i, Qt.Orientation.Horizontal) for i in range(7)]
    assert headers == ["アカウント", "最終確認", "確認者", "間隔", "結果", "最終投稿", "状況"]
    assert cell(page.ui.monitoringTable, 0, 4) == "未確認"
    assert page.ui.dormantButton.isHidden(), "only 広報課 sets the dormant days"

    def answer(self: MonitoringDialog) -> int:
        self.problem_radio.setChecked(True)
        self.note_edit.setPlainText("差別的なコメント1件を非表示にした")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MonitoringDialog, "exec", answer)
    page.ui.monitorButton.click()
    assert cell(page.ui.monitoringTable, 0, 4) == "問題あり: 差別的なコメント1件を非表示にした"
    assert cell(page.ui.monitoringTable, 0, 6) == "✓ 期限内"
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (14, True))
    page.ui.intervalButton.click()
    assert cell(page.ui.monitoringTable, 0, 3) == "14日ごと"
    assert monitoring.monitoring_status(db, people.kacho)[0].interval_days == 14
    assert account


def test_koho_sets_the_dormant_days(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    page = IncidentsPage(db, people.koho)
    qtbot.addWidget(page)
    assert not page.ui.dormantButton.isHidden()
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (30, True))
    page.ui.dormantButton.click()
    assert monitoring.monitoring_status(db, people.koho)[0].dormant_days == 30
