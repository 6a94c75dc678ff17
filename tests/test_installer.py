"""The installer: the frozen one-folder app is built by PyInstaller and smoke-tested (scripts/smoke_installer.py)."""

from __future__ import annotations

import ast
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from sns_desk import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.timeout(
    1200
)  # the build alone may take 15 minutes on a busy machine (its own limit below is 900 s)
def test_frozen_app_builds_and_passes_the_smoke_test(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "smoke_installer.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    print(done.stdout, done.stderr)
    assert done.returncode == 0, done.stderr
    assert f"ok  --version: SNS Desk {__version__}" in done.stdout
    assert "first window: FirstRunWizard" in done.stdout
    assert "first window: MainWindow" in done.stdout
    assert "smoke test passed" in done.stdout


def test_windows_icon_holds_every_size_up_to_256() -> None:
    data = (ROOT / "sns_desk" / "resources" / "icons" / "sns-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _planes, _bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_version_resource_is_filled_from_the_package_version() -> None:
    """build_installer.spec fills the template on Windows; here the filled text must be a valid VSVersionInfo call."""
    text = (ROOT / "sns_desk" / "resources" / "installer" / "version_info.txt").read_text(encoding="utf-8")
    numbers = (*(int(n) for n in __version__.split(".")[:3]), 0)
    filled = text.replace("{VERSION}", __version__).replace("{NUMBERS}", repr(numbers))
    tree = ast.parse(filled, mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert f"filevers={numbers!r}" in filled.replace("\n", "")
    assert f"StringStruct('ProductVersion', '{__version__}')" in filled
