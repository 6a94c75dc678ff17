"""報告書: pick the report, the account or the period, export with progress and cancel, then open the folder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.export import workbooks as reports
from sns_desk.gui import style
from sns_desk.gui.forms.ui_reportspage import Ui_ReportsPage
from sns_desk.gui.reports.account_reports_panel import AccountReportsPanel
from sns_desk.gui.shared.interaction import Cancelled, confirm, run_with_progress, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, show_list
from sns_desk.services import accounts, incidents, report_queries, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

HISTORY_COLUMNS: tuple[Column[report_queries.ExportRow], ...] = (
    Column("日時", lambda r: jst(r.created_at, "%Y-%m-%d %H:%M")),
    Column("報告書", lambda r: r.label),
    Column("件数", lambda r: f"{r.rows:,}"),
    Column("作成者", lambda r: r.created_by),
    Column("ファイル", lambda r: r.filename),
    Column("SHA-256", lambda r: r.sha256[:16] + "…", tip=lambda r: r.sha256),
)


class ReportsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_ReportsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.city = users.may(db, actor, Permission.VIEW_CITY_WIDE)
        for kind, label in reports.KINDS.items():
            if kind not in ("account_list",) or self.city:
                self.ui.kindCombo.addItem(label, kind)
        for event in reports.EVENTS:
            self.ui.eventCombo.addItem(event, event)
        today = QDate.currentDate()
        self.ui.fromEdit.setDate(QDate(today.year(), today.month(), 1))
        self.ui.untilEdit.setDate(today)
        self.ui.folderEdit.setText(
            str(Path.home() / "Documents" if (Path.home() / "Documents").is_dir() else Path.home())
        )
        self.history_model = TableModel(HISTORY_COLUMNS, self)
        show_list(self.ui.historyTable, self.history_model)
        self.ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.openFolderButton.clicked.connect(self.open_folder)
        self.ui.openFolderButton.setEnabled(False)
        self.ui.actions.setStretch(2, 1)  # the result (a long path) gets the width
        self.last: reports.ExportResult | None = None
        self.tracking = AccountReportsPanel(db, actor, self)  # §3(2): what is still to be reported
        self.tracking.make.connect(self.prepare_account_report)
        self.ui.pageLayout.insertWidget(self.ui.pageLayout.indexOf(self.ui.formGroup), self.tracking)
        self.refresh()

    def refresh(self) -> None:
        current = self.ui.accountCombo.currentData()
        self.ui.accountCombo.clear()
        if self.city:
            self.ui.accountCombo.addItem("全庁（すべてのアカウント）", None)
        for account in accounts.reportable_accounts(self.db, self.actor):
            self.ui.accountCombo.addItem(f"{account.name}（{account.status.label}）", account.id)
        self.ui.accountCombo.setCurrentIndex(max(self.ui.accountCombo.findData(current), 0))
        self.ui.incidentCombo.clear()
        for incident in incidents.list_incidents(self.db, self.actor):
            if self.city or accounts.may(self.db, self.actor, Permission.LEAD_INCIDENT, incident.account_id):
                self.ui.incidentCombo.addItem(
                    f"{incident.id}: {incident.title}（{incident.status_label}）", incident.id
                )
        self._kind_changed()
        self._fill_history()
        if hasattr(self, "tracking"):
            self.tracking.refresh()

    def prepare_account_report(self, account_id: int, event: str) -> None:
        """The form set to the account report of ``event`` for ``account_id`` (from 広報課への報告)."""
        self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData("account_report"))
        self.ui.accountCombo.setCurrentIndex(max(0, self.ui.accountCombo.findData(account_id)))
        self.ui.eventCombo.setCurrentIndex(max(0, self.ui.eventCombo.findData(event)))
        self.ui.exportButton.setFocus()

    def kind(self) -> str:
        return str(self.ui.kindCombo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        ui = self.ui
        groups: tuple[tuple[tuple[QWidget, ...], bool], ...] = (
            ((ui.accountCombo, ui.accountLabel), kind != "account_list"),
            ((ui.eventCombo, ui.eventLabel, ui.remarksEdit, ui.remarksLabel), kind == "account_report"),
            ((ui.fromEdit, ui.untilEdit, ui.periodLabel), kind == "post_record"),
            ((ui.incidentCombo, ui.incidentLabel), kind == "incident_report"),
        )
        for widgets, enabled in groups:
            for widget in widgets:
                widget.setEnabled(enabled)
        if kind == "incident_report":
            self.ui.accountCombo.setEnabled(False)

    def _fill_history(self) -> None:
        self.history_model.set_rows(report_queries.list_exports(self.db, self.actor))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "保存先のフォルダ", self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(folder)

    def destination(self) -> Path:
        kind = self.kind()
        detail = ""
        if kind == "account_report":
            detail = f"{self.ui.accountCombo.currentText().split('（')[0]}_{self.ui.eventCombo.currentData()}"
        elif kind == "post_record":
            detail = f"{self.ui.fromEdit.date().toString('yyyyMMdd')}-{self.ui.untilEdit.date().toString('yyyyMMdd')}"
        elif kind == "incident_report":
            detail = f"{self.ui.incidentCombo.currentData()}"
        return Path(self.ui.folderEdit.text().strip()).expanduser() / reports.default_filename(kind, detail)

    def export(self) -> reports.ExportResult | None:
        kind, dest, reiwa = self.kind(), self.destination(), self.ui.reiwaCheck.isChecked()
        account_id = self.ui.accountCombo.currentData()
        incident_id = self.ui.incidentCombo.currentData()
        if kind == "incident_report" and incident_id is None:
            show_error(self, ValidationError("報告するトラブルを選んでください。"))
            return None
        if kind == "account_report" and account_id is None:
            show_error(self, ValidationError("報告するアカウントを選んでください。"))
            return None

        def qdate(edit_date: QDate) -> date:
            return date(edit_date.year(), edit_date.month(), edit_date.day())

        # an existing file is replaced only once the person said so (the workbooks refuse it otherwise)
        overwrite = dest.is_file()
        if overwrite and not confirm(
            self,
            f"同じ名前のファイルが既にあります。\n{dest}\n\n置き換えますか？（元のファイルは残りません）",
        ):
            self.ui.resultLabel.setText("出力しませんでした。既にあるファイルはそのままです。")
            return None
        start = pol.at_jst(qdate(self.ui.fromEdit.date()), time(0))
        end = pol.at_jst(qdate(self.ui.untilEdit.date()), time(23, 59, 59))

        def work(
            progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]
        ) -> reports.ExportResult:
            if kind == "account_report":
                return reports.export_account_report(
                    self.db,
                    self.actor,
                    account_id,
                    self.ui.eventCombo.currentData(),
                    dest,
                    reiwa=reiwa,
                    remarks=self.ui.remarksEdit.text(),
                    progress=progress,
                    overwrite=overwrite,
                )
            if kind == "account_list":
                return reports.export_account_list(
                    self.db, self.actor, dest, reiwa=reiwa, progress=progress, overwrite=overwrite
                )
            if kind == "incident_report":
                return reports.export_incident_report(
                    self.db,
                    self.actor,
                    incident_id,
                    dest,
                    reiwa=reiwa,
                    progress=progress,
                    overwrite=overwrite,
                )
            return reports.export_post_record(
                self.db,
                self.actor,
                start,
                end,
                dest,
                account_id=account_id,
                reiwa=reiwa,
                progress=progress,
                cancelled=cancelled,
                overwrite=overwrite,
            )

        try:
            result: reports.ExportResult = run_with_progress(self, "報告書を作成しています…", work)
        except (Cancelled, reports.ExportCancelled):
            self.ui.resultLabel.setText("出力を中止しました。ファイルは作成していません。")
            return None
        except Exception as error:
            show_error(self, error, "export")
            return None
        self.last = result
        self.ui.resultLabel.setText(f"出力しました: {result.path}（{result.rows:,} 件）")
        self.ui.openFolderButton.setEnabled(True)
        self._fill_history()
        if kind == "account_report":  # §3(2): making the workbook and recording it sent are one flow
            recorded = self.tracking.after_export(account_id, self.ui.eventCombo.currentData())
            if recorded:
                self.ui.resultLabel.setText(
                    self.ui.resultLabel.text() + f"　広報課への報告 {recorded} 件を送付済みにしました。"
                )
        return result

    def open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.path.parent)))
