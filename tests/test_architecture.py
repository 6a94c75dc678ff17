"""The shape of the code: the core never imports Qt; the generated forms match ui/*.ui."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sns_desk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_nothing_outside_gui_imports_qt() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 10
    offenders = [
        str(p.relative_to(ROOT)) for p in core if _imports(p) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
    ]
    assert offenders == []


def test_the_core_imports_without_qt_loaded() -> None:
    code = (
        "import sys, importlib, pkgutil, sns_desk\n"
        "for m in pkgutil.walk_packages(sns_desk.__path__, 'sns_desk.'):\n"
        "    if not any(p in m.name for p in ('.gui', '.migrations', '__main__')): importlib.import_module(m.name)\n"
        "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


def test_every_form_is_compiled_and_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_forms
    finally:
        sys.path.pop(0)
    ui_files = sorted((ROOT / "ui").glob("*.ui"))
    assert ui_files
    for ui_file in ui_files:
        target = build_forms.target_for(ui_file)
        assert target.exists(), f"{target} missing: run python scripts/build_forms.py"
        assert build_forms.normalise(target.read_text(encoding="utf-8")) == build_forms.normalise(
            build_forms.compile_form(ui_file)
        ), f"{target.name} is out of date with {ui_file.name}: run python scripts/build_forms.py"
    generated = {p.name for p in (PACKAGE / "gui" / "forms").glob("ui_*.py")}
    assert generated == {f"ui_{p.stem}.py" for p in ui_files}, "a generated form has no .ui any more"
