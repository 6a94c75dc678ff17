"""The post editor: the body with live guideline checks highlighted as you type, the platform's counter, the
operating-hours indicator, the §6 self-check, images, a preview, and the workflow buttons."""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDateTime, Qt, QTimer, QTimeZone
from PySide6.QtGui import QIcon, QImage, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.domain.hours import HoursState, HoursVerdict
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import Platform, PostStatus
from sns_desk.domain.workflow import Allowed, PostAction, changes_status
from sns_desk.gui import style
from sns_desk.gui.forms.ui_posteditor import Ui_PostEditor
from sns_desk.gui.help.section_links import (
    SECTION_TIP,
    link_browser,
    link_column,
    link_label,
    linked_html,
    section_text,
)
from sns_desk.gui.posts.publish_dialog import PublishDialog
from sns_desk.gui.posts.scope_fill_dialog import ScopeFillDialog
from sns_desk.gui.shared.interaction import confirm, show_error
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row, show_list
from sns_desk.gui.style import ERROR, WARNING
from sns_desk.services import (
    post_attachments,
    post_drafts,
    post_queries,
    post_scopes,
    post_workflow,
    publishing,
)
from sns_desk.services.actors import Actor
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database

ERROR_COLOR = style.colour(style.ERROR_HIGHLIGHT)
WARNING_COLOR = style.colour(style.WARNING_HIGHLIGHT)
HOURS_STYLES = {
    HoursState.NO_TIME: "",
    HoursState.NO_POLICY: style.WARNING_STYLE,
    HoursState.WITHIN: style.STRONG_OK_STYLE,
    HoursState.EMERGENCY: style.STRONG_WARNING_STYLE,
    HoursState.OUTSIDE: style.STRONG_ERROR_STYLE,
}


