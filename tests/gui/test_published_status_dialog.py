"""「投稿状態の確認」 (issue 14 items 2 and 5): a post whose sending got no answer is listed, looked up on X and
recorded as published by a person; 「公開状態を確認」 flags a post edited outside the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from werkzeug import Request, Response

from sns_desk.domain import publication as pub
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.posts.published_status_dialog import PublishedStatusDialog
from sns_desk.services import post_queries, publish_recovery, publishing
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes
from tests.platforms import FakePlatforms, json_response
from tests.test_publishing import WHEN, approved_post, connect_x, fake  # noqa: F401  (the fixture)
from tests.world import People, in_state


def test_an_unknown_post_is_found_on_x_and_an_edited_one_is_flagged(
    qtbot: QtBot,
    db: Database,
    people: People,
    fake: FakePlatforms,  # noqa: F811
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    monkeypatch.setattr(publish_recovery, "utcnow", lambda: WHEN)
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    sent = approved_post(db, people, account, "天文館の歩行者天国は中止です。")
    remote = publishing.publish(db, people.tanto, sent).remote_id
    fake.tweets[remote]["text"] = "天文館の歩行者天国は実施します。"  # edited on X, outside the app
    lost = approved_post(db, people, account)

    def arrived_but_no_answer(request: Request) -> Response:
        fake.tweets["1900000000000000099"] = {
            "id": "1900000000000000099",
            "text": request.get_json()["text"],
            "created_at": fake.created_at,
        }
        return json_response({"title": "Service Unavailable", "status": 503}, 503)

    fake.server.clear_all_handlers()
    fake.x("POST", "/2/tweets", arrived_but_no_answer)
    fake.x_standard()
    with pytest.raises(pub.PlatformFailureError):
        publishing.publish(db, people.tanto, lost)

    dialog = PublishedStatusDialog(db, people.kacho)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.unknown_model.rowCount() == 1 and dialog.lookup_button.isEnabled()
    qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    assert "見つかりました" in message_boxes.texts()
    assert post_queries.get_post(db, people.tanto, lost).row.status is PostStatus.PUBLISHED
    assert dialog.unknown_model.rowCount() == 0

    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "トラブル候補: 1 件" in dialog.summary.text()
    flagged = [dialog.check_model.row_at(i) for i in range(dialog.check_model.rowCount())]
    assert [r.post_id for r in flagged if r.trouble] == [sent]
