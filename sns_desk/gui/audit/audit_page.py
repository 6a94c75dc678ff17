"""監査ログ: the list (filtered, fetched lazily) and the verification with its result."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from sns_desk.gui import style
from sns_desk.gui.audit.keys_dialog import SigningKeysDialog
from sns_desk.gui.forms.ui_auditlogpage import Ui_AuditLogPage
from sns_desk.gui.shared.interaction import run_with_progress, show_error
from sns_desk.gui.shared.item_models import AuditTableModel
from sns_desk.services import audit_log as auditlog
from sns_desk.services import signing
from sns_desk.services.actors import Actor
from sns_desk.services.seal_check import SignatureReport
from sns_desk.store.audit_chain import VerifyResult
from sns_desk.store.database import Database


class AuditLogPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_AuditLogPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.model = AuditTableModel(self._fetch)
        self.ui.table.setModel(self.model)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.ui.table.verticalHeader().setVisible(False)
        for column, width in enumerate((60, 150, 110, 190, 80, 60)):
            self.ui.table.setColumnWidth(column, width)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(200)
        self._filter_timer.timeout.connect(self.refresh)
        self.ui.filterEdit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.ui.verifyButton.clicked.connect(self.verify)
        self.ui.keysButton.clicked.connect(self.open_keys)
        try:
            may_certify = signing.may_certify(db, actor)
        except Exception as error:
            show_error(self, error, "checking signing key permissions")
            may_certify = False
        self.ui.keysButton.setVisible(may_certify)
        self.last_result: VerifyResult | None = None
        self.refresh()

    def _fetch(self, text: str, before_seq: int | None, limit: int) -> list[auditlog.AuditRow]:
        return auditlog.list_events(self.db, self.actor, text, before_seq=before_seq, limit=limit)

    def refresh(self) -> None:
        try:
            self.model.reload(self.ui.filterEdit.text())
        except Exception as error:
            show_error(self, error, "loading audit log")

    def verify(self) -> None:
        try:
            result, signatures = run_with_progress(
                self,
                "監査ログと電子印鑑を検査しています…",
                lambda _progress, _cancelled: (
                    auditlog.verify_log(self.db, self.actor),
                    auditlog.verify_signatures(self.db, self.actor),
                ),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "verifying audit log")
            return
        self.show_result(result, signatures)

    def show_result(self, result: VerifyResult, signatures: SignatureReport | None = None) -> None:
        self.last_result = result
        text = result.summary() + (f"\n{signatures.summary()}" if signatures is not None else "")
        good = result.ok and not result.warnings and (signatures is None or signatures.ok)
        self.ui.verifyResult.setText(text)
        self.ui.verifyResult.setStyleSheet(style.STRONG_OK_STYLE if good else style.STRONG_ERROR_STYLE)

    def open_keys(self) -> SigningKeysDialog:
        """The システム管理者's list of 電子印鑑 keys, where they certify a person's key (issue 13)."""
        dialog = SigningKeysDialog(self.db, self.actor, self)
        dialog.open()
        return dialog
