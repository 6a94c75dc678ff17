"""Ship the user manual: copy docs/manual/*.md and the screenshots they show into sns_desk/resources/manual/.

    python scripts/build_manual.py            # write what changed
    python scripts/build_manual.py --check    # exit 1 if the shipped copy is out of date (writes nothing)

docs/manual/ is where the manual is written (and read on GitHub, with its pictures from docs/screenshots/); the app
opens the copy in its package (ヘルプ → 使い方), whose pages show the same pictures from images/.
"""

from __future__ import annotations

import re
import sys

from convention import ROOT, builder, write_or_check

SOURCE = ROOT / "docs" / "manual"
SCREENSHOTS = ROOT / "docs" / "screenshots"
SHIPPED = ROOT / "sns_desk" / "resources" / "manual"
_PICTURE = re.compile(r"\]\(\.\./screenshots/([A-Za-z0-9._-]+\.png)\)")


def build() -> dict[str, bytes]:
    """The shipped files (name below SHIPPED → content)."""
    built: dict[str, bytes] = {}
    for page in sorted(SOURCE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        for name in _PICTURE.findall(text):
            built[f"images/{name}"] = (SCREENSHOTS / name).read_bytes()
        built[page.name] = _PICTURE.sub(r"](images/\1)", text).encode("utf-8")
    return built


def main(argv: list[str]) -> int:
    args = builder(__doc__, SHIPPED, "the shipped manual").parse_args(argv)
    if not args.check:
        (args.out / "images").mkdir(parents=True, exist_ok=True)
    return write_or_check(args.out, build(), args.check)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
