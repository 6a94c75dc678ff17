"""Bad inputs and faults (docs/reliability.md lists each with what the user sees and what is kept).

Read-only files and folders are tried in a child process without the capabilities that let root ignore file
permissions (``setpriv``), and the full disk on a small tmpfs in a private mount namespace (``unshare``), so both
are real refusals by the operating system, not simulations. Where the machine cannot do either, the test is
skipped locally and fails under ``CI=true``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sns_desk.domain.errors import DatabaseUnavailableError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.services import audit_log as auditlog
from sns_desk.services import post_drafts, post_queries, post_workflow, users
from sns_desk.services.post_drafts import PostInput
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from tests import harness
from tests.world import People, in_state, unavailable

ROOT = Path(__file__).resolve().parent.parent


CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from tests.harness import use_memory_keyring
use_memory_keyring()
from sns_desk.store.database import open_database
from sns_desk.domain.errors import SnsDeskError
from sns_desk.services import users
out = {}
db = open_database(sys.argv[2])
out["warnings"] = db.warnings()
admin = users.resolve_actor(db, "admin")
out["read"] = admin.display_name
try:
    users.create_department(db, admin, "新しい課")
    out["write"] = "saved"
except SnsDeskError as error:
    out["write"] = error.message
db.dispose()
print(json.dumps(out, ensure_ascii=False))
"""


def run_without_permission_override(path: Path) -> dict[str, object]:
    command = [sys.executable, "-c", CHILD, str(ROOT), str(path)]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            unavailable("setpriv is needed to drop root's permission override")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", *command]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env={**os.environ})
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_can_be_read_and_refuses_changes_in_japanese(
    tmp_path: Path, what: str
) -> None:
    path = tmp_path / "share" / "sns-desk.sqlite3"
    harness.prepare(path)
    before = path.read_bytes()
    target = path if what == "file" else path.parent
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        result = run_without_permission_override(path)
    finally:
        target.chmod(0o644 if what == "file" else 0o755)
    assert result["read"] == "管理 太郎", "the data can still be looked at"
    assert "読み取り専用" in str(result["write"]) and "変更は保存されていません" in str(result["write"])
    assert any("読み取り専用" in w for w in result["warnings"])  # type: ignore[attr-defined]
    assert path.read_bytes() == before


FULL_DISK = r"""
import json, os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tests import harness
from tests.harness import use_memory_keyring
use_memory_keyring()
from sns_desk.export import workbooks as reports
from sns_desk.store.database import integrity_check, open_database
from sns_desk.domain.errors import SnsDeskError
from sns_desk.services import post_drafts, post_queries, post_workflow, users
from sns_desk.services.post_queries import PostFilter
from sns_desk.services.post_drafts import PostInput
from datetime import datetime, timedelta, timezone
folder = Path(sys.argv[2])
path = folder / "sns-desk.sqlite3"
account = harness.prepare(path)
db = open_database(path)
tanto = users.resolve_actor(db, "tanto")
koho = users.resolve_actor(db, "koho")
post_drafts.create_draft(db, tanto, PostInput(account, "満杯になる前の下書き"))
filler = folder / "filler"
fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last byte
try:
    while True:
        os.write(fd, b"\0" * 4096)
except OSError:
    pass
try:
    while True:
        os.write(fd, b"\0")
except OSError:
    os.close(fd)
out = {}
body = "長い下書き" * 19_000
try:
    post_drafts.create_draft(db, tanto, PostInput(account, body))
    out["write"] = "saved"
except SnsDeskError as error:
    out["write"] = error.message
now = datetime.now(timezone.utc)
try:
    reports.export_post_record(db, koho, now - timedelta(days=1), now + timedelta(days=60), folder / "out.xlsx")
    out["export"] = "saved"
except SnsDeskError as error:
    out["export"] = error.message
out["leftovers"] = sorted(p.name for p in folder.iterdir() if p.name.startswith(".sns-desk-") or p.name == "out.xlsx")
out["integrity"] = integrity_check(db)
out["posts_while_full"] = len(post_queries.list_posts(db, koho, PostFilter()))
filler.unlink()
post_drafts.create_draft(db, tanto, PostInput(account, body))
out["posts_after_space_freed"] = len(post_queries.list_posts(db, koho, PostFilter()))
db.dispose()
print(json.dumps(out, ensure_ascii=False))
"""


