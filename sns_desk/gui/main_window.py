"""The main window: navigation on the left, one page at a time, who is working in the status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStyle,
    QToolButton,
    QWidget,
)

from sns_desk import __version__, paths, reports
from sns_desk.db import Database
from sns_desk.gui.accounts_page import AccountsPage
from sns_desk.gui.approvals_page import ApprovalsPage
from sns_desk.gui.audit_page import AuditLogPage
from sns_desk.gui.calendar_page import CalendarPage
from sns_desk.gui.common import show_error, warn
from sns_desk.gui.forms.ui_mainwindow import Ui_MainWindow
from sns_desk.gui.incidents_page import IncidentsPage
from sns_desk.gui.inquiries_page import InquiriesPage
from sns_desk.gui.posts_page import PostsPage
from sns_desk.gui.reports_page import ReportsPage
from sns_desk.gui.settings_page import SettingsPage
from sns_desk.gui.users_page import UsersPage
from sns_desk.models import Role
from sns_desk.permissions import Permission
from sns_desk.services import auditlog, backup, incidents, users
from sns_desk.services.common import Actor

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    switch_database = Signal(str)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"SNS Desk - {db.location.display()}")
        self.ui.navList.setStyleSheet(
            "QListWidget { background: #f3f5f8; font-size: 11pt; padding-top: 8px; }"
            "QListWidget::item { padding: 8px 10px; }"
            "QListWidget::item:selected { background: #1f5fa8; color: white; }"
        )
        self.pages: dict[str, QWidget] = {}
        style = self.style()
        self.posts_page = PostsPage(db, actor)
        self._add_page(
            "posts", "下書き", self.posts_page, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        )
        roles = users.actor_roles(db, actor)
        self.approvals_page: ApprovalsPage | None = None
        if roles & {Role.MANAGER, Role.RESPONSIBLE}:
            self.approvals_page = ApprovalsPage(db, actor)
            self._add_page(
                "approvals",
                "承認待ち",
                self.approvals_page,
                style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            )
            self.approvals_page.count_changed.connect(self._set_pending_badge)
            self._set_pending_badge(self.approvals_page.model.rowCount())
        self._add_page(
            "calendar",
            "予定",
            CalendarPage(db, actor),
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogListView),
        )
        self._add_page(
            "accounts",
            "アカウント",
            AccountsPage(db, actor),
            style.standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon),
        )
        self._add_page(
            "incidents",
            "トラブル",
            IncidentsPage(db, actor),
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        )
        self._add_page(
            "inquiries",
            "問い合わせ",
            InquiriesPage(db, actor),
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxQuestion),
        )
        if users.may(db, actor, Permission.VIEW_CITY_WIDE) or reports.reportable_accounts(db, actor):
            self._add_page(
                "reports",
                "報告書",
                ReportsPage(db, actor),
                style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton),
            )
        if users.may(db, actor, Permission.VIEW_AUDIT_LOG):
            self._add_page(
                "audit",
                "監査ログ",
                AuditLogPage(db, actor),
                style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            )
        if users.may(db, actor, Permission.MANAGE_USERS):
            self._add_page(
                "users",
                "ユーザー管理",
                UsersPage(db, actor),
                style.standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon),
            )
        self.settings_page = SettingsPage(db, actor)
        self.settings_page.switch_database.connect(self.switch_database)
        self._add_page(
            "settings",
            "設定",
            self.settings_page,
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView),
        )
        self.ui.navList.currentRowChanged.connect(self._page_changed)
        self.ui.navList.setCurrentRow(0)

        self.user_label = QLabel()
        self.user_label.setAccessibleName("ログイン中の利用者と役割")
        self.db_label = QLabel()
        self.db_label.setAccessibleName("データベース")
        self.ui.statusbar.addWidget(self.user_label, 1)
        self.ui.statusbar.addPermanentWidget(self.db_label)
        self.refresh_status()

        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionBackup.triggered.connect(self._backup)
        self.ui.actionBackup.setEnabled(self.settings_page.ui.backupButton.isEnabled())
        self.ui.actionOpenLogFolder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        self.ui.actionAbout.triggered.connect(self._about)
        self.bell = QToolButton(self)
        self.bell.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation))
        self.bell.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bell.setAccessibleName("お知らせ")
        self.bell_menu = QMenu(self.bell)
        self.bell.setMenu(self.bell_menu)
        self.ui.menubar.setCornerWidget(self.bell, Qt.Corner.TopRightCorner)
        self.refresh_notifications()
        # Live refresh: another PC's change shows within seconds, at the cost of one PRAGMA when nothing changed.
        self._data_version = db.data_version()
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(1500)
        self.watch_timer.timeout.connect(self.check_for_changes)
        self.watch_timer.start()
        QTimer.singleShot(0, self.check_audit_anchor)
        QTimer.singleShot(0, self._housekeeping)

    def check_audit_anchor(self) -> list[str]:
        """Warn at once if the audit log lost what this PC verified before (tail cut, history rewritten)."""
        try:
            warnings = auditlog.anchor_warnings(self.db)
        except Exception as error:
            show_error(self, error, "checking the audit anchor")
            return []
        if warnings:
            text = (
                "監査ログに注意が必要です。\n" + "\n".join(warnings) + "\nシステム管理者に連絡してください。"
            )
            self.ui.statusbar.showMessage("⚠ 監査ログに注意が必要です（監査ログ画面で検査してください）")
            warn(self, text)
        return warnings

    def refresh_notifications(self) -> list[incidents.Notice]:
        """The bell: what is waiting for this person, each entry leading to the screen that deals with it."""
        try:
            notices = incidents.notifications(self.db, self.actor)
        except Exception as error:
            log.warning("notifications failed: %s", error)
            return []
        self.notices = notices
        self.bell.setText(f"お知らせ（{len(notices)}）" if notices else "お知らせ")
        font = self.bell.font()
        font.setBold(bool(notices))
        self.bell.setFont(font)
        self.bell_menu.clear()
        for notice in notices:
            action = self.bell_menu.addAction(notice.text)
            action.triggered.connect(lambda _checked=False, page=notice.page: self._go(page))
        if not notices:
            self.bell_menu.addAction("お知らせはありません。").setEnabled(False)
        return notices

    def check_for_changes(self) -> bool:
        version = self.db.data_version()
        if version is None or version == self._data_version:
            return False
        self._data_version = version
        page = self.ui.pages.currentWidget()
        refresh = getattr(page, "live_refresh", None) or getattr(page, "refresh", None)
        if callable(refresh) and page is not self.settings_page and not QApplication.activeModalWidget():
            refresh()
        if self.approvals_page is not None and page is not self.approvals_page:
            from sns_desk.services import posts

            self._set_pending_badge(posts.count_pending_for(self.db, self.actor))
        self.refresh_notifications()
        return True

    def _go(self, page: str) -> None:
        if page in self.pages:
            self.show_page(page)

    def _housekeeping(self) -> None:
        """Erase inquiry contents past the retention period (§7; personal data kept to the minimum)."""
        try:
            purged = incidents.purge_expired(self.db, self.actor)
        except Exception as error:
            log.warning("inquiry purge failed: %s", error)
            return
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
        self.ui.pages.setCurrentIndex(row)
        page = self.ui.pages.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh) and page is not self.settings_page:
            refresh()  # show what other PCs did since (a cheap re-read of one screen)
        if hasattr(self, "bell"):
            self.refresh_notifications()

    def _set_pending_badge(self, count: int) -> None:
        keys = list(self.pages)
        if "approvals" not in keys:
            return
        item = self.ui.navList.item(keys.index("approvals"))
        item.setText(f"承認待ち（{count}）" if count else "承認待ち")
        font = item.font()
        font.setBold(bool(count))
        item.setFont(font)
        item.setToolTip(f"あなたの承認を待っている投稿: {count} 件")

    def pending_badge(self) -> str:
        keys = list(self.pages)
        return self.ui.navList.item(keys.index("approvals")).text() if "approvals" in keys else ""

    def _add_page(self, key: str, title: str, page: QWidget, icon: QIcon) -> None:
        self.pages[key] = page
        self.ui.pages.addWidget(page)
        item = QListWidgetItem(icon, title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.ui.navList.addItem(item)

    def nav_titles(self) -> list[str]:
        return [self.ui.navList.item(i).text() for i in range(self.ui.navList.count())]

    def show_page(self, key: str) -> QWidget:
        keys = list(self.pages)
        self.ui.navList.setCurrentRow(keys.index(key))
        return self.pages[key]

    def refresh_status(self) -> None:
        summary = users.roles_summary(self.db, self.actor)
        self.user_label.setText(
            f"ログイン中: {self.actor.display_name}（{self.actor.login}）　役割: {summary}"
        )
        mode = {"local": "この PC", "shared": "共有フォルダ", "server": "サーバー"}[self.db.mode.value]
        self.db_label.setText(f"データ: {mode}　{self.db.location.display()}")

    def _backup(self) -> None:
        self.show_page("settings")
        self.settings_page.backup()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "SNS Desk について",
            f"SNS Desk {__version__}\n\n公式ソーシャルメディアアカウントを、市のソーシャルメディア運用"
            "ガイドラインに沿って運用するためのアプリです。",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watch_timer.stop()
        super().closeEvent(event)
