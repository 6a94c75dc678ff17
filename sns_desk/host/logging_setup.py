"""Logging to a rotating file in the user's log folder (English; secrets are never logged)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from sns_desk.host import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"


def configure(*, verbose: bool = False, console: bool = False) -> Path:
    """Send the app's logs to ``sns-desk.log`` (1 MB x 5); returns the file's path."""
    log_file = paths.log_dir() / "sns-desk.log"
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for old in [h for h in root.handlers if getattr(h, "_sns_desk", False)]:
        root.removeHandler(old)  # configuring again (another log folder, or console on/off) replaces ours
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(FORMAT))
    handler._sns_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.setLevel(logging.WARNING)
        stream._sns_desk = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO)
    return log_file
