"""Data shipped inside the package: rule files, report templates, icons.

Read through :func:`path`: a wheel, an editable install and the PyInstaller bundle (which collects this folder as
package data next to the package) all have this folder on disk beside this module, so the path is made from
``__file__``; only a package that is not on disk (a zip) asks ``importlib.resources``, which start-up should not
import (about 4 ms with inspect, tempfile and zipfile; the window's icon is read before it is shown; issue 17).
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent


def path(*parts: str) -> Path:
    """The file ``parts`` below this folder, as a file-system path (openpyxl and Qt need one)."""
    if _HERE.is_dir():
        return _HERE.joinpath(*parts)
    from importlib.resources import files

    return Path(str(files(__name__).joinpath(*parts)))
