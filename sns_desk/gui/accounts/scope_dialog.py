"""The 管理者 approves, or changes, a standing scope (§5(2)): the template with its named, typed slots, written and
tested here with a live sample shown as it would post.  The decision is signed with the 電子印鑑 by the service."""

from __future__ import annotations

import re
from datetime import date, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.domain.vocabulary import SlotKind
from sns_desk.gui import style
from sns_desk.gui.forms.ui_scopedialog import Ui_ScopeDialog
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row, show_list
from sns_desk.services import post_scopes
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

SLOT_COLUMNS: tuple[Column[st.Slot], ...] = (
    Column("名前", lambda s: "{" + s.name + "}"),
    Column("種類", lambda s: s.kind.label),
    Column(
        "条件",
        lambda s: (
            "、".join(s.choices)
            if s.kind is SlotKind.CHOICE
            else f"{s.max_length}文字まで"
            if s.kind is SlotKind.TEXT
            else f"例: {st.EXAMPLES[s.kind]}"
        ),
    ),
)
DETAIL_HINTS = {
    SlotKind.CHOICE: "選択肢（読点で区切る）",
    SlotKind.TEXT: "最大文字数（例: 20）",
}


def _split(text: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[、,，\s]+", text) if c)


class ScopeDialog(QDialog):
    """Approve a new standing scope, or change one (a scope from before templates gets its template here)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        account_id: int,
        parent: QWidget | None = None,
        scope: post_scopes.ScopeRow | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id, self.scope = db, actor, account_id, scope
        self.ui = Ui_ScopeDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        for kind in SlotKind:
            self.ui.slotKindCombo.addItem(kind.label, kind)
        self.slots: list[st.Slot] = []
        self.slots_model: TableModel[st.Slot] = TableModel(SLOT_COLUMNS, self)
        show_list(self.ui.slotsTable, self.slots_model)
        today = QDate.currentDate()
        self.ui.fromEdit.setDate(today)
        self.ui.untilEdit.setDate(today.addMonths(6))
        self.ui.legacyLabel.hide()
        if scope is not None:
            self._fill(scope)
        self.ui.slotKindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.ui.slotsTable.selectionModel().selectionChanged.connect(lambda *_: self._slot_selected())
        self.ui.setSlotButton.clicked.connect(self.set_slot)
        self.ui.removeSlotButton.clicked.connect(self.remove_slot)
        self.ui.templateEdit.textChanged.connect(self.update_sample)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._kind_changed()
        self.update_sample()

    def _fill(self, scope: post_scopes.ScopeRow) -> None:
        self.setWindowTitle(f"事前承認の適用範囲「{scope.title}」の変更（第{scope.number}版）")
        self.ui.titleEdit.setText(scope.title)
        self.ui.templateEdit.setPlainText(scope.template)
        self.ui.categoriesEdit.setText("、".join(scope.categories))
        start, end = scope.valid_from.astimezone(pol.JST), scope.valid_until.astimezone(pol.JST)
        self.ui.fromEdit.setDate(QDate(start.year, start.month, start.day))
        self.ui.untilEdit.setDate(QDate(end.year, end.month, end.day))
        self.ui.reviewDaysSpin.setValue(scope.review_days)
        self.slots = list(scope.slots or ())
        self.slots_model.set_rows(self.slots)
        if not scope.has_template:
            self.ui.legacyLabel.setText(
                "この範囲はひな形の仕組みができる前に承認されたもので、今は投稿を自動では承認しません（§5(2)）。"
                "定型文に差し込み欄を設けて保存すると、そのひな形どおりの投稿だけが承認されるようになります。"
            )
            self.ui.legacyLabel.setStyleSheet(style.WARNING_STYLE)
            self.ui.legacyLabel.show()

    # -- slots

    def _kind(self) -> SlotKind:
        return SlotKind(self.ui.slotKindCombo.currentData())  # Qt hands the value back as a plain str

    def _kind_changed(self) -> None:
        kind = self._kind()
        self.ui.slotDetailEdit.setEnabled(kind in DETAIL_HINTS)
        self.ui.slotDetailEdit.setPlaceholderText(DETAIL_HINTS.get(kind, "（指定なし）"))

    def _slot_selected(self) -> None:
        slot = selected_row(self.ui.slotsTable, self.slots_model)
        if slot is None:
            return
        self.ui.slotNameEdit.setText(slot.name)
        self.ui.slotKindCombo.setCurrentIndex(self.ui.slotKindCombo.findData(slot.kind))
        self.ui.slotDetailEdit.setText(
            "、".join(slot.choices) if slot.kind is SlotKind.CHOICE else str(slot.max_length or "")
        )

    def set_slot(self) -> None:
        """Add the slot in the fields, or update the one of that name; put {名前} in the template if missing."""
        name, kind, detail = self.ui.slotNameEdit.text().strip(), self._kind(), self.ui.slotDetailEdit.text()
        if not name:
            self.ui.errorLabel.setText("差し込み欄の名前を入力してください。")
            return
        if kind is SlotKind.TEXT and not detail.strip().isdigit():
            self.ui.errorLabel.setText("短い文の欄には最大文字数を数字で入力してください。")
            return
        slot = st.Slot(
            name,
            kind,
            _split(detail) if kind is SlotKind.CHOICE else (),
            int(detail) if kind is SlotKind.TEXT else 0,
        )
        self.slots = [s for s in self.slots if s.name != name] + [slot]
        self.slots_model.set_rows(self.slots)
        if "{" + name + "}" not in self.ui.templateEdit.toPlainText():
            self.ui.templateEdit.insertPlainText("{" + name + "}")  # at the cursor
        self.ui.errorLabel.clear()
        self.update_sample()

    def remove_slot(self) -> None:
        slot = selected_row(self.ui.slotsTable, self.slots_model)
        if slot is not None:
            self.slots = [s for s in self.slots if s.name != slot.name]
            self.slots_model.set_rows(self.slots)
            self.update_sample()

    # -- the live sample

    def update_sample(self) -> None:
        """The template filled with sample values, as it would post — or why it cannot be saved yet."""
        try:
            template = st.parse(self.ui.templateEdit.toPlainText(), self.slots)
        except ValidationError as error:
            self.ui.sampleView.clear()
            self.ui.sampleNote.setText(error.message)
            self.ui.sampleNote.setStyleSheet(style.ERROR_STYLE)
            return
        today = pol.now_jst().date()
        body = st.render(template, {s.name: st.sample_value(s, today) for s in template.slots})
        self.ui.sampleView.setPlainText(body)
        self.ui.sampleNote.setStyleSheet("")
        self.ui.sampleNote.setText(
            f"この形の投稿だけが、管理者の承認なしで承認されます（§5(2)）。固定の文字が1文字でも違う投稿や、"
            f"欄の値が種類に合わない投稿は、管理者の承認に回ります。差し込み欄 {len(template.slots)} 個。"
        )

    # -- saving

    def _input(self) -> post_scopes.ScopeInput:
        start, end = self.ui.fromEdit.date(), self.ui.untilEdit.date()
        return post_scopes.ScopeInput(
            self.ui.titleEdit.text(),
            self.ui.templateEdit.toPlainText(),
            tuple(self.slots),
            pol.at_jst(date(start.year(), start.month(), start.day()), time(0)),
            pol.at_jst(date(end.year(), end.month(), end.day()), time(23, 59)),
            _split(self.ui.categoriesEdit.text()),
            self.ui.reviewDaysSpin.value(),
        )

    def save(self) -> None:
        try:
            if self.scope is None:
                post_scopes.create_scope(self.db, self.actor, self.account_id, self._input())
            else:
                post_scopes.change_scope(
                    self.db, self.actor, self.scope.id, self.scope.version, self._input()
                )
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        self.accept()
