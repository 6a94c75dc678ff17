"""緊急停止 (issue 14, item 8) on the posts and approvals pages: a red banner while a stop is in force, the
scheduled posts it holds, and the switches this person may use (one per account, one for all accounts)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.gui import style
from sns_desk.gui.shared.interaction import ask_reason, run_and_refresh, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, jst, show_list
from sns_desk.services import emergency_stop
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.post_rows import PostRow

HELD_COLUMNS: tuple[Column[PostRow], ...] = (
    Column("番号", lambda r: str(r.id), right=True),
    Column("アカウント", lambda r: r.account),
    Column("予定日時", lambda r: jst(r.planned_at), colour=lambda _r: style.ERROR),
    Column("内容", lambda r: r.summary),
)
ALL = "全アカウント"


class EmergencyStopPanel(QFrame):
    """Re-read on :meth:`refresh`; emits ``changed`` after a stop or a release."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.state: emergency_stop.StopState | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName("緊急停止の状況")
        self.banner.setStyleSheet(style.STOP_BANNER_STYLE)
        layout.addWidget(self.banner)
        self.held_model: TableModel[PostRow] = TableModel(HELD_COLUMNS, self)
        self.held_table = QTableView()
        self.held_table.setObjectName("heldTable")
        self.held_table.setAccessibleName("緊急停止で止められている予約投稿")
        self.held_table.setMaximumHeight(130)
        show_list(self.held_table, self.held_model)
        layout.addWidget(self.held_table)
        buttons = QHBoxLayout()
        self.stop_button = QPushButton("緊急停止…")
        self.stop_button.setToolTip(
            "予約投稿を止めます。解除するまで予定の時刻が来ても投稿されません（§8(4), §5(9)）"
        )
        self.release_button = QPushButton("緊急停止を解除…")
        self.stop_button.clicked.connect(self.stop)
        self.release_button.clicked.connect(self.release)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.release_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)  # filled by the page's first refresh (one read at start, not two)

    def refresh(self) -> None:
        try:
            self.state = state = emergency_stop.state(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading emergency stops")
            return
        lines = [f"⚠ {stop.text}" for stop in state.stops]
        if state.stops:
            lines.append(
                f"止められている予約投稿: {len(state.held):,} 件（解除するまで投稿されません）"
                if state.held
                else "止められている予約投稿はありません。"
            )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(state.stops))
        self.held_model.set_rows(state.held)
        self.held_table.setVisible(bool(state.held))
        self.stop_button.setVisible(bool(self._stop_targets()))
        self.release_button.setVisible(bool(self._release_targets()))

    def _stop_targets(self) -> dict[str, int | None]:
        """What this person may stop now (not already stopped): label -> account id (None: every account)."""
        state = self.state
        if state is None:
            return {}
        targets: dict[str, int | None] = {}
        if state.may_stop_all and state.stop_of(None) is None:
            targets[ALL] = None
        for account_id, name in state.stoppable:
            if state.stop_of(account_id) is None:
                targets[f"{name}（番号 {account_id}）"] = account_id
        return targets

    def _release_targets(self) -> dict[str, int]:
        """The stops this person may release: label -> stop id."""
        state = self.state
        if state is None:
            return {}
        mine = {account_id for account_id, _name in state.stoppable}
        return {
            stop.text: stop.id
            for stop in state.stops
            if (state.may_stop_all if stop.account_id is None else stop.account_id in mine)
        }

    def _choose(self, title: str, prompt: str, labels: list[str]) -> str | None:
        if len(labels) == 1:
            return labels[0]
        label, ok = QInputDialog.getItem(self, title, prompt, labels, 0, False)
        return label if ok else None

    def stop(self) -> None:
        targets = self._stop_targets()
        label = self._choose("緊急停止", "止めるアカウント:", list(targets))
        if label is None:
            return
        reason = ask_reason(
            self,
            "緊急停止",
            f"「{label}」の予約投稿を止めます。解除するまで投稿されません。\n止める理由（記録されます）:",
        )
        if reason is None:
            return
        if run_and_refresh(
            self, "emergency stop", lambda: emergency_stop.stop(self.db, self.actor, targets[label], reason)
        ):
            self.changed.emit()

    def release(self) -> None:
        targets = self._release_targets()
        label = self._choose("緊急停止の解除", "解除する緊急停止:", list(targets))
        if label is None:
            return
        reason = ask_reason(
            self,
            "緊急停止の解除",
            "解除すると、止められていた予約投稿は予定の時刻から再び投稿されます。\n解除する理由（記録されます）:",
        )
        if reason is None:
            return
        if run_and_refresh(
            self,
            "emergency release",
            lambda: emergency_stop.release(self.db, self.actor, targets[label], reason),
        ):
            self.changed.emit()
