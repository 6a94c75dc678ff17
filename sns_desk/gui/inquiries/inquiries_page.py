"""問い合わせ (§7): log comments, messages, calls and e-mails; forward proposals and requests to the 課 (§7(3))."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import QHeaderView, QInputDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import InquiryChannel, InquiryKind
from sns_desk.gui import style
from sns_desk.gui.forms.ui_inquiriespage import Ui_InquiriesPage
from sns_desk.gui.shared.interaction import show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, selected_row, show_list
from sns_desk.services import accounts, city_settings, inquiries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def _forwarded(row: inquiries.InquiryRow) -> str:
    if row.forwarded_at:
        return f"{row.forwarded_to}（{jst(row.forwarded_at, '%m/%d')}）"
    return "要依頼（§7(3)）" if row.needs_forwarding else ""


INQUIRY_COLUMNS: tuple[Column[inquiries.InquiryRow], ...] = (
    Column("受付", lambda r: jst(r.received_at, "%Y-%m-%d %H:%M")),
    Column("アカウント", lambda r: r.account),
    Column("方法", lambda r: r.channel.label),
    Column("種別", lambda r: r.kind.label),
    Column("内容", lambda r: r.content),
    Column("対応", lambda r: r.response),
    Column("担当課への依頼", _forwarded, colour=lambda r: style.ERROR if r.needs_forwarding else None),
    Column("記録者", lambda r: r.logged_by),
)


class InquiriesPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_InquiriesPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        for channel in InquiryChannel:
            self.ui.channelCombo.addItem(channel.label, channel.value)
        for kind in InquiryKind:
            self.ui.kindCombo.addItem(kind.label, kind.value)
        self.ui.receivedEdit.setTimeZone(QTimeZone(9 * 3600))
        self.model = TableModel(INQUIRY_COLUMNS, self)
        show_list(self.ui.inquiriesTable, self.model, stretch_last=False)
        self.ui.inquiriesTable.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.ui.listButtons.setStretch(1, 1)
        self.ui.logButton.clicked.connect(self.log)
        self.ui.forwardButton.clicked.connect(self.forward)
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
            rows = inquiries.list_inquiries(self.db, self.actor)
            days = city_settings.get_retention_days(self.db)
        except Exception as error:
            show_error(self, error, "loading inquiries")
            return
        self.model.set_rows(rows)
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
        row = selected_row(self.ui.inquiriesTable, self.model)
        if row is None:
            return
        section, ok = QInputDialog.getText(self, "担当課への依頼", "対応を依頼した課（§7(3)）:")
        if not ok:
            return
        try:
            inquiries.forward_inquiry(self.db, self.actor, row.id, section)
        except Exception as error:
            show_error(self, error, "forward inquiry")
        self.refresh()
