"""The first-run wizard: where the data lives, then the person at the keyboard becomes the first administrator."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.gui import style
from sns_desk.gui.forms.ui_firstrunwizard import Ui_FirstRunWizard
from sns_desk.gui.shared.interaction import run_with_progress, show_error
from sns_desk.host import paths
from sns_desk.host.settings import Settings
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database, open_database
from sns_desk.store.locations import Location
from sns_desk.store.sqlite_files import inspect_file

log = logging.getLogger(__name__)

DB_FILENAME = "sns-desk.sqlite3"


class FirstRunWizard(QWizard):
    """On finish, ``database`` and ``actor`` are set (or the wizard stays open showing what went wrong)."""

    LOCATION_PAGE, PERSON_PAGE, CONFIRM_PAGE = 0, 1, 2

    def __init__(
        self, login: str, fixed_location: Location | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.login = login
        self.fixed_location = fixed_location
        self.ui = Ui_FirstRunWizard()
        self.ui.setupUi(self)
        self.setButtonText(QWizard.WizardButton.NextButton, "次へ(&N) >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< 戻る(&B)")
        self.setButtonText(QWizard.WizardButton.FinishButton, "完了(&F)")
        self.setButtonText(QWizard.WizardButton.CancelButton, "キャンセル")
        self.ui.loginValue.setText(login)
        self.ui.personError.setStyleSheet(style.ERROR_STYLE)
        self.database: Database | None = None
        self.actor: Actor | None = None
        self._existing = False
        if fixed_location is not None:
            self.ui.folderEdit.setText(str(fixed_location.path.parent if fixed_location.path else ""))
            self.ui.folderEdit.setVisible(False)
            self.ui.browseButton.setVisible(False)
            self.ui.locationStatus.setText(f"データベースのファイル: {fixed_location.display()}")
        self.ui.sharedRadio.toggled.connect(self._mode_changed)
        self.ui.folderEdit.textChanged.connect(lambda _t: self._inspect_folder())
        self.ui.browseButton.clicked.connect(self._browse)
        self.currentIdChanged.connect(self._page_shown)

    # -- the location page

    def shared(self) -> bool:
        return self.ui.sharedRadio.isChecked()

    def target_path(self) -> Path:
        if self.fixed_location is not None and self.fixed_location.path is not None:
            return self.fixed_location.path
        if self.shared():
            return Path(self.ui.folderEdit.text().strip()).expanduser() / DB_FILENAME
        return paths.default_database_path()

    def _mode_changed(self, shared: bool) -> None:
        if self.fixed_location is None:
            self.ui.folderEdit.setEnabled(shared)
            self.ui.browseButton.setEnabled(shared)
            if shared:
                self.ui.folderEdit.setFocus()
        self._inspect_folder()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "共有フォルダを選ぶ", self.ui.folderEdit.text())
        if folder:
            self.ui.folderEdit.setText(folder)

    def _set_status(self, text: str, ok: bool) -> None:
        self.ui.locationStatus.setText(text)
        self.ui.locationStatus.setStyleSheet(style.OK_STYLE if ok else style.ERROR_STYLE)

    def _inspect_folder(self) -> bool:
        """Check the chosen place; remember whether it already holds an SNS Desk database with users."""
        self._existing = False
        page = self.page(self.LOCATION_PAGE)
        try:
            if self.shared() and self.fixed_location is None:
                folder_text = self.ui.folderEdit.text().strip()
                if not folder_text:
                    self._set_status("共有フォルダを指定してください。", False)
                    return False
                folder = Path(folder_text).expanduser()
                if not folder.is_dir():
                    self._set_status(f"フォルダが見つかりません: {folder}", False)
                    return False
                if not os.access(folder, os.W_OK):
                    self._set_status(
                        f"このフォルダには書き込めません（アクセス権を確認してください）: {folder}", False
                    )
                    return False
            path = self.target_path()
            state = inspect_file(path)
            if state.exists and not state.is_new:
                self._existing = True
                self._set_status(
                    f"このフォルダには既に SNS Desk のデータがあります。「完了」でこのデータを使います: {path}",
                    True,
                )
            else:
                self._set_status(f"新しいデータベースを作成します: {path}", True)
            return True
        except SnsDeskError as error:
            self._set_status(error.message, False)
            return False
        finally:
            # An existing database ends the wizard here: "完了" instead of "次へ".
            page.setFinalPage(self._existing)
            page.completeChanged.emit()

    def nextId(self) -> int:
        if self.currentId() == self.LOCATION_PAGE and self._existing:
            return -1
        return super().nextId()

    # -- navigation

    def _page_shown(self, page_id: int) -> None:
        if page_id == self.LOCATION_PAGE:
            self._inspect_folder()
        elif page_id == self.PERSON_PAGE:
            self.ui.nameEdit.setFocus()
        elif page_id == self.CONFIRM_PAGE:
            mode = "共有フォルダ（複数の PC で共用）" if self.shared() else "この PC だけ"
            dept = " ".join(
                p for p in (self.ui.bureauEdit.text().strip(), self.ui.sectionEdit.text().strip()) if p
            )
            self.ui.summaryLabel.setStyleSheet("")
            self.ui.summaryLabel.setText(
                f"保存方式: {mode}\nデータベース: {self.target_path()}\n\n"
                f"最初のシステム管理者: {self.ui.nameEdit.text().strip()}（ログイン名 {self.login}）\n"
                f"所属: {dept}\nメール: {self.ui.emailEdit.text().strip() or '（なし）'}"
            )

    def validateCurrentPage(self) -> bool:
        page = self.currentId()
        if page == self.LOCATION_PAGE:
            return self._inspect_folder()
        if page == self.PERSON_PAGE:
            try:
                users.validate_person(
                    self.login, self.ui.nameEdit.text().strip(), self.ui.emailEdit.text().strip(), ""
                )
                if not self.ui.bureauEdit.text().strip():
                    raise ValidationError("所属の局（または局に準じる組織）を入力してください。")
            except SnsDeskError as error:
                self.ui.personError.setText(error.message)
                return False
            self.ui.personError.clear()
            return True
        return True

    # -- finishing

    def accept(self) -> None:
        path = self.target_path()
        try:
            if self._existing:
                self.database = run_with_progress(
                    self,
                    "データベースを開いています…",
                    lambda p, _c: open_database(path, progress=p),
                    cancellable=False,
                )
            else:
                self.database = run_with_progress(
                    self,
                    "データベースを作成しています…",
                    lambda p, _c: open_database(path, create=True, shared=self.shared(), progress=p),
                    cancellable=False,
                )
                if users.has_users(self.database):
                    self._existing = True
                else:
                    self.actor = users.bootstrap_first_admin(
                        self.database,
                        self.login,
                        self.ui.nameEdit.text(),
                        self.ui.bureauEdit.text(),
                        self.ui.sectionEdit.text(),
                        self.ui.emailEdit.text(),
                    )
        except SnsDeskError as error:
            log.warning("first-run setup failed: %s", error.log_message)
            if self.database is not None:
                self.database.dispose()
                self.database = None
            self.ui.summaryLabel.setText(error.message)
            self.ui.summaryLabel.setStyleSheet(style.ERROR_STYLE)
            if self.currentId() != self.CONFIRM_PAGE:
                self._set_status(error.message, False)
            return
        except Exception as error:
            show_error(self, error, "first-run setup")
            return
        if self.fixed_location is None:
            chosen = None if path == paths.default_database_path() else str(path)
            current = Settings.load()
            current.database = chosen
            current.save()
        log.info("first run complete: database %s (existing=%s)", path, self._existing)
        super().accept()
