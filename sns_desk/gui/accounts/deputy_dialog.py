"""代決 (issue 14, item 6): the account's deputies with their periods, the 管理者's absence and the office's
setting that deputies may decide at any time; changed by the 管理者 or the 責任者, each change audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import policy as pol
from sns_desk.domain.permissions import Permission
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import run_and_refresh
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row, show_list
from sns_desk.services import accounts, deputies
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

COLUMNS: tuple[Column[deputies.DeputyRow], ...] = (
    Column("代決者", lambda r: f"{r.name}（{r.login}）"),
    Column("期間の始め", lambda r: f"{r.valid_from.astimezone(pol.JST):%Y-%m-%d %H:%M}"),
    Column(
        "期間の終わり",
        lambda r: f"{r.valid_until.astimezone(pol.JST):%Y-%m-%d %H:%M}",
        colour=lambda r: style.MUTED if r.valid_until < datetime.now(UTC) else None,
    ),
)


def _edit(moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class DeputyDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, account_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.account_id = db, actor, account_id
        self.setWindowTitle("代決者と管理者の不在")
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        note = QLabel(
            "代決者は、管理者が不在のあいだ（または所属の設定で常に）管理者に代わって投稿を承認・差戻しします。"
            "決定は代決者の電子印鑑で署名され、「代決」として記録されます（§5(1)）。"
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.absent_check = QCheckBox("管理者は不在（代決者が決定できる）")
        self.always_check = QCheckBox("代決者は管理者の在席中も決定できる（所属の設定）")
        layout.addWidget(self.absent_check)
        layout.addWidget(self.always_check)
        self.model: TableModel[deputies.DeputyRow] = TableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("deputiesTable")
        self.table.setAccessibleName("代決者の一覧")
        show_list(self.table, self.model)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.user_combo = QComboBox()
        self.user_combo.setAccessibleName("代決者に指定する人")
        now = datetime.now(UTC)
        self.from_edit, self.until_edit = _edit(now), _edit(now + timedelta(days=7))
        form.addRow("代決者（このアカウントの担当者）:", self.user_combo)
        form.addRow("期間の始め:", self.from_edit)
        form.addRow("期間の終わり:", self.until_edit)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("代決者に指定")
        self.remove_button = QPushButton("指定を取り消す")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        for member in accounts.list_members(db, actor, account_id):
            if self.user_combo.findData(member.login) < 0:
                self.user_combo.addItem(f"{member.display_name}（{member.login}）", member.login)
        self.may_change = accounts.may(db, actor, Permission.NAME_DEPUTIES, account_id)
        self.absent_check.clicked.connect(
            lambda on: self._run(
                "manager absence", lambda: deputies.set_manager_absent(db, actor, account_id, on)
            )
        )
        self.always_check.clicked.connect(
            lambda on: self._run(
                "deputies always", lambda: deputies.set_deputies_always(db, actor, account_id, on)
            )
        )
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.refresh()

    def _run(self, what: str, call: Callable[[], object]) -> None:
        run_and_refresh(self, what, call)

    def refresh(self) -> None:
        settings = deputies.settings(self.db, self.actor, self.account_id)
        self.absent_check.setChecked(settings.manager_absent)
        self.always_check.setChecked(settings.deputies_always)
        self.model.set_rows(settings.deputies)
        for widget in (self.absent_check, self.always_check, self.add_button, self.user_combo):
            widget.setEnabled(self.may_change)
        self.remove_button.setEnabled(self.may_change and bool(settings.deputies))

    def add(self) -> None:
        start = self.from_edit.dateTime().toSecsSinceEpoch()
        end = self.until_edit.dateTime().toSecsSinceEpoch()
        self._run(
            "name deputy",
            lambda: deputies.name_deputy(
                self.db,
                self.actor,
                self.account_id,
                self.user_combo.currentData(),
                datetime.fromtimestamp(start, UTC),
                datetime.fromtimestamp(end, UTC),
            ),
        )

    def remove(self) -> None:
        row = selected_row(self.table, self.model)
        if row is not None:
            self._run("remove deputy", lambda: deputies.remove_deputy(self.db, self.actor, row.id))
