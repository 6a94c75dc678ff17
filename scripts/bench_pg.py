"""The PostgreSQL half of ``scripts/benchmark.py --backend postgresql`` (issue 17: city and prefecture scale).

For each size it makes a fresh database on the server (``--pg-url`` or ``SNS_DESK_TEST_PG_URL``) named
``sns_desk_bench_<size>``, builds 300 accounts, 2,000 users and N posts through Core executemany (the app's
migrations make the schema, pg_trgm included; the trigram indexes are dropped during the load and made again
after, as a DBA would for a bulk load), then measures in a child process: search-as-you-type in the posts list
(the SQLite keystrokes), opening a post in the editor, approving (one at a time with its CPU, then 20 管理者
at once, each a process of its own deciding their own posts, at a person's pace and in a burst), the 投稿実績
export of up to 100,000 rows in a process of its own (time and peak memory), and the app's start against the
server URL.  ``--approvals URL`` measures only the 20 at once, on a kept database (``SNS_DESK_BENCH_KEEP=1``;
``SNS_DESK_BENCH_FIRST_MANAGER`` picks other 管理者 when the first 20 have decided their queues).  The report goes between
``<!-- postgresql:begin -->`` and ``<!-- postgresql:end -->`` in docs/benchmarks.md; nothing else is touched.

A city smaller than 3,000 posts (``--sizes 1000``) holds no 下書き and no 承認待ち: the editor opens the 管理者's
other posts and the approvals are not measured; the report says so under its table (and a dash in it), never a
figure of nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from convention import ROOT, load_average, machine_load

sys.path.insert(0, str(ROOT))

ACCOUNTS = 300
USERS = 2000
MANAGERS = 100  # user i manages accounts i, i + 100, i + 200; users 100…1999 are 担当者
CLIENTS = 20  # deciding at once, each a process of its own (a PC)
QUICK_CLIENTS = 5  # --quick (what CI runs): the same measure, bounded in time on a loaded 2-core machine


def client_count() -> int:
    """How many 管理者 decide at once in this run (``SNS_DESK_BENCH_CLIENTS``, set by ``--quick``)."""
    return int(os.environ.get("SNS_DESK_BENCH_CLIENTS", CLIENTS))


PACED_SECONDS = 30.0  # how long the 20 decide at a person's pace
TARGETS = {"filter_p95_ms": 50.0, "open_ms": 100.0, "approve_p95_ms": 30.0}
EXPORT_ROWS = 100_000
BEGIN, END = "<!-- postgresql:begin -->", "<!-- postgresql:end -->"
SMALLEST = (
    3000  # posts run through the statuses in blocks of 300 (one per account): every status from 3,000 on
)


def server_url(given: str | None) -> str:
    url = given or os.environ.get("SNS_DESK_TEST_PG_URL")
    if not url:
        raise SystemExit("--backend postgresql needs --pg-url or SNS_DESK_TEST_PG_URL")
    return url


def _admin_engine(url: str) -> Any:
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    return create_engine(
        make_url(url).set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )


def fresh_database(url: str, size: int) -> str:
    from sqlalchemy.engine import make_url

    name = f"{os.environ.get('SNS_DESK_BENCH_PREFIX', 'sns_desk_bench')}_{size}"  # a prefix of one's own: no clash
    engine = _admin_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return str(make_url(url).set(database=name).render_as_string(hide_password=False))


def drop_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    engine = _admin_engine(url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)")
    engine.dispose()


def build(url: str, posts_count: int, words: list[str]) -> None:
    """300 accounts, 2,000 users and ``posts_count`` posts with their first revisions."""
    from sqlalchemy import insert, select

    from sns_desk.domain import policy as pol
    from sns_desk.domain.vocabulary import AccountStatus, Platform, PolicyStatus, PostStatus, Role
    from sns_desk.host import identity
    from sns_desk.services import users
    from sns_desk.store import pg_short_terms, pg_trigram
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

    db = open_database(url, create=True)
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
        session.execute(
            insert(User),
            [
                dict(login=f"user{i:04d}", display_name=f"職員 {i:04d}", department_id=dept.id)
                for i in range(USERS)
            ],
        )
        people = list(session.scalars(select(User.id).where(User.login.like("user%")).order_by(User.login)))
        session.execute(
            insert(Account),
            [
                dict(
                    platform=list(Platform)[i % 7],
                    name=f"市アカウント{i:03d}",
                    department_id=dept.id,
                    status=AccountStatus.ACTIVE,
                    activated_at=now,
                )
                for i in range(ACCOUNTS)
            ],
        )
        account_ids = list(session.scalars(select(Account.id).order_by(Account.id)))
        staff_for = {a: people[MANAGERS + i % (USERS - MANAGERS)] for i, a in enumerate(account_ids)}
        members = []
        for i, account_id in enumerate(account_ids):
            members.append(dict(account_id=account_id, user_id=people[i % MANAGERS], role=Role.MANAGER))
            members.append(dict(account_id=account_id, user_id=staff_for[account_id], role=Role.STAFF))
        session.execute(insert(AccountMember), members)
        session.execute(
            insert(AccountPolicy),
            [
                dict(
                    account_id=a,
                    number=1,
                    status=PolicyStatus.APPROVED,
                    data=policy,
                    created_by_id=admin.user_id,
                    approved_by_id=admin.user_id,
                    approved_at=now,
                )
                for a in account_ids
            ],
        )
    with db.engine.begin() as conn:  # a bulk load: the GIN indexes are made once at the end, not row by row
        pg_trigram.drop_indexes(conn)
        pg_short_terms.drop_index(conn)
    batch = 10_000
    for start in range(0, posts_count, batch):
        rows = []
        for i in range(start, min(start + batch, posts_count)):
            account_id = account_ids[i % ACCOUNTS]
            turn = (i // ACCOUNTS) % 10  # every account gets every status
            status = (
                PostStatus.PUBLISHED if turn < 8 else (PostStatus.PENDING if turn == 8 else PostStatus.DRAFT)
            )
            when = now - timedelta(minutes=i)
            word = words[i % len(words)]
            rows.append(
                dict(
                    account_id=account_id,
                    author_id=staff_for[account_id],
                    status=status,
                    body=f"【{word}】お知らせ第{i}号。詳しくは https://www.city.kagoshima.lg.jp/p/{i} をご覧ください。",
                    title=f"{word} {i}",
                    planned_at=when + timedelta(days=30),
                    created_at=when,
                    updated_at=when,
                    published_at=when if status is PostStatus.PUBLISHED else None,
                    published_url=f"https://x.com/k/status/{i}" if status is PostStatus.PUBLISHED else "",
                    version=1,
                )
            )
        with db.write_session() as session:
            session.execute(insert(Post), rows)
    with db.engine.begin() as conn:
        conn.execute(
            insert(PostRevision).from_select(
                ["post_id", "number", "title", "body", "planned_at", "saved_by_id", "saved_at"],
                select(Post.id, 1, Post.title, Post.body, Post.planned_at, Post.author_id, Post.created_at),
            )
        )
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
        pg_trigram.enable(conn)
        pg_short_terms.create(conn)
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE")
    db.dispose()


def percentile(values: list[float], q: float) -> float | None:
    """The ``q`` percentile of ``values`` (seconds) in ms, or None when nothing was measured."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def median_ms(values: list[float]) -> float | None:
    """The median of ``values`` (seconds) in ms, or None when nothing was measured (never a median of nothing)."""
    return statistics.median(values) * 1000 if values else None


