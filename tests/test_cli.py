"""The command line, acting as the OS user."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sns_desk import __version__
from sns_desk.cli.main import main
from sns_desk.host import identity


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version_from_the_installed_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sns_desk", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"SNS Desk {__version__}"


def test_init_makes_the_os_user_administrator(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "shared" / "sns-desk.sqlite3"
    code, out, _err = run(
        capsys, "--db", str(db), "init", "--shared", "--name", "情報 太郎", "--bureau", "総務局"
    )
    assert code == 0
    assert "共有フォルダ" in out and f"（{identity.current_login()}）をシステム管理者" in out
    code, out, _err = run(capsys, "--db", str(db), "users", "list")
    assert code == 0
    assert out.splitlines() == [f"{identity.current_login()}\t情報 太郎\t総務局\tシステム管理者"]
    code, _out, err = run(capsys, "--db", str(db), "init")
    assert code == 2 and "既に初期化されています" in err


def test_init_without_db_uses_the_default_local_file(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, out, _err = run(capsys, "init")
    assert code == 0 and "WAL" in out
    assert (isolated_home / "data" / "sns-desk.sqlite3").exists()


def test_verify_passes_then_names_the_first_bad_seq(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "sns-desk.sqlite3"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    csv_file = tmp_path / "users.csv"
    csv_file.write_text("ログイン名,氏名,局,課\nm-ito,伊藤 美咲,市民局,市民協働課\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(db), "users", "import", str(csv_file))
    assert code == 0 and "新規 1 件" in out
    code, out, _ = run(capsys, "--db", str(db), "verify")
    assert code == 0 and "正常" in out and "2 件" in out

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_events SET payload = '{}' WHERE seq = 2")
    conn.close()
    code, _out, err = run(capsys, "--db", str(db), "verify")
    assert code == 1
    assert "番号 2" in err and "first bad seq: 2" in err


def test_verify_refuses_a_non_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(bogus), "verify")
    assert code == 2 and "データベースではありません" in err


def test_backup_to_a_folder_makes_a_consistent_copy(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "sns-desk.sqlite3"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    dest = tmp_path / "usb"
    dest.mkdir()
    code, out, _ = run(capsys, "--db", str(db), "backup", str(dest))
    assert code == 0
    copies = list(dest.glob("sns-desk-*.sqlite3"))
    assert len(copies) == 1 and str(copies[0]) in out
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM users").fetchone() == (1,)
    conn.close()
    code, out, _ = run(capsys, "--db", str(db), "verify")
    assert code == 0 and "2 件" in out, "the backup itself is audited"


def test_users_import_reports_errors_in_japanese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "sns-desk.sqlite3"
    assert run(capsys, "--db", str(db), "init")[0] == 0
    csv_file = tmp_path / "users.csv"
    csv_file.write_text("ログイン名,氏名\nbad login,名前\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(db), "users", "import", str(csv_file))
    assert code == 2 and "2 行目" in err and "1 件も登録していません" in err


def test_users_template_is_the_import_header(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "users", "template")
    assert code == 0 and out.startswith("ログイン名,氏名,局,課")


def test_an_unregistered_login_sees_nothing_but_whom_to_ask(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "sns-desk.sqlite3"
    assert run(capsys, "--db", str(db), "init", "--name", "情報 太郎", "--bureau", "総務局")[0] == 0
    me = identity.current_login()
    monkeypatch.setattr(identity, "current_login", lambda: "stranger")
    for command in (("users", "list"), ("verify",)):
        code, out, err = run(capsys, "--db", str(db), *command)
        assert code != 0 and out == "", command
        assert "「stranger」は SNS Desk に登録されていません" in err and "情報 太郎" in err, command
        assert me not in out + err.replace("情報 太郎", ""), "nobody's login is shown"
