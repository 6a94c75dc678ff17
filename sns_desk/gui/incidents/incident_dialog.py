"""Register a trouble (§8): the account, its kind, what happened, and whether it is serious (§4(1)イ)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import IncidentType
from sns_desk.gui import style
from sns_desk.gui.forms.ui_incidentdialog import Ui_IncidentDialog
from sns_desk.services import accounts, incidents
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

SERIOUS_BY_DEFAULT = {IncidentType.IMPERSONATION, IncidentType.FLAMING, IncidentType.UNAUTHORISED_ACCESS}


class IncidentDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_IncidentDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        for account in accounts.list_accounts(db, actor):
            if accounts.may(db, actor, Permission.OPEN_INCIDENT, account.id):
                self.ui.accountCombo.addItem(account.name, account.id)
        for kind in IncidentType:
            self.ui.typeCombo.addItem(kind.label, kind.value)
        self.ui.typeCombo.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.incident_id: int | None = None

    def _type_changed(self, *_args: object) -> None:
        self.ui.seriousCheck.setChecked(IncidentType(self.ui.typeCombo.currentData()) in SERIOUS_BY_DEFAULT)

    def save(self) -> None:
        try:
            self.incident_id = incidents.open_incident(
                self.db,
                self.actor,
                self.ui.accountCombo.currentData(),
                IncidentType(self.ui.typeCombo.currentData()),
                self.ui.titleEdit.text(),
                self.ui.descriptionEdit.toPlainText(),
                serious=self.ui.seriousCheck.isChecked(),
            )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()
