"""アカウント: the list, the request form, the detail with its five tabs, and the 責任者's decisions."""

from __future__ import annotations

import re
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import ChecklistKey, ChecklistState, Platform, PolicyStatus, Role
from sns_desk.gui.accounts.policy_editor import PolicyEditor
from sns_desk.gui.forms.ui_accountinfodialog import Ui_AccountInfoDialog
from sns_desk.gui.forms.ui_accountrequestdialog import Ui_AccountRequestDialog
from sns_desk.gui.forms.ui_accountspage import Ui_AccountsPage
from sns_desk.gui.forms.ui_checklistdialog import Ui_ChecklistDialog
from sns_desk.gui.forms.ui_credentialdialog import Ui_CredentialDialog
from sns_desk.gui.forms.ui_memberdialog import Ui_MemberDialog
from sns_desk.gui.forms.ui_policydialog import Ui_PolicyDialog
from sns_desk.gui.forms.ui_scopedialog import Ui_ScopeDialog
from sns_desk.gui.shared.interaction import (
    ERROR_STYLE,
    Cancelled,
    SecretClipboard,
    ask_reason,
    confirm,
    inform,
    run_and_refresh,
    run_keyring_call,
    setup_table,
    show_error,
    style_title,
)
from sns_desk.gui.shared.item_models import AccountsTableModel
from sns_desk.host import keyring_access
from sns_desk.services import accounts, credentials, posts, users
from sns_desk.services.accounts import AccountAction, AccountInput, AccountRow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def _fill_departments(combo, departments: list[users.DepartmentRow], selected: int | None = None) -> None:  # type: ignore[no-untyped-def]
    combo.clear()
    for dept in departments:
        combo.addItem(dept.full_name, dept.id)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected), 0))


def _fill_platforms(combo, selected: Platform | None = None) -> None:  # type: ignore[no-untyped-def]
    combo.clear()
    for platform in Platform:
        combo.addItem(platform.label, platform.value)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected.value), 0))


def diff_html(diff: str) -> str:
    """A unified diff with removed lines red and added lines green, as people expect to read one."""
    from html import escape

    lines = []
    for line in diff.splitlines():
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "background:#e6ffec;color:#1b5e20;"
        elif line.startswith("-") and not line.startswith("---"):
            style = "background:#ffebe9;color:#b71c1c;"
        elif line.startswith("@@"):
            style = "color:#6a737d;"
        lines.append(f'<div style="{style}white-space:pre-wrap;">{escape(line) or "&nbsp;"}</div>')
    return "".join(lines)


