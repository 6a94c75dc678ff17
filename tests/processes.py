"""Processes the tests start: marked, ended by their own pid, and none left when the run ends.

A helper that starts a daemon (tests/secret_service.py) gives it ``marked_env(...)``: the marker variable is
inherited by everything the daemon starts in turn (a D-Bus activated service, an at-spi bus), so teardown can
find and end each of them by pid even after they have left the process tree (``--fork``, ``--daemonize``).
At the end of the run tests/conftest.py calls :func:`leftovers` and fails the run if anything is still running.

Linux only (``/proc``); elsewhere the credential tests that start daemons are skipped and nothing is checked.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

MARKER = "SNS_DESK_TEST_PROCESS"
PROC = Path("/proc")
# Python's multiprocessing starts this helper for the spawn context (tests/race_worker.py) and ends it itself
# when the interpreter exits, i.e. after the session check.
EXPECTED_CHILDREN = ("multiprocessing.resource_tracker",)


def session_tag() -> str:
    """Marks processes started by this pytest run (several developers' runs share the machine)."""
    return f"pytest-{os.getpid()}"


def marked_env(env: dict[str, str], label: str) -> dict[str, str]:
    """``env`` with the marker of this run and ``label`` (one group of processes, e.g. one keyring)."""
    return {**env, MARKER: f"{session_tag()}:{label}"}


def has_proc() -> bool:
    return (PROC / "self" / "stat").exists()


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def is_running(pid: int) -> bool:
    """True while the process exists and is not a zombie (ended, waiting to be reaped)."""
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def command_line(pid: int) -> str:
    try:
        raw = (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return "?"
    return raw.replace(b"\0", b" ").decode(errors="replace").strip() or "?"


def _marker_of(pid: int) -> str | None:
    try:
        environ = (PROC / str(pid) / "environ").read_bytes()
    except OSError:  # gone, or another user's process
        return None
    prefix = MARKER.encode() + b"="
    for item in environ.split(b"\0"):
        if item.startswith(prefix):
            return item[len(prefix) :].decode(errors="replace")
    return None


def _pids() -> list[int]:
    return [int(entry.name) for entry in PROC.iterdir() if entry.name.isdigit()]


def marked(prefix: str) -> list[int]:
    """Running processes whose marker starts with ``prefix`` (a run's tag, or a tag and a label)."""
    me = os.getpid()
    found = []
    for pid in _pids():
        if pid == me or not is_running(pid):
            continue
        tag = _marker_of(pid)
        if tag is not None and tag.startswith(prefix):
            found.append(pid)
    return found


def descendants(root: int) -> list[int]:
    """Running processes below ``root`` in the process tree."""
    parents: dict[int, list[int]] = {}
    for pid in _pids():
        stat = _stat(pid)
        if stat is not None and stat[0] not in ("Z", "X"):
            parents.setdefault(stat[1], []).append(pid)
    found: list[int] = []
    todo = [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def end(pid: int, grace: float = 5.0) -> None:
    """End one process by its pid: SIGTERM, then SIGKILL if it is still running after ``grace`` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:  # our own child: reap it, or it stays a zombie
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return
            except ChildProcessError:
                pass
            if not is_running(pid):
                return
            time.sleep(0.02)


def end_marked(prefix: str) -> list[int]:
    """End every running process marked with ``prefix``, each by its pid; returns the pids it ended."""
    ended: list[int] = []
    for _round in range(3):  # a dying daemon may still have started a helper
        pids = marked(prefix)
        if not pids:
            break
        for pid in pids:
            end(pid)
            ended.append(pid)
    return ended


def leftovers() -> dict[int, str]:
    """Processes this run started that are still running: marked ones, and any below the pytest process."""
    if not has_proc():
        return {}
    pids = set(marked(session_tag()))
    pids.update(
        pid
        for pid in descendants(os.getpid())
        if not any(expected in command_line(pid) for expected in EXPECTED_CHILDREN)
    )
    return {pid: command_line(pid) for pid in sorted(pids)}
