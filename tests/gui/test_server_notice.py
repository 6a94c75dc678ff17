"""The システム管理者 is told at start-up, and on the 設定 page, what the database server lacks (pg_trgm:
store/pg_trigram.py); nobody else is (tests/test_pg_scale.py opens a real server without the extension)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.settings.settings_page import SettingsPage
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store import pg_trigram
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes


def test_the_admin_is_told_what_the_dba_must_run_and_others_are_not(
    qtbot: QtBot, db: Database, admin: Actor, message_boxes: MessageBoxes
) -> None:
    db.admin_notices.append(pg_trigram.missing_notice())  # as opening a server without pg_trgm leaves it
    win = MainWindow(db, admin)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    assert "CREATE EXTENSION IF NOT EXISTS pg_trgm;" in message_boxes.texts()
    assert "pg_trgm" in win.ui.statusbar.currentMessage()
    page = win.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert "pg_trgm" in page.ui.warningsValue.text() and not page.ui.warningsValue.isHidden()

    users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    staff = users.resolve_actor(db, "t-suzuki")
    shown_before = len(message_boxes.shown)
    other = MainWindow(db, staff)
    qtbot.addWidget(other)
    qtbot.wait(200)
    assert len(message_boxes.shown) == shown_before and "pg_trgm" not in other.ui.statusbar.currentMessage()
    staff_page = SettingsPage(db, staff)
    qtbot.addWidget(staff_page)
    assert "pg_trgm" not in staff_page.ui.warningsValue.text()
