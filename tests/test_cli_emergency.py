"""`sns-desk stop`: the 緊急停止 on the command line, as the OS user (the システム管理者 here)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_desk.services import emergency_stop
from sns_desk.store.database import open_database
from tests import world
from tests.test_cli_posts import run
from tests.test_cli_posts import setup as cli_world
from tests.test_emergency_stop import approved


@pytest.fixture
def cli_setup(tmp_path: Path) -> tuple[Path, int, world.People]:
    return cli_world.__wrapped__(tmp_path)  # type: ignore[attr-defined]


def test_stop_all_status_and_release(
    capsys: pytest.CaptureFixture[str], cli_setup: tuple[Path, int, world.People]
) -> None:
    path, account, people = cli_setup
    db = open_database(path)
    approved(db, people, account, "週末の観光イベントのお知らせ")
    db.dispose()
    code, out, _err = run(capsys, "--db", str(path), "stop", "status")
    assert code == 0 and "緊急停止はありません。" in out
    code, _out, err = run(capsys, "--db", str(path), "stop", "start", "--all", "--reason", " ")
    assert code != 0 and "理由" in err
    code, out, _err = run(capsys, "--db", str(path), "stop", "start", "--all", "--reason", "震度6弱の地震")
    assert code == 0 and "緊急停止しました" in out
    code, out, _err = run(capsys, "--db", str(path), "stop", "status")
    assert "全アカウント" in out and "震度6弱の地震" in out
    assert "止められている予約投稿: 1 件" in out and "週末の観光イベント" in out
    stop_id = out.split("停止番号 ")[1].split("\t")[0]
    code, out, _err = run(capsys, "--db", str(path), "stop", "release", stop_id, "--reason", "安全を確認")
    assert code == 0 and "解除しました" in out
    db = open_database(path)
    with db.read() as session:
        assert emergency_stop.held_account_ids(session) == frozenset()
    db.dispose()
