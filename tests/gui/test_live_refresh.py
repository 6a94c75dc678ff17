"""Another PC's change appears in open lists and badges within 3 seconds, without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.main_window import MainWindow
from sns_desk.services import post_drafts, post_queries, post_workflow
from sns_desk.store.database import Database, open_database
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, in_state

BOTH_BACKENDS = True  # the file's data_version and the server's newest audit number (tests/conftest.py)


def test_a_submission_on_another_pc_shows_in_the_badge_and_the_list(
    qtbot: QtBot, db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    window = MainWindow(db, people.kacho)
    qtbot.addWidget(window)
    window.show()
    posts_page = window.show_page("posts")
    assert window.pending_badge() == "承認待ち"
    assert not window.check_for_changes(), "nothing changed: nothing re-read"

    other_pc = open_database(
        db.location.path or db.location.url
    )  # a second PC: its own engine and connections
    try:
        post_id = post_drafts.create_draft(
            other_pc, people.tanto, post_drafts.PostInput(account, "別の PC で作成", planned_at=in_hours())
        )
        post_workflow.submit(
            other_pc,
            people.tanto,
            post_id,
            post_queries.get_post(other_pc, people.tanto, post_id).row.version,
            ALL_CHECKED,
        )
    finally:
        other_pc.dispose()
    qtbot.waitUntil(lambda: window.pending_badge() == "承認待ち（1）", timeout=3000)
    assert posts_page.model.find(post_id) >= 0, "the open list shows the new post"  # type: ignore[attr-defined]
    assert any("承認を待っている投稿" in n.text for n in window.notices)
