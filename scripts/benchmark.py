"""Measure SNS Desk at city scale and write docs/benchmarks.md (a script, not a timed test).

    xvfb-run -a python scripts/benchmark.py            # 1,000 / 10,000 / 100,000 posts
    xvfb-run -a python scripts/benchmark.py --sizes 1000 --runs 3   # a quick look
    python scripts/benchmark.py --quick --out /tmp/benchmarks.md    # what CI runs: 500 posts, one run

For each size it builds a shared-mode database with 50 accounts and 30 users, then measures (median of several runs
in one process): cold start to the shown main window next to a bare PySide6 window; search-as-you-type in 下書き
(p50/p95 per keystroke); opening a post in the editor with its live checks; approving a post; exporting 投稿実績
next to raw openpyxl write-only writing the same cells (alternating pairs, the median ratio); and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from convention import ROOT, load_average, parser

sys.path.insert(0, str(ROOT))
# Issue 17's targets for SQLite, judged at 100,000 posts (at the largest size measured when that is smaller)
TARGET_SIZE = 100_000
TARGETS = {
    "start": 1.5,
    "ready": 2.0,  # the first list filled and the window taking input, against the bare window in the same run
    "filter_p95_ms": 30.0,  # including one- and two-character terms that match nothing
    "open_ms": 60.0,
    "approve_ms": 20.0,
    "export_ratio": 1.25,
    "peak_mb": 250.0,
}
BEGIN, END = "<!-- sqlite:begin -->", "<!-- sqlite:end -->"  # this backend's section of docs/benchmarks.md
DATA = "<!-- sqlite:data "  # the figures of every size measured so far, so a run of one size keeps the others
WORDS = [
    "降灰予報",
    "花火大会",
    "桜まつり",
    "交通規制",
    "防災情報",
    "観光キャンペーン",
    "図書館",
    "子育て支援",
    "ごみ収集",
    "選挙",
]


def build(path: Path, posts_count: int) -> dict[str, int]:
    """50 accounts, 30 users, ``posts_count`` posts (published, pending, drafts), through fast bulk inserts."""
    from sqlalchemy import insert

    from sns_desk.domain import policy as pol
    from sns_desk.domain.vocabulary import AccountStatus, Platform, PolicyStatus, PostStatus, Role
    from sns_desk.host import identity
    from sns_desk.services import users
    from sns_desk.store.database import open_database
    from sns_desk.store.orm import (
        Account,
        AccountMember,
        AccountPolicy,
        Department,
        Post,
        PostRevision,
        User,
        utcnow,
    )

    db = open_database(path, create=True, shared=True)
    # the person running the benchmark is the システム管理者 (and sees every page), so the app starts as them
    admin = users.bootstrap_first_admin(db, identity.current_login(), "管理 太郎", "総務局", "情報政策課")
    policy = pol.PolicyData.office_hours(
        purpose="市政情報の発信",
        content="お知らせ",
        contact_phone="099-224-1111",
        follow=pol.Handling.DONT,
        repost=pol.Handling.DONT,
        like=pol.Handling.DONT,
        share=pol.Handling.DONT,
        hours={d: [("00:00", "24:00")] for d in range(7)},
        holidays_closed=False,
        year_end_closed=False,
    ).to_json()
    now = utcnow()
    with db.write_session() as session:
        dept = Department(name="観光交流局")
        session.add(dept)
        session.flush()
        people = [
            User(login=f"user{i:02d}", display_name=f"職員 {i:02d}", department_id=dept.id) for i in range(30)
        ]
        session.add_all(people)
        session.flush()
        accounts = [
            Account(
                platform=list(Platform)[i % 7],
                name=f"鹿児島市アカウント{i:02d}",
                department_id=dept.id,
                status=AccountStatus.ACTIVE,
                activated_at=now,
            )
            for i in range(50)
        ]
        session.add_all(accounts)
        session.flush()
        for i, account in enumerate(accounts):
            session.add(AccountMember(account_id=account.id, user_id=people[i % 10].id, role=Role.MANAGER))
            session.add(AccountMember(account_id=account.id, user_id=people[10 + i % 20].id, role=Role.STAFF))
            session.add(
                AccountPolicy(
                    account_id=account.id,
                    number=1,
                    status=PolicyStatus.APPROVED,
                    data=policy,
                    created_by_id=admin.user_id,
                    approved_by_id=admin.user_id,
                    approved_at=now,
                )
            )
        account_ids = [a.id for a in accounts]
        staff_for = {a.id: people[10 + i % 20].id for i, a in enumerate(accounts)}
    batch = 20_000
    for start in range(0, posts_count, batch):
        rows = []
        for i in range(start, min(start + batch, posts_count)):
            account_id = account_ids[i % 50]
            turn = (i // 50) % 10  # every account gets every status
            status = (
                PostStatus.PUBLISHED if turn < 8 else (PostStatus.PENDING if turn == 8 else PostStatus.DRAFT)
            )
            when = now - timedelta(minutes=i)
            body = f"【{WORDS[i % 10]}】お知らせ第{i}号。詳しくは https://www.city.kagoshima.lg.jp/p/{i} をご覧ください。"
            rows.append(
                dict(
                    account_id=account_id,
                    author_id=staff_for[account_id],
                    status=status,
                    body=body,
                    title=f"{WORDS[i % 10]} {i}",
                    planned_at=when + timedelta(days=30),
                    created_at=when,
                    updated_at=when,
                    published_at=when if status is PostStatus.PUBLISHED else None,
                    published_url=f"https://x.com/k/status/{i}" if status is PostStatus.PUBLISHED else "",
                    version=1,
                )
            )
        with db.write_session() as session:  # Core executemany: no ORM objects for 20,000 rows at a time
            session.connection().execute(insert(Post.__table__), rows)  # type: ignore[arg-type]
    with db.write_session() as session:
        session.execute(
            insert(PostRevision).from_select(
                ["post_id", "number", "title", "body", "planned_at", "saved_by_id", "saved_at"],
                __import__("sqlalchemy").select(
                    Post.id, 1, Post.title, Post.body, Post.planned_at, Post.author_id, Post.created_at
                ),
            )
        )
    db.dispose()
    return {"accounts": len(account_ids)}


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


BARE = r"""
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1180, 720); w.show()
app.processEvents()
print(f"startup: shown_at={time.time():.4f} ready_at={time.time():.4f}")
"""


def compile_sources() -> None:
    """Byte-compile the source tree the app is started from, as installing it does (pip writes each module's .pyc,
    the PyInstaller bundle holds them), like the bare window's PySide6, which is installed.  Without it, in a fresh
    checkout or with PYTHONDONTWRITEBYTECODE set, every cold start compiled each of the app's modules again
    (measured: 35 modules before ready, 0.04-0.1 s), which no installed app does."""
    import compileall

    compileall.compile_dir(ROOT / "sns_desk", quiet=1)


def cold_start(mode: str, db_path: Path, runs: int) -> tuple[float, float, float]:
    """Median seconds from starting the process to (the window shown, the window ready to use, every control of
    the window working).

    The app runs as the user starts it (``python -m sns_desk --db FILE --exit-after-start``), from its compiled
    sources (:func:`compile_sources`): it prints when its first window was shown, when the first list was on the
    screen with the window taking input, and when start-up settled (the services' page attached: searching,
    opening and every page), as absolute times.
    """
    if mode == "app":
        compile_sources()
    shown, ready, settled = [], [], []
    for _ in range(runs):
        command = (
            [sys.executable, "-c", BARE]
            if mode == "bare"
            else [sys.executable, "-m", "sns_desk", "--db", str(db_path), "--exit-after-start"]
        )
        begun = time.time()
        out = subprocess.run(
            command,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=300,
        )
        line = next(x for x in out.stdout.splitlines() if x.startswith("startup:"))
        stamps = dict(part.split("=") for part in line.split()[1:])
        shown.append(float(stamps["shown_at"]) - begun)
        ready.append(float(stamps["ready_at"]) - begun)
        settled.append(float(stamps.get("settled_at", stamps["ready_at"])) - begun)
    return statistics.median(shown), statistics.median(ready), statistics.median(settled)


def measure_in_process(path: Path, size: int, runs: int, home: Path) -> dict[str, float]:
    """Search, open, approve and export in this process (a child of the benchmark, so that its peak memory is
    the app's at this size and not the database builder's)."""
    from PySide6.QtWidgets import QApplication

    from sns_desk.domain import policy as pol
    from sns_desk.domain.vocabulary import PostStatus
    from sns_desk.export import workbooks as reports
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.posts.post_editor import PostEditor
    from sns_desk.host import identity
    from sns_desk.services import post_queries, post_workflow, users
    from sns_desk.services.post_queries import PostFilter
    from sns_desk.store.database import open_database
    from tests.harness import use_memory_keyring

    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_memory_keyring()  # the 電子印鑑 keys of the benchmark's people stay out of the developer's keyring
    result: dict[str, float] = {}
    db = open_database(path)
    manager = users.resolve_actor(db, "user00")  # 管理者 of accounts 0, 10, 20, 30, 40
    admin = users.resolve_actor(db, identity.current_login())

    window = MainWindow(
        db, admin
    )  # as the app starts: the city-wide 下書き list (広報課/admin sees every post)
    page = window.posts_page
    keystrokes: list[float] = []
    for word in [*WORDS[:5], "お知らせ第1", "存在しない語"]:
        for n in range(1, len(word) + 1):
            page.ui.searchEdit.blockSignals(True)
            page.ui.searchEdit.setText(word[:n])
            page.ui.searchEdit.blockSignals(False)
            t = time.perf_counter()
            page.refresh()
            app.processEvents()
            keystrokes.append(time.perf_counter() - t)
    result["filter_p50_ms"] = percentile(keystrokes, 0.5)
    result["filter_p95_ms"] = percentile(keystrokes, 0.95)

    sample = post_queries.list_posts(db, manager, PostFilter(statuses=[PostStatus.DRAFT]), limit=runs * 3)
    opens = []
    for row in sample[: max(3, runs * 2)]:
        t = time.perf_counter()
        editor = PostEditor(db, manager, row.id)
        app.processEvents()
        opens.append(time.perf_counter() - t)
        editor.dispose()  # deleteLater() waited for an event loop this harness never runs
    result["open_ms"] = median_ms(opens)

    pending = post_queries.list_posts(db, admin, PostFilter(statuses=[PostStatus.PENDING]), limit=500)
    approvals = []
    mine = [row for row in pending if row.account_id in (1, 11, 21, 31, 41)]  # user00 manages these
    for row in mine[: max(5, runs * 4)]:
        version = post_queries.get_post(db, manager, row.id).row.version
        t = time.perf_counter()
        post_workflow.approve(db, manager, row.id, version)
        approvals.append(time.perf_counter() - t)
    result["approve_ms"] = median_ms(approvals) if approvals else float("nan")

    if size >= 100_000 or size == max(SIZES):
        start, end = datetime.now(pol.JST) - timedelta(days=400), datetime.now(pol.JST) + timedelta(days=60)
        # Export and raw openpyxl in turns (A, B, A, B, …), each pair in the same minute, so the shared machine's
        # drift falls on both sides alike; the ratio is the median of the pairs' ratios, wall time and CPU time.
        exports, raws, export_cpu, raw_cpu, ratios = [], [], [], [], []
        for pair in range(max(3, min(5, runs))):
            t, cpu = time.perf_counter(), time.process_time()
            # each run replaces the previous run's file, as a person confirming 「置き換えますか？」 would
            exported = reports.export_post_record(db, admin, start, end, home / "posts.xlsx", overwrite=True)
            exports.append(time.perf_counter() - t)
            export_cpu.append(time.process_time() - cpu)
            if pair == 0:
                # the app's high-water mark, before the baseline below reads 100,000 rows back into memory
                result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            wall, cpu = raw_openpyxl(home / "posts.xlsx", home / "raw.xlsx")
            raws.append(wall)
            raw_cpu.append(cpu)
            ratios.append(exports[-1] / wall)
        result["export_s"] = statistics.median(exports)
        result["export_rows"] = exported.rows
        result["raw_openpyxl_s"] = statistics.median(raws)
        result["export_cpu_s"] = statistics.median(export_cpu)
        result["raw_openpyxl_cpu_s"] = statistics.median(raw_cpu)
        result["export_ratio"] = statistics.median(ratios)
        result["export_cpu_ratio"] = statistics.median(
            e / r for e, r in zip(export_cpu, raw_cpu, strict=True)
        )
        result["export_pairs"] = len(ratios)
    db.dispose()
    result.setdefault("peak_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return result


def measure(size: int, runs: int, home: Path) -> dict[str, float]:
    path = home / f"bench-{size}.sqlite3"
    started = time.perf_counter()
    build(path, size)
    result: dict[str, float] = {"build_s": time.perf_counter() - started}
    result["start_bare_s"], _ready, _settled = cold_start("bare", path, runs)
    result["start_app_s"], result["ready_app_s"], result["settled_app_s"] = cold_start("app", path, runs)
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            str(size),
            "--db",
            str(path),
            "--runs",
            str(runs),
            "--sizes",
            *map(str, SIZES),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=3600,
    )
    if child.returncode != 0:
        raise RuntimeError(f"measuring {size} failed:\n{child.stderr}")
    result.update(json.loads(child.stdout.strip().splitlines()[-1]))
    return result


def raw_openpyxl(exported: Path, target: Path) -> tuple[float, float]:
    """Raw openpyxl write-only writing the same cells (read back first, outside the timing): wall and CPU time."""
    from openpyxl import Workbook, load_workbook

    rows = [
        list(r) for r in load_workbook(exported, read_only=True).worksheets[0].iter_rows(values_only=True)
    ]
    t, cpu = time.perf_counter(), time.process_time()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("投稿実績")
    for row in rows:
        ws.append(row)
    wb.save(target)
    return time.perf_counter() - t, time.process_time() - cpu


def export_ratio_of(r: dict[str, Any]) -> float:
    """The median of the alternating pairs' ratios (runs before 2026-12-01: the ratio of the two medians)."""
    return float(r.get("export_ratio", r["export_s"] / r["raw_openpyxl_s"]))


