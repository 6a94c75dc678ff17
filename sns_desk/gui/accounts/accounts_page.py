"""アカウント: the list and the detail with its tabs (情報, 運用ポリシー, 成りすまし防止, 認証情報, 事前承認, 担当者), and
the 責任者's decisions.  Each dialog lives in its own module beside this one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QPushButton, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.account_states import credentials_refusal
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import PolicyStatus
from sns_desk.gui import style
from sns_desk.gui.accounts.account_info_dialog import AccountInfoDialog
from sns_desk.gui.accounts.account_request_dialog import AccountRequestDialog
from sns_desk.gui.accounts.checklist_dialog import ChecklistDialog
from sns_desk.gui.accounts.connection_dialog import ConnectionDialog
from sns_desk.gui.accounts.credential_dialog import CredentialDialog
from sns_desk.gui.accounts.deputy_dialog import DeputyDialog
from sns_desk.gui.accounts.member_dialog import MemberDialog
from sns_desk.gui.accounts.policy_dialog import PolicyDialog
from sns_desk.gui.accounts.scope_dialog import ScopeDialog
from sns_desk.gui.forms.ui_accountspage import Ui_AccountsPage
from sns_desk.gui.help.section_links import SECTION_TIP, link_column
from sns_desk.gui.shared.interaction import (
    Cancelled,
    SecretClipboard,
    ask_reason,
    confirm,
    explain,
    inform,
    run_and_refresh,
    run_keyring_call,
    show_error,
)
from sns_desk.gui.shared.item_models import (
    Column,
    TableModel,
    jst,
    selected_row,
    show_filtered_list,
    show_list,
)
from sns_desk.host import keyring_access
from sns_desk.services import (
    account_checklist,
    account_policies,
    accounts,
    credentials,
    post_queries,
    post_scopes,
    users,
)
from sns_desk.services.accounts import AccountAction, AccountRow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

ACCOUNT_COLUMNS: tuple[Column[AccountRow], ...] = (
    Column("種類", lambda r: r.platform.label),
    Column("アカウント名", lambda r: r.name),
    Column("状態", lambda r: r.status.label),
    Column("運用部署", lambda r: r.department),
    Column(
        "未対応の措置",
        lambda r: (
            (f"{len(r.open_items)} 件" if r.open_items else "なし")
            + ("（パスワード変更時期）" if r.credential_due else "")
        ),
        tip=lambda r: "\n".join(r.open_items) or "すべて対応済み",
        colour=lambda r: style.ERROR if r.open_items or r.credential_due else None,
    ),
    Column(
        "広報課への報告",
        lambda r: r.unreported or "済み",
        tip=lambda r: "「報告書」で作成し、送付済みとして記録してください（§3(2)）。" if r.unreported else "",
        colour=lambda r: style.WARNING if r.unreported else None,
    ),
    Column("責任者", lambda r: "、".join(r.responsible)),
    Column("管理者", lambda r: "、".join(r.managers)),
)
CHECKLIST_COLUMNS: tuple[Column[account_checklist.ChecklistRow], ...] = (
    Column("項目", lambda r: r.label),
    Column("根拠", lambda r: r.section, tip=lambda _r: SECTION_TIP, colour=lambda _r: style.ACCENT),
    Column("状態", lambda r: r.state_label, colour=lambda r: style.ERROR if r.is_open else None),
    Column("URL", lambda r: r.url),
    Column("記録者", lambda r: r.by),
    Column("日時", lambda r: jst(r.at, "%Y-%m-%d %H:%M")),
    Column("メモ", lambda r: r.note),
)
MEMBER_COLUMNS: tuple[Column[accounts.MemberRow], ...] = (
    Column("氏名", lambda r: r.display_name),
    Column("ログイン名", lambda r: r.login),
    Column("役割", lambda r: r.role.label),
    Column("割り当て日", lambda r: jst(r.assigned_at, "%Y-%m-%d")),
)
SCOPE_COLUMNS: tuple[Column[post_scopes.ScopeRow], ...] = (
    Column("名前", lambda r: r.title),
    Column("ひな形", lambda r: r.template if r.has_template else "（ひな形なし）", tip=lambda r: r.template),
    Column("有効期間", lambda r: f"{jst(r.valid_from, '%Y-%m-%d')}〜{jst(r.valid_until, '%Y-%m-%d')}"),
    Column("承認者", lambda r: f"{r.approved_by}（第{r.number}版）"),
    Column(
        "状態",
        lambda r: r.state(pol.now_jst()),
        colour=lambda r: style.WARNING if not r.revoked and not r.has_template else None,
    ),
)


class AccountsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_AccountsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.headerLabel.setStyleSheet(style.LARGE_HEADER_STYLE)
        self.model = TableModel(ACCOUNT_COLUMNS, self)
        self.proxy = show_filtered_list(self.ui.accountsTable, self.model, self.ui.filterEdit)
        self.ui.splitter.setSizes([520, 680])
        self.ui.pageLayout.setStretch(1, 1)  # the list and detail take the height, not the title
        self.ui.accountsTable.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
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
        self.ui.connectionButton.clicked.connect(self.open_connection)
        self.ui.addScopeButton.clicked.connect(self.add_scope)
        self.ui.changeScopeButton.clicked.connect(self.change_scope)
        self.ui.scopesTable.doubleClicked.connect(lambda _i: self.change_scope())
        self.ui.reviewLabel.linkActivated.connect(self._open_reviews)
        self.ui.revokeScopeButton.clicked.connect(self.revoke_scope)
        self.ui.addMemberButton.clicked.connect(self.add_member)
        self.ui.removeMemberButton.clicked.connect(self.remove_member)
        self.deputy_button = QPushButton("代決者と管理者の不在…")  # 代決 (§5(1))
        self.deputy_button.setToolTip("管理者に代わって投稿を決定する人と、その期間を指定します")
        self.ui.memberButtons.insertWidget(2, self.deputy_button)
        self.deputy_button.clicked.connect(self.edit_deputies)
        self.clipboard = SecretClipboard(30, self)
        self.clipboard.tick.connect(self._clipboard_tick)
        self.checklist_model = TableModel(CHECKLIST_COLUMNS, self)
        self.members_model = TableModel(MEMBER_COLUMNS, self)
        self.scopes_model = TableModel(SCOPE_COLUMNS, self)
        show_list(self.ui.checklistTable, self.checklist_model)
        link_column(self.ui.checklistTable, self.checklist_model, 1, lambda r: r.section)
        show_list(self.ui.membersTable, self.members_model)
        show_list(self.ui.scopesTable, self.scopes_model)
        self.current: AccountRow | None = None
        self.policies: list[account_policies.PolicyRow] = []
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
        row = selected_row(self.ui.accountsTable, self.model)
        return row.id if row is not None else None

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

        dates = (jst(when, "%Y-%m-%d") or "—" for when in (row.opened_at, row.activated_at, row.closed_at))
        ui.datesValue.setText("開設承認 {}　運用開始 {}　閉鎖 {}".format(*dates))
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
        self.policies = account_policies.list_policies(self.db, self.actor, row.id)
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

    def selected_policy(self) -> account_policies.PolicyRow | None:
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
        facts = account_policies.account_facts(self.db, self.actor, row.id)
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
        self.checklist_model.set_rows(account_checklist.checklist(self.db, self.actor, row.id))
        self.ui.recordChecklistButton.setEnabled(
            accounts.may(self.db, self.actor, Permission.EDIT_CHECKLIST, row.id)
            and row.status not in (accounts.S.CLOSED, accounts.S.REJECTED)
        )

    def _show_credential(self, row: AccountRow) -> None:
        status = keyring_access.keyring_status()
        self.ui.keyringStatusLabel.setText(status.message)
        self.ui.keyringStatusLabel.setStyleSheet("" if status.usable else style.ERROR_STYLE)
        info = credentials.info(self.db, self.actor, row.id)
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
        refusal = credentials_refusal(row.status)  # which account states keep credentials (§3(3)ウ)
        self.ui.setCredentialButton.setEnabled(manage and not refusal)
        explain(self.ui.setCredentialButton, refusal)
        self.ui.deleteCredentialButton.setEnabled(manage and info.exists)
        self.ui.copyIdButton.setEnabled(use)
        self.ui.copyPasswordButton.setEnabled(use)

    def _show_members(self, row: AccountRow) -> None:
        members = accounts.list_members(self.db, self.actor, row.id)
        self.members_model.set_rows(members)
        manage = accounts.may(self.db, self.actor, Permission.MANAGE_ACCOUNT_MEMBERS, row.id)
        self.ui.addMemberButton.setEnabled(manage)
        self.ui.removeMemberButton.setEnabled(manage and bool(members))

    def _show_scopes(self, row: AccountRow) -> None:
        scopes = post_scopes.list_scopes(self.db, self.actor, row.id)
        self.scopes_model.set_rows(scopes)
        manage = accounts.may(self.db, self.actor, Permission.APPROVE_SCOPE, row.id)
        self.ui.addScopeButton.setEnabled(manage and row.status is accounts.S.ACTIVE)
        self.ui.revokeScopeButton.setEnabled(manage and any(not s.revoked for s in scopes))
        self.ui.changeScopeButton.setEnabled(manage and any(not s.revoked for s in scopes))
        reviews = [r for r in post_queries.scope_reviews(self.db, self.actor) if r.post.account_id == row.id]
        late = sum(r.overdue() for r in reviews)
        self.ui.reviewLabel.setText(
            f"範囲内で出た投稿のうち、管理者が未確認のものが {len(reviews)} 件"
            + (f"（うち確認の期限切れ {late} 件）" if late else "")
            + 'あります。<a href="approvals">「承認待ち」の「事前承認の確認」</a>で確認します（§5(2)）。'
            if reviews
            else ""
        )

    # -- actions

    def add_scope(self) -> None:
        if (
            self.current
            and ScopeDialog(self.db, self.actor, self.current.id, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def revoke_scope(self) -> None:
        scope = selected_row(self.ui.scopesTable, self.scopes_model)
        if scope is None:
            return
        if confirm(
            self, f"事前承認の範囲「{scope.title}」を取り消しますか？これ以降は管理者の承認が必要になります。"
        ):
            self._run("revoke scope", lambda: post_scopes.revoke_scope(self.db, self.actor, scope.id))

    def change_scope(self) -> None:
        """The 管理者 changes the selected scope, or gives one from before templates its template (§5(2))."""
        scope = selected_row(self.ui.scopesTable, self.scopes_model)
        if (
            scope is None
            or scope.revoked
            or self.current is None
            or not self.ui.changeScopeButton.isEnabled()
        ):
            return
        dialog = ScopeDialog(self.db, self.actor, self.current.id, self, scope)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def _open_reviews(self, page: str) -> None:
        """「事前承認の確認」 lives in one place, 承認待ち; the main window opens it."""
        show_page = getattr(self.window(), "show_page", None)
        if callable(show_page):
            show_page(page)

    def _run(self, what: str, call: Callable[[], object], *, uses_keyring: bool = False) -> bool:
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
                lambda: account_policies.approve_policy(
                    self.db, self.actor, row.id, version.number, version.version
                ),
                uses_keyring=True,  # signed with the 電子印鑑 key from the OS keyring
            )

    def show_diff(self) -> None:
        version, row = self.selected_policy(), self.current
        if version is None or row is None:
            return
        older = [p.number for p in self.policies if p.number < version.number]
        if not older:
            return
        diff = account_policies.policy_diff(self.db, self.actor, row.id, max(older), version.number)
        self.ui.policyView.setHtml(style.diff_html(diff) if diff else "違いはありません。")

    def copy_policy(self) -> None:
        if self.current:
            try:
                QGuiApplication.clipboard().setText(
                    account_policies.published_policy(self.db, self.actor, self.current.id)
                )
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
            text = account_policies.published_policy(self.db, self.actor, self.current.id, as_html=as_html)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            show_error(self, ValidationError(f"保存できませんでした: {path}（{error.strerror}）"))
        except Exception as error:
            show_error(self, error, "save policy")

    def record_checklist(self) -> None:
        if not self.current or not self.ui.recordChecklistButton.isEnabled():
            return
        item = selected_row(self.ui.checklistTable, self.checklist_model)
        key = item.key if item is not None else None
        if (
            ChecklistDialog(self.db, self.actor, self.current.id, key, self).exec()
            == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def open_connection(self) -> None:
        """「投稿の連携」: set up (管理者), approve (責任者) or remove the account's connection to X or LINE."""
        if self.current:
            ConnectionDialog(self.db, self.actor, self.current.id, self).exec()

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
        row = self.current
        if row and confirm(self, f"「{row.name}」の認証情報をこの PC の資格情報ストアから削除しますか？"):
            self._run(
                "delete credential",
                lambda: credentials.delete_credential(self.db, self.actor, row.id),
                uses_keyring=True,
            )

    def add_member(self) -> None:
        if (
            self.current
            and MemberDialog(self.db, self.actor, self.current.id, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.refresh()

    def edit_deputies(self) -> None:
        if self.current:
            DeputyDialog(self.db, self.actor, self.current.id, self).exec()
            self.refresh()

    def remove_member(self) -> None:
        row, member = self.current, selected_row(self.ui.membersTable, self.members_model)
        if row is None or member is None:
            return
        if confirm(self, f"{member.display_name} を「{member.role.label}」から外しますか？"):
            self._run(
                "remove member",
                lambda: users.remove_account_role(self.db, self.actor, row.id, member.user_id, member.role),
            )
