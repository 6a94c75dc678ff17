"""「投稿する」 (issue 14): sending an approved post through its X connection, a refusal shown with its reason, and
the manual route (copy the text, X's compose page with the text, the URL and time recorded)."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import post_queries, publishing
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes
from tests.platforms import FakePlatforms
from tests.test_posts import in_hours
from tests.test_publishing import WHEN, approved_post, connect_x, fake  # noqa: F401  (the fixture)
from tests.world import People, in_state


def test_publish_sends_the_approved_post_and_shows_where_it_went(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sns_desk.gui.posts.publish_dialog import PublishDialog

    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    post_id = approved_post(db, people, account)
    dialog = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.send_button.isEnabled() and "承認済み" in dialog.connection.text()
    assert dialog.text.toPlainText() == "桜島の降灰予報をお知らせします。"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "この本文を投稿します" in message_boxes.texts()  # asked first
    qtbot.waitUntil(lambda: "投稿しました" in dialog.outcome.text(), timeout=10000)
    assert "https://x.com/kagoshima_kanko/status/" in dialog.outcome.text()
    assert post_queries.get_post(db, people.tanto, post_id).row.status is PostStatus.PUBLISHED
    assert not dialog.send_button.isEnabled()  # nothing to send twice
    assert len(fake.sent("/2/tweets")) == 1


def test_without_a_connection_the_manual_route_copies_opens_x_and_records(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sns_desk.gui.posts.publish_dialog import PublishDialog

    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = approved_post(db, people, account, "天文館の歩行者天国は中止です。 #鹿児島")
    dialog = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.send_button.isEnabled() and "連携されていません" in dialog.send_button.toolTip()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "天文館の歩行者天国は中止です。 #鹿児島"
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    assert dialog.compose_button.isVisible() and dialog.compose_button.text() == "X の投稿画面を開く"
    qtbot.mouseClick(dialog.compose_button, Qt.MouseButton.LeftButton)
    url = urlparse(opened[0].toString(QUrl.ComponentFormattingOption.FullyEncoded))
    assert url.netloc == "x.com" and parse_qs(url.query)["text"] == ["天文館の歩行者天国は中止です。 #鹿児島"]
    dialog.url.setText("https://x.com/kagoshima_kanko/status/1862")
    when: datetime = in_hours()
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    detail = post_queries.get_post(db, people.tanto, post_id)
    assert detail.row.status is PostStatus.PUBLISHED and detail.row.published_at == when
    assert not dialog.record_button.isEnabled()


def test_publish_sends_a_post_with_its_image_through_the_local_x(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sns_desk.gui.posts.publish_dialog import PublishDialog
    from tests.test_publishing_images import PNG, image_post

    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    dialog = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.send_button.isEnabled() and "画像 1 枚" in dialog.images.text()
    from PySide6.QtWidgets import QLabel

    shown = [label.accessibleName() for label in dialog.findChildren(QLabel)]
    assert "添付画像 map.png" in shown  # the person sees which image goes out
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert "この本文と画像 1 枚を投稿します" in message_boxes.texts()
    qtbot.waitUntil(lambda: "投稿しました" in dialog.outcome.text(), timeout=10000)
    assert post_queries.get_post(db, people.tanto, post_id).row.status is PostStatus.PUBLISHED
    assert [u["bytes"] for u in fake.uploads] == [PNG]
    assert fake.sent("/2/tweets")[0]["media"] == {"media_ids": [fake.uploads[0]["media_id"]]}


def test_an_image_post_on_line_explains_the_manual_route(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sns_desk.gui.posts.publish_dialog import PublishDialog
    from sns_desk.services import connections
    from tests.test_publishing_images import PNG, image_post
    from tests.world import RawConnection

    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    fake.line_standard()
    account = in_state(db, people, AccountStatus.ACTIVE)
    raw = RawConnection(db)
    try:
        raw.execute("UPDATE accounts SET platform = 'line' WHERE id = ?", (account,))
    finally:
        raw.close()
    connections.connect_line(db, people.kacho, account, "line-token")
    info = connections.connection_of(db, people.kacho, account)
    assert info is not None
    connections.approve_connection(db, people.kyokucho, account, info.version)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    dialog = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.send_button.isEnabled()
    assert dialog.reason.isVisible() and "公開 HTTPS サーバー" in dialog.reason.text()
    assert "LINE Official Account Manager" in dialog.reason.text()
    assert dialog.record_button.isEnabled() and "画像 1 枚付き" in dialog.images.text()
    # the editor's preview says the same, from the same rule, before anyone submits
    from sns_desk.gui.posts.post_editor import PostEditor

    editor = PostEditor(db, people.tanto, post_id=post_id)
    qtbot.addWidget(editor)
    preview = editor.ui.preview.toPlainText()
    assert "［画像 1 枚］" in preview and "LINE Official Account Manager" in preview
