"""「投稿の連携」 of one account (issue 14 item 1): the アカウント管理者 connects X (the browser opens X's consent
page: OAuth 2.0 with PKCE) or LINE (the channel access token), the アカウント責任者 approves, the 管理者 removes.
The tokens go to this PC's OS keyring only; the dialog shows which PC holds them.  Who may do what is the
services' answer (the permission table)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import Platform
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import APP_TITLE, confirm, run_with_progress, show_error
from sns_desk.services import accounts, connections
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class ConnectionDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.account = accounts.get_account(db, actor, account_id)
        self.setWindowTitle(f"投稿の連携 — {APP_TITLE}")
        self.resize(600, 380)
        layout = QVBoxLayout(self)
        heading = QLabel(f"{self.account.name}（{self.account.platform.label}）")
        heading.setStyleSheet(style.DIALOG_TITLE_STYLE)
        layout.addWidget(heading)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)

        self.setup = QGroupBox("連携を設定する（アカウント管理者・この PC に保管）")
        form = QFormLayout(self.setup)
        self.client_id = QLineEdit()
        self.client_id.setPlaceholderText("X 開発者ポータルのアプリの OAuth 2.0 Client ID")
        self.client_id.setAccessibleName("X の Client ID")
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName("LINE のチャネルアクセストークン（長期）")
        self.audience = QLineEdit()
        self.audience.setPlaceholderText("空欄なら友だち全員（ブロードキャスト）")
        self.audience.setAccessibleName("LINE のオーディエンス ID")
        self.connect_button = QPushButton()
        self.connect_button.clicked.connect(self.connect_account)
        platform = self.account.platform
        if platform is Platform.X:
            form.addRow("Client ID:", self.client_id)
            self.connect_button.setText("X と連携（ブラウザで許可画面が開きます）")
        elif platform is Platform.LINE:
            form.addRow("チャネルアクセストークン:", self.token)
            form.addRow("オーディエンス ID:", self.audience)
            self.connect_button.setText("LINE と連携")
        form.addRow(self.connect_button)
        layout.addWidget(self.setup)

        row = QHBoxLayout()
        self.approve_button = QPushButton("連携を承認（アカウント責任者）")
        self.approve_button.clicked.connect(self.approve)
        row.addWidget(self.approve_button)
        self.remove_button = QPushButton("連携を解除")
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        self.info = connections.connection_of(self.db, self.actor, self.account_id)
        connectable = self.account.platform in (Platform.X, Platform.LINE)
        manage = accounts.may(self.db, self.actor, Permission.MANAGE_CREDENTIALS, self.account_id)
        approve = accounts.may(self.db, self.actor, Permission.APPROVE_CONNECTION, self.account_id)
        if not connectable:
            self.state.setText(
                f"{self.account.platform.label} への投稿は手作業です（「投稿する」で本文をコピーし、URL を記録します）。"
            )
        elif self.info is None:
            self.state.setText("連携されていません（手作業で投稿します）。")
        else:
            self.state.setText(self.info.status_text())
        self.state.setStyleSheet(style.OK_STYLE if self.info and self.info.approved else "")
        self.setup.setVisible(connectable)
        self.setup.setEnabled(manage)
        self.setup.setToolTip("" if manage else "連携を設定できるのはアカウント管理者です（§3(3)ウ）。")
        self.approve_button.setEnabled(approve and self.info is not None and not self.info.approved)
        self.remove_button.setEnabled(manage and self.info is not None)

    def connect_account(self) -> None:
        try:
            if self.account.platform is Platform.X:
                client_id = self.client_id.text()
                info = run_with_progress(
                    self,
                    "ブラウザの X の画面で「許可」を押してください…",
                    lambda progress, cancelled: connections.connect_x(
                        self.db, self.actor, self.account_id, client_id
                    ),
                )
                self.note.setText(
                    f"X の {info.remote_name} と連携しました。アカウント責任者の承認後に使えます。"
                )
            else:
                token, audience = self.token.text(), self.audience.text()
                quota = run_with_progress(
                    self,
                    "LINE に接続しています…",
                    lambda progress, cancelled: connections.connect_line(
                        self.db, self.actor, self.account_id, token, audience
                    ),
                )
                self.token.clear()
                self.note.setText(
                    f"LINE と連携しました（{quota.text()}）。アカウント責任者の承認後に使えます。"
                )
        except Exception as error:
            show_error(self, error, "connect account")
        self.load()

    def approve(self) -> None:
        if self.info is None:
            return
        try:
            connections.approve_connection(self.db, self.actor, self.account_id, self.info.version)
        except Exception as error:
            show_error(self, error, "approve connection")
        else:
            self.note.setText("連携を承認しました。")
        self.load()

    def remove(self) -> None:
        if not confirm(self, "連携を解除しますか？（この PC のトークンも消します）"):
            return
        try:
            connections.disconnect(self.db, self.actor, self.account_id)
        except Exception as error:
            show_error(self, error, "remove connection")
        else:
            self.note.setText("連携を解除しました。")
        self.load()
