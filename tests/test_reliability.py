"""Many PCs on one shared-mode file, and PCs killed in the middle of a write (tests/harness.py).

Bounded here; ``python scripts/reliability.py`` runs the full forms (6 processes × 500 operations, 50 kills) and
writes the figures into docs/reliability.md.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sns_desk.store import audit_chain as audit
from sns_desk.store.database import integrity_check, open_database
from tests import harness

OPERATIONS = int(os.environ.get("SNS_DESK_HARNESS_OPERATIONS", "60"))
KILLS = int(os.environ.get("SNS_DESK_HARNESS_KILLS", "50"))


def test_six_pcs_doing_mixed_work_lose_nothing_and_conflicts_surface_as_conflicts(tmp_path: Path) -> None:
    report = harness.run_concurrency(tmp_path, processes=6, operations=OPERATIONS, seed=11)
    seen = f"outcomes {dict(report.outcomes)}, per operation {report.by_op}"
    assert report.problems == [], seen
    assert report.outcomes["ok"] > report.operations * 0.8, seen
    assert set(report.outcomes) <= {"ok", "conflict", "refused", "nothing to do"}, seen
    for op in ("create", "edit", "submit", "approve", "reject", "export", "verify"):
        assert report.by_op[op]["ok"] > 0, f"no successful {op}: the mix did not exercise it ({seen})"


def test_a_pc_killed_inside_writes_leaves_a_whole_database_every_time(tmp_path: Path) -> None:
    report = harness.run_crashes(tmp_path, kills=KILLS, seed=5)
    assert report.problems == []
    assert report.kills == report.survived == KILLS
    assert report.inside_a_write >= KILLS // 2, "most kills should land inside an operation"


HOLD_A_WRITE = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA synchronous = FULL")
conn.execute("PRAGMA cache_size = 4")  # a tiny cache: changed pages spill into the file before the commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE app_meta SET value = 'half-written' WHERE key = 'created_at'")
conn.execute("CREATE TABLE scratch (data BLOB)")
conn.execute("INSERT INTO scratch SELECT randomblob(4000) FROM audit_events, audit_events LIMIT 400")
print("holding", flush=True)
time.sleep(60)
"""


def test_a_write_left_unfinished_by_a_killed_pc_is_rolled_back_when_the_file_is_opened(
    tmp_path: Path,
) -> None:
    """A hot journal is recovered, not taken for damage (the read-only inspection used to call it corrupt)."""
    path = tmp_path / "shared" / "sns-desk.sqlite3"
    harness.prepare(path)
    before = sqlite3.connect(path).execute("SELECT value FROM app_meta WHERE key = 'created_at'").fetchone()
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_A_WRITE, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "holding"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    journal = path.with_name(path.name + "-journal")
    assert journal.read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7"), "the kill left a hot journal"
    started = time.monotonic()
    db = open_database(path)
    try:
        assert time.monotonic() - started < 5
        assert integrity_check(db) == "ok"
        with db.read() as session:
            assert audit.verify_chain(session).ok
        with db.engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT value FROM app_meta WHERE key = 'created_at'").fetchone()
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert tuple(value) == tuple(before) and "scratch" not in tables, "the unfinished write is undone"
    finally:
        db.dispose()
    assert not journal.exists() or journal.stat().st_size == 0
