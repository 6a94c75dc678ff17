"""Work off the GUI thread (gui/shared/background.py): many jobs ending while the GUI thread delivers their results
must not crash the process, and work stopped for a closed owner delivers nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot

from sns_desk.gui.shared.background import run_in_background, stop_background
from sns_desk.gui.shared.interaction import run_with_progress

ROOT = Path(__file__).resolve().parents[2]

MANY_JOBS = textwrap.dedent(
    """
    import sys

    from PySide6.QtCore import QObject, QThreadPool
    from PySide6.QtWidgets import QApplication
    from sns_desk.gui.shared.background import run_in_background

    app = QApplication(sys.argv[:1])
    # PySide6 6.12 on Python 3.11 drops a reference to None or True in some calls (processEvents, emit): without
    # these the process would die of that after some 5,000 calls, which is not what is tested here
    keep = [None, True, False] * 1_000_000
    delivered = []
    owner = QObject()
    for i in range(20_000):
        for k in range(3):
            run_in_background(owner, lambda n=i * 3 + k: n, lambda result, error: delivered.append(result))
        app.processEvents()
    QThreadPool.globalInstance().waitForDone()
    for _ in range(1000):
        if len(delivered) == 60_000:
            break
        app.processEvents()
    print("delivered", len(delivered), len(set(delivered)))
    """
)


def test_many_jobs_ending_while_their_results_are_delivered_do_not_crash_the_process() -> None:
    """Each job used to own a signals object of the GUI thread that the thread pool destroyed on the worker's
    thread as the job ended, while the GUI thread delivered its result: this run segfaulted in 5 of 6 tries
    (the GUI tests now and then, in test_startup's teardown)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", MANY_JOBS],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["delivered", "60000", "60000"], done.stdout


def test_work_stopped_for_a_closed_owner_is_waited_for_and_delivers_nothing(qtbot: QtBot) -> None:
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    finished: list[str] = []
    delivered: list[object] = []

    def work() -> str:
        started.set()
        release.wait(5)
        time.sleep(0.2)
        finished.append("worker finished")
        return "result"

    ended = run_in_background(owner, work, lambda result, _error: delivered.append(result))
    assert started.wait(5)
    release.set()
    assert stop_background(owner, seconds=10)  # waits for the worker
    assert finished == ["worker finished"] and ended.is_set()
    qtbot.wait(200)  # its result, queued meanwhile, is dropped
    assert delivered == []
    # a job that ends in time is delivered as before
    run_in_background(owner, lambda: "later", lambda result, _error: delivered.append(result))
    qtbot.waitUntil(lambda: delivered == ["later"])


class Captured:
    """What a job's work captured (a window, say), and the thread it was let go of in."""

    def __init__(self, finalized: list[int]) -> None:
        self.finalized = finalized

    def __del__(self) -> None:
        self.finalized.append(threading.get_ident())


@pytest.mark.parametrize("how", ["in the background", "with progress"])
def test_what_a_job_captured_is_let_go_of_in_the_gui_thread_even_when_the_gui_let_go_first(
    qtbot: QtBot, how: str
) -> None:
    """A dialog closed while its work still ran: the worker held the last reference to it and deleted it on its own
    thread (a segfault in CI, on a pool thread with no Python frame).  The work now goes back to the GUI thread
    with its outcome, for both ways of running it."""
    gui = threading.get_ident()
    finalized: list[int] = []
    captured = Captured(finalized)
    release = threading.Event()
    delivered: list[object] = []

    def work(thing: Captured = captured) -> str:
        release.wait(5)
        return "done"

    if how == "in the background":
        owner = QObject()
        run_in_background(owner, work, lambda result, _error: delivered.append(result))
        del work, captured  # the GUI thread lets go first, while the work still runs
        release.set()
        qtbot.waitUntil(lambda: delivered == ["done"])
    else:
        threading.Timer(0.2, release.set).start()
        progress_work = lambda _progress, _cancelled, w=work: w()  # noqa: E731
        del work, captured
        assert run_with_progress(None, "テスト", progress_work) == "done"
        del progress_work
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)
    assert finalized == [gui], "let go of in another thread"
