"""設定: where the data lives and how it is stored, shown plainly; backups; this PC's own files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain.errors import DatabaseError, SnsDeskError
from sns_desk.domain.permissions import Permission
from sns_desk.gui import style
from sns_desk.gui.forms.ui_settingspage import Ui_SettingsPage
from sns_desk.gui.settings.mail_section import MailSection
from sns_desk.gui.shared.interaction import Cancelled, confirm, inform, run_with_progress, show_error
from sns_desk.host import paths, settings
from sns_desk.host.server_passwords import remember_password, split_password
from sns_desk.services import backups as backup
from sns_desk.services import city_settings, users
from sns_desk.services.actors import Actor
from sns_desk.services.server_notices import server_notices
from sns_desk.store.database import Database
from sns_desk.store.locations import Location, StorageMode

MODE_HELP = {
    StorageMode.LOCAL: "この PC の中だけにデータがあります。ほかの PC からは見えません。",
    StorageMode.SHARED: (
        "共有フォルダのファイルを複数の PC で使います。同時に保存しようとした場合は順番に処理され、"
        "同じ下書きを二人が同時に変更したときは後の人に知らせます。"
    ),
    StorageMode.SERVER: "データベースサーバーに保存します。全庁で使う場合の方式です。",
}


class SettingsPage(QWidget):
    switch_database = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.warningsValue.setStyleSheet(style.ERROR_STYLE)
        self.ui.changeLocationButton.clicked.connect(self.choose_database)
        self.ui.serverButton.clicked.connect(self.choose_server)
        self.ui.backupButton.clicked.connect(self.backup)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.rotationSaveButton.clicked.connect(self.save_rotation_days)
        self.ui.restoreButton.clicked.connect(self.restore)
        for percent in settings.FONT_SCALES:
            self.ui.fontScaleCombo.addItem("標準（OS の設定）" if percent == 100 else f"{percent} %", percent)
        self.ui.fontScaleCombo.setCurrentIndex(self.ui.fontScaleCombo.findData(settings.load_font_scale()))
        self.ui.fontScaleCombo.currentIndexChanged.connect(lambda _i: self.set_font_scale())
        self.mail = MailSection(db, actor, self)
        self._scroll_with(self.mail)
        self.refresh()

    def _scroll_with(self, section: QWidget) -> None:
        """The form's groups and ``section`` in one scroll area, so the page fits a small screen."""
        layout = self.ui.pageLayout
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        while layout.count():
            item = layout.takeAt(0)
            if item is None:
                break
            widget, child = item.widget(), item.layout()
            if widget is not None:
                column.addWidget(widget)
            elif child is not None:
                column.addLayout(child)
        column.addWidget(section)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout.addWidget(scroll)

    def set_font_scale(self) -> None:
        """The text size for this person on this PC: applied to the whole app now, and remembered."""
        percent = int(self.ui.fontScaleCombo.currentData())
        try:
            settings.save_font_scale(percent)
        except OSError as error:
            show_error(self, error, "saving the font scale")
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.apply_font_scale(app, percent)

    def refresh(self) -> None:
        db = self.db
        self.ui.locationValue.setText(db.location.display())
        self.ui.modeValue.setText(db.mode.label)
        self.ui.modeHelpValue.setText(MODE_HELP[db.mode])
        self.ui.idValue.setText(db.database_id)
        warnings = db.warnings() + server_notices(db, self.actor)
        self.ui.warningsValue.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.ui.warningsValue.setVisible(bool(warnings))
        is_file = db.location.path is not None
        may_backup = is_file and users.may(db, self.actor, Permission.MANAGE_DATABASE)
        self.ui.backupButton.setEnabled(may_backup)
        if not may_backup:
            self.ui.backupButton.setToolTip("バックアップはシステム管理者が行います。")
        self.ui.openFolderButton.setEnabled(is_file)
        self.ui.restoreButton.setEnabled(may_backup)
        admin = users.may(db, self.actor, Permission.MANAGE_DATABASE)
        self.ui.rotationSpin.setValue(city_settings.get_rotation_days(db))
        self.ui.rotationSpin.setEnabled(admin)
        self.ui.rotationSaveButton.setEnabled(admin)
        self.ui.userValue.setText(self.actor.login)
        self.ui.configValue.setText(str(settings.settings_path()))
        self.ui.logValue.setText(str(paths.log_dir()))
        anchor = settings.load_anchor(db.database_id)
        self.ui.anchorValue.setText(
            f"番号 {anchor[0]} まで確認済み（ハッシュ {anchor[1][:12]}…）"
            if anchor
            else "まだ確認していません"
        )

    def choose_database(self) -> None:
        start = str(self.db.location.path.parent) if self.db.location.path else ""
        name, _f = QFileDialog.getOpenFileName(
            self, "使うデータベースを選ぶ", start, "SNS Desk データベース (*.sqlite3 *.db);;すべて (*)"
        )
        if name:
            self.switch_database.emit(name)

    def choose_server(self) -> str | None:
        """Use a PostgreSQL database: the URL the IT section gave (see README, moving to a server).

        The password goes to this PC's OS keyring at once; what is emitted, saved in settings.json and shown again
        in this prompt is the URL without it (issue 13 item 6)."""
        current = split_password(self.db.location.url)[0] if self.db.location.path is None else ""
        url, ok = QInputDialog.getText(
            self,
            "データベースサーバーに接続",
            "PostgreSQL の URL（例: postgresql+psycopg://snsdesk:パスワード@dbserver/snsdesk）:\n"
            "パスワードはこの PC の資格情報ストアに保管され、設定ファイルには保存されません。",
            QLineEdit.EchoMode.Normal,
            current,
        )
        url = url.strip()
        if not ok or not url:
            return None
        try:
            location = Location.parse(url)
            if location.path is not None:
                raise DatabaseError(
                    "サーバーの URL を入力してください（ファイルは「別のデータベースを使う」で選びます）。",
                    f"server dialog got a file location {location.display()}",
                )
            bare = remember_password(url)
        except SnsDeskError as error:  # a bad URL, or no usable keyring for the password
            show_error(self, error, "choosing a server")
            return None
        self.switch_database.emit(bare)
        return bare

    def backup(self) -> None:
        assert self.db.location.path is not None
        default = backup.default_backup_dir(self.db) / backup.default_backup_name(self.db)
        name, _f = QFileDialog.getSaveFileName(
            self, "バックアップの保存先", str(default), "SQLite (*.sqlite3)"
        )
        if name:
            self.backup_to(Path(name))

    def backup_to(self, dest: Path) -> Path | None:
        try:
            done: Path = run_with_progress(
                self,
                "バックアップしています…",
                lambda progress, cancelled: backup.backup_now(
                    self.db, self.actor, dest, progress=progress, cancelled=cancelled
                ),
            )
        except Cancelled:
            inform(self, "バックアップを中止しました。")
            return None
        except Exception as error:
            show_error(self, error, "backup")
            return None
        inform(self, f"バックアップを作成しました:\n{done}")
        return done

    def restore(self) -> None:
        start = str(backup.default_backup_dir(self.db)) if self.db.location.path else ""
        name, _f = QFileDialog.getOpenFileName(
            self, "復元するバックアップ", start, "SQLite (*.sqlite3);;すべて (*)"
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, source: Path) -> Path | None:
        if not confirm(
            self,
            f"{source.name} から復元します。\nこのバックアップより後の変更（ほかの PC の作業を含む）はすべて失われます。"
            "今の内容は別のファイルに保存してから復元します。続けますか？",
        ):
            return None
        try:
            safety: Path = run_with_progress(
                self,
                "復元しています…",
                lambda progress, _c: backup.restore(self.db, self.actor, source, progress=progress),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "restore")
            return None
        inform(self, f"復元しました。\n復元前の内容は次のファイルに保存しました:\n{safety}")
        assert self.db.location.path is not None
        self.switch_database.emit(
            str(self.db.location.path)
        )  # reopen, so every screen shows the restored data
        return safety

    def save_rotation_days(self) -> None:
        try:
            city_settings.set_rotation_days(self.db, self.actor, self.ui.rotationSpin.value())
        except Exception as error:
            show_error(self, error, "rotation days")
            return
        inform(self, f"パスワード変更の間隔を {self.ui.rotationSpin.value()} 日にしました。")

    def open_folder(self) -> None:
        if self.db.location.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db.location.path.parent)))
