"""「投稿状態不明」 and 「公開状態を確認」 (issue 14 items 2 and 5): posts whose sending got no answer, each resolved
by a person (look it up on the platform, or record that it did not go out), and the re-reading of recent posts
that flags any deleted or edited outside the app as a trouble candidate (§8)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import policy as pol
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import (
    APP_TITLE,
    Cancelled,
    ask_reason,
    confirm,
    inform,
    run_with_progress,
    show_error,
)
from sns_desk.gui.shared.item_models import Column, TableModel, selected_row
from sns_desk.services import publish_recovery
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

CHECK_DAYS = 7


def _table(model: TableModel[object], name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PublishedStatusDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(f"投稿状態の確認 — {APP_TITLE}")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        title = QLabel("投稿状態不明（送信の結果が分からない投稿）")
        title.setStyleSheet(style.HEADER_STYLE)
        layout.addWidget(title)
        self.unknown_model: TableModel[publish_recovery.UnknownPost] = TableModel(
            [
                Column("投稿", lambda r: str(r.post_id), right=True),
                Column("アカウント", lambda r: r.account_name),
                Column(
                    "送信",
                    lambda r: f"{r.claimed_at.astimezone(pol.JST):%m/%d %H:%M} {r.claimed_by}（{r.host}）",
                ),
                Column("状況", lambda r: r.problem, colour=lambda r: style.WARNING),
                Column("本文", lambda r: r.text),
            ]
        )
        self.unknown_view = _table(self.unknown_model, "投稿状態不明の投稿")  # type: ignore[arg-type]
        layout.addWidget(self.unknown_view)
        row = QHBoxLayout()
        self.lookup_button = QPushButton("連携先で探す")
        self.lookup_button.clicked.connect(self.look_up)
        row.addWidget(self.lookup_button)
        self.not_sent_button = QPushButton("投稿されていないと記録…")
        self.not_sent_button.clicked.connect(self.not_published)
        row.addWidget(self.not_sent_button)
        row.addStretch(1)
        layout.addLayout(row)

        heading = QLabel(f"公開状態（連携で送信した最近 {CHECK_DAYS} 日の投稿を読み返す、§8）")
        heading.setStyleSheet(style.HEADER_STYLE)
        layout.addWidget(heading)
        self.check_model: TableModel[publish_recovery.CheckedPost] = TableModel(
            [
                Column("投稿", lambda r: str(r.post_id), right=True),
                Column("アカウント", lambda r: r.account_name),
                Column(
                    "状態",
                    lambda r: r.trouble or r.note or "承認どおりに公開されています",
                    colour=lambda r: style.ERROR if r.trouble else (style.MUTED if r.note else style.OK),
                ),
                Column("URL", lambda r: r.url),
            ]
        )
        layout.addWidget(_table(self.check_model, "公開状態の確認結果"))  # type: ignore[arg-type]
        check_row = QHBoxLayout()
        self.check_button = QPushButton("公開状態を確認")
        self.check_button.clicked.connect(self.check)
        check_row.addWidget(self.check_button)
        self.summary = QLabel()
        check_row.addWidget(self.summary, 1)
        layout.addLayout(check_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.load()

    def load(self) -> None:
        rows = publish_recovery.unknown_posts(self.db, self.actor)
        self.unknown_model.set_rows(rows)
        self.lookup_button.setEnabled(bool(rows))
        self.not_sent_button.setEnabled(bool(rows))
        if rows:
            self.unknown_view.selectRow(0)

    def _selected(self) -> publish_recovery.UnknownPost | None:
        return selected_row(self.unknown_view, self.unknown_model)

    def look_up(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            seen = run_with_progress(
                self,
                "連携先で投稿を探しています…",
                lambda progress, cancelled: publish_recovery.look_up(self.db, self.actor, row.post_id),
            )
        except Cancelled:
            return
        except Exception as error:
            show_error(self, error, "look up")
            return
        if seen is None:
            inform(
                self,
                "同じ本文の投稿は見つかりませんでした。投稿されていなければ「投稿されていないと記録」を選んでください。",
            )
            return
        when = f"{seen.created_at.astimezone(pol.JST):%Y-%m-%d %H:%M}" if seen.created_at else "時刻不明"
        if not confirm(self, f"見つかりました: {seen.url}（{when}）\n投稿済みとして記録しますか？"):
            return
        try:
            publish_recovery.resolve_published(self.db, self.actor, row.post_id, seen)
        except Exception as error:
            show_error(self, error, "resolve published")
        self.load()

    def not_published(self) -> None:
        row = self._selected()
        if row is None:
            return
        note = ask_reason(
            self,
            "投稿されていないと記録",
            "投稿されていないことを、どのように確認しましたか（例: X の画面で確認）:",
        )
        if note is None:
            return
        try:
            publish_recovery.resolve_not_published(self.db, self.actor, row.post_id, note)
        except Exception as error:
            show_error(self, error, "resolve not published")
        self.load()

    def check(self) -> None:
        try:
            results = run_with_progress(
                self,
                "最近の投稿を読み返しています…",
                lambda progress, cancelled: publish_recovery.check_published(self.db, self.actor, CHECK_DAYS),
            )
        except Cancelled:
            return
        except Exception as error:
            show_error(self, error, "published check")
            return
        self.check_model.set_rows(results)
        troubles = sum(1 for r in results if r.trouble)
        self.summary.setText(f"{len(results)} 件を確認しました。トラブル候補: {troubles} 件。")
        self.summary.setStyleSheet(style.ERROR_STYLE if troubles else style.OK_STYLE)
