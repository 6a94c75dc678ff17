"""予定: a month of planned and published posts."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import jpholiday
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QTableWidgetItem, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.gui.forms.ui_calendarpage import Ui_CalendarPage
from sns_desk.gui.shared.interaction import setup_table, show_error, style_title
from sns_desk.services import post_queries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class CalendarPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_CalendarPage()
        self.ui.setupUi(self)
        style_title(self.ui.titleLabel)
        self.ui.pageLayout.setStretch(1, 1)
        table = self.ui.dayTable
        setup_table(table, ["時刻", "状態", "アカウント", "内容"])
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
            holiday.setForeground(QBrush(QColor("#c62828")))
            holiday.setToolTip(_name)
            calendar.setDateTextFormat(QDate(day.year, day.month, day.day), holiday)
        self.by_day = {}
        for row in rows:
            when = row.published_at or row.planned_at
            if when is not None:
                self.by_day.setdefault(when.astimezone(pol.JST).date(), []).append(row)
        for day, items in self.by_day.items():
            fmt = calendar.dateTextFormat(QDate(day.year, day.month, day.day))
            fmt.setFontWeight(700)
            if any(r.overdue() for r in items):
                fmt.setForeground(QBrush(QColor("#7f0000")))
            elif any(r.status is PostStatus.PUBLISHED for r in items):
                fmt.setForeground(QBrush(QColor("#1f5fa8")))
            fmt.setToolTip(f"{len(items)} 件")
            calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        self.show_day()

    def show_day(self) -> None:
        selected = self.ui.calendar.selectedDate()
        day = date(selected.year(), selected.month(), selected.day())
        items = sorted(self.by_day.get(day, []), key=lambda r: r.published_at or r.planned_at)  # type: ignore[arg-type, return-value]
        self.ui.dayLabel.setText(f"{day:%Y年%m月%d日}（{pol.WEEKDAYS[day.weekday()]}）: {len(items)} 件")
        table = self.ui.dayTable
        table.setRowCount(len(items))
        for r, row in enumerate(items):
            when = (row.published_at or row.planned_at).astimezone(pol.JST).strftime("%H:%M")  # type: ignore[union-attr]
            status = row.status.label + ("（期限切れ）" if row.overdue() else "")
            for c, text in enumerate((when, status, row.account, row.summary)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                table.setItem(r, c, item)
