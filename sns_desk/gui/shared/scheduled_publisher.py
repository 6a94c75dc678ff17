"""The running app sends approved posts whose planned time has come (issue 14 item 4), like ``sns-desk
publish-due``: once a minute, on a worker thread (the window never waits for a platform), only for the accounts
whose connection this PC holds.  One run at a time; what it did is shown in the status bar — a post it could not
send is said once per reason, not every minute (it stays for a person: 「投稿する」 or the manual route)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from sns_desk.gui.shared.background import run_in_background, stop_background
from sns_desk.services import publishing
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


class ScheduledPublisher(QObject):
    def __init__(self, db: Database, actor: Actor, report: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.db, self.actor, self.report = db, actor, report
        self.running: threading.Event | None = None  # set once the run under way is over
        self.told: set[tuple[int, str]] = set()  # (post, why) already said in the status bar
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.stopped = False

    def start(self) -> None:
        self.timer.start()

    def stop(self, wait_seconds: float = 20.0) -> bool:
        """No more runs; a run under way is waited for (at most ``wait_seconds``: a platform may be slow to
        answer) and what it did is not reported (the window is closing).  False if it was still running."""
        self.timer.stop()
        self.stopped = True
        return stop_background(self, wait_seconds)

    def tick(self) -> bool:
        """Start one run unless one is still going or the publisher is stopped; True when started."""
        if self.running is not None or self.stopped:
            return False
        db, actor = self.db, self.actor
        self.running = run_in_background(self, lambda: publishing.publish_due(db, actor), self._finished)
        return True

    def _finished(self, outcome: object, error: BaseException | None) -> None:
        self.running = None
        if error is not None:
            log.warning("scheduled publishing failed: %s", getattr(error, "log_message", error))
            return
        assert isinstance(outcome, list)
        sent = [o for o in outcome if o.published is not None]
        refused = [o for o in outcome if o.published is None and (o.post_id, o.problem) not in self.told]
        self.told.update((o.post_id, o.problem) for o in refused)
        if sent:
            self.report(
                f"予定の投稿を {len(sent)} 件送信しました（投稿 {', '.join(str(o.post_id) for o in sent)}）。"
            )
        if refused:
            first = refused[0]
            self.report(f"⚠ 予定の投稿 {first.post_id} を送信できませんでした: {first.problem}")
