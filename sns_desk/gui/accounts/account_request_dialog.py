"""申請: a new account and its first 運用ポリシー in one form (§3(1))."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.gui import style
from sns_desk.gui.accounts.account_fields import account_input, fill_departments, fill_platforms
from sns_desk.gui.accounts.policy_editor import PolicyEditor
from sns_desk.gui.forms.ui_accountrequestdialog import Ui_AccountRequestDialog
from sns_desk.services import accounts, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class AccountRequestDialog(QDialog):
    """申請: the account and its first 運用ポリシー in one form (§3(1))."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_AccountRequestDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.editor = PolicyEditor()
        self.ui.policyHolderLayout.addWidget(self.editor)
        fill_platforms(self.ui.platformCombo)
        departments = users.list_departments(db)
        me = next((u for u in users.list_users(db) if u.id == actor.user_id), None)
        fill_departments(self.ui.departmentCombo, departments, me.department_id if me else None)
        self.ui.responsibleCombo.addItem("（選んでください）", None)
        for person in users.list_users(db):
            if person.active and not person.is_contractor and person.id != actor.user_id:
                label = f"{person.display_name}（{person.department or '部署未設定'}）"
                self.ui.responsibleCombo.addItem(label, person.id)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.account_id: int | None = None

    def submit(self) -> None:
        responsible = self.ui.responsibleCombo.currentData()
        try:
            if self.ui.departmentCombo.currentData() is None:
                raise ValidationError("運用部署を選んでください（部署はユーザー管理で登録します）。")
            if responsible is None:
                raise ValidationError("アカウント責任者を選んでください（§4(1)ア）。")
            self.account_id = accounts.request_account(
                self.db, self.actor, account_input(self.ui), responsible, self.editor.data()
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            if "運用ポリシー" in error.message or (
                "§3(1)" in error.message and "アカウント名" not in error.message
            ):
                self.ui.tabs.setCurrentIndex(1)
            return
        self.accept()
