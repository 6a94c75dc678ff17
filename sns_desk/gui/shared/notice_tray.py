"""The bell's notices outside the window: the system tray, and e-mail sent from this PC in the background.

:class:`NoticeTray` shows each notice once, when it first appears, through ``QSystemTrayIcon`` (where the platform
has a tray), leaving out the kinds the person turned off in 設定.  :class:`BackgroundMailer` sends the outbox every
minute on a worker thread: the window never waits for the mail server (issue 16, item 1).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from sns_desk.domain.mail_kinds import BELL_KINDS, MailKind
from sns_desk.services.notices import Notice

log = logging.getLogger(__name__)

MESSAGE_MS = 10_000
SHOWN_AT_ONCE = 3


def notice_key(notice: Notice) -> tuple[str, int | None, str]:
    return notice.kind, notice.target, notice.text


class NoticeTray(QObject):
    """What the tray said last (``last``), so a test and the person see the same."""

    def __init__(self, icon: QIcon, parent: QObject | None = None, *, available: bool | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.icon: QSystemTrayIcon | None = None
        if self.available:
            self.icon = QSystemTrayIcon(icon, self)
            self.icon.setToolTip("SNS Desk")
            self.icon.show()
        self.seen: set[tuple[str, int | None, str]] = set()
        self.last: tuple[str, str] | None = None

    def update(self, notices: Sequence[Notice], muted: set[MailKind]) -> list[Notice]:
        """Show the notices not shown before (and not muted); returns them."""
        fresh = [n for n in notices if notice_key(n) not in self.seen and BELL_KINDS.get(n.kind) not in muted]
        self.seen = {notice_key(n) for n in notices}
        if not fresh:
            return []
        title = f"SNS Desk のお知らせ（{len(fresh)} 件）" if len(fresh) > 1 else "SNS Desk のお知らせ"
        lines = [n.text for n in fresh[:SHOWN_AT_ONCE]]
        if len(fresh) > SHOWN_AT_ONCE:
            lines.append(f"ほか {len(fresh) - SHOWN_AT_ONCE} 件は「お知らせ」で確認してください。")
        self.last = (title, "\n".join(lines))
        if self.icon is not None:
            self.icon.showMessage(title, self.last[1], QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        return fresh

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()


class _Send(QRunnable):
    def __init__(self, send: Callable[[], object], finished: threading.Event) -> None:
        super().__init__()
        self.send = send
        self.finished = finished

    def run(self) -> None:
        try:
            self.send()
        except Exception as error:  # the next round tries again; the outbox keeps the message
            log.warning("background mail sending failed: %s: %s", type(error).__name__, error)
        finally:
            self.finished.set()


class BackgroundMailer(QObject):
    """Calls ``send`` every ``interval_ms`` on the thread pool; never two at once, never on the GUI thread."""

    def __init__(
        self, send: Callable[[], object], parent: QObject | None = None, interval_ms: int = 60_000
    ) -> None:
        super().__init__(parent)
        self.send = send
        self.idle = threading.Event()
        self.idle.set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self, wait_seconds: float = 5.0) -> None:
        self.timer.stop()
        self.idle.wait(wait_seconds)

    def tick(self) -> bool:
        """Start one round unless one is still running; True when started."""
        if not self.idle.is_set():
            return False
        self.idle.clear()
        QThreadPool.globalInstance().start(_Send(self.send, self.idle))
        return True
