"""Compile the Qt Designer forms in ui/ into sns_desk/gui/forms/ (committed; a test checks they are current).

    python scripts/build_forms.py                  # write the generated modules that changed
    python scripts/build_forms.py --check          # exit 1 if any is out of date (writes nothing)
    python scripts/build_forms.py --out /tmp/forms # write them elsewhere

Lines that uic stamps with its own version do not count as a change.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from convention import ROOT, builder, write_or_check

UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "sns_desk" / "gui" / "forms"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def normalise(text: str) -> str:
    """Drop the lines uic stamps with its own version, so that a newer PySide6 does not count as a change."""
    return "\n".join(
        line
        for line in text.splitlines()
        if not line.startswith("##") and "Qt User Interface Compiler" not in line
    ).strip()


_IMPORT = re.compile(
    r"^from (PySide6\.\w+) import \(([^)]*)\)\n|^from (PySide6\.\w+) import ([^(\n]+)\n", re.MULTILINE
)


def drop_unused_imports(code: str) -> str:
    """uic imports some forty Qt names whatever the form uses; keep the ones the form refers to.

    PySide6 initialises a class the first time its name is imported, so the unused names cost start-up time
    (several milliseconds per form; the Qt namespace alone about 12 ms).
    """
    imports = list(_IMPORT.finditer(code))
    body = "\n".join(line for line in _IMPORT.sub("", code).splitlines() if not line.lstrip().startswith("#"))
    lines = []
    for match in imports:
        module = match.group(1) or match.group(3)
        names = [
            n.strip() for n in (match.group(2) or match.group(4)).replace("\n", " ").split(",") if n.strip()
        ]
        used = [n for n in names if re.search(rf"\b{re.escape(n)}\b", body)]
        if used:
            lines.append(f"from {module} import {', '.join(used)}")
    start = imports[0].start() if imports else 0
    return code[:start] + "\n".join(lines) + "\n" + _IMPORT.sub("", code[start:])


def compile_form(ui_file: Path) -> str:
    code = "import sys; from PySide6.scripts.pyside_tool import uic; sys.argv = ['uic'] + sys.argv[1:]; uic()"
    result = subprocess.run(
        [sys.executable, "-c", code, "--from-imports", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return drop_unused_imports(result.stdout)


def same_form(on_disk: bytes, built: bytes) -> bool:
    return normalise(on_disk.decode("utf-8")) == normalise(built.decode("utf-8"))


def main(argv: list[str]) -> int:
    args = builder(__doc__, FORMS_DIR, "the generated form modules").parse_args(argv)
    built = {"__init__.py": b'"""Generated from ui/*.ui by scripts/build_forms.py; do not edit."""\n'}
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        built[target_for(ui_file).name] = compile_form(ui_file).encode("utf-8")
    return write_or_check(args.out, built, args.check, same_form)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
