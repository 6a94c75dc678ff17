"""Per-user settings kept on this PC (never on the shared drive): where the database is, and the audit anchor.

The file is small JSON written atomically (temp file + rename), so a crash never leaves half a file.  The audit
anchor a write moves (:func:`save_location_anchor` with ``wait=False``) is kept in memory at once and written to
its file by a background thread, so that a decision does not wait for the disk (issue 17).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sns_desk.host import paths
from sns_desk.host.server_passwords import remember_password

log = logging.getLogger(__name__)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable settings file %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def settings_path() -> Path:
    return paths.config_dir() / "settings.json"


@dataclass
class Settings:
    """What this PC remembers about the person's setup."""

    database: str | None = None  # a file path or a database URL; None means the default local file

    @classmethod
    def load(cls) -> Settings:
        data = _read_json(settings_path())
        db = data.get("database")
        return cls(database=db if isinstance(db, str) and db else None)

    def save(self) -> None:
        """Write the settings; a server URL's password goes to the OS keyring, never into the file (§3(3)ウ's
        care for secrets, issue 13 item 6)."""
        data = _read_json(settings_path())
        data["database"] = remember_password(self.database) if self.database else self.database
        _write_json(settings_path(), data)


FONT_SCALES = (100, 115, 130, 150, 175, 200)  # percent of the OS's own font size (100 = as the OS sets it)
_FONT_SCALE = "font_scale"


def load_font_scale() -> int:
    """The text size this person chose on this PC, in percent of the OS's (100 when never chosen)."""
    value = _read_json(settings_path()).get(_FONT_SCALE)
    return value if isinstance(value, int) and value in FONT_SCALES else 100


def save_font_scale(percent: int) -> None:
    if percent not in FONT_SCALES:
        raise ValueError(f"font scale {percent} is not one of {FONT_SCALES}")
    data = _read_json(settings_path())
    data[_FONT_SCALE] = percent
    _write_json(settings_path(), data)


def anchors_path() -> Path:
    return paths.config_dir() / "audit-anchors.json"


@dataclass(frozen=True)
class Anchor:
    """What this PC last saw of the database at one location: its id, the end of its audit chain, the
    システム管理者's key pinned at first contact, and the last restore this PC accepted (audit number)."""

    database_id: str
    seq: int
    hash: str
    root_key: str = ""
    seen_restore: int = 0


_LOCATIONS = "locations"


def load_location_anchor(location: str) -> Anchor | None:
    """This PC's anchor for the database at ``location`` (a path or a URL without its password)."""
    path = anchors_path()
    with _unwritten_guard:
        unwritten = _unwritten.get(path, {}).get(location)
    if unwritten is not None:
        return unwritten
    entry = _read_json(path).get(_LOCATIONS, {}).get(location)
    if not isinstance(entry, dict):
        return None
    try:
        return Anchor(
            str(entry["database_id"]),
            int(entry["seq"]),
            str(entry["hash"]),
            str(entry.get("root_key", "")),
            int(entry.get("seen_restore", 0)),
        )
    except (KeyError, TypeError, ValueError):
        log.warning("ignoring an unreadable audit anchor for %s", location)
        return None


def save_location_anchor(location: str, anchor: Anchor, *, wait: bool = True) -> None:
    """Keep ``anchor`` for ``location``.  ``wait=False`` (after a write's commit): this process sees it at once
    and a background thread writes it to the file (before the process exits at the latest); a crash before
    that leaves the anchor before it, which the chain still holds.  Otherwise it is in the file on return."""
    path = anchors_path()
    with _unwritten_guard:
        _unwritten.setdefault(path, {})[location] = anchor
    if not wait:
        _start_writer()
        _wake.set()
        return
    try:
        flush_anchors()
    except BaseException:
        _forget_unwritten(path, {location: anchor})  # not kept: as before, a failed save changes nothing
        raise


def flush_anchors() -> None:
    """Write every anchor kept in memory but not yet in its file (the background thread, at exit, and a save
    that waits)."""
    with _file_guard:
        with _unwritten_guard:
            batch = {path: dict(places) for path, places in _unwritten.items() if places}
        for path, places in batch.items():
            data = _read_json(path)
            stored = data.get(_LOCATIONS)
            if not isinstance(stored, dict):
                stored = data[_LOCATIONS] = {}
            for location, anchor in places.items():
                stored[location] = {
                    "database_id": anchor.database_id,
                    "seq": anchor.seq,
                    "hash": anchor.hash,
                    "root_key": anchor.root_key,
                    "seen_restore": anchor.seen_restore,
                }
            _write_json(path, data)
            _forget_unwritten(path, places)


# anchors kept but not yet written, by file and location; the writer thread and the locks (one writer at a time)
_unwritten: dict[Path, dict[str, Anchor]] = {}
_unwritten_guard = threading.Lock()
_file_guard = threading.Lock()
_wake = threading.Event()
_writer: list[threading.Thread] = []


def _forget_unwritten(path: Path, places: dict[str, Anchor]) -> None:
    """Drop what was written (or failed), unless a newer anchor came meanwhile."""
    with _unwritten_guard:
        kept = _unwritten.get(path, {})
        for location, anchor in places.items():
            if kept.get(location) is anchor:
                del kept[location]
        if not kept:
            _unwritten.pop(path, None)


def _write_in_background() -> None:
    while True:
        _wake.wait()
        _wake.clear()
        try:
            flush_anchors()
        except OSError as error:  # kept in memory; written with the next one, or at exit
            log.warning("could not write the audit anchors yet: %s", error)


def _start_writer() -> None:
    with _unwritten_guard:
        if not _writer:
            thread = threading.Thread(target=_write_in_background, name="audit-anchors", daemon=True)
            _writer.append(thread)
            thread.start()


def _after_fork() -> None:  # a forked child has no writer thread and must not inherit held locks
    global _unwritten_guard, _file_guard, _wake
    _unwritten_guard, _file_guard, _wake = threading.Lock(), threading.Lock(), threading.Event()
    _writer.clear()


atexit.register(flush_anchors)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def load_anchor(database_id: str) -> tuple[int, str] | None:
    """The last (seq, hash) this PC saw in the database with this id (at whichever location)."""
    path = anchors_path()
    data = _read_json(path)
    places = data.get(_LOCATIONS, {})
    with _unwritten_guard:
        unwritten = list(_unwritten.get(path, {}))
    for location in [*unwritten, *(places if isinstance(places, dict) else ())]:
        anchor = load_location_anchor(location)
        if anchor is not None and anchor.database_id == database_id:
            return anchor.seq, anchor.hash
    entry = data.get(database_id)  # written by versions that keyed anchors by the id alone
    if isinstance(entry, dict) and isinstance(entry.get("seq"), int) and isinstance(entry.get("hash"), str):
        return entry["seq"], entry["hash"]
    return None
