"""Build the one-folder app with PyInstaller and smoke-test the frozen program (CI runs this through pytest).

    python scripts/smoke_installer.py                 # build into build/installer/, then test
    python scripts/smoke_installer.py --skip-build    # test an existing build
    python scripts/smoke_installer.py --out DIR       # where dist/ and work/ go

It has no --quick form: building the app is what it tests (tests/test_installer.py runs it as it is).

What it checks, against the frozen executables only (no source tree on the path, a fresh SNS_DESK_HOME):
1. the folder holds the resources the app reads at run time (templates, rule data, migrations, icon) and Qt's
   platform and image-format plugins;
2. ``sns-desk --version`` prints the package version;
3. ``SNSDesk --exit-after-start`` starts offscreen on a PC with no settings and reaches the first-run wizard;
4. the console program creates a database (``init``), requests an account with the shipped policy sample,
   exports 公式アカウント一覧 as Excel, and ``verify`` passes; the workbook is read back and its rows checked.
It prints one line per step and exits 1 at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from convention import ROOT, parser

EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


class SmokeFailure(Exception):
    pass


def build(dist: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist / "dist"),
        "--workpath",
        str(dist / "work"),
        str(ROOT / "build_installer.spec"),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SmokeFailure(f"PyInstaller failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    print(f"ok  built with PyInstaller in {time.perf_counter() - started:.0f} s")
    return dist / "dist" / "sns-desk"


def check_files(app: Path) -> None:
    internal = app / "_internal"
    needed = [
        "sns_desk/resources/templates/account_list.xlsx",
        "sns_desk/resources/templates/post_record.xlsx",
        "sns_desk/resources/rules/kagoshima.json",
        "sns_desk/resources/icons/sns-desk.svg",
        "sns_desk/resources/icons/sns-desk.ico",
        "sns_desk/store/migrations/env.py",
        "twitter_text/regexp/emoji-test.txt",
        "unidic_lite/dicdir/sys.dic",  # the word checks' dictionary (issue 15; the analyser is fugashi)
        "unidic_lite/dicdir/matrix.bin",
        "unidic_lite/dicdir/mecabrc",
        "certifi/cacert.pem",  # the CA bundle httpx (X) and line-bot-sdk's urllib3 (LINE) verify HTTPS with
    ]
    missing = [name for name in needed if not (internal / name).exists()]
    plugins = next(internal.glob("PySide6/**/plugins"), None)
    if plugins is None:
        missing.append("PySide6 plugins")
    else:
        for group, stem in [
            ("platforms", "offscreen"),
            ("platforms", "windows" if sys.platform == "win32" else "xcb"),
            ("imageformats", "svg"),
            ("imageformats", "ico"),
        ]:
            if not any(stem in p.name for p in (plugins / group).glob("*")):
                missing.append(f"Qt plugin {group}/{stem}")
    for exe in ("SNSDesk", "sns-desk"):
        if not (app / f"{exe}{EXE_SUFFIX}").exists():
            missing.append(f"{exe}{EXE_SUFFIX}")
    if missing:
        raise SmokeFailure("missing from the build: " + ", ".join(missing))
    size = sum(p.stat().st_size for p in app.rglob("*") if p.is_file()) / 1024**2
    print(f"ok  files: executables, resources, migrations and Qt plugins present ({size:.0f} MB)")


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path, expect: int = 0) -> str:
    done = subprocess.run(
        [str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    if done.returncode != expect:
        raise SmokeFailure(
            f"{exe.name} {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def smoke(app: Path) -> None:
    check_files(app)
    cli, gui = app / f"sns-desk{EXE_SUFFIX}", app / f"SNSDesk{EXE_SUFFIX}"
    with tempfile.TemporaryDirectory(prefix="sns-desk-smoke-") as tmp:
        home = Path(tmp)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "SNS_DESK", "VIRTUAL_ENV"))
        }
        env.update(SNS_DESK_HOME=str(home / "home"), QT_QPA_PLATFORM="offscreen")

        from sns_desk import __version__

        out = run(cli, "--version", env=env, cwd=home).strip()
        if out != f"SNS Desk {__version__}":
            raise SmokeFailure(f"--version printed {out!r}, expected 'SNS Desk {__version__}'")
        print(f"ok  --version: {out}")

        out = run(gui, "--exit-after-start", env=env, cwd=home)
        if "first window: FirstRunWizard" not in out or "shown=True" not in out:
            raise SmokeFailure(f"the first start did not reach the first-run wizard: {out!r}")
        print(f"ok  first start: {out.strip()}")

        db = str(home / "office.sqlite3")
        run(cli, "--db", db, "init", "--shared", "--name", "試験 太郎", "--bureau", "総務局",
            "--section", "情報政策課", env=env, cwd=home)  # fmt: skip
        sample = run(cli, "--db", db, "policy", "template", env=env, cwd=home)
        (home / "policy.json").write_text(sample, encoding="utf-8")
        header = run(cli, "--db", db, "users", "template", env=env, cwd=home).strip()
        (home / "users.csv").write_text(f"{header}\nkyokucho,局長 花子,総務局,,,,,,\n", encoding="utf-8")
        run(cli, "--db", db, "users", "import", str(home / "users.csv"), env=env, cwd=home)
        responsible = "kyokucho"
        run(cli, "--db", db, "account", "request", "--platform", "x", "--name", "鹿児島市 試験",
                  "--department", "総務局 情報政策課", "--responsible", responsible, "--policy",
                  str(home / "policy.json"), env=env, cwd=home)  # fmt: skip
        listed = run(cli, "--db", db, "account", "list", env=env, cwd=home)
        if "鹿児島市 試験" not in listed:
            raise SmokeFailure(f"the requested account is not listed: {listed!r}")
        from datetime import datetime, timedelta, timezone

        from openpyxl import load_workbook

        # the app dates a report in Japan time whatever the PC's clock zone (a CI machine on UTC is a day behind
        # Japan from 15:00 UTC); the export may cross midnight in Japan
        japan = timezone(timedelta(hours=9))
        exported_on = {datetime.now(japan).date()}
        run(cli, "--db", db, "export", "account-list", "--out", str(home / "list.xlsx"), env=env, cwd=home)
        exported_on.add(datetime.now(japan).date())
        run(cli, "--db", db, "verify", env=env, cwd=home)

        sheet = load_workbook(home / "list.xlsx", read_only=True).worksheets[0]
        values = [v for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
        dated = any(f"{day.year}年{day.month}月{day.day}日" in values for day in exported_on)
        if values[:1] != ["公式アカウント一覧"] or not dated:
            raise SmokeFailure(f"unexpected 公式アカウント一覧: {json.dumps(values, ensure_ascii=False)}")
        print(
            "ok  report: init, users import, account request, 公式アカウント一覧 exported and read back, verify"
        )

        done = subprocess.run(
            [str(cli), "--db", "postgresql+psycopg://nobody:secret@127.0.0.1:1/snsdesk", "verify"],
            env=env, cwd=home, capture_output=True, text=True, encoding="utf-8", timeout=120,
        )  # fmt: skip
        if done.returncode != 2 or "データベースサーバーに接続できません" not in done.stderr:
            raise SmokeFailure(f"the PostgreSQL driver is not usable in the build: {done.stderr!r}")
        print("ok  PostgreSQL driver: an unreachable server is reported as such")

        out = run(gui, "--db", db, "--exit-after-start", env=env, cwd=home)
        if "first window: MainWindow" not in out or "shown=True" not in out:
            raise SmokeFailure(f"the registered administrator did not reach the main window: {out!r}")
        print(f"ok  second start: {out.strip()}")


def main(argv: list[str]) -> int:
    cli = parser(__doc__, ROOT / "build" / "installer", "the folder for PyInstaller's dist/ and work/")
    cli.add_argument("--dist", type=Path, dest="out", help=argparse.SUPPRESS)  # the earlier name of --out
    cli.add_argument("--skip-build", action="store_true", help="smoke-test the app already built in --out")
    args = cli.parse_args(argv)
    try:
        app = args.out / "dist" / "sns-desk" if args.skip_build else build(args.out)
        smoke(app)
    except SmokeFailure as failure:
        print(f"FAIL {failure}", file=sys.stderr)
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
