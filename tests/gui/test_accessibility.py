"""Accessibility (issue 16, item 6, and the tooltips of item 3): every page worked by the keyboard alone, every
button and menu action explained, the text size the OS's or enlarged in 設定 and remembered on this PC."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import AccountStatus, IncidentType
from sns_desk.gui import style
from sns_desk.gui.calendar.calendar_page import CalendarPage, _day_summary
from sns_desk.gui.help.guideline_viewer import GuidelineViewer
from sns_desk.gui.incidents.incidents_page import IncidentsPage
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.posts.section8_dialogs import Measure, Section8Dialog
from sns_desk.gui.settings.settings_page import SettingsPage
from sns_desk.host import settings
from sns_desk.services import incidents, navigation, post_workflow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from tests.test_posts import draft, in_hours, submit, version
from tests.world import People, in_state

CONTROLS = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def pages(db: Database, people: People) -> Iterator[tuple[Actor, MainWindow, str, QWidget]]:
    """Every page, as each person who sees pages the others do not (the 管理者's 承認待ち, 広報課, the admin)."""
    in_state(db, people, AccountStatus.ACTIVE)
    seen: set[str] = set()
    for actor in (people.admin, people.kacho, people.koho, people.tanto):
        window = MainWindow(db, actor)
        window.resize(1200, 800)
        window.show()
        for key in navigation.pages_for(db, actor):
            if key.value not in seen:
                seen.add(key.value)
                yield actor, window, key.value, window.show_page(key)
        window.close()


def own(widget: QWidget) -> bool:
    """A control the page put there (not a part Qt builds inside a calendar, a tab bar or a spin box)."""
    name = widget.objectName()
    return bool(name) and not name.startswith("qt_") and not isinstance(widget.parentWidget(), QTabBar)


def test_every_button_and_menu_action_says_what_it_does(qtbot: QtBot, db: Database, people: People) -> None:
    missing = []
    for _actor, window, key, page in pages(db, people):
        qtbot.addWidget(window)
        for button in page.findChildren(QAbstractButton):
            if (
                isinstance(button, (QPushButton, QToolButton))
                and own(button)
                and not button.toolTip().strip()
            ):
                missing.append(f"{key}: {button.objectName()} 「{button.text()}」")
        for menu in (window.ui.menuFile, window.ui.menuHelp):
            for action in menu.actions():
                default = action.text().replace("&", "").split("(")[0]  # Qt's tooltip when none is given
                if not action.isSeparator() and action.toolTip().startswith(default):
                    missing.append(f"menu: {action.objectName()} 「{action.text()}」")
    assert sorted(set(missing)) == []


def focus_chain(window: QWidget, start: QWidget, page: QWidget, limit: int = 200) -> list[QWidget]:
    """Press Tab from ``start`` until focus comes round to it again; the widgets it visited on ``page``."""
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window), "the window must have the keyboard"
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(limit):
        current = QApplication.focusWidget()
        assert current is not None
        QTest.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is start or now is None:
            break
        if page.isAncestorOf(now) and now not in visited:
            visited.append(now)
    return visited


