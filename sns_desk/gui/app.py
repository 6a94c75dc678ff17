"""Starting the GUI: open the database (or run the first-run wizard), find the person, show the main window."""

from __future__ import annotations

import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

# What start-up needs without Qt is imported before PySide6, on purpose: once loaded, PySide6 reads the source of
# every module imported after it (looking for `from __feature__ import`), about a third of a millisecond each.
# The first list's quick read is among them (store/first_page.py: the usual start, a file in a shared folder).
import sns_desk.store.first_page  # noqa: F401
from sns_desk import __version__, resources
from sns_desk.domain.errors import DatabaseError, NotRegisteredError, SnsDeskError
from sns_desk.host import identity, logging_setup, paths
from sns_desk.host.settings import Settings, load_font_scale

# isort: split
# Qt classes used only after the first window is shown are reached through their module (QtWidgets.QMessageBox):
# PySide6 initialises a class on first access, and start-up should pay only for what the first window needs.
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QObject, QTimer, Signal, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sns_desk.gui import style
from sns_desk.gui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sns_desk.gui.startup.not_registered import NotRegisteredDialog
    from sns_desk.gui.startup.wizard import FirstRunWizard
    from sns_desk.store.database import Database
    from sns_desk.store.locations import Location

log = logging.getLogger(__name__)


def _qt_message(mode: QtCore.QtMsgType, _context: object, message: str) -> None:
    kind = QtCore.QtMsgType
    level = {
        kind.QtDebugMsg: logging.DEBUG,
        kind.QtInfoMsg: logging.INFO,
        kind.QtWarningMsg: logging.WARNING,
        kind.QtCriticalMsg: logging.ERROR,
        kind.QtFatalMsg: logging.CRITICAL,
    }.get(mode, logging.WARNING)
    logging.getLogger("qt").log(level, "%s", message)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    from sns_desk.gui.shared import interaction as common

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
        QtWidgets.QMessageBox.critical(None, common.APP_TITLE, message)


