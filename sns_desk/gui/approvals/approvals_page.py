"""承認待ち: what this person may decide — first the emergency posts already out that wait for their 事後承認
(§5(9): 事後承認, 訂正を指示 §8(2), 削除を指示 §8(3)) — with the difference against the last approved revision (or the last one
this approver saw) inline, the images compared, a preview shaped like the platform, and the findings; 承認 and 差戻し
one click or one key each (Ctrl+Enter, Ctrl+Shift+Enter)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QInputDialog, QWidget

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.domain.workflow import PostAction
from sns_desk.gui import style
from sns_desk.gui.approvals.revision_compare import ImageStrip, comparison_html, preview_html
from sns_desk.gui.forms.ui_approvalspage import Ui_ApprovalsPage
from sns_desk.gui.help.section_links import link_browser, linked_html
from sns_desk.gui.posts.emergency_stop_panel import EmergencyStopPanel
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.gui.shared.interaction import Cancelled, explain, run_keyring_call, show_error
from sns_desk.gui.shared.item_models import (
    Column,
    PostsTableModel,
    TableModel,
    jst,
    selected_row,
    show_list,
)
from sns_desk.services import (
    after_approval,
    approval_view,
    post_attachments,
    post_drafts,
    post_queries,
    post_scopes,
    post_workflow,
)
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

REVIEW_COLUMNS: tuple[Column[post_queries.ScopeReview], ...] = (
    Column("番号", lambda r: str(r.post.id), right=True),
    Column("アカウント", lambda r: r.post.account),
    Column("範囲", lambda r: f"{r.scope_title}（第{r.scope_number or '?'}版）"),
    Column(
        "確認の期限",
        lambda r: f"{r.due:%m/%d}" + ("（期限切れ）" if r.overdue() else ""),
        colour=lambda r: style.ERROR if r.overdue() else None,
    ),
    Column("投稿", lambda r: jst(r.post.published_at) if r.post.published_at else "未投稿"),
    Column("内容", lambda r: r.post.summary),
)
APPROVE_KEYS = "Ctrl+Return"
REJECT_KEYS = "Ctrl+Shift+Return"
APPROVE_TIP = "この投稿を承認します（§5(1)）。キー: Ctrl+Enter または Alt+A"
AFTER_TIP = "承認の前に投稿された緊急の投稿を、事後承認します（§5(9)）。キー: Ctrl+Enter または Alt+A"
REJECT_TIP = "コメントを添えて作成者に戻します。キー: Ctrl+Shift+Enter または Alt+R（コメントが必要です）"


class ApprovalsPage(QWidget):
    count_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.ui = Ui_ApprovalsPage()
        self.ui.setupUi(self)
        style.title(self.ui.titleLabel)
        self.ui.headerLabel.setStyleSheet(style.HEADER_STYLE)
        self.ui.openButton.setToolTip("投稿を編集画面で開き、全体と履歴を確かめます")
        self.ui.scopeReviewOpenButton.setToolTip("事前承認の範囲で発信された投稿を開いて確かめます（§5(2)）")
        self.ui.scopeReviewedButton.setToolTip("事前承認の範囲で発信された投稿を確認済みにします（§5(2)）")
        link_browser(self.ui.findingsView)  # each § of the findings opens the guideline
        self.model = PostsTableModel()
        table = self.ui.pendingTable
        table.setModel(self.model)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.splitter.setSizes([560, 640])
        self.ui.pageLayout.setStretch(1, 1)
        self.stop_panel = EmergencyStopPanel(db, actor, self)  # 緊急停止: what is held, and the switches
        self.ui.pageLayout.insertWidget(1, self.stop_panel)
        table.selectionModel().selectionChanged.connect(lambda *_: self.show_detail())
        self.ui.commentEdit.textChanged.connect(self._update_buttons)
        self.ui.approveButton.clicked.connect(self.approve)
        self.ui.rejectButton.clicked.connect(self.reject)
        self.ui.orderCorrectionButton.clicked.connect(lambda: self.order(PostAction.ORDER_CORRECTION))
        self.ui.orderDeletionButton.clicked.connect(lambda: self.order(PostAction.ORDER_DELETION))
        self.ui.openButton.clicked.connect(self.open_editor)
        self.reviews_model: TableModel[post_queries.ScopeReview] = TableModel(REVIEW_COLUMNS, self)
        show_list(self.ui.scopeReviewTable, self.reviews_model)
        self.ui.scopeReviewTable.doubleClicked.connect(lambda _i: self.open_review())
        self.ui.scopeReviewOpenButton.clicked.connect(self.open_review)
        self.ui.scopeReviewedButton.clicked.connect(self.mark_reviewed)
        self.images = ImageStrip(self._image_data)
        self.ui.imagesHostLayout.addWidget(self.images)
        self.ui.imagesArea.setVisible(False)
        for keys, slot in ((APPROVE_KEYS, self._approve_key), (REJECT_KEYS, self._reject_key)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.detail: post_queries.PostDetail | None = None
        self.comparison: approval_view.Comparison | None = None
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.stop_panel.refresh()
        try:
            rows = post_queries.pending_for(self.db, self.actor)
            reviews = post_queries.scope_reviews(self.db, self.actor)
        except Exception as error:
            show_error(self, error, "loading approvals")
            return
        keep = select_id if select_id is not None else (self.detail.row.id if self.detail else None)
        self.model.set_rows(rows)
        self.count_changed.emit(len(rows))
        self.reviews_model.set_rows(reviews)
        late = sum(r.overdue() for r in reviews)
        self.ui.scopeReviewGroup.setVisible(bool(reviews))
        self.ui.scopeReviewLabel.setText(
            f"事前承認の範囲で出た投稿のうち、管理者が未確認のものが {len(reviews)} 件あります"
            + (f"（うち確認の期限切れ {late} 件）" if late else "")
            + "。下の「事前承認の確認」で内容を確かめ、確認済みにしてください（§5(2)）。"
            if reviews
            else ""
        )
        self.ui.scopeReviewLabel.setStyleSheet(style.ERROR_STYLE if late else "")
        self.ui.scopeReviewedButton.setEnabled(bool(reviews))
        self.ui.scopeReviewOpenButton.setEnabled(bool(reviews))
        position = self.model.find(keep) if keep is not None else -1
        if position >= 0:
            self.ui.pendingTable.selectRow(position)
        elif rows:
            self.ui.pendingTable.selectRow(0)
        else:
            self.detail = None
            self.show_detail()

    def selected_id(self) -> int | None:
        indexes = self.ui.pendingTable.selectionModel().selectedRows()
        return self.model.row_at(indexes[0].row()).id if indexes else None

    def show_detail(self) -> None:
        post_id = self.selected_id()
        self.ui.detailPanel.setEnabled(post_id is not None)
        if post_id is None:
            self.detail = None
            self.ui.headerLabel.setText("承認を待っている投稿はありません。")
            for view in (self.ui.bodyView, self.ui.diffView, self.ui.previewView, self.ui.findingsView):
                view.clear()
            self.comparison = None
            self.ui.imagesArea.setVisible(False)
            self._update_buttons()
            return
        detail = post_queries.get_post(self.db, self.actor, post_id)
        self.detail = detail
        row = detail.row
        planned = row.planned_at.astimezone(pol.JST).strftime("%Y-%m-%d %H:%M") if row.planned_at else "未定"
        overdue = "　⚠ 予定時刻を過ぎています（承認時に新しい時刻を指定）" if row.overdue() else ""
        emergency = f"　緊急: {detail.emergency_reason}" if row.emergency else ""
        after = ""
        if row.status is PostStatus.AFTER_PENDING:  # already out: the 管理者 decides after the fact (§5(9))
            out = row.published_at.astimezone(pol.JST).strftime("%Y-%m-%d %H:%M") if row.published_at else ""
            after = f"\n⚠ 承認の前に投稿済み（{out} {detail.published_by}）: 事後承認待ち（§5(9)）"
            overdue = ""
        self.ui.headerLabel.setText(
            f"投稿 {row.id}　{row.account}　作成: {row.author}　予定: {planned}{overdue}{emergency}{after}"
        )
        self.ui.headerLabel.setStyleSheet(
            style.HEADER_STYLE + (style.ERROR_STYLE if row.status is PostStatus.AFTER_PENDING else "")
        )
        self.ui.bodyView.setPlainText(row.body)
        if detail.scope_note:  # the author chose a standing scope, which did not approve this body (§5(2))
            self.ui.headerLabel.setText(
                self.ui.headerLabel.text() + f"\n事前承認の範囲では承認されませんでした: {detail.scope_note}"
            )
        try:  # which revision to compare with is the service's to say; opening it records what this person saw
            self.comparison = approval_view.compare_for_approval(self.db, self.actor, row.id)
        except SnsDeskError as error:
            show_error(self, error, "comparing revisions")
            self.comparison = None
        if self.comparison is not None:
            self.ui.diffView.setHtml(comparison_html(self.comparison))
            self.images.show_changes(self.comparison.images)
            self.ui.imagesArea.setVisible(bool(self.comparison.images))
            self.ui.previewView.setHtml(preview_html(self.comparison, len(detail.attachments)))
        self.ui.findingsView.setHtml(self._findings(detail))
        self._update_buttons()

    def _image_data(self, sha256: str) -> bytes:
        assert self.detail is not None
        return post_attachments.revision_image_data(self.db, self.actor, self.detail.row.id, sha256)

    def _approve_key(self) -> None:
        if self.ui.approveButton.isEnabled():
            self.approve()

    def _reject_key(self) -> None:
        if self.ui.rejectButton.isEnabled():
            self.reject()
        elif self.detail is not None and not self.ui.commentEdit.toPlainText().strip():
            self.ui.commentEdit.setFocus()  # a rejection needs its comment first

    def _findings(self, detail: post_queries.PostDetail) -> str:
        parts = []
        for finding in detail.findings_at_submission:
            reason = detail.warning_reasons.get(finding.key, "")
            parts.append(
                f"<p><b>{finding.severity.label}</b> {html.escape(finding.message)}（{linked_html(finding.section)}）"
                + (f"<br>作成者の理由: {html.escape(reason)}" if reason else "")
                + "</p>"
            )
        checked = len(detail.self_check)
        parts.append(
            f"<p>§6 の確認: {checked} / {len(post_drafts.self_check_items())} 項目を作成者が確認済み</p>"
        )
        if detail.attachments:
            parts.append(f"<p>画像 {len(detail.attachments)} 枚</p>")
        return (
            "".join(parts)
            if detail.findings_at_submission
            else "<p>申請時の確認で問題は見つかりませんでした。</p>" + "".join(parts)
        )

    def _after(self) -> bool:
        """Whether the selected post is out already and waits for its 事後承認 (§5(9))."""
        return self.detail is not None and self.detail.row.status is PostStatus.AFTER_PENDING

    def _update_buttons(self) -> None:
        """Approve and reject (or, for a post already out, 事後承認 and the orders to correct or delete it) as the
        service says this person may now (with the reason when not); a rejection or an order also needs its
        comment."""
        detail = self.detail
        after = self._after()
        commented = bool(self.ui.commentEdit.toPlainText().strip())
        approve = (
            detail.actions[PostAction.AFTER_APPROVE if after else PostAction.APPROVE] if detail else None
        )
        reject = detail.actions[PostAction.REJECT] if detail else None
        self.ui.approveButton.setText("事後承認(&A)" if after else "承認(&A)")
        self.ui.approveButton.setEnabled(bool(approve))
        self.ui.approveButton.setProperty("purpose", AFTER_TIP if after else APPROVE_TIP)
        explain(self.ui.approveButton, approve.reason if approve is not None else "")
        self.ui.rejectButton.setVisible(not after)
        self.ui.rejectButton.setEnabled(bool(reject) and commented)
        self.ui.rejectButton.setProperty("purpose", REJECT_TIP)
        explain(self.ui.rejectButton, reject.reason if reject is not None else "")
        for button, action in (
            (self.ui.orderCorrectionButton, PostAction.ORDER_CORRECTION),
            (self.ui.orderDeletionButton, PostAction.ORDER_DELETION),
        ):
            allowed = detail.actions[action] if detail and after else None
            button.setVisible(after)
            button.setEnabled(bool(allowed) and commented)
            explain(button, allowed.reason if allowed is not None else "")
        self.ui.commentLabel.setText(
            "コメント（訂正・削除の指示には理由が必須）:" if after else "差戻しのコメント（差戻しには必須）:"
        )
        self.ui.openButton.setEnabled(detail is not None)

    def _decide(self, call: Callable[[int, int], object]) -> None:
        assert self.detail is not None
        post_id = self.detail.row.id
        version = self.detail.row.version
        try:  # signed with the 電子印鑑 key, which may wait for the OS keyring
            run_keyring_call(self, lambda: call(post_id, version))
        except Cancelled:
            return
        except SnsDeskError as error:
            show_error(self, error, "decision")
            self.refresh(post_id)  # show the current state (another PC may have decided)
            return
        except Exception as error:
            show_error(self, error, "decision")
            return
        self.ui.commentEdit.clear()
        self.refresh()

    def approve(self) -> None:
        if self.detail is None:
            return
        if self._after():
            self.order(PostAction.AFTER_APPROVE)
            return
        new_time: datetime | None = None
        if self.detail.row.overdue():
            text, ok = QInputDialog.getText(
                self, "新しい予定時刻", "予定時刻を過ぎています。新しい予定日時（例: 2026-12-01 10:00）:"
            )
            if not ok:
                return
            try:
                new_time = pol.parse_local_time(text)
            except ValueError as error:
                show_error(self, ValidationError(str(error)))
                return
        comment = self.ui.commentEdit.toPlainText()
        self._decide(
            lambda post_id, version: post_workflow.approve(
                self.db, self.actor, post_id, version, comment, new_time
            )
        )

    def order(self, action: PostAction) -> None:
        """事後承認, or the order to correct (§8(2)) or delete (§8(3)) a post already out, with the comment."""
        comment = self.ui.commentEdit.toPlainText()
        self._decide(
            lambda post_id, version: after_approval.decide_after(
                self.db, self.actor, post_id, version, action, comment
            )
        )

    def reject(self) -> None:
        comment = self.ui.commentEdit.toPlainText()
        self._decide(
            lambda post_id, version: post_workflow.reject(self.db, self.actor, post_id, version, comment)
        )

    def _review(self) -> post_queries.ScopeReview | None:
        return selected_row(self.ui.scopeReviewTable, self.reviews_model)

    def open_review(self) -> None:
        review = self._review()
        if review is not None:
            PostEditor(self.db, self.actor, review.post.id, parent=self).exec_and_delete()
            self.refresh()

    def mark_reviewed(self) -> None:
        review = self._review()
        if review is None:
            return
        try:
            post_scopes.review_scope_post(self.db, self.actor, review.post.id)
        except SnsDeskError as error:
            show_error(self, error, "marking a scope post reviewed")
        self.refresh()

    def open_editor(self) -> None:
        if self.detail is not None:
            PostEditor(self.db, self.actor, self.detail.row.id, parent=self).exec_and_delete()
            self.refresh()
