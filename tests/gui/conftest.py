from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractItemView, QMessageBox


class MessageBoxes:
    """Records what QMessageBox would have shown, and answers for the person (Vorta's habit)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def texts(self) -> str:
        return "\n".join(text for _kind, text in self.shown)


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[MessageBoxes]:
    boxes = MessageBoxes()

    def static(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            boxes.shown.append((kind, text))
            return boxes.answer if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def exec_(self: QMessageBox) -> int:
        boxes.shown.append(("box", self.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    yield boxes


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A message box nobody answers would hang the suite: record it and fail the test instead."""
    if "message_boxes" in request.fixturenames:
        yield
        return
    shown: list[str] = []

    def static(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append(f"{kind}: {text}")
            return QMessageBox.StandardButton.No if kind == "question" else QMessageBox.StandardButton.Ok

        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(f"box: {self.text()}") or 0)
    yield
    if shown:
        pytest.fail("unexpected message box(es): " + " | ".join(shown))


def cell(view: QAbstractItemView, row: int, column: int) -> str:
    """The text a list shows in one cell, as the person reads it."""
    return str(view.model().index(row, column).data())


def rows(view: QAbstractItemView) -> int:
    """How many rows a list shows."""
    return view.model().rowCount()
