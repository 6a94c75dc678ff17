"""Logging to a rotating file in the user's log folder (English; secrets are never logged).

The file starts afresh every day and no log is kept longer than :data:`KEEP_DAYS` days (issue 13 item 6): a
log may hold logins and what was done, so it is kept no longer than an office needs to look back."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from sns_desk.host import paths

FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"
LOG_NAME = "sns-desk.log"
KEEP_DAYS = 90


class EarlyRecords(logging.Handler):
    """The records logged before the log file is set up, written to it once it is (:func:`configure`).

    The app sets up its log file once its first list is on the screen: opening the file, deleting old logs and
    importing ``logging.handlers`` cost about 8 ms that the person would otherwise wait for (issue 17, ready);
    nothing logged meanwhile is lost."""

    LIMIT = 10_000  # a start-up that logs more than this has a bigger problem; the newest are kept

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        del self.records[: -self.LIMIT]


def hold_early_records(*, verbose: bool = False) -> None:
    """Keep what is logged from now until :func:`configure` (at the level it will log at)."""
    root = logging.getLogger()
    if not any(isinstance(h, EarlyRecords) for h in root.handlers):
        root.addHandler(EarlyRecords())
    _set_levels(verbose)


def _set_levels(verbose: bool) -> None:
    logging.getLogger().setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO)


def delete_old_logs(folder: Path, now: float | None = None) -> list[Path]:
    """Delete this app's rotated logs last written more than :data:`KEEP_DAYS` days ago (the rotation's own
    count is not enough: a PC that starts the app once a month would keep 90 files of three months each)."""
    limit = (time.time() if now is None else now) - KEEP_DAYS * 86400
    deleted = []
    for old in folder.glob(f"{LOG_NAME}.*"):
        try:
            if old.stat().st_mtime < limit:
                old.unlink()
                deleted.append(old)
        except OSError:
            continue  # another process of the app rotated or deleted it just now
    return deleted


def configure(*, verbose: bool = False, console: bool = False) -> Path:
    """Send the app's logs to ``sns-desk.log`` (a new file each day, none older than 90 days); returns its path.
    What was logged since :func:`hold_early_records` is written first."""
    import logging.handlers

    log_file = paths.log_dir() / LOG_NAME
    deleted = delete_old_logs(log_file.parent)
    root = logging.getLogger()
    _set_levels(verbose)
    for old in [h for h in root.handlers if getattr(h, "_sns_desk", False)]:
        root.removeHandler(old)  # configuring again (another log folder, or console on/off) replaces ours
        old.close()
    handler = logging.handlers.TimedRotatingFileHandler(
        log_file, when="midnight", backupCount=KEEP_DAYS, encoding="utf-8"
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
    for early in [h for h in root.handlers if isinstance(h, EarlyRecords)]:
        root.removeHandler(early)
        for record in early.records:
            if record.levelno >= logging.getLogger(record.name).getEffectiveLevel():
                root.handle(record)
    if deleted:
        logging.getLogger(__name__).info("deleted %d log file(s) older than %d days", len(deleted), KEEP_DAYS)
    return log_file