def measure_in_process(url: str, runs: int, keystrokes: list[str]) -> dict[str, Any]:
    """Search, open and approve (one, then 20 at once) in this process, as the app does them."""
    from PySide6.QtWidgets import QApplication

    from sns_desk.domain.vocabulary import PostStatus
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.posts.post_editor import PostEditor
    from sns_desk.host import identity
    from sns_desk.services import post_queries, post_workflow, users
    from sns_desk.services.post_queries import PostFilter
    from sns_desk.store.database import open_database
    from tests.harness import use_memory_keyring

    app = QApplication.instance() or QApplication(sys.argv[:1])
    use_memory_keyring()  # each client acts as its own 管理者 at their own PC, with keys in memory
    result: dict[str, Any] = {}
    db = open_database(url)
    admin = users.resolve_actor(db, identity.current_login())
    window = MainWindow(db, admin)
    page = window.posts_page
    # the window's start-up timers (its housekeeping: ~70 ms at 1,000,000 posts) run before anyone types; without
    # this they ran inside the first keystroke's processEvents and were counted as 「降」's search
    app.processEvents()
    timings: list[tuple[str, float]] = []
    for typed in keystrokes:
        page.ui.searchEdit.blockSignals(True)
        page.ui.searchEdit.setText(typed)
        page.ui.searchEdit.blockSignals(False)
        t = time.perf_counter()
        page.refresh()
        app.processEvents()
        timings.append((typed, time.perf_counter() - t))
    every = [t for _w, t in timings]
    short = [t for w, t in timings if len(w) <= 2]
    result["filter_p50_ms"] = percentile(every, 0.5)
    result["filter_p95_ms"] = percentile(every, 0.95)
    result["filter_short_ms"] = {w: round(t * 1000, 1) for w, t in timings if len(w) <= 2}
    result["filter_short_max_ms"] = max(short) * 1000 if short else None
    result["filter_long_max_ms"] = max((t * 1000 for w, t in timings if len(w) > 2), default=None)
    # the next page of a long list, by the last row seen (keyset), deep in the list
    rows = post_queries.list_posts(db, admin, limit=200)
    deep = []
    for _ in range(10):  # (a city of 1,000 posts has only 4 pages after the first)
        if len(rows) < 200:
            break
        t = time.perf_counter()
        rows = post_queries.list_posts(db, admin, limit=200, after=rows[-1].page_key)
        deep.append(time.perf_counter() - t)
    result["next_page_ms"] = median_ms(deep)  # None: the whole list is one page

    # not one of the 20 clients (on a kept database, another one each time: SNS_DESK_BENCH_FIRST_MANAGER)
    manager = users.resolve_actor(
        db,
        f"user{MANAGERS - 1 - int(os.environ.get('SNS_DESK_BENCH_FIRST_MANAGER', '0')) // client_count():04d}",
    )
    # their 下書き, as a 管理者 opens them; a small city has none of theirs (the build makes them from 3,000 posts
    # on): then their posts of any status, newest first, and the report says which were opened
    wanted = max(3, runs * 2)
    sample = post_queries.list_posts(db, manager, PostFilter(statuses=[PostStatus.DRAFT]), limit=runs * 3)
    sample = (sample or post_queries.list_posts(db, manager, limit=wanted))[:wanted]
    result["open_statuses"] = sorted({row.status.label for row in sample})
    opens = []
    for row in sample:
        t = time.perf_counter()
        editor = PostEditor(db, manager, row.id)
        app.processEvents()
        opens.append(time.perf_counter() - t)
        editor.deleteLater()
    result["open_ms"] = median_ms(opens)  # None: the 管理者 has no post at all

    soon = datetime.now(UTC) + timedelta(
        minutes=10
    )  # a post whose time has passed needs a new time: not these
    pending = [
        row
        for row in post_queries.list_posts(
            db, manager, PostFilter(statuses=[PostStatus.PENDING]), limit=runs * 12
        )
        if row.planned_at is None or row.planned_at > soon
    ][: runs * 4 + 1]
    window.close()  # from here on nothing but the approvals talks to the server (its CPU is measured)
    app.processEvents()
    singles = []
    client_cpu = server_cpu = 0.0
    with db.engine.connect() as probe:
        for n, row in enumerate(pending):
            version = post_queries.get_post(db, manager, row.id).row.version
            server, c, t = _backends_cpu_s(probe), time.process_time(), time.perf_counter()
            post_workflow.approve(db, manager, row.id, version)
            spent, cpu = time.perf_counter() - t, time.process_time() - c
            if n:  # the first also makes the 管理者's 電子印鑑 key
                singles.append(spent)
                client_cpu += cpu
                server_cpu += _backends_cpu_s(probe) - server
    # None: fewer than two 承認待ち of theirs to decide (the first also makes the key, so it is not counted)
    result["approve_ms"] = median_ms(singles)
    # what one approval costs in CPU (2 cores: a burst of 20 needs at least 20 × this / 2 of wall time)
    result["approve_client_cpu_ms"] = client_cpu / len(singles) * 1000 if singles else None
    result["approve_server_cpu_ms"] = server_cpu / len(singles) * 1000 if singles else None
    db.dispose()
    result.update(concurrent_approvals(url, "burst", each=max(2, runs * 2)))
    result.update(concurrent_approvals(url, "paced", seconds=PACED_SECONDS, seed=runs))
    return result


