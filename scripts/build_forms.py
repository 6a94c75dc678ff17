"""Compile the Qt Designer forms in ui/ into sns_desk/gui/forms/ (committed; a test checks they are current).

python scripts/build_forms.py          # write the generated modules
python scripts/build_forms.py --check  # exit 1 if any is out of date
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def main(argv: list[str]) -> int:
    check = "--check" in argv
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    (FORMS_DIR / "__init__.py").write_text(
        '"""Generated from ui/*.ui by scripts/build_forms.py; do not edit."""\n'
    )
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        generated = compile_form(ui_file)
        target = target_for(ui_file)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if normalise(current) != normalise(generated):
            stale.append(target)
            if not check:
                target.write_text(generated, encoding="utf-8")
    if check and stale:
        print("out of date:", ", ".join(str(p.relative_to(ROOT)) for p in stale))
        return 1
    if not check:
        print(f"{len(list(UI_DIR.glob('*.ui')))} forms compiled into {FORMS_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
