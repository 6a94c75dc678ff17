"""トラブルへの対応 on a published post: record its deletion with the reason (§8(3)), or start its correction
with what was wrong in it (§8(2)). Both ask for the reason, confirm, and leave it in the post's history."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.guideline import Reference
from sns_desk.domain.policy import JST
from sns_desk.gui import style
from sns_desk.gui.forms.ui_section8dialog import Ui_Section8Dialog
from sns_desk.gui.help.section_links import link_label
from sns_desk.gui.shared.interaction import confirm, show_error
from sns_desk.services import post_queries, post_workflow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class Measure(Enum):
    DELETE = "delete"
    CORRECT = "correct"


_TEXTS = {
    Measure.DELETE: (
        "投稿の削除を記録（§8(3)）",
        "運用ポリシーに抵触する書き込み等は、速やかに削除等の措置を行います（§8(3)）。"
        "SNS 上で投稿を削除したあと、ここに削除した理由を記録してください。記録は投稿の履歴に残ります。",
        "削除の理由（必須）:",
        "例: 運用ポリシーに抵触する内容を含んでいたため（§6）",
        "削除を記録",
        "投稿 {id} を削除したことを記録しますか？\n\n理由: {reason}\n\n記録は取り消せません（監査ログに残ります）。",
    ),
    Measure.CORRECT: (
        "訂正の作成（§8(2)）",
        "誤った情報を発信した場合は、訂正した情報を再度発信するなど、速やかに対応します（§8(2)）。"
        "誤っていた内容を記録すると、訂正の下書きが作られます。下書きを直し、承認を経て投稿してください。",
        "誤っていた内容（必須）:",
        "例: 開催日を「10日」と誤って記載（正しくは11日）",
        "訂正の下書きを作る",
        "投稿 {id} の訂正を作成しますか？\n\n誤っていた内容: {reason}",
    ),
}


class Section8Dialog(QDialog):
    """One published post, the measure taken on it, and its reason."""

    def __init__(
        self, db: Database, actor: Actor, post_id: int, measure: Measure, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.post_id, self.measure = db, actor, post_id, measure
        self.correction_id: int | None = None  # the new draft, once a correction is made
        self.ui = Ui_Section8Dialog()
        self.ui.setupUi(self)
        title, guide, reason, placeholder, ok, self._question = _TEXTS[measure]
        self.setWindowTitle(title)
        self.ui.titleLabel.setText(title)
        self.ui.titleLabel.setStyleSheet(style.DIALOG_TITLE_STYLE)
        link_label(self.ui.guideLabel, guide)
        self.ui.reasonLabel.setText(reason)
        self.ui.reasonEdit.setPlaceholderText(placeholder)
        self.ui.reasonEdit.setToolTip(placeholder)
        self.ui.errorLabel.setStyleSheet(style.ERROR_STYLE)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok)
        self.ok_button.setToolTip(f"{ok}（確認のあと実行します）")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("何もせずに閉じます")
        self.ui.buttonBox.accepted.connect(self.run)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.reasonEdit.textChanged.connect(self._reason_changed)
        detail = post_queries.get_post(db, actor, post_id)
        self.version = detail.row.version
        when = detail.row.published_at
        self.ui.postLabel.setText(
            f"投稿 {detail.row.id}　{detail.row.account}（{detail.row.platform}）　［{detail.row.status.label}］"
            + (f"　{when.astimezone(JST):%Y-%m-%d %H:%M} 投稿" if when else "")
        )
        self.ui.postView.setPlainText(detail.row.body)
        self._reason_changed()

    @property
    def section(self) -> Reference:
        return Reference(8, 3) if self.measure is Measure.DELETE else Reference(8, 2)

    def _reason_changed(self) -> None:
        self.ui.errorLabel.setText("")
        empty = not self.ui.reasonEdit.toPlainText().strip()
        self.ok_button.setEnabled(not empty)
        if empty:
            self.ok_button.setToolTip("理由を入力すると押せます")

    def run(self) -> None:
        reason = self.ui.reasonEdit.toPlainText().strip()
        if not confirm(self, self._question.format(id=self.post_id, reason=reason)):
            return
        try:
            if self.measure is Measure.DELETE:
                post_workflow.record_deletion(self.db, self.actor, self.post_id, self.version, reason)
            else:
                self.correction_id = post_workflow.start_correction(self.db, self.actor, self.post_id, reason)
        except SnsDeskError as error:
            self.ui.errorLabel.setText(error.message)
            return
        except Exception as error:
            show_error(self, error, f"post {self.measure.value}")
            return
        self.accept()
