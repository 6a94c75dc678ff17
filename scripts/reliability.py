r"""Run the reliability checks in full and write docs/reliability.md.

    SNS_DESK_TEST_PG_URL=postgresql+psycopg://user:pw@localhost/postgres \
    python scripts/reliability.py                       # 6 processes × 500 operations, 50 kills, fault tests
    python scripts/reliability.py --processes 8 --operations 1000 --kills 200
    python scripts/reliability.py --quick --out /tmp/reliability.md   # what CI runs (seconds)

The same harness runs bounded in CI (tests/test_reliability.py: 6 × 60, 50 kills); the fault tests are the ones in
tests/test_faults.py and the others named in the table, run here through pytest so that the table shows their
result from this run. Without SNS_DESK_TEST_PG_URL (a role that may create databases, as .ci/run sets up) the
PostgreSQL rows show "skipped". It exits 1 if anything was lost or a fault test failed (a skip is listed, not
counted as a failure).
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.harness import ConcurrencyReport, CrashReport

from convention import ROOT, load_average, machine_load, parser

sys.path.insert(0, str(ROOT))
QUICK = {"processes": 2, "operations": 10, "kills": 2, "faults": 1}

# fault, what the user sees, what is kept, the test(s) that try it
FAULTS: list[tuple[str, str, str, list[str]]] = [
    (
        "Corrupt file (damaged pages, truncated)",
        "「データベースファイルが壊れています」/「…途中で切れています」 with 「バックアップから復元してください」; "
        "別のデータベースを選ぶ or 終了",
        "The file, byte for byte (opened read-only to check); daily backups in backups/",
        [
            "tests/test_database.py::test_corrupt_pages_are_refused_and_untouched",
            "tests/test_database.py::test_truncated_database_is_refused_and_untouched",
        ],
    ),
    (
        "Empty file / not a database / another app's database",
        "「ファイルが空です（0 バイト）。SNS Desk のデータベースではありません」/「このファイルはデータベースではありません」"
        "/「…別のアプリのデータベースです」",
        "The file, byte for byte",
        [
            "tests/test_database.py::test_empty_file_is_refused_and_untouched",
            "tests/test_database.py::test_non_sqlite_file_is_refused_and_untouched",
            "tests/test_database.py::test_foreign_sqlite_database_is_refused_and_untouched",
        ],
    ),
    (
        "File from a newer version of SNS Desk",
        "「新しいバージョンの SNS Desk で作成・更新されています。このPCの SNS Desk を更新してください」",
        "The file, byte for byte",
        [
            "tests/test_database.py::test_newer_schema_is_refused_and_untouched",
            "tests/gui/test_startup.py::test_a_database_from_a_newer_version_is_explained_and_left_alone",
        ],
    ),
    (
        "Read-only file or folder",
        "Start-up warning 「読み取り専用です。内容は表示できますが、変更は保存できません」; "
        "on saving 「データベースが読み取り専用のため保存できませんでした。変更は保存されていません」",
        "Everything; the data can still be read",
        ["tests/test_faults.py::test_a_read_only_file_or_folder_can_be_read_and_refuses_changes_in_japanese"],
    ),
    (
        "Full disk",
        "「ディスクの空き容量が足りないため保存できませんでした。変更は保存されていません」; "
        "export: 「報告書を保存できませんでした…空き容量…」",
        "Everything saved before; no half-written workbook or temporary file; the same save works once space is freed",
        [
            "tests/test_faults.py::test_a_full_disk_refuses_the_save_in_japanese_and_keeps_everything_saved_before"
        ],
    ),
    (
        "Shared file renamed, moved, deleted or replaced mid-session",
        "「データベースファイルが見つかりません（名前の変更・移動・削除のおそれ）…変更は保存されていません」 "
        "on the next read or save",
        "Everything in the file; nothing is written into the moved file behind the other PCs' backs",
        [
            "tests/test_faults.py::test_the_file_renamed_or_deleted_mid_session_stops_work_with_a_clear_message"
        ],
    ),
    (
        "A PC killed (SIGKILL), crashed or cut off in the middle of a write",
        "Nothing on the other PCs; the next PC to open the file has SQLite roll the unfinished write back "
        "(it used to be reported as damage: fixed)",
        "Every committed operation; the unfinished one entirely undone",
        [
            "tests/test_reliability.py::test_a_pc_killed_inside_writes_leaves_a_whole_database_every_time",
            "tests/test_reliability.py::test_a_write_left_unfinished_by_a_killed_pc_is_rolled_back_when_the_file_is_opened",
        ],
    ),
    (
        "Several PCs writing at once",
        "A decision or edit that lost the race: 「他の人が先に変更しました。最新の内容を表示します…」",
        "Every acknowledged write; no lost update; reads wait for a commit instead of failing",
        [
            "tests/test_reliability.py::test_six_pcs_doing_mixed_work_lose_nothing_and_conflicts_surface_as_conflicts",
            "tests/test_post_race.py::test_two_processes_deciding_on_one_post_exactly_one_wins",
        ],
    ),
    (
        "Several PCs on a PostgreSQL server",
        "As on a file: a lost race says 「他の人が先に変更しました」; writes are one at a time (advisory lock)",
        "Every acknowledged write; the audit chain gap-free; exactly one of two simultaneous decisions",
        [
            "tests/test_server.py::test_six_pcs_on_a_server_lose_nothing",
            "tests/test_server.py::test_two_pcs_deciding_on_one_post_on_a_server_exactly_one_wins",
        ],
    ),
    (
        "Database server unreachable, or written by a newer version",
        "「データベースサーバーに接続できません: (URL without the password)」/「新しいバージョンの SNS Desk…」",
        "The server's data untouched",
        [
            "tests/test_server.py::test_an_unreachable_server_is_explained_in_japanese",
            "tests/test_server.py::test_a_server_written_by_a_newer_version_is_refused_and_left_alone",
        ],
    ),
    (
        "A decision edited afterwards with an SQLite editor or psql",
        "sns-desk verify / 監査ログ → 改ざん検査: 「電子印鑑: …決定の内容が署名の後で書き換えられています」 (or a forged "
        "signature, a signer without the role at the time, a decision without a signature)",
        "The signed content, to compare with",
        [
            "tests/test_signing.py::test_a_decision_edited_with_an_sqlite_editor_is_detected",
            "tests/test_signing.py::test_a_forged_or_damaged_signature_is_detected",
            "tests/test_signing.py::test_a_signer_who_did_not_hold_the_role_at_that_time_is_reported",
            "tests/test_signing.py::test_a_decision_without_a_signature_is_reported",
        ],
    ),
    (
        "OS keyring absent (fail/null/plain-text backend) or locked",
        "「この PC では…OS の資格情報ストア…が使えません」/「OS の資格情報ストアがロックされています」; the credential "
        "feature is disabled, everything else works",
        "Passwords are never written to a file or the database",
        [
            "tests/test_credentials.py::test_fail_and_null_backends_disable_the_feature",
            "tests/test_credentials.py::test_a_plain_text_backend_is_refused",
            "tests/test_credentials.py::test_a_locked_keyring_says_so",
        ],
    ),
    (
        "1 MB post body",
        "「本文が長すぎます（1,000,000 文字）。100,000 文字以内にしてください」",
        "Nothing is written (not even an audit event); up to 100,000 characters are stored and checked",
        [
            "tests/test_faults.py::test_a_1mb_body_is_refused_before_anything_is_written",
            "tests/test_posts.py::test_a_1mb_body_with_odd_characters_is_stored_and_checked",
        ],
    ),
    (
        "Control characters and NUL",
        "NUL: 「本文に NUL 文字が含まれています。貼り付け元の書式を取り除いてください」; other control characters: "
        "a check finding pointing at them",
        "The draft as typed, until corrected",
        [
            "tests/test_checks.py::test_each_rule",
            "tests/test_posts.py::test_a_1mb_body_with_odd_characters_is_stored_and_checked",
        ],
    ),
    (
        "Emoji with ZWJ, flags; right-to-left text",
        "Counted as X counts them (twitter-text conformance); stored and shown unchanged",
        "The text exactly",
        [
            "tests/test_checks.py::test_x_weighted_length_matches_the_twitter_text_conformance_suite",
            "tests/test_posts.py::test_a_1mb_body_with_odd_characters_is_stored_and_checked",
        ],
    ),
    (
        "Invalid URLs (javascript:, no host, spaces, ftp:)",
        "「投稿の URL を https:// で始まる形で入力してください」",
        "The post unchanged (still 下書き)",
        ["tests/test_faults.py::test_invalid_publication_urls_are_refused"],
    ),
    (
        "Oversized or disguised images",
        "「画像が大きすぎます（N MB）。5 MB 以下にしてください」; files that are not images refused",
        "The post without the attachment",
        ["tests/test_posts.py::test_attachments_are_images_and_size_limited"],
    ),
    (
        "Clocks that disagree between PCs",
        "Start-up warning 「この PC の時計が、ほかの PC より約 N 分遅れています…」",
        "The audit chain (ordered by its gap-free number, not by time) still verifies",
        ["tests/test_faults.py::test_clocks_that_disagree_are_noticed_and_do_not_break_the_chain"],
    ),
]


def run_fault_tests(folder: Path, rows: int) -> dict[str, str]:
    """Run the tests of the first ``rows`` rows of FAULTS through pytest; their outcome per test."""
    ids = sorted({test for _f, _s, _k, tests in FAULTS[:rows] for test in tests})
    junit = folder / "faults.xml"
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={junit}", *ids],
        cwd=ROOT,
        # as CI runs them, but 5 kills instead of 50: the kills were just done in full above
        env={**os.environ, "SNS_DESK_HARNESS_KILLS": "5"},
        check=False,
    )
    results: dict[str, str] = {}
    seen: dict[str, set[str]] = {}
    for case in ET.parse(junit).iter("testcase"):
        module = case.get("classname", "").replace(".", "/")
        name = case.get("name", "").split("[")[0]
        outcome = "passed"
        if case.find("failure") is not None or case.find("error") is not None:
            outcome = "FAILED"
        elif case.find("skipped") is not None:
            outcome = "skipped"
        key = f"{module}.py::{name}"
        seen.setdefault(key, set()).add(outcome)
    # a parametrized test (SQLite and PostgreSQL, several inputs) failed if any case failed
    for key, outcomes in seen.items():
        results[key] = "FAILED" if "FAILED" in outcomes else ("passed" if "passed" in outcomes else "skipped")
    return results


def main(argv: list[str]) -> int:
    cli = parser(
        __doc__,
        ROOT / "docs" / "reliability.md",
        "the report to write",
        quick=(
            f"{QUICK['processes']} processes × {QUICK['operations']} operations, {QUICK['kills']} kills and the "
            f"fault tests of the first row (the others are marked 'not run'); the options below still apply"
        ),
    )
    cli.add_argument("--processes", type=int, help="processes on one shared file (default: 6)")
    cli.add_argument("--operations", type=int, help="operations per process (default: 500)")
    cli.add_argument("--kills", type=int, help="SIGKILLs at random moments (default: 50)")
    args = cli.parse_args(argv)
    args.load = machine_load(load_average())
    full = {"processes": 6, "operations": 500, "kills": 50, "faults": len(FAULTS)}
    for key, value in (QUICK if args.quick else full).items():
        if getattr(args, key, None) is None:
            setattr(args, key, value)
    from tests import harness

    folder = Path(tempfile.mkdtemp(prefix="sns-desk-reliability-"))
    os.environ["SNS_DESK_HOME"] = str(folder / "home")
    print(f"concurrency: {args.processes} processes × {args.operations} operations …", flush=True)
    concurrency = harness.run_concurrency(folder / "concurrency", args.processes, args.operations, seed=2026)
    print(f"  {dict(concurrency.outcomes)} in {concurrency.seconds:.0f} s; problems: {concurrency.problems}")
    print(f"crashes: {args.kills} kills …", flush=True)
    started = time.perf_counter()
    crashes = harness.run_crashes(folder / "crashes", kills=args.kills, seed=2026)
    crash_seconds = time.perf_counter() - started
    print(f"  {crashes.kills} kills, {crashes.inside_a_write} inside a write; problems: {crashes.problems}")
    print("fault tests …", flush=True)
    results = run_fault_tests(folder, args.faults)
    write_report(args, concurrency, crashes, crash_seconds, results)
    print("wrote", args.out)
    skipped = [test for test, outcome in results.items() if outcome == "skipped"]
    if skipped:  # the PostgreSQL rows without SNS_DESK_TEST_PG_URL: the report says "skipped", not "passed"
        print(
            f"{len(skipped)} fault tests skipped (PostgreSQL ones need SNS_DESK_TEST_PG_URL): {', '.join(skipped)}"
        )
    failed = concurrency.problems or crashes.problems or any(v == "FAILED" for v in results.values())
    return 1 if failed else 0


def command(args: argparse.Namespace) -> str:
    quick = " --quick" if args.quick else ""
    return (
        f"SNS_DESK_TEST_PG_URL=postgresql+psycopg://…/postgres python scripts/reliability.py{quick} "
        f"--processes {args.processes} --operations {args.operations} --kills {args.kills}"
    )


def write_report(
    args: argparse.Namespace,
    c: ConcurrencyReport,
    k: CrashReport,
    crash_seconds: float,
    results: dict[str, str],
) -> None:
    lost = len(c.problems) + len(k.problems)
    by_op = c.by_op
    lines = [
        "# Reliability",
        "",
        f"Command: `{command(args)}`  ",
        f"Run on {datetime.now().strftime('%Y-%m-%d %H:%M')}: {platform.system()} {platform.release()}, "
        f"{args.load}, Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}.",
        "CI runs the same harness bounded (tests/test_reliability.py: 6 processes × 60 operations and 50 kills; on",
        "PostgreSQL 6 × 40, tests/test_server.py) and every fault test below on every push.",
        "",
        "## Figures from this run",
        "",
        "| | |",
        "|---|---:|",
        f"| processes on one shared-mode file | {c.processes} |",
        f"| operations (create, edit, submit, approve, reject, export, verify) | {c.operations:,} |",
        f"| succeeded | {c.outcomes['ok']:,} |",
        f"| conflicts, reported as conflicts (「他の人が先に変更しました」) | {c.conflicts:,} |",
        f"| refused by the workflow (the post had moved on) | {c.outcomes['refused']:,} |",
        f"| nothing to do (no post in the needed state at that moment) | {c.outcomes['nothing to do']:,} |",
        f"| unhandled lock errors / unexpected errors | {c.outcomes['busy']} / {c.outcomes['error']} |",
        f"| slowest single operation (waiting for other PCs' commits) | {c.slowest_ms / 1000:.1f} s |",
        f"| wall time | {c.seconds:.0f} s |",
        f"| SIGKILLs at random moments | {k.kills} |",
        f"| … of which inside a write | {k.inside_a_write} |",
        f"| wall time of the kills and the checks after each | {crash_seconds:.0f} s |",
        f"| crashes survived (integrity_check ok, chain verifies, all or nothing) | {k.survived} |",
        f"| operations committed by the killed processes, all found afterwards | {k.operations_done} |",
        f"| **data lost** | **{lost}** |",
        "",
        "Per operation: " + "; ".join(f"{op} {dict(counts)}" for op, counts in sorted(by_op.items())) + ".",
        "",
        "After the concurrent run: `PRAGMA integrity_check` is ok, the audit chain verifies, every acknowledged",
        "create and edit is in the revision history, every acknowledged operation has exactly its audit event, and no",
        "two successful writes to one post started from the same version. After every kill: integrity_check ok, the",
        "chain verifies, every operation the child logged as committed is present, and each post's rows agree with",
        "its audit events (create, saves, decisions). Problems found: "
        + ("none." if not lost else "; ".join([*c.problems, *k.problems])[:2000]),
        "",
        "## Faults and bad inputs",
        "",
        "| fault | what the user sees | what is kept | tests (result in this run) |",
        "|---|---|---|---|",
    ]
    for fault, sees, kept, tests in FAULTS:
        shown = "<br>".join(f"`{t.split('::')[1]}` ({results.get(t, 'not run')})" for t in tests)
        lines.append(f"| {fault} | {sees} | {kept} | {shown} |")
    lines += [
        "",
        "## What the harness found",
        "",
        "- **A killed PC's unfinished write was reported as a damaged file.** The start-up inspection opens the file",
        "  read-only, and a read-only connection cannot roll back the hot journal left by a writer that died: SQLite",
        '  answered "attempt to write a readonly database" and SNS Desk said 「壊れています」. Now a read-write',
        "  connection reads once first when a journal is present, so SQLite rolls the write back as it is designed to",
        "  (`db._recover_interrupted_write`); a folder that is read-only gets its own message.",
        '- **Reads could fail with "database is locked" under a burst of writes.** In shared mode a reader is refused',
        "  while another PC commits; the 2 s busy timeout was not always enough with six busy PCs. A read now takes",
        "  its lock at its first statement with the same backoff as writes (`db._take_read_lock`), so the rest of",
        "  the read cannot meet the error.",
        "- **A PC could not start while the others were writing hard.** Opening took the write lock to check the",
        "  schema and the database id even when nothing needed writing, and gave up after the 2 s busy timeout.",
        "  Opening now reads first and writes only to upgrade or to fill in missing metadata.",
        "- **A renamed or deleted file kept being written.** An open connection writes into the renamed file (or a",
        "  deleted one) while everyone else looks at the path. Every read and write now checks that the file at the",
        "  path is still the one opened (`Database.check_file`).",
        "",
    ]
    args.out.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
