"""Colours and fonts of the app, in one place: every page takes its look from here, never from inline values."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QWidget

# colours, by meaning
ERROR = "#b71c1c"  # refused, missing, overdue
WARNING = "#8a4b00"  # a caution the person may accept with a reason
OK = "#1b5e20"  # done, verified
MUTED = "#555555"  # waiting, secondary text
ACCENT = "#1f5fa8"  # the app's blue: the selected page, published days
HOLIDAY = "#c62828"  # Sundays and national holidays, as on a wall calendar
OVERDUE_DAY = "#7f0000"  # a day with an overdue plan
DIFF_ADDED = ("#e6ffec", OK)  # background, text
DIFF_REMOVED = ("#ffebe9", ERROR)
DIFF_CONTEXT = "#6a737d"
NAV_BACKGROUND = "#f3f5f8"
ERROR_HIGHLIGHT = "#ffd6d6"  # the background of text a finding points at
WARNING_HIGHLIGHT = "#fff1c2"
WARNING_UNDERLINE = "#c77700"
LINK = "#1d9bf0"  # links and mentions in the platform preview
SEALED = "#2e7d32"  # a decision whose 電子印鑑 verified
PREVIEW_BORDER = "#cccccc"  # the card the platform preview is drawn in
PREVIEW_NOTE = "#666666"

# style sheets, by role
ERROR_STYLE = f"color: {ERROR};"
WARNING_STYLE = f"color: {WARNING};"
OK_STYLE = f"color: {OK};"
STRONG_ERROR_STYLE = f"color: {ERROR}; font-weight: bold;"
STRONG_OK_STYLE = f"color: {OK}; font-weight: bold;"
STRONG_WARNING_STYLE = f"color: {WARNING}; font-weight: bold;"
TITLE_STYLE = "font-size: 16pt; font-weight: bold;"  # the large title every page has
DIALOG_TITLE_STYLE = "font-size: 15pt; font-weight: bold;"
HEADER_STYLE = "font-size: 12pt; font-weight: bold;"  # the selected item above a detail panel
LARGE_HEADER_STYLE = "font-size: 13pt; font-weight: bold;"
# 緊急停止: the banner on the posts and approvals pages while scheduled posts are held
STOP_BANNER_STYLE = (
    f"background: {ERROR_HIGHLIGHT}; color: {ERROR}; font-size: 12pt; font-weight: bold;"
    f" border: 2px solid {ERROR}; border-radius: 4px; padding: 8px;"
)
LOADING_STYLE = f"color: {MUTED}; font-size: 12pt; qproperty-alignment: AlignCenter;"
NAVIGATION_STYLE = (
    f"QListWidget {{ background: {NAV_BACKGROUND}; font-size: 11pt; padding-top: 8px; }}"
    "QListWidget::item { padding: 8px 10px; }"
    f"QListWidget::item:selected {{ background: {ACCENT}; color: white; }}"
)


def colour(name: str) -> QColor:
    """A colour above as a QColor (for item models and text formats)."""
    from PySide6.QtGui import QColor

    return QColor(name)


def title(label: QWidget) -> None:
    """The large page title every screen has."""
    label.setStyleSheet(TITLE_STYLE)


def diff_html(diff: str) -> str:
    """A unified diff with removed lines red and added lines green, as people expect to read one."""
    from html import escape

    lines = []
    for line in diff.splitlines():
        style = ""
        if line.startswith("+") and not line.startswith("+++"):
            style = "background:{};color:{};".format(*DIFF_ADDED)
        elif line.startswith("-") and not line.startswith("---"):
            style = "background:{};color:{};".format(*DIFF_REMOVED)
        elif line.startswith("@@"):
            style = f"color:{DIFF_CONTEXT};"
        lines.append(f'<div style="{style}white-space:pre-wrap;">{escape(line) or "&nbsp;"}</div>')
    return "".join(lines)
