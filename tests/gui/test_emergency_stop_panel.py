"""緊急停止 on screen: the 広報課 stops every account from 下書き・投稿, the 管理者 sees the red banner and the held
post on 承認待ち and cannot release the city-wide stop; the 広報課 releases it and the banner goes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.gui.posts import emergency_stop_panel
from sns_desk.gui.posts.posts_page import PostsPage
from sns_desk.services import emergency_stop
from sns_desk.store.database import Database
from tests.gui.conftest import cell, rows
from tests.test_emergency_stop import approved
from tests.world import People, in_state


def test_stop_every_account_see_the_held_post_and_release(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = approved(db, people, account, "週末の観光イベントのお知らせ")
    reasons = iter(["震度6弱の地震のため、予約投稿をすべて止めます", "安全を確認したため解除"])
    monkeypatch.setattr(emergency_stop_panel, "ask_reason", lambda *_a: next(reasons))
    chosen: list[list[str]] = []

    def pick(_parent: Any, _title: str, _prompt: str, items: list[str], *_a: Any) -> tuple[str, bool]:
        chosen.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)

    koho_page = PostsPage(db, people.koho)
    qtbot.addWidget(koho_page)
    panel = koho_page.stop_panel
    assert panel.banner.isHidden() and panel.held_table.isHidden()  # nothing stopped: no banner
    assert not panel.stop_button.isHidden() and panel.release_button.isHidden()
    panel.stop_button.click()
    assert chosen[0][0] == "全アカウント"  # the 広報課 may stop every account, or any one
    assert "全アカウント" in panel.banner.text() and "震度6弱の地震" in panel.banner.text()
    assert "広報 課員" in panel.banner.text()
    assert "止められている予約投稿: 1 件" in panel.banner.text()

    manager_page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(manager_page)
    seen = manager_page.stop_panel
    assert not seen.banner.isHidden() and "全アカウント" in seen.banner.text()
    assert rows(seen.held_table) == 1 and cell(seen.held_table, 0, 0) == str(post_id)
    assert "週末の観光イベント" in cell(seen.held_table, 0, 3)
    assert seen.release_button.isHidden()  # the 管理者 cannot release the city-wide stop
    assert not seen.stop_button.isHidden()  # but may still stop their own account

    panel.release_button.click()
    assert panel.banner.isHidden() and panel.held_table.isHidden()
    seen.refresh()
    assert seen.banner.isHidden()
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == frozenset()


def test_a_staff_member_sees_the_stop_but_holds_no_switch(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    emergency_stop.stop(db, people.kacho, account, "台風接近のため")
    page = PostsPage(db, people.tanto)
    qtbot.addWidget(page)
    panel = page.stop_panel
    assert "台風接近のため" in panel.banner.text() and "観光 課長" in panel.banner.text()
    assert panel.stop_button.isHidden() and panel.release_button.isHidden()
