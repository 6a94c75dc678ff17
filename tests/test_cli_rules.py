"""``sns-desk rules``: show, export, import, test, history, city, and the standing exceptions, acting as the OS user
(the システム管理者 here, also the account's 管理者)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sns_desk.cli.main import main
from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.host import identity
from sns_desk.services import users
from sns_desk.store.database import open_database
from sns_desk.store.orm import AuditEvent
from tests import world

JMA = "大雨の情報は日本気象協会 https://tenki.jp/bosai/warning/ をご覧ください。"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, int]:
    path = tmp_path / "sns-desk.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    users.assign_account_role(db, people.kacho, account, admin.user_id, Role.MANAGER)
    db.dispose()
    return str(path), account


def test_export_edit_import_show_and_test(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, int], tmp_path: Path
) -> None:
    db, _account = setup
    code, out, _ = run(capsys, "--db", db, "rules", "show")
    assert (
        code == 0
        and "市の規則: kagoshima.json" in out
        and "課の規則: （未設定）（あなたは変更できます）" in out
    )
    code, out, _ = run(capsys, "--db", db, "rules", "test", "ポッドキャストは https://spoti.fi/abcd から")
    assert code == 1 and "エラー\t§5(7)\t「https://spoti.fi/abcd」\t短縮URL（spoti.fi）は使えません" in out

    file = tmp_path / "office.json"
    assert run(capsys, "--db", db, "rules", "export", str(file))[0] == 0
    assert json.loads(file.read_text(encoding="utf-8")) == {}
    file.write_text(
        json.dumps({"shorteners": {"remove": ["spoti.fi"]}, "city_domains": ["spoti.fi"]}), encoding="utf-8"
    )
    # 「この文で試す」 with the edited file before saving it
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "rules",
        "test",
        "ポッドキャストは https://spoti.fi/abcd から",
        "--layer",
        str(file),
    )
    assert (code, out) == (0, "指摘はありません。\n")
    code, out, _ = run(capsys, "--db", db, "rules", "import", str(file), "--note", "市の LINE 公式アカウント")
    assert code == 0 and "課の規則を第1版として保存しました" in out
    code, out, _ = run(capsys, "--db", db, "rules", "test", "ポッドキャストは https://spoti.fi/abcd から")
    assert (code, out) == (0, "指摘はありません。\n")
    code, out, _ = run(capsys, "--db", db, "rules", "show")
    assert "課の規則: 第1版 OS 利用者" in out and '"remove": [' in out
    code, out, _ = run(capsys, "--db", db, "rules", "history")
    assert "市の LINE 公式アカウント" in out and '+      "spoti.fi"' in out
    code, _out, err = run(capsys, "--db", db, "rules", "export", str(file))
    assert code == 2 and "--overwrite" in err
    database = open_database(db)
    try:
        with database.read() as session:
            actions = list(
                session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("rules.%")))
            )
    finally:
        database.dispose()
    assert actions == ["rules.office.save"]


def test_an_invalid_file_is_refused_with_each_problem(
    capsys: pytest.CaptureFixture[str], setup: tuple[str, int], tmp_path: Path
) -> None:
    db, _account = setup
    file = tmp_path / "bad.json"
    file.write_text('{"limits": {}, "shortner": ["x.gd"]}', encoding="utf-8")
    code, _out, err = run(capsys, "--db", db, "rules", "import", str(file))
    assert code == 2
    assert (
        "・「limits」は市の規則ファイルでだけ決められます。" in err
        and "「shortner」という項目は市の規則にありません" in err
    )
    file.write_text("{,}", encoding="utf-8")
    assert "JSON の形で書いてください" in run(capsys, "--db", db, "rules", "import", str(file))[2]
    assert (
        "ファイルが見つかりません"
        in run(capsys, "--db", db, "rules", "import", str(tmp_path / "none.json"))[2]
    )
    code, out, _ = run(capsys, "--db", db, "rules", "city")
    assert (code, out) == (0, "* kagoshima\n")


def test_exceptions_add_list_revoke(capsys: pytest.CaptureFixture[str], setup: tuple[str, int]) -> None:
    db, account = setup
    until = (pol.now_jst().date() + timedelta(days=60)).isoformat()
    code, out, _ = run(capsys, "--db", db, "rules", "test", JMA, "--account", str(account))
    assert code == 0 and "注意\t§5(8)" in out
    add = (
        "rules",
        "exception",
        "add",
        str(account),
        "--text",
        JMA,
        "--reason",
        "日本気象協会の警報ページ",
        "--until",
        until,
    )
    code, out, err = run(capsys, "--db", db, *add)
    assert code == 0, err
    assert f"期限 {until}" in out
    code, out, _ = run(capsys, "--db", db, "rules", "exception", "list", str(account))
    assert out.startswith("1\t市以外のサイトへのリンク（§5(8)）\ttenki.jp\t日本気象協会の警報ページ\t")
    assert "\t有効\t" in out
    code, _out, err = run(capsys, "--db", db, "rules", "exception", "add", str(account), "--text", "https://bit.ly/x",
                          "--reason", "便利", "--until", until, "--rule", "shortener")  # fmt: skip
    assert code == 2 and "例外にできません" in err
    assert run(capsys, "--db", db, "rules", "exception", "revoke", "1")[0] == 0
    assert run(capsys, "--db", db, "rules", "exception", "list", str(account))[1] == "例外はありません。\n"
    assert "取り消し" in run(capsys, "--db", db, "rules", "exception", "list", str(account), "--all")[1]
