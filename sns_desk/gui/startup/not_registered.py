"""The screen an unknown OS login sees: who to ask, and which database this is."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from sns_desk.domain.errors import NotRegisteredError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_notregistered import Ui_NotRegisteredDialog


class NotRegisteredDialog(QDialog):
    def __init__(self, error: NotRegisteredError, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NotRegisteredDialog()
        self.ui.setupUi(self)
        self.ui.headingLabel.setStyleSheet(style.DIALOG_TITLE_STYLE)
        self.ui.messageLabel.setText(error.message)
        self.ui.detailLabel.setText(
            f"使用中のデータベース: {location}\n"
            "管理者が「ユーザー管理」であなたのログイン名を登録すると、SNS Desk を使えるようになります。"
        )
        self.chosen_database: str | None = None
        self.ui.chooseButton.clicked.connect(self.choose)

    def choose(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, "使うデータベースを選ぶ", "", "SNS Desk データベース (*.sqlite3 *.db);;すべて (*)"
        )
        if name:
            self.chosen_database = name
            self.accept()
