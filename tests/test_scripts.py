"""Every script README's Development section documents runs here in its smallest meaningful form (issue 20).

Each runs as a subprocess, as a maintainer runs it, into tmp_path; the test reads what it wrote. The full forms
regenerate docs/reliability.md, docs/benchmarks.md and docs/screenshots/; scripts/smoke_installer.py is run by
tests/test_installer.py.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
TEMPLATES = ROOT / "sns_desk" / "resources" / "templates"
ICONS = ROOT / "sns_desk" / "resources" / "icons"
FORMS = ROOT / "sns_desk" / "gui" / "forms"
# the scripts a maintainer runs, and which of the shared options each has (scripts/convention.py)
OPTIONS = {
    "benchmark.py": ["--out", "--quick"],
    "build_forms.py": ["--out", "--check"],
    "build_icons.py": ["--out", "--check"],
    "build_manual.py": ["--out", "--check"],
    "build_templates.py": ["--out", "--check"],
    "check_corpus.py": ["--out", "--quick"],
    "reliability.py": ["--out", "--quick"],
    "screenshots.py": ["--out", "--quick"],
    "smoke_installer.py": ["--out"],
}


def run(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / script), *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


def figure(report: str, label: str) -> str:
    """The value in the row of a two-column Markdown table whose label starts with ``label``."""
    match = re.search(rf"^\| (?:\*\*)?{re.escape(label)}[^|]* \| ([^|]+) \|$", report, re.MULTILINE)
    assert match, f"no row {label!r} in the report"
    return match.group(1).strip().strip("*")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_readme_documents_every_script_and_every_script_documents_the_shared_options() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    development = readme[readme.index("## Development") :]
    helpers = {"convention.py", "bench_pg.py"}  # imported by the scripts, not run by a maintainer
    scripts = {p.name for p in SCRIPTS.glob("*.py")} - helpers
    assert scripts == set(OPTIONS), "a script was added or removed: document it in README and here"
    for script, options in OPTIONS.items():
        assert f"scripts/{script}" in development, f"README's Development section does not mention {script}"
        done = run(script, "--help")
        assert done.returncode == 0, done.stderr
        for option in options:
            assert re.search(rf"^\s+{option}\b", done.stdout, re.MULTILINE), f"{script} --help lacks {option}"


def test_reliability_quick_runs_the_harness_and_the_first_fault_row_and_writes_the_report(
    tmp_path: Path,
) -> None:
    out = tmp_path / "reliability.md"
    done = run("reliability.py", "--quick", "--out", str(out))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert "python scripts/reliability.py --quick --processes 2 --operations 10 --kills 2" in report
    assert figure(report, "processes on one shared-mode file") == "2"
    assert figure(report, "operations (") == "20"
    settled = [
        figure(report, label)
        for label in ("succeeded", "conflicts, reported", "refused by the workflow", "nothing to do")
    ]
    assert sum(int(value.replace(",", "")) for value in settled) == 20
    assert int(figure(report, "succeeded")) > 0
    assert figure(report, "unhandled lock errors") == "0 / 0"
    assert figure(report, "SIGKILLs at random moments") == "2"
    assert figure(report, "crashes survived") == "2"
    assert re.fullmatch(r"\d+ s", figure(report, "wall time of the kills"))
    assert figure(report, "data lost") == "0"
    assert "Problems found: none." in report
    faults = report[report.index("## Faults and bad inputs") :]
    assert "`test_corrupt_pages_are_refused_and_untouched` (passed)" in faults
    assert "`test_truncated_database_is_refused_and_untouched` (passed)" in faults
    assert (
        "`test_a_full_disk_refuses_the_save_in_japanese_and_keeps_everything_saved_before` (not run)"
        in faults
    )


def test_check_corpus_quick_scores_one_office_and_rewrites_only_its_section(tmp_path: Path) -> None:
    out = tmp_path / "checks.md"
    out.write_text(
        "# before\n<!-- corpus figures -->\nold\n<!-- end corpus figures -->\n# after\n", encoding="utf-8"
    )
    done = run("check_corpus.py", "--quick", "--out", str(out))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert report.startswith("# before\n") and report.endswith("# after\n") and "old" not in report
    assert "python scripts/check_corpus.py --quick" in report
    # bosai.yaml holds one post that must produce a shortener error, and the checks find it
    assert "| shortener | 1 | 1 | 0 | 0 | 1.000 | 1.000 |" in report
    assert re.search(
        r"^\| \*\*overall\*\* \| \d+ \| \d+ \| \d+ \| \d+ \| \*\*[01]\.\d{3}\*\* \|", report, re.M
    )


def test_benchmark_quick_measures_500_posts_and_refuses_fewer(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    # the app's cold starts must not reach the developer's keyring; the measuring child uses a memory keyring
    done = run(
        "benchmark.py",
        "--quick",
        "--out",
        str(out),
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    assert "python scripts/benchmark.py --sizes 500 --runs 1" in report
    row = next(line for line in report.splitlines() if line.startswith("| 500 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")][1:]
    units = ["s", "s", "s", "s", "s", "×", "×", "ms", "ms", "ms", "ms", "MB"]  # shown, ready, settled; ratios
    assert len(cells) == len(units), row
    for cell, unit in zip(cells, units, strict=True):
        number, shown_unit = cell.split()
        assert shown_unit == unit and 0 < float(number) < 1e6, f"{cell!r} in {row}"
    assert "### Targets at 500 posts" in report
    assert report.count("<!-- sqlite:begin -->") == report.count("<!-- sqlite:end -->") == 1
    assert "## Query counts (issue 17)" in report, "the other sections are kept"
    assert re.search(r"\| export 投稿実績 \(500 rows\) \|", report)
    assert "| ready (first list filled) vs bare window |" in report
    assert len(re.findall(r"\| (met|\*\*not met\*\*) \|$", report, re.MULTILINE)) == 7

    # a second run replaces only the SQLite section, keeping what is outside its markers
    out.write_text(
        report.replace("## Query counts (issue 17)", "## Query counts (kept)") + "\n## PostgreSQL\nkept\n"
    )
    again = run(
        "benchmark.py",
        "--quick",
        "--out",
        str(out),
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    second = out.read_text(encoding="utf-8")
    assert "## Query counts (kept)" in second and second.endswith("## PostgreSQL\nkept\n")
    assert (
        second.count("<!-- sqlite:begin -->") == 1
        and len(re.findall(r"^\| 500 \|", second, re.MULTILINE)) == 1
    )

    refused = run("benchmark.py", "--sizes", "200", "--out", str(tmp_path / "never.md"))
    assert refused.returncode == 2 and "at least 500 posts" in refused.stderr
    assert not (tmp_path / "never.md").exists()


def test_benchmark_quick_on_postgresql_measures_3000_posts_within_a_minute_and_writes_only_its_section(
    tmp_path: Path,
) -> None:
    """What CI runs on the server it starts (issue 17): 3,000 posts, 300 accounts, 2,000 users, one run."""
    from tests.conftest import PG_URL, require_postgresql

    require_postgresql()
    out = tmp_path / "benchmarks.md"
    sqlite_part = "<!-- sqlite:begin -->\n| 500 | the SQLite figures |\n<!-- sqlite:end -->"
    out.write_text(
        f"# Benchmarks\n\n{sqlite_part}\n\n<!-- postgresql:begin -->\nold\n<!-- postgresql:end -->\n"
    )
    started = time.monotonic()
    done = run(
        "benchmark.py",
        "--backend",
        "postgresql",
        "--quick",
        "--pg-url",
        PG_URL,
        "--out",
        str(out),
        env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert elapsed < 60, f"CI's PostgreSQL benchmark took {elapsed:.0f} s"
    report = out.read_text(encoding="utf-8")
    assert sqlite_part in report and "PREVIOUS-PG-FIGURES" not in report, (
        "only the PostgreSQL section is rewritten"
    )
    section = report[report.index("<!-- postgresql:begin -->") : report.index("<!-- postgresql:end -->")]
    assert "python scripts/benchmark.py --backend postgresql --quick" in section
    row = next(line for line in section.splitlines() if line.startswith("| 3,000 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 13, row
    assert re.fullmatch(r"[\d.]+ ms \([\d.]+ \+ [\d.]+ ms\)", cells[8]), cells[8]  # one approval, its CPU
    assert cells[9] == "–", cells[9]  # at a person's pace: no 承認待ち left at 3,000 posts
    assert re.fullmatch(r"[\d.]+ / [\d.]+ ms \(\d+\)", cells[10]), cells[10]  # the burst of the 20 clients
    assert re.fullmatch(r"[\d.]+ s \(3,000\)", cells[11]), cells[11]
    assert re.fullmatch(r"\d+ MB \(\+\d+\)", cells[12]), cells[12]
    for cell in cells[3:8]:
        number, unit = cell.split()
        assert unit == "ms" and 0 < float(number) < 1e6, f"{cell!r} in {row}"
    assert len(re.findall(r"— (met|\*\*not met\*\*)$", section, re.MULTILINE)) == 2
    # the paced approvals found nothing to decide: said so, not judged on a median of nothing
    assert re.search(
        r"^- approve p95 with \d+ 管理者 .*: – \(≤ 30 ms\) — not measured$", section, re.MULTILINE
    )
    assert "- 3,000 posts, approve at a person's pace: not measured, no 承認待ち was left" in section
    assert not re.search(r"\bnan\b", section), "no figure of nothing"


def test_screenshots_quick_saves_two_real_screens_the_size_of_the_committed_ones(tmp_path: Path) -> None:
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        from tests.world import unavailable

        unavailable(f"{', '.join(missing)} not installed (the script starts its own Secret Service)")
    done = run("screenshots.py", "--quick", "--out", str(tmp_path))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["main-users.png", "wizard-1-location.png"]
    from PySide6.QtGui import QImage

    for path in tmp_path.iterdir():
        data = path.read_bytes()
        committed = (ROOT / "docs" / "screenshots" / path.name).read_bytes()
        assert png_size(data) == png_size(committed), path.name
        image = QImage.fromData(data)
        assert not image.isNull(), path.name
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, f"{path.name} looks blank ({len(colours)} colours)"


def test_build_templates_check_finds_a_stale_template_and_a_rebuild_equals_the_committed_files(
    tmp_path: Path,
) -> None:
    committed = sorted(p.name for p in TEMPLATES.glob("*.xlsx"))
    assert len(committed) == 4
    assert run("build_templates.py", "--check").returncode == 0  # the tree is current and left untouched
    for name in committed:
        shutil.copy(TEMPLATES / name, tmp_path / name)
    (tmp_path / "post_record.xlsx").write_bytes(b"not a workbook")
    checked = run("build_templates.py", "--check", "--out", str(tmp_path))
    assert checked.returncode == 1
    assert re.findall(r"out of date: (\S+)", checked.stdout) == [str(tmp_path / "post_record.xlsx")]
    assert (tmp_path / "post_record.xlsx").read_bytes() == b"not a workbook"

    rebuilt = run("build_templates.py", "--out", str(tmp_path))
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert re.findall(r"wrote (\S+)", rebuilt.stdout) == [str(tmp_path / "post_record.xlsx")]
    for name in committed:
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), name


def ico_sizes(data: bytes) -> list[int]:
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1), "not an ICO file"
    sides = [struct.unpack_from("<BB", data, 6 + 16 * i) for i in range(count)]
    return [width or 256 for width, _height in sides]


def test_build_icons_renders_every_size_and_check_tells_a_changed_picture(tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    assert run("build_icons.py", "--check").returncode == 0  # the committed icons are current
    built = tmp_path / "built"
    done = run("build_icons.py", "--out", str(built))
    assert done.returncode == 0, done.stderr
    assert ico_sizes((built / "sns-desk.ico").read_bytes()) == [16, 24, 32, 48, 64, 128, 256]
    assert png_size((built / "sns-desk.png").read_bytes()) == (256, 256)
    fresh = QImage(str(built / "sns-desk.png")).convertToFormat(QImage.Format.Format_ARGB32)
    shipped = QImage(str(ICONS / "sns-desk.png")).convertToFormat(QImage.Format.Format_ARGB32)
    differences = [
        abs(a - b) for a, b in zip(bytes(fresh.constBits()), bytes(shipped.constBits()), strict=True)
    ]
    assert max(differences) <= 2, "the rendered icon is not the committed one"

    changed = tmp_path / "changed"
    changed.mkdir()
    shutil.copy(ICONS / "sns-desk.ico", changed / "sns-desk.ico")
    other = QImage(shipped)
    other.fill(QColor("#c00000"))  # a red square where the icon was
    assert other.save(str(changed / "sns-desk.png"))
    checked = run("build_icons.py", "--check", "--out", str(changed))
    assert checked.returncode == 1
    assert re.findall(r"out of date: (\S+)", checked.stdout) == [str(changed / "sns-desk.png")]


def test_build_manual_ships_the_pages_with_their_pictures_and_check_tells_a_stale_page(
    tmp_path: Path,
) -> None:
    assert run("build_manual.py", "--check").returncode == 0  # the shipped manual is current
    done = run("build_manual.py", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    troubles = (tmp_path / "05-troubles.md").read_text(encoding="utf-8")
    assert "](images/posts-5-delete.png)" in troubles and "../screenshots/" not in troubles
    assert png_size((tmp_path / "images" / "posts-5-delete.png").read_bytes())[0] > 300
    (tmp_path / "index.md").write_text("# 古い目次\n", encoding="utf-8")
    checked = run("build_manual.py", "--check", "--out", str(tmp_path))
    assert checked.returncode == 1 and f"out of date: {tmp_path / 'index.md'}" in checked.stdout


def test_build_forms_check_names_the_stale_and_missing_forms_and_writes_nothing(tmp_path: Path) -> None:
    for path in FORMS.glob("*.py"):
        shutil.copy(path, tmp_path / path.name)
    stale = tmp_path / "ui_posteditor.py"
    assert stale.exists()
    stale.write_text(stale.read_text(encoding="utf-8").replace("setupUi", "setup_ui"), encoding="utf-8")
    (tmp_path / "ui_firstrunwizard.py").unlink()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    checked = run("build_forms.py", "--check", "--out", str(tmp_path))
    assert checked.returncode == 1
    assert sorted(re.findall(r"out of date: (\S+)", checked.stdout)) == sorted(
        [str(stale), str(tmp_path / "ui_firstrunwizard.py")]
    )
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
