"""代決 on screen: the 管理者 names a deputy and marks themself away in the account's dialog; the deputy finds the
post in 承認待ち, approves it with one click, and the post's history says 代決 (who for whom)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.gui.accounts.deputy_dialog import DeputyDialog
from sns_desk.gui.approvals.approvals_page import ApprovalsPage
from sns_desk.services import deputies, post_queries, signing, users
from sns_desk.store.database import Database
from tests.gui.conftest import cell, rows
from tests.test_posts import draft, submit
from tests.world import People, in_state


def test_name_a_deputy_mark_absent_and_the_deputy_approves(
    qtbot: QtBot, db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    users.create_user(db, people.admin, users.UserInput("hosa", "観光 課長補佐", people.section_id))
    hosa = users.resolve_actor(db, "hosa")
    users.assign_account_role(db, people.kacho, account, hosa.user_id, Role.STAFF)
    signing.register_key(db, hosa)
    signing.certify(db, people.admin, "hosa")
    post_id = draft(db, people.tanto, account)
    submit(db, people.tanto, post_id)

    dialog = DeputyDialog(db, people.kacho, account)
    qtbot.addWidget(dialog)
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findData("hosa"))
    start = datetime.now(UTC) - timedelta(hours=1)
    dialog.from_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp())))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert rows(dialog.table) == 1 and cell(dialog.table, 0, 0) == "観光 課長補佐（hosa）"
    dialog.absent_check.click()
    assert deputies.settings(db, people.kacho, account).manager_absent

    tanto_view = DeputyDialog(db, people.tanto, account)  # a 担当者 sees, but changes nothing
    qtbot.addWidget(tanto_view)
    assert tanto_view.absent_check.isChecked() and not tanto_view.absent_check.isEnabled()

    page = ApprovalsPage(db, hosa)
    qtbot.addWidget(page)
    page.refresh(post_id)
    assert rows(page.ui.pendingTable) == 1 and page.ui.approveButton.isEnabled()
    qtbot.mouseClick(page.ui.approveButton, Qt.MouseButton.LeftButton)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is PostStatus.APPROVED
    assert detail.decisions[0].decided_by == "観光 課長補佐（代決: 観光 課長 に代わって）"
    assert detail.decisions[0].seal.startswith("電子印鑑 ✓")
