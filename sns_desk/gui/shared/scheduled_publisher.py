"""The running app sends approved posts whose planned time has come (issue 14 item 4), like ``sns-desk
publish-due``: once a minute, on a worker thread (the window never waits for a platform), only for the accounts
whose connection this PC holds.  One run at a time; what it did is shown in the status bar — a post it could not
send is said once per reason, not every minute (it stays for a person: 「投稿する」 or the manual route)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from sns_desk.services import publishing
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

log = logging.getLogger(__name__)

INTERVAL_MS = 60_000


class _Signals(QObject):
    done = Signal(object)  # list[DueOutcome] or an exception


class _Run(QRunnable):
    def __init__(self, db: Database, actor: Actor) -> None:
        super().__init__()
        self.db, self.actor = db, actor
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            outcome: object = publishing.publish_due(self.db, self.actor)
        except Exception as error:  # reported to the GUI thread
            outcome = error
        self.signals.done.emit(outcome)


class ScheduledPublisher(QObject):
    def __init__(self, db: Database, actor: Actor, report: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.db, self.actor, self.report = db, actor, report
        self.running: _Run | None = None
        self.told: set[tuple[int, str]] = set()  # (post, why) already said in the status bar
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def tick(self) -> bool:
        """Start one run unless one is still going; True when started."""
        if self.running is not None:
            return False
        self.running = _Run(self.db, self.actor)
        self.running.signals.done.connect(self._finished)
        QThreadPool.globalInstance().start(self.running)
        return True

    def _finished(self, outcome: object) -> None:
        self.running = None
        if isinstance(outcome, Exception):
            log.warning("scheduled publishing failed: %s", getattr(outcome, "log_message", outcome))
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