def _backends_cpu_s(conn: Any) -> float:
    """CPU time (user + system) so far of every server process serving this database (Linux /proc; the server
    runs on this machine): read before and after a piece of work, the difference is what the server spent."""
    pids = conn.exec_driver_sql(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'"
        " AND pid <> pg_backend_pid()"  # not the one asking
    ).scalars()
    total = 0.0
    for pid in pids:
        try:  # nanoseconds on a CPU (schedstat), else user + system clock ticks (stat, 10 ms steps)
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def decide_as_client(url: str, k: int, mode: str, each: int, seconds: float, seed: int) -> dict[str, Any]:
    """One 管理者 at their own PC (a process of its own): their queue of 承認待ち posts, read before the clock
    starts; then, at the parent's word (a line on stdin), a burst (``each`` approvals back to back) or a person's
    pace (approve one, look at the next for 1–3 s, for ``seconds``).  Returns each approval's latency and the CPU
    time this process spent in them."""
    import random

    from sns_desk.domain.vocabulary import PostStatus
    from sns_desk.services import post_queries, post_workflow, signing, users
    from sns_desk.services.post_queries import PostFilter
    from sns_desk.store.database import open_database
    from tests.harness import use_memory_keyring

    use_memory_keyring()  # this PC's keyring
    db = open_database(url)
    me = users.resolve_actor(db, f"user{k:04d}")
    wanted = each if mode == "burst" else int(seconds) + 5  # at most one decision a second
    soon = datetime.now(UTC) + timedelta(
        minutes=10
    )  # a post whose time has passed needs a new time: not these
    pending = post_queries.list_posts(db, me, PostFilter(statuses=[PostStatus.PENDING]), limit=wanted * 3)
    queue = [row.id for row in pending if row.planned_at is None or row.planned_at > soon][: wanted + 1]
    signing.register_key(db, me)  # this PC's key, in its keyring and registered, as on a PC used before
    if len(queue) > 1:  # and it has decided before: one approval warms what Python and SQLAlchemy cache
        first = queue.pop(0)
        post_workflow.approve(db, me, first, post_queries.get_post(db, me, first).row.version)
    version = post_queries.get_post(db, me, queue[0]).row.version if queue else 0  # open on the screen
    pace = random.Random(seed * 100 + k)
    print("ready", flush=True)
    sys.stdin.readline()  # the word to start: every client at the same instant
    latencies: list[float] = []
    cpu = 0.0
    began = time.perf_counter()
    for n, post_id in enumerate(queue):
        if n:
            version = post_queries.get_post(db, me, post_id).row.version  # the next post, opened
        if mode == "paced":
            time.sleep(pace.uniform(1.0, 3.0))  # read it before deciding (the first too: nobody is in step)
        if mode == "paced" and time.perf_counter() - began > seconds:
            break
        c, t = time.process_time(), time.perf_counter()
        post_workflow.approve(db, me, post_id, version)
        latencies.append(time.perf_counter() - t)
        cpu += time.process_time() - c
    db.dispose()
    return {"latencies": latencies, "cpu_s": cpu}


