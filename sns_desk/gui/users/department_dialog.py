"""Add a 局 or a 課 under it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.gui.forms.ui_departmentdialog import Ui_DepartmentDialog
from sns_desk.gui.shared.interaction import show_error
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class DepartmentDialog(QDialog):
    def __init__(
        self, db: Database, actor: Actor, bureaus: list[users.DepartmentRow], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_DepartmentDialog()
        self.ui.setupUi(self)
        self.ui.parentCombo.addItem("（なし：局として追加）", None)
        for bureau in bureaus:
            self.ui.parentCombo.addItem(bureau.name, bureau.id)
        self.ui.buttonBox.accepted.disconnect()
        self.ui.buttonBox.accepted.connect(self.save)

    def save(self) -> None:
        try:
            users.create_department(
                self.db, self.actor, self.ui.nameEdit.text(), self.ui.parentCombo.currentData()
            )
        except Exception as error:
            show_error(self, error, "creating department")
            return
        self.accept()
