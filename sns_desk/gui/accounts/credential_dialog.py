"""The 管理者 stores the account's login ID and password in the OS credential store (§3(3)ウ)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_credentialdialog import Ui_CredentialDialog
from sns_desk.services import credentials
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class CredentialDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_CredentialDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        if self.ui.passwordEdit.text() != self.ui.confirmEdit.text():
            self.ui.errorLabel.setText(
                "パスワードと確認用のパスワードが一致しません。確認用をもう一度入力してください。"
            )
            self.ui.confirmEdit.clear()
            self.ui.confirmEdit.setFocus()
            return
        try:
            credentials.set_credential(
                self.db, self.actor, self.account_id, self.ui.loginIdEdit.text(), self.ui.passwordEdit.text()
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        finally:
            self.ui.confirmEdit.clear()
        self.ui.passwordEdit.clear()
        self.accept()
