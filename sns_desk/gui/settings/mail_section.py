"""設定 › メールのお知らせ: which notices this person receives; for the システム管理者 the office's mail server and
what could not be sent (issue 16, item 1)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import Cancelled, inform, run_keyring_call, run_with_progress, show_error
from sns_desk.gui.shared.item_models import Column, TableModel
from sns_desk.host.mail_transport import MailServer, Security, sending_pc
from sns_desk.services import mail_outbox, mail_settings, users
from sns_desk.services.actors import Actor
from sns_desk.services.mail_outbox import OutboxRow
from sns_desk.store.database import Database

OUTBOX_COLUMNS: list[Column[OutboxRow]] = [
    Column("お知らせ", lambda r: r.kind.label),
    Column("対象", lambda r: f"{r.kind.item} {r.number}号"),
    Column("宛先", lambda r: f"{r.recipient} <{r.address}>"),
    Column("失敗", lambda r: f"{r.attempts} 回", right=True),
    Column(
        "次の再送",
        lambda r: (
            "中止（再送ボタンで再開）" if r.given_up else f"{r.next_attempt_at.astimezone(JST):%m/%d %H:%M}"
        ),
        colour=lambda r: style.ERROR if r.given_up else style.WARNING,
    ),
    Column("理由", lambda r: r.last_error, tip=lambda r: r.last_error),
]


class MailSection(QGroupBox):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("メールのお知らせ", parent)
        self.db = db
        self.actor = actor
        layout = QVBoxLayout(self)
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        layout.addWidget(self.address_label)
        self.kind_boxes: dict[MailKind, QCheckBox] = {}
        kinds = QHBoxLayout()
        column = QVBoxLayout()
        for i, kind in enumerate(MailKind):
            box = QCheckBox(f"{kind.label}（{kind.section}）")
            box.setToolTip(f"「{kind.label}」のお知らせをメールと通知領域で受け取ります。")
            self.kind_boxes[kind] = box
            column.addWidget(box)
            if i % 4 == 3:
                kinds.addLayout(column)
                column = QVBoxLayout()
        kinds.addLayout(column)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.kinds_save = QPushButton("受け取るお知らせを保存")
        self.kinds_save.setToolTip("チェックを外した種類のお知らせは、メールでも通知領域でも届きません。")
        self.kinds_save.clicked.connect(self.save_kinds)
        layout.addWidget(self.kinds_save)

        self.admin = users.may(db, actor, Permission.MANAGE_DATABASE)
        self.server_box = QGroupBox("メールサーバー（システム管理者）")
        form = QFormLayout(self.server_box)
        self.host = QLineEdit()
        self.host.setPlaceholderText("smtp.city.example.lg.jp")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.security = QComboBox()
        for security in Security:
            self.security.addItem(security.label, security.value)
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText("sns-desk@city.example.lg.jp")
        self.user = QLineEdit()
        self.user.setPlaceholderText("ログインが不要なら空欄")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("変更しないときは空欄（この PC の資格情報ストアに保管）")
        form.addRow("サーバー", self.host)
        form.addRow("ポート", self.port)
        form.addRow("暗号化", self.security)
        form.addRow("送信元アドレス", self.sender_edit)
        form.addRow("ユーザー名", self.user)
        form.addRow("パスワード", self.password)
        self.server_save = QPushButton("メールサーバーを保存")
        self.server_save.setToolTip(
            "パスワードはデータベースには保存されず、この PC の資格情報ストアに入ります。"
        )
        self.server_save.clicked.connect(self.save_server)
        form.addRow("", self.server_save)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        form.addRow("送信の状況", self.status_label)
        self.outbox = TableModel(OUTBOX_COLUMNS, self)
        self.outbox_view = QTableView()
        self.outbox_view.setObjectName("outboxTable")
        self.outbox_view.setModel(self.outbox)
        self.outbox_view.setMinimumHeight(110)
        self.outbox_view.horizontalHeader().setStretchLastSection(True)
        self.outbox_view.verticalHeader().hide()
        form.addRow(self.outbox_view)
        buttons = QHBoxLayout()
        self.send_button = QPushButton("今すぐ送る")
        self.send_button.setToolTip("送信時期の来たお知らせを、この PC から今送ります。")
        self.send_button.clicked.connect(self.send_now)
        self.retry_button = QPushButton("送れなかったものを再送")
        self.retry_button.setToolTip("送れなかったお知らせを、すべてもう一度送ります。")
        self.retry_button.clicked.connect(self.retry)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.server_box.setVisible(self.admin)
        layout.addWidget(self.server_box)
        self.refresh()

    def refresh(self) -> None:
        mine = mail_settings.my_kinds(self.db, self.actor)
        self.address_label.setText(
            f"あなたの宛先: {mine.address}（変更はシステム管理者が「利用者」で行います）"
            if mine.address
            else "あなたのメールアドレスが登録されていません。お知らせはアプリの中と通知領域だけに表示されます"
            "（登録はシステム管理者が「利用者」で行います）。"
        )
        for choice in mine.choices:
            self.kind_boxes[choice.kind].setChecked(choice.enabled)
        if not self.admin:
            return
        server = mail_settings.mail_server(self.db, self.actor)
        if server is not None:
            self.host.setText(server.host)
            self.port.setValue(server.port)
            self.security.setCurrentIndex(max(0, self.security.findData(server.security.value)))
            self.sender_edit.setText(server.sender)
            self.user.setText(server.user)
        status = mail_outbox.outbox_status(self.db, self.actor)
        if not status.configured:
            text = "メールサーバーが設定されていません。お知らせはメールでは送られません。"
        else:
            text = f"送信待ち {status.waiting} 件、送信済み {status.sent} 件、送れなかったもの {len(status.failed)} 件"
            if status.given_up:
                text += f"（うち {status.given_up} 件は再送を中止しています）"
        self.status_label.setText(("⚠ " if status.failed else "") + text)
        self.status_label.setStyleSheet(style.ERROR_STYLE if status.failed else "")
        self.outbox.set_rows(status.failed)
        self.outbox_view.setVisible(bool(status.failed))
        self.retry_button.setEnabled(bool(status.failed))
        self.send_button.setEnabled(status.configured)

    def save_kinds(self) -> None:
        enabled = {kind for kind, box in self.kind_boxes.items() if box.isChecked()}
        try:
            mail_settings.set_my_kinds(self.db, self.actor, enabled)
        except Exception as error:
            show_error(self, error, "saving mail kinds")
            return
        inform(self, f"受け取るお知らせを保存しました（{len(enabled)} / {len(MailKind)} 種類）。")

    def server_input(self) -> MailServer:
        return MailServer(
            self.host.text(),
            self.port.value(),
            Security(self.security.currentData()),
            self.sender_edit.text(),
            self.user.text(),
        )

    def save_server(self) -> bool:
        server, password = self.server_input(), self.password.text() or None
        try:
            run_keyring_call(
                self, lambda: mail_settings.set_mail_server(self.db, self.actor, server, password)
            )
        except Cancelled:
            return False
        except Exception as error:
            show_error(self, error, "saving the mail server")
            return False
        self.password.clear()
        self.refresh()
        inform(self, "メールサーバーを保存しました。")
        return True

    def send_now(self) -> mail_outbox.SendResult | None:
        try:
            result: mail_outbox.SendResult = run_with_progress(
                self,
                "お知らせを送っています…",
                lambda _p, _c: mail_outbox.send_due(self.db, sending_pc()),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "sending mail")
            return None
        self.refresh()
        if result.failed:
            inform(
                self,
                f"{result.sent} 件送り、{result.failed} 件は送れませんでした。一覧の理由を確認してください。",
            )
        else:
            inform(self, f"{result.sent} 件のお知らせを送りました。")
        return result

    def retry(self) -> mail_outbox.SendResult | None:
        try:
            mail_outbox.retry_failed(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "retrying mail")
            return None
        return self.send_now()
