"""The 管理者 approves a standing scope of posts that need no approval each time (§5(2))."""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_scopedialog import Ui_ScopeDialog
from sns_desk.services import post_scopes
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class ScopeDialog(QDialog):
    """The 管理者 approves a standing scope (§5(2))."""

    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.ui = Ui_ScopeDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        today = QDate.currentDate()
        self.ui.fromEdit.setDate(today)
        self.ui.untilEdit.setDate(today.addMonths(6))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        start, end = self.ui.fromEdit.date(), self.ui.untilEdit.date()
        categories = [c for c in re.split(r"[、,，\s]+", self.ui.categoriesEdit.text()) if c]
        try:
            post_scopes.create_scope(
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
