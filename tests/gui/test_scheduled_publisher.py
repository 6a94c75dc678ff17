"""The running app sends approved posts whose planned time has come (issue 14 item 4), off the GUI thread, and says
so in the status bar; a second tick while a run is going starts nothing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.main_window import MainWindow
from sns_desk.services import post_queries, publishing
from sns_desk.store.database import Database
from tests.platforms import FakePlatforms
from tests.test_publishing import approved_post, connect_x, fake  # noqa: F401  (the fixture)
from tests.test_publishing_images import PNG, image_post
from tests.world import People, in_state


def test_the_running_app_publishes_a_due_post(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    post_id = approved_post(db, people, account)
    planned = post_queries.get_post(db, people.tanto, post_id).row.planned_at
    assert planned is not None
    monkeypatch.setattr(publishing, "utcnow", lambda: planned)  # its time has come
    window = MainWindow(db, people.tanto)
    qtbot.addWidget(window)
    assert window.publisher.timer.isActive()
    assert window.publisher.tick() and not window.publisher.tick()  # one run at a time
    qtbot.waitUntil(lambda: window.publisher.running is None, timeout=20000)
    assert "予定の投稿を 1 件送信しました" in window.ui.statusbar.currentMessage()
    assert post_queries.get_post(db, people.tanto, post_id).row.status is PostStatus.PUBLISHED
    assert len(fake.sent("/2/tweets")) == 1


def test_a_due_post_the_platform_cannot_take_is_said_once_not_every_minute(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake.granted_scope = "tweet.read tweet.write users.read offline.access"  # connected before images
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    planned = post_queries.get_post(db, people.tanto, post_id).row.planned_at
    assert planned is not None
    monkeypatch.setattr(publishing, "utcnow", lambda: planned)
    window = MainWindow(db, people.tanto)
    qtbot.addWidget(window)
    said: list[str] = []
    window.publisher.report = said.append
    for _minute in range(2):
        assert window.publisher.tick()
        qtbot.waitUntil(lambda: window.publisher.running is None, timeout=20000)
    assert (
        len(said) == 1
        and f"予定の投稿 {post_id} を送信できませんでした" in said[0]
        and "media.write" in said[0]
    )
    assert fake.uploads == [] and fake.sent("/2/tweets") == []
    assert (
        post_queries.get_post(db, people.tanto, post_id).row.status is PostStatus.APPROVED
    )  # left for a person
