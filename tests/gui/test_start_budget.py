"""Start-up's query budget (issue 17): from the database being attached to the first list filled — the
navigation, the first page, the pending badge, the status bar and the bell — a fixed number of queries, the
same in a small city and in one ten times its size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from sns_desk.gui.main_window import MainWindow
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database, open_database
from tests.scale import build_city, counting

# Issue 17 asks for 25: 19 for a 管理者 (17 for the システム管理者, who decides no posts).  Each read loads the person
# with their memberships, 代決 designations, muted kinds and the city's settings in one statement
# (services/person_facts), so nothing about the person is read twice within a read: the navigation (the person: 1,
# whether they are a 代決 deputy comes from their designations); the posts page's filters — the account list (the
# person, the accounts, their members, the §3(2) reports not yet recorded: 4) and the people (the person, the people,
# their roles: 3); the 緊急停止 banner (the person, the stops in force, the accounts one may stop: 3); the first list
# (the person, the posts: 2); the bell (the person, the posts to decide, the standing-scope reviews, the serious
# troubles, every account's monitoring, password and reports: 5); the status bar (the person, their roles with the
# account names read with them: 1).
BUDGET = 19


def start(qtbot: QtBot, db: Database, actor: Actor) -> tuple[int, MainWindow]:
    with counting(db) as seen:
        window = MainWindow(db, actor)  # attach(): navigation, first page, badge, status bar, bell
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.posts_page.model.rowCount() > 0)  # the first list is filled
    window.close()

    return seen.count, window


@pytest.mark.parametrize("who", ["admin", "manager"])
def test_start_runs_the_same_few_queries_whatever_the_size_of_the_city(
    qtbot: QtBot, template_db: Path, tmp_path: Path, who: str
) -> None:
    counts = []
    for n, (accounts, posts) in enumerate([(3, 6), (30, 30)]):
        path = tmp_path / f"city{n}.sqlite3"
        shutil.copyfile(template_db, path)
        db = open_database(path)
        try:
            admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "情報政策課")
            city = build_city(db, admin, accounts, posts)
            count, window = start(qtbot, db, admin if who == "admin" else city.manager)
            counts.append(count)
            assert window.posts_page.model.rowCount() == min(
                accounts * posts, 200
            )  # every post of the city, first page
        finally:
            db.dispose()
    assert counts[0] == counts[1], f"start-up's queries grow with the city: {counts}"
    assert counts[1] <= BUDGET, f"{counts[1]} queries at start-up, budget {BUDGET}"
