"""報告書 › 広報課への報告 (§3(2)): the openings, changes and closures not yet reported, and recording them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain.permissions import Permission
from sns_desk.domain.reporting_rules import ReportClosure, ReportEvent
from sns_desk.gui.shared.interaction import confirm, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, selected_row, show_list
from sns_desk.services import account_reports, users
from sns_desk.services.account_reports import ReportItem
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

COLUMNS: tuple[Column[ReportItem], ...] = (
    Column("発生日", lambda r: jst(r.created_at, "%Y-%m-%d")),
    Column("アカウント", lambda r: r.account),
    Column("報告", lambda r: r.what),
)


class AccountReportsPanel(QGroupBox):
    """Emits ``make(account_id, event)`` when the person wants the workbook of the selected item."""

    make = Signal(int, str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__("広報課への報告（§3(2)）: まだ記録されていないもの", parent)
        self.db, self.actor = db, actor
        layout = QVBoxLayout(self)
        self.empty = QLabel("報告が必要な開設・変更・廃止はありません。")
        layout.addWidget(self.empty)
        self.model = TableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("accountReportsTable")
        self.view.setAccessibleName("広報課への報告が必要な項目")
        self.view.setMaximumHeight(150)
        show_list(self.view, self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.make_button = QPushButton("この報告書を作成…")
        self.make_button.setToolTip("選んだ項目の開設・変更・廃止報告書を、上の欄に設定します。")
        self.make_button.clicked.connect(self._make)
        self.sent_button = QPushButton("送付済みとして記録")
        self.sent_button.setToolTip("報告書を広報課へ送ったことを記録します（アカウント管理者）。")
        self.sent_button.clicked.connect(lambda: self.record(ReportClosure.SENT))
        self.received_button = QPushButton("広報課で受理")
        self.received_button.setToolTip("広報課が報告を受け取ったことを記録します（広報課）。")
        self.received_button.clicked.connect(lambda: self.record(ReportClosure.RECEIVED))
        self.received_button.setVisible(users.may(db, actor, Permission.RECEIVE_ACCOUNT_REPORT))
        for button in (self.make_button, self.sent_button, self.received_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        items = account_reports.report_items(self.db, self.actor)
        self.model.set_rows(items)
        self.empty.setVisible(not items)
        self.view.setVisible(bool(items))
        for button in (self.make_button, self.sent_button, self.received_button):
            button.setEnabled(bool(items))
        if items and selected_row(self.view, self.model) is None:
            self.view.selectRow(0)

    def selected(self) -> ReportItem | None:
        return selected_row(self.view, self.model)

    def _make(self) -> None:
        item = self.selected()
        if item is not None:
            self.make.emit(item.account_id, item.event.value)

    def record(self, how: ReportClosure) -> bool:
        item = self.selected()
        if item is None or not confirm(
            self, f"「{item.account}」の{item.what}を「{how.label}」として記録しますか？"
        ):
            return False
        try:
            account_reports.record_reported(self.db, self.actor, item.id, how)
        except Exception as error:
            show_error(self, error, "recording an account report")
            return False
        self.refresh()
        return True

    def after_export(self, account_id: int, event: str) -> int:
        """The workbook of ``event`` was just made: offer to record the open items of it as sent. How many."""
        waiting = [i for i in self.model.rows if i.account_id == account_id and i.event.value == event]
        if not waiting or not confirm(
            self,
            f"「{waiting[0].account}」の{event}の報告（{len(waiting)} 件）を、広報課へ送付済みとして記録しますか？\n"
            "報告書を送ってから記録する場合は「いいえ」を選び、あとで「送付済みとして記録」を押してください。",
        ):
            return 0
        try:
            done = account_reports.record_sent_for(self.db, self.actor, account_id, ReportEvent(event))
        except Exception as error:
            show_error(self, error, "recording an account report")
            return 0
        self.refresh()
        return done