def concurrent_approvals(
    url: str, mode: str, each: int = 2, seconds: float = 30.0, seed: int = 0
) -> dict[str, Any]:
    """20 管理者, each a process of its own (20 PCs each run their own Python) with its own connection, deciding
    different posts: all at the same instant (``burst``, ``each`` apiece) or at a person's pace (``paced``)."""
    clients = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--client",
                url,
                "--k",
                str(
                    k + int(os.environ.get("SNS_DESK_BENCH_FIRST_MANAGER", "0"))
                ),  # others, on a kept database
                "--mode",
                mode,
                "--each",
                str(each),
                "--seconds",
                str(seconds),
                "--seed",
                str(seed),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for k in range(client_count())
    ]
    try:
        for client in clients:  # each has read its queue and holds its key
            assert client.stdout is not None
            line = client.stdout.readline()
            if line.strip() != "ready":
                raise RuntimeError(f"client failed before the start:\n{client.communicate()[1][-2000:]}")
        began = time.perf_counter()
        for client in clients:
            assert client.stdin is not None
            client.stdin.write("go\n")
            client.stdin.flush()
        outputs = [client.communicate(timeout=600) for client in clients]
        wall = time.perf_counter() - began
    finally:
        for client in clients:
            if client.poll() is None:
                client.kill()
    failed = [err[-2000:] for client, (_out, err) in zip(clients, outputs, strict=True) if client.returncode]
    if failed:
        raise RuntimeError("; ".join(failed[:2]))
    results = [json.loads(out.strip().splitlines()[-1]) for out, _err in outputs]
    latencies = [t for r in results for t in r["latencies"]]
    return {
        f"approve_{mode}_n": len(latencies),
        f"approve_{mode}_p50_ms": percentile(latencies, 0.5),
        f"approve_{mode}_p95_ms": percentile(latencies, 0.95),
        f"approve_{mode}_max_ms": max(latencies) * 1000 if latencies else None,
        f"approve_{mode}_client_cpu_ms": (
            sum(r["cpu_s"] for r in results) / len(latencies) * 1000 if latencies else None
        ),
        f"approve_{mode}_wall_s": wall,
    }


