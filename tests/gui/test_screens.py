"""The main window's screens: 監査ログ, ユーザー管理, 設定."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from sns_desk.gui.audit.audit_page import AuditLogPage
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.settings.settings_page import SettingsPage
from sns_desk.gui.shared.item_models import AuditTableModel, TableModel
from sns_desk.gui.users.user_dialog import UserDialog
from sns_desk.gui.users.users_page import USER_COLUMNS, UsersPage
from sns_desk.services import audit_log as auditlog
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes


@pytest.fixture
def window(qtbot: QtBot, db: Database, admin: Actor) -> MainWindow:
    win = MainWindow(db, admin)
    qtbot.addWidget(win)
    win.show()
    return win


def test_status_bar_shows_the_person_their_roles_and_the_database(window: MainWindow, db: Database) -> None:
    assert window.user_label.text() == "ログイン中: 管理 太郎（admin）　役割: システム管理者"
    assert "この PC" in window.db_label.text() and str(db.location.path) in window.db_label.text()
    assert window.ui.actionQuit.shortcut().toString() == "Ctrl+Q"


def test_navigation_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    for row, key in enumerate(
        [
            "posts",
            "calendar",
            "accounts",
            "incidents",
            "inquiries",
            "reports",
            "overview",
            "rules",
            "audit",
            "users",
            "settings",
        ]
    ):
        window.ui.navList.setCurrentRow(row)
        assert window.ui.pages.currentWidget() is window.pages[key]


def test_audit_page_lists_filters_and_verifies(
    qtbot: QtBot, window: MainWindow, db: Database, admin: Actor
) -> None:
    users.create_department(db, admin, "市民局")
    users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    page = window.show_page("audit")
    assert isinstance(page, AuditLogPage)
    page.refresh()
    assert page.model.rowCount() == 3
    assert page.model.index(0, 3).data() == "利用者の登録"
    qtbot.keyClicks(page.ui.filterEdit, "t-suzuki")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.ui.filterEdit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    qtbot.mouseClick(page.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert page.ui.verifyResult.text().splitlines() == [
        "監査ログは正常です（3 件、最終番号 3）。",
        "電子印鑑: 0 件の決定の署名はすべて正しく、決定した人はその時点で権限を持っていました。",
    ]

    assert db.location.path is not None
    with sqlite3.connect(db.location.path) as conn:
        conn.execute("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 2")
    conn.close()
    qtbot.mouseClick(page.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert "異常があります（番号 2）" in page.ui.verifyResult.text()
    assert "b71c1c" in page.ui.verifyResult.styleSheet()


def test_audit_model_fetches_more_as_the_view_scrolls(
    qtbot: QtBot, qtmodeltester, db: Database, admin: Actor
) -> None:  # type: ignore[no-untyped-def]
    for i in range(12):
        users.create_department(db, admin, f"局{i}")
    model = AuditTableModel(
        lambda text, before, limit: auditlog.list_events(db, admin, text, before_seq=before, limit=5)
    )
    model.PAGE = 5
    model.reload("")
    assert model.rowCount() == 5
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 13 and not model.canFetchMore()
    assert [model.index(r, 0).data() for r in (0, 12)] == ["13", "1"]
    qtmodeltester.check(model)


def test_users_model_passes_the_model_tester(qtmodeltester, db: Database, admin: Actor) -> None:  # type: ignore[no-untyped-def]
    model = TableModel(USER_COLUMNS)
    model.set_rows(users.list_users(db, admin))
    qtmodeltester.check(model)


def test_adding_a_user_through_the_dialog(
    qtbot: QtBot, window: MainWindow, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    users.create_department(db, admin, "市民局")
    page = window.show_page("users")
    assert isinstance(page, UsersPage)
    page.refresh()

    def fill_and_save(dialog: UserDialog) -> int:
        qtbot.addWidget(dialog)
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.keyClicks(dialog.ui.loginEdit, "t suzuki")  # a space: refused
        dialog.ui.nameEdit.setText("鈴木 隆")
        dialog.ui.departmentCombo.setCurrentIndex(dialog.ui.departmentCombo.findText("市民局"))
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert "ログイン名「t suzuki」が正しくありません" in dialog.ui.errorLabel.text()
        assert dialog.ui.nameEdit.text() == "鈴木 隆", "nothing typed is lost"
        dialog.ui.loginEdit.setText("t-suzuki")
        dialog.ui.prCheck.setChecked(True)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return int(dialog.result())

    monkeypatch.setattr(UserDialog, "exec", fill_and_save)
    qtbot.mouseClick(page.ui.addUserButton, Qt.MouseButton.LeftButton)
    logins = [page.model.index(r, 0).data() for r in range(page.model.rowCount())]
    assert logins == ["admin", "t-suzuki"]
    selected = page.selected_user()
    assert selected is not None and selected.login == "t-suzuki"
    assert selected.department == "市民局" and selected.is_pr
    assert page.ui.editUserButton.isEnabled() and not page.ui.ackButton.isEnabled()

    page.ui.userFilterEdit.setText("鈴木")
    assert page.proxy.rowCount() == 1


def test_csv_import_from_the_users_screen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    page = window.show_page("users")
    assert isinstance(page, UsersPage)
    csv_file = tmp_path / "職員.csv"
    csv_file.write_bytes("ログイン名,氏名,局,課\nm-ito,伊藤 美咲,市民局,市民協働課\n".encode("cp932"))
    result = page.import_file(csv_file)
    assert result is not None and result.created == ["m-ito"]
    assert "新規 1 人" in message_boxes.texts()
    assert page.model.rowCount() == 2
    tree = page.ui.departmentsTree
    assert tree.topLevelItemCount() == 2
    bureau = next(tree.topLevelItem(i) for i in range(2) if tree.topLevelItem(i).text(0) == "市民局")
    assert bureau.child(0).text(0) == "市民協働課" and bureau.child(0).text(1) == "1"

    bad = tmp_path / "bad.csv"
    bad.write_text("ログイン名,氏名\nbad login,x\n", encoding="utf-8")
    assert page.import_file(bad) is None
    assert "2 行目" in message_boxes.texts()


def test_settings_show_the_mode_plainly_and_back_up_with_progress(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.ui.locationValue.text() == str(db.location.path)
    assert "このPCのみ" in page.ui.modeValue.text() and "WAL" in page.ui.modeValue.text()
    assert page.ui.backupButton.isEnabled()
    done = page.backup_to(tmp_path / "backup.sqlite3")
    assert done == tmp_path / "backup.sqlite3" and done.exists()
    assert "バックアップを作成しました" in message_boxes.texts()
    with sqlite3.connect(done) as conn:
        assert conn.execute("SELECT login FROM users").fetchall() == [("admin",)]
    conn.close()


def test_a_person_without_the_role_cannot_back_up(qtbot: QtBot, db: Database, admin: Actor) -> None:
    users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    staff = users.resolve_actor(db, "t-suzuki")
    page = SettingsPage(db, staff)
    qtbot.addWidget(page)
    assert not page.ui.backupButton.isEnabled()
    assert "システム管理者" in page.ui.backupButton.toolTip()


def test_main_window_warns_at_start_when_the_log_lost_what_this_pc_verified(
    qtbot: QtBot, db: Database, admin: Actor, message_boxes: MessageBoxes
) -> None:
    for name in ("市民局", "環境局", "観光交流局"):
        users.create_department(db, admin, name)
    assert auditlog.verify_log(db, admin).ok  # this PC now remembers seq 4
    assert db.location.path is not None
    with sqlite3.connect(db.location.path) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq >= 3")
    conn.close()
    win = MainWindow(db, admin)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(message_boxes.shown))
    assert "末尾が削除されたおそれ" in message_boxes.texts()
    assert "監査ログに注意" in win.ui.statusbar.currentMessage()


def test_rotation_days_are_set_in_the_settings(
    qtbot: QtBot, window: MainWindow, db: Database, message_boxes: MessageBoxes
) -> None:
    from sns_desk.services import city_settings

    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    assert page.ui.rotationSpin.value() == 90
    page.ui.rotationSpin.setValue(60)
    qtbot.mouseClick(page.ui.rotationSaveButton, Qt.MouseButton.LeftButton)
    assert city_settings.get_rotation_days(db) == 60


def test_restore_from_the_settings(
    qtbot: QtBot, window: MainWindow, db: Database, admin: Actor, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    from sns_desk.services import backups as backup

    saved = backup.backup_now(db, admin, tmp_path / "saved.sqlite3")
    users.create_user(db, admin, users.UserInput("later", "後から 追加"))
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage) and page.ui.restoreButton.isEnabled()
    with qtbot.waitSignal(window.switch_database):
        safety = page.restore_from(saved)
    assert safety is not None and safety.exists()
    assert "later" not in [u.login for u in users.list_users(db, admin)]
    assert "復元しました" in message_boxes.texts()


def test_the_settings_connect_to_a_database_server_by_its_url(
    qtbot: QtBot, db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch, message_boxes: MessageBoxes
) -> None:
    page = SettingsPage(db, admin)
    qtbot.addWidget(page)
    url = "postgresql+psycopg://snsdesk:pw@dbserver/snsdesk"
    monkeypatch.setattr(
        "sns_desk.gui.settings.settings_page.QInputDialog.getText", lambda *a, **k: (f" {url} ", True)
    )
    with qtbot.waitSignal(page.switch_database) as switched:
        qtbot.mouseClick(page.ui.serverButton, Qt.MouseButton.LeftButton)
    assert switched.args == ["postgresql+psycopg://snsdesk@dbserver/snsdesk"], (
        "the password stays in the keyring"
    )
    monkeypatch.setattr(
        "sns_desk.gui.settings.settings_page.QInputDialog.getText", lambda *a, **k: ("mysql://x/y", True)
    )
    assert page.choose_server() is None
    assert "対応していないデータベースです（mysql）" in message_boxes.texts()
    monkeypatch.setattr(
        "sns_desk.gui.settings.settings_page.QInputDialog.getText", lambda *a, **k: ("", False)
    )
    assert page.choose_server() is None
