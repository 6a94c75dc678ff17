"""The command line speaks Japanese and never destroys a file (issue 13, items 5, 9 and 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_desk.cli.japanese_parser import japanese
from sns_desk.cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as done:  # argparse ends the process itself on a mistake in the arguments
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    db = tmp_path / "shared" / "sns-desk.sqlite3"
    assert run(capsys, "--db", str(db), "init", "--name", "情報 太郎")[0] == 0
    return db


def test_an_error_shows_the_japanese_message_only(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, _out, err = run(capsys, "--db", str(database), "approve", "999")
    assert code == 2 and err.strip()
    assert "ERROR" not in err and "sns_desk" not in err and "failed" not in err
    assert all(any(ord(ch) > 0x3000 for ch in line) for line in err.splitlines()), err
    code, _out, err = run(capsys, "--verbose", "--db", str(database), "approve", "999")
    assert code == 2 and "command approve failed" in err, "--verbose shows the English line too"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("export", "posts", "--from", "2026-04-01"), "次の引数を指定してください: --until"),
        (("frobnicate",), "COMMAND に指定できない値です: 'frobnicate'"),
        (("verify", "--colour"), "解釈できない引数があります: --colour"),
        (("approve", "²"), "半角数字（9 桁まで）で指定してください: '²'"),
        (("approve", "1" * 20), "半角数字（9 桁まで）で指定してください"),
        (("approve", "1" * 5000), "半角数字（9 桁まで）で指定してください"),
        (("approve", "１２"), "半角数字"),
        (("export", "posts", "--from"), "--from には値を 1 つ指定してください"),
    ],
)
def test_argument_mistakes_are_explained_in_japanese(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], expected: str
) -> None:
    code, _out, err = run(capsys, *args)
    assert code == 2
    assert expected in err and "使い方: sns-desk" in err
    assert "usage:" not in err and "error:" not in err and "argument" not in err


def test_help_is_in_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "export", "posts", "--help")
    assert code == 0
    assert out.startswith("使い方: sns-desk export posts") and "オプション:" in out
    assert "この説明を表示して終わる" in out and "show this help" not in out and "options:" not in out


def test_unknown_argparse_messages_keep_a_japanese_lead() -> None:
    assert japanese("something new").startswith("コマンドの指定が正しくありません")


@pytest.mark.parametrize("bad", ["/tmp/\udcff.sqlite3", "/tmp/a\x00b.sqlite3"])
def test_an_argument_with_nul_or_a_broken_character_is_refused(
    capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code, _out, err = run(capsys, "--db", bad, "verify")
    assert code == 2 and "2 番目の引数に使えない文字" in err


def test_a_search_term_with_nul_is_refused(capsys: pytest.CaptureFixture[str], database: Path) -> None:
    code, _out, err = run(capsys, "--db", str(database), "draft", "list", "--text", "降灰\x00予報")
    assert code == 2 and "使えない文字" in err and "保存されていません" not in err


def test_export_replaces_a_file_only_with_force(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    out = tmp_path / "一覧.xlsx"
    out.write_bytes(b"last month's list")
    code, _out, err = run(capsys, "--db", str(database), "export", "account-list", "--out", str(out))
    assert code == 2 and "同じ名前のファイルが既にあります" in err and "--force" in err
    assert out.read_bytes() == b"last month's list"
    code, printed, _err = run(
        capsys, "--db", str(database), "export", "account-list", "--out", str(out), "--force"
    )
    assert code == 0 and "出力しました" in printed
    assert out.read_bytes()[:2] == b"PK"


def test_export_never_overwrites_the_database(
    capsys: pytest.CaptureFixture[str], database: Path, tmp_path: Path
) -> None:
    before = database.read_bytes()
    code, _out, err = run(
        capsys, "--db", str(database), "export", "account-list", "--out", str(database), "--force"
    )
    assert code == 2 and "データベースのファイル" in err
    assert database.read_bytes() == before
    code, out, _err = run(capsys, "--db", str(database), "verify")
    assert code == 0 and "正常" in out