def _rss_mb() -> float:
    """This process's resident memory now (Linux), else its peak so far."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_in_process(url: str, rows_wanted: int, home: Path, size: int = 0) -> dict[str, Any]:
    """The 投稿実績 export of about ``rows_wanted`` rows, alone in this process: time and the memory it added."""
    from sns_desk.domain import policy as pol
    from sns_desk.export import workbooks as reports
    from sns_desk.host import identity
    from sns_desk.services import users
    from sns_desk.store.database import open_database

    db = open_database(url)
    admin = users.resolve_actor(db, identity.current_login())
    now = datetime.now(pol.JST)
    # posts are a minute apart, newest first; unpublished ones count at their planned time (30 days later)
    start, end = now - timedelta(minutes=rows_wanted * 0.93), now + timedelta(days=31)
    if 0 < size <= rows_wanted:  # the whole city
        start = now - timedelta(minutes=size * 1.1)
    before = _rss_mb()
    t = time.perf_counter()
    exported = reports.export_post_record(db, admin, start, end, home / "posts.xlsx", overwrite=True)
    spent = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db.dispose()
    return {"export_s": spent, "export_rows": exported.rows, "export_base_mb": before, "export_peak_mb": peak}


def _child(mode: str, url: str, extra: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, mode, url, *extra],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        },
        timeout=3600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{mode} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure(
    base_url: str,
    size: int,
    runs: int,
    words: list[str],
    keystrokes: list[str],
    cold_start: Callable[[str, Any, int], tuple[float, float, float]] | None,
    *,
    keep: bool = False,
) -> dict[str, Any]:
    url = fresh_database(base_url, size)
    try:
        started = time.perf_counter()
        build(url, size, words)
        result: dict[str, Any] = {"build_s": time.perf_counter() - started}
        if cold_start is not None:
            result["start_bare_s"], _ready, _settled = cold_start("bare", url, runs)
            result["start_app_s"], result["ready_app_s"], _settled = cold_start("app", url, runs)
        result.update(_child("--child", url, ["--runs", str(runs), "--keystrokes", *keystrokes]))
        result.update(_child("--export", url, ["--rows", str(min(size, EXPORT_ROWS)), "--size", str(size)]))
        return result
    finally:
        if not keep:
            drop_database(url)


def run(
    args: argparse.Namespace,
    words: list[str],
    keystrokes: list[str],
    cold_start: Callable[[str, Any, int], tuple[float, float, float]] | None,
    machine: Callable[[], str],
) -> int:
    """``benchmark.py --backend postgresql``: measure each size and write the report's PostgreSQL section."""
    base = server_url(args.pg_url)
    if args.quick:  # the children read it too
        os.environ["SNS_DESK_BENCH_CLIENTS"] = str(QUICK_CLIENTS)
    load = load_average()
    results = {}
    for size in args.sizes:
        print(f"measuring {size:,} posts on PostgreSQL …", flush=True)
        keep = os.environ.get("SNS_DESK_BENCH_KEEP") == "1"  # keep the database to measure it again by hand
        results[size] = measure(base, size, args.runs, words, keystrokes, cold_start, keep=keep)
        print(results[size], flush=True)
    command = "python scripts/benchmark.py --backend postgresql" + (
        " --quick" if args.quick else f" --sizes {' '.join(map(str, args.sizes))} --runs {args.runs}"
    )
    section = report(results, command, machine(), machine_load(load), server_version(base))
    write_section(args.out, section)
    print("wrote", args.out)
    return 0


def server_version(url: str) -> str:
    engine = _admin_engine(url)
    with engine.connect() as conn:
        version = str(conn.exec_driver_sql("SHOW server_version").scalar())
    engine.dispose()
    return f"PostgreSQL {version}"


def _fmt(value: float | None, unit: str = "ms") -> str:
    """A figure, or a dash for what was not measured (:func:`unmeasured` says why)."""
    return "–" if value is None else f"{value:.1f} {unit}"


def _approve(r: dict[str, Any]) -> str:
    """One approval's median and the CPU it cost (this process + the server's)."""
    if r["approve_ms"] is None:
        return "–"
    return f"{_fmt(r['approve_ms'])} ({r['approve_client_cpu_ms']:.1f} + {r['approve_server_cpu_ms']:.1f} ms)"


def unmeasured(r: dict[str, Any]) -> list[str]:
    """What a city this small could not give, and what was measured instead: said, not reported as a figure."""
    from sns_desk.domain.vocabulary import PostStatus

    small = f"the build makes 下書き and 承認待ち from {SMALLEST:,} posts on"
    said = []
    if r["next_page_ms"] is None:
        said.append("next page: not measured, the whole list is one page")
    if r["open_ms"] is None:
        said.append("open post: not measured, the 管理者 measured has no post")
    elif r["open_statuses"] != [PostStatus.DRAFT.label]:
        said.append(
            f"open post: their {'・'.join(r['open_statuses'])} posts, as they have no 下書き ({small})"
        )
    if r["approve_ms"] is None:
        said.append(
            f"approve: not measured, the 管理者 measured has fewer than two 承認待ち to decide ({small})"
        )
    for mode, label in (("paced", "at a person's pace"), ("burst", "in a burst")):
        if not r[f"approve_{mode}_n"]:
            said.append(f"approve {label}: not measured, no 承認待ち was left to the {client_count()} 管理者")
    return said


def _latencies(r: dict[str, Any], mode: str) -> str:
    """p50 / p95 (approvals) of the 20 clients; a dash when none was left to decide (the 3,000 posts of --quick
    hold three 承認待ち per 管理者: the warm-up and the burst take them; fewer than 3,000 hold none)."""
    if not r[f"approve_{mode}_n"]:
        return "–"
    return (
        f"{r[f'approve_{mode}_p50_ms']:.1f} / {_fmt(r[f'approve_{mode}_p95_ms'])} ({r[f'approve_{mode}_n']})"
    )


