"""`sns-desk deputy`: 代決 on the command line, as the OS user (here also the account's 管理者)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_desk.domain.vocabulary import Role
from sns_desk.services import users
from sns_desk.store.database import open_database
from tests import world
from tests.test_cli_emergency import cli_setup  # noqa: F401  (the fixture)
from tests.test_cli_posts import run


def test_name_a_deputy_mark_the_manager_absent_and_remove(
    capsys: pytest.CaptureFixture[str],
    cli_setup: tuple[Path, int, world.People],  # noqa: F811
) -> None:
    path, account, people = cli_setup
    db = open_database(path)
    users.assign_account_role(db, people.kacho, account, people.admin.user_id, Role.MANAGER)
    db.dispose()
    base = ("--db", str(path), "deputy")
    code, _out, err = run(
        capsys, *base, "add", str(account), "--user", "tanto", "--from", "12月1日", "--until", "2026-12-07"
    )
    assert code != 0 and "2026-12-01 10:00 のように" in err
    code, out, _err = run(
        capsys, *base, "add", str(account), "--user", "tanto", "--from", "2026-12-01", "--until", "2026-12-07"
    )
    assert code == 0 and "代決者を指定しました" in out
    code, out, _err = run(capsys, *base, "absent", str(account), "on")
    assert code == 0 and "不在として記録しました" in out
    code, out, _err = run(capsys, *base, "list", str(account))
    assert "管理者: 不在" in out and "観光 担当（tanto）\t2026-12-01 00:00〜2026-12-07 23:59" in out
    deputy_id = out.splitlines()[2].split("\t")[0]
    code, out, _err = run(capsys, *base, "remove", deputy_id)
    assert code == 0 and "取り消しました" in out
    code, out, _err = run(capsys, *base, "list", str(account))
    assert "代決者は指定されていません。" in out
