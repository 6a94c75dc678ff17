"""A non-editable install works like a checkout: the wheel carries its rules, templates and migrations.

The wheel is built from this tree and installed into a fresh virtual environment, away from the checkout; the
dependencies come from the test environment's site-packages (added by a path file, so nothing is downloaded and
this tree's editable install is not seen).  The installed ``sns-desk`` then creates a database, checks a draft
(the rule file) and exports a workbook (the template).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.host import identity
from sns_desk.services import users
from sns_desk.store.database import open_database
from tests import world

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            ".",
        ],
        cwd=ROOT,
        check=True,
        timeout=300,
    )
    (built,) = out.glob("sns_desk-*.whl")
    return built


def _without_python_paths() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding only the wheel; returns its ``sns-desk`` program."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=300,
        env=_without_python_paths(),  # a checkout on PYTHONPATH would look like sns-desk already installed
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    here = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "test-dependencies.pth").write_text("\n".join(sorted(here)) + "\n", encoding="utf-8")
    return bindir / ("sns-desk.exe" if os.name == "nt" else "sns-desk")


def _run(program: Path, *args: str, cwd: Path, code: int = 0) -> str:
    env = _without_python_paths()
    done = subprocess.run(
        [str(program), *args], cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert done.returncode == code, done.stderr
    return done.stdout


def test_the_wheel_holds_the_resources_and_migrations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in [
        "sns_desk/resources/rules/kagoshima.json",
        "sns_desk/resources/templates/account_list.xlsx",
        "sns_desk/resources/templates/post_record.xlsx",
        "sns_desk/resources/icons/sns-desk.svg",
        "sns_desk/resources/guideline/guideline-ja.md",  # ヘルプ → ガイドライン
        "sns_desk/resources/manual/index.md",  # ヘルプ → 使い方, with its pictures
        "sns_desk/resources/manual/images/posts-5-delete.png",
        "sns_desk/store/migrations/env.py",
        "sns_desk/store/migrations/versions/0001_foundation.py",
    ]:
        assert needed in names, needed
    assert not any(name.startswith(("tests/", "scripts/", "resources/")) for name in names)


def test_the_installed_program_checks_drafts_and_exports(installed: Path, tmp_path: Path) -> None:
    # the installed program is the one that runs, not this checkout
    where = _run(installed.parent / "python", "-c", "import sns_desk; print(sns_desk.__file__)", cwd=tmp_path)
    assert str(ROOT) not in where and "site-packages" in where

    _run(installed, "--db", str(tmp_path / "new.sqlite3"), "init", "--name", "試験 太郎", cwd=tmp_path)
    assert "監査ログは正常です" in _run(
        installed, "--db", str(tmp_path / "new.sqlite3"), "verify", cwd=tmp_path
    )

    path = tmp_path / "office.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    users.assign_account_role(db, people.kacho, account, admin.user_id, Role.STAFF)
    db.dispose()

    out = _run(installed, "--db", str(path), "draft", "new", "--account", str(account), "--body",
               "詳しくは bit.ly/abc をご覧ください。あいつは馬鹿だ", cwd=tmp_path)  # fmt: skip
    assert "[エラー] 短縮URL" in out  # the rule file was found
    assert "誹謗中傷" in out  # the morphological analyser and its dictionary were found
    checked = _run(installed, "--db", str(path), "draft", "check", "1", cwd=tmp_path, code=1)  # an error: 1
    assert "短縮URL" in checked

    book = tmp_path / "list.xlsx"
    _run(installed, "--db", str(path), "export", "account-list", "--out", str(book), cwd=tmp_path)
    values = [
        v for row in load_workbook(book, read_only=True).active.iter_rows(values_only=True) for v in row
    ]
    assert "公式アカウント一覧" in values  # the template was found
