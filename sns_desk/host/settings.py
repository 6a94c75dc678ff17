"""Per-user settings kept on this PC (never on the shared drive): where the database is, and the audit anchor.

The file is small JSON written atomically (temp file + rename), so a crash never leaves half a file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
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
    entry = _read_json(anchors_path()).get(_LOCATIONS, {}).get(location)
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


def save_location_anchor(location: str, anchor: Anchor) -> None:
    data = _read_json(anchors_path())
    places = data.get(_LOCATIONS)
    if not isinstance(places, dict):
        places = data[_LOCATIONS] = {}
    places[location] = {
        "database_id": anchor.database_id,
        "seq": anchor.seq,
        "hash": anchor.hash,
        "root_key": anchor.root_key,
        "seen_restore": anchor.seen_restore,
    }
    _write_json(anchors_path(), data)


def load_anchor(database_id: str) -> tuple[int, str] | None:
    """The last (seq, hash) this PC saw in the database with this id (at whichever location)."""
    data = _read_json(anchors_path())
    places = data.get(_LOCATIONS, {})
    for location in places if isinstance(places, dict) else ():
        anchor = load_location_anchor(location)
        if anchor is not None and anchor.database_id == database_id:
            return anchor.seq, anchor.hash
    entry = data.get(database_id)  # written by versions that keyed anchors by the id alone
    if isinstance(entry, dict) and isinstance(entry.get("seq"), int) and isinstance(entry.get("hash"), str):
        return entry["seq"], entry["hash"]
    return None
