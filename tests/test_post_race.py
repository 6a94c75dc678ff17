"""Two PCs deciding on the same post at once: exactly one wins, in every one of 200 tries (shared-mode file)."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests import race_worker

TRIES = int(os.environ.get("SNS_DESK_RACE_TRIES", "200"))


def unique_text(n: int) -> str:
    """Different enough from the other posts not to trip the repetition check."""
    rng = random.Random(n)
    return f"お知らせ {n}: " + "".join(rng.choice("春夏秋冬山川海空花鳥風月雪雨雲星") for _ in range(40))


def test_two_processes_deciding_on_one_post_exactly_one_wins(tmp_path: Path) -> None:
    wins = race_worker.run_race(str(tmp_path / "shared" / "sns-desk.sqlite3"), TRIES)
    assert sum(wins.values()) == TRIES
