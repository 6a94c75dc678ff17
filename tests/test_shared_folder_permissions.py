"""Issue 13, item 8: in the 課's shared folder every file the app creates belongs to the folder's group with
group read/write and nothing for others, whatever each person's umask (POSIX; on Windows the folder's ACL governs).

Real OS users and a group are made for the test (CI runs as root); the database is initialised by one member with
a strict umask and written by another, as two people of one 課 on two PCs would.
"""

from __future__ import annotations

import grp
import logging
import os
import pwd
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.world import unavailable

ROOT = Path(__file__).resolve().parents[1]
RUN_CLI = "import sys; from sns_desk.cli.main import main; sys.exit(main(sys.argv[1:]))"
SECOND_WRITES = """
import sys
from pathlib import Path
from sns_desk.store.database import open_database
from sns_desk.store.orm import AppMeta
from sns_desk.store.sqlite_files import backup_sqlite_file
path = Path(sys.argv[1])
db = open_database(path)
db.write(lambda session: session.add(AppMeta(key="written_by_second_member", value="yes")))
backup_sqlite_file(path, path.parent / "backups" / "second-member.sqlite3")
db.dispose()
"""


@dataclass
class Section:
    """A 課: its group, two members and the shared folder that the group may write."""

    group: str
    gid: int
    members: tuple[str, str]
    folder: Path
    base: Path

    def run(self, member: str, *argv: str) -> Result:
        """Run ``python -c argv[0] argv[1:]`` as ``member`` (their uid, primary group and the 課's group), umask
        077: through setpriv when the member may run this interpreter, else in a forked child that drops to the
        member's identity (a developer's interpreter may sit under /root, which others cannot enter)."""
        user = pwd.getpwnam(member)
        home = self.base / f"home-{member}"
        env = {"HOME": str(home), "SNS_DESK_HOME": str(home), "LANG": "C.UTF-8"}
        if _reachable_by(user, sys.executable):
            shell = 'umask 077; exec "$@"'
            ids = [f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--init-groups"]
            done = subprocess.run(
                ["setpriv", *ids, "sh", "-c", shell, "sh", sys.executable, "-c", *argv],
                env={**env, "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            return Result(done.returncode, done.stdout + done.stderr)
        _warm_up(self.base)
        return _forked_as(user, self.gid, env, argv)


@dataclass
class Result:
    returncode: int
    output: str


def _reachable_by(user: pwd.struct_passwd, program: str) -> bool:
    """Whether ``user`` may run ``program`` (every folder on its real path searchable, the file executable)."""
    real = Path(os.path.realpath(program))
    for folder in [*reversed(real.parents), real]:
        st = folder.stat()
        mode = stat.S_IMODE(st.st_mode)
        bit = stat.S_IXOTH
        if st.st_uid == user.pw_uid:
            bit = stat.S_IXUSR
        elif st.st_gid == user.pw_gid:
            bit = stat.S_IXGRP
        if not mode & bit:
            return False
    return True


_warmed: list[bool] = []


def _warm_up(base: Path) -> None:
    """Do the same work once as this process, so that every module it needs is imported before a child drops to
    a member who may not read the interpreter's own library folder."""
    if _warmed:
        return
    scratch = base / "warm-up"
    scratch.mkdir()
    path = scratch / "warm.sqlite3"
    root_logger = logging.getLogger()
    before = list(root_logger.handlers)
    try:
        for code, *args in (
            (RUN_CLI, "--db", str(path), "init", "--shared"),
            (SECOND_WRITES, str(path)),
            (RUN_CLI, "--db", str(path), "verify"),
        ):
            saved = sys.argv
            sys.argv = ["sns-desk", *args]
            try:
                exec(compile(code, "<warm-up>", "exec"), {"__name__": "__main__"})
            except SystemExit:
                pass
            finally:
                sys.argv = saved
    finally:
        for handler in [h for h in root_logger.handlers if h not in before]:
            root_logger.removeHandler(handler)
            handler.close()
        shutil.rmtree(scratch, ignore_errors=True)
    _warmed.append(True)


def _forked_as(
    user: pwd.struct_passwd, section_gid: int, env: dict[str, str], argv: tuple[str, ...]
) -> Result:
    """Run the code in a child of this process that has become ``user`` (real and effective ids, groups)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.close(read_end)
            sys.stdout = sys.stderr = open(write_end, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
            os.setgroups([user.pw_gid, section_gid])
            os.setresgid(user.pw_gid, user.pw_gid, user.pw_gid)
            os.setresuid(user.pw_uid, user.pw_uid, user.pw_uid)
            os.umask(0o077)
            os.environ.update(env)
            sys.argv = ["sns-desk", *argv[1:]]
            try:
                exec(compile(argv[0], "<member>", "exec"), {"__name__": "__main__"})
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8", errors="replace") as out:
        output = out.read()
    _, status = os.waitpid(pid, 0)
    return Result(os.waitstatus_to_exitcode(status), output)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, text=True)


@pytest.fixture
def section() -> Iterator[Section]:
    if os.name != "posix" or os.geteuid() != 0:
        unavailable("making OS users and a group needs root (CI runs as root)")
    if not all(shutil.which(tool) for tool in ("groupadd", "useradd", "userdel", "groupdel", "setpriv")):
        unavailable("groupadd, useradd, userdel, groupdel and setpriv are needed")
    tag = f"{os.getpid() % 100000:05d}"
    group, members = f"snsk{tag}", (f"snsa{tag}", f"snsb{tag}")
    made_group, made_users = False, []
    base = Path(tempfile.mkdtemp(prefix="sns-desk-shared-"))
    try:
        _run("groupadd", group)
        made_group = True
        for member in members:
            _run("useradd", "--no-create-home", "--shell", "/bin/sh", "--groups", group, member)
            made_users.append(member)
        gid = grp.getgrnam(group).gr_gid
        base.chmod(0o755)
        for member in members:
            home = base / f"home-{member}"
            home.mkdir()
            shutil.chown(home, member, member)
            home.chmod(0o700)
        folder = base / "観光振興課"
        folder.mkdir()
        shutil.chown(folder, "root", group)
        folder.chmod(0o770)  # the 課's shared folder: its group may write, others nothing
        yield Section(group, gid, members, folder, base)
    finally:
        for member in made_users:
            subprocess.run(["userdel", member], check=False, capture_output=True)
        if made_group:
            subprocess.run(["groupdel", group], check=False, capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _shared_properly(path: Path, gid: int) -> None:
    st = path.stat()
    assert st.st_gid == gid, f"{path.name} belongs to the folder's group"
    assert stat.S_IMODE(st.st_mode) & 0o777 == (0o770 if path.is_dir() else 0o660), (
        f"{path.name}: group read/write, nothing for others ({stat.filemode(st.st_mode)})"
    )


def test_a_shared_database_made_by_one_member_is_written_by_another(section: Section) -> None:
    first, second = section.members
    path = section.folder / "sns-desk.sqlite3"
    made = section.run(first, RUN_CLI, "--db", str(path), "init", "--shared", "--name", "鹿児島一郎")
    assert made.returncode == 0, made.output
    _shared_properly(path, section.gid)

    wrote = section.run(second, SECOND_WRITES, str(path))
    assert wrote.returncode == 0, wrote.output
    _shared_properly(section.folder / "backups", section.gid)
    _shared_properly(section.folder / "backups" / "second-member.sqlite3", section.gid)

    checked = section.run(first, RUN_CLI, "--db", str(path), "verify")
    assert checked.returncode == 0, checked.output
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT value FROM app_meta WHERE key = 'written_by_second_member'").fetchone()
    assert row == ("yes",), "the second member's write is in the file the first one made"
    _shared_properly(path, section.gid)
