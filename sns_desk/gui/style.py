"""Colours and fonts of the app, in one place: every page takes its look from here, never from inline values."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication, QWidget

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
LINE_CHAT_BACKGROUND = "#8cabd9"  # LINE's talk room, behind the bubble
LINE_BUBBLE = "#ffffff"
PREVIEW_IMAGE = "#e8e8e8"  # where a platform would show an image
IMAGE_CHANGE_BORDER = {"same": "#cccccc", "added": OK, "removed": ERROR, "changed": WARNING}

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


# the guideline viewer (ヘルプ)
GUIDELINE_FOCUS = "#fff4c2"  # the background of the section a citation opened
GUIDELINE_NOTE = MUTED


# -- the text size (設定 → 文字の大きさ): the OS's font, enlarged for the whole application

_os_font_points: list[float] = []  # the application font the OS gave, read once before any change
_SIZED = {  # the style sheets that name a size, and their size at 100 %
    "TITLE_STYLE": ("font-size: {}pt; font-weight: bold;", 16.0),
    "DIALOG_TITLE_STYLE": ("font-size: {}pt; font-weight: bold;", 15.0),
    "HEADER_STYLE": ("font-size: {}pt; font-weight: bold;", 12.0),
    "LARGE_HEADER_STYLE": ("font-size: {}pt; font-weight: bold;", 13.0),
    "LOADING_STYLE": (f"color: {MUTED}; font-size: {{}}pt; qproperty-alignment: AlignCenter;", 12.0),
    "NAVIGATION_STYLE": (
        NAVIGATION_STYLE.replace("{", "{{").replace("}", "}}").replace("11pt", "{}pt"),
        11.0,
    ),
}


def apply_font_scale(app: QApplication, percent: int) -> None:
    """Make every text ``percent`` % of the size the OS sets (100: exactly the OS's), at once: the application
    font, and the titles and headers styled here, in the windows already open and those opened afterwards."""
    font = app.font()
    if not _os_font_points:
        _os_font_points.append(font.pointSizeF() if font.pointSizeF() > 0 else 9.0)
    font.setPointSizeF(round(_os_font_points[0] * percent / 100, 1))
    app.setFont(font)
    resized: dict[str, str] = {}  # each sized sheet as it was → as it is now
    for name, (sheet, points) in _SIZED.items():
        resized[globals()[name]] = sheet.format(round(points * percent / 100, 1))
        globals()[name] = resized[globals()[name]]
    for widget in app.allWidgets():
        if widget.styleSheet() in resized:
            widget.setStyleSheet(resized[widget.styleSheet()])


def font_points() -> float:
    """The size of the application's text now, in points."""
    from PySide6.QtWidgets import QApplication

    return QApplication.font().pointSizeF()
