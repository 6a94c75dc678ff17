"""SQLite's integrity check run ahead, on a thread, while the app imports (issue 17, ready): opening reuses its "ok"
only for the file exactly as it was checked, and a damaged file is refused as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from sns_desk.domain.errors import CorruptDatabaseError
from sns_desk.store import sqlite_files
from sns_desk.store.database import open_database


class Recording:
    """A read-only connection that notes every statement (to see whether the whole-file check ran)."""

    def __init__(self, conn: sqlite3.Connection, seen: list[str]) -> None:
        self.conn, self.seen = conn, seen

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self.seen.append(sql)
        return self.conn.execute(sql, *args)

    def close(self) -> None:
        self.conn.close()


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    plain = sqlite_files.ro_connect
    monkeypatch.setattr(sqlite_files, "ro_connect", lambda path: Recording(plain(path), seen))
    return seen


def made(tmp_path: Path) -> Path:
    path = tmp_path / "sns-desk.sqlite3"
    open_database(path, create=True, shared=True).dispose()
    return path


def test_opening_reuses_the_check_made_ahead_for_the_unchanged_file(
    tmp_path: Path, checks: list[str]
) -> None:
    path = made(tmp_path)
    sqlite_files.check_ahead(path).join()
    assert checks.count("PRAGMA quick_check") == 1
    assert sqlite_files.inspect_file(path).revision is not None
    assert checks.count("PRAGMA quick_check") == 1, "the check ahead was taken"
    sqlite_files.inspect_file(path)
    assert checks.count("PRAGMA quick_check") == 2, "used once: a later opening checks again"


def test_a_file_written_after_the_check_is_checked_again(tmp_path: Path, checks: list[str]) -> None:
    path = made(tmp_path)
    sqlite_files.check_ahead(path).join()
    with sqlite3.connect(path) as conn:  # another PC writes in between
        conn.execute("INSERT INTO app_meta (key, value) VALUES ('note', 'x')")
    conn.close()
    sqlite_files.inspect_file(path)
    assert checks.count("PRAGMA quick_check") == 2


def test_a_damaged_file_is_still_refused_after_a_check_ahead(tmp_path: Path) -> None:
    path = made(tmp_path)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size, len(data), page_size):  # every page but the header page
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    sqlite_files.check_ahead(path).join()
    with pytest.raises(CorruptDatabaseError, match="壊れています"):
        sqlite_files.inspect_file(path)
