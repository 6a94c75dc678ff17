"""The 管理者 records one measure against impersonation (§3(3))."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import ChecklistKey, ChecklistState
from sns_desk.gui import style
from sns_desk.gui.forms.ui_checklistdialog import Ui_ChecklistDialog
from sns_desk.services import account_checklist
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


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
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        rows = {r.key: r for r in account_checklist.checklist(db, account_id)}
        for item in (ChecklistKey.VERIFIED, ChecklistKey.HOMEPAGE, ChecklistKey.PROFILE_LINK):
            label, section = account_checklist.CHECKLIST_LABELS[item]
            self.ui.itemCombo.addItem(f"{label}（{section}）", item.value)
        self.ui.itemCombo.currentIndexChanged.connect(lambda _i: self._load(rows))
        if key is not None and key is not ChecklistKey.PASSWORD:
            self.ui.itemCombo.setCurrentIndex(max(self.ui.itemCombo.findData(key.value), 0))
        self._load(rows)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _load(self, rows: dict[ChecklistKey, account_checklist.ChecklistRow]) -> None:
        key = ChecklistKey(self.ui.itemCombo.currentData())
        self.ui.stateCombo.clear()
        states = [ChecklistState.DONE, ChecklistState.OPEN]
        if key is ChecklistKey.VERIFIED:
            states.insert(1, ChecklistState.NOT_OFFERED)
        for state in states:
            self.ui.stateCombo.addItem(state.label, state.value)
        row = rows.get(key)
        if row is not None:
            self.ui.stateCombo.setCurrentIndex(max(self.ui.stateCombo.findData(row.state.value), 0))
            self.ui.urlEdit.setText(row.url)
            self.ui.noteEdit.setText(row.note)

    def save(self) -> None:
        try:
            account_checklist.set_checklist_item(
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