def report(results: dict[int, dict[str, Any]], command: str, machine: str, load: str, server: str) -> str:
    lines = [
        "## PostgreSQL (issue 17: city and prefecture scale)",
        "",
        f"Command: `{command}` (with `SNS_DESK_TEST_PG_URL` or `--pg-url`; Xvfb or `QT_QPA_PLATFORM=offscreen`)",
        f"Run on {datetime.now().strftime('%Y-%m-%d %H:%M')}: {machine}; {server} on the same machine; {load}.",
        f"{ACCOUNTS} accounts, {USERS:,} users; the app as the システム管理者 (every post). Filter: the SQLite "
        "report's keystrokes in the posts list (each prefix of each word, one refresh per keystroke). Approve: "
        f"median of single approvals (with the 電子印鑑), and the CPU one costs (this process + the server's); then "
        f"{client_count()} 管理者, each a process of its own (a PC) with its own connection and queue of posts, deciding at "
        f"a person's pace (look 1–3 s, decide, for {PACED_SECONDS:.0f} s) and all at the same instant (burst).  "
        "Export: 投稿実績 in a process of its own; memory is that process's peak RSS.",
        "",
        "| posts | build | start: bare / shown / ready | filter p50 | filter p95 | 1–2 chars, slowest | next page (keyset) | open post | approve (CPU: app + server) | "
        f"approve p50 / p95, {client_count()} at a person's pace (n) | approve p50 / p95, {client_count()} in a burst (n) | "
        "export (rows) | export peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, r in sorted(results.items()):
        start = (
            f"{r['start_bare_s']:.2f} / {r['start_app_s']:.2f} / {r['ready_app_s']:.2f} s"
            if "start_app_s" in r
            else "–"
        )
        lines.append(
            f"| {size:,} | {r['build_s']:.0f} s | {start} | {_fmt(r['filter_p50_ms'])} | {_fmt(r['filter_p95_ms'])} | "
            f"{_fmt(r['filter_short_max_ms'])} | {_fmt(r['next_page_ms'])} | {_fmt(r['open_ms'])} | {_approve(r)} | "
            f"{_latencies(r, 'paced')} | {_latencies(r, 'burst')} | "
            f"{r['export_s']:.1f} s ({r['export_rows']:,}) | {r['export_peak_mb']:.0f} MB "
            f"(+{r['export_peak_mb'] - r['export_base_mb']:.0f}) |"
        )
    said = [f"- {size:,} posts, {what}" for size, r in sorted(results.items()) for what in unmeasured(r)]
    if said:
        lines += ["", "Not measured in a city this small, or measured otherwise:", "", *said]
    big = results[max(results)]
    lines += ["", f"Targets at {max(results):,} posts (issue 17):", ""]
    for label, key, target in (
        ("filter p95", "filter_p95_ms", TARGETS["filter_p95_ms"]),
        ("open a post", "open_ms", TARGETS["open_ms"]),
        (
            f"approve p95 with {client_count()} 管理者 deciding at once, each at a person's pace",
            "approve_paced_p95_ms",
            TARGETS["approve_p95_ms"],
        ),
    ):
        if big[key] is None:
            lines.append(f"- {label}: – (≤ {target:.0f} ms) — not measured")
        else:
            ok = big[key] <= target
            lines.append(
                f"- {label}: {_fmt(big[key])} (≤ {target:.0f} ms) — {'met' if ok else '**not met**'}"
            )
    if big["approve_burst_n"]:
        burst = (
            f"- the burst ({client_count()} deciding at the same instant, {big['approve_burst_n']} approvals): p95 "
            f"{_fmt(big['approve_burst_p95_ms'])}, all done in {big['approve_burst_wall_s']:.2f} s"
        )
    else:
        burst = (
            f"- the burst ({client_count()} deciding at the same instant): not measured, no 承認待ち was left"
        )
    if big["approve_ms"] is not None:
        cpu = big["approve_client_cpu_ms"] + big["approve_server_cpu_ms"]
        burst += (
            f"; one approval costs {cpu:.1f} ms of CPU ({big['approve_client_cpu_ms']:.1f} in the app, "
            f"{big['approve_server_cpu_ms']:.1f} in the server), so on this machine's 2 cores, shared by the "
            f"{client_count()} clients and the server, the last of {client_count()} at once cannot finish before "
            f"about {client_count() * cpu / 2:.0f} ms"
        )
    lines.append(burst)
    lines.append(
        "- 1–2 character keystrokes (pg_trgm cannot serve them): "
        + ", ".join(f"「{w}」 {ms} ms" for w, ms in big["filter_short_ms"].items())
    )
    return "\n".join(lines) + "\n"


NOTES = """
What changed for the server (issue 17), and what the figures mean:

- **Load.** The load when the run started is in its header; on a shared machine a size measured while other work
  ran reads slower in its fixed costs (start, open, approve) than the others: compare sizes by the search and
  paging columns. The figures quoted by hand below were measured in earlier rounds on a slower, loaded machine
  (AMD EPYC, load 2–25); compare them with each other, not with the table. The window's start-up timers run
  before the first keystroke is timed (they ran inside 「降」's and added about 70 ms to it).
- **Search.** Migration `0022_pg_trgm` enables `pg_trgm` and makes GIN `gin_trgm_ops` indexes over the posts'
  title, body and category: a term of three characters or more reads only the posts that may contain it.
  Migration `0024_pg_short_terms` serves one or two characters, which trigrams cannot: a GIN index (no
  extension) over an IMMUTABLE function's array of each field's characters and pairs of characters, lower-cased
  as ILIKE compares. A short term many posts hold (by ANALYZE's statistics of that index) walks the list's order
  with ILIKE and stops at a screenful; any other is asked of the index first for at most 2,000 posts, as SQLite
  does. Results are exactly ILIKE's (a hypothesis test). Measured by hand at 1,000,000 posts under the same load
  (about 7 on 2 cores), before and after 0024: 「存」 2.0–2.3 s → 13–17 ms, 「存在」 1.7–1.9 s → 11–19 ms; the other
  keystrokes took 20–40 ms by hand. A keystroke's refresh was two use cases (the 緊急停止 panel, then the list)
  of 11 round trips, and cProfile at 1,000,000 posts found most of its Python outside the search: the panel asked
  the permission to stop each of the 300 accounts one by one (about 9 ms of CPU), each use case built its person's
  statement anew (2.5 ms), and the list built 200 Post objects with columns it does not show. Now the permission
  is asked once for the list (`access.allowed_accounts`), the person's statement is made once, and the lists read
  their columns as plain rows. A common short term walks about 2,000 posts along the list's order; ILIKE
  lower-cases each text it reads, so a term without case (kana, kanji, ー, digits: most Japanese words) is matched
  with LIKE, which finds the same posts (a hypothesis test) in about 2.5 times less server time (EXPLAIN ANALYZE
  of a 50,000-post walk: ILIKE 267–479 ms, LIKE 95–130 ms). By hand, 3 runs of every keystroke, before and after
  alternately under load 11–25 on the 2 cores: p50 97–180 → 56–77 ms, p95 116–233 → 71–103 ms; in a quieter
  minute p50 31–47 → 20–29 ms, p95 40–98 → 26–44 ms. Upgrading a database of 1,000,000 posts builds the index in one CREATE
  INDEX, 4½–6½ minutes on this machine under load 8–25, with progress in the opening dialog; the benchmark's
  build makes it after loading the posts. Once the bell is read at start-up, one search runs on a worker thread,
  so a person's first keystroke does not read the index's statistics (about 10 ms); this script's window is made
  without that step. The posts page searches 120 ms after the last keystroke, so a word typed quickly costs one
  search. Without pg_trgm (a role that may not enable it) terms of three characters or more read every post and
  the システム管理者 is told at start what the DBA must run (docs/server.md).
- **A 管理者's list (measured by hand, 1,000,000 posts, not by this script).** For a 管理者 of 3 of the 300
  accounts the planner's statistics (of the whole city) expect a word the city uses often soon along the list's
  order, and one their accounts never use walked every post. Their matching posts are now read by index first
  (at most 2,000), before → after under load about 7: 「花火」 540–600 → 37–120 ms, 「防災情報」 520 → 33–47 ms,
  「図書館」 520–590 → 30–37 ms, 「存在」 95–170 → 7–9 ms. A word in every post of their accounts (「降灰予報」,
  10,000 posts) took 250–430 ms and takes 61–265 ms by the load (the 2,000 found first mean many: the list's
  order again), its cost the 100,000-post trigram bitmaps combined with their accounts'.
- **Paging.** The posts list loads its next 200 rows after the last row seen (updated_at, id) instead of by
  OFFSET: "next page (keyset)" is the median of the 2nd to 11th pages of the whole list, and does not grow with
  the size of the city.
- **Export.** The 投稿実績 rows come from a server-side cursor (`yield_per`, a named psycopg cursor) 2,000 at a
  time; the memory column is the export process's peak resident memory and, in brackets, what the export added
  to the memory the process had before it began.
- **Open a post.** Every statement opening the editor reads by index: EXPLAIN ANALYZE at 1,000,000 posts gave
  about 5 ms of server time for all of them together, and none grows with the posts; the rest was round trips
  and Python. The biggest reads were the editor's list of accounts to write for, which loaded the whole account
  list (300 accounts with their 600 members, checklists and reports) for a 管理者 of 3: it now reads the
  accounts' names (the permission asked per account as before). The scopes were read twice, the rule layers twice
  per check, and the §5(9) verdict was a use case of its own reading the policy the checks had just read: one
  read each now (`post_drafts.live_checks`), 33 statements per opening down to 21. On the loaded machine
  (load 9–12), by hand on the same database, old and new code one after the other: 151 → 84 ms and 152 → 132 ms.
- **Approve with 20 at once.** Every write takes the one advisory lock that keeps the audit chain in order. A
  decision (承認・差戻し) now takes it only when it appends its audit event (store/write_lock.py): its reads,
  checks, the post's UPDATE (its version check holds the row, so a second PC deciding the same post is still
  refused), the e-mail and the 電子印鑑's reads happen outside the lock; inside are the chain's end, the event,
  the signature and the commit. Any event another PC committed meanwhile is checked: only decisions on other
  posts leave its checks true; anything else (a suspension, a role removed) runs it again under the lock.
  Then (issue 17, the last round) a decision does less work: this PC's audit anchor, written with an fsync after
  every write (8 ms median, 19 ms p90 on this shared disk), is kept in memory at once and written by a background
  thread (at exit at the latest; a crash in between leaves the anchor before it, which the chain still holds);
  the statements every decision runs are built once; the approver's view of the revision is one upsert; the
  person's 電子印鑑 keys are read with their other facts; the event and the signature are single INSERTs without
  the unit of work. 10 statements on a server (was 12), 9 on SQLite (was 11). By hand at 1,000,000 posts, A/B
  in the same minutes, each on a fresh queue: one approval 27.6 → 18.1 ms (app CPU 18.5 → 11.8 ms, server CPU
  7.5 → 6.0 ms); the 20 at once (`--approvals`), two pairs: paced p50 / p95 31.2 / 92.2 → 21.1 / 51.2 ms
  (load 2–11) and 25.7 / 60.9 → 17.9 / 27.7 ms (load 7–9), burst p95 930 → 717 and 907 → 449 ms, app CPU per
  approval 19.5 → 12.0 and 16.8 → 11.1 ms; under load 12–25 paced p95 1,827 → 481 ms. Paced p95 ≤ 30 ms was
  met in one of the two quiet pairs: it still follows the machine's load.
- **The measure of 20 at once.** The 20 clients are processes, each a 管理者 at their own PC (its own Python,
  connection and queue of posts; each has decided once before the clock starts, as a PC in use has). *At a
  person's pace* each looks at a post for 1–3 s, then decides, for 30 s: the clients overlap as people do, and
  the target is judged on this figure, because 20 managers deciding at once means that. *The burst* is kept in
  the table: all 20 decide at the same instant, back to back. It cannot meet 30 ms on this machine whatever the
  lock: one approval costs the CPU shown in the "approve" column, mostly the app's own Python (SQLAlchemy and
  the 電子印鑑), and 20 of them on 2 cores shared with the server take at least 20 × that / 2 — the line under
  the targets gives that floor for the run. Before this change, at 1,000,000 posts with the same processes
  on the loaded machine (load 7–16) one after the other: paced p50/p95 327 / 2,266 ms → 28 / 86 ms, burst p95
  5,967 → 2,026 ms. Three later runs of the new code by hand (`--child`, 3 runs, load 7–16) gave paced p95 227,
  304 and 40 ms and burst p95 800, 1,635 and 1,015 ms: on this shared machine the paced p95 follows the load
  of the other work on it, and ≤ 30 ms was not reached in any run; one approval cost 16 ms of the app's CPU
  and 7 ms of the server's (20 at once: ≥ 234 ms on 2 cores).
- **Start.** "ready" against a server (0.8 s in the run of 2026-12-01 10:38, 10× the bare window; 1.6–2.2 s in
  the previous round's on the slower machine; it was 3–8 s while the first page imported line-bot-sdk's pydantic
  models) is importing SQLAlchemy and the ORM, then the first page and its list: the quick
  first read that makes a SQLite file's first list ready early (see the SQLite section) reads SQLite files only.
"""


def write_section(out: Path, section: str) -> None:
    """Replace what is between the PostgreSQL markers (append them at the end when missing)."""
    block = f"{BEGIN}\n{section}{NOTES}{END}"
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    out.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    mode, url, *rest = argv
    cli = argparse.ArgumentParser()
    cli.add_argument("--runs", type=int, default=1)
    cli.add_argument("--keystrokes", nargs="*", default=[])
    cli.add_argument("--rows", type=int, default=EXPORT_ROWS)
    cli.add_argument("--size", type=int, default=0)
    cli.add_argument("--k", type=int, default=0)
    cli.add_argument("--mode", choices=["burst", "paced"], default="burst")
    cli.add_argument("--each", type=int, default=2)
    cli.add_argument("--seconds", type=float, default=PACED_SECONDS)
    cli.add_argument("--seed", type=int, default=0)
    args = cli.parse_args(rest)
    home = Path(tempfile.mkdtemp(prefix="sns-desk-bench-pg-"))
    os.environ["SNS_DESK_HOME"] = str(home)
    if mode == "--child":
        print(json.dumps(measure_in_process(url, args.runs, args.keystrokes)))
    elif mode == "--client":
        print(json.dumps(decide_as_client(url, args.k, args.mode, args.each, args.seconds, args.seed)))
    elif mode == "--approvals":  # only the 20 at once, on a kept database (measuring by hand)
        print(
            json.dumps(
                {
                    **concurrent_approvals(url, "burst", each=args.each),
                    **concurrent_approvals(url, "paced", seconds=args.seconds, seed=args.seed),
                }
            )
        )
    elif mode == "--export":
        print(json.dumps(export_in_process(url, args.rows, home, args.size)))
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