def test_every_page_is_worked_by_tab_alone(qtbot: QtBot, db: Database, people: People) -> None:
    unreachable = []
    for _actor, window, key, page in pages(db, people):
        qtbot.addWidget(window)
        workable = [  # as the page opens (a row chosen on the way may enable more: they follow the row)
            control
            for control in page.findChildren(QWidget)
            if isinstance(control, CONTROLS)
            and own(control)
            and control.isVisible()
            and control.isEnabled()
            and control.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert workable, key
        reached = focus_chain(window, window.ui.navList, page)
        unreachable += [
            f"{key}: {type(c).__name__} {c.objectName()}"
            for c in workable
            if not any(c is r or c.isAncestorOf(r) for r in reached)
        ]
    assert unreachable == []


def test_the_tab_walk_notices_a_control_that_swallows_tab(qtbot: QtBot) -> None:
    """A text box that types a tab instead of moving on traps the keyboard: what follows is unreachable."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    start, page = QListWidget(), QWidget()
    layout.addWidget(start)
    layout.addWidget(page)
    inner = QVBoxLayout(page)
    trap, after = QPlainTextEdit(), QPushButton("後ろのボタン")
    inner.addWidget(trap)
    inner.addWidget(after)
    window.show()
    assert focus_chain(window, start, page) == [trap]
    trap.setTabChangesFocus(True)
    assert focus_chain(window, start, page) == [trap, after]


@pytest.fixture
def os_font(qapp: QApplication) -> Iterator[float]:
    """The application font as the OS gave it, put back after the test (it is one for the whole run)."""
    style.apply_font_scale(qapp, 100)
    points = style.font_points()
    yield points
    style.apply_font_scale(qapp, 100)


def test_the_text_size_follows_the_os_and_is_enlarged_in_the_settings(
    qtbot: QtBot, db: Database, people: People, os_font: float
) -> None:
    assert settings.load_font_scale() == 100  # never chosen: the OS's size
    page = SettingsPage(db, people.tanto)
    qtbot.addWidget(page)
    combo = page.ui.fontScaleCombo
    assert combo.currentText() == "標準（OS の設定）" and combo.toolTip()
    combo.setCurrentIndex(combo.findData(150))
    assert style.font_points() == pytest.approx(os_font * 1.5, abs=0.1)
    assert (
        "24.0pt" in style.TITLE_STYLE and page.ui.titleLabel.styleSheet() == style.TITLE_STYLE
    )  # open ones too
    assert QPushButton("新しいボタン").font().pointSizeF() == pytest.approx(os_font * 1.5, abs=0.1)
    assert settings.load_font_scale() == 150  # remembered for this person on this PC

    again = SettingsPage(db, people.tanto)  # the next start shows the choice
    qtbot.addWidget(again)
    assert again.ui.fontScaleCombo.currentData() == 150
    again.ui.fontScaleCombo.setCurrentIndex(0)
    assert style.font_points() == pytest.approx(os_font, abs=0.1) and "16.0pt" in style.TITLE_STYLE
    assert page.ui.titleLabel.styleSheet() == style.TITLE_STYLE


def test_an_unusable_remembered_size_falls_back_to_the_os(os_font: float) -> None:
    settings.settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings.settings_path().write_text('{"font_scale": 999, "database": null}', encoding="utf-8")
    assert settings.load_font_scale() == 100
    with pytest.raises(ValueError):
        settings.save_font_scale(999)
    settings.save_font_scale(130)
    assert settings.load_font_scale() == 130 and settings.Settings.load().database is None


def test_a_status_shown_in_red_also_says_it_in_words(qtbot: QtBot, db: Database, people: People) -> None:
    """A serious trouble still open is red in the list, and its 状況 says 重大; a day of the calendar says
    what its colour means (overdue days are also underlined)."""
    account = in_state(db, people, AccountStatus.ACTIVE)
    incidents.open_incident(
        db, people.tanto, account, IncidentType.IMPERSONATION, "偽アカウント", serious=True
    )
    page = IncidentsPage(db, people.kacho)
    qtbot.addWidget(page)
    index = page.model.index(0, 1)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None and "（重大）" in index.data()

    assert _day_summary(3, 1, 1) == "3 件（期限切れ 1 件（下線）、投稿済 1 件）"
    assert _day_summary(2, 0, 0) == "2 件"
    published = draft(db, people.tanto, account, "投稿済みの投稿")
    submit(db, people.tanto, published)
    post_workflow.approve(db, people.kacho, published, version(db, people.kacho, published))
    when = in_hours(0)  # published inside the office hours (§5(9)), today or the next working day
    post_workflow.record_publication(
        db, people.tanto, published, version(db, people.tanto, published), "https://x.com/k/status/9", when
    )
    calendar = CalendarPage(db, people.tanto)
    qtbot.addWidget(calendar)
    day = when.astimezone(JST).date()
    calendar.ui.calendar.setCurrentPage(day.year, day.month)
    shown = calendar.ui.calendar.dateTextFormat(QDate(day.year, day.month, day.day))
    assert "投稿済 1 件" in shown.toolTip()


def test_the_help_windows_and_the_section8_dialog_are_worked_by_tab_alone(
    qtbot: QtBot, db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = draft(db, people.tanto, account, "花火大会は8月10日です。")
    submit(db, people.tanto, post_id)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    post_workflow.record_publication(
        db, people.tanto, post_id, version(db, people.tanto, post_id), "https://x.com/k/status/3", in_hours(0)
    )
    dialog = Section8Dialog(db, people.kacho, post_id, Measure.DELETE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.reasonEdit.setPlainText("運用ポリシーに抵触")
    reached = focus_chain(dialog, dialog.ui.reasonEdit, dialog)
    assert dialog.ok_button in reached and dialog.ui.postView in reached

    viewer = GuidelineViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    assert {viewer.contents, viewer.browser} <= set(focus_chain(viewer, viewer.search_edit, viewer))
