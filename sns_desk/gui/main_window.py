"""The main window: navigation on the left, one page at a time, who is working in the status bar.

Start-up shows the window before the database is open (``MainWindow()`` then ``attach(db, actor)``), and builds a
page the first time it is opened: the page modules, openpyxl and the rule data are imported only when needed.
"""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

# What the window needs before the database is open is imported by name; the rest is reached through its module
# (QtWidgets.QStyle) when first used, because PySide6 initialises each class on first access (see app.py).
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolButton, QWidget

from sns_desk import __version__
from sns_desk.gui import style
from sns_desk.gui.forms.ui_mainwindow import Ui_MainWindow
from sns_desk.host import paths

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QStyle

    from sns_desk.domain.mail_kinds import MailKind
    from sns_desk.gui.approvals.approvals_page import ApprovalsPage
    from sns_desk.gui.posts.posts_page import PostsPage
    from sns_desk.gui.posts.posts_preview import PostsPreview
    from sns_desk.gui.settings.settings_page import SettingsPage
    from sns_desk.services import notices
    from sns_desk.services.actors import Actor
    from sns_desk.store.database import Database
    from sns_desk.store.first_page import FirstPage

log = logging.getLogger(__name__)
PageT = TypeVar("PageT", bound=QWidget)


class MainWindow(QMainWindow):
    switch_database = Signal(str)
    ready = Signal()

    def __init__(
        self, db: Database | None = None, actor: Actor | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        # ヘルプ → ガイドライン on the platform's help key (F1 on Windows and Linux), given as the standard key rather
        # than "F1" in the form: setShortcut() made PySide6 create every enum of the Qt namespace (about 12 ms)
        # before the window could be shown (issue 17)
        self.ui.actionGuideline.setShortcuts(QtGui.QKeySequence.StandardKey.HelpContents)
        self.setWindowTitle("SNS Desk")
        self.ui.navList.setStyleSheet(style.NAVIGATION_STYLE)
        self.pages: dict[str, QWidget] = {}  # the pages built so far
        self._keys: list[str] = []  # every page this person sees, in navigation order
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._data_version: int | None = None
        self.notices: list[notices.Notice] = []

        self.user_label = QLabel("起動中…")
        self.user_label.setAccessibleName("ログイン中の利用者と役割")
        self.db_label = QLabel()
        self.db_label.setAccessibleName("データベース")
        self.ui.statusbar.addWidget(self.user_label, 1)
        self.ui.statusbar.addPermanentWidget(self.db_label)
        self.ui.actionQuit.triggered.connect(self.close)
        # Ctrl+Q is given in attach(): turning text into a key sequence loads the Qt namespace (12 ms), and the
        # window should be on the screen before that
        self.ui.actionBackup.triggered.connect(self._backup)
        self.ui.actionBackup.setEnabled(False)
        self.ui.actionOpenLogFolder.triggered.connect(
            lambda: QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(paths.log_dir())))
        )
        self.ui.actionAbout.triggered.connect(self._about)
        self.ui.actionGuideline.triggered.connect(self.open_guideline)
        self.ui.actionManual.triggered.connect(self.open_manual)
        self.bell = QToolButton(self)  # its icon comes with attach(): the style's icons cost time at start-up
        self.bell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bell.setAccessibleName("お知らせ")
        self.bell.setText("お知らせ")
        self.bell_menu = QMenu(self.bell)
        self.bell.setMenu(self.bell_menu)
        self.ui.menubar.setCornerWidget(self.bell)  # the top right corner
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(1500)
        self.watch_timer.timeout.connect(self.check_for_changes)
        self.ui.navList.currentRowChanged.connect(self._page_changed)
        self.loading_label: QLabel | None = None
        self.preview: PostsPreview | None = None  # start-up's first list, until attach() replaces it
        self.attached = False  # True once attach() has filled the window
        self._bell_later = False  # True from start-up's first page until the bell is first read
        self.stopped = False  # True once closed: no background work starts (stop_background_work)
        if db is not None and actor is not None:
            self.attach(db, actor)

    def show_loading(self, where: str) -> None:
        """Before the database is open: the window as it will be, saying what it is waiting for."""
        self.setWindowTitle(f"SNS Desk - {where}")
        self.loading_label = QLabel(f"データベースを開いています…\n{where}")
        # centred through the style sheet: the Qt namespace (Qt.AlignmentFlag) takes 12 ms to load at start-up
        self.loading_label.setStyleSheet(style.LOADING_STYLE)
        self.ui.pages.addWidget(self.loading_label)
        self.ui.pages.setCurrentWidget(self.loading_label)
        self.db_label.setText(where)

    def show_first_page(self, first: FirstPage) -> None:
        """Start-up's first list from the quick first read, while the services load (issue 17, ready): readable
        and scrollable at once; the rest of the window says 「準備中」 until :meth:`attach`."""
        from sns_desk.gui.posts.posts_preview import WAIT, PostsPreview

        self.preview = PostsPreview(first)
        self.preview.open_asked.connect(self._open_when_ready)
        self.ui.pages.addWidget(self.preview)
        self.ui.pages.setCurrentWidget(self.preview)
        if self.loading_label is not None:
            self.ui.pages.removeWidget(self.loading_label)
            self.loading_label.deleteLater()
            self.loading_label = None
        waiting = QtWidgets.QListWidgetItem("画面を準備中…")
        waiting.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)  # not a page: says the navigation is on its way
        waiting.setToolTip(WAIT)
        self.ui.navList.addItem(waiting)
        self.bell.setEnabled(False)  # read once the services are there (after attach)
        self.bell.setToolTip(WAIT)
        self.user_label.setText(f"ログイン中: {first.person.display_name}（{first.person.login}）　準備中…")

    def _open_when_ready(self, post_id: int) -> None:
        self.ui.statusbar.showMessage(f"準備中です。番号 {post_id} の投稿は、準備ができしだい開きます…")

    def _leave_preview(self) -> tuple[list[int], int | None, int | None]:
        """Take start-up's first list away: what it showed, the row chosen in it and the post asked to open."""
        preview, self.preview = self.preview, None
        if preview is None:
            return [], None, None
        shown, chosen, queued = preview.shown_ids(), preview.selected_id(), preview.queued
        self.ui.pages.removeWidget(preview)
        preview.deleteLater()
        self.ui.navList.clear()
        self.bell.setEnabled(True)
        self.bell.setToolTip("")
        return shown, chosen, queued

    def _take_over_preview(self, shown: list[int], chosen: int | None, queued: int | None) -> None:
        """The real 下書き page in place of the first look: the same row chosen, the post asked for opened."""
        if not shown or self.current_key() != "posts":
            return
        page = self.posts_page
        now = [row.id for row in page.model.rows[: len(shown)]]
        if now != shown:  # another PC saved a post between the two reads: the services' list is what counts
            log.info(
                "first list replaced by the services' list (%d rows read first, %d now)", len(shown), len(now)
            )
        for post_id in (queued, chosen):
            row = page.model.find(post_id) if post_id is not None else -1
            if row >= 0:
                page.ui.postsTable.selectRow(row)
                break
        if queued is not None:
            self.ui.statusbar.clearMessage()
            if page.model.find(queued) >= 0:  # still in the person's list
                QTimer.singleShot(0, page.open_selected)

    def attach(self, db: Database, actor: Actor, *, rest_later: bool = False) -> None:
        """The database is open and the person known: fill the navigation, the first page and the status bar.

        With ``rest_later`` (the app's start-up) the window is ready, and takes input, as soon as the first list is
        filled: the bell, the tray, the e-mail outbox and the scheduled publisher follow, their services imported
        and the bell read on a worker thread (issue 17: ready within 2× a bare window).  Without it (a window made
        in one step, as the tests do) everything is there when this returns.
        """
        from sns_desk.gui.pages import PAGES
        from sns_desk.services import navigation

        self.db = db
        self.actor = actor
        self.attached = True
        self.setWindowTitle(f"SNS Desk - {db.location.display()}")
        if self.loading_label is not None:
            self.ui.pages.removeWidget(self.loading_label)
            self.loading_label.deleteLater()
            self.loading_label = None
        previewed = self._leave_preview()
        pix = QtWidgets.QStyle.StandardPixmap
        self.bell.setIcon(self.style().standardIcon(pix.SP_MessageBoxInformation))
        self.bell.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.ui.actionQuit.setShortcut(QtGui.QKeySequence("Ctrl+Q"))
        for key in navigation.pages_for(db, actor):  # who sees which page is the services' answer
            entry = PAGES[key]
            self._add_page(key, entry.label, pix[entry.icon], partial(entry.build, self))
        self._bell_later = rest_later
        if not rest_later:
            self._start_notices_outside()  # before the bell is first filled: its notices go to the tray too
        # builds the first page and (unless later) fills the bell and the badge (_page_changed)
        self.ui.navList.setCurrentRow(0)
        self._take_over_preview(*previewed)
        may_back_up = self.refresh_status()
        self.ui.actionBackup.setEnabled(db.location.path is not None and may_back_up)
        # Live refresh: another PC's change shows within seconds, at the cost of one PRAGMA when nothing changed.
        self._data_version = db.data_version()
        self.watch_timer.start()
        QTimer.singleShot(0, self.check_audit_anchor)
        QTimer.singleShot(0, self._housekeeping)
        if rest_later:
            QTimer.singleShot(0, self._start_the_rest)
        else:
            self._start_publisher()
        # What start-up made (modules, Qt wrappers, SQLAlchemy's mappers) lives until the app ends; moving it out
        # of the collector's reach keeps full collections from pausing a keystroke for ~40 ms (benchmark: the
        # search p95 at 100,000 posts).
        gc.freeze()
        self.ready.emit()

    def _start_publisher(self) -> None:
        from sns_desk.gui.shared.scheduled_publisher import ScheduledPublisher

        # approved posts whose planned time has come go out through this PC's connections (issue 14 item 4)
        self.publisher = ScheduledPublisher(
            self.db, self.actor, lambda text: self.ui.statusbar.showMessage(text, 30000), self
        )
        self.publisher.start()

    def _start_the_rest(self) -> None:
        """After start-up's first list: the bell read, and what the tray and the publisher import, off the GUI
        thread; then the tray, the outbox, the publisher and the bell in it (the window takes input meanwhile)."""
        from sns_desk.gui.shared.background import run_in_background

        if self.stopped:  # closed before this was due
            return
        db, actor = self.db, self.actor

        def work() -> tuple[list[notices.Notice], set[MailKind]]:
            # the services the tray, the outbox and the publisher use, imported here on the worker thread (only
            # plain Python modules: Qt classes are made on the GUI thread)
            import sns_desk.services.mail_outbox
            import sns_desk.services.publishing  # noqa: F401
            from sns_desk.services import notices

            return notices.bell(db, actor)

        run_in_background(self, work, self._rest_started)

    def _rest_started(
        self, result: tuple[list[notices.Notice], set[MailKind]] | None, error: BaseException | None
    ) -> None:
        self._bell_later = False
        self._start_notices_outside()
        self._start_publisher()
        self._warm_search()
        if error is not None or result is None:
            log.warning("notifications failed: %s", getattr(error, "log_message", error))
            return
        self._show_notices(*result)

    def _warm_search(self) -> None:
        """The search's first statement, made on a worker thread once the bell is read, before the person's first
        keystroke (services/post_queries.warm_search)."""
        from sns_desk.gui.shared.interaction import run_in_background
        from sns_desk.services import post_queries

        db, actor = self.db, self.actor

        def done(_result: None, error: BaseException | None) -> None:
            if error is not None:
                log.warning("search warm-up failed: %s", getattr(error, "log_message", error))

        run_in_background(self, lambda: post_queries.warm_search(db, actor), done)

    @property
    def posts_page(self) -> PostsPage:
        from sns_desk.gui.posts.posts_page import PostsPage

        return self._page_of("posts", PostsPage)

    @property
    def approvals_page(self) -> ApprovalsPage | None:
        from sns_desk.gui.approvals.approvals_page import ApprovalsPage

        return self._page_of("approvals", ApprovalsPage) if "approvals" in self._keys else None

    @property
    def settings_page(self) -> SettingsPage:
        from sns_desk.gui.settings.settings_page import SettingsPage

        return self._page_of("settings", SettingsPage)

    def _page_of(self, key: str, kind: type[PageT]) -> PageT:
        page = self.page(key)
        if not isinstance(page, kind):
            raise TypeError(f"page {key} is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built the first time it is asked for."""
        if key not in self.pages:
            index = self._keys.index(key)
            page = self._factories[key]()
            placeholder = self.ui.pages.widget(index)
            self.pages[key] = page
            self.ui.pages.insertWidget(index, page)
            if placeholder is not None:
                self.ui.pages.removeWidget(placeholder)
                placeholder.deleteLater()
        return self.pages[key]

    def check_audit_anchor(self) -> list[str]:
        """At start-up: warn at once if the audit log lost what this PC saw before (tail cut, history rewritten,
        another database id, another システム管理者 key), if this PC's clock is behind the others', or if the file is
        somewhere risky or read-only.  A restore signed by the システム管理者 is shown once; a warning stays until
        the person confirms it after asking the システム管理者."""
        from sns_desk.gui.shared.interaction import confirm, inform, show_error, warn
        from sns_desk.services import audit_log as auditlog
        from sns_desk.services.server_notices import server_notices

        try:
            check = auditlog.start_check(self.db)
            lost = check.warnings
            others = (
                auditlog.clock_warnings(self.db) + self.db.warnings() + server_notices(self.db, self.actor)
            )
        except Exception as error:
            show_error(self, error, "checking the audit anchor")
            return []
        parts = []
        if lost:
            parts.append(
                "監査ログに注意が必要です。\n" + "\n".join(lost) + "\nシステム管理者に連絡してください。"
            )
            self.ui.statusbar.showMessage("⚠ 監査ログに注意が必要です（監査ログ画面で検査してください）")
        if others:
            parts.append("\n".join(others))
            if not lost:
                self.ui.statusbar.showMessage("⚠ " + others[0].split("。")[0])
        if parts:
            warn(self, "\n\n".join(parts))
        if lost and confirm(
            self,
            "システム管理者に直接確認し、今のデータベースの内容（とシステム管理者の鍵）が正しいと分かった場合だけ"
            "「はい」を選んでください。この PC は今の内容を受け入れ、次回から警告しません。",
        ):
            try:
                auditlog.accept_current_history(self.db, self.actor)
            except Exception as error:
                show_error(self, error, "accepting the current history")
        if check.notices:
            inform(self, "\n".join(check.notices))
        return lost + check.notices + others

    def refresh_notifications(self) -> list[notices.Notice]:
        """The bell: what is waiting for this person, each entry leading to the screen that deals with it."""
        from sns_desk.services import notices

        try:
            waiting, muted = notices.bell(self.db, self.actor)  # the tray's muted kinds read with them
        except Exception as error:
            log.warning("notifications failed: %s", error)
            return []
        self._show_notices(waiting, muted)
        return waiting

    def _show_notices(self, waiting: list[notices.Notice], muted: set[MailKind]) -> None:
        self.notices = waiting
        if getattr(self, "tray", None) is not None:
            self.tray.update(waiting, muted)
        if "approvals" in self._keys:  # the bell counted them: the badge needs no read of its own
            self.set_pending_badge(sum(n.count for n in waiting if n.kind in ("approvals", "after_approval")))
        self.bell.setText(f"お知らせ（{len(waiting)}）" if waiting else "お知らせ")
        font = self.bell.font()
        font.setBold(bool(waiting))
        self.bell.setFont(font)
        self.bell_menu.clear()
        for notice in waiting:
            action = self.bell_menu.addAction(notice.text)
            action.triggered.connect(lambda _checked=False, page=notice.page: self._go(page))
        if not waiting:
            self.bell_menu.addAction("お知らせはありません。").setEnabled(False)

    def _start_notices_outside(self) -> None:
        """The tray shows new notices; this PC sends the e-mail outbox every minute, off the GUI thread."""
        from sns_desk.gui.shared.notice_tray import BackgroundMailer, NoticeTray
        from sns_desk.host.mail_transport import sending_pc
        from sns_desk.services import mail_outbox

        self.tray = NoticeTray(
            self.windowIcon() if not self.windowIcon().isNull() else self.bell.icon(), self
        )
        if self.tray.icon is not None:
            self.tray.icon.messageClicked.connect(self._raise_window)
        db, pc = self.db, sending_pc()
        self.mailer = BackgroundMailer(lambda: mail_outbox.send_due(db, pc), self)
        self.mailer.start()

    def _raise_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def current_key(self) -> str | None:
        row = self.ui.navList.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def check_for_changes(self) -> bool:
        version = self.db.data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        key = self.current_key()
        page = self.pages.get(key) if key else None
        refresh = getattr(page, "live_refresh", None) or getattr(page, "refresh", None)
        if callable(refresh) and key != "settings" and not QtWidgets.QApplication.activeModalWidget():
            refresh()
        self.refresh_notifications()  # and the badge of 承認待ち
        return True

    def _go(self, page: str) -> None:
        if page in self._keys:
            self.show_page(page)

    def _housekeeping(self) -> None:
        """Erase inquiry contents past the retention period (§7; personal data kept to the minimum)."""
        from sns_desk.domain.errors import PermissionDeniedError
        from sns_desk.services import backups as backup
        from sns_desk.services import inquiries

        purged = 0
        try:
            purged = inquiries.purge_expired(self.db, self.actor)
        except PermissionDeniedError:
            pass  # §7: those who log an account's inquiries erase its old ones; this person logs none
        except Exception as error:  # the automatic backup below still runs
            log.warning("inquiry purge failed: %s", getattr(error, "log_message", error))
        if purged:
            log.info("purged the content of %d inquiries past retention", purged)
        try:
            made = backup.auto_backup_if_due(self.db, self.actor)
        except Exception as error:  # a full or read-only backup folder must not stop the work
            log.warning("automatic backup failed: %s", getattr(error, "log_message", error))
            self.ui.statusbar.showMessage("⚠ 自動バックアップを作成できませんでした（詳しくはログ）", 10000)
            return
        if made is not None:
            log.info("automatic backup %s", made)

    def _page_changed(self, row: int) -> None:
        if not 0 <= row < len(self._keys):
            return
        key = self._keys[row]
        fresh = key not in self.pages
        page = self.page(key)
        self.ui.pages.setCurrentIndex(row)
        refresh = getattr(page, "refresh", None)
        if callable(refresh) and key != "settings" and not fresh:
            refresh()  # show what other PCs did since (a cheap re-read of one screen)
        if not self._bell_later:  # at start-up the bell is read off the GUI thread (_start_the_rest)
            self.refresh_notifications()

    def set_pending_badge(self, count: int) -> None:
        if "approvals" not in self._keys:
            return
        item = self.ui.navList.item(self._keys.index("approvals"))
        item.setText(f"承認待ち（{count}）" if count else "承認待ち")
        font = item.font()
        font.setBold(bool(count))
        item.setFont(font)
        item.setToolTip(f"あなたの承認を待っている投稿: {count} 件")

    def pending_badge(self) -> str:
        if "approvals" not in self._keys:
            return ""
        return self.ui.navList.item(self._keys.index("approvals")).text()

    def _add_page(
        self, key: str, title: str, icon: QStyle.StandardPixmap, factory: Callable[[], QWidget]
    ) -> None:
        self._keys.append(key)
        self._factories[key] = factory
        self.ui.pages.addWidget(QWidget())  # replaced by the page when it is first opened
        item = QtWidgets.QListWidgetItem(self.style().standardIcon(icon), title)
        item.setData(QtCore.Qt.ItemDataRole.UserRole, key)
        self.ui.navList.addItem(item)

    def nav_titles(self) -> list[str]:
        return [self.ui.navList.item(i).text() for i in range(self.ui.navList.count())]

    def show_page(self, key: str) -> QWidget:
        self.ui.navList.setCurrentRow(self._keys.index(key))
        return self.page(key)

    def refresh_status(self) -> bool:
        """The status bar; says whether the person may back up the database (read with their roles)."""
        from sns_desk.services import users

        summary, may_back_up = users.status_bar(self.db, self.actor)
        self.user_label.setText(
            f"ログイン中: {self.actor.display_name}（{self.actor.login}）　役割: {summary}"
        )
        mode = {"local": "この PC", "shared": "共有フォルダ", "server": "サーバー"}[self.db.mode.value]
        self.db_label.setText(f"データ: {mode}　{self.db.location.display()}")
        return may_back_up

    def _backup(self) -> None:
        self.show_page("settings")
        self.settings_page.backup()

    def open_guideline(self) -> None:
        from sns_desk.gui.help.guideline_viewer import open_guideline  # loaded when first asked for

        open_guideline(self)

    def open_manual(self) -> None:
        from sns_desk.gui.help.manual_viewer import open_manual  # loaded when first asked for

        open_manual()

    def _about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            "SNS Desk について",
            f"SNS Desk {__version__}\n\n公式ソーシャルメディアアカウントを、市のソーシャルメディア運用"
            "ガイドラインに沿って運用するためのアプリです。",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # the help windows are windows of their own: they go with the app
        if "sns_desk.gui.help.guideline_viewer" in sys.modules:
            sys.modules["sns_desk.gui.help.guideline_viewer"].close_guideline()
        if "sns_desk.gui.help.manual_viewer" in sys.modules:
            sys.modules["sns_desk.gui.help.manual_viewer"].close_manual()
        self.stop_background_work()
        super().closeEvent(event)

    def stop_background_work(self) -> None:
        """The window closes or leaves its database: what it started on other threads ends before the database
        is disposed of (the bell read, the search warm-up, the outbox's sending, the scheduled publisher), and
        what they have not reported yet is dropped.  Nothing starts afterwards.  A worker still using the
        database as the test or the app disposed of it, or running Python as the interpreter ended, could crash
        the process."""
        from sns_desk.gui.shared.background import stop_background

        self.stopped = True
        self.watch_timer.stop()
        if getattr(self, "mailer", None) is not None:
            self.mailer.stop()
            self.tray.hide()
        publisher = getattr(self, "publisher", None)
        if publisher is not None and not publisher.stop():
            log.warning("scheduled publishing still running as the window closed")
        if not stop_background(self):
            log.warning("background work still running as the window closed")
