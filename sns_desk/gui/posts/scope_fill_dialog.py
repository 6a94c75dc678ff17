"""「事前承認の範囲で作る」 (§5(2)): the author picks a standing scope and fills its slots; the body is generated
from the template, so that it is approved by the scope (if every other check passes too)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import SlotKind
from sns_desk.gui import style
from sns_desk.gui.forms.ui_scopefilldialog import Ui_ScopeFillDialog
from sns_desk.services import post_scopes


class ScopeFillDialog(QDialog):
    """Pick a scope with a template, fill its slots; ``body``, ``scope`` are what the editor takes."""

    def __init__(
        self, scopes: list[post_scopes.ScopeRow], chosen: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ScopeFillDialog()
        self.ui.setupUi(self)
        self.scopes = [s for s in scopes if s.has_template and s.valid_at(pol.now_jst())]
        self.inputs: dict[str, QLineEdit | QComboBox] = {}
        self.body = ""
        for scope in self.scopes:
            self.ui.scopeCombo.addItem(scope.title, scope.id)
        if not self.scopes:
            self.ui.templateView.setText(
                "このアカウントには、いま使えるひな形付きの事前承認の範囲がありません（§5(2)）。"
                "範囲は「アカウント」の「事前承認」で管理者が承認します。"
            )
        self.ui.scopeCombo.setCurrentIndex(max(self.ui.scopeCombo.findData(chosen), 0))
        self.ui.scopeCombo.currentIndexChanged.connect(lambda _i: self._build())
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._build()

    @property
    def scope(self) -> post_scopes.ScopeRow | None:
        index = self.ui.scopeCombo.currentIndex()
        return self.scopes[index] if 0 <= index < len(self.scopes) else None

    def _build(self) -> None:
        """One field per slot of the chosen scope: a list for a choice, a line (with its limit) otherwise."""
        form = self.ui.slotsForm
        while form.rowCount():
            form.removeRow(0)
        self.inputs = {}
        scope = self.scope
        template = scope.parsed() if scope else None
        if scope is None or template is None:
            self._update()
            return
        self.ui.templateView.setText(template.text)
        today = pol.now_jst().date()
        for slot in template.slots:
            field: QLineEdit | QComboBox
            if slot.kind is SlotKind.CHOICE:
                field = QComboBox(self)
                field.addItems(list(slot.choices))
                field.currentIndexChanged.connect(lambda _i: self._update())
            else:
                field = QLineEdit(self)
                field.setPlaceholderText(f"例: {st.sample_value(slot, today)}")
                if slot.kind is SlotKind.DATE:
                    field.setText(st.sample_value(slot, today))  # today, as most scheduled posts are
                if slot.kind is SlotKind.TEXT:
                    field.setMaxLength(slot.max_length)
                field.textChanged.connect(lambda _t: self._update())
            field.setAccessibleName(slot.describe())
            field.setToolTip(slot.describe())
            form.addRow(f"{slot.name}:", field)
            self.inputs[slot.name] = field
        self._update()

    def values(self) -> dict[str, str]:
        return {
            name: field.currentText() if isinstance(field, QComboBox) else field.text()
            for name, field in self.inputs.items()
        }

    def _update(self) -> None:
        scope = self.scope
        template = scope.parsed() if scope else None
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        if template is None:
            self.ui.previewView.clear()
            ok.setEnabled(False)
            return
        try:
            self.body = st.render(template, self.values())
        except ValidationError as error:
            self.body = ""
            self.ui.previewView.clear()
            self.ui.verdictLabel.setText(error.message)
            self.ui.verdictLabel.setStyleSheet(style.ERROR_STYLE)
            ok.setEnabled(False)
            return
        self.ui.previewView.setPlainText(self.body)
        self.ui.verdictLabel.setText(
            "ひな形どおりです。申請すると、この範囲で承認されます（ほかの確認でエラーがなければ）。"
            "本文を書き換えると、管理者の承認に回ります（§5(2)）。"
        )
        self.ui.verdictLabel.setStyleSheet(style.OK_STYLE)
        ok.setEnabled(True)
