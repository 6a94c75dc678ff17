"""運用状況: 広報課's overview of every account by 局 and 課 (issue 17 item 4; §3(2), §4(1)イ, §9(2)).

Filters (局, 課, SNS, 状態, 要対応のみ) narrow the list the service answered; a click on a header sorts by that
column (numbers as numbers, dates as dates); 「Excel に出力」 writes the rows shown, through the export module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain.vocabulary import AccountStatus, Platform
from sns_desk.export import overview_workbook
from sns_desk.export.workbooks import ExportResult, default_filename
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import run_with_progress, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, show_list
from sns_desk.services import overview
from sns_desk.services.actors import Actor
from sns_desk.services.overview import OverviewFilter, OverviewRow
from sns_desk.store.database import Database

ALL = "（すべて）"
Index = QModelIndex | QPersistentModelIndex


def _date(value: datetime | None) -> str:
    return jst(value, "%Y/%m/%d")


COLUMNS: list[tuple[Column[OverviewRow], Callable[[OverviewRow], Any]]] = [
    (Column("局", lambda r: r.bureau), lambda r: r.bureau),
    (Column("課", lambda r: r.section), lambda r: r.section),
    (Column("SNS", lambda r: r.platform.label), lambda r: r.platform.label),
    (Column("アカウント", lambda r: r.name), lambda r: r.name),
    (
        Column(
            "状態",
            lambda r: r.status.label,
            colour=lambda r: style.WARNING if r.status is AccountStatus.SUSPENDED else None,
        ),
        lambda r: list(AccountStatus).index(r.status),
    ),
    (
        Column(
            "運用ポリシー",
            lambda r: f"第{r.policy_version}版" if r.policy_version else "なし",
            colour=lambda r: None if r.policy_version else style.MUTED,
        ),
        lambda r: r.policy_version or 0,
    ),
    (
        Column("最終投稿", lambda r: _date(r.last_post)),
        lambda r: r.last_post.timestamp() if r.last_post else 0,
    ),
    (Column("今月", lambda r: str(r.posts_this_month), right=True), lambda r: r.posts_this_month),
    (Column("前月", lambda r: str(r.posts_last_month), right=True), lambda r: r.posts_last_month),
    (
        Column(
            "最終監視",
            lambda r: _date(r.last_checked) + ("（期限切れ）" if r.monitoring_overdue else ""),
            tip=lambda r: (
                "§9(2) の監視がこのアカウントの間隔を過ぎています。" if r.monitoring_overdue else ""
            ),
            colour=lambda r: style.ERROR if r.monitoring_overdue else None,
        ),
        lambda r: (r.monitoring_overdue, -(r.last_checked.timestamp() if r.last_checked else 0)),
    ),
    (
        Column(
            "休眠",
            lambda r: "休眠" if r.dormant else "",
            tip=lambda r: "投稿のない日数が設定（広報課）を超えています（§9(2)）。" if r.dormant else "",
            colour=lambda r: style.WARNING if r.dormant else None,
        ),
        lambda r: r.dormant,
    ),
    (
        Column(
            "重大",
            lambda r: str(r.serious_open) if r.serious_open else "",
            tip=lambda r: "未解決の重大なトラブル（§4(1)イ）",
            colour=lambda r: style.ERROR if r.serious_open else None,
            right=True,
        ),
        lambda r: r.serious_open,
    ),
    (
        Column(
            "§3(2) 報告",
            lambda r: f"{'・'.join(r.unreported)} 未報告" if r.unreported else "",
            tip=lambda r: (
                "広報課への報告（§3(2)）がまだ送付・受理として記録されていません。" if r.unreported else ""
            ),
            colour=lambda r: style.WARNING if r.unreported else None,
        ),
        lambda r: len(r.unreported),
    ),
    (
        Column(
            "要対応",
            lambda r: "、".join(r.attention),
            tip=lambda r: "\n".join(r.attention),
            colour=lambda r: style.ERROR if r.attention else None,
        ),
        lambda r: len(r.attention),
    ),
]


class _Sorter(QSortFilterProxyModel):
    """Sorts by each column's own key (a number as a number, a date as a date), not by the text shown."""

    def __init__(self, model: TableModel[OverviewRow]) -> None:
        super().__init__()
        self.rows_model = model
        self.setSourceModel(model)

    def lessThan(self, left: Index, right: Index) -> bool:
        key = COLUMNS[left.column()][1]
        a = key(self.rows_model.row_at(left.row()))
        b = key(self.rows_model.row_at(right.row()))
        return bool(a < b)


class OverviewPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.data: overview.Overview | None = None
        layout = QVBoxLayout(self)
        title = QLabel("運用状況（全アカウント）")
        style.title(title)
        layout.addWidget(title)
        intro = QLabel(
            "各課のアカウントの運用状況です。監視の期限切れ（§9(2)）、未解決の重大なトラブル（§4(1)イ）、"
            "休眠（投稿のない日数が設定を超過）、承認済みの運用ポリシーがない運用中のアカウント、"
            "広報課への報告（§3(2)）の未記録を「要対応」として示します。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        filters = QHBoxLayout()
        self.bureau_combo = self._combo(filters, "局", "bureauCombo")
        self.section_combo = self._combo(filters, "課", "sectionCombo")
        self.platform_combo = self._combo(filters, "SNS", "platformCombo")
        for platform in Platform:
            self.platform_combo.addItem(platform.label, platform)
        self.status_combo = self._combo(filters, "状態", "statusCombo")
        for status in AccountStatus:
            self.status_combo.addItem(status.label, status)
        self.attention_check = QCheckBox("要対応のみ")
        self.attention_check.setObjectName("attentionCheck")
        self.attention_check.setToolTip("要対応の理由があるアカウントだけを表示します")
        self.attention_check.toggled.connect(self.apply_filter)
        filters.addWidget(self.attention_check)
        filters.addStretch(1)
        self.refresh_button = QPushButton("更新")
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.setToolTip("データベースから読み直します")
        self.refresh_button.clicked.connect(self.refresh)
        filters.addWidget(self.refresh_button)
        self.export_button = QPushButton("Excel に出力…")
        self.export_button.setObjectName("exportButton")
        self.export_button.setToolTip("表示中の行を Excel のファイルに出力します（出力の履歴に記録）")
        self.export_button.clicked.connect(self.export)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.model: TableModel[OverviewRow] = TableModel([column for column, _key in COLUMNS], self)
        self.sorter = _Sorter(self.model)
        self.table = QTableView()
        self.table.setObjectName("overviewTable")
        show_list(self.table, self.sorter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        self.refresh()

    def _combo(self, layout: QHBoxLayout, label: str, name: str) -> QComboBox:
        caption = QLabel(label)
        layout.addWidget(caption)
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setToolTip(f"{label}で絞り込みます")
        caption.setBuddy(combo)
        combo.addItem(ALL, None)
        combo.currentIndexChanged.connect(self.apply_filter)
        layout.addWidget(combo)
        return combo

    def refresh(self) -> None:
        try:
            self.data = overview.city_overview(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading the overview")
            return
        for combo, key in ((self.bureau_combo, "bureau"), (self.section_combo, "section")):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(ALL, None)
            for name in self.data.choices[key]:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> OverviewFilter:
        platform, status = self.platform_combo.currentData(), self.status_combo.currentData()
        return OverviewFilter(  # a combo's data comes back as a plain string: made the enum again here
            bureau=self.bureau_combo.currentData(),
            section=self.section_combo.currentData(),
            platform=Platform(platform) if platform else None,
            status=AccountStatus(status) if status else None,
            attention_only=self.attention_check.isChecked(),
        )

    def apply_filter(self) -> None:
        if self.data is None:
            return
        rows = self.data.filtered(self.current_filter())
        self.model.set_rows(rows)
        needing = sum(1 for row in rows if row.needs_attention)
        self.summary.setText(
            f"{len(rows)} アカウント（全 {len(self.data.rows)} 件中）・要対応 {needing} 件"
            f"・休眠は投稿なし {self.data.dormant_days} 日"
        )
        self.summary.setStyleSheet(style.STRONG_ERROR_STYLE if needing else style.OK_STYLE)

    def shown_rows(self) -> list[OverviewRow]:
        """The rows in the order the table shows them (after filtering and sorting)."""
        return [
            self.model.row_at(self.sorter.mapToSource(self.sorter.index(row, 0)).row())
            for row in range(self.sorter.rowCount())
        ]

    def export(self) -> ExportResult | None:
        name, _kind = QFileDialog.getSaveFileName(
            self, "運用状況の出力先", default_filename("overview"), "Excel (*.xlsx)"
        )
        if not name:
            return None
        dest = Path(name)
        # the file dialog has asked already whether an existing file may be replaced
        return self.export_to(dest, overwrite=dest.is_file())

    def export_to(self, dest: Path, *, overwrite: bool = False) -> ExportResult | None:
        flt = self.current_filter()
        try:
            result: ExportResult = run_with_progress(
                self,
                "運用状況を出力しています…",
                lambda _progress, _cancelled: overview_workbook.export_overview(
                    self.db, self.actor, dest, flt, overwrite=overwrite
                ),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "exporting the overview")
            return None
        self.summary.setText(f"{result.rows} アカウントを出力しました: {result.path}")
        self.summary.setStyleSheet(style.OK_STYLE)
        return result
