"""The main window shows the pages the services say a person may open, each built from the page registry."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.pages import PAGES
from sns_desk.services import navigation
from sns_desk.services.navigation import Page
from sns_desk.store.database import Database
from tests.world import People, in_state


def test_the_navigation_is_the_services_answer_for_each_person(
    qtbot: QtBot, db: Database, people: People
) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    for actor in (people.tanto, people.kacho, people.kyokucho, people.koho, people.admin):
        window = MainWindow(db, actor)
        qtbot.addWidget(window)
        expected = navigation.pages_for(db, actor)
        assert (
            window.nav_titles()[1:] == [PAGES[p].label for p in expected][1:]
        )  # the first may carry a badge
        assert ("承認待ち" in window.pending_badge()) == (Page.APPROVALS in expected), actor.login
        window.close()


def test_every_page_of_the_registry_opens(qtbot: QtBot, db: Database, people: People) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    window = MainWindow(db, people.admin)
    qtbot.addWidget(window)
    window.show()
    assert set(PAGES) == set(Page), "every screen has its entry"
    for key in navigation.pages_for(db, people.admin):
        page = window.show_page(key)
        assert window.current_key() == key and window.ui.pages.currentWidget() is page
        assert type(page).__name__.endswith("Page"), f"{key} built {type(page).__name__}, not its page"
