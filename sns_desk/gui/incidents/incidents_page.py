"""トラブル (§8) and 監視 (§9(2)): the list, each trouble's checklist with who and when, the escalation to the
アカウント責任者 (§4(1)イ), and the periodic monitoring records."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QHeaderView, QInputDialog, QWidget

from sns_desk.domain import monitoring_rules
from sns_desk.domain.permissions import Permission
from sns_desk.domain.policy import JST
from sns_desk.gui import style
from sns_desk.gui.forms.ui_incidentspage import Ui_IncidentsPage
from sns_desk.gui.help.section_links import SECTION_TIP, link_column
from sns_desk.gui.incidents.incident_dialog import IncidentDialog
from sns_desk.gui.incidents.monitoring_dialog import MonitoringDialog
from sns_desk.gui.shared.interaction import ask_reason, run_and_refresh, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, selected_row, show_list
from sns_desk.services import accounts, city_settings, incidents, monitoring
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

INCIDENT_COLUMNS: tuple[Column[incidents.IncidentRow], ...] = (
    Column("番号", lambda r: str(r.id)),
    Column(
        "状況",
        lambda r: r.status_label + ("（重大）" if r.serious and not r.closed_at else ""),  # red, and in words
        colour=lambda r: style.ERROR if r.serious and not r.closed_at else None,
    ),
    Column("種類", lambda r: r.type.label),
    Column("アカウント", lambda r: r.account),
    Column("件名", lambda r: r.title),
    Column("登録", lambda r: jst(r.opened_at)),
)


def _action_colour(action: incidents.ActionRow) -> str:
    if action.done:
        return style.OK
    return style.ERROR if action.required else style.WARNING


ACTION_COLUMNS: tuple[Column[incidents.ActionRow], ...] = (
    Column("対応", lambda a: a.label),
    Column("根拠", lambda a: a.section, tip=lambda _a: SECTION_TIP, colour=lambda _a: style.ACCENT),
    Column("必須", lambda a: "必須" if a.required else "必要に応じて"),
    Column("状況", lambda a: "済" if a.done else "未", colour=_action_colour),
    Column("記録者", lambda a: a.done_by),
    Column("日時", lambda a: jst(a.done_at)),
    Column("記録", lambda a: a.reference or f"（{a.hint}）"),
)


def _overdue(row: monitoring.MonitoringRow) -> str | None:
    return style.ERROR if row.overdue else None


def _state(row: monitoring.MonitoringRow) -> str:
    """Overdue and dormant in words (never by colour alone)."""
    parts = ["⚠ 確認の期限切れ" if row.overdue else "✓ 期限内"]
    if row.dormant:
        parts.append(f"⚠ 休眠（{row.dormant_days}日以上投稿なし）")
    return "　".join(parts)


def _result_colour(row: monitoring.MonitoringRow) -> str | None:
    return style.ERROR if row.last_problem else None


MONITORING_COLUMNS: tuple[Column[monitoring.MonitoringRow], ...] = (
    Column("アカウント", lambda r: r.account, colour=_overdue),
    Column("最終確認", lambda r: jst(r.last_checked, "%Y-%m-%d %H:%M") or "まだありません", colour=_overdue),
    Column("確認者", lambda r: r.last_by),
    Column("間隔", lambda r: f"{r.interval_days}日ごと", right=True),
    Column("結果", lambda r: r.result, colour=_result_colour),
    Column("最終投稿", lambda r: jst(r.last_post, "%Y-%m-%d") or "なし"),
    Column("状況", _state, colour=_overdue),
)


class IncidentsPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_IncidentsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.headerLabel.setStyleSheet(style.HEADER_STYLE)
        self.ui.splitter.setSizes([460, 740])
        self.model = TableModel(INCIDENT_COLUMNS, self)
        self.actions_model = TableModel(ACTION_COLUMNS, self)
        self.monitoring_model = TableModel(MONITORING_COLUMNS, self)
        show_list(self.ui.incidentsTable, self.model)
        show_list(self.ui.actionsTable, self.actions_model)
        link_column(self.ui.actionsTable, self.actions_model, 1, lambda a: a.section)
        show_list(self.ui.monitoringTable, self.monitoring_model)
        actions_header = self.ui.actionsTable.horizontalHeader()
        actions_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.ui.actionsTable.setColumnWidth(0, 230)
        self.ui.incidentsTable.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        self.ui.showClosedCheck.toggled.connect(lambda _c: self.refresh())
        self.ui.openButton.clicked.connect(self.open_incident)
        self.ui.recordButton.clicked.connect(self.record_action)
        self.ui.undoButton.clicked.connect(self.undo_action)
        self.ui.escalateButton.clicked.connect(self.escalate)
        self.ui.acknowledgeButton.clicked.connect(self.acknowledge)
        self.ui.closeButton.clicked.connect(self.close_incident)
        self.ui.monitorButton.clicked.connect(self.record_monitoring)
        self.ui.intervalButton.clicked.connect(self.set_interval)
        self.ui.dormantButton.clicked.connect(self.set_dormant_days)
        self.ui.monitoringTable.selectionModel().selectionChanged.connect(
            lambda *_: self._monitoring_buttons()
        )
        self.current: incidents.IncidentRow | None = None
        self.refresh()

    # -- lists

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.current.id if self.current else None)
        try:
            rows = incidents.list_incidents(
                self.db, self.actor, open_only=not self.ui.showClosedCheck.isChecked()
            )
            checked = monitoring.monitoring_status(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading incidents")
            return
        self.model.set_rows(rows)
        position = self.model.find(keep) if keep is not None else -1
        if rows:
            self.ui.incidentsTable.selectRow(max(position, 0))
        self.show_detail()
        self._fill_monitoring(checked)
        self.ui.openButton.setEnabled(
            any(
                accounts.may(self.db, self.actor, Permission.OPEN_INCIDENT, a.id)
                for a in accounts.list_accounts(self.db, self.actor)
            )
        )

    def _fill_monitoring(self, rows: list[monitoring.MonitoringRow]) -> None:
        self.monitoring_model.set_rows(rows)
        self.ui.dormantButton.setVisible(monitoring.may_set_dormant_days(self.db, self.actor))
        self._monitoring_buttons()

    def _monitoring_buttons(self) -> None:
        rows = self.monitoring_model.rows
        chosen = selected_row(self.ui.monitoringTable, self.monitoring_model)
        self.ui.monitorButton.setEnabled(any(r.may_record for r in rows))
        self.ui.intervalButton.setEnabled(
            chosen.may_set_interval if chosen else any(r.may_set_interval for r in rows)
        )

    # -- detail

    def show_detail(self) -> None:
        self.current = selected_row(self.ui.incidentsTable, self.model)
        row = self.current
        self.ui.detailPanel.setEnabled(row is not None)
        if row is None:
            self.ui.headerLabel.setText("トラブルはありません。")
            self.ui.descriptionLabel.clear()
            self.ui.escalationLabel.clear()
            self.actions_model.set_rows([])
            return
        serious = "　［重大］" if row.serious else ""
        self.ui.headerLabel.setText(
            f"{row.type.label}: {row.title}（{row.account}）　{row.status_label}{serious}"
        )
        self.ui.descriptionLabel.setText(
            f"登録: {row.opened_by} {row.opened_at.astimezone(JST):%Y-%m-%d %H:%M}\n{row.description}"
            + (
                f"\n完了: {row.closed_at.astimezone(JST):%Y-%m-%d %H:%M} {row.closing_note}"
                if row.closed_at
                else ""
            )
        )
        if row.serious and row.acknowledged_at:
            self.ui.escalationLabel.setText(
                f"アカウント責任者の指示（{row.acknowledged_by}、{row.acknowledged_at.astimezone(JST):%Y-%m-%d %H:%M}）: {row.acknowledgement}"
            )
            self.ui.escalationLabel.setStyleSheet("")
        elif row.serious:
            self.ui.escalationLabel.setText(
                "重大なトラブルとしてアカウント責任者へ報告済み。責任者の確認と指示を待っています（§4(1)イ）。"
            )
            self.ui.escalationLabel.setStyleSheet(style.STRONG_ERROR_STYLE)
        else:
            self.ui.escalationLabel.setText("")
        self.actions_model.set_rows(row.actions)
        self.ui.actionsTable.resizeRowsToContents()
        open_state = row.closed_at is None
        may_act = accounts.may(self.db, self.actor, Permission.OPEN_INCIDENT, row.account_id) and open_state
        self.ui.recordButton.setEnabled(may_act)
        self.ui.undoButton.setEnabled(may_act)
        self.ui.escalateButton.setEnabled(may_act and not row.serious)
        self.ui.acknowledgeButton.setVisible(
            row.serious and accounts.may(self.db, self.actor, Permission.RECEIVE_ESCALATION, row.account_id)
        )
        self.ui.acknowledgeButton.setEnabled(open_state and row.acknowledged_at is None)
        self.ui.closeButton.setEnabled(
            open_state and accounts.may(self.db, self.actor, Permission.LEAD_INCIDENT, row.account_id)
        )

    def selected_action(self) -> incidents.ActionRow | None:
        if self.current is None:
            return None
        chosen = selected_row(self.ui.actionsTable, self.actions_model)
        if chosen is not None:
            return chosen
        return next((a for a in self.current.actions if not a.done), None)

    # -- actions

    def _run(self, what: str, call: Callable[[], object]) -> bool:
        return run_and_refresh(self, what, call)

    def open_incident(self) -> None:
        dialog = IncidentDialog(self.db, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.incident_id is not None:
            self.refresh(dialog.incident_id)

    def record_action(self) -> None:
        action, row = self.selected_action(), self.current
        if action is None or row is None:
            return
        text, ok = QInputDialog.getText(self, "対応の記録", f"{action.label}\n記録（{action.hint}）:")
        if ok:
            self._run(
                "record action",
                lambda: incidents.record_action(self.db, self.actor, row.id, action.key, text),
            )

    def undo_action(self) -> None:
        action, row = self.selected_action(), self.current
        if action is not None and row is not None and action.done:
            self._run(
                "undo action",
                lambda: incidents.record_action(self.db, self.actor, row.id, action.key, done=False),
            )

    def escalate(self) -> None:
        if self.current is not None:
            row = self.current
            self._run("escalate", lambda: incidents.escalate(self.db, self.actor, row.id))

    def acknowledge(self) -> None:
        if self.current is None:
            return
        row = self.current
        text = ask_reason(
            self,
            "責任者としての確認",
            f"「{row.title}」について、対応の方針・指示を記入してください（§4(1)イ）:",
        )
        if text:
            self._run("acknowledge", lambda: incidents.acknowledge(self.db, self.actor, row.id, text))

    def close_incident(self) -> None:
        if self.current is None:
            return
        row = self.current
        text = ask_reason(self, "対応の完了", "対応の結果を記入してください:")
        if text:
            self._run(
                "close incident",
                lambda: incidents.close_incident(self.db, self.actor, row.id, row.version, text),
            )

    def _monitoring_row(
        self, allowed: Callable[[monitoring.MonitoringRow], bool]
    ) -> monitoring.MonitoringRow | None:
        """The chosen account, or the first one this person may act on."""
        chosen = selected_row(self.ui.monitoringTable, self.monitoring_model)
        candidates = [r for r in self.monitoring_model.rows if allowed(r)]
        return chosen if chosen is not None and allowed(chosen) else (candidates[0] if candidates else None)

    def record_monitoring(self) -> None:
        row = self._monitoring_row(lambda r: r.may_record)
        if row is None:
            return
        dialog = MonitoringDialog(row.account, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                "monitoring",
                lambda: monitoring.record_monitoring(
                    self.db, self.actor, row.account_id, dialog.note, problems_found=dialog.problems_found
                ),
            )

    def set_interval(self) -> None:
        row = self._monitoring_row(lambda r: r.may_set_interval)
        if row is None:
            return
        days, ok = QInputDialog.getInt(
            self,
            "確認の間隔",
            f"「{row.account}」を何日ごとに確認しますか（§9(2)）:",
            row.interval_days,
            monitoring_rules.INTERVAL_LOW,
            monitoring_rules.INTERVAL_HIGH,
        )
        if ok:
            self._run(
                "monitoring interval",
                lambda: monitoring.set_interval(self.db, self.actor, row.account_id, days),
            )

    def set_dormant_days(self) -> None:
        rows = self.monitoring_model.rows
        current = rows[0].dormant_days if rows else city_settings.DORMANT.default
        days, ok = QInputDialog.getInt(
            self,
            "休眠アカウントの基準",
            "何日投稿がなければ休眠アカウントとして知らせますか（§9(2)）:",
            current,
            city_settings.DORMANT.low,
            city_settings.DORMANT.high,
        )
        if ok:
            self._run("dormant days", lambda: city_settings.set_dormant_days(self.db, self.actor, days))
