"""What every script in scripts/ shares: the same options and the same way of comparing built files.

- ``--out``: where the script writes (a report file, a folder of images, the folder of built files); the default
  is the committed place, so README's commands regenerate what is committed.
- ``--quick``: the script's smallest meaningful form (what tests/test_scripts.py runs in CI), where there is one.
- ``--check`` (the builders): build in memory and compare with the files in ``--out`` instead of writing; exit 1
  naming each file that differs, so CI can tell that the committed output is current without touching the tree.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parser(doc: str | None, out: Path, out_help: str, quick: str | None = None) -> argparse.ArgumentParser:
    """An argument parser with the shared ``--out`` (and ``--quick`` when the script has a small form)."""
    result = argparse.ArgumentParser(
        description=(doc or "").strip(), formatter_class=argparse.RawDescriptionHelpFormatter
    )
    result.add_argument("--out", type=Path, default=out, help=f"{out_help} (default: {shown(out)})")
    if quick:
        result.add_argument("--quick", action="store_true", help=f"the smallest meaningful form: {quick}")
    return result


def builder(doc: str | None, out: Path, what: str) -> argparse.ArgumentParser:
    """The parser of a script that builds committed files: ``--out`` and ``--check``."""
    result = parser(doc, out, f"the folder to write {what} into")
    result.add_argument(
        "--check",
        action="store_true",
        help=f"write nothing; exit 1 if {what} in --out differ from what this script builds",
    )
    return result


def load_average() -> float | None:
    """The machine's 1-minute load average (None where the OS has none, as on Windows)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def machine_load(load: float | None) -> str:
    """``load`` against the machine's cores, for a report's "Run on" line: figures measured on a busy machine are
    slower than the code is."""
    if load is None:
        return "load average unknown"
    return f"load average {load:.1f} on {os.cpu_count()} cores when it started"


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def write_or_check(
    out: Path,
    built: Mapping[str, bytes],
    check: bool,
    same: Callable[[bytes, bytes], bool] = bytes.__eq__,
) -> int:
    """Write the files of ``built`` (name → content) that differ from those in ``out``; with ``check``, write
    nothing and exit 1 if any differs.

    ``same(on_disk, built)`` decides whether a file is current (exact bytes unless a builder says otherwise); a
    current file is left alone, so a rebuild changes nothing that has not changed.
    """
    stale = [
        name
        for name, data in built.items()
        if not (out / name).is_file() or not same((out / name).read_bytes(), data)
    ]
    if check:
        for name in stale:
            print(f"out of date: {shown(out / name)}")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for name in stale:
            (out / name).write_bytes(built[name])
            print("wrote", shown(out / name))
    if not stale:
        print(f"{len(built)} files in {shown(out)} are current")
    return 1 if check and stale else 0
