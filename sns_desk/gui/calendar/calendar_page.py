"""予定: a month of planned and published posts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import jpholiday
from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QTextCharFormat
from PySide6.QtWidgets import QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.gui import style
from sns_desk.gui.forms.ui_calendarpage import Ui_CalendarPage
from sns_desk.gui.shared.interaction import show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, show_list
from sns_desk.services import post_queries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def _when(row: post_queries.PostRow) -> datetime | None:
    return row.published_at or row.planned_at


DAY_COLUMNS: tuple[Column[post_queries.PostRow], ...] = (
    Column("時刻", lambda r: jst(_when(r), "%H:%M")),
    Column("状態", lambda r: r.status.label + ("（期限切れ）" if r.overdue() else "")),
    Column("アカウント", lambda r: r.account),
    Column("内容", lambda r: r.summary),
)


class CalendarPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_CalendarPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.pageLayout.setStretch(1, 1)
        self.model = TableModel(DAY_COLUMNS, self)
        show_list(self.ui.dayTable, self.model)
        self.ui.legendLabel.setText(
            "太字: 予定・投稿のある日（青: 投稿済あり、濃い赤: 期限切れの予定あり）。赤字の日付は日曜・祝日です。"
        )
        self.by_day: dict[date, list[post_queries.PostRow]] = {}
        self.ui.calendar.currentPageChanged.connect(lambda year, month: self.load_month(year, month))
        self.ui.calendar.selectionChanged.connect(self.show_day)
        today = QDate.currentDate()
        self.load_month(today.year(), today.month())

    def refresh(self) -> None:
        self.load_month(self.ui.calendar.yearShown(), self.ui.calendar.monthShown())

    def load_month(self, year: int, month: int) -> None:
        start = datetime(year, month, 1, tzinfo=pol.JST) - timedelta(days=7)
        end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=pol.JST) + timedelta(days=7)
        try:
            rows = post_queries.calendar(self.db, self.actor, start, end)
        except Exception as error:
            show_error(self, error, "loading calendar")
            return
        calendar = self.ui.calendar
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format
        for day, _name in jpholiday.month_holidays(
            year, month
        ):  # national holidays in red, as on a wall calendar
            holiday = QTextCharFormat()
            holiday.setForeground(QBrush(style.colour(style.HOLIDAY)))
            holiday.setToolTip(_name)
            calendar.setDateTextFormat(QDate(day.year, day.month, day.day), holiday)
        self.by_day = {}
        for row in rows:
            when = _when(row)
            if when is not None:
                self.by_day.setdefault(when.astimezone(pol.JST).date(), []).append(row)
        for day, items in self.by_day.items():
            fmt = calendar.dateTextFormat(QDate(day.year, day.month, day.day))
            fmt.setFontWeight(700)
            overdue = sum(1 for r in items if r.overdue())
            published = sum(1 for r in items if r.status is PostStatus.PUBLISHED)
            if overdue:  # in words and underlined too, not by the colour alone
                fmt.setForeground(QBrush(style.colour(style.OVERDUE_DAY)))
                fmt.setFontUnderline(True)
            elif published:
                fmt.setForeground(QBrush(style.colour(style.ACCENT)))
            fmt.setToolTip(_day_summary(len(items), overdue, published))
            calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        self.show_day()

    def show_day(self) -> None:
        selected = self.ui.calendar.selectedDate()
        day = date(selected.year(), selected.month(), selected.day())
        items = sorted(
            self.by_day.get(day, []), key=lambda r: _when(r) or datetime.min.replace(tzinfo=pol.JST)
        )
        self.ui.dayLabel.setText(f"{day:%Y年%m月%d日}（{pol.WEEKDAYS[day.weekday()]}）: {len(items)} 件")
        self.model.set_rows(items)


def _day_summary(count: int, overdue: int, published: int) -> str:
    """What a marked day holds, in words (its colour says the same for those who can tell colours apart)."""
    parts = [
        f"期限切れ {overdue} 件（下線）" if overdue else "",
        f"投稿済 {published} 件" if published else "",
    ]
    detail = "、".join(p for p in parts if p)
    return f"{count} 件" + (f"（{detail}）" if detail else "")
