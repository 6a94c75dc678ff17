"""The 管理者 edits the account's own fields, its self-approval setting (§4(1)イ, §5(1)), whether emergency posts
may go out before approval for a 事後承認 (§5(9)) and whether 運用中 waits for the opening report to 広報課 (§3(2))."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.gui import style
from sns_desk.gui.accounts.account_fields import account_input, fill_departments, fill_platforms
from sns_desk.gui.forms.ui_accountinfodialog import Ui_AccountInfoDialog
from sns_desk.services import account_reports, accounts, users
from sns_desk.services.accounts import AccountRow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class AccountInfoDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.row = db, actor, row
        self.ui = Ui_AccountInfoDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        fill_platforms(self.ui.platformCombo, row.platform)
        fill_departments(self.ui.departmentCombo, users.list_departments(db, actor), row.department_id)
        self.ui.nameEdit.setText(row.name)
        self.ui.handleEdit.setText(row.handle)
        self.ui.urlEdit.setText(row.url)
        self.ui.selfApprovalCheck.setChecked(row.allow_self_approval)
        self.ui.afterApprovalCheck.setChecked(row.allow_after_approval)
        self.ui.openingReportCheck.setChecked(row.opening_report_required)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        data = account_input(self.ui)
        try:
            accounts.edit_account(self.db, self.actor, self.row.id, self.row.version, data)
            if self.ui.selfApprovalCheck.isChecked() != self.row.allow_self_approval:
                fresh = accounts.get_account(self.db, self.actor, self.row.id)
                accounts.set_allow_self_approval(
                    self.db, self.actor, self.row.id, fresh.version, self.ui.selfApprovalCheck.isChecked()
                )
            if self.ui.afterApprovalCheck.isChecked() != self.row.allow_after_approval:  # 事後承認 (§5(9))
                fresh = accounts.get_account(self.db, self.actor, self.row.id)
                accounts.set_allow_after_approval(
                    self.db, self.actor, self.row.id, fresh.version, self.ui.afterApprovalCheck.isChecked()
                )
            if self.ui.openingReportCheck.isChecked() != self.row.opening_report_required:
                fresh = accounts.get_account(self.db, self.actor, self.row.id)
                account_reports.set_opening_report_required(
                    self.db, self.actor, self.row.id, fresh.version, self.ui.openingReportCheck.isChecked()
                )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()
