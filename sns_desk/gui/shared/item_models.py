"""One table-model idiom for every list in the app: a read-only model described by its columns.

A list is ``TableModel(columns)`` over the rows a service returns (never a widget per row).  Each
:class:`Column` says what the cell shows and, optionally, its tooltip, its colour (from :mod:`sns_desk.gui.style`)
and its alignment.  Long lists are fetched a page at a time as the view scrolls (:meth:`TableModel.set_source`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView

from sns_desk.domain.japan_time import JST
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.gui import style
from sns_desk.store.post_rows import PAGE_SIZE, PostRow

if (
    TYPE_CHECKING
):  # the posts' list is start-up's first page: this module imports no SQLAlchemy (issue 17, ready)
    from sns_desk.services.audit_log import AuditRow

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
_ROOT = QModelIndex()


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a list: its header and how a row shows in it."""

    header: str
    text: Callable[[R], str]
    tip: Callable[[R], str] | None = None
    colour: Callable[[R], str | None] | None = None  # one of the colours of sns_desk.gui.style, or None
    right: bool = False  # numbers are aligned to the right
    edit: Callable[[R, str], None] | None = None  # a cell the person may type into: what to do with the text
    editable: Callable[[R], bool] | None = None  # which rows' cells may be typed into (all, if edit is given)


class TableModel(QAbstractTableModel, Generic[R]):
    """A table over a list of rows, described by its columns (read-only but for columns with ``edit``).

    ``set_rows`` shows a whole list; ``set_source(more, page)`` shows a long one a page at a time, where
    ``more(loaded)`` returns the next page after the rows loaded so far (``page`` rows, fewer at the end).
    Display, tooltip, colour and alignment come from the columns; ``UserRole`` is the row's ``id``.
    """

    def __init__(self, columns: Sequence[Column[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[R] = []
        self._more: Callable[[Sequence[R]], list[R]] | None = None
        self._page = 0
        self._exhausted = True

    # -- filling

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._more = None
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def set_source(self, more: Callable[[Sequence[R]], list[R]], page: int) -> None:
        self._more = more
        self._page = page
        self.reload()

    def reload(self) -> None:
        """Read the first page again (a list set with ``set_rows`` stays as it is)."""
        if self._more is None:
            return
        first = self._more([])
        self.beginResetModel()
        self._rows = first
        self._exhausted = len(first) < self._page
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted and self._more is not None

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self._exhausted or self._more is None:
            return
        more = self._more(self._rows)
        self._exhausted = len(more) < self._page
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # -- reading

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def find(self, row_id: int) -> int:
        """The position of the row whose ``id`` is ``row_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    # -- QAbstractTableModel

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].header
        return None

    def _editable(self, index: Index) -> Column[R] | None:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        column = self.columns[index.column()]
        row = self._rows[index.row()]
        if column.edit is None or (column.editable is not None and not column.editable(row)):
            return None
        return column

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self._editable(index) is not None else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self._editable(index)
        if column is None or column.edit is None or role != Qt.ItemDataRole.EditRole:
            return False
        column.edit(self._rows[index.row()], str(value))
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            name = column.colour(row)
            return style.colour(name) if name else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return getattr(row, "id", None)
        return None


def show_list(view: QTableView, model: QAbstractItemModel, *, stretch_last: bool = True) -> None:
    """A list as the app shows them: this model, no row numbers, columns fitted to their text, the last stretched."""
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)


def selected_row(view: QTableView, model: TableModel[R]) -> R | None:
    """The row of ``model`` selected in ``view`` (directly or through a proxy), or None."""
    indexes = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not indexes:
        return None
    index = indexes[0]
    proxy = view.model()
    if isinstance(proxy, QAbstractProxyModel):
        index = proxy.mapToSource(index)
    return model.row_at(index.row()) if 0 <= index.row() < model.rowCount() else None


def jst(value: Any, fmt: str = "%m/%d %H:%M") -> str:
    """A stored time as people read it here (JST), or "" when there is none."""
    return value.astimezone(JST).strftime(fmt) if value else ""


# -- the app's long lists


class AuditTableModel(TableModel["AuditRow"]):
    """The audit log, newest first, fetched a page at a time as the view scrolls."""

    PAGE = 500

    def __init__(self, fetch: Callable[[str, int | None, int], list[AuditRow]]) -> None:
        super().__init__(
            (
                Column("番号", lambda r: str(r.seq), right=True),
                Column("日時", lambda r: r.at.strftime("%Y-%m-%d %H:%M:%S")),
                Column("操作者", lambda r: r.actor),
                Column("操作", lambda r: r.action_label),
                Column("対象", lambda r: r.entity),
                Column("ID", lambda r: r.entity_id),
                Column("内容", lambda r: r.payload_text, tip=lambda r: r.payload_text),
            )
        )
        self._fetch = fetch
        self._filter = ""
        self._more = self._next_page

    def _next_page(self, loaded: Sequence[AuditRow]) -> list[AuditRow]:
        return self._fetch(self._filter, loaded[-1].seq if loaded else None, self.PAGE)

    def reload(self, text: str | None = None) -> None:
        if text is not None:
            self._filter = text
        self._page = self.PAGE
        super().reload()


class PostsTableModel(TableModel[PostRow]):
    """Posts, newest first: a page at a time from ``fetch(last row loaded or None, limit)``, or a given list."""

    PAGE = PAGE_SIZE

    def __init__(self) -> None:
        super().__init__(
            (
                Column("番号", lambda r: str(r.id)),
                Column(
                    "状態",
                    lambda r: (
                        ("⚠ " if r.status is PostStatus.AFTER_PENDING else "")
                        + r.status.label
                        + ("・緊急" if r.emergency else "")
                    ),
                    colour=lambda r: style.ERROR if r.status is PostStatus.AFTER_PENDING else None,
                    tip=lambda r: (
                        "承認の前に投稿された緊急の投稿です。事後承認してください（§5(9)）。"
                        if r.status is PostStatus.AFTER_PENDING
                        else ""
                    ),
                ),
                Column("アカウント", lambda r: r.account),
                Column("件名・本文", lambda r: r.summary, tip=lambda r: r.body[:500]),
                Column("作成者", lambda r: r.author),
                Column(
                    "予定",
                    lambda r: jst(r.planned_at) + ("（期限切れ）" if r.overdue() else ""),
                    colour=lambda r: style.ERROR if r.overdue() else None,
                ),
                Column("更新", lambda r: jst(r.updated_at)),
            )
        )

    def set_fetch(self, fetch: Callable[[PostRow | None, int], list[PostRow]]) -> None:
        self.set_source(lambda loaded: fetch(loaded[-1] if loaded else None, self.PAGE), self.PAGE)


def show_filtered_list(
    view: QTableView, model: QAbstractTableModel, edit: QLineEdit
) -> QSortFilterProxyModel:
    """A list narrowed, as the person types into ``edit``, to the rows with that text in any column."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    show_list(view, proxy)
    edit.textChanged.connect(proxy.setFilterFixedString)
    return proxy
