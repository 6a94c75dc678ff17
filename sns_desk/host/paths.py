"""Per-user folders (platformdirs).  Per-user settings stay on this PC, never on the shared drive.

``SNS_DESK_HOME`` relocates all of them under one folder: used by the tests and for a portable install.
It does not change who the user is (identity comes from the OS, see :mod:`sns_desk.identity`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import platformdirs

from sns_desk import APP_ID


def _folder(name: str, platform_folder: Callable[..., str]) -> Path:
    """``name`` under SNS_DESK_HOME when set, else this user's folder of that kind; made if missing."""
    value = os.environ.get("SNS_DESK_HOME")
    path = Path(value) / name if value else Path(platform_folder(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _folder("data", platformdirs.user_data_dir)


def config_dir() -> Path:
    return _folder("config", platformdirs.user_config_dir)


def log_dir() -> Path:
    return _folder("logs", platformdirs.user_log_dir)


def default_database_path() -> Path:
    return data_dir() / "sns-desk.sqlite3"