class AccountRequestDialog(QDialog):
    """申請: the account and its first 運用ポリシー in one form (§3(1))."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_AccountRequestDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.editor = PolicyEditor()
        self.ui.policyHolderLayout.addWidget(self.editor)
        _fill_platforms(self.ui.platformCombo)
        departments = users.list_departments(db)
        me = next((u for u in users.list_users(db) if u.id == actor.user_id), None)
        _fill_departments(self.ui.departmentCombo, departments, me.department_id if me else None)
        self.ui.responsibleCombo.addItem("（選んでください）", None)
        for person in users.list_users(db):
            if person.active and not person.is_contractor and person.id != actor.user_id:
                label = f"{person.display_name}（{person.department or '部署未設定'}）"
                self.ui.responsibleCombo.addItem(label, person.id)
        self.ui.buttonBox.accepted.connect(self.submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.account_id: int | None = None

    def account_input(self) -> AccountInput:
        return AccountInput(
            Platform(self.ui.platformCombo.currentData()),
            self.ui.nameEdit.text(),
            self.ui.departmentCombo.currentData(),
            self.ui.handleEdit.text(),
            self.ui.urlEdit.text(),
        )

    def submit(self) -> None:
        responsible = self.ui.responsibleCombo.currentData()
        try:
            if self.ui.departmentCombo.currentData() is None:
                raise ValidationError("運用部署を選んでください（部署はユーザー管理で登録します）。")
            if responsible is None:
                raise ValidationError("アカウント責任者を選んでください（§4(1)ア）。")
            self.account_id = accounts.request_account(
                self.db, self.actor, self.account_input(), responsible, self.editor.data()
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            if "運用ポリシー" in error.message or (
                "§3(1)" in error.message and "アカウント名" not in error.message
            ):
                self.ui.tabs.setCurrentIndex(1)
            return
        self.accept()


class AccountInfoDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, row: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.row = db, actor, row
        self.ui = Ui_AccountInfoDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        _fill_platforms(self.ui.platformCombo, row.platform)
        _fill_departments(self.ui.departmentCombo, users.list_departments(db), row.department_id)
        self.ui.nameEdit.setText(row.name)
        self.ui.handleEdit.setText(row.handle)
        self.ui.urlEdit.setText(row.url)
        self.ui.selfApprovalCheck.setChecked(row.allow_self_approval)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        data = AccountInput(
            Platform(self.ui.platformCombo.currentData()),
            self.ui.nameEdit.text(),
            self.ui.departmentCombo.currentData(),
            self.ui.handleEdit.text(),
            self.ui.urlEdit.text(),
        )
        try:
            accounts.edit_account(self.db, self.actor, self.row.id, self.row.version, data)
            if self.ui.selfApprovalCheck.isChecked() != self.row.allow_self_approval:
                fresh = accounts.get_account(self.db, self.actor, self.row.id)
                accounts.set_allow_self_approval(
                    self.db, self.actor, self.row.id, fresh.version, self.ui.selfApprovalCheck.isChecked()
                )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()


class PolicyDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_PolicyDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        self.editor = PolicyEditor()
        self.ui.policyHolderLayout.addWidget(self.editor)
        versions = accounts.list_policies(db, account_id)
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
            accounts.save_policy_draft(
                self.db, self.actor, self.account_id, self.editor.data(), self.expected_version
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()


class ChecklistDialog(QDialog):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        account_id: int,
        key: ChecklistKey | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_ChecklistDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        rows = {r.key: r for r in accounts.checklist(db, account_id)}
        for item in (ChecklistKey.VERIFIED, ChecklistKey.HOMEPAGE, ChecklistKey.PROFILE_LINK):
            label, section = accounts.CHECKLIST_LABELS[item]
            self.ui.itemCombo.addItem(f"{label}（{section}）", item.value)
        self.ui.itemCombo.currentIndexChanged.connect(lambda _i: self._load(rows))
        if key is not None and key is not ChecklistKey.PASSWORD:
            self.ui.itemCombo.setCurrentIndex(max(self.ui.itemCombo.findData(key.value), 0))
        self._load(rows)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _load(self, rows: dict[ChecklistKey, accounts.ChecklistRow]) -> None:
        key = ChecklistKey(self.ui.itemCombo.currentData())
        self.ui.stateCombo.clear()
        states = [ChecklistState.DONE, ChecklistState.OPEN]
        if key is ChecklistKey.VERIFIED:
            states.insert(1, ChecklistState.NOT_OFFERED)
        for state in states:
            self.ui.stateCombo.addItem(accounts.STATE_LABELS[state], state.value)
        row = rows.get(key)
        if row is not None:
            self.ui.stateCombo.setCurrentIndex(max(self.ui.stateCombo.findData(row.state.value), 0))
            self.ui.urlEdit.setText(row.url)
            self.ui.noteEdit.setText(row.note)

    def save(self) -> None:
        try:
            accounts.set_checklist_item(
                self.db,
                self.actor,
                self.account_id,
                ChecklistKey(self.ui.itemCombo.currentData()),
                ChecklistState(self.ui.stateCombo.currentData()),
                self.ui.urlEdit.text(),
                self.ui.noteEdit.text(),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()


class CredentialDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_CredentialDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
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
        login_id, password = self.ui.loginIdEdit.text(), self.ui.passwordEdit.text()
        try:
            run_keyring_call(
                self,
                lambda: credentials.set_credential(self.db, self.actor, self.account_id, login_id, password),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        except Cancelled:
            self.ui.errorLabel.setText(
                "OS の資格情報ストアの応答を待つのをやめました。保存は完了していません。"
            )
            return
        finally:
            self.ui.confirmEdit.clear()
        self.ui.passwordEdit.clear()
        self.accept()


class MemberDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_MemberDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
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


class ScopeDialog(QDialog):
    """The 管理者 approves a standing scope (§5(2))."""

    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_ScopeDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(ERROR_STYLE)
        today = QDate.currentDate()
        self.ui.fromEdit.setDate(today)
        self.ui.untilEdit.setDate(today.addMonths(6))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        start, end = self.ui.fromEdit.date(), self.ui.untilEdit.date()
        categories = [c for c in re.split(r"[、,，\s]+", self.ui.categoriesEdit.text()) if c]
        try:
            posts.create_scope(
                self.db,
                self.actor,
                self.account_id,
                self.ui.titleEdit.text(),
                categories,
                self.ui.templateEdit.toPlainText(),
                pol.at_jst(date(start.year(), start.month(), start.day()), time(0)),
                pol.at_jst(date(end.year(), end.month(), end.day()), time(23, 59)),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()


class AccountsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_AccountsPage()
        self.ui.setupUi(self)
        style_title(self.ui.titleLabel)
        self.ui.headerLabel.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.model = AccountsTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        table = self.ui.accountsTable
        table.setModel(self.proxy)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.ui.splitter.setSizes([520, 680])
        self.ui.pageLayout.setStretch(1, 1)  # the list and detail take the height, not the title
        self.ui.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        self.ui.requestButton.clicked.connect(self.request_account)
        self.ui.approveButton.clicked.connect(lambda: self.decide(AccountAction.APPROVE_OPENING))
        self.ui.rejectButton.clicked.connect(lambda: self.decide(AccountAction.REJECT))
        self.ui.activateButton.clicked.connect(lambda: self.decide(AccountAction.ACTIVATE))
        self.ui.suspendButton.clicked.connect(lambda: self.decide(AccountAction.SUSPEND))
        self.ui.resumeButton.clicked.connect(lambda: self.decide(AccountAction.RESUME))
        self.ui.closeButton.clicked.connect(lambda: self.decide(AccountAction.CLOSE))
        self.ui.editInfoButton.clicked.connect(self.edit_info)
        self.ui.versionsList.currentRowChanged.connect(lambda _r: self.show_policy_version())
        self.ui.editPolicyButton.clicked.connect(self.edit_policy)
        self.ui.approvePolicyButton.clicked.connect(self.approve_policy)
        self.ui.diffButton.clicked.connect(self.show_diff)
        self.ui.copyPolicyButton.clicked.connect(self.copy_policy)
        self.ui.saveTextButton.clicked.connect(lambda: self.save_policy(as_html=False))
        self.ui.saveHtmlButton.clicked.connect(lambda: self.save_policy(as_html=True))
        self.ui.recordChecklistButton.clicked.connect(self.record_checklist)
        self.ui.checklistTable.doubleClicked.connect(lambda _i: self.record_checklist())
        self.ui.setCredentialButton.clicked.connect(self.set_credential)
        self.ui.copyIdButton.clicked.connect(lambda: self.copy_credential(password=False))
        self.ui.copyPasswordButton.clicked.connect(lambda: self.copy_credential(password=True))
        self.ui.deleteCredentialButton.clicked.connect(self.delete_credential)
        self.ui.addScopeButton.clicked.connect(self.add_scope)
        self.ui.revokeScopeButton.clicked.connect(self.revoke_scope)
        self.ui.reviewButton.clicked.connect(self.review_post)
        self.ui.addMemberButton.clicked.connect(self.add_member)
        self.ui.removeMemberButton.clicked.connect(self.remove_member)
        self.clipboard = SecretClipboard(30, self)
        self.clipboard.tick.connect(self._clipboard_tick)
        setup_table(self.ui.checklistTable, ["項目", "根拠", "状態", "URL", "記録者", "日時", "メモ"])
        setup_table(self.ui.membersTable, ["氏名", "ログイン名", "役割", "割り当て日"])
        setup_table(self.ui.scopesTable, ["名前", "分類", "有効期間", "承認者", "状態"])
        setup_table(self.ui.reviewTable, ["番号", "分類", "作成者", "内容"])
        self.current: AccountRow | None = None
        self.policies: list[accounts.PolicyRow] = []
        self.refresh()

    # -- list

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.current.id if self.current else None)
        try:
            rows = accounts.list_accounts(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading accounts")
            return
        self.model.set_rows(rows)
        self.ui.requestButton.setEnabled(users.may(self.db, self.actor, Permission.REQUEST_ACCOUNT))
        if keep is not None and self.model.find(keep) >= 0:
            self.select(keep)
        elif rows:
            self.ui.accountsTable.selectRow(0)
        else:
            self.current = None
            self.show_detail()

    def select(self, account_id: int) -> None:
        source_row = self.model.find(account_id)
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        self.ui.accountsTable.selectRow(proxy_index.row())
        self.show_detail()

    def selected_id(self) -> int | None:
        indexes = self.ui.accountsTable.selectionModel().selectedRows()
        if not indexes:
            return None
        return int(self.model.row_at(self.proxy.mapToSource(indexes[0]).row()).id)

    # -- detail

    def show_detail(self) -> None:
        account_id = self.selected_id()
        self.ui.detailPanel.setEnabled(account_id is not None)
        if account_id is None:
            self.current = None
            self.ui.headerLabel.setText("アカウントを選ぶと、ここに詳細が表示されます。")
            return
        try:
            row = accounts.get_account(self.db, self.actor, account_id)
        except Exception as error:
            show_error(self, error, "loading account")
            return
        self.current = row
        self.ui.headerLabel.setText(f"{row.name}　［{row.status.label}］")
        self._show_info(row)
        self._show_actions(row)
        self._show_policies(row)
        self._show_checklist(row)
        self._show_credential(row)
        self._show_members(row)
        self._show_scopes(row)

    def _show_info(self, row: AccountRow) -> None:
        ui = self.ui
        ui.platformValue.setText(row.platform.label)
        ui.nameValue.setText(row.name)
        ui.handleValue.setText(row.handle or "—")
        ui.urlValue.setText(row.url or "（未記入）")
        ui.departmentValue.setText(row.department)
        ui.statusValue.setText(row.status.label)
        ui.responsibleValue.setText("、".join(row.responsible) or "—")
        ui.managersValue.setText("、".join(row.managers) or "—")
        ui.requestedValue.setText(row.requested_by or "—")

        def day(value: object) -> str:
            return value.astimezone(JST).strftime("%Y-%m-%d") if value else "—"  # type: ignore[attr-defined]

        ui.datesValue.setText(
            f"開設承認 {day(row.opened_at)}　運用開始 {day(row.activated_at)}　閉鎖 {day(row.closed_at)}"
        )
        ui.reasonValue.setText(row.status_reason or "—")
        ui.overrideValue.setText(row.activation_override or "—")
        ui.selfApprovalValue.setText(
            "許可（管理者が自分の投稿を承認できる）" if row.allow_self_approval else "不可（4つの目の原則）"
        )
        ui.editInfoButton.setEnabled(
            accounts.may(self.db, self.actor, Permission.EDIT_ACCOUNT_SETTINGS, row.id)
        )

    def _show_actions(self, row: AccountRow) -> None:
        allowed = set(accounts.available_actions(self.db, self.actor, row.id))
        buttons = {
            AccountAction.APPROVE_OPENING: self.ui.approveButton,
            AccountAction.REJECT: self.ui.rejectButton,
            AccountAction.ACTIVATE: self.ui.activateButton,
            AccountAction.SUSPEND: self.ui.suspendButton,
            AccountAction.RESUME: self.ui.resumeButton,
            AccountAction.CLOSE: self.ui.closeButton,
        }
        for action, button in buttons.items():
            button.setVisible(action in allowed)

    def _show_policies(self, row: AccountRow) -> None:
        self.policies = accounts.list_policies(self.db, row.id)
        lst = self.ui.versionsList
        lst.blockSignals(True)
        lst.clear()
        for version in self.policies:
            item = QListWidgetItem(version.title)
            item.setData(Qt.ItemDataRole.UserRole, version.number)
            lst.addItem(item)
        lst.blockSignals(False)
        if self.policies:
            current = next((i for i, p in enumerate(self.policies) if p.status is PolicyStatus.APPROVED), 0)
            lst.setCurrentRow(current)
        self.show_policy_version()
        may_edit = accounts.may(self.db, self.actor, Permission.EDIT_ACCOUNT_SETTINGS, row.id)
        self.ui.editPolicyButton.setEnabled(
            may_edit and row.status not in (accounts.S.CLOSED, accounts.S.REJECTED)
        )
        has_current = any(p.status is PolicyStatus.APPROVED for p in self.policies)
        self.ui.copyPolicyButton.setEnabled(has_current)
        self.ui.saveTextButton.setEnabled(has_current)
        self.ui.saveHtmlButton.setEnabled(has_current)

    def selected_policy(self) -> accounts.PolicyRow | None:
        index = self.ui.versionsList.currentRow()
        return self.policies[index] if 0 <= index < len(self.policies) else None

    def show_policy_version(self) -> None:
        version = self.selected_policy()
        row = self.current
        if version is None or row is None:
            self.ui.policyView.setPlainText("")
            self.ui.approvePolicyButton.setEnabled(False)
            self.ui.diffButton.setEnabled(False)
            return
        facts = accounts.account_facts(self.db, row.id)
        header = (
            f"{version.title}　作成: {version.created_by} {version.updated_at.astimezone(JST):%Y-%m-%d %H:%M}"
        )
        if version.approved_at:
            header += f"　承認: {version.approved_by} {version.approved_at.astimezone(JST):%Y-%m-%d %H:%M}"
        problems = pol.validate(version.data)
        note = (
            ("\n\n承認までに必要なこと:\n" + "\n".join(f"・{p}" for p in problems))
            if problems and version.status is PolicyStatus.DRAFT
            else ""
        )
        self.ui.policyView.setPlainText(header + "\n\n" + pol.render_text(version.data, facts) + note)
        self.ui.approvePolicyButton.setEnabled(
            version.status is PolicyStatus.DRAFT
            and row.status is not accounts.S.REQUESTED
            and accounts.may(self.db, self.actor, Permission.APPROVE_POLICY, row.id)
        )
        self.ui.diffButton.setEnabled(any(p.number < version.number for p in self.policies))

    def _show_checklist(self, row: AccountRow) -> None:
        items = accounts.checklist(self.db, row.id)
        table = self.ui.checklistTable
        table.setRowCount(len(items))
        for r, item in enumerate(items):
            when = item.at.astimezone(JST).strftime("%Y-%m-%d %H:%M") if item.at else ""
            for c, text in enumerate(
                (item.label, item.section, item.state_label, item.url, item.by, when, item.note)
            ):
                cell = QTableWidgetItem(text)
                if c == 2 and item.is_open:
                    cell.setForeground(Qt.GlobalColor.red)
                table.setItem(r, c, cell)
        self.ui.recordChecklistButton.setEnabled(
            accounts.may(self.db, self.actor, Permission.EDIT_CHECKLIST, row.id)
            and row.status not in (accounts.S.CLOSED, accounts.S.REJECTED)
        )

    def _show_credential(self, row: AccountRow) -> None:
        status = keyring_access.keyring_status()
        self.ui.keyringStatusLabel.setText(status.message)
        self.ui.keyringStatusLabel.setStyleSheet("" if status.usable else ERROR_STYLE)
        info = credentials.info(self.db, row.id)
        if info.exists and info.rotated_at:
            due = " ⚠ 変更時期を過ぎています" if row.credential_due else ""
            self.ui.credentialInfoLabel.setText(
                f"保存済み（最終変更 {info.rotated_at.astimezone(JST):%Y-%m-%d}、{info.set_by}）{due}\n保存場所: {info.where}"
            )
        else:
            self.ui.credentialInfoLabel.setText("まだ保存されていません。")
        manage = status.usable and accounts.may(self.db, self.actor, Permission.MANAGE_CREDENTIALS, row.id)
        use = (
            status.usable
            and info.exists
            and accounts.may(self.db, self.actor, Permission.USE_CREDENTIALS, row.id)
        )
        open_status = row.status not in (accounts.S.CLOSED, accounts.S.REJECTED, accounts.S.REQUESTED)
        self.ui.setCredentialButton.setEnabled(manage and open_status)
        self.ui.deleteCredentialButton.setEnabled(manage and info.exists)
        self.ui.copyIdButton.setEnabled(use)
        self.ui.copyPasswordButton.setEnabled(use)

    def _show_members(self, row: AccountRow) -> None:
        members = accounts.list_members(self.db, row.id)
        self.members = members
        table = self.ui.membersTable
        table.setRowCount(len(members))
        for r, member in enumerate(members):
            for c, text in enumerate(
                (
                    member.display_name,
                    member.login,
                    member.role.label,
                    member.assigned_at.astimezone(JST).strftime("%Y-%m-%d"),
                )
            ):
                table.setItem(r, c, QTableWidgetItem(text))
        manage = accounts.may(self.db, self.actor, Permission.MANAGE_ACCOUNT_MEMBERS, row.id)
        self.ui.addMemberButton.setEnabled(manage)
        self.ui.removeMemberButton.setEnabled(manage and bool(members))

    def _show_scopes(self, row: AccountRow) -> None:
        self.scopes = posts.list_scopes(self.db, row.id)
        now = pol.now_jst()
        table = self.ui.scopesTable
        table.setRowCount(len(self.scopes))
        for r, scope in enumerate(self.scopes):
            period = (
                f"{scope.valid_from.astimezone(JST):%Y-%m-%d}〜{scope.valid_until.astimezone(JST):%Y-%m-%d}"
            )
            state = "取り消し" if scope.revoked else ("有効" if scope.valid_at(now) else "期間外")
            for c, text in enumerate(
                (scope.title, "、".join(scope.categories), period, scope.approved_by, state)
            ):
                table.setItem(r, c, QTableWidgetItem(text))
        manage = accounts.may(self.db, self.actor, Permission.APPROVE_SCOPE, row.id)
        self.ui.addScopeButton.setEnabled(manage and row.status is accounts.S.ACTIVE)
        self.ui.revokeScopeButton.setEnabled(manage and any(not s.revoked for s in self.scopes))
        self.review = [p for p in posts.scope_posts_to_review(self.db, self.actor) if p.account_id == row.id]
        table = self.ui.reviewTable
        table.setRowCount(len(self.review))
        for r, post in enumerate(self.review):
            for c, text in enumerate((str(post.id), post.category, post.author, post.summary)):
                table.setItem(r, c, QTableWidgetItem(text))
        self.ui.reviewButton.setEnabled(manage and bool(self.review))

    # -- actions

    def add_scope(self) -> None:
        if (
            self.current
            and ScopeDialog(self.db, self.actor, self.current.id, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def revoke_scope(self) -> None:
        index = self.ui.scopesTable.currentRow()
        if not (0 <= index < len(self.scopes)):
            return
        scope = self.scopes[index]
        if confirm(
            self, f"事前承認の範囲「{scope.title}」を取り消しますか？これ以降は管理者の承認が必要になります。"
        ):
            self._run("revoke scope", lambda: posts.revoke_scope(self.db, self.actor, scope.id))

    def review_post(self) -> None:
        index = self.ui.reviewTable.currentRow()
        if 0 <= index < len(self.review):
            post = self.review[index]
            self._run("review scope post", lambda: posts.review_scope_post(self.db, self.actor, post.id))

    def _run(self, what: str, call, *, uses_keyring: bool = False) -> bool:  # type: ignore[no-untyped-def]
        return run_and_refresh(self, what, call, uses_keyring=uses_keyring)

    def request_account(self) -> None:
        dialog = AccountRequestDialog(self.db, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.account_id is not None:
            self.refresh(dialog.account_id)

    def decide(self, action: AccountAction) -> None:
        row = self.current
        if row is None:
            return
        if action is AccountAction.APPROVE_OPENING:
            if confirm(self, f"「{row.name}」の開設と運用ポリシー（第1版）を承認しますか？"):
                self._run(
                    "approve opening",
                    lambda: accounts.approve_opening(self.db, self.actor, row.id, row.version),
                    uses_keyring=True,  # signed with the 電子印鑑 key from the OS keyring
                )
        elif action is AccountAction.RESUME:
            if confirm(self, f"「{row.name}」の運用を再開しますか？"):
                self._run("resume", lambda: accounts.resume(self.db, self.actor, row.id, row.version))
        elif action is AccountAction.ACTIVATE:
            override = ""
            if row.open_items:
                if not accounts.may(self.db, self.actor, Permission.OVERRIDE_CHECKLIST, row.id):
                    show_error(
                        self,
                        ValidationError(
                            "成りすまし防止の措置（§3(3)）に未対応の項目があります:\n"
                            + "\n".join(f"・{i}" for i in row.open_items)
                            + "\n「成りすまし防止」タブで記録してから運用を開始してください。"
                        ),
                    )
                    return
                reason = ask_reason(
                    self,
                    "未完了のまま運用を開始",
                    "成りすまし防止の措置に未対応の項目があります:\n"
                    + "\n".join(f"・{i}" for i in row.open_items)
                    + "\n\nアカウント責任者として、このまま開始する理由を記録してください:",
                )
                if not reason:
                    return
                override = reason
            elif not confirm(self, f"「{row.name}」の運用を開始しますか？"):
                return
            self._run(
                "activate", lambda: accounts.activate(self.db, self.actor, row.id, row.version, override)
            )
        else:
            prompts = {
                AccountAction.REJECT: ("申請を却下", "却下の理由（申請者に伝わります）:"),
                AccountAction.SUSPEND: ("一時停止", "一時停止の理由（§8(4)）:"),
                AccountAction.CLOSE: ("閉鎖", "閉鎖の理由（広報課への廃止報告に記載します）:"),
            }
            title, prompt = prompts[action]
            reason = ask_reason(self, f"{row.name}: {title}", prompt)
            if not reason:
                return
            calls = {
                AccountAction.REJECT: accounts.reject_request,
                AccountAction.SUSPEND: accounts.suspend,
                AccountAction.CLOSE: accounts.close,
            }
            self._run(
                action.value,
                lambda: calls[action](self.db, self.actor, row.id, row.version, reason),
                uses_keyring=action in accounts.SIGNED_ACTIONS,
            )

    def edit_info(self) -> None:
        if (
            self.current
            and AccountInfoDialog(self.db, self.actor, self.current, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def edit_policy(self) -> None:
        if (
            self.current
            and PolicyDialog(self.db, self.actor, self.current.id, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()
            self.ui.versionsList.setCurrentRow(0)

    def approve_policy(self) -> None:
        version, row = self.selected_policy(), self.current
        if version is None or row is None:
            return
        if confirm(
            self,
            f"運用ポリシーの第{version.number}版を承認しますか？承認すると現行の版になり、投稿の確認に使われます。",
        ):
            self._run(
                "approve policy",
                lambda: accounts.approve_policy(self.db, self.actor, row.id, version.number, version.version),
                uses_keyring=True,  # signed with the 電子印鑑 key from the OS keyring
            )

    def show_diff(self) -> None:
        version, row = self.selected_policy(), self.current
        if version is None or row is None:
            return
        older = [p.number for p in self.policies if p.number < version.number]
        if not older:
            return
        diff = accounts.policy_diff(self.db, row.id, max(older), version.number)
        self.ui.policyView.setHtml(diff_html(diff) if diff else "違いはありません。")

    def copy_policy(self) -> None:
        if self.current:
            try:
                QGuiApplication.clipboard().setText(accounts.published_policy(self.db, self.current.id))
            except Exception as error:
                show_error(self, error, "copy policy")
                return
            inform(
                self, "公開用の運用ポリシーをコピーしました。市公式ホームページの原稿に貼り付けてください。"
            )

    def save_policy(self, *, as_html: bool) -> None:
        if not self.current:
            return
        suffix, kind = ("html", "HTML (*.html)") if as_html else ("txt", "テキスト (*.txt)")
        name, _f = QFileDialog.getSaveFileName(
            self, "運用ポリシーの保存", f"{self.current.name}_運用ポリシー.{suffix}", kind
        )
        if name:
            self.save_policy_to(Path(name), as_html=as_html)

    def save_policy_to(self, path: Path, *, as_html: bool) -> None:
        assert self.current is not None
        try:
            text = accounts.published_policy(self.db, self.current.id, as_html=as_html)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            show_error(self, ValidationError(f"保存できませんでした: {path}（{error.strerror}）"))
        except Exception as error:
            show_error(self, error, "save policy")

    def record_checklist(self) -> None:
        if not self.current or not self.ui.recordChecklistButton.isEnabled():
            return
        rows = accounts.checklist(self.db, self.current.id)
        index = self.ui.checklistTable.currentRow()
        key = rows[index].key if 0 <= index < len(rows) else None
        if (
            ChecklistDialog(self.db, self.actor, self.current.id, key, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def set_credential(self) -> None:
        if (
            self.current
            and CredentialDialog(self.db, self.actor, self.current.id, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def copy_credential(self, *, password: bool) -> None:
        if not self.current:
            return
        account_id, purpose = self.current.id, "copy password" if password else "copy id"
        try:
            secret = run_keyring_call(
                self, lambda: credentials.use_credential(self.db, self.actor, account_id, purpose)
            )
        except Cancelled:
            return
        except Exception as error:
            show_error(self, error, "use credential")
            return
        self.clipboard.copy(secret.password if password else secret.login_id)

    def _clipboard_tick(self, left: int) -> None:
        self.ui.clipboardLabel.setText(
            f"クリップボードにコピーしました。{left} 秒後に消去します。" if left else ""
        )

    def delete_credential(self) -> None:
        if self.current and confirm(
            self, f"「{self.current.name}」の認証情報をこの PC の資格情報ストアから削除しますか？"
        ):
            account_id = self.current.id
            self._run(
                "delete credential",
                lambda: credentials.delete_credential(self.db, self.actor, account_id),
                uses_keyring=True,
            )

    def add_member(self) -> None:
        if (
            self.current
            and MemberDialog(self.db, self.actor, self.current.id, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def remove_member(self) -> None:
        index = self.ui.membersTable.currentRow()
        if not self.current or not (0 <= index < len(self.members)):
            return
        member = self.members[index]
        if confirm(self, f"{member.display_name} を「{member.role.label}」から外しますか？"):
            self._run(
                "remove member",
                lambda: users.remove_account_role(
                    self.db, self.actor, self.current.id, member.user_id, member.role
                ),  # type: ignore[union-attr]
            )
