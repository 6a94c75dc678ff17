"""The システム管理者's entry to the 電子印鑑 keys (監査ログ page), and the start-up warning that must be confirmed
(issue 13, items 1 and 2)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from sns_desk.gui.audit.audit_page import AuditLogPage
from sns_desk.gui.main_window import MainWindow
from sns_desk.services import audit_log as auditlog
from sns_desk.services import signing, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes


def test_the_admin_certifies_a_new_key_from_the_audit_page(
    qtbot: QtBot, db: Database, admin: Actor, message_boxes: MessageBoxes
) -> None:
    bureau = users.create_department(db, admin, "観光交流局")
    users.create_user(db, admin, users.UserInput("kacho", "観光 課長", bureau))
    kacho = users.resolve_actor(db, "kacho")
    fingerprint = signing.register_key(db, kacho)  # at kacho's own PC
    staff_page = AuditLogPage(db, kacho)
    qtbot.addWidget(staff_page)
    assert staff_page.ui.keysButton.isHidden(), "only a システム管理者 sees the entry"
    page = AuditLogPage(db, admin)
    qtbot.addWidget(page)
    assert not page.ui.keysButton.isHidden()
    dialog = page.open_keys()
    qtbot.addWidget(dialog)
    model = dialog.model
    states = {model.row_at(r).login: model.index(r, 4).data() for r in range(model.rowCount())}
    assert states == {"admin": "認証済み（信頼の起点）", "kacho": "未認証"}
    row = next(r for r in range(model.rowCount()) if model.row_at(r).login == "kacho")
    assert model.index(row, 2).data() == fingerprint
    assert not dialog.ui.certifyButton.isEnabled()
    dialog.ui.table.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert dialog.ui.certifyButton.isEnabled()
    qtbot.mouseClick(dialog.ui.certifyButton, Qt.MouseButton.LeftButton)
    assert fingerprint in message_boxes.texts()  # asked to compare the fingerprint, then told it is done
    states = {model.row_at(r).login: model.index(r, 4).data() for r in range(model.rowCount())}
    assert states["kacho"] == "認証済み"
    assert auditlog.verify_signatures(db, admin).ok


def test_a_warning_at_start_stays_until_the_person_confirms_it(
    qtbot: QtBot, db: Database, admin: Actor, message_boxes: MessageBoxes
) -> None:
    for name in ("市民局", "環境局", "観光交流局"):
        users.create_department(db, admin, name)  # this PC's own writes move its anchor
    assert db.location.path is not None
    with sqlite3.connect(db.location.path) as conn:
        conn.execute("DELETE FROM audit_events WHERE seq >= 3")
    conn.close()
    message_boxes.answer = message_boxes.answer.No
    first = MainWindow(db, admin)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: "末尾が削除されたおそれ" in message_boxes.texts())
    assert any(kind == "question" for kind, _text in message_boxes.shown), "asked to confirm"
    message_boxes.shown.clear()
    message_boxes.answer = message_boxes.answer.Yes
    second = MainWindow(db, admin)  # still warned: not confirmed; this time the person confirms
    qtbot.addWidget(second)
    qtbot.waitUntil(lambda: "末尾が削除されたおそれ" in message_boxes.texts())
    qtbot.waitUntil(lambda: any(kind == "question" for kind, _text in message_boxes.shown))
    assert auditlog.anchor_warnings(db) == []
