"""Assign a person a role on the account (§4(1))."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import Role
from sns_desk.gui import style
from sns_desk.gui.forms.ui_memberdialog import Ui_MemberDialog
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class MemberDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        for person in users.list_users(db):
            if person.active:
                suffix = "・委託業者" if person.is_contractor else ""
                self.ui.userCombo.addItem(f"{person.display_name}（{person.login}{suffix}）", person.id)
        for role in (Role.STAFF, Role.MANAGER, Role.RESPONSIBLE, Role.CONTRACTOR):
            self.ui.roleCombo.addItem(role.label, role.value)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            users.assign_account_role(
                self.db,
                self.actor,
                self.account_id,
                self.ui.userCombo.currentData(),
                self.ui.roleCombo.currentData(),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()
