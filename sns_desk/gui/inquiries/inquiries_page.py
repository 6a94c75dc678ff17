"""問い合わせ (§7): log comments, messages, calls and e-mails; forward proposals and requests to the 課 (§7(3))."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTableWidgetItem, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import InquiryChannel, InquiryKind
from sns_desk.gui.forms.ui_inquiriespage import Ui_InquiriesPage
from sns_desk.gui.shared.interaction import setup_table, show_error, style_title
from sns_desk.services import accounts, city_settings, inquiries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class InquiriesPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_InquiriesPage()
        self.ui.setupUi(self)
        style_title(self.ui.titleLabel)
        self.ui.errorLabel.setStyleSheet("color: #b71c1c;")
        for channel in InquiryChannel:
            self.ui.channelCombo.addItem(channel.label, channel.value)
        for kind in InquiryKind:
            self.ui.kindCombo.addItem(kind.label, kind.value)
        self.ui.receivedEdit.setTimeZone(QTimeZone(9 * 3600))
        table = self.ui.inquiriesTable
        setup_table(table, ["受付", "アカウント", "方法", "種別", "内容", "対応", "担当課への依頼", "記録者"])
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.ui.listButtons.setStretch(1, 1)
        self.ui.logButton.clicked.connect(self.log)
        self.ui.forwardButton.clicked.connect(self.forward)
        self.rows: list[inquiries.InquiryRow] = []
        self.refresh()

    def refresh(self) -> None:
        current = self.ui.accountCombo.currentData()
        self.ui.accountCombo.clear()
        for account in accounts.list_accounts(self.db, self.actor):
            if accounts.may(self.db, self.actor, Permission.LOG_INQUIRY, account.id):
                self.ui.accountCombo.addItem(account.name, account.id)
        self.ui.accountCombo.setCurrentIndex(max(self.ui.accountCombo.findData(current), 0))
        self.ui.formGroup.setEnabled(self.ui.accountCombo.count() > 0)
        self.ui.receivedEdit.setDateTime(QDateTime.currentDateTime())
        self._fill_table()

    def _fill_table(self) -> None:
        try:
            self.rows = inquiries.list_inquiries(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading inquiries")
            return
        table = self.ui.inquiriesTable
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            forwarded = (
                f"{row.forwarded_to}（{row.forwarded_at.astimezone(JST):%m/%d}）"
                if row.forwarded_at
                else ("要依頼（§7(3)）" if row.needs_forwarding else "")
            )
            values = (
                row.received_at.astimezone(JST).strftime("%Y-%m-%d %H:%M"),
                row.account,
                row.channel.label,
                row.kind.label,
                row.content,
                row.response,
                forwarded,
                row.logged_by,
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 6 and row.needs_forwarding:
                    item.setForeground(QColor("#b71c1c"))
                table.setItem(r, c, item)
        with self.db.read() as session:
            days = city_settings.retention_days(session)
        self.ui.retentionLabel.setText(
            f"内容は受付から {days} 日で自動的に削除します（個人情報を必要以上に持たないため）。"
        )

    def live_refresh(self) -> None:
        """Another PC logged something: update the list, keep what is being typed in the form."""
        self._fill_table()

    def log(self) -> int | None:
        when = datetime.fromtimestamp(self.ui.receivedEdit.dateTime().toSecsSinceEpoch(), JST)
        try:
            inquiry_id = inquiries.log_inquiry(
                self.db,
                self.actor,
                self.ui.accountCombo.currentData(),
                InquiryChannel(self.ui.channelCombo.currentData()),
                InquiryKind(self.ui.kindCombo.currentData()),
                self.ui.contentEdit.toPlainText(),
                when,
                self.ui.responseEdit.text(),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return None
        self.ui.errorLabel.clear()
        self.ui.contentEdit.clear()
        self.ui.responseEdit.clear()
        self.refresh()
        return inquiry_id

    def forward(self) -> None:
        index = self.ui.inquiriesTable.currentRow()
        if not (0 <= index < len(self.rows)):
            return
        row = self.rows[index]
        section, ok = QInputDialog.getText(self, "担当課への依頼", "対応を依頼した課（§7(3)）:")
        if not ok:
            return
        try:
            inquiries.forward_inquiry(self.db, self.actor, row.id, section)
        except Exception as error:
            show_error(self, error, "forward inquiry")
        self.refresh()
