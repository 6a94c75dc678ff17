"""「投稿の連携」 (issue 14 item 1) in the GUI: the 管理者 connects X (the browser opens X's consent page; PKCE
against the local authorization server), the 責任者 approves, a 担当者 may do neither."""

from __future__ import annotations

import webbrowser

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.accounts.connection_dialog import ConnectionDialog
from sns_desk.services import connections
from sns_desk.store.database import Database
from tests.platforms import FakePlatforms, browser_that_allows
from tests.test_publishing import fake  # noqa: F401  (the fixture)
from tests.world import People, in_state


def test_the_manager_connects_x_and_the_responsible_approves(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.x_standard()
    fake.x_token_endpoint()
    fake.x_authorize_endpoint()
    monkeypatch.setattr(webbrowser, "open", browser_that_allows)
    account = in_state(db, people, AccountStatus.ACTIVE)

    staff = ConnectionDialog(db, people.tanto, account)
    qtbot.addWidget(staff)
    assert not staff.setup.isEnabled() and not staff.approve_button.isEnabled()
    assert "連携されていません" in staff.state.text()

    manager = ConnectionDialog(db, people.kacho, account)
    qtbot.addWidget(manager)
    manager.show()
    assert manager.setup.isEnabled() and not manager.approve_button.isEnabled()
    manager.client_id.setText("client-abc")
    qtbot.mouseClick(manager.connect_button, Qt.MouseButton.LeftButton)
    assert "@kagoshima_kanko と連携しました" in manager.note.text()
    assert "責任者の承認待ち" in manager.state.text() and manager.remove_button.isEnabled()

    responsible = ConnectionDialog(db, people.kyokucho, account)
    qtbot.addWidget(responsible)
    assert responsible.approve_button.isEnabled()
    qtbot.mouseClick(responsible.approve_button, Qt.MouseButton.LeftButton)
    assert "承認済み（観光 局長）" in responsible.state.text()
    info = connections.connection_of(db, people.tanto, account)
    assert info is not None and info.approved
