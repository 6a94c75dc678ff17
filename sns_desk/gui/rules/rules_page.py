"""チェック規則: the office's layer of the check rules and each account's additions (docs/rules.md), with the
difference from a saved version, 「この文で試す」 under the edited rules, and the account's standing exceptions.

Everybody may read the rules in force; the editor is writable only for the people the services say may change
the layer shown (課の規則: システム管理者・広報課; an account's additions and exceptions: its アカウント管理者).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain import rule_layers as rl
from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import Platform
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import inform, run_and_refresh, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row, show_list
from sns_desk.services import check_exceptions, check_rules
from sns_desk.services.accounts import list_accounts
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

SAMPLE = "大雨の情報は日本気象協会 https://tenki.jp/bosai/warning/ をご覧ください。ポッドキャストは https://spoti.fi/abcd から。"


def _severity_colour(finding: checks.Finding) -> str:
    return style.ERROR if finding.severity is checks.Severity.ERROR else style.WARNING


class RulesPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.view: check_rules.RulesView | None = None
        self.versions: list[check_rules.LayerVersion] = []
        layout = QVBoxLayout(self)
        title = QLabel("チェック規則")
        style.title(title)
        layout.addWidget(title)
        intro = QLabel(
            "下書きのチェックは、市の規則ファイル → 課の規則 → アカウントの追加 の順に重ねた規則で行います。"
            "課の規則はデータベースに保存され、すべての PC で次のチェックから使われます。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        target_row = QHBoxLayout()
        target_row.addWidget(QLabel("対象:"))
        self.target = QComboBox()
        self.target.addItem("課の規則（全アカウント共通）", None)
        try:
            for account in list_accounts(db, actor):
                self.target.addItem(f"アカウントの追加: {account.name}", account.id)
        except Exception as error:
            show_error(self, error, "listing accounts for the rules page")
        target_row.addWidget(self.target, 1)
        target_row.addWidget(QLabel("市の規則:"))
        self.city = QComboBox()
        self.city.setToolTip("市の規則ファイルを選べるのはシステム管理者です（設定時に一度）。")
        target_row.addWidget(self.city)
        self.status = QLabel()
        target_row.addWidget(self.status, 2)
        layout.addLayout(target_row)

        splitter = QSplitter()
        layout.addWidget(splitter, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            QLabel('この層の規則（JSON。リストは [追加] または {"add": […], "remove": […]}）')
        )
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("layerEdit")
        left_layout.addWidget(self.editor, 1)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        left_layout.addWidget(self.problems)
        save_row = QHBoxLayout()
        self.note = QLineEdit()
        self.note.setPlaceholderText("変更の理由（版の履歴と監査ログに残ります）")
        save_row.addWidget(self.note, 1)
        self.save_button = QPushButton("保存")
        save_row.addWidget(self.save_button)
        left_layout.addLayout(save_row)
        splitter.addWidget(left)

        self.tabs = QTabWidget()
        splitter.addWidget(self.tabs)
        splitter.setSizes([420, 660])
        self.tabs.addTab(self._diff_tab(), "差分")
        self.tabs.addTab(self._try_tab(), "この文で試す")
        self.tabs.addTab(self._exceptions_tab(), "例外")

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(300)
        self._validate_timer.timeout.connect(self.validate)
        self.editor.textChanged.connect(lambda: self._validate_timer.start())
        self.target.currentIndexChanged.connect(lambda _i: self.refresh())
        self.city.activated.connect(lambda _i: self.choose_city())
        self.compare.currentIndexChanged.connect(lambda _i: self.show_diff())
        self.save_button.clicked.connect(self.save)
        self.try_button.clicked.connect(self.try_sample)
        self.except_button.clicked.connect(self.except_selected)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.refresh()

    # -- building the tabs

    def _diff_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        row.addWidget(QLabel("比べる版:"))
        self.compare = QComboBox()
        row.addWidget(self.compare, 1)
        layout.addLayout(row)
        self.diff_view = QTextBrowser()
        layout.addWidget(self.diff_view, 1)
        return tab

    def _try_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel("試す文（保存前の規則でチェックします。何も保存されません）"))
        self.sample = QPlainTextEdit(SAMPLE)
        self.sample.setMaximumHeight(110)
        layout.addWidget(self.sample)
        row = QHBoxLayout()
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform.label, platform.value)
        row.addWidget(self.platform)
        self.try_button = QPushButton("この文で試す")
        row.addWidget(self.try_button)
        row.addStretch(1)
        self.except_button = QPushButton("選んだ注意を例外にする…")
        row.addWidget(self.except_button)
        layout.addLayout(row)
        self.result = QLabel()
        layout.addWidget(self.result)
        self.findings_model: TableModel[checks.Finding] = TableModel(
            [
                Column("種類", lambda f: f.severity.label, colour=_severity_colour),
                Column("根拠", lambda f: f.section),
                Column("箇所", lambda f: self._tried[f.start : f.end]),
                Column("内容", lambda f: f.message, tip=lambda f: f.message),
            ]
        )
        self._tried = ""
        self.findings_table = QTableView()
        self.findings_table.setObjectName("findingsTable")
        self.findings_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        show_list(self.findings_table, self.findings_model)
        layout.addWidget(self.findings_table, 1)
        return tab

    def _exceptions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.exceptions_note = QLabel()
        self.exceptions_note.setWordWrap(True)
        layout.addWidget(self.exceptions_note)
        today = pol.now_jst().date()
        self.exceptions_model: TableModel[check_exceptions.ExceptionRow] = TableModel(
            [
                Column(
                    "状態",
                    lambda r: r.state(today),
                    colour=lambda r: style.OK if r.state(today) == "有効" else style.MUTED,
                ),
                Column("期限", lambda r: f"{r.exception.expires_on:%Y-%m-%d}"),
                Column("語句・ドメイン", lambda r: r.exception.matched),
                Column("注意", lambda r: check_exceptions.rule_label(r.exception.rule)),
                Column("登録", lambda r: r.created_by),
                Column("理由", lambda r: r.exception.reason, tip=lambda r: r.exception.reason),
            ]
        )
        self.exceptions_table = QTableView()
        self.exceptions_table.setObjectName("exceptionsTable")
        self.exceptions_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        show_list(self.exceptions_table, self.exceptions_model)
        layout.addWidget(self.exceptions_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.revoke_button = QPushButton("選んだ例外を取り消す")
        row.addWidget(self.revoke_button)
        layout.addLayout(row)
        return tab

    # -- reading

    @property
    def account_id(self) -> int | None:
        value = self.target.currentData()
        return int(value) if value is not None else None

    def _layer(self) -> check_rules.LayerVersion:
        assert self.view is not None
        return self.view.account if self.view.account is not None else self.view.office

    def may_edit(self) -> bool:
        if self.view is None:
            return False
        return self.view.may_edit_account if self.account_id is not None else self.view.may_edit_office

    def refresh(self) -> None:
        try:
            self.view = check_rules.view(self.db, self.actor, self.account_id)
            self.versions = check_rules.history(self.db, self.actor, self.account_id)
        except Exception as error:
            show_error(self, error, "loading the check rules")
            return
        layer = self._layer()
        editable = self.may_edit()
        self.editor.blockSignals(True)
        self.editor.setPlainText(rl.layer_text(layer.content))
        self.editor.blockSignals(False)
        self.editor.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        self.note.setEnabled(editable)
        who = "アカウント管理者" if self.account_id is not None else "広報課・システム管理者"
        reason = "" if editable else f"（閲覧のみ: 変更できるのは{who}です）"
        self.save_button.setToolTip(reason)
        self.status.setText(f"この層: {layer.title()}{reason}")
        self.city.blockSignals(True)
        self.city.clear()
        for name in check_rules.available_cities():
            self.city.addItem(f"{name}.json", name)
        self.city.setCurrentIndex(self.city.findData(self.view.city))
        self.city.setEnabled(self.view.may_choose_city)
        self.city.blockSignals(False)
        self.compare.blockSignals(True)
        self.compare.clear()
        for version in self.versions:
            self.compare.addItem(version.title(), version.number)
        self.compare.addItem("（何もない状態）", 0)
        self.compare.blockSignals(False)
        self._refresh_exceptions()
        self.validate()

    def _refresh_exceptions(self) -> None:
        account_id = self.account_id
        manages = account_id is not None and self.view is not None and self.view.may_edit_account
        self.except_button.setEnabled(manages)
        self.revoke_button.setEnabled(manages)
        tip = "" if manages else "注意の例外を登録・取り消しできるのは、そのアカウントの管理者です。"
        self.except_button.setToolTip(tip)
        self.revoke_button.setToolTip(tip)
        if account_id is None:
            self.exceptions_model.set_rows([])
            self.exceptions_note.setText(
                "例外はアカウントごとに登録します。上の「対象」でアカウントを選んでください。"
            )
            return
        self.exceptions_note.setText(
            "例外の注意は、投稿者に理由を求めず、一覧にも出しません（期限が過ぎると自動で元に戻ります）。"
            "エラーは例外にできません。"
        )
        try:
            rows = check_exceptions.list_exceptions(self.db, self.actor, account_id, include_ended=True)
        except Exception as error:
            show_error(self, error, "listing standing exceptions")
            rows = []
        self.exceptions_model.set_rows(rows)

    def choose_city(self) -> None:
        name = str(self.city.currentData())
        if self.view is not None and name != self.view.city:
            run_and_refresh(
                self, "choosing the city rules", lambda: check_rules.set_city(self.db, self.actor, name)
            )

    # -- editing

    def edited(self) -> dict[str, object] | None:
        """The layer as typed, or None (with the reason shown) when it is not valid JSON."""
        try:
            return rl.parse_layer(self.editor.toPlainText())
        except SnsDeskError as error:
            self._show_problems([error.message])
            return None

    def validate(self) -> list[str]:
        layer = self.edited()
        if layer is None:
            return ["json"]
        try:
            found = check_rules.problems(self.db, self.actor, layer, self.account_id)
        except Exception as error:
            show_error(self, error, "validating the check rules")
            return ["error"]
        self._show_problems(found)
        self.show_diff()
        return found

    def _show_problems(self, found: list[str]) -> None:
        if found:
            self.problems.setStyleSheet(style.ERROR_STYLE)
            self.problems.setText("\n".join(f"・{p}" for p in found))
        else:
            self.problems.setStyleSheet(style.OK_STYLE)
            self.problems.setText("規則の書き方に問題はありません。")

    def show_diff(self) -> None:
        layer = self.edited()
        if layer is None:
            return
        number = self.compare.currentData()
        old = next((v for v in self.versions if v.number == number), check_rules.LayerVersion(0, {}))
        lines = rl.difference(old.content, layer, old.title(), "編集中")
        self.diff_view.setHtml(style.diff_html("\n".join(lines)) if lines else "違いはありません。")

    def save(self) -> None:
        layer = self.edited()
        if layer is None or self.validate():
            return
        number = self._layer().number
        if run_and_refresh(
            self,
            "saving the check rules",
            lambda: check_rules.save_layer(
                self.db, self.actor, layer, number, self.note.text(), self.account_id
            ),
        ):
            self.note.clear()
            inform(self, "保存しました。すべての PC で次のチェックから使われます（監査ログに記録）。")

    # -- trying a text

    def try_sample(self) -> None:
        layer = self.edited()
        if layer is None:
            return
        text = self.sample.toPlainText()
        platform = Platform(self.platform.currentData())
        try:
            if self.account_id is None:
                found = check_rules.try_text(self.db, self.actor, text, platform, office=layer)
            else:
                found = check_rules.try_text(
                    self.db, self.actor, text, platform, account=layer, account_id=self.account_id
                )
        except Exception as error:
            show_error(self, error, "trying a text under the edited rules")
            return
        self._tried = text
        self.findings_model.set_rows(found)
        errors, warnings = len(checks.errors(found)), len(checks.warnings(found))
        if not found:
            self.result.setStyleSheet(style.OK_STYLE)
            self.result.setText("指摘はありません。")
        else:
            self.result.setStyleSheet(style.ERROR_STYLE if errors else style.WARNING_STYLE)
            self.result.setText(f"エラー {errors} 件・注意 {warnings} 件（編集中の規則で）")

    def except_selected(self) -> None:
        finding = selected_row(self.findings_table, self.findings_model)
        account_id = self.account_id
        if finding is None or account_id is None:
            inform(self, "「この文で試す」の結果から、例外にする注意を選んでください。")
            return
        refusal = rl.exception_refusal(finding)
        if refusal:
            inform(self, refusal)
            return
        dialog = ExceptionDialog(rl.subject(finding, self._tried), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text = self._tried
        run_and_refresh(
            self,
            "adding a standing exception",
            lambda: check_exceptions.add_from_finding(
                self.db, self.actor, account_id, finding, text, dialog.reason(), dialog.expires_on()
            ),
        )
        self.tabs.setCurrentIndex(2)

    def revoke_selected(self) -> None:
        row = selected_row(self.exceptions_table, self.exceptions_model)
        if row is None:
            return
        run_and_refresh(
            self,
            "revoking a standing exception",
            lambda: check_exceptions.revoke_exception(self.db, self.actor, row.exception.id),
        )


class ExceptionDialog(QDialog):
    """The reason and the expiry of a new standing exception."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("注意を例外にする")
        layout = QFormLayout(self)
        layout.addRow("対象", QLabel(subject))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText("例: 気象庁の警報ページ。毎回確認済み")
        layout.addRow("理由", self.reason_edit)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        today = pol.now_jst().date()
        self.until.setMinimumDate(QDate(today.year, today.month, today.day))
        ahead = QDate(today.year, today.month, today.day).addMonths(6)
        self.until.setDate(ahead)
        layout.addRow("期限", self.until)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def reason(self) -> str:
        return self.reason_edit.text()

    def expires_on(self) -> date:
        value = self.until.date()
        return date(value.year(), value.month(), value.day())
