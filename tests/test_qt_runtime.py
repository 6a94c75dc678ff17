"""The Qt binding the app runs on keeps Python's own objects alive through a long working day.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` at every ``processEvents()`` and ``QTimer.start()``
and to ``True`` at every ``emit`` of a Python signal: the app starts a timer on every keystroke of the editor and
the search box and emits signals all day, and when such a count reaches zero Python aborts the process
("bool_dealloc: deallocating True or False").  pyproject.toml leaves that version out; this test fails on any
version that does the same.
"""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = r"""
import os, sys
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
app = QCoreApplication(sys.argv[:1])

class Source(QObject):
    changed = Signal(int)

source = Source()
heard = []
source.changed.connect(heard.append)
timer = QTimer()

def lost(call):
    before = {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}
    for _ in range(1000):
        call()
    return {k: before[k] - sys.getrefcount(v) for k, v in (("None", None), ("True", True), ("False", False))}

for name, call in (
    ("processEvents", app.processEvents),
    ("emit", lambda: source.changed.emit(1)),
    ("timer.start", lambda: timer.start(1000)),
):
    print(name, *(f"{k}={v}" for k, v in lost(call).items()), flush=True)
print("heard", len(heard), flush=True)
os._exit(0)  # a binding that lost references would abort at exit: what it printed is the verdict
"""


def test_signals_timers_and_the_event_loop_lose_no_reference_to_none_true_or_false() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, (
        f"the probe crashed ({done.returncode}): a binding that loses references (PySide6 6.12.0?)\n"
        + done.stderr[-1500:]
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.strip().splitlines())
    assert lines["heard"] == "1000", "every emit reached its slot"
    for call in ("processEvents", "emit", "timer.start"):
        lost = dict(part.split("=") for part in lines[call].split())
        # a few references may come and go with Python's own caches; a thousand calls losing one each is the bug
        assert all(int(n) < 10 for n in lost.values()), f"{call} lost references: {lost} (PySide6 6.12.0?)"
