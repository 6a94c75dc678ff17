"""Data shipped inside the package: rule files, report templates, icons.

Read through :func:`path`, which asks ``importlib.resources``, so a wheel, an editable install and the
PyInstaller bundle (which collects this folder as package data) all find the same files.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def path(*parts: str) -> Path:
    """The file ``parts`` below this folder, as a file-system path (openpyxl and Qt need one)."""
    return Path(str(files(__name__).joinpath(*parts)))