def export_text(r: dict[str, Any]) -> str:
    text = f"{r['export_s']:.1f} s vs raw openpyxl {r['raw_openpyxl_s']:.1f} s = {export_ratio_of(r):.2f}×"
    if "export_pairs" in r:
        text += (
            f" (median of {int(r['export_pairs'])} alternating pairs; CPU {r['export_cpu_s']:.1f} s vs "
            f"{r['raw_openpyxl_cpu_s']:.1f} s = {r['export_cpu_ratio']:.2f}×)"
        )
    return text


def machine() -> str:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    import PySide6
    import sqlalchemy

    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {mem:.0f} GiB; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, SQLAlchemy {sqlalchemy.__version__}"
    )


SIZES = [1000, 10_000, 100_000]
SMALLEST = 500  # posts run through the statuses in blocks of 50, so every status appears from 500 on
QUICK = {"sizes": [SMALLEST], "runs": 1}


def posts_count(text: str) -> int:
    value = int(text)
    if value < SMALLEST:
        raise argparse.ArgumentTypeError(f"at least {SMALLEST} posts (fewer have no drafts or pending posts)")
    return value


def main(argv: list[str]) -> int:
    global SIZES
    cli = parser(
        __doc__,
        ROOT / "docs" / "benchmarks.md",
        "the report to write",
        quick=f"{SMALLEST:,} posts, one run of each measure; --sizes and --runs still apply",
    )
    cli.add_argument(
        "--sizes", type=posts_count, nargs="+", help="numbers of posts (default: 1000 10000 100000)"
    )
    cli.add_argument("--runs", type=int, help="runs of each measure, of which the median counts (default: 5)")
    cli.add_argument(
        "--backend",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="sqlite (default): shared-mode files; postgresql: the server of --pg-url (scripts/bench_pg.py)",
    )
    cli.add_argument(
        "--pg-url", help="PostgreSQL server (default: SNS_DESK_TEST_PG_URL); a database per size is made"
    )
    cli.add_argument("--child", type=int, help=argparse.SUPPRESS)  # internal: measure one built database
    cli.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = cli.parse_args(argv)
    if args.backend == "postgresql":
        return run_postgresql(args)
    for key, value in (QUICK if args.quick else {"sizes": SIZES, "runs": 5}).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    SIZES = args.sizes
    if args.child:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        home = Path(tempfile.mkdtemp(prefix="sns-desk-bench-child-"))
        os.environ["SNS_DESK_HOME"] = str(home)
        print(json.dumps(measure_in_process(args.db, args.child, args.runs, home)))
        return 0
    args.load = load_average()
    home = Path(tempfile.mkdtemp(prefix="sns-desk-bench-"))
    os.environ["SNS_DESK_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: dict[int, dict[str, Any]] = {}
    for size in SIZES:
        print(f"measuring {size:,} posts …", flush=True)
        load = load_average()
        results[size] = dict(measure(size, args.runs, home))
        results[size].update(
            run_on=datetime.now().strftime("%Y-%m-%d %H:%M"),
            load=load if load is not None else -1.0,
            runs=args.runs,
        )
        print(results[size], flush=True)
    write_report(args, results)
    print("wrote", args.out)
    return 0


def run_postgresql(args: argparse.Namespace) -> int:
    """``--backend postgresql``: 10,000 / 100,000 / 1,000,000 posts (``--quick``: 3,000, one run, no cold starts)."""
    import bench_pg

    defaults = (
        {"sizes": [bench_pg.SMALLEST], "runs": 1}
        if args.quick
        else {"sizes": [10_000, 100_000, 1_000_000], "runs": 3}
    )
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["SNS_DESK_HOME"] = tempfile.mkdtemp(prefix="sns-desk-bench-")
    keystrokes = [
        word[:n] for word in [*WORDS[:5], "お知らせ第1", "存在しない語"] for n in range(1, len(word) + 1)
    ]
    return int(bench_pg.run(args, WORDS, keystrokes, None if args.quick else cold_start, machine))


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


SQLITE_NOTES = """What was changed for these figures (issue 17, SQLite):

- **Ready.** The 下書き page imported the post editor, which imported publishing, the LINE client and with it
  line-bot-sdk: some 800 pydantic models, about 2 s of every start. The editor, the §8 dialogs and the published
  status dialog are now imported when first opened, line-bot-sdk when LINE is first called, cryptography when a
  電子印鑑 is made or checked. The app is ready when the first list is filled: the bell, the tray, the e-mail outbox
  and the scheduled publisher follow, their modules imported and the bell read on a worker thread
  (`interaction.run_in_background`, a session of its own), so the window takes input meanwhile; the first page's
  modules are imported while a worker opens the database, and SQLite's `quick_check` of the whole file runs on
  a thread from the moment the first list is shown, while SQLAlchemy is imported (SQLite works without Python's
  lock; opening reuses its "ok" only for the file exactly as checked). What was left before ready was importing
  SQLAlchemy and the ORM and configuring its mappers (about 0.7 s on this machine), the check where it took
  longer than those imports (at 1,000,000 posts), and building the first page. Now "ready" is the first
  list from a quick read: `store/first_page.py` reads the person and the first 200 rows of their 下書き list with
  Python's `sqlite3` (read-only, one read transaction, no SQLAlchemy), deciding who sees what with the rule the
  services use (`domain/visibility.py`; a test compares it row for row with the services' list for every role),
  only for a SQLite file at the expected schema head, a registered person and no journal to recover. SQLAlchemy,
  the services and the database's opening and check follow on a worker thread; the window then switches to the
  services' page (a few tenths of a second in the GUI thread; until then filters, buttons and other pages say
  「準備中」, a double-clicked post opens once ready). Also cut before ready: SQLAlchemy imported by the check
  ahead (through `store/locations.py`), jpholiday's tables (through `domain/policy.py`), the keyring library.
  Ready went from 9.6× to 3.1× the bare window in an earlier run. Then: the cold starts compiled every module
  of the app at each start (no `.pyc` in a fresh checkout with PYTHONDONTWRITEBYTECODE set, 35 modules before
  ready, 0.04–0.1 s), which no installed app does, while the bare window's PySide6 is compiled: the app now
  starts from byte-compiled sources, as installed (`compile_sources`), which may also explain the unexplained
  slower "shown" of that run. SQLite's check ahead starts once the first list is shown (it competed for the
  2 cores with the window being made and painted), and start-up's modules without Qt are imported before
  PySide6, whose `__feature__` hook reads the source of every module imported after it. By hand, 9
  interleaved cold starts each on a heavily loaded machine (load 12–30): ready 2.5× → 1.74× under xvfb,
  2.6× → 1.76× offscreen. The official runs of the previous round, on another machine
  (AMD EPYC, a bare window of 0.14 s), gave 2.11× and 2.05×. Since then (these runs are on an Intel Xeon machine
  whose bare window takes 0.08 s: compare the ratios, not the seconds): the log file is set up once the first
  list is on the screen (importing `logging.handlers`, opening the file and deleting old logs took about 8 ms
  before ready; what is logged meanwhile is kept and written to the file first,
  `logging_setup.hold_early_records`), and ヘルプ → ガイドライン's F1 is set in code as the platform's help key
  (`QKeySequence.StandardKey.HelpContents`) instead of `setShortcut("F1")` in the form, which made PySide6 create
  all ~100 Python enums of the Qt namespace (about 12 ms) before the window could be shown; the first list's table
  creates them now, after the window is shown. PySide6 6.12.0 is left out (it loses a reference to `None` or
  `True` at every `processEvents()`, `QTimer.start()` and signal `emit`, which aborts a long session:
  `tests/test_qt_runtime.py`); 6.11.3 costs a few ms more before ready than 6.12.0 did. Traced at 100,000 posts
  (the GUI thread, from the process's start, by hand): Python and the imports 100 ms (PySide6's own about 60 of
  them, as for the bare window), the main window's form 8 ms, shown at 113 ms, the quick read 4 ms, the first page
  with the Qt enums 23 ms, ready at 141 ms.
- **Search.** One or two characters go through an index of every character and pair of characters (migration
  0023: a contentless FTS5 table, `detail=none`, one hexadecimal token per gram, kept by triggers; the same posts
  as LIKE, checked with hypothesis), so a short term that matches nothing no longer reads every post.
- **Open a post** read every post twice at 100,000 (its corrections, and the account's latest posts for the
  §5(5) repetition check): both are indexed now (0023); the editor loads the account's scopes once and runs its
  checks once when it opens.
- **Export** cleans each value with one scan, each repeated value (account, status, people, route) once, and its
  own time texts not at all. Changed in this round: the rows stream from an index in
  their order (migration 0029: `coalesce(published_at, planned_at, created_at), id`, no sort of every post
  first; SQLite's query 0.9–1.1 s → 0.5–0.7 s), the times and statuses come as stored (no per-value conversion
  to aware datetimes and enums), each hour's Japan-time text is made once by `jp_datetime` (checked against it
  with hypothesis), and rows are made a batch at a time. Measured in alternating pairs (export, then raw
  openpyxl on the cells just exported, 3–5 pairs in one process), the median of the pairs' ratios, in wall and
  CPU time. By hand at load 7–15 (2026-12-01 07:08–07:13, 100,000 rows, each side in its own process, code before
  and after in turns): the export took 15.1–16.8 s CPU against 17.0–19.1 s before, and its pairs gave 1.08× and
  1.41× CPU (before: 1.35–1.53×); at load 10–30 single pairs ranged 1.0–1.9× CPU. So the export was about 10%
  faster. This round: garbage collection is not the cause (0.04 s of collections during an export); writing the
  very lines the export makes with raw openpyxl costs what writing the lines read back costs (4.83 s CPU both), so
  the rest was the app's own: reading and preparing the values (0.6 s CPU at 100,000 rows) and about 0.4 s more
  from making and writing each line in turn. Lines are now made a thousand at a time, then written: 5.78 → 5.55 s
  CPU (A/B, in turns), 1.15× in this run, wall and CPU alike.
- **Peak memory** is mostly fixed, not per post. Measured at 1,000 posts, step by step (resident, of which
  anonymous): the interpreter and PySide6 41 MB (15); importing SQLAlchemy, the ORM, openpyxl, keyring and the
  services 109 MB (77); the main window 150 MB (95); searching 153 MB; opening the first post 265 MB (105): the 語の検査
  of the editor's live checks loaded SudachiPy's core dictionary, which walks every entry of its 72 MB `Entries`
  block when it loads (`BinaryLexicon::load`, seen with `perf record -e page-faults`: clean pages of the mapped
  file, no copy, no option avoids it) and touched about 30 MB more. The word checks now use MeCab (fugashi) with
  unidic-lite, which maps its dictionary and reads only what a text needs: about 29 MB resident after the editor's
  checks; the corpus figures are unchanged, post by post (docs/checks.md). A/B, the child's measure as above on a
  fresh copy of the database each run: at 1,000 posts (3 runs each, interleaved) 287 MB before, 214 MB after; at
  100,000 posts (3 runs each, before and after side by side on the loaded machine) 295, 294, 294 MB before and 220,
  221, 221 MB after (the target is 250). Step by step at 100,000 after the change: 135 MB before the first post is
  opened, 180 MB after it (the editor, the analyser, the rule file's words), +0.7 MB for each further post in that
  run (its editors were never deleted: deleteLater waits for an event loop this harness never runs; in the app a
  closed editor stayed a child of its page). A closed editor is now deleted at once, here and from both pages:
  0.74 → 0.02 MB for each post opened from 下書き (100 posts, 1,000-post database, by hand), +10 MB signing the first decision (cryptography), +8 MB over the three exports.
  Trimming glibc's heaps after each export (`malloc_trim`) gave 204.5 MB in one run, but so did a run that only
  imported the export module before the window (204.1 MB): not understood yet, so not done. Also changed (issue 17):
  the X and LINE clients import httpx, authlib and urllib3 when a client is made; the harness's memory keyring no
  longer imports pytest into this process. What is left (1,000 posts, /proc/self/smaps): about 108 MB anonymous
  (Python's modules and objects, SQLAlchemy's code alone about 28 MB; Qt), Qt's libraries and the CJK fonts about 45
  MB, the dictionary 29 MB.

At 1,000,000 posts (`xvfb-run -a python scripts/benchmark.py --sizes 1000000 --runs 3`, 2026-12-01 11:02, on the
idle machine, the code of the 100,000 row): searching, opening and approving hold (they read by index: 5.6, 13.8
and 4.3 ms); what degrades is what reads the whole file or every row of a period. Ready no longer grows with the
file: the quick first read needs the first 200 rows, and SQLite's `quick_check` of the whole 1.4 GB file runs on a
thread after them; "settled" grows instead (1.6 s: the services' page takes over once the file is checked). The
run's cold starts gave shown 1.55× and ready 2.04× right after building the file; five cold starts by hand on the
same file a few minutes later gave shown 0.113 s and ready 0.141 s against a bare window of 0.085 s (1.34×, 1.66×),
as at 100,000, and a trace of the GUI thread was the same as at 100,000 to the millisecond (ready at 140 ms);
the 投稿実績 of a period grows with its rows (585,000 rows of the benchmark's 400 days) and further from raw
openpyxl; building the benchmark's database takes minutes (triggers fill both search indexes row by row); and
upgrading an existing file to 0023 builds the index of characters and pairs for every post once (about 20 s per
100,000 posts on this machine, with progress in the opening dialog).
"""

NOTES = """
## Query counts (issue 17)

Counted, not timed: `tests/test_query_budgets.py` and `tests/gui/test_start_budget.py` run each use case in a
city of 3 accounts (18 posts) and in one of 30 accounts (900 posts), on SQLite and PostgreSQL, and assert the same
number of SQL statements in both (a `before_cursor_execute` listener; BEGIN, SQLite's read-lock probe and
PostgreSQL's lock statements are transaction control and not counted).

| use case | before (3 → 30 accounts; every statement) | now, any size | budget (issue 17) |
|---|---:|---:|---:|
| start: attach() to the first list filled (システム管理者 / 管理者) | grew with the city (860 at 50 accounts) | 17 / 19 | ≤ 25 |
| the bell (管理者 of every account / システム管理者) | 88 → 601 / 73 → 478 | 5 / 3 | ≤ 5 |
| the account list | 33 → 249 | 4 | ≤ 5 |
| open a post | 14 | 8 | ≤ 10 |
| approve a post (with its 電子印鑑) | 17 | 12 | ≤ 15 |

What changed: every use case loads its person with their memberships (with the accounts' names), 代決 designations,
muted notice kinds and the city's settings in one statement (`services/person_facts.py`: a UNION ALL of typed rows
joined to the person's row), kept for the session and forgotten when a flush writes one of them — a new session
reads them again, so another PC's changes are seen by the next use case and no cross-session cache needs a version
check; a city-wide permission does not use the memberships at all; the account list reads accounts, 局・課, checklist
states and password dates in one query plus one for the members; the bell runs in one session (posts to decide with
their accounts and the four-eyes check in one query, the standing-scope reviews in one, the serious troubles in
one, and every account with its last check, last post, password date and open §3(2) reports in one); approving
opens its post with the account, the four-eyes edit check and the revision count in one query, reads the chain's
end together with this PC's anchored audit event, and seals the revision read with its images; the bell also counts
the 承認待ち badge; a post's revisions and decisions come with their people joined; the status bar's roles (with the
account names read with the person) and the backup permission are one read, and whether the person is a 代決 deputy
somewhere (the navigation) comes from their designations.
The 投稿実績 export gives only a string openpyxl would take for a formula (`=…`) a cell of its own;
every other cleaned string is appended as it is and written as text (about 15% faster at 10,000 rows in A/B
runs on the shared machine).

Start-up's imports and threads (what "ready" waits for) are in the SQLite section above.

## What was found and changed earlier

- **Start.** The window used to appear after everything was imported and every page built (2.7 s at 100,000
  posts, 27× the bare window). Now `sns-desk` parses the app's own options without the command parser
  (`sns_desk/launch.py`), shows the main window at once saying the database is being opened, then opens it and
  fills the window (`Launcher.start`, `MainWindow.attach`); pages are built the first time they are opened;
  Alembic is imported only when a migration must run (the head revision is read from the migration files, checked
  against Alembic by a test); twitter-text's emoji tables (0.2 s) load on the first X count; openpyxl loads with
  the 報告書 page. A test keeps SQLAlchemy, Alembic, openpyxl, twitter-text and numpy out of what runs before the
  window is shown. "ready" is when the first list is filled and the window takes input.
- **Export.** cProfile showed a third of the cells were empty strings (no approver, no time yet): they are now
  empty cells, as Excel expects, and the rows come through the Core connection instead of ORM row loading (a
  third of the query's cost); the date formatting is written out for the common case. The raw openpyxl figure
  writes the same cells read back from the export. openpyxl writes through et_xmlfile here (lxml is not a
  dependency); both figures use the same writer.
- **Search.** Three characters or more go through a trigram FTS5 index (migration 0007) when they match fewer
  than 2,000 posts; common terms keep LIKE along the list's own order, which reaches a screenful quickly. A
  term of one or two characters that matches nothing still reads every post (about 50 ms at 100,000): two
  keystrokes of the 32 measured, above the 95th percentile. The remaining spikes were Python's full garbage
  collections (about 40 ms, on a random keystroke): the app now calls `gc.freeze()` once the main window is
  filled, so start-up's long-lived objects are no longer rescanned.
- **Approve** includes the 電子印鑑 (Ed25519 signature, its key read from the OS keyring once per session).
- **Memory** is measured in a child process that does the searching, opening, approving and exporting, so the
  database builder's memory is not counted, and before the raw-openpyxl baseline reads the export back.
"""


def earlier_results(path: Path) -> dict[int, dict[str, Any]]:
    """The figures of each size in the report's SQLite section, as the last run of that size left them."""
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8")
    if DATA not in text:
        return {}
    raw = text.split(DATA, 1)[1].split(" -->", 1)[0]
    return {int(size): figures for size, figures in json.loads(raw).items()}


def write_report(args: argparse.Namespace, results: dict[int, dict[str, Any]]) -> None:
    """Replace the SQLite section of the report (between its markers), keeping the rest of the file: the sizes
    measured now replace their rows, the other sizes keep theirs."""
    merged = {**earlier_results(args.out), **results}
    section = sqlite_section(args, merged)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = "# Benchmarks\n\n" + section + "\n" + NOTES
    args.out.write_text(text, encoding="utf-8")


def sqlite_section(args: argparse.Namespace, results: dict[int, dict[str, Any]]) -> str:
    judged = TARGET_SIZE if TARGET_SIZE in results else max(results)
    big = results[judged]
    sizes = " ".join(map(str, sorted(results)))
    runs = sorted({(r.get("run_on", "?"), r.get("load", -1.0)) for r in results.values()})
    cores = os.cpu_count() or 1
    when = "; ".join(
        f"{run_on} (load average {load:.1f} on {cores} cores)" if load >= 0 else f"{run_on}"
        for run_on, load in runs
    )
    lines = [
        BEGIN,
        "## SQLite",
        "",
        f"Command: `xvfb-run -a python scripts/benchmark.py --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}`"
        + (
            f" (the sizes in this section, from this run and earlier ones: {sizes})"
            if set(results) != set(args.sizes)
            else ""
        ),
        f"Runs: {when}. Machine: {machine()}.",
        "Each figure is the median of several runs (cold starts: separate processes, timed from before the process",
        "starts, the bare PySide6 window measured in the same run; the rest in one process per size); the database",
        "is a shared-mode SQLite file (rollback journal, synchronous=FULL) with 50 accounts and 30 users; the app",
        "starts as the システム管理者, who sees every page. Shown: the main window on the screen; ready: the first",
        "list filled and the window taking input; settled: every control working (search, opening a post, the other",
        "pages, the bell), which follows ready while the rest of the app loads without freezing the window.",
        "",
        "| posts | build | start: bare window | SNS Desk shown | SNS Desk ready | SNS Desk settled | shown / bare "
        "| ready / bare | filter p50 | filter p95 | open post | approve | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in sorted(results.items()):
        lines.append(
            f"| {size:,} | {r['build_s']:.1f} s | {r['start_bare_s']:.2f} s | {r['start_app_s']:.2f} s | "
            f"{r['ready_app_s']:.2f} s | "
            + (f"{r['settled_app_s']:.2f} s" if "settled_app_s" in r else "— (not measured then)")
            + f" | {r['start_app_s'] / r['start_bare_s']:.2f} × | "
            f"{r['ready_app_s'] / r['start_bare_s']:.2f} × | {r['filter_p50_ms']:.1f} ms | "
            f"{r['filter_p95_ms']:.1f} ms | {r['open_ms']:.1f} ms | {r['approve_ms']:.1f} ms | {r['peak_mb']:.0f} MB |"
        )
    exports = [f"{size:,}: {export_text(r)}" for size, r in sorted(results.items()) if "export_s" in r]
    if exports:
        lines += ["", "Export 投稿実績 (every post of the period): " + "; ".join(exports) + "."]
    lines += [
        "",
        f"### Targets at {judged:,} posts"
        if judged != TARGET_SIZE
        else f"### Targets at {judged:,} posts (issue 17)",
        "",
        "| measure | figure | target | |",
        "|---|---:|---:|---|",
    ]
    missed: list[str] = []

    def judge(measure: str, ok: bool) -> str:
        if not ok:
            missed.append(measure)
        return verdict(ok)

    ratio = big["start_app_s"] / big["start_bare_s"]
    lines.append(
        f"| start (window shown) vs bare window | {big['start_app_s']:.2f} s / {big['start_bare_s']:.2f} s = "
        f"{ratio:.2f}× | ≤ {TARGETS['start']}× | {judge('start (window shown)', ratio <= TARGETS['start'])} |"
    )
    ready = big["ready_app_s"] / big["start_bare_s"]
    lines.append(
        f"| ready (first list filled) vs bare window | {big['ready_app_s']:.2f} s / {big['start_bare_s']:.2f} s = "
        f"{ready:.2f}× | ≤ {TARGETS['ready']}× | {judge('ready', ready <= TARGETS['ready'])} |"
    )
    lines.append(
        f"| filter p95 (incl. 1–2 characters matching nothing) | {big['filter_p95_ms']:.1f} ms | "
        f"≤ {TARGETS['filter_p95_ms']:.0f} ms | "
        f"{judge('filter p95', big['filter_p95_ms'] <= TARGETS['filter_p95_ms'])} |"
    )
    lines.append(
        f"| open a post | {big['open_ms']:.1f} ms | ≤ {TARGETS['open_ms']:.0f} ms | "
        f"{judge('open a post', big['open_ms'] <= TARGETS['open_ms'])} |"
    )
    lines.append(
        f"| approve | {big['approve_ms']:.1f} ms | ≤ {TARGETS['approve_ms']:.0f} ms | "
        f"{judge('approve', big['approve_ms'] <= TARGETS['approve_ms'])} |"
    )
    if "export_s" in big:
        export_ratio = export_ratio_of(big)
        lines.append(
            f"| export 投稿実績 ({int(big['export_rows']):,} rows) | {export_text(big)} | "
            f"≤ {TARGETS['export_ratio']}× | {judge('export', export_ratio <= TARGETS['export_ratio'])} |"
        )
    lines.append(
        f"| peak memory (searching, opening, approving, exporting) | {big['peak_mb']:.0f} MB | "
        f"≤ {TARGETS['peak_mb']:.0f} MB | {judge('peak memory', big['peak_mb'] <= TARGETS['peak_mb'])} |"
    )
    load = big.get("load", -1.0)
    if missed and load > cores:
        lines += [
            "",
            f"Not met in this run: {', '.join(missed)}. The machine was shared when it ran (load average "
            f"{load:.1f} on {cores} cores), so every timing here is slower than on an idle machine; "
            "measure again on an idle one before taking a miss for a regression.",
        ]
    lines += [
        "",
        SQLITE_NOTES,
        DATA + json.dumps({str(k): v for k, v in sorted(results.items())}) + " -->",
        END,
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
