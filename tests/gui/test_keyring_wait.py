"""A keyring that does not answer (an unlock prompt nobody sees on a remote desktop) never freezes the window.

The call runs off the GUI thread with 「OS の資格情報ストアの応答を待っています…」 and a cancel button; it ends
with a Japanese message when it passes its time limit (SNS_DESK_KEYRING_TIMEOUT, made short here).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.gui.accounts.accounts_page import AccountsPage
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.gui.shared.interaction import KEYRING_WAIT_TEXT
from sns_desk.host import keyring_access
from sns_desk.services import post_queries
from sns_desk.store.database import Database
from tests.conftest import UnansweredKeyring
from tests.gui.conftest import MessageBoxes
from tests.test_signing import pending_post
from tests.world import People, in_state


class WaitWatcher:
    """Looks at the window from inside the event loop while the keyring call waits."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.ticks = 0
        self.ticker = QTimer()
        self.ticker.setInterval(20)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self.labels: list[str] = []
        self.ticks_seen = 0

    def _tick(self) -> None:
        self.ticks += 1

    def wait_dialog(self) -> QProgressDialog | None:
        shown = [d for d in self.window.findChildren(QProgressDialog) if d.isVisible()]
        return shown[0] if shown else None

    def look_after(self, ms: int, then: str = "") -> None:
        def look() -> None:
            dialog = self.wait_dialog()
            self.labels.append(dialog.labelText() if dialog else "")
            self.ticks_seen = self.ticks
            if dialog is not None and then == "cancel":
                button = dialog.findChild(QPushButton)
                assert button is not None and button.text() == "キャンセル"
                button.click()

        QTimer.singleShot(ms, look)


CopyPassword = Callable[..., tuple[WaitWatcher, float]]


@pytest.fixture
def copy_password(
    qtbot: QtBot,
    db: Database,
    people: People,
    unanswered: UnansweredKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> CopyPassword:
    def click(*, limit: str, then: str = "") -> tuple[WaitWatcher, float]:
        """The 担当者 clicks パスワードをコピー while the keyring does not answer; the watcher looks after 1 s."""
        account_id = in_state(db, people, AccountStatus.ACTIVE)
        keyring.set_keyring(unanswered)
        monkeypatch.setenv(keyring_access.TIME_LIMIT_ENV, limit)
        QGuiApplication.clipboard().setText("before")
        page = AccountsPage(db, people.tanto)
        qtbot.addWidget(page)
        page.show()
        page.select(account_id)
        watcher = WaitWatcher(page)
        watcher.look_after(1000, then)
        started = time.monotonic()
        qtbot.mouseClick(page.ui.copyPasswordButton, Qt.MouseButton.LeftButton)
        return watcher, time.monotonic() - started

    return click


def test_the_window_stays_responsive_while_the_keyring_waits_and_the_wait_ends_in_a_message(
    copy_password: CopyPassword, unanswered: UnansweredKeyring, message_boxes: MessageBoxes
) -> None:
    watcher, waited = copy_password(limit="2")

    assert unanswered.asked.is_set(), "the keyring was asked"
    assert watcher.labels == [KEYRING_WAIT_TEXT], "the wait dialog was on screen while the keyring waited"
    assert watcher.ticks_seen >= 10, (
        f"the event loop kept running (a 20 ms timer fired {watcher.ticks_seen}× in 1 s)"
    )
    assert 1.9 <= waited < 15
    assert [kind for kind, _ in message_boxes.shown] == ["warning"]
    assert "2 秒以内に応答しませんでした" in message_boxes.texts()
    assert QGuiApplication.clipboard().text() == "before", "nothing was copied"
    assert watcher.wait_dialog() is None, "the wait dialog is gone"


def test_cancel_stops_waiting_for_the_keyring_at_once(
    copy_password: CopyPassword, message_boxes: MessageBoxes
) -> None:
    watcher, waited = copy_password(limit="60", then="cancel")

    assert watcher.labels == [KEYRING_WAIT_TEXT]
    assert waited < 10, "the person did not have to wait for the 60 s limit"
    assert message_boxes.shown == [], "cancelling is not an error"
    assert QGuiApplication.clipboard().text() == "before"


def test_a_signed_approval_waits_for_the_keyring_off_the_gui_thread(
    qtbot: QtBot,
    db: Database,
    people: People,
    unanswered: UnansweredKeyring,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post_id = pending_post(db, people, in_state(db, people, AccountStatus.ACTIVE))
    keyring.set_keyring(unanswered)
    monkeypatch.setenv(keyring_access.TIME_LIMIT_ENV, "2")
    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.show()
    page.refresh(post_id)
    assert page.ui.approveButton.isEnabled()
    watcher = WaitWatcher(page)
    watcher.look_after(1000)

    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)

    assert unanswered.asked.is_set(), "the 電子印鑑 key was asked of the keyring"
    assert watcher.labels == [KEYRING_WAIT_TEXT] and watcher.ticks_seen >= 10
    assert "2 秒以内に応答しませんでした" in message_boxes.texts()
    assert post_queries.get_post(db, people.kacho, post_id).row.status is PostStatus.PENDING, (
        "nothing was decided"
    )
