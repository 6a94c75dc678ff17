"""ユーザー管理 (システム管理者): users, departments, global roles, contractor acknowledgement, CSV import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QInputDialog, QTreeWidgetItem, QWidget

from sns_desk.domain.errors import ValidationError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_userspage import Ui_UsersPage
from sns_desk.gui.shared.interaction import inform, run_with_progress, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row, show_filtered_list
from sns_desk.gui.users.department_dialog import DepartmentDialog
from sns_desk.gui.users.user_dialog import UserDialog
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

USER_COLUMNS: tuple[Column[users.UserRow], ...] = tuple(
    Column(header, text, tip=text)
    for header, text in (
        ("ログイン名", lambda r: r.login),
        ("氏名", lambda r: r.display_name),
        ("部署", lambda r: r.department),
        ("メール", lambda r: r.email),
        ("電話", lambda r: r.phone),
        ("役割", lambda r: r.roles_text()),
        ("状態", lambda r: "有効" if r.active else "無効"),
    )
)


class UsersPage(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_UsersPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.model = TableModel(USER_COLUMNS, self)
        self.proxy = show_filtered_list(self.ui.usersTable, self.model, self.ui.userFilterEdit)
        self.ui.departmentsTree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.ui.addUserButton.clicked.connect(self.add_user)
        self.ui.editUserButton.clicked.connect(self.edit_user)
        self.ui.usersTable.doubleClicked.connect(lambda _index: self.edit_user())
        self.ui.ackButton.clicked.connect(self.record_acknowledgement)
        self.ui.importButton.clicked.connect(self.import_csv)
        self.ui.templateButton.clicked.connect(self.save_template)
        self.ui.addDepartmentButton.clicked.connect(self.add_department)
        self.ui.usersTable.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.departments: list[users.DepartmentRow] = []
        self.refresh()

    # -- data

    def refresh(self) -> None:
        try:
            rows = users.list_users(self.db)
            self.departments = users.list_departments(self.db)
        except Exception as error:
            show_error(self, error, "loading users")
            return
        self.model.set_rows(rows)
        self._fill_departments(rows)
        self._update_buttons()

    def _fill_departments(self, rows: list[users.UserRow]) -> None:
        counts: dict[int, int] = {}
        for row in rows:
            if row.department_id is not None:
                counts[row.department_id] = counts.get(row.department_id, 0) + 1
        tree = self.ui.departmentsTree
        tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for dept in self.departments:
            if dept.parent_id is None:
                items[dept.id] = QTreeWidgetItem(tree, [dept.name, str(counts.get(dept.id, 0))])
        for dept in self.departments:
            if dept.parent_id is not None and dept.parent_id in items:
                QTreeWidgetItem(items[dept.parent_id], [dept.name, str(counts.get(dept.id, 0))])
        tree.expandAll()

    def selected_user(self) -> users.UserRow | None:
        return selected_row(self.ui.usersTable, self.model)

    def select_login(self, login: str) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == login:
                self.ui.usersTable.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.ui.editUserButton.setEnabled(user is not None)
        self.ui.ackButton.setEnabled(user is not None and user.is_contractor)

    # -- actions

    def add_user(self) -> None:
        dialog = UserDialog(self.db, self.actor, self.departments, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            login = dialog.ui.loginEdit.text().strip()
            self.refresh()
            self.select_login(login)

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        dialog = UserDialog(self.db, self.actor, self.departments, user, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.select_login(dialog.ui.loginEdit.text().strip())

    def record_acknowledgement(self) -> None:
        user = self.selected_user()
        if user is None or not user.is_contractor:
            return
        text, ok = QInputDialog.getText(
            self,
            "遵守確認の記録",
            f"{user.display_name} がガイドラインの遵守を確認した日（YYYY-MM-DD）:",
            text=date.today().isoformat(),
        )
        if not ok:
            return
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            show_error(self, ValidationError("日付は 2026-04-01 のように入力してください。"))
            return
        try:
            users.record_contractor_acknowledgement(self.db, self.actor, user.id, day)
        except Exception as error:
            show_error(self, error, "recording acknowledgement")
            return
        self.refresh()

    def import_csv(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "利用者の CSV を選ぶ", "", "CSV (*.csv);;すべて (*)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> users.ImportResult | None:
        try:
            result: users.ImportResult = run_with_progress(
                self,
                "利用者を取り込んでいます…",
                lambda _p, _c: users.import_users_csv(self.db, self.actor, path),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "importing users")
            return None
        self.refresh()
        inform(
            self,
            f"取り込みました。新規 {len(result.created)} 人、更新 {len(result.updated)} 人、"
            f"変更なし {len(result.unchanged)} 人。",
        )
        return result

    def save_template(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, "CSV の見本を保存", "利用者一覧.csv", "CSV (*.csv)")
        if not name:
            return
        try:
            Path(name).write_text(users.users_csv_template(), encoding="utf-8-sig")
        except OSError as error:
            show_error(self, ValidationError(f"保存できませんでした: {name}（{error.strerror}）"))

    def add_department(self) -> None:
        bureaus = [d for d in self.departments if d.parent_id is None]
        if DepartmentDialog(self.db, self.actor, bureaus, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
