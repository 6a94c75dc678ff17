"""Account, policy, checklist and credential subcommands, acting as the OS user."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sns_desk.cli.main import main
from sns_desk.host import identity
from sns_desk.services import accounts, users
from sns_desk.store.database import open_database
from tests.conftest import MemoryKeyring


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def city(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    db = tmp_path / "sns-desk.sqlite3"
    assert (
        run(
            capsys,
            "--db",
            str(db),
            "init",
            "--name",
            "課長 一郎",
            "--bureau",
            "観光交流局",
            "--section",
            "観光振興課",
        )[0]
        == 0
    )
    people = tmp_path / "people.csv"
    people.write_text(
        "ログイン名,氏名,局,課\nkyokucho,観光 局長,観光交流局,\ntanto,観光 担当,観光交流局,観光振興課\n",
        "utf-8",
    )
    assert run(capsys, "--db", str(db), "users", "import", str(people))[0] == 0
    return db


def test_policy_template_is_a_valid_starting_point(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "policy", "template")
    assert code == 0
    data = json.loads(out)
    assert data["hours"] == "月-金 08:30-17:15" and data["follow"] == "dont"


def test_account_from_request_to_active_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
    city: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    db = str(city)
    policy_file = tmp_path / "policy.json"
    policy_file.write_text(
        json.dumps(
            {
                "purpose": "観光情報の発信",
                "content": "イベント情報",
                "hours": "月-金 08:30-17:15; 土 10:00-12:00",
                "contact_email": "kanko@city.example.lg.jp",
                "follow": "dont",
                "repost": "dont",
                "like": "dont",
                "share": "dont",
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, out, err = run(
        capsys,
        "--db",
        db,
        "account",
        "request",
        "--platform",
        "x",
        "--name",
        "鹿児島市観光公式X",
        "--department",
        "観光交流局 観光振興課",
        "--responsible",
        "kyokucho",
        "--policy",
        str(policy_file),
    )
    assert code == 0, err
    assert "アカウント番号 1" in out

    code, _out, err = run(capsys, "--db", db, "account", "approve", "1")
    assert code == 2 and "アカウント責任者の権限が必要です" in err

    database = open_database(city)
    kyokucho = users.resolve_actor(database, "kyokucho")
    accounts.approve_opening(database, kyokucho, 1, accounts.get_account(database, kyokucho, 1).version)
    database.dispose()

    assert (
        run(capsys, "--db", db, "checklist", "set", "1", "verified", "not_offered", "--note", "提供なし")[0]
        == 0
    )
    code, _out, err = run(capsys, "--db", db, "checklist", "set", "1", "homepage", "done")
    assert code == 2 and "URL" in err
    assert (
        run(
            capsys,
            "--db",
            db,
            "checklist",
            "set",
            "1",
            "homepage",
            "done",
            "--url",
            "https://www.city.example.lg.jp/sns",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "checklist", "set", "1", "profile_link", "done")
    assert code == 0 and "[  ] パスワードをキーリングで管理" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("Sakurajima-2026!\n"))
    code, out, err = run(capsys, "--db", db, "credential", "set", "1", "--login-id", "kagoshima_kanko")
    assert code == 0, err
    credential = next(v for (_service, user), v in memory_keyring.store.items() if user == "account-1")
    assert "Sakurajima-2026!" in credential

    code, out, err = run(capsys, "--db", db, "account", "activate", "1")
    assert code == 0, err
    assert "運用中" in out.splitlines()[0]

    code, out, _ = run(capsys, "--db", db, "policy", "show", "1")
    assert "運用時間: 月〜金 8:30〜17:15／土 10:00〜12:00" in out and "キ 免責事項" in out

    edited = json.loads(policy_file.read_text(encoding="utf-8"))
    edited["hours"] = "月-金 09:00-17:00"
    policy_file.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "policy", "edit", "1", str(policy_file))
    assert code == 0 and "第2版（作成中）" in out
    code, out, _ = run(capsys, "--db", db, "policy", "diff", "1", "1", "2")
    assert "+運用時間: 月〜金 9:00〜17:00" in out

    code, out, _ = run(capsys, "--db", db, "account", "member", "add", "1", "tanto", "staff")
    assert code == 0 and "tanto\t観光 担当\tアカウント担当者" in out
    code, out, _ = run(capsys, "--db", db, "account", "list")
    assert out.startswith("1\tX\t鹿児島市観光公式X\t運用中\t観光交流局 観光振興課\t措置済")
    # kyokucho's 電子印鑑 key counts once the システム管理者 (the OS user who ran init) certified it
    code, out, err = run(capsys, "--db", db, "keys", "certify", "kyokucho")
    assert code == 0 and "kyokucho の鍵" in out and "認証しました" in out, err
    assert run(capsys, "--db", db, "verify")[0] == 0


def test_the_secret_never_comes_from_an_argument(capsys: pytest.CaptureFixture[str], city: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(city), "credential", "set", "1", "--login-id", "x", "--password", "oops"])
    assert "解釈できない引数があります: --password" in capsys.readouterr().err


def test_credential_status_reports_the_backend(capsys: pytest.CaptureFixture[str]) -> None:
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())
    code, out, _ = run(capsys, "credential", "status")
    assert code == 1 and "認証情報の機能は使えません" in out
    assert identity.current_login()
