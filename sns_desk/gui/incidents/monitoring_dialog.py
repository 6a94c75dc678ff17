"""Recording a §9(2) check: the result chosen (問題なし / 問題あり), and what was found — required for 問題あり, so a
result is never guessed from the words."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sns_desk.gui import style


class MonitoringDialog(QDialog):
    def __init__(self, account: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("監視の記録（§9(2)）")
        layout = QVBoxLayout(self)
        intro = QLabel(f"「{account}」を確認した結果を選んでください。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.ok_radio = QRadioButton("問題なし(&N)")
        self.problem_radio = QRadioButton("問題あり(&P)")
        self.ok_radio.setToolTip("ガイドラインに反する運用や、対応の必要な書き込みは見つからなかった")
        self.problem_radio.setToolTip("見つかったことを下に書いてください（必須）")
        group = QButtonGroup(self)
        for radio in (self.ok_radio, self.problem_radio):
            group.addButton(radio)
            layout.addWidget(radio)
        self.note_label = QLabel("備考（任意）(&T):")
        layout.addWidget(self.note_label)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("見つかったこと・備考")
        self.note_edit.setTabChangesFocus(True)
        self.note_label.setBuddy(self.note_edit)
        layout.addWidget(self.note_edit)
        self.hint = QLabel()
        self.hint.setStyleSheet(style.ERROR_STYLE)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("記録する")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        group.buttonToggled.connect(lambda *_: self._update())
        self.note_edit.textChanged.connect(self._update)
        self.ok_radio.setChecked(True)
        self._update()

    @property
    def problems_found(self) -> bool:
        return self.problem_radio.isChecked()

    @property
    def note(self) -> str:
        return self.note_edit.toPlainText().strip()

    def _update(self) -> None:
        needs_note = self.problems_found and not self.note
        self.note_label.setText("見つかったこと（必須）(&T):" if self.problems_found else "備考（任意）(&T):")
        self.hint.setText("「問題あり」のときは、何があったかを書いてください。" if needs_note else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not needs_note)
