"""「投稿する」: an approved post sent through its account's connection, or the manual route (copy the text, open
the platform's compose page, record the URL and the time it went out).  Everything it offers, and every refusal
with its reason, comes from :func:`sns_desk.services.publishing.plan`."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import Platform
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import APP_TITLE, Cancelled, confirm, run_with_progress, show_error
from sns_desk.services import post_attachments, post_queries, post_workflow, publish_recovery, publishing
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


class PublishDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, post_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.post_id = db, actor, post_id
        self.setWindowTitle(f"投稿する — {APP_TITLE}")
        self.done_text = ""
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet(style.DIALOG_TITLE_STYLE)
        layout.addWidget(self.heading)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("承認された本文")
        self.text.setMaximumHeight(140)
        layout.addWidget(self.text)
        self.images = QLabel()
        self.images.setWordWrap(True)
        self.images.setAccessibleName("添付画像")
        layout.addWidget(self.images)
        self.thumbnail_box = QWidget()  # the approved images, as they go out
        self.thumbnails = QHBoxLayout(self.thumbnail_box)
        self.thumbnails.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail_box)
        self.hours = QLabel()
        self.hours.setWordWrap(True)
        layout.addWidget(self.hours)

        auto = QGroupBox("連携先に送信する")
        auto_layout = QVBoxLayout(auto)
        self.connection = QLabel()
        self.connection.setWordWrap(True)
        auto_layout.addWidget(self.connection)
        self.quota = QLabel()
        self.quota.setWordWrap(True)
        auto_layout.addWidget(self.quota)
        row = QHBoxLayout()
        self.send_button = QPushButton("投稿する")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        row.addWidget(self.send_button)
        row.addStretch(1)
        auto_layout.addLayout(row)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setStyleSheet(style.WARNING_STYLE)
        auto_layout.addWidget(self.reason)
        layout.addWidget(auto)

        manual = QGroupBox("手作業で投稿する（連携のないアカウント・インターネットにつながらない PC）")
        manual_layout = QVBoxLayout(manual)
        buttons = QHBoxLayout()
        self.copy_button = QPushButton("本文をコピー")
        self.copy_button.clicked.connect(self.copy_text)
        buttons.addWidget(self.copy_button)
        self.compose_button = QPushButton("投稿画面を開く")
        self.compose_button.clicked.connect(self.open_compose)
        buttons.addWidget(self.compose_button)
        buttons.addStretch(1)
        manual_layout.addLayout(buttons)
        form = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://x.com/…/status/…")
        self.url.setAccessibleName("投稿した URL")
        form.addRow("投稿した URL:", self.url)
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setAccessibleName("投稿した日時")
        form.addRow("投稿した日時:", self.when)
        manual_layout.addLayout(form)
        record_row = QHBoxLayout()
        self.record_button = QPushButton("投稿結果を記録")
        self.record_button.clicked.connect(self.record)
        record_row.addWidget(self.record_button)
        record_row.addStretch(1)
        manual_layout.addLayout(record_row)
        layout.addWidget(manual)

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()
        self.resize(640, 660 if self.plan.image_count else 560)

    def load(self) -> None:
        self.plan = publishing.plan(self.db, self.actor, self.post_id)
        p = self.plan
        self.heading.setText(
            f"{p.account_name}（{p.platform.label}）に投稿する"
            + (
                "\n⚠ 承認の前の緊急の投稿です。投稿後は「事後承認待ち」になり、管理者に知らせます（§5(9)）。"
                if p.after_approval
                else ""
            )
        )
        self.text.setPlainText(p.text)
        self.images.setVisible(p.image_count > 0)
        self.images.setText(
            f"画像 {p.image_count} 枚: 承認された版の画像をそのまま X にアップロードして添付します。"
            if p.platform is Platform.X and p.allowed
            else f"画像 {p.image_count} 枚付きの投稿です。"
        )
        self._show_thumbnails(p.image_count)
        self.hours.setText(f"今: {p.hours.state.label}" + (f" — {p.hours.reason}" if p.hours.reason else ""))
        self.hours.setStyleSheet(style.WARNING_STYLE if p.hours.blocks else style.OK_STYLE)
        if p.connection is None:
            self.connection.setText("このアカウントは連携されていません。下の手作業で投稿してください。")
        else:
            self.connection.setText(p.connection.status_text())
        self.send_button.setEnabled(bool(p.allowed))
        self.send_button.setToolTip(p.allowed.reason)
        self.reason.setText(p.allowed.reason)
        self.reason.setVisible(bool(p.allowed.reason))
        self.quota.setVisible(False)
        if p.allowed and p.platform is Platform.LINE and p.connection is not None:
            self.show_quota(p.connection.account_id)
        self.compose_button.setVisible(p.compose_url is not None)
        self.compose_button.setText(f"{p.platform.label} の投稿画面を開く")
        self.record_button.setEnabled(bool(p.may_record))
        self.record_button.setToolTip(p.may_record.reason)

    def _show_thumbnails(self, count: int) -> None:
        while (item := self.thumbnails.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.thumbnail_box.setVisible(count > 0)
        if not count:
            return
        for attachment in post_queries.get_post(self.db, self.actor, self.post_id).attachments:
            image = QImage.fromData(post_attachments.attachment_data(self.db, self.actor, attachment.id))
            thumb = QLabel()
            thumb.setToolTip(f"{attachment.filename}（{attachment.size // 1024} KB）")
            thumb.setAccessibleName(f"添付画像 {attachment.filename}")
            if image.isNull():
                thumb.setText(attachment.filename)
            else:
                scaled = image.scaled(
                    120, 90, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
                thumb.setPixmap(QPixmap.fromImage(scaled))
            self.thumbnails.addWidget(thumb)
        self.thumbnails.addStretch(1)

    def show_quota(self, account_id: int) -> None:
        try:
            quota = run_with_progress(
                self,
                "LINE の残り通数を確認しています…",
                lambda progress, cancelled: publishing.line_quota(self.db, self.actor, account_id),
            )
        except (SnsDeskError, Cancelled) as error:
            self.quota.setText(getattr(error, "message", "残り通数を確認できませんでした。"))
        else:
            self.quota.setText(quota.text())
        self.quota.setVisible(True)

    def send(self) -> None:
        what = f"この本文と画像 {self.plan.image_count} 枚" if self.plan.image_count else "この本文"
        if not confirm(self, f"{self.plan.account_name} に、{what}を投稿します。よろしいですか？"):
            return
        try:
            done = run_with_progress(
                self,
                "投稿しています…",
                lambda progress, cancelled: publishing.publish(
                    self.db, self.actor, self.post_id, self.plan.version
                ),
                cancellable=False,
            )
        except Exception as error:
            show_error(self, error, "publish")
            self.load()
            return
        at = done.at.astimezone(pol.JST)
        self.done_text = f"投稿しました: {done.url or done.remote_id}（{at:%Y-%m-%d %H:%M}）"
        self.outcome.setText(self.done_text)
        self.outcome.setStyleSheet(style.OK_STYLE)
        self.load()

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.plan.text)
        self.outcome.setText(
            "本文をクリップボードにコピーしました。投稿した後、URL と日時を記録してください。"
        )

    def open_compose(self) -> None:
        if self.plan.compose_url:
            QDesktopServices.openUrl(QUrl(self.plan.compose_url))
            self.outcome.setText("投稿画面を開きました。投稿した後、URL と日時を記録してください。")

    def record(self) -> None:
        chosen = self.when.dateTime().toPython()
        assert isinstance(chosen, datetime)
        when = chosen.astimezone(pol.JST)  # the PC's local time, as shown
        try:
            post_workflow.record_publication(
                self.db, self.actor, self.post_id, self.plan.version, self.url.text(), when
            )
        except Exception as error:
            show_error(self, error, "record publication")
            return
        self.done_text = "投稿結果を記録しました。"
        connection = self.plan.connection
        if (
            connection is not None
            and connection.approved
            and connection.here
            and self.plan.platform is Platform.X
        ):
            self.done_text += " " + self.read_back()
        self.outcome.setText(self.done_text)
        self.outcome.setStyleSheet(style.WARNING_STYLE if "⚠" in self.done_text else style.OK_STYLE)
        self.load()

    def read_back(self) -> str:
        """The post made by hand, read back through the connection and compared with the approved text."""
        try:
            trouble = run_with_progress(
                self,
                "投稿を読み返しています…",
                lambda progress, cancelled: publish_recovery.read_back_manual(
                    self.db, self.actor, self.post_id
                ),
            )
        except (SnsDeskError, Cancelled) as error:
            return f"⚠ 読み返せませんでした: {getattr(error, 'message', '中断しました。')}"
        return f"⚠ {trouble}" if trouble else "X で読み返し、承認どおりの本文であることを確認しました。"
