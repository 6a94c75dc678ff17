"""Work off the GUI thread that the person did not ask for, and its result back in the GUI thread.

Apart from ``interaction`` (which loads the OS keyring's library for its waits): start-up hands the database's
opening to a worker with this module before anything else is loaded (issue 17, ready).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object, object)  # result, error


class _Later(QObject):
    """Receives a background job's result in the GUI thread (queued through the event loop)."""

    def __init__(self, done: Callable[[Any, BaseException | None], None], owner: QObject) -> None:
        super().__init__(owner)  # goes with its owner: a closed window hears nothing
        self.done = done

    @Slot(object, object)
    def on_done(self, result: Any, error: BaseException | None) -> None:
        try:
            self.done(result, error)
        finally:
            self.deleteLater()


class _Background(QRunnable):
    """Owned by the thread pool once started (auto-delete); its signals reach the GUI thread queued."""

    def __init__(self, work: Callable[[], Any], receiver: _Later) -> None:
        super().__init__()
        self.signals = _Signals()
        self.signals.done.connect(receiver.on_done)
        self.work = work

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # reported to the GUI thread, never swallowed
            self.signals.done.emit(None, error)
        else:
            self.signals.done.emit(result, None)


def run_in_background(
    owner: QObject, work: Callable[[], Any], done: Callable[[Any, BaseException | None], None]
) -> None:
    """Run ``work()`` on a worker thread and, later, ``done(result, error)`` in the GUI thread, without waiting:
    the window takes input meanwhile and shows no progress (for work the person did not ask for, such as filling
    the bell at start-up).  ``work`` never touches widgets; a service call in it opens its own session, so no
    database connection is shared between threads.  Nothing is delivered once ``owner`` is gone."""
    QThreadPool.globalInstance().start(_Background(work, _Later(done, owner)))
