"""Render the app icon (sns_desk/resources/icons/sns-desk.svg) into the formats the installer needs.

    python scripts/build_icons.py                    # write sns-desk.ico and sns-desk.png next to the SVG
    python scripts/build_icons.py --check            # exit 1 if the committed files differ from a fresh render
    python scripts/build_icons.py --out /tmp/icons   # write them elsewhere

- ``sns-desk.ico``: Windows icon with 16, 24, 32, 48, 64, 128 and 256 px images (PNG-compressed entries, which
  Windows has read since Vista); PyInstaller puts it into the .exe and the shortcut uses it.
- ``sns-desk.png``: 256 px, for Linux desktop files and the README.

The SVG is the source; the outputs are committed so a build needs no renderer. It renders offscreen (no display
needed). ``--check`` compares the pictures, not the bytes: Qt versions round antialiased edges differently by a
level or two and compress PNGs differently, which is no change to the icon.
"""

from __future__ import annotations

import os
import struct
import sys

from convention import ROOT, builder, write_or_check

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = ROOT / "sns_desk" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
TOLERANCE = 2  # levels (of 255) per channel that a pixel may differ by and still be the same icon


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
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes str
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


def ico_images(data: bytes) -> dict[int, bytes]:
    """The PNG images of an ICO file written by ``ico`` (size → PNG data); empty if it is not one."""
    if len(data) < 6:
        return {}
    reserved, kind, count = struct.unpack_from("<HHH", data)
    if (reserved, kind) != (0, 1) or len(data) < 6 + 16 * count:
        return {}
    images = {}
    for index in range(count):
        side, _h, _c, _r, _p, _b, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        images[side or 256] = data[offset : offset + length]
    return images


def same_picture(first: bytes, second: bytes) -> bool:
    """Two PNGs show the same picture: same size, every channel of every pixel within TOLERANCE."""
    a, b = QImage.fromData(first), QImage.fromData(second)
    if a.isNull() or b.isNull() or a.size() != b.size():
        return False
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    return all(
        abs(x - y) <= TOLERANCE for x, y in zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
    )


def same_icon(on_disk: bytes, built: bytes) -> bool:
    if on_disk[:4] == b"\x89PNG":
        return same_picture(on_disk, built)
    disk_images, built_images = ico_images(on_disk), ico_images(built)
    return disk_images.keys() == built_images.keys() and all(
        same_picture(disk_images[size], built_images[size]) for size in built_images
    )


def main(argv: list[str]) -> int:
    args = builder(__doc__, ICONS, "sns-desk.ico and sns-desk.png").parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "sns-desk.svg"))
    if not renderer.isValid():
        print("cannot read sns-desk.svg", file=sys.stderr)
        return 1
    images = {size: render_png(renderer, size) for size in SIZES}
    built = {"sns-desk.ico": ico(images), "sns-desk.png": images[256]}
    return write_or_check(args.out, built, args.check, same_icon)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