def install_translations(app: QApplication) -> None:
    """Qt's own texts (OK, キャンセル, はい, file dialogs) in Japanese, from the translations Qt ships."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_ja", "qt_ja"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
        else:
            log.info("Qt translation %s not found in %s", name, folder)


def app_icon() -> QIcon:
    return QIcon(str(resources.path("icons", "sns-desk.svg")))


class Launcher(QObject):
    """Takes the person from start-up to the main window, and back when they switch databases.

    When the database file is there (or a server is configured), the main window is shown at once, saying that the
    database is being opened, and is filled once it is open (``MainWindow.attach``): the window appears in a
    fraction of the time the imports and the database take. Windows are shown without blocking (no nested
    ``exec``). ``settled`` is emitted when start-up has reached the window the person works in (the wizard, the
    filled main window or the not-registered screen); ``gave_up`` when the person closes the first-run wizard or
    the not-registered screen, or declines after a database problem.
    """

    gave_up = Signal()
    settled = Signal()

    def __init__(
        self,
        db_override: str | None = None,
        login: str | None = None,
        on_shown: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        # run once the first window is on the screen, or its first list when there is one (run_gui: the log file)
        self.on_shown = on_shown
        self.db_override = db_override
        self.login = login or identity.current_login()
        self.db: Database | None = None
        self.window: QWidget | None = None
        self.shown_at: float | None = None  # time.time() when the first window was shown
        self.settled_at: float | None = None
        # time.time() when the first list was on the screen taking input: start-up's quick first read, or the
        # filled main window (settled) without it
        self.first_list_at: float | None = None
        self.settled.connect(self._note_settled)

    def _note_settled(self) -> None:
        self.settled_at = time.time()
        self.first_list_at = self.first_list_at or self.settled_at

    def _note_first_list(self) -> None:
        self.first_list_at = self.first_list_at or time.time()

    def location(self) -> Location:
        from sns_desk.store.locations import Location

        return Location.parse(self.db_override or Settings.load().database)

    def _configured(self) -> tuple[str, bool, Path | None]:
        """What to show while opening, whether the database is known to be there, and its file if it is one
        (without SQLAlchemy)."""
        value = self.db_override or Settings.load().database
        if value and "://" in value and not value.startswith("sqlite"):
            return value.split("@")[-1], True, None  # a server: no password on the screen
        if not value:
            path = paths.default_database_path()
        else:
            path = Path(value.removeprefix("sqlite:///")).expanduser()
        present = path.is_file()
        return str(path), present, path if present else None

    def start(self) -> bool:
        """Show the right first window; False when there is nothing to show (the person gave up)."""
        where, present, file = self._configured()
        if not present:
            self.after_shown()
            shown = self._open(None)
            if shown and self.window is not None and not isinstance(self.window, MainWindow):
                QTimer.singleShot(0, self.settled.emit)  # once the event loop runs
            return shown
        shell = MainWindow()
        shell.setWindowIcon(app_icon())
        shell.show_loading(where)
        self.window = shell
        shell.show()
        self.shown_at = time.time()
        if file is not None:
            self._show_first_page(shell, file)
        # The log file once the window is on the screen and takes input (what is logged meanwhile is kept:
        # logging_setup.hold_early_records); then the database
        QTimer.singleShot(0, self.after_shown)
        QTimer.singleShot(0, lambda: self._open_in(shell, file))
        return True

    def _show_first_page(self, shell: MainWindow, file: Path) -> None:
        """The first list from start-up's quick read (``store/first_page.py``: plain sqlite3, read-only), when it
        can be trusted; the services' list replaces it once the database is open (issue 17, ready).  Read in
        this thread: reading it on another while the window was made and shown delayed "shown" and gained
        nothing (measured A/B)."""
        from sns_desk.store.first_page import read_first_page
        from sns_desk.store.post_rows import PAGE_SIZE

        first = read_first_page(file, self.login, PAGE_SIZE)
        if first is None:
            return  # start as without it: the services open the file and explain any problem
        shell.show_first_page(first)
        QTimer.singleShot(0, self._note_first_list)  # once the event loop runs: the window takes input

    def after_shown(self) -> None:
        """Run ``on_shown`` once (run_gui sets up the log file there; also called as the app ends, so that what
        was logged reaches the file even when start-up ended before its event loop ran)."""
        if self.on_shown is not None:
            self.on_shown()
            self.on_shown = None

    def _open_in(self, shell: MainWindow, file: Path | None) -> None:
        if file is not None:
            # SQLite reads the whole file on a thread while SQLAlchemy is imported.  Started once the first list is
            # there, not before: on a 2-core machine the check competed with the window being made and painted (the
            # display server needs a core too; shown to ready 0.27 s -> 0.12 s, medians of 9 under xvfb), and it
            # still overlaps the imports, which take longer.
            from sns_desk.store.sqlite_files import check_ahead

            check_ahead(file)
        self._after_open(self._open(shell))

    def _after_open(self, shown: bool) -> None:
        if not shown:
            self.gave_up.emit()
        elif not (isinstance(self.window, MainWindow) and not self.window.attached):
            self.settled.emit()  # (a main window still opening another database settles by itself)

    def _close_shell(self, shell: MainWindow | None) -> None:
        if shell is not None:
            shell.hide()
            shell.deleteLater()
            if self.window is shell:
                self.window = None

    def _open(self, shell: MainWindow | None) -> bool:
        """Open the configured database and go on to the main window (in ``shell`` when given) or what is needed."""
        if shell is not None and shell.preview is not None:
            self._open_behind(shell)
            return True
        from sns_desk.gui.shared import interaction as common

        try:
            location = self.location()
        except DatabaseError as error:
            self._close_shell(shell)
            return self._database_problem(error)
        missing = location.path is not None and not location.path.exists()
        if missing and self.db_override is None and Settings.load().database is None:
            self._close_shell(shell)
            self._show_wizard(None)
            return True
        if missing:
            self._close_shell(shell)
            answer = QtWidgets.QMessageBox.question(
                None,
                common.APP_TITLE,
                f"データベースが見つかりません:\n{location.display()}\n\n"
                "共有フォルダの場合は、ネットワークに接続されているか確認してください。\n"
                "ここに新しいデータベースを作成しますか？",
                QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Yes:
                return False
            self._show_wizard(location)
            return True
        # While the worker opens the database (SQLite's integrity check runs without holding Python's lock), the
        # GUI thread imports what the first page needs: the two overlap on a second core (issue 17, ready).
        QTimer.singleShot(0, _import_first_page)
        from sns_desk.store.database import open_database

        try:
            db = common.run_with_progress(
                shell,
                "データベースを開いています…",
                lambda p, _c: open_database(location, progress=p),
                cancellable=False,
                delay_ms=800,
            )
        except DatabaseError as error:
            log.error("cannot open %s: %s", location.display(), error.log_message)
            self._close_shell(shell)
            return self._database_problem(error)
        return self._opened(db, shell, location)

    def _open_behind(self, shell: MainWindow) -> None:
        """With start-up's first list on the screen (the file is there, at the expected revision): SQLAlchemy,
        the ORM and the services are imported, and the database opened and checked, on a worker thread, so that
        the window keeps taking input; then the window is filled (``attach``) in the GUI thread.  A problem is
        explained as without the first list (the window closes, the dialog says why)."""
        from sns_desk.gui.shared.background import run_in_background

        def work() -> tuple[Location, Database]:
            # SQLAlchemy, the ORM (its mappers configured) and the services the first page and the window use;
            # not the page's own modules: PySide6 initialises its classes lazily, which is not safe on two threads
            # at once, so attach() imports them in the GUI thread
            import sns_desk.services.accounts
            import sns_desk.services.emergency_stop
            import sns_desk.services.navigation
            import sns_desk.services.post_queries
            import sns_desk.services.users  # noqa: F401
            from sns_desk.store.database import configure_models, open_database

            configure_models()

            location = self.location()
            return location, open_database(location)

        def done(opened: tuple[Location, Database] | None, error: BaseException | None) -> None:
            if error is None and opened is not None:
                self._after_open(self._opened(opened[1], shell, opened[0]))
                return
            if not isinstance(error, DatabaseError):
                raise error or RuntimeError("opening the database gave nothing")
            log.error("cannot open %s: %s", self.db_override or "the configured database", error.log_message)
            self._close_shell(shell)
            self._after_open(self._database_problem(error))

        run_in_background(shell, work, done)

    def _opened(self, db: Database, shell: MainWindow | None, location: Location) -> bool:
        from sns_desk.services import users

        if not users.has_users(db):
            db.dispose()
            self._close_shell(shell)
            self._show_wizard(location)
            return True
        return self._enter(db, shell)

    def _database_problem(self, error: DatabaseError) -> bool:
        from sns_desk.gui.shared import interaction as common

        box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Warning, common.APP_TITLE, error.message)
        choose = box.addButton("別のデータベースを選ぶ…", QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton("終了", QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is choose:
            name, _f = QtWidgets.QFileDialog.getOpenFileName(
                None, "使うデータベースを選ぶ", "", "SNS Desk (*.sqlite3 *.db);;すべて (*)"
            )
            if name:
                return self.switch_to(name)
        return False

    def _show_wizard(self, fixed: Location | None) -> None:
        from sns_desk.gui.startup.wizard import FirstRunWizard

        wizard = FirstRunWizard(self.login, fixed)
        wizard.setWindowIcon(app_icon())
        wizard.accepted.connect(lambda: self._wizard_done(wizard, fixed))
        wizard.rejected.connect(self.gave_up)
        self.window = wizard
        wizard.show()
        self.shown_at = self.shown_at or time.time()

    def _wizard_done(self, wizard: FirstRunWizard, fixed: Location | None) -> None:
        wizard.deleteLater()
        if wizard.database is None:
            self.gave_up.emit()
            return
        if fixed is not None and self.db_override is None:
            current = Settings.load()
            current.database = str(fixed.path) if fixed.path else fixed.url
            current.save()
        if not self._enter(wizard.database, None):
            self.gave_up.emit()

    def _enter(self, db: Database, shell: MainWindow | None) -> bool:
        from sns_desk.gui.startup.not_registered import NotRegisteredDialog
        from sns_desk.services import users

        try:
            actor = users.resolve_actor(db, self.login)
        except NotRegisteredError as error:
            log.warning("login %s not registered in %s", self.login, db.location.display())
            self._close_shell(shell)
            dialog = NotRegisteredDialog(error, db.location.display())
            dialog.setWindowIcon(app_icon())
            dialog.finished.connect(lambda _code: self._not_registered_done(dialog, db))
            self.window = dialog
            dialog.show()
            return True
        self.db = db
        window = shell or MainWindow()
        window.setWindowIcon(app_icon())
        window.switch_database.connect(self.switch_to)
        self.window = window
        window.show()
        window.attach(db, actor, rest_later=True)  # ready with the first list; the bell follows
        log.info("main window shown for %s on %s (%s)", actor.login, db.location.display(), db.mode.value)
        return True

    def _not_registered_done(self, dialog: NotRegisteredDialog, db: Database) -> None:
        db.dispose()
        dialog.deleteLater()
        if not (dialog.chosen_database and self.switch_to(dialog.chosen_database)):
            self.gave_up.emit()

    def switch_to(self, location: str) -> bool:
        """Use another database from now on (remembered on this PC)."""
        old_window, old_db = self.window, self.db
        current = Settings.load()
        current.database = location
        current.save()
        self.db_override = None
        self.window = None
        if old_window is not None and old_window.isVisible():
            old_window.hide()
        if isinstance(old_window, MainWindow):
            old_window.stop_background_work()  # before its database is disposed of
        if old_window is not None:
            old_window.deleteLater()
        if old_db is not None:
            old_db.dispose()
            self.db = None
        return self.start()


def _import_first_page() -> None:
    import sns_desk.gui.pages
    import sns_desk.gui.posts.posts_page  # noqa: F401  (the first page of everyone's navigation)


def report_first_window(launcher: Launcher, started: float) -> int:
    """For ``--exit-after-start``: say which window start-up reached and when (stdout and log); 0 when shown."""
    window = launcher.window
    shown = window is not None and window.isVisible()
    name = type(window).__name__ if window is not None else "none"
    title = window.windowTitle() if window is not None else ""
    print(f"first window: {name} ({title}) shown={shown}", flush=True)
    if launcher.shown_at is not None and launcher.settled_at is not None:
        # Absolute times, so that a caller can measure from before it started the process (scripts/benchmark.py).
        # ready: the first list on the screen and the window taking input (start-up's quick first read when it
        # was used; the services' list replaces it by settled_at, printed too)
        ready = launcher.first_list_at or launcher.settled_at
        print(
            f"startup: shown_at={launcher.shown_at:.4f} ready_at={ready:.4f} "
            f"settled_at={launcher.settled_at:.4f}",
            flush=True,
        )
    log.info(
        "exit-after-start: first window %s (%s), shown=%s, shown after %.2f s, ready after %.2f s, "
        "settled after %.2f s",
        name,
        title,
        shown,
        (launcher.shown_at or started) - started,
        (launcher.first_list_at or launcher.settled_at or started) - started,
        (launcher.settled_at or started) - started,
    )
    return 0 if shown else 1


def run_gui(
    db_override: str | None = None, exit_after_start: bool = False, verbose: bool | None = None
) -> int:
    """Start the app; with ``verbose`` given, the log file is set up as soon as the first window is shown."""
    started = time.time()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("SNS Desk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("sns-desk")
    app.setWindowIcon(app_icon())
    install_translations(app)
    style.apply_font_scale(app, load_font_scale())  # before any window: the OS's size, or as enlarged in 設定
    qInstallMessageHandler(_qt_message)
    sys.excepthook = _excepthook

    def configure_log() -> None:
        if verbose is not None:
            logging_setup.configure(verbose=verbose, console=False)

    if verbose is not None:
        logging_setup.hold_early_records(verbose=verbose)

    launcher = Launcher(db_override, on_shown=configure_log)
    launcher.gave_up.connect(app.quit)
    outcome = {"code": 1}
    if exit_after_start:

        def settled() -> None:
            app.processEvents()
            outcome["code"] = report_first_window(launcher, started)
            app.quit()

        launcher.settled.connect(settled)
    if not launcher.start():
        launcher.after_shown()
        return 1 if exit_after_start else 0
    code = app.exec()
    launcher.after_shown()
    # Work started on the thread pool (the bell read after start-up, the outbox, the publisher) ends before Python
    # does: a worker still running Python code while the interpreter shuts down crashes the process.
    QtCore.QThreadPool.globalInstance().waitForDone(20_000)
    return outcome["code"] if exit_after_start else code
