"""The page registry: every screen of the main window, with its label, its icon and how it is built.

Who sees a page is not decided here: the window shows the pages :func:`sns_desk.services.navigation.pages_for`
answers for the person, in the order of :class:`~sns_desk.services.navigation.Page`.  Each page module is
imported only when its page is first opened (start-up stays quick).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sns_desk.services.navigation import Page

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from sns_desk.services.actors import Actor
    from sns_desk.store.database import Database


class MainWindow(Protocol):
    """What a page needs of the window that holds it (sns_desk.gui.main_window.MainWindow)."""

    db: Database
    actor: Actor

    @property
    def switch_database(self) -> SignalInstance: ...

    def set_pending_badge(self, count: int) -> None: ...


@dataclass(frozen=True)
class PageEntry:
    key: Page
    label: str
    icon: str  # the name of a QStyle.StandardPixmap: resolved when the window is filled, not at import
    build: Callable[[MainWindow], QWidget]


def _posts(window: MainWindow) -> QWidget:
    from sns_desk.gui.posts.posts_page import PostsPage

    return PostsPage(window.db, window.actor)


def _approvals(window: MainWindow) -> QWidget:
    from sns_desk.gui.approvals.approvals_page import ApprovalsPage

    page = ApprovalsPage(window.db, window.actor)
    page.count_changed.connect(window.set_pending_badge)
    return page


def _plain(module: str, name: str) -> Callable[[MainWindow], QWidget]:
    """A page that needs only the database and the person: its module is imported when it is first opened."""

    def build(window: MainWindow) -> QWidget:
        from importlib import import_module

        page_class: Callable[[Database, Actor], QWidget] = getattr(
            import_module(f"sns_desk.gui.{module}"), name
        )
        return page_class(window.db, window.actor)

    return build


def _settings(window: MainWindow) -> QWidget:
    from sns_desk.gui.settings.settings_page import SettingsPage

    page = SettingsPage(window.db, window.actor)
    page.switch_database.connect(window.switch_database)
    return page


PAGES: dict[Page, PageEntry] = {
    entry.key: entry
    for entry in (
        PageEntry(Page.POSTS, "下書き", "SP_FileIcon", _posts),
        PageEntry(Page.APPROVALS, "承認待ち", "SP_DialogApplyButton", _approvals),
        PageEntry(
            Page.CALENDAR, "予定", "SP_FileDialogListView", _plain("calendar.calendar_page", "CalendarPage")
        ),
        PageEntry(
            Page.ACCOUNTS, "アカウント", "SP_DirLinkIcon", _plain("accounts.accounts_page", "AccountsPage")
        ),
        PageEntry(
            Page.INCIDENTS,
            "トラブル",
            "SP_MessageBoxWarning",
            _plain("incidents.incidents_page", "IncidentsPage"),
        ),
        PageEntry(
            Page.INQUIRIES,
            "問い合わせ",
            "SP_MessageBoxQuestion",
            _plain("inquiries.inquiries_page", "InquiriesPage"),
        ),
        PageEntry(
            Page.REPORTS, "報告書", "SP_DialogSaveButton", _plain("reports.reports_page", "ReportsPage")
        ),
        PageEntry(
            Page.OVERVIEW,
            "運用状況",
            "SP_FileDialogContentsView",
            _plain("overview.overview_page", "OverviewPage"),
        ),
        PageEntry(
            Page.RULES, "チェック規則", "SP_FileDialogContentsView", _plain("rules.rules_page", "RulesPage")
        ),
        PageEntry(
            Page.AUDIT, "監査ログ", "SP_FileDialogDetailedView", _plain("audit.audit_page", "AuditLogPage")
        ),
        PageEntry(Page.USERS, "ユーザー管理", "SP_DirHomeIcon", _plain("users.users_page", "UsersPage")),
        PageEntry(Page.SETTINGS, "設定", "SP_FileDialogInfoView", _settings),
    )
}
