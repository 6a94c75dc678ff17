"""The 下書き list's table as both of its pages show it: the page itself, and start-up's first look at it."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from sns_desk.gui.shared.item_models import PostsTableModel


def dress_posts_table(table: QTableView, model: PostsTableModel) -> None:
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    for column, width in ((0, 56), (1, 96), (2, 180), (4, 110), (5, 130), (6, 96)):
        table.setColumnWidth(column, width)


def count_text(shown: int, more: bool) -> str:
    return f"{shown:,} 件{'以上' if more else ''}"
