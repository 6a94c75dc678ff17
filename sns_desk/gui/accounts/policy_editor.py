"""The 運用ポリシー editor (§3(1)ア–キ, §7(1)(2)): a form, with what still keeps it from approval shown live."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QTimeEdit, QWidget

from sns_desk.domain import policy as pol
from sns_desk.gui import style
from sns_desk.gui.forms.ui_policyeditor import Ui_PolicyEditor

HANDLING_CHOICES = [(None, "（選んでください）")] + [(h.value, h.label) for h in pol.Handling]


class PolicyEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PolicyEditor()
        self.ui.setupUi(self)
        self.ui.problemsLabel.setStyleSheet(style.WARNING_STYLE)
        grid = QGridLayout(self.ui.hoursWidget)
        grid.setContentsMargins(0, 0, 0, 0)
        self.day_checks: list[QCheckBox] = []
        self.starts: list[QTimeEdit] = []
        self.ends: list[QTimeEdit] = []
        for day, name in enumerate(pol.WEEKDAYS):
            check = QCheckBox(f"{name}曜日")
            start, end = QTimeEdit(QTime(8, 30)), QTimeEdit(QTime(17, 15))
            for edit, what in ((start, "開始"), (end, "終了")):
                edit.setDisplayFormat("HH:mm")
                edit.setAccessibleName(f"{name}曜日の{what}時刻")
                edit.timeChanged.connect(self._emit)
            check.toggled.connect(start.setEnabled)
            check.toggled.connect(end.setEnabled)
            check.toggled.connect(self._emit)
            grid.addWidget(check, day, 0)
            grid.addWidget(start, day, 1)
            grid.addWidget(QLabel("〜"), day, 2)
            grid.addWidget(end, day, 3)
            self.day_checks.append(check)
            self.starts.append(start)
            self.ends.append(end)
        grid.setColumnStretch(4, 1)
        for combo in self._handling_combos():
            for value, text in HANDLING_CHOICES:
                combo.addItem(text, value)
            combo.currentIndexChanged.connect(self._emit)
        for text_edit in (
            self.ui.purposeEdit,
            self.ui.contentEdit,
            self.ui.commentPolicyEdit,
            self.ui.prohibitedEdit,
            self.ui.ipRightsEdit,
            self.ui.disclaimerEdit,
        ):
            text_edit.textChanged.connect(self._emit)
        for line in (
            self.ui.hoursNoteEdit,
            self.ui.contactPhoneEdit,
            self.ui.contactEmailEdit,
            self.ui.handlingNoteEdit,
            self.ui.publishedUrlEdit,
        ):
            line.textChanged.connect(self._emit)
        for box in (self.ui.holidaysCheck, self.ui.yearEndCheck, self.ui.commentsAnsweredCheck):
            box.toggled.connect(self._emit)
        self.ui.commentsAnsweredCheck.toggled.connect(self._comment_default)
        self.set_data(pol.PolicyData.office_hours())

    def _handling_combos(self) -> list[QComboBox]:
        return [self.ui.followCombo, self.ui.repostCombo, self.ui.likeCombo, self.ui.shareCombo]

    def _emit(self, *_args: object) -> None:
        self.show_problems()
        self.changed.emit()

    def _comment_default(self, answered: bool) -> None:
        """Offer the municipality's standard wording when the choice flips and the text is still a default."""
        defaults = pol.municipality_defaults()
        current = self.ui.commentPolicyEdit.toPlainText().strip()
        if current in ("", defaults.get("comment_policy_on", ""), defaults.get("comment_policy_off", "")):
            self.ui.commentPolicyEdit.setPlainText(
                defaults.get("comment_policy_on" if answered else "comment_policy_off", "")
            )

    def set_data(self, data: pol.PolicyData) -> None:
        ui = self.ui
        ui.purposeEdit.setPlainText(data.purpose)
        ui.contentEdit.setPlainText(data.content)
        for day in range(7):
            spans = data.hours.get(day, [])
            self.day_checks[day].setChecked(bool(spans))
            self.starts[day].setEnabled(bool(spans))
            self.ends[day].setEnabled(bool(spans))
            if spans:
                self.starts[day].setTime(QTime.fromString(spans[0][0], "HH:mm"))
                self.ends[day].setTime(QTime.fromString(spans[0][1], "HH:mm"))
                self.day_checks[day].setToolTip(
                    "この曜日には複数の時間帯があります（コマンドラインで設定）。画面では最初の時間帯だけを編集できます。"
                    if len(spans) > 1
                    else ""
                )
        self._extra_spans = {day: spans[1:] for day, spans in data.hours.items() if len(spans) > 1}
        ui.holidaysCheck.setChecked(data.holidays_closed)
        ui.yearEndCheck.setChecked(data.year_end_closed)
        ui.hoursNoteEdit.setText(data.hours_note)
        ui.commentsAnsweredCheck.blockSignals(True)
        ui.commentsAnsweredCheck.setChecked(data.comments_answered)
        ui.commentsAnsweredCheck.blockSignals(False)
        ui.commentPolicyEdit.setPlainText(data.comment_policy)
        ui.contactPhoneEdit.setText(data.contact_phone)
        ui.contactEmailEdit.setText(data.contact_email)
        for combo, key in zip(self._handling_combos(), pol.HANDLING_ITEMS, strict=True):
            value = getattr(data, key)
            combo.setCurrentIndex(max(combo.findData(value.value), 0) if value else 0)
        ui.handlingNoteEdit.setText(data.handling_note)
        ui.prohibitedEdit.setPlainText(data.prohibited)
        ui.ipRightsEdit.setPlainText(data.ip_rights)
        ui.disclaimerEdit.setPlainText(data.disclaimer)
        ui.publishedUrlEdit.setText(data.published_url)
        self.show_problems()

    def data(self) -> pol.PolicyData:
        ui = self.ui
        hours: dict[int, list[tuple[str, str]]] = {}
        for day in range(7):
            if self.day_checks[day].isChecked():
                first = (self.starts[day].time().toString("HH:mm"), self.ends[day].time().toString("HH:mm"))
                hours[day] = [first, *getattr(self, "_extra_spans", {}).get(day, [])]
        handling = {
            key: pol.Handling(combo.currentData()) if combo.currentData() else None
            for combo, key in zip(self._handling_combos(), pol.HANDLING_ITEMS, strict=True)
        }
        return pol.PolicyData(
            purpose=ui.purposeEdit.toPlainText(),
            content=ui.contentEdit.toPlainText(),
            hours=hours,
            holidays_closed=ui.holidaysCheck.isChecked(),
            year_end_closed=ui.yearEndCheck.isChecked(),
            hours_note=ui.hoursNoteEdit.text(),
            comments_answered=ui.commentsAnsweredCheck.isChecked(),
            comment_policy=ui.commentPolicyEdit.toPlainText(),
            contact_phone=ui.contactPhoneEdit.text().strip(),
            contact_email=ui.contactEmailEdit.text().strip(),
            handling_note=ui.handlingNoteEdit.text(),
            prohibited=ui.prohibitedEdit.toPlainText(),
            ip_rights=ui.ipRightsEdit.toPlainText(),
            disclaimer=ui.disclaimerEdit.toPlainText(),
            published_url=ui.publishedUrlEdit.text().strip(),
            **handling,
        )

    def problems(self) -> list[str]:
        return pol.validate(self.data())

    def show_problems(self) -> None:
        problems = self.problems()
        self.ui.problemsLabel.setText(
            "承認までに必要なこと:\n" + "\n".join(f"・{p}" for p in problems)
            if problems
            else "✓ 承認に必要な事項はそろっています。"
        )
