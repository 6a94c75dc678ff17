"""Add or edit one person: name, department, contact, city-wide roles, contractor, active (PRODUCT.md §1)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_userdialog import Ui_UserDialog
from sns_desk.gui.shared.interaction import show_error
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class UserDialog(QDialog):
    """Add or edit one user.  The service validates; errors stay in the dialog so nothing typed is lost."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        departments: list[users.DepartmentRow],
        existing: users.UserRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.existing = existing
        self.ui = Ui_UserDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("利用者の編集" if existing else "利用者の追加")
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.ui.departmentCombo.addItem("（未設定）", None)
        for dept in departments:
            self.ui.departmentCombo.addItem(dept.full_name, dept.id)
        if existing:
            self.ui.loginEdit.setText(existing.login)
            self.ui.nameEdit.setText(existing.display_name)
            pos = self.ui.departmentCombo.findData(existing.department_id)
            self.ui.departmentCombo.setCurrentIndex(max(pos, 0))
            self.ui.emailEdit.setText(existing.email)
            self.ui.phoneEdit.setText(existing.phone)
            self.ui.adminCheck.setChecked(existing.is_admin)
            self.ui.prCheck.setChecked(existing.is_pr)
            self.ui.contractorCheck.setChecked(existing.is_contractor)
            self.ui.activeCheck.setChecked(existing.active)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.saved_id: int | None = None

    def data(self) -> users.UserInput:
        return users.UserInput(
            login=self.ui.loginEdit.text(),
            display_name=self.ui.nameEdit.text(),
            department_id=self.ui.departmentCombo.currentData(),
            email=self.ui.emailEdit.text(),
            phone=self.ui.phoneEdit.text(),
            is_admin=self.ui.adminCheck.isChecked(),
            is_pr=self.ui.prCheck.isChecked(),
            is_contractor=self.ui.contractorCheck.isChecked(),
            active=self.ui.activeCheck.isChecked(),
        )

    def save(self) -> None:
        try:
            if self.existing is None:
                self.saved_id = users.create_user(self.db, self.actor, self.data())
            else:
                users.update_user(self.db, self.actor, self.existing.id, self.existing.version, self.data())
                self.saved_id = self.existing.id
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        except Exception as error:
            show_error(self, error, "saving user")
            return
        self.accept()
