"""The 管理者 writes the next version of the 運用ポリシー; the 責任者 approves it (§3(1), §4(1)ア)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import PolicyStatus
from sns_desk.gui import style
from sns_desk.gui.accounts.policy_editor import PolicyEditor
from sns_desk.gui.forms.ui_policydialog import Ui_PolicyDialog
from sns_desk.services import account_policies
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class PolicyDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_PolicyDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.editor = PolicyEditor()
        self.ui.policyHolderLayout.addWidget(self.editor)
        versions = account_policies.list_policies(db, account_id)
        latest = versions[0] if versions else None
        self.expected_version = latest.version if latest and latest.status is PolicyStatus.DRAFT else None
        if latest is not None:
            self.editor.set_data(latest.data)
        if latest is not None and latest.status is PolicyStatus.DRAFT:
            self.ui.introLabel.setText(
                f"作成中の第{latest.number}版を編集します。承認はアカウント責任者が行います。"
            )
        else:
            number = (latest.number + 1) if latest else 1
            self.ui.introLabel.setText(
                f"現行の版をもとに第{number}版を作成します。承認されるまでは現行の版が使われます。"
            )
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        try:
            account_policies.save_policy_draft(
                self.db, self.actor, self.account_id, self.editor.data(), self.expected_version
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()
