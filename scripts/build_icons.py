"""Render the app icon (sns_desk/resources/icons/sns-desk.svg) into the formats the installer needs.

    QT_QPA_PLATFORM=offscreen python scripts/build_icons.py

- ``sns-desk.ico``: Windows icon with 16, 24, 32, 48, 64, 128 and 256 px images (PNG-compressed entries, which
  Windows has read since Vista); PyInstaller puts it into the .exe and the shortcut uses it.
- ``sns-desk.png``: 256 px, for Linux desktop files and the README.

The SVG is the source; the outputs are committed so a build needs no renderer.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "sns_desk" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per image, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "sns-desk.svg"))
    if not renderer.isValid():
        print("cannot read sns-desk.svg", file=sys.stderr)
        return 1
    images = {size: render_png(renderer, size) for size in SIZES}
    (ICONS / "sns-desk.ico").write_bytes(ico(images))
    (ICONS / "sns-desk.png").write_bytes(images[256])
    print("wrote", ICONS / "sns-desk.ico", "and", ICONS / "sns-desk.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
