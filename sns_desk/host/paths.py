"""Per-user folders (platformdirs).  Per-user settings stay on this PC, never on the shared drive.

``SNS_DESK_HOME`` relocates all of them under one folder: used by the tests and for a portable install.
It does not change who the user is (identity comes from the OS, see :mod:`sns_desk.identity`).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from sns_desk import APP_ID


def _home() -> Path | None:
    value = os.environ.get("SNS_DESK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "sns-desk.sqlite3"
