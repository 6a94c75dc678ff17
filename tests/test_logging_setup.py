"""The log file is set up once the first list is on the screen (issue 17, ready); nothing logged before is lost."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from sns_desk.host import logging_setup


@pytest.fixture
def clean_root() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    yield root
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_what_is_logged_before_the_log_file_is_set_up_is_written_to_it_in_order(
    clean_root: logging.Logger,
) -> None:
    logging_setup.hold_early_records(verbose=False)
    log = logging.getLogger("sns_desk.gui.app")
    log.info("quick first read skipped: the file is newer")
    log.debug("a detail only a verbose log keeps")
    logging.getLogger("sqlalchemy.engine").info("SELECT secret FROM kept_out")
    log.warning("the window was shown")
    path = logging_setup.configure(verbose=False)
    log.info("after the log file")

    text = _text(path)
    lines = [line for line in text.splitlines() if "sns_desk.gui.app" in line]
    assert [line.split(": ", 1)[1] for line in lines] == [
        "quick first read skipped: the file is newer",
        "the window was shown",
        "after the log file",
    ]
    assert "INFO sns_desk.gui.app" in lines[0] and "WARNING sns_desk.gui.app" in lines[1]
    assert "kept_out" not in text, "SQLAlchemy's statements stay out of the log, early or not"
    assert not any(isinstance(h, logging_setup.EarlyRecords) for h in clean_root.handlers)


def test_a_verbose_start_keeps_its_early_details(clean_root: logging.Logger) -> None:
    logging_setup.hold_early_records(verbose=True)
    logging.getLogger("sns_desk.store.first_page").debug("first page: 200 rows")
    path = logging_setup.configure(verbose=True)
    assert "DEBUG sns_desk.store.first_page" in _text(path) and "first page: 200 rows" in _text(path)
