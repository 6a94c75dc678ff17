"""電子印鑑の鍵: the registered keys and whether a システム管理者 has certified them; certify one after checking
its fingerprint with its owner outside the database (issue 13)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from sns_desk.domain.policy import JST
from sns_desk.gui import style
from sns_desk.gui.forms.ui_signingkeysdialog import Ui_SigningKeysDialog
from sns_desk.gui.shared.interaction import confirm, inform, show_error
from sns_desk.gui.shared.item_models import Column, TableModel
from sns_desk.services import signing
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def _state(row: signing.KeyRow) -> str:
    if not row.certified:
        return "未認証"
    return "認証済み（信頼の起点）" if row.is_root else "認証済み"


COLUMNS: tuple[Column[signing.KeyRow], ...] = (
    Column("ログイン名", lambda r: r.login),
    Column("氏名", lambda r: r.display_name),
    Column("指紋", lambda r: r.fingerprint),
    Column("登録日時", lambda r: r.registered_at.astimezone(JST).strftime("%Y-%m-%d %H:%M")),
    Column("状態", _state, colour=lambda r: None if r.certified else style.ERROR),
)


class SigningKeysDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.ui = Ui_SigningKeysDialog()
        self.ui.setupUi(self)
        self.model: TableModel[signing.KeyRow] = TableModel(COLUMNS, self)
        self.ui.table.setModel(self.model)
        self.ui.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.ui.table.verticalHeader().setVisible(False)
        self.ui.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.ui.certifyButton.clicked.connect(self.certify_selected)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(signing.list_keys(self.db, self.actor))
        except Exception as error:
            show_error(self, error, "listing signing keys")
        self._enable()

    def selected(self) -> signing.KeyRow | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _enable(self) -> None:
        row = self.selected()
        self.ui.certifyButton.setEnabled(row is not None and not row.certified)

    def certify_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not confirm(
            self,
            f"{row.display_name}（{row.login}）の鍵を認証します。\n指紋: {row.fingerprint}\n\n"
            "本人の PC に表示される指紋と一致することを、口頭や電話などデータベースの外で確認しましたか？",
        ):
            return
        try:
            done = signing.certify(self.db, self.actor, row.login, row.fingerprint)
        except Exception as error:
            show_error(self, error, "certifying signing key")
            return
        inform(self, f"{row.login} の鍵（指紋 {'、'.join(done)}）を認証しました。")
        self.refresh()
