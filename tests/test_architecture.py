"""The shape of the code: layers that import only downwards, no cycles, no Qt outside the GUI, forms current.

The layers, from the bottom (docs/architecture.md):

    domain    the vocabulary and every rule of the guideline: pure functions and data
    host      what this PC provides: folders, settings, the OS login, the OS keyring, the log
    store     databases, ORM models, the audit chain: the only SQL
    services  use cases: load the person, check, write, audit; and what a person may do now
    export    Excel workbooks
    cli, gui  the two front ends (neither imports the other)
    launch    the entry point that picks one of them

``sns_desk/__init__.py`` and ``sns_desk/resources`` (shipped data) may be imported by every layer.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sns_desk"

ORDER = ["domain", "host", "store", "services", "export"]
ALLOWED: dict[str, set[str]] = {layer: set(ORDER[: i + 1]) for i, layer in enumerate(ORDER)}
ALLOWED["cli"] = {*ORDER, "cli"}
ALLOWED["gui"] = {*ORDER, "gui"}
ALLOWED["launch"] = {"cli", "gui", "launch"}  # launch.py and __main__.py
EVERYONE = {"root", "resources"}
SQL_LIBRARIES = {"sqlalchemy", "alembic", "psycopg", "sqlite3"}


def _layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] in ("launch", "__main__"):
        return "launch"
    return parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts]


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports (top level or inside functions), as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            if node.module == "sns_desk" or node.module.startswith("sns_desk."):
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _internal_imports(path: Path) -> set[str]:
    """The sns_desk modules that ``path`` imports (a name imported from a module counts as that module)."""
    known = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    result = set()
    for name in _imports(path):
        if not name.startswith("sns_desk"):
            continue
        while name not in known and "." in name:
            name = name.rpartition(".")[0]
        result.add(name)
    return result


def test_every_layer_imports_only_the_layers_below_it() -> None:
    offenders = []
    for path in _sources():
        here = _layer(_module_name(path))
        if here in EVERYONE:
            allowed = EVERYONE
        else:
            assert here in ALLOWED, f"{path.relative_to(ROOT)} is in no known layer"
            allowed = ALLOWED[here] | EVERYONE
        for target in _internal_imports(path):
            if _layer(target) not in allowed:
                offenders.append(f"{_module_name(path)} ({here}) imports {target} ({_layer(target)})")
    assert offenders == []


def test_the_layer_check_notices_an_upward_import() -> None:
    assert _layer("sns_desk.domain.checks") == "domain"
    assert "store" not in ALLOWED["domain"]
    assert "gui" not in ALLOWED["cli"] and "cli" not in ALLOWED["gui"]


def test_no_import_cycle() -> None:
    graph = {_module_name(p): _internal_imports(p) for p in _sources()}
    # a package's __init__ is imported with each of its modules: not an edge back
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph.get(node, set())):
            if nxt == node or (node.startswith(nxt + ".") and nxt not in graph):
                continue
            if state.get(nxt) == 1:
                cycle.extend([*stack[stack.index(nxt) :], nxt] if nxt in stack else [node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*stack, nxt]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, [start]):
            break
    assert cycle == []


def test_only_the_store_writes_sql() -> None:
    """Services query through the ORM; raw SQL, drivers and Alembic live in the store; nothing above the
    services touches the database library at all."""
    offenders = []
    for path in _sources():
        layer = _layer(_module_name(path))
        if layer == "store":
            continue
        imported = _imports(path)
        libraries = {name.split(".")[0] for name in imported} & SQL_LIBRARIES
        source = path.read_text(encoding="utf-8")
        if layer == "services":
            raw = {"sqlite3", "psycopg", "alembic"} & libraries
            if (
                "sqlalchemy.text" in imported
                or "exec_driver_sql" in source
                or re.search(r"import.*\btext\b", source)
            ):
                raw.add("raw SQL text")
            if raw:
                offenders.append(f"{_module_name(path)}: {sorted(raw)}")
        elif libraries:
            offenders.append(f"{_module_name(path)}: {sorted(libraries)}")
    assert offenders == []


def test_no_two_modules_share_a_name() -> None:
    names = Counter(
        p.stem for p in _sources() if p.stem not in ("__init__", "__main__") and "forms" not in p.parts
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_nothing_outside_gui_imports_qt() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 10
    offenders = [
        str(p.relative_to(ROOT))
        for p in core
        if {n.split(".")[0] for n in _imports(p)} & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
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
