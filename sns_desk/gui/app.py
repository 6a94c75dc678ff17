"""Starting the GUI: open the database (or run the first-run wizard), find the person, show the main window."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from sns_desk import __version__, identity, paths
from sns_desk.db import Database, Location, open_database
from sns_desk.errors import DatabaseError, NotRegisteredError, SnsDeskError
from sns_desk.gui.common import APP_TITLE, run_with_progress
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.not_registered import NotRegisteredDialog
from sns_desk.gui.wizard import FirstRunWizard
from sns_desk.services import users
from sns_desk.settings import Settings

log = logging.getLogger(__name__)


def _qt_message(mode: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    log.critical("unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        message = (
            value.message
            if isinstance(value, SnsDeskError)
            else (
                "予期しないエラーが発生しました。作業内容は保存されていない可能性があります。\n"
                f"ログのフォルダ: {paths.log_dir()}"
            )
        )
        QMessageBox.critical(None, APP_TITLE, message)


def app_icon() -> QIcon:
    return QIcon(str(paths.resources_dir() / "icons" / "sns-desk.svg"))


class Launcher(QObject):
    """Takes the person from start-up to the main window, and back when they switch databases."""

    def __init__(self, db_override: str | None = None, login: str | None = None) -> None:
        super().__init__()
        self.db_override = db_override
        self.login = login or identity.current_login()
        self.db: Database | None = None
        self.window: QWidget | None = None

    def location(self) -> Location:
        return Location.parse(self.db_override or Settings.load().database)

    def start(self) -> bool:
        """Show the right first window; False when there is nothing to show (the person gave up)."""
        location = self.location()
        first_run = location.path is not None and not location.path.exists()
        if first_run and (self.db_override is None) and Settings.load().database is None:
            return self._run_wizard(None)
        if first_run:
            answer = QMessageBox.question(
                None,
                APP_TITLE,
                f"データベースが見つかりません:\n{location.display()}\n\n"
                "共有フォルダの場合は、ネットワークに接続されているか確認してください。\n"
                "ここに新しいデータベースを作成しますか？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            return self._run_wizard(location)
        try:
            db = run_with_progress(
                None,
                "データベースを開いています…",
                lambda p, _c: open_database(location, progress=p),
                cancellable=False,
                delay_ms=800,
            )
        except DatabaseError as error:
            log.error("cannot open %s: %s", location.display(), error.log_message)
            return self._database_problem(error)
        if not users.has_users(db):
            db.dispose()
            return self._run_wizard(location)
        return self._enter(db)

    def _database_problem(self, error: DatabaseError) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, error.message)
        choose = box.addButton("別のデータベースを選ぶ…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("終了", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is choose:
            from PySide6.QtWidgets import QFileDialog

            name, _f = QFileDialog.getOpenFileName(
                None, "使うデータベースを選ぶ", "", "SNS Desk (*.sqlite3 *.db);;すべて (*)"
            )
            if name:
                return self.switch_to(name)
        return False

    def _run_wizard(self, fixed: Location | None) -> bool:
        wizard = FirstRunWizard(self.login, fixed)
        wizard.setWindowIcon(app_icon())
        self.window = wizard
        if wizard.exec() != FirstRunWizard.DialogCode.Accepted or wizard.database is None:
            return False
        if fixed is not None and self.db_override is None:
            current = Settings.load()
            current.database = str(fixed.path) if fixed.path else fixed.url
            current.save()
        return self._enter(wizard.database)

    def _enter(self, db: Database) -> bool:
        try:
            actor = users.resolve_actor(db, self.login)
        except NotRegisteredError as error:
            log.warning("login %s not registered in %s", self.login, db.location.display())
            dialog = NotRegisteredDialog(error, db.location.display())
            dialog.setWindowIcon(app_icon())
            self.window = dialog
            dialog.exec()
            db.dispose()
            if dialog.chosen_database:
                return self.switch_to(dialog.chosen_database)
            return False
        self.db = db
        window = MainWindow(db, actor)
        window.setWindowIcon(app_icon())
        window.switch_database.connect(self.switch_to)
        self.window = window
        window.show()
        log.info("main window shown for %s on %s (%s)", actor.login, db.location.display(), db.mode.value)
        return True

    def switch_to(self, location: str) -> bool:
        """Use another database from now on (remembered on this PC)."""
        old_window, old_db = self.window, self.db
        current = Settings.load()
        current.database = location
        current.save()
        self.db_override = None
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_db is not None:
            old_db.dispose()
            self.db = None
        return self.start()


def run_gui(db_override: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SNS Desk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("sns-desk")
    app.setWindowIcon(app_icon())
    qInstallMessageHandler(_qt_message)
    sys.excepthook = _excepthook
    launcher = Launcher(db_override)
    if not launcher.start():
        return 0
    return app.exec()