def test_a_full_disk_refuses_the_save_in_japanese_and_keeps_everything_saved_before(tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        unavailable("unshare is needed for a private tmpfs")
    folder = tmp_path / "small-disk"
    folder.mkdir()
    prefix = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
    script = (
        f"mount -t tmpfs -o size=1600k tmpfs '{folder}' && "
        f"exec '{sys.executable}' -c \"$0\" '{ROOT}' '{folder}'"
    )
    done = subprocess.run(
        [*prefix, "sh", "-c", script, FULL_DISK], capture_output=True, text=True, timeout=300
    )
    if "mount" in done.stderr and "permission" in done.stderr.lower():
        unavailable(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "ディスクの空き容量が足りない" in result["write"] and "変更は保存されていません" in result["write"]
    assert "報告書を保存できませんでした" in result["export"]
    assert result["leftovers"] == [], "no half-written workbook or temporary file is left behind"
    assert result["integrity"] == "ok"
    assert result["posts_while_full"] == 1, "the post saved before the disk filled is still there"
    assert result["posts_after_space_freed"] == 2, "with space again, the same save goes through"


def test_the_file_renamed_or_deleted_mid_session_stops_work_with_a_clear_message(
    db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_drafts.create_draft(db, people.tanto, PostInput(account, "名前を変える前の下書き"))
    path = db.location.path
    assert path is not None
    moved = path.with_name("renamed.sqlite3")
    path.rename(moved)
    with pytest.raises(DatabaseUnavailableError, match="データベースファイルが見つかりません"):
        post_drafts.create_draft(db, people.tanto, PostInput(account, "保存されないはずの下書き"))
    with pytest.raises(DatabaseUnavailableError, match="元の場所にあるか確認"):
        post_queries.list_posts(db, people.tanto)
    moved.rename(path)
    assert [r.body for r in post_queries.list_posts(db, people.tanto)] == ["名前を変える前の下書き"]
    copy = path.with_name("copy.sqlite3")
    shutil.copyfile(path, copy)
    path.unlink()
    copy.rename(path)  # a different file now sits at the path (restored from elsewhere by hand)
    with pytest.raises(DatabaseUnavailableError, match="見つかりません"):
        post_queries.list_posts(db, people.tanto)


def test_a_1mb_body_is_refused_before_anything_is_written(db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    with db.read() as session:
        events = len(session.query(AuditEvent).all())
    with pytest.raises(ValidationError, match="本文が長すぎます（1,000,000 文字）"):
        post_drafts.create_draft(db, people.tanto, PostInput(account, "あ" * 1_000_000))
    assert post_queries.list_posts(db, people.tanto) == []
    with db.read() as session:
        assert len(session.query(AuditEvent).all()) == events


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "http://",
        "https://example",
        "https://例 え.jp/x",
        "ftp://city.example.lg.jp/a",
        "",
    ],
)
def test_invalid_publication_urls_are_refused(db: Database, people: People, url: str) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, "URL の確認"))
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    with pytest.raises(ValidationError, match="URL"):
        post_workflow.record_publication(db, people.kacho, post_id, version, url)
    assert post_queries.get_post(db, people.tanto, post_id).row.status is PostStatus.DRAFT


def test_clocks_that_disagree_are_noticed_and_do_not_break_the_chain(
    db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC's clock runs 40 minutes ahead: this PC is told, and the log still verifies in number order."""
    later = datetime.now(UTC) + timedelta(minutes=40)

    class FastClock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> FastClock:  # type: ignore[override]
            return cls.fromtimestamp(later.timestamp(), UTC)

    with monkeypatch.context() as other_pc:
        other_pc.setattr(audit, "datetime", FastClock)
        users.create_department(db, people.admin, "時計が進んだ PC の記録")
    users.create_department(db, people.admin, "この PC の記録")  # stamped earlier, numbered later
    [warning] = auditlog.clock_warnings(db)
    assert "この PC の時計が、ほかの PC より約 39 分遅れています" in warning
    with db.read() as session:
        assert audit.verify_chain(session).ok, "order is the gap-free number, not the time"
        stamps = [e.ts for e in session.query(AuditEvent).order_by(AuditEvent.seq)]
    assert stamps[-2] > stamps[-1], "the fast PC's event carries the later time"
    assert auditlog.clock_warnings(db, now=later) == []
