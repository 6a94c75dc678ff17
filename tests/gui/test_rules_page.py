"""チェック規則 page (issue 15 items 3, 4): the editor validates as one types, shows the difference from the saved
version, tries a text under the unsaved rules, saves for every PC; read-only for people who may not change it; a
管理者 turns a warning of the test box into a standing exception."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.rules import rules_page
from sns_desk.gui.rules.rules_page import RulesPage
from sns_desk.services import check_exceptions, check_rules
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes
from tests.world import People, in_state

EDITED = '{"shorteners": {"remove": ["spoti.fi"]}, "city_domains": ["spoti.fi", "tenki.jp"]}'


def _select(page: RulesPage, row: int) -> None:
    model = page.findings_table.model()
    page.findings_table.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_pr_office_edits_tries_and_saves_the_office_layer(
    qtbot: QtBot, db: Database, people: People, message_boxes: MessageBoxes
) -> None:
    in_state(db, people, AccountStatus.ACTIVE)  # the 担当者 below writes on it
    page = RulesPage(db, people.koho)
    qtbot.addWidget(page)
    assert not page.editor.isReadOnly() and page.save_button.isEnabled()
    assert "第" not in page.status.text() and "（未設定）" in page.status.text()

    page.try_sample()  # the sample under the city's file alone
    assert page.result.text() == "エラー 1 件・注意 1 件（編集中の規則で）"
    assert [page.findings_model.index(r, 2).data() for r in range(2)] == [
        "https://tenki.jp/bosai/warning/",
        "https://spoti.fi/abcd",
    ]

    page.editor.setPlainText('{"shortner": []}')
    page.validate()
    assert "「shortner」という項目は市の規則にありません" in page.problems.text()
    page.editor.setPlainText(EDITED)
    page.validate()
    assert page.problems.text() == "規則の書き方に問題はありません。"
    assert '+  "city_domains": [' in page.diff_view.toPlainText()

    page.try_sample()  # under the edited, unsaved rules: 日本気象協会 (tenki.jp) and the city's podcast link pass
    assert page.result.text() == "指摘はありません。"
    assert check_rules.view(db, people.koho).office.number == 0  # nothing saved by trying

    page.note.setText("国の機関と市の LINE")
    page.save()
    assert "保存しました" in message_boxes.texts()
    assert check_rules.view(db, people.tanto).office.number == 1
    assert "第1版" in page.status.text()
    assert page.compare.count() == 2 and page.diff_view.toPlainText() == "違いはありません。"


def test_others_read_the_rules_but_cannot_change_them(qtbot: QtBot, db: Database, people: People) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    check_rules.save_layer(db, people.koho, {"city_domains": ["go.jp"]}, 0)
    page = RulesPage(db, people.tanto)
    qtbot.addWidget(page)
    assert page.editor.isReadOnly() and not page.save_button.isEnabled()
    assert "閲覧のみ: 変更できるのは広報課・システム管理者です" in page.status.text()
    assert page.city.currentText() == "kagoshima.json" and not page.city.isEnabled()
    assert '"go.jp"' in page.editor.toPlainText()
    assert not page.except_button.isEnabled()


def test_a_manager_makes_a_warning_of_the_test_box_an_exception(
    qtbot: QtBot, db: Database, people: People, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    page = RulesPage(db, people.kacho)
    qtbot.addWidget(page)
    page.target.setCurrentIndex(page.target.findData(account))
    assert not page.editor.isReadOnly() and page.except_button.isEnabled()
    page.try_sample()
    _select(page, 1)  # the shortener: an error
    page.except_selected()
    assert "例外にできません" in message_boxes.texts()

    until = pol.now_jst().date() + timedelta(days=30)
    monkeypatch.setattr(rules_page.ExceptionDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(rules_page.ExceptionDialog, "reason", lambda self: "日本気象協会の警報ページ")
    monkeypatch.setattr(rules_page.ExceptionDialog, "expires_on", lambda self: until)
    _select(page, 0)  # the link to 日本気象協会: a warning
    page.except_selected()
    [row] = check_exceptions.list_exceptions(db, people.tanto, account)
    assert (row.exception.matched, row.exception.expires_on) == ("tenki.jp", until)
    assert page.exceptions_model.rowCount() == 1
    assert page.exceptions_model.index(0, 0).data() == "有効"
    page.try_sample()  # the test box shows what the draft editor would: the warning is no longer there
    assert page.result.text() == "エラー 1 件・注意 0 件（編集中の規則で）"
