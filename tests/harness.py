"""Many PCs on one shared-mode file: the concurrency harness and the crash (SIGKILL) harness.

Used by tests/test_reliability.py in a bounded form and by ``python scripts/reliability.py`` in full; both check
the same invariants and return the figures that docs/reliability.md records.

Concurrency: N processes (each a PC, acting for whichever person an operation needs) × M mixed operations —
create, edit, submit, approve, reject, export, verify — against one database file in shared mode. Every outcome
is written to a per-process JSON-lines file. Afterwards: integrity_check is "ok", the audit chain verifies, no
process met an unexpected error or an unhandled lock error, every acknowledged write is in the database and in
the audit log, and no two successful writes to one post started from the same version (no lost update).

Crashes: a child process writes back to back and is killed with SIGKILL at a random moment, again and again.
Before each operation it logs "begin", after each commit "done". After every kill: integrity_check "ok", the
chain verifies, every operation logged "done" is there, and every post's rows agree with its audit events
(a create has its post, its first revision and its event; a save its revision and event; a decision its row and
event) — all or nothing.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring.errors
from keyring.backend import KeyringBackend

from sns_desk.services import seal_check

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parent.parent
AUTHORS = ("tanto", "agency")
APPROVERS = ("kacho", "kyokucho")
MODIFYING = ("edit", "submit", "approve", "reject")


def body_text(tag: str) -> str:
    """A body that passes the checks (X length, no repetition with other posts) and is unique to ``tag``."""
    rng = random.Random(tag)
    return f"お知らせ {tag}: " + "".join(rng.choice("春夏秋冬山川海空花鳥風月雪雨雲星") for _ in range(30))


def keys_file(path: Path | str) -> Path:
    """Where prepare() leaves the 電子印鑑 keys it certified, for the harness's processes to load (beside the
    file, or in the temporary folder for a server URL)."""
    if "://" in str(path):
        import hashlib

        digest = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"sns-desk-harness-keys-{digest}.json"
    return Path(f"{path}.keys.json")


class MemoryKeyring(KeyringBackend):
    """The OS keyring replaced by memory in unit tests (the credential tests also use a real Secret Service) and in
    harness processes.  It lives here, not in conftest, so that a harness process (scripts/benchmark.py measures
    the app's memory in one) does not import pytest."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


def use_memory_keyring(path: Path | str | None = None) -> None:
    """Harness processes never touch the real keyring (each process, like each PC, has its own); with ``path``,
    it starts with the keys prepare() certified (the people's certified 電子印鑑), so signatures verify.  A harness
    process acts for whichever person an operation needs, as if each sat at their own PC."""
    import keyring

    from sns_desk.services import signing

    signing.os_login_is = lambda login: True
    backend = MemoryKeyring()
    if path is not None and keys_file(path).exists():
        stored = json.loads(keys_file(path).read_text(encoding="utf-8"))
        backend.store = {(service, user): secret for service, user, secret in stored}
    keyring.set_keyring(backend)


def prepare(path: Path | str) -> int:
    """A shared-mode database with the usual people and one active account; returns the account id."""
    use_memory_keyring()
    from sns_desk.domain.vocabulary import AccountStatus
    from sns_desk.services import users
    from sns_desk.store.database import open_database
    from tests import world

    db = open_database(path, create=True, shared=True)
    try:
        admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
        people = world.make_people(db, admin)
        account = world.in_state(db, people, AccountStatus.ACTIVE)
        import keyring

        keys = [[service, user, secret] for (service, user), secret in keyring.get_keyring().store.items()]  # type: ignore[attr-defined]
        keys_file(path).write_text(json.dumps(keys), encoding="utf-8")
        return account
    finally:
        db.dispose()


# --- concurrency ---------------------------------------------------------------------------------------------


def worker(path: str, index: int, operations: int, seed: int, account_id: int, out: str) -> None:
    """One PC: ``operations`` random operations, each outcome one JSON line in ``out``."""
    from sns_desk.domain import policy as pol
    from sns_desk.domain.errors import ConflictError, DatabaseBusyError, SnsDeskError
    from sns_desk.domain.vocabulary import PostStatus
    from sns_desk.export import workbooks as reports
    from sns_desk.services import post_drafts, post_queries, post_workflow, users
    from sns_desk.services.post_drafts import PostInput
    from sns_desk.services.post_queries import PostFilter
    from sns_desk.store import audit_chain as audit
    from sns_desk.store.database import open_database
    from tests.test_posts import ALL_CHECKED, in_hours

    use_memory_keyring(path)
    rng = random.Random(seed * 1000 + index)
    db = open_database(path)
    actors = {login: users.resolve_actor(db, login) for login in (*AUTHORS, *APPROVERS, "koho")}
    planned = in_hours()
    export_dir = Path(tempfile.mkdtemp(prefix=f"sns-desk-harness-{index}-"))

    def pick(statuses: list[PostStatus]) -> tuple[int, int] | None:
        rows = post_queries.list_posts(db, actors["koho"], PostFilter(statuses=statuses), limit=50)
        if not rows:
            return None
        row = rng.choice(rows)
        return row.id, row.version

    with open(out, "w", encoding="utf-8") as log:
        for n in range(operations):
            kind = rng.choices(
                ["create", "edit", "submit", "approve", "reject", "export", "verify"], [3, 4, 3, 2, 1, 1, 1]
            )[0]
            record: dict[str, Any] = {"worker": index, "n": n, "op": kind}
            started = time.perf_counter()
            try:
                if kind == "create":
                    tag = f"w{index}-{n}"
                    body = body_text(tag)
                    record["post"] = post_drafts.create_draft(
                        db, actors[rng.choice(AUTHORS)], PostInput(account_id, body, planned_at=planned)
                    )
                    record["body"] = body
                elif kind == "edit":
                    target = pick([PostStatus.DRAFT, PostStatus.REJECTED])
                    if target is None:
                        record["outcome"] = "nothing to do"
                    else:
                        record["post"], record["version"] = target
                        body = body_text(f"w{index}-{n}-edit")
                        record["body"] = body
                        post_drafts.save_draft(
                            db, actors[rng.choice(AUTHORS)], target[0], target[1],
                            PostInput(account_id, body, planned_at=planned),
                        )  # fmt: skip
                elif kind == "submit":
                    target = pick([PostStatus.DRAFT])
                    if target is None:
                        record["outcome"] = "nothing to do"
                    else:
                        record["post"], record["version"] = target
                        post_workflow.submit(
                            db, actors[rng.choice(AUTHORS)], target[0], target[1], ALL_CHECKED
                        )
                elif kind in ("approve", "reject"):
                    target = pick([PostStatus.PENDING])
                    if target is None:
                        record["outcome"] = "nothing to do"
                    else:
                        record["post"], record["version"] = target
                        approver = actors[rng.choice(APPROVERS)]
                        if kind == "approve":
                            post_workflow.approve(db, approver, target[0], target[1])
                        else:
                            post_workflow.reject(db, approver, target[0], target[1], f"差戻し {index}-{n}")
                elif kind == "export":
                    now = datetime.now(pol.JST)
                    result = reports.export_post_record(
                        db, actors["koho"], now - timedelta(days=30), now + timedelta(days=400),
                        export_dir / f"export-{n}.xlsx",
                    )  # fmt: skip
                    record["rows"] = result.rows
                else:
                    with db.read() as session:
                        checked = audit.verify_chain(session)
                    if not checked.ok:
                        raise AssertionError(f"audit chain broken while running: {checked.summary()}")
                    record["events"] = checked.count
                record.setdefault("outcome", "ok")
            except ConflictError:
                record["outcome"] = "conflict"
            except DatabaseBusyError as error:
                record["outcome"] = f"busy: {error.log_message}"
            except SnsDeskError as error:  # e.g. the post moved on (submitted, decided) since it was picked
                record["outcome"] = "refused"
                record["message"] = error.message
            except Exception as error:
                record["outcome"] = f"error: {type(error).__name__}: {error}"
            record["ms"] = round((time.perf_counter() - started) * 1000, 1)
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
            log.flush()
    db.dispose()


@dataclass
class ConcurrencyReport:
    processes: int
    operations: int
    seconds: float
    outcomes: Counter[str] = field(default_factory=Counter)
    by_op: dict[str, Counter[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    slowest_ms: float = 0.0

    @property
    def conflicts(self) -> int:
        return self.outcomes["conflict"]


def run_concurrency(
    folder: Path, processes: int = 6, operations: int = 100, seed: int = 1, location: str | None = None
) -> ConcurrencyReport:
    """``location``: a PostgreSQL URL to run against instead of a shared-mode file in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path: Path | str = location or folder / "shared" / "sns-desk.sqlite3"
    account_id = prepare(path)
    ctx = multiprocessing.get_context("spawn")
    outs = [folder / f"worker-{i}.jsonl" for i in range(processes)]
    started = time.perf_counter()
    procs = [
        ctx.Process(target=worker, args=(str(path), i, operations, seed, account_id, str(outs[i])))
        for i in range(processes)
    ]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=1800)
    report = ConcurrencyReport(processes, processes * operations, time.perf_counter() - started)
    for i, proc in enumerate(procs):
        if proc.exitcode != 0:
            report.problems.append(f"process {i} ended with exit code {proc.exitcode}")
    records = [
        json.loads(line) for out in outs if out.exists() for line in out.read_text("utf-8").splitlines()
    ]
    if len(records) != report.operations:
        report.problems.append(f"{len(records)} outcomes recorded for {report.operations} operations")
    for r in records:
        outcome = r["outcome"].split(":")[0]
        report.outcomes[outcome] += 1
        report.by_op.setdefault(r["op"], Counter())[outcome] += 1
        report.slowest_ms = max(report.slowest_ms, r["ms"])
        if outcome in ("error", "busy"):
            report.problems.append(f"worker {r['worker']} op {r['n']} ({r['op']}): {r['outcome']}")
    report.problems += check_database(path, records)
    return report


@contextmanager
def intact(path: Path | str, problems: list[str]) -> Iterator[Session]:
    """Open the database and check what every run must leave intact: the file, the audit chain, the 電子印鑑."""
    from sns_desk.store import audit_chain as audit
    from sns_desk.store.database import integrity_check, open_database

    db = open_database(path)
    try:
        if (result := integrity_check(db)) != "ok":
            problems.append(f"integrity_check: {result}")
        with db.read() as session:
            chain = audit.verify_chain(session)
            if not chain.ok:
                problems.append(f"audit chain: {chain.summary()}")
            signatures = seal_check.verify(session)
            if not signatures.ok:
                problems.append(f"電子印鑑: {signatures.problems[:3]}")
            yield session
    finally:
        db.dispose()


def check_database(path: Path | str, records: list[dict[str, Any]]) -> list[str]:
    """The invariants after the run: intact file and chain, acknowledged writes present, no lost update."""
    from sqlalchemy import func, select

    from sns_desk.store.orm import AuditEvent, Post, PostDecision, PostRevision

    problems: list[str] = []
    with intact(path, problems) as session:
        events = Counter(
            dict(session.execute(select(AuditEvent.action, func.count()).group_by(AuditEvent.action)).all())
        )
        revisions = {(p, b) for p, b in session.execute(select(PostRevision.post_id, PostRevision.body))}
        decisions = Counter(
            dict(session.execute(select(PostDecision.kind, func.count()).group_by(PostDecision.kind)).all())
        )
        post_ids = set(session.scalars(select(Post.id)))
    ok = [r for r in records if r["outcome"] == "ok"]
    done = Counter(r["op"] for r in ok)
    for op, action in [("create", "post.create"), ("edit", "post.save"), ("submit", "post.submit"),
                       ("approve", "post.approve"), ("reject", "post.reject")]:  # fmt: skip
        if events[action] != done[op]:
            problems.append(f"{action}: {events[action]} audit events for {done[op]} acknowledged operations")
    decided = sum(decisions.values())
    if decided != done["approve"] + done["reject"]:
        problems.append(f"{decided} decisions stored for {done['approve'] + done['reject']} acknowledged")
    for r in ok:
        if r["op"] == "create" and r["post"] not in post_ids:
            problems.append(f"acknowledged post {r['post']} is missing")
        if r["op"] in ("create", "edit") and (r["post"], r["body"]) not in revisions:
            problems.append(
                f"acknowledged text of post {r['post']} ({r['op']} by worker {r['worker']}) is lost"
            )
    starts = Counter((r["post"], r["version"]) for r in ok if r["op"] in MODIFYING)
    for (post, version), count in starts.items():
        if count > 1:
            problems.append(
                f"lost update: {count} writes to post {post} all succeeded from version {version}"
            )
    return problems


# --- crashes -------------------------------------------------------------------------------------------------

CRASH_CHILD = r"""
import os, sys
sys.path.insert(0, sys.argv[4])
from tests.harness import crash_child
crash_child(sys.argv[1], int(sys.argv[2]), sys.argv[3])
"""


def crash_child(path: str, account_id: int, log_path: str) -> None:
    """Write back to back until killed: create, edit, submit, approve, reject in turn, logging each step."""
    from sns_desk.domain.errors import ConflictError
    from sns_desk.services import post_drafts, post_queries, post_workflow, users
    from sns_desk.services.post_drafts import PostInput
    from sns_desk.store.database import open_database
    from tests.test_posts import ALL_CHECKED, in_hours

    use_memory_keyring(path)
    db = open_database(path)
    actors = {login: users.resolve_actor(db, login) for login in (*AUTHORS, *APPROVERS)}
    planned = in_hours()
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def note(line: str) -> None:
        os.write(log, (line + "\n").encode("utf-8"))

    n = 0
    while True:
        n += 1
        tag = f"{os.getpid()}-{n}"
        note(f"begin create {tag}")
        post = post_drafts.create_draft(
            db, actors["tanto"], PostInput(account_id, body_text(tag), planned_at=planned)
        )
        note(f"done create {post} {tag}")
        version = post_queries.get_post(db, actors["tanto"], post).row.version
        edit_tag = f"{tag}-edit"
        note(f"begin edit {post} {edit_tag}")
        try:
            post_drafts.save_draft(
                db,
                actors["agency"],
                post,
                version,
                PostInput(account_id, body_text(edit_tag), planned_at=planned),
            )
        except ConflictError:
            continue
        note(f"done edit {post} {edit_tag}")
        version = post_queries.get_post(db, actors["tanto"], post).row.version
        note(f"begin submit {post}")
        post_workflow.submit(db, actors["tanto"], post, version, ALL_CHECKED)
        note(f"done submit {post}")
        version = post_queries.get_post(db, actors["tanto"], post).row.version
        decision = "approve" if n % 2 else "reject"
        note(f"begin {decision} {post}")
        if decision == "approve":
            post_workflow.approve(db, actors["kacho"], post, version)
        else:
            post_workflow.reject(db, actors["kyokucho"], post, version, "差戻し")
        note(f"done {decision} {post}")


@dataclass
class CrashReport:
    kills: int = 0
    survived: int = 0  # kills after which every check passed
    inside_a_write: int = 0
    operations_done: int = 0
    problems: list[str] = field(default_factory=list)


def run_crashes(folder: Path, kills: int = 50, seed: int = 7) -> CrashReport:
    rng = random.Random(seed)
    path = folder / "shared" / "sns-desk.sqlite3"
    account_id = prepare(path)
    report = CrashReport()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for k in range(kills):
        log_path = folder / f"crash-{k}.log"
        child = subprocess.Popen(
            [sys.executable, "-c", CRASH_CHILD, str(path), str(account_id), str(log_path), str(ROOT)],
            env=env,
            stderr=subprocess.PIPE,
        )
        # wait until it writes, then kill it at a random moment of its work
        deadline = time.monotonic() + 60
        while not (log_path.exists() and log_path.stat().st_size) and time.monotonic() < deadline:
            if child.poll() is not None:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        if child.poll() is not None:
            err = child.stderr.read().decode() if child.stderr else ""
            report.problems.append(
                f"kill {k}: the child stopped by itself ({child.returncode}): {err[-500:]}"
            )
            continue
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        if child.stderr:
            child.stderr.close()
        report.kills += 1
        lines = log_path.read_text("utf-8").splitlines() if log_path.exists() else []
        report.operations_done += sum(1 for line in lines if line.startswith("done"))
        if lines and lines[-1].startswith("begin"):
            report.inside_a_write += 1
        found = check_after_crash(path, lines)
        report.survived += not found
        report.problems += [f"after kill {k}: {p}" for p in found]
    return report


def check_after_crash(path: Path, lines: list[str]) -> list[str]:
    from sqlalchemy import select

    from sns_desk.store.orm import AuditEvent, Post, PostDecision, PostRevision

    problems: list[str] = []
    with intact(path, problems) as session:
        events = Counter(
            (action, entity_id)
            for action, entity_id in session.execute(
                select(AuditEvent.action, AuditEvent.entity_id).where(AuditEvent.entity == "post")
            )
        )
        revisions = Counter(session.scalars(select(PostRevision.post_id)))
        bodies = {(p, b) for p, b in session.execute(select(PostRevision.post_id, PostRevision.body))}
        decisions = Counter(session.scalars(select(PostDecision.post_id)))
        post_ids = set(session.scalars(select(Post.id)))
    for post in post_ids:  # every post's rows agree with its events: nothing half-done
        key = str(post)
        if events[("post.create", key)] != 1:
            problems.append(f"post {post} has {events[('post.create', key)]} create events")
        if revisions[post] != 1 + events[("post.save", key)]:
            problems.append(
                f"post {post}: {revisions[post]} revisions for {events[('post.save', key)]} saves"
            )
        if decisions[post] != events[("post.approve", key)] + events[("post.reject", key)]:
            problems.append(f"post {post}: {decisions[post]} decisions that the audit log does not match")
    for line in lines:  # every operation the child saw committed is there
        parts = line.split()
        if parts[0] != "done":
            continue
        if parts[1] == "create" and (int(parts[2]), body_text(parts[3])) not in bodies:
            problems.append(f"committed create of post {parts[2]} is missing")
        if parts[1] == "edit" and (int(parts[2]), body_text(parts[3])) not in bodies:
            problems.append(f"committed edit of post {parts[2]} is missing")
        if parts[1] in ("approve", "reject") and not decisions[int(parts[2])]:
            problems.append(f"committed {parts[1]} of post {parts[2]} is missing")
    return problems
