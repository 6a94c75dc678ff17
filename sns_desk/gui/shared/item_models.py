"""Qt item models over the core's read functions (never a widget per row)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sns_desk.domain.policy import JST
from sns_desk.services.audit_log import AuditRow
from sns_desk.services.post_queries import PostRow

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows, with fixed column headers (the common part of the app's lists)."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def find(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def _row(self, index: Index) -> Any | None:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        return self._rows[index.row()]


class AuditTableModel(RowsModel):
    """The audit log, newest first, fetched a page at a time as the view scrolls."""

    HEADERS = ("番号", "日時", "操作者", "操作", "対象", "ID", "内容")
    PAGE = 500

    def __init__(self, fetch: Callable[[str, int | None, int], list[AuditRow]]) -> None:
        super().__init__()
        self._fetch = fetch
        self._rows: list[AuditRow] = []
        self._filter = ""
        self._exhausted = True

    def reload(self, text: str | None = None) -> None:
        if text is not None:
            self._filter = text
        self.beginResetModel()
        self._rows = self._fetch(self._filter, None, self.PAGE)
        self._exhausted = len(self._rows) < self.PAGE
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self._rows:
            return
        more = self._fetch(self._filter, self._rows[-1].seq, self.PAGE)
        self._exhausted = len(more) < self.PAGE
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.seq),
                row.at.strftime("%Y-%m-%d %H:%M:%S"),
                row.actor,
                row.action_label,
                row.entity,
                row.entity_id,
                row.payload_text,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return row.payload_text
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class UsersTableModel(RowsModel):
    HEADERS = ("ログイン名", "氏名", "部署", "メール", "電話", "役割", "状態")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                row.login,
                row.display_name,
                row.department,
                row.email,
                row.phone,
                row.roles_text(),
                "有効" if row.active else "無効",
            )[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class AccountsTableModel(RowsModel):
    HEADERS = ("種類", "アカウント名", "状態", "運用部署", "未対応の措置", "責任者", "管理者")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            open_text = f"{len(row.open_items)} 件" if row.open_items else "なし"
            if row.credential_due:
                open_text += "（パスワード変更時期）"
            return (
                row.platform.label,
                row.name,
                row.status.label,
                row.department,
                open_text,
                "、".join(row.responsible),
                "、".join(row.managers),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return "\n".join(row.open_items) or "すべて対応済み"
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == 4
            and (row.open_items or row.credential_due)
        ):
            return QColor("#b71c1c")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class PostsTableModel(RowsModel):
    """Posts, newest first, a page at a time."""

    HEADERS = ("番号", "状態", "アカウント", "件名・本文", "作成者", "予定", "更新")
    PAGE = 200

    def __init__(self, fetch: Callable[[int, int], list[PostRow]] | None = None) -> None:
        super().__init__()
        self._fetch = fetch
        self._rows: list[PostRow] = []
        self._exhausted = True

    def set_fetch(self, fetch: Callable[[int, int], list[PostRow]]) -> None:
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._fetch(0, self.PAGE) if self._fetch else []
        self._exhausted = len(self._rows) < self.PAGE
        self.endResetModel()

    def set_rows(self, rows: Sequence[PostRow]) -> None:
        self._fetch = None
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = True
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        more = self._fetch(len(self._rows), self.PAGE)
        self._exhausted = len(more) < self.PAGE
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            planned = row.planned_at.astimezone(JST).strftime("%m/%d %H:%M") if row.planned_at else ""
            if row.overdue():
                planned += "（期限切れ）"
            status = row.status.label + ("・緊急" if row.emergency else "")
            return (
                str(row.id),
                status,
                row.account,
                row.summary,
                row.author,
                planned,
                row.updated_at.astimezone(JST).strftime("%m/%d %H:%M"),
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return row.body[:500]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and row.overdue():
            return QColor("#b71c1c")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None