class PostEditor(QDialog):
    def __init__(
        self,
        db: Database,
        actor: Actor,
        post_id: int | None = None,
        account_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.post_id = db, actor, post_id
        self.ui = Ui_PostEditor()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.ui.splitter.setSizes([640, 560])
        self.ui.dialogLayout.setStretch(1, 1)  # the text and the checks take the height
        self.ui.leftLayout.setStretch(2, 1)  # ... and within the left side, the body
        self.ui.counterLabel.setWordWrap(False)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.ui.statusLabel.setStyleSheet(style.HEADER_STYLE)
        self.findings: list[checks.Finding] = []
        self.reasons: dict[str, str] = {}
        self.image_note = ""  # what the platform will not take of the images (set with the attachments)
        self.version: int | None = None
        self.status = PostStatus.DRAFT
        self.dirty = False
        self._filling = False
        self._loaded_once = post_id is None  # a new draft has no ticks stored yet

        writable = post_drafts.writable_accounts(db, actor)
        for account in writable:
            self.ui.accountCombo.addItem(f"{account.name}（{account.platform.label}）", account.id)
        self.platforms = {a.id: a.platform for a in writable}

        self.findings_model: TableModel[checks.Finding] = TableModel(
            (
                Column("種類", lambda f: f.severity.label, colour=_severity_colour),
                Column("内容", lambda f: f.message),
                Column(
                    "根拠", lambda f: f.section, tip=lambda _f: SECTION_TIP, colour=lambda _f: style.ACCENT
                ),
                Column(
                    "理由（注意のみ）",
                    self._reason_text,
                    edit=self._reason_edited,
                    editable=lambda f: f.severity is checks.Severity.WARNING,
                ),
            ),
            self,
        )
        table = self.ui.findingsTable
        show_list(table, self.findings_model, stretch_last=False)
        link_column(table, self.findings_model, 2, lambda f: f.section)
        link_browser(self.ui.historyView)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 52), (2, 92), (3, 170)):
            table.setColumnWidth(column, width)
        table.setWordWrap(True)
        triggers = QAbstractItemView.EditTrigger
        table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.SelectedClicked)
        table.selectionModel().selectionChanged.connect(lambda *_: self._select_finding())

        link_label(self.ui.selfCheckIntro, self.ui.selfCheckIntro.text())  # its §6 opens the guideline
        holder_layout = QVBoxLayout(self.ui.selfCheckHolder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.self_checks: dict[str, QCheckBox] = {}
        for item_id, section, text in post_drafts.self_check_items():
            box = QCheckBox(f"{section} {text}")
            box.setAccessibleName(f"確認 {section}")
            box.setToolTip(section_text(section))  # the guideline's own words for the item
            holder_layout.addWidget(box)
            self.self_checks[item_id] = box

        # times are shown and typed in Japan time, whatever the PC's own time zone
        self.ui.plannedEdit.setTimeZone(QTimeZone(9 * 3600))
        self.ui.plannedEdit.setDateTime(QDateTime.currentDateTime().addDays(1))
        self.ui.plannedCheck.setChecked(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.run_checks)
        for signal in (
            self.ui.bodyEdit.textChanged,
            self.ui.titleEdit.textChanged,
            self.ui.categoryEdit.textChanged,
            self.ui.emergencyReasonEdit.textChanged,
            self.ui.plannedEdit.dateTimeChanged,
            self.ui.plannedCheck.toggled,
            self.ui.emergencyCheck.toggled,
            self.ui.accountCombo.currentIndexChanged,
            self.ui.scopeCombo.currentIndexChanged,
        ):
            signal.connect(self._changed)
        self.ui.plannedCheck.toggled.connect(self.ui.plannedEdit.setEnabled)
        self.ui.emergencyCheck.toggled.connect(self.ui.emergencyReasonEdit.setEnabled)
        self.ui.accountCombo.currentIndexChanged.connect(lambda _i: self._load_scopes())
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.submitButton.clicked.connect(self.submit)
        self.ui.withdrawButton.clicked.connect(self.withdraw)
        self.ui.publishButton.clicked.connect(self.publish)
        self.ui.discardButton.clicked.connect(self.discard)
        self.ui.closeButton.clicked.connect(self.close_editor)
        self.ui.addImageButton.clicked.connect(self.add_image)
        self.ui.fromScopeButton.clicked.connect(self.fill_from_scope)
        self.ui.removeImageButton.clicked.connect(self.remove_image)

        if account_id is not None:
            self.ui.accountCombo.setCurrentIndex(max(self.ui.accountCombo.findData(account_id), 0))
        if post_id is not None:
            self.load()  # with the post's account and its scopes
        else:
            self._load_scopes()
            self.ui.emergencyReasonEdit.setEnabled(False)
            self._update_buttons({})
            self.ui.statusLabel.setText("新しい下書き")
        self.dirty = False
        self.timer.stop()  # filling the fields started it: the checks below already see what they hold
        self.run_checks()

    # -- loading

    def load(self) -> None:
        assert self.post_id is not None
        detail = post_queries.get_post(self.db, self.actor, self.post_id)
        row = detail.row
        self._filling = True
        self.version, self.status = row.version, row.status
        if self.ui.accountCombo.findData(row.account_id) < 0:
            self.ui.accountCombo.addItem(row.account, row.account_id)
        self.ui.accountCombo.blockSignals(True)  # the scopes are loaded once, just below
        self.ui.accountCombo.setCurrentIndex(self.ui.accountCombo.findData(row.account_id))
        self.ui.accountCombo.blockSignals(False)
        self.ui.accountCombo.setEnabled(False)
        self._load_scopes()
        self.ui.scopeCombo.setCurrentIndex(max(self.ui.scopeCombo.findData(row.scope_id), 0))
        self.ui.titleEdit.setText(row.title)
        self.ui.categoryEdit.setText(row.category)
        if self.ui.bodyEdit.toPlainText() != row.body:
            self.ui.bodyEdit.setPlainText(row.body)
        self.ui.plannedCheck.setChecked(row.planned_at is not None)
        if row.planned_at is not None:
            self.ui.plannedEdit.setDateTime(QDateTime.fromSecsSinceEpoch(int(row.planned_at.timestamp())))
        self.ui.plannedEdit.setEnabled(row.planned_at is not None)
        self.ui.emergencyCheck.setChecked(row.emergency)
        self.ui.emergencyReasonEdit.setText(detail.emergency_reason)
        self.ui.emergencyReasonEdit.setEnabled(row.emergency)
        self.reasons.update(detail.warning_reasons)
        if not self._loaded_once:  # later reloads keep what the person has ticked in this editor
            for item_id, box in self.self_checks.items():
                box.setChecked(item_id in detail.self_check)
            self._loaded_once = True
        self._fill_attachments(detail)
        self._fill_history(detail)
        self._filling = False
        overdue = "（予定時刻を過ぎています）" if row.overdue() else ""
        correction = f"　※投稿 {detail.correction_of} の訂正（§8(2)）" if detail.correction_of else ""
        self.ui.statusLabel.setText(f"投稿 {row.id}　［{row.status.label}］{overdue}{correction}")
        self.setWindowTitle(f"投稿 {row.id} の編集 - {row.account}")
        editable = detail.may(PostAction.SAVE)  # the status and this person's role, as the service says
        for widget in (
            self.ui.titleEdit,
            self.ui.categoryEdit,
            self.ui.plannedCheck,
            self.ui.plannedEdit,
            self.ui.emergencyCheck,
            self.ui.emergencyReasonEdit,
            self.ui.scopeCombo,
            self.ui.fromScopeButton,
            self.ui.addImageButton,
            self.ui.removeImageButton,
        ):
            widget.setEnabled(
                editable
                and (widget is not self.ui.plannedEdit or row.planned_at is not None)
                and (widget is not self.ui.emergencyReasonEdit or row.emergency)
            )
        self.ui.bodyEdit.setReadOnly(not editable)
        self._update_buttons(detail.actions)

    def fill_from_scope(self) -> None:
        """「事前承認の範囲で作る」 (§5(2)): the body made from a scope's template with the slots filled in."""
        account_id = self.ui.accountCombo.currentData()
        if account_id is None:
            return
        scopes = post_scopes.list_scopes(self.db, self.actor, account_id)
        dialog = ScopeFillDialog(scopes, self.ui.scopeCombo.currentData(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.scope is None:
            return
        scope = dialog.scope
        self.ui.scopeCombo.setCurrentIndex(max(self.ui.scopeCombo.findData(scope.id), 0))
        if scope.categories and self.ui.categoryEdit.text() not in scope.categories:
            self.ui.categoryEdit.setText(scope.categories[0])
        if not self.ui.titleEdit.text():
            self.ui.titleEdit.setText(scope.title)
        self.ui.bodyEdit.setPlainText(dialog.body)

    def _load_scopes(self) -> None:
        account_id = self.ui.accountCombo.currentData()
        current = self.ui.scopeCombo.currentData()
        self.ui.scopeCombo.blockSignals(True)
        self.ui.scopeCombo.clear()
        self.ui.scopeCombo.addItem("使わない（管理者の承認を受ける）", None)
        if account_id is not None:
            now = pol.now_jst()
            for scope in post_scopes.list_scopes(self.db, self.actor, account_id):
                if scope.valid_at(now):
                    note = "" if scope.has_template else "（ひな形なし: 自動では承認されません）"
                    self.ui.scopeCombo.addItem(f"{scope.title}{note}", scope.id)
        self.ui.scopeCombo.setCurrentIndex(max(self.ui.scopeCombo.findData(current), 0))
        self.ui.scopeCombo.blockSignals(False)

    def _fill_attachments(self, detail: post_queries.PostDetail) -> None:
        self.ui.attachmentsList.clear()
        # what the platform will not take of these images (LINE: the manual route; X: 4 photos or 1 GIF)
        self.image_note = (
            publishing.image_note(self.db, self.actor, detail.row.id) if detail.attachments else ""
        )
        for item in detail.attachments:
            image = QImage.fromData(post_attachments.attachment_data(self.db, self.actor, item.id))
            icon = (
                QIcon(QPixmap.fromImage(image.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio)))
                if not image.isNull()
                else QIcon()
            )
            entry = QListWidgetItem(icon, f"{item.filename}（{item.size // 1024} KB）")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            self.ui.attachmentsList.addItem(entry)

    def _fill_history(self, detail: post_queries.PostDetail) -> None:
        parts = []
        for revision in reversed(detail.revisions):
            parts.append(
                f"<p><b>第{revision.number}版</b> {revision.saved_at.astimezone(JST):%Y-%m-%d %H:%M} {html.escape(revision.saved_by)}</p>"
            )
        for decision in reversed(detail.decisions):
            parts.insert(
                0,
                f"<p><b>{decision.kind.label}</b>（第{decision.revision_number}版）"
                f"{decision.decided_at.astimezone(JST):%Y-%m-%d %H:%M} {html.escape(decision.decided_by)}"
                + (
                    f" <span style='color:{style.SEALED if decision.seal.startswith('電子印鑑') else style.ERROR}'>"
                    f"{html.escape(decision.seal)}</span>"
                    if decision.seal
                    else ""
                )
                + f"<br>{html.escape(decision.comment)}</p>",
            )
        if detail.published_url:
            parts.insert(
                0,
                f"<p><b>投稿済</b> {html.escape(detail.published_by)} "
                f"<a href='{html.escape(detail.published_url)}'>{html.escape(detail.published_url)}</a></p>",
            )
        parts[:0] = _section8_history(detail)
        self.ui.historyView.setHtml("".join(parts) or "まだ履歴はありません。")

    # -- the live checks

    def _changed(self, *_args: object) -> None:
        if not self._filling:
            self.dirty = True
        self.timer.start()

    def current_input(self) -> PostInput:
        planned = None
        if self.ui.plannedCheck.isChecked():
            planned = datetime.fromtimestamp(self.ui.plannedEdit.dateTime().toSecsSinceEpoch(), JST)
        return PostInput(
            self.ui.accountCombo.currentData() or 0,
            self.ui.bodyEdit.toPlainText(),
            self.ui.titleEdit.text(),
            self.ui.categoryEdit.text(),
            planned,
            self.ui.emergencyCheck.isChecked(),
            self.ui.emergencyReasonEdit.text(),
            self.ui.scopeCombo.currentData(),
        )

    def platform(self) -> Platform:
        return self.platforms.get(self.ui.accountCombo.currentData(), Platform.OTHER)

    def run_checks(self) -> None:
        data = self.current_input()
        if not data.account_id:
            self.ui.checksSummary.setText(
                "投稿できるアカウントがありません。アカウントの担当者に加えてもらってください。"
            )
            return
        try:
            self.findings, hours = post_drafts.live_checks(self.db, self.actor, data, self.post_id)
        except SnsDeskError as error:
            self.ui.checksSummary.setText(error.message)
            return
        self._show_findings()
        self._highlight()
        counted = checks.count(self.platform(), data.body)
        self.ui.counterLabel.setText(f"{self.platform().label}: {counted.text()}")
        self.ui.counterLabel.setStyleSheet(style.STRONG_ERROR_STYLE if counted.over else "")
        self._show_hours(hours)
        self._show_preview(data)

    def _show_findings(self) -> None:
        self.findings_model.set_rows(self.findings)
        self.ui.findingsTable.resizeRowsToContents()
        self._show_summary()

    def _show_summary(self) -> None:
        errors = len(checks.errors(self.findings))
        warnings = checks.warnings(self.findings)
        missing = sum(1 for f in warnings if not self.reasons.get(f.key, "").strip())
        if not self.findings:
            text, sheet = "✓ ガイドラインに照らして問題は見つかりませんでした。", style.OK_STYLE
        else:
            text = f"エラー {errors} 件、注意 {len(warnings)} 件（理由の未記入 {missing} 件）"
            sheet = style.STRONG_ERROR_STYLE if errors else style.STRONG_WARNING_STYLE
        self.ui.checksSummary.setText(text)
        self.ui.checksSummary.setStyleSheet(sheet)

    def _highlight(self) -> None:
        selections = []
        body = self.ui.bodyEdit
        length = len(body.toPlainText())
        for finding in self.findings:
            if finding.end <= finding.start or finding.start >= length:
                continue
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(ERROR_COLOR if finding.severity is checks.Severity.ERROR else WARNING_COLOR)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(
                style.colour(
                    style.ERROR if finding.severity is checks.Severity.ERROR else style.WARNING_UNDERLINE
                )
            )
            fmt.setToolTip(f"{finding.message}（{finding.section}）")
            selection.format = fmt
            cursor = QTextCursor(body.document())
            cursor.setPosition(_utf16(body.toPlainText(), finding.start))
            cursor.setPosition(
                _utf16(body.toPlainText(), min(finding.end, length)), QTextCursor.MoveMode.KeepAnchor
            )
            selection.cursor = cursor
            selections.append(selection)
        body.setExtraSelections(selections)

    def highlighted_spans(self) -> list[tuple[int, int]]:
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.ui.bodyEdit.extraSelections()
        ]

    def _show_hours(self, hours: HoursVerdict) -> None:
        """The §5(9) verdict the service gives (the emergency flag counts only with its reason)."""
        label = self.ui.hoursLabel
        label.setText(hours.state.label)
        label.setStyleSheet(HOURS_STYLES[hours.state])
        label.setToolTip(hours.reason or hours.hours)

    def _show_preview(self, data: PostInput) -> None:
        body = data.body
        out, last = [], 0
        for item in checks.twitter_text().extract_urls_with_indices(body):
            start, end = item["indices"]
            out.append(html.escape(body[last:start]))
            out.append(f"<span style='color:{style.LINK}'>{html.escape(body[start:end])}</span>")
            last = end
        out.append(html.escape(body[last:]))
        account = self.ui.accountCombo.currentText()
        images = self.ui.attachmentsList.count()
        self.ui.preview.setHtml(
            "<div style='font-family: sans-serif; border:1px solid "
            f"{style.PREVIEW_BORDER}; border-radius:12px; padding:10px'>"
            f"<b>{html.escape(account)}</b><br><br><div style='white-space: pre-wrap'>{''.join(out)}</div>"
            + (f"<p style='color:{style.PREVIEW_NOTE}'>［画像 {images} 枚］</p>" if images else "")
            + (
                f"<p style='color:{WARNING}'>{html.escape(self.image_note)}</p>"
                if images and self.image_note
                else ""
            )
            + "</div>"
        )

    def _reason_text(self, finding: checks.Finding) -> str:
        return (
            self.reasons.get(finding.key, "")
            if finding.severity is checks.Severity.WARNING
            else "直してください"
        )

    def _reason_edited(self, finding: checks.Finding, text: str) -> None:
        """The person typed why a caution is fine (a 注意 needs a reason; an エラー must be fixed)."""
        self.reasons[finding.key] = text
        self.dirty = True
        self._show_summary()

    def _select_finding(self) -> None:
        finding = selected_row(self.ui.findingsTable, self.findings_model)
        if finding is not None:
            text = self.ui.bodyEdit.toPlainText()
            cursor = self.ui.bodyEdit.textCursor()
            cursor.setPosition(_utf16(text, finding.start))
            cursor.setPosition(_utf16(text, min(finding.end, len(text))), QTextCursor.MoveMode.KeepAnchor)
            self.ui.bodyEdit.setTextCursor(cursor)

    def set_reason(self, key: str, text: str) -> None:
        self.reasons[key] = text
        self._show_findings()

    # -- actions

    def _update_buttons(self, actions: Mapping[PostAction, Allowed]) -> None:
        """The buttons as the service says this person may act on the post now; a refused one tells why.
        A new draft (no actions yet) may be saved and submitted on any account the list offers."""
        new = self.post_id is None and self.ui.accountCombo.count() > 0
        for button, action in (
            (self.ui.saveButton, PostAction.SAVE),
            (self.ui.submitButton, PostAction.SUBMIT),
        ):
            allowed = actions.get(action)
            button.setEnabled(new or bool(allowed))
            button.setToolTip(allowed.reason if allowed is not None else "")
        self.ui.withdrawButton.setVisible(bool(actions.get(PostAction.WITHDRAW)))
        self.ui.publishButton.setVisible(  # a 承認待ち emergency post goes out first where allowed (§5(9))
            bool(actions.get(PostAction.PUBLISH)) or bool(actions.get(PostAction.PUBLISH_FIRST))
        )
        self.ui.discardButton.setVisible(bool(actions.get(PostAction.DISCARD)))

    def _report(self, error: BaseException) -> None:
        if isinstance(error, SnsDeskError):
            self.ui.errorLabel.setText(error.message)
            if self.post_id is not None:
                self.load()  # a conflict: show the current state
        else:
            show_error(self, error, "post editor")

    def save(self) -> bool:
        data = self.current_input()
        try:
            if self.post_id is None:
                self.post_id = post_drafts.create_draft(self.db, self.actor, data)
            elif self.dirty or changes_status(PostAction.SAVE, self.status):
                assert self.version is not None
                post_drafts.save_draft(self.db, self.actor, self.post_id, self.version, data)
        except Exception as error:
            self._report(error)
            return False
        self.dirty = False
        self.ui.errorLabel.setText("保存しました。")
        self.load()
        return True

    def submit(self) -> None:
        if (self.dirty or self.post_id is None) and not self.save():
            return
        assert self.post_id is not None and self.version is not None
        confirmed = [item_id for item_id, box in self.self_checks.items() if box.isChecked()]
        try:
            result = post_workflow.submit(
                self.db, self.actor, self.post_id, self.version, confirmed, self.reasons
            )
        except ValidationError as error:
            self.ui.errorLabel.setText(error.message)
            if "§6 の確認項目" in error.message:
                self.ui.sideTabs.setCurrentWidget(self.ui.selfCheckTab)
            else:
                self.ui.sideTabs.setCurrentWidget(self.ui.checksTab)
            return
        except Exception as error:
            self._report(error)
            return
        self.load()
        note = post_queries.get_post(self.db, self.actor, self.post_id).scope_note
        self.ui.errorLabel.setText(
            "事前承認の範囲内として承認されました（§5(2)）。"
            if result is PostStatus.APPROVED
            else "承認を申請しました。管理者の承認を待っています。"
            + (f"\n事前承認の範囲では承認されませんでした: {note}" if note else "")
        )

    def withdraw(self) -> None:
        assert self.post_id is not None and self.version is not None
        try:
            post_workflow.withdraw(self.db, self.actor, self.post_id, self.version)
        except Exception as error:
            self._report(error)
            return
        self.load()
        self.ui.errorLabel.setText("申請を取り下げました。")

    def publish(self) -> None:
        """「投稿する…」: send through the connection or take the manual route (the publishing dialog)."""
        assert self.post_id is not None
        dialog = PublishDialog(self.db, self.actor, self.post_id, self)
        dialog.exec()
        self.load()
        if dialog.done_text:
            self.ui.errorLabel.setText(dialog.done_text)

    def discard(self) -> None:
        assert self.post_id is not None and self.version is not None
        if not confirm(self, "この下書きを破棄しますか？（履歴は残ります）"):
            return
        try:
            post_workflow.discard(self.db, self.actor, self.post_id, self.version)
        except Exception as error:
            self._report(error)
            return
        self.accept()

    def add_image(self) -> None:
        name, _f = QFileDialog.getOpenFileName(
            self, "画像を選ぶ", "", "画像 (*.png *.jpg *.jpeg *.gif *.webp)"
        )
        if name:
            self.add_image_file(Path(name))

    def add_image_file(self, path: Path) -> None:
        if self.post_id is None and not self.save():
            return
        assert self.post_id is not None
        try:
            data = path.read_bytes()
            post_attachments.add_attachment(self.db, self.actor, self.post_id, path.name, data)
        except OSError as error:
            self.ui.errorLabel.setText(f"画像を読めませんでした: {path}（{error.strerror}）")
            return
        except Exception as error:
            self._report(error)
            return
        self.load()

    def remove_image(self) -> None:
        item: QListWidgetItem | None = self.ui.attachmentsList.currentItem()
        if item is None:
            return
        try:
            post_attachments.remove_attachment(self.db, self.actor, int(item.data(Qt.ItemDataRole.UserRole)))
        except Exception as error:
            self._report(error)
            return
        self.load()

    def done(self, result: int) -> None:
        """Closed (saved, discarded, 閉じる or Esc): the live checks' timer stops, so no check runs, reads the
        database or shows anything for an editor on its way out (see :meth:`exec_and_delete`)."""
        self.timer.stop()
        super().done(result)

    def exec_and_delete(self) -> int:
        """The editor as a modal dialog; once closed it is deleted at once, with everything it holds (the list of
        findings, the history, the images' thumbnails).  A closed editor used to stay a child of its page until
        the page went, about 0.7 MB for each post opened (issue 17).  Deleting it is safe: the editor starts no
        work on other threads (its live checks run on the GUI thread, from its own timer, stopped in
        :meth:`done`; the publishing dialog waits for its own worker before it returns), so nothing can report
        to it afterwards.  Not ``deleteLater``: that waits for the event loop to come back to the page's level,
        which a harness without an event loop never does."""
        try:
            return self.exec()
        finally:
            self.dispose()

    def dispose(self) -> None:
        """Delete the editor now (closed, or never shown): its timer first, so no check is left to run."""
        self.timer.stop()
        shiboken6.delete(self)

    def close_editor(self) -> None:
        if (
            self.dirty
            and self.ui.saveButton.isEnabled()
            and confirm(self, "変更を保存しますか？")
            and not self.save()
        ):
            return
        self.accept()


def _section8_history(detail: post_queries.PostDetail) -> list[str]:
    """The トラブルへの対応 on this post, newest first: its deletion (§8(3)), its corrections (§8(2)), and for a
    correction what was wrong in the post it corrects. Each § opens the guideline."""
    parts = []
    if detail.deleted_at is not None and detail.row.status is PostStatus.DELETED:
        kind = "削除を記録（§8(3)）" if detail.row.published_at else "破棄"
        parts.append(
            f"<p><b>{linked_html(kind)}</b> {detail.deleted_at.astimezone(JST):%Y-%m-%d %H:%M}"
            f"<br>理由: {html.escape(detail.deleted_reason)}</p>"
        )
    for correction in reversed(detail.corrections):
        parts.append(
            f"<p><b>{linked_html('訂正（§8(2)）')}</b> 投稿 {correction.id}［{correction.status.label}］ "
            f"{correction.created_at.astimezone(JST):%Y-%m-%d %H:%M} {html.escape(correction.by)}"
            f"<br>誤っていた内容: {html.escape(correction.reason)}</p>"
        )
    if detail.correction_of is not None:
        parts.append(
            f"<p><b>{linked_html(f'投稿 {detail.correction_of} の訂正（§8(2)）')}</b>"
            f"<br>誤っていた内容: {html.escape(detail.correction_reason)}</p>"
        )
    return parts


def _severity_colour(finding: checks.Finding) -> str:
    return ERROR if finding.severity is checks.Severity.ERROR else WARNING


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units; the checks count code points (emoji differ)."""
    return len(text[:index].encode("utf-16-le")) // 2
