"""事後承認 on screen (§5(9)): the 管理者 allows it in the account's dialog; the 担当者's editor offers 「投稿する」 on
a 承認待ち emergency post; in 承認待ち the post already out leads, marked, with 事後承認 and the orders to correct or
delete it (which need a reason); one click approves it after the fact, signed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, DecisionKind, PostStatus
from sns_desk.gui import style
from sns_desk.gui.accounts.account_info_dialog import AccountInfoDialog
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.gui.posts.post_editor import PostEditor
from sns_desk.gui.posts.publish_dialog import PublishDialog
from sns_desk.services import accounts, post_queries, post_workflow
from sns_desk.store.database import Database
from tests.gui.conftest import cell, rows
from tests.test_posts import draft, submit, version
from tests.world import People, in_state

REASON = "震度6弱の地震。避難所の開設を直ちに知らせるため"
URL = "https://x.com/kagoshima_kanko/status/1860000000000000001"


def test_allow_publish_first_and_decide_after_the_fact(qtbot: QtBot, db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    dialog = AccountInfoDialog(db, people.kacho, accounts.get_account(db, people.kacho, account))
    qtbot.addWidget(dialog)
    assert not dialog.ui.afterApprovalCheck.isChecked()
    dialog.ui.afterApprovalCheck.setChecked(True)
    dialog.save()
    assert accounts.get_account(db, people.kacho, account).allow_after_approval

    ordinary = draft(db, people.tanto, account, "週末のイベントのお知らせ")
    submit(db, people.tanto, ordinary)
    post_id = draft(
        db, people.tanto, account, "避難所を開設しました。", emergency=True, emergency_reason=REASON
    )
    submit(db, people.tanto, post_id)
    editor = PostEditor(db, people.tanto, post_id)
    qtbot.addWidget(editor)
    assert editor.ui.publishButton.isVisibleTo(editor)  # 「投稿する…」 on a 承認待ち emergency post
    publish = PublishDialog(db, people.tanto, post_id)
    qtbot.addWidget(publish)
    assert "事後承認待ち" in publish.heading.text()
    post_workflow.record_publication(db, people.tanto, post_id, version(db, people.tanto, post_id), URL)

    page = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.refresh()
    assert rows(page.ui.pendingTable) == 2
    assert cell(page.ui.pendingTable, 0, 0) == str(post_id)  # already out: first
    assert cell(page.ui.pendingTable, 0, 1) == "⚠ 事後承認待ち・緊急"
    colour = page.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert colour is not None and colour.name() == style.ERROR
    assert "承認の前に投稿済み" in page.ui.headerLabel.text()
    assert page.ui.approveButton.text() == "事後承認(&A)" and page.ui.approveButton.isEnabled()
    assert page.ui.rejectButton.isHidden() and not page.ui.orderCorrectionButton.isHidden()
    assert not page.ui.orderCorrectionButton.isEnabled() and not page.ui.orderDeletionButton.isEnabled()
    page.ui.commentEdit.setPlainText("避難所の名前が誤っています")
    assert page.ui.orderCorrectionButton.isEnabled() and page.ui.orderDeletionButton.isEnabled()
    page.ui.commentEdit.clear()
    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is PostStatus.PUBLISHED
    assert detail.decisions[0].kind is DecisionKind.AFTER_APPROVE
    assert detail.decisions[0].seal.startswith("電子印鑑 ✓")
    assert rows(page.ui.pendingTable) == 1  # the ordinary request remains, with 承認 and 差戻し
    assert page.ui.approveButton.text() == "承認(&A)" and not page.ui.rejectButton.isHidden()
    assert page.ui.orderCorrectionButton.isHidden()
