"""Work off the GUI thread that the person did not ask for, and its result back in the GUI thread.

Apart from ``interaction`` (which loads the OS keyring's library for its waits): start-up hands the database's
opening to a worker with this module before anything else is loaded (issue 17, ready).

A worker holds no QObject of its own.  Every worker reports through one relay made in the GUI thread and kept until
the app ends; the relay hands each report, in the GUI thread, to the job's receiver if that is still there.  A
worker used to own a signals object of the GUI thread, which the thread pool destroyed on the worker's thread
when the job ended, while the GUI thread could be delivering its report or deleting the receiver connected to it:
the GUI tests segfaulted now and then (in test_startup's teardown, one run in about ten).
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class Receiver(Protocol):
    """What a job reports to, in the GUI thread."""

    def on_done(self, result: Any, error: BaseException | None) -> None: ...

    def on_progress(self, done: int, total: int, text: str) -> None: ...


class _Relay(QObject):
    """Lives in the GUI thread for as long as the app: workers emit on it (queued to the GUI thread); it never
    goes while a worker may still hold it."""

    progress = Signal(int, int, int, str)  # job, done, total, text
    done = Signal(int)  # job: its outcome waits in ``outcomes``

    def __init__(self) -> None:
        super().__init__()
        self.waiting: dict[int, Receiver] = {}  # read and changed in the GUI thread only
        # job -> (result, error, the work): put by the worker before it reports, taken by the GUI thread, where
        # all three are let go of (one dict operation each, atomic in CPython)
        self.outcomes: dict[int, tuple[Any, BaseException | None, object]] = {}
        self.progress.connect(self._progress)
        self.done.connect(self._done)

    @Slot(int, int, int, str)
    def _progress(self, job: int, done: int, total: int, text: str) -> None:
        receiver = self.waiting.get(job)
        if receiver is not None and shiboken6.isValid(receiver):
            receiver.on_progress(done, total, text)

    @Slot(int)
    def _done(self, job: int) -> None:
        result, error, _work = self.outcomes.pop(job, (None, None, None))
        receiver = self.waiting.pop(job, None)
        if receiver is not None and shiboken6.isValid(receiver):  # a closed window's receiver is gone
            receiver.on_done(result, error)


_relay: list[_Relay] = []
_jobs = itertools.count(1)


def relay() -> _Relay:
    """The relay (made at the first use, in the GUI thread)."""
    if not _relay:
        _relay.append(_Relay())
    return _relay[0]


def expect(receiver: Receiver) -> int:
    """A new job's number, its reports going to ``receiver`` (in the GUI thread)."""
    job = next(_jobs)
    relay().waiting[job] = receiver
    return job


def forget(job: int) -> None:
    """Nothing more of ``job`` is delivered."""
    relay().waiting.pop(job, None)


class _Later(QObject):
    """Receives a background job's result in the GUI thread."""

    def __init__(self, done: Callable[[Any, BaseException | None], None], owner: QObject) -> None:
        super().__init__(owner)  # goes with its owner: a closed window hears nothing
        self.done = done
        self.ended = threading.Event()  # set by the worker once its work is over (a plain Python object)
        self.delivering = False
        self.job = expect(self)

    def on_done(self, result: Any, error: BaseException | None) -> None:
        self.delivering = True  # from here it deletes itself (stop_background leaves it alone)
        try:
            self.done(result, error)
        finally:
            self.deleteLater()

    def on_progress(self, done: int, total: int, text: str) -> None:
        pass


def _spent(_progress: Callable[[int, int, str], None], _cancelled: Callable[[], bool]) -> Any:
    raise RuntimeError("a background job runs once")


class Job(QRunnable):
    """``work(progress, cancelled)`` on a pool thread; reports go through the relay.  Deleted by the pool on the
    worker's thread: it holds no QObject but the relay, which outlives it."""

    def __init__(
        self,
        job: int,
        work: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any],
        cancelled: Callable[[], bool] = lambda: False,
        ended: threading.Event | None = None,
    ) -> None:
        super().__init__()
        self.job, self.work, self.cancelled = job, work, cancelled
        self.relay = relay()
        self.ended = ended or threading.Event()

    def run(self) -> None:
        try:
            self._settle()
            self.relay.done.emit(self.job)
        finally:
            self.ended.set()

    def _settle(self) -> None:
        """Do the work and leave its outcome with the relay, the work itself with it: what the work holds (what it
        captured, often a window; its result or error) is let go of in the GUI thread, never here.  A window whose
        last reference went on a worker thread was deleted there: a segfault in CI's test run, on a pool thread
        with no Python frame, just after tests/gui/test_published_status_dialog.py's dialog had closed while the
        thread still held the work that captured it."""
        work, self.work = self.work, _spent
        try:
            result = work(self._progress, self.cancelled)
        except BaseException as error:  # reported to the GUI thread, never swallowed
            self.relay.outcomes[self.job] = (None, error, work)
        else:
            self.relay.outcomes[self.job] = (result, None, work)
            del result
        del (
            work
        )  # the relay holds it now (this frame may stay with an error's traceback: not the work with it)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.relay.progress.emit(self.job, done, total, text)


def run_in_background(
    owner: QObject, work: Callable[[], Any], done: Callable[[Any, BaseException | None], None]
) -> threading.Event:
    """Run ``work()`` on a worker thread and, later, ``done(result, error)`` in the GUI thread, without waiting:
    the window takes input meanwhile and shows no progress (for work the person did not ask for, such as filling
    the bell at start-up).  ``work`` never touches widgets; a service call in it opens its own session, so no
    database connection is shared between threads.  Nothing is delivered once ``owner`` is gone, or once
    :func:`stop_background` has stopped its work.  Returns what is set once the work is over."""
    later = _Later(done, owner)
    QThreadPool.globalInstance().start(Job(later.job, lambda _p, _c: work(), ended=later.ended))
    return later.ended


def stop_background(owner: QObject, seconds: float = 20.0) -> bool:
    """Before what the work uses goes (a window closes, its database is disposed of): wait until the work started
    with :func:`run_in_background` for ``owner`` has ended, at most ``seconds`` in all, and drop what it has not
    delivered yet, so that nothing reaches ``owner`` afterwards.  False if some work was still running when the
    time was up (it is dropped all the same)."""
    deadline = time.monotonic() + seconds
    finished = True
    for later in owner.findChildren(_Later):
        finished = later.ended.wait(max(0.0, deadline - time.monotonic())) and finished
        if shiboken6.isValid(later) and not later.delivering:
            forget(later.job)
            shiboken6.delete(later)
    return finished
