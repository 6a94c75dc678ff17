"""The アカウント screen: request as 管理者, approve as 責任者, complete the checklist, store a credential, 運用中."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sns_desk.domain.vocabulary import AccountStatus, ChecklistKey, ChecklistState
from sns_desk.gui.accounts.account_request_dialog import AccountRequestDialog
from sns_desk.gui.accounts.accounts_page import ACCOUNT_COLUMNS, AccountsPage
from sns_desk.gui.accounts.checklist_dialog import ChecklistDialog
from sns_desk.gui.accounts.credential_dialog import CredentialDialog
from sns_desk.gui.shared.item_models import TableModel
from sns_desk.host import keyring_access
from sns_desk.services import (
    account_policies,
    accounts,
    post_drafts,
    post_queries,
    post_scopes,
    post_workflow,
)
from sns_desk.store.database import Database
from tests.gui.conftest import MessageBoxes, cell, rows
from tests.world import People, in_state

SECRET = "Sakurajima-Kanko-2026!"


def ok(dialog: QDialog) -> QDialogButtonBox:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined,no-any-return]


def open_page(qtbot: QtBot, db: Database, actor) -> AccountsPage:  # type: ignore[no-untyped-def]
    page = AccountsPage(db, actor)
    qtbot.addWidget(page)
    page.show()
    return page


def test_request_approve_checklist_credential_reach_active(
    qtbot: QtBot, db: Database, people: People, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1. the 管理者 (課長) requests the account with its first policy
    kacho = open_page(qtbot, db, people.kacho)
    assert kacho.ui.requestButton.isEnabled()

    def fill_request(dialog: AccountRequestDialog) -> int:
        qtbot.addWidget(dialog)
        ui, editor = dialog.ui, dialog.editor
        ui.nameEdit.setText("鹿児島市観光公式X")
        qtbot.keyClicks(ui.handleEdit, "@kagoshima_kanko")
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert "アカウント責任者を選んでください" in ui.errorLabel.text()
        ui.responsibleCombo.setCurrentIndex(
            ui.responsibleCombo.findText("観光 局長", Qt.MatchFlag.MatchStartsWith)
        )
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert "§3(1)ウ" in ui.errorLabel.text(), "the policy is not complete yet"
        assert ui.tabs.currentIndex() == 1, "the form shows the policy tab where the problem is"
        editor.ui.purposeEdit.setPlainText("観光情報を国内外に発信する。")
        editor.ui.contentEdit.setPlainText("イベント、季節の見どころ")
        qtbot.keyClicks(editor.ui.contactPhoneEdit, "099-216-1327")
        for combo in (
            editor.ui.followCombo,
            editor.ui.repostCombo,
            editor.ui.likeCombo,
            editor.ui.shareCombo,
        ):
            combo.setCurrentIndex(combo.findText("行わない"))
        assert "そろっています" in editor.ui.problemsLabel.text()
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted
        return int(dialog.result())

    monkeypatch.setattr(AccountRequestDialog, "exec", fill_request)
    qtbot.mouseClick(kacho.ui.requestButton, Qt.MouseButton.LeftButton)
    assert kacho.current is not None and kacho.current.status is AccountStatus.REQUESTED
    account_id = kacho.current.id
    assert not kacho.ui.approveButton.isVisible(), "the 管理者 cannot approve the opening"
    assert "第1版（作成中）" in kacho.ui.versionsList.item(0).text()

    # 2. the 責任者 (局長) approves the opening and the policy with one click
    kyokucho = open_page(qtbot, db, people.kyokucho)
    kyokucho.select(account_id)
    assert kyokucho.ui.approveButton.isVisible() and kyokucho.ui.rejectButton.isVisible()
    qtbot.mouseClick(kyokucho.ui.approveButton, Qt.MouseButton.LeftButton)
    assert kyokucho.current is not None and kyokucho.current.status is AccountStatus.PREPARING
    assert "第1版（現行（承認済））" in kyokucho.ui.versionsList.item(0).text()

    # 3. the 管理者 completes the anti-impersonation checklist
    kacho.refresh(account_id)
    assert kacho.current is not None and len(kacho.current.open_items) == 4
    answers = [
        (ChecklistKey.VERIFIED, ChecklistState.NOT_OFFERED, "", "自治体向けの認証がない"),
        (ChecklistKey.HOMEPAGE, ChecklistState.DONE, "https://www.city.kagoshima.lg.jp/sns/kanko.html", ""),
        (ChecklistKey.PROFILE_LINK, ChecklistState.DONE, "", "プロフィール欄に記載"),
    ]

    def fill_checklist(dialog: ChecklistDialog) -> int:
        qtbot.addWidget(dialog)
        key, state, url, note = answers.pop(0)
        dialog.ui.itemCombo.setCurrentIndex(dialog.ui.itemCombo.findData(key.value))
        dialog.ui.stateCombo.setCurrentIndex(dialog.ui.stateCombo.findData(state.value))
        dialog.ui.urlEdit.setText(url)
        dialog.ui.noteEdit.setText(note)
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.ui.errorLabel.text()
        return int(dialog.result())

    monkeypatch.setattr(ChecklistDialog, "exec", fill_checklist)
    for _ in range(3):
        qtbot.mouseClick(kacho.ui.recordChecklistButton, Qt.MouseButton.LeftButton)
    assert [cell(kacho.ui.checklistTable, r, 2) for r in range(4)] == [
        "運営者が認証を提供していない",
        "対応済",
        "対応済",
        "未対応",
    ]

    # 4. ... and stores the credential (in the OS keyring: the memory stand-in here)
    def fill_credential(dialog: CredentialDialog) -> int:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.ui.loginIdEdit, "kagoshima_kanko")
        qtbot.keyClicks(dialog.ui.passwordEdit, SECRET)
        qtbot.keyClicks(dialog.ui.confirmEdit, "typo")
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert "一致しません" in dialog.ui.errorLabel.text()
        qtbot.keyClicks(dialog.ui.confirmEdit, SECRET)
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.ui.errorLabel.text()
        assert dialog.ui.passwordEdit.text() == "", "the secret does not linger in the widget"
        return int(dialog.result())

    monkeypatch.setattr(CredentialDialog, "exec", fill_credential)
    qtbot.mouseClick(kacho.ui.setCredentialButton, Qt.MouseButton.LeftButton)
    assert "保存済み" in kacho.ui.credentialInfoLabel.text()
    assert kacho.current is not None and kacho.current.open_items == ()

    # 5. the 管理者 starts operation
    assert kacho.ui.activateButton.isVisible()
    qtbot.mouseClick(kacho.ui.activateButton, Qt.MouseButton.LeftButton)
    assert kacho.current is not None and kacho.current.status is AccountStatus.ACTIVE
    assert "［運用中］" in kacho.ui.headerLabel.text()
    assert kacho.model.row_at(0).status is AccountStatus.ACTIVE


def test_password_copy_is_cleared_from_the_clipboard(qtbot: QtBot, db: Database, people: People) -> None:
    account_id = in_state(db, people, AccountStatus.ACTIVE)
    page = open_page(qtbot, db, people.tanto)
    page.select(account_id)
    page.clipboard.seconds = 1
    assert page.ui.copyPasswordButton.isEnabled() and not page.ui.setCredentialButton.isEnabled()
    qtbot.mouseClick(page.ui.copyPasswordButton, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "correct horse battery staple"
    assert "秒後に消去します" in page.ui.clipboardLabel.text()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=5000)
    assert page.ui.clipboardLabel.text() == ""


def test_credential_buttons_explain_a_refused_keyring(qtbot: QtBot, db: Database, people: People) -> None:
    import keyring
    import keyring.backends.fail

    account_id = in_state(db, people, AccountStatus.PREPARING)
    keyring.set_keyring(keyring.backends.fail.Keyring())
    page = open_page(qtbot, db, people.kacho)
    page.select(account_id)
    assert "認証情報の機能は使えません" in page.ui.keyringStatusLabel.text()
    assert not page.ui.setCredentialButton.isEnabled()
    assert not keyring_access.keyring_status().usable


def test_suspend_asks_for_the_reason(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    account_id = in_state(db, people, AccountStatus.ACTIVE)
    page = open_page(qtbot, db, people.kyokucho)
    page.select(account_id)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *a, **k: ("炎上のため（§8(4)）", True))
    )
    qtbot.mouseClick(page.ui.suspendButton, Qt.MouseButton.LeftButton)
    assert page.current is not None and page.current.status is AccountStatus.SUSPENDED
    assert page.ui.reasonValue.text() == "炎上のため（§8(4)）"
    assert page.ui.resumeButton.isVisible() and not page.ui.suspendButton.isVisible()


def test_policy_tab_diff_and_save(
    qtbot: QtBot, db: Database, people: People, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    from tests.world import valid_policy

    account_id = in_state(db, people, AccountStatus.ACTIVE)
    account_policies.save_policy_draft(
        db, people.kacho, account_id, valid_policy(hours={d: [("09:00", "18:00")] for d in range(5)})
    )
    page = open_page(qtbot, db, people.kyokucho)
    page.select(account_id)
    assert page.ui.versionsList.count() == 2
    page.ui.versionsList.setCurrentRow(0)
    assert page.ui.approvePolicyButton.isEnabled()
    qtbot.mouseClick(page.ui.diffButton, Qt.MouseButton.LeftButton)
    assert "+運用時間: 月〜金 9:00〜18:00" in page.ui.policyView.toPlainText()
    qtbot.mouseClick(page.ui.approvePolicyButton, Qt.MouseButton.LeftButton)
    assert "第2版（現行（承認済））" in page.ui.versionsList.item(0).text()
    out = tmp_path / "policy.html"
    page.save_policy_to(out, as_html=True)
    assert "<h2>エ 運用方法</h2>" in out.read_text(encoding="utf-8")


def test_accounts_model_passes_the_model_tester(qtmodeltester, db: Database, people: People) -> None:  # type: ignore[no-untyped-def]
    in_state(db, people, AccountStatus.ACTIVE)
    model = TableModel(ACCOUNT_COLUMNS)
    model.set_rows(accounts.list_accounts(db, people.koho))
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.index(0, 2).data() == "運用中"


def test_scope_dialog_writes_a_template_with_a_live_sample_and_the_review_is_in_one_place(
    qtbot: QtBot, db: Database, people: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sns_desk.domain.vocabulary import SlotKind
    from sns_desk.gui.accounts.scope_dialog import ScopeDialog
    from tests.test_posts import ALL_CHECKED, in_hours

    account_id = in_state(db, people, AccountStatus.ACTIVE)
    page = open_page(qtbot, db, people.kacho)
    page.select(account_id)
    assert page.ui.addScopeButton.isEnabled()

    def fill(dialog: ScopeDialog) -> int:
        qtbot.addWidget(dialog)
        ui = dialog.ui
        ui.titleEdit.setText("定例の降灰予報")
        ui.templateEdit.setPlainText("本日{日付}の桜島の降灰予報です。風向き: {風向}。")
        assert "{日付} に対応する差し込み欄がありません" in ui.sampleNote.text()  # told live, before saving
        ui.slotNameEdit.setText("日付")
        ui.slotKindCombo.setCurrentIndex(ui.slotKindCombo.findData(SlotKind.DATE))
        qtbot.mouseClick(ui.setSlotButton, Qt.MouseButton.LeftButton)
        ui.slotNameEdit.setText("風向")
        ui.slotKindCombo.setCurrentIndex(ui.slotKindCombo.findData(SlotKind.CHOICE))
        ui.slotDetailEdit.setText("北、北東、東")
        qtbot.mouseClick(ui.setSlotButton, Qt.MouseButton.LeftButton)
        assert rows(ui.slotsTable) == 2 and cell(ui.slotsTable, 1, 2) == "北、北東、東"
        assert ui.sampleView.toPlainText().endswith("の桜島の降灰予報です。風向き: 北。")
        ui.reviewDaysSpin.setValue(2)
        ui.untilEdit.setDate(ui.fromEdit.date().addDays(60))
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, ui.errorLabel.text()
        return int(dialog.result())

    monkeypatch.setattr(ScopeDialog, "exec", fill)
    qtbot.mouseClick(page.ui.addScopeButton, Qt.MouseButton.LeftButton)
    assert rows(page.ui.scopesTable) == 1
    assert (
        cell(page.ui.scopesTable, 0, 1).startswith("本日{日付}") and cell(page.ui.scopesTable, 0, 4) == "有効"
    )
    [scope] = post_scopes.list_scopes(db, people.kacho, account_id)
    assert scope.review_days == 2 and [s.name for s in scope.slots or ()] == ["日付", "風向"]
    body = post_scopes.fill(db, people.tanto, scope.id, {"日付": "12月1日", "風向": "東"})
    post_id = post_workflow.create_draft(
        db, people.tanto, post_drafts.PostInput(account_id, body, planned_at=in_hours(), scope_id=scope.id)
    )
    post_workflow.submit(
        db, people.tanto, post_id, post_queries.get_post(db, people.tanto, post_id).row.version, ALL_CHECKED
    )
    page.refresh(account_id)
    assert (
        "未確認のものが 1 件" in page.ui.reviewLabel.text()
        and 'href="approvals"' in page.ui.reviewLabel.text()
    )

    from sns_desk.gui.approvals.approvals_page import ApprovalsPage

    approvals = ApprovalsPage(db, people.kacho)
    qtbot.addWidget(approvals)
    approvals.show()
    assert approvals.ui.scopeReviewGroup.isVisible() and rows(approvals.ui.scopeReviewTable) == 1
    assert cell(approvals.ui.scopeReviewTable, 0, 2) == "定例の降灰予報（第1版）"
    approvals.ui.scopeReviewTable.selectRow(0)
    qtbot.mouseClick(approvals.ui.scopeReviewedButton, Qt.MouseButton.LeftButton)
    assert rows(approvals.ui.scopeReviewTable) == 0 and not approvals.ui.scopeReviewGroup.isVisible()
    assert post_queries.get_post(db, people.kacho, post_id).scope_reviewed


def test_reports_page_exports_with_progress_and_records_it(
    qtbot: QtBot, db: Database, people: People, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    from openpyxl import load_workbook

    from sns_desk.gui.reports.reports_page import ReportsPage

    account_id = in_state(db, people, AccountStatus.ACTIVE)
    page = ReportsPage(db, people.kacho)
    qtbot.addWidget(page)
    assert [page.ui.kindCombo.itemText(i) for i in range(page.ui.kindCombo.count())] == [
        "公式アカウント開設・変更・廃止報告書",
        "投稿実績",
        "ソーシャルメディアのトラブル報告書",
    ], "the city-wide list is for 広報課"
    page.ui.accountCombo.setCurrentIndex(page.ui.accountCombo.findData(account_id))
    page.ui.folderEdit.setText(str(tmp_path))
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.last is not None and page.last.path.exists()
    assert page.last.path.name.startswith("公式アカウント開設・変更・廃止報告書_鹿児島市観光公式X_開設_")
    assert load_workbook(page.last.path)["報告書"]["C12"].value == "鹿児島市観光公式X（@kagoshima_kanko）"
    assert page.ui.openFolderButton.isEnabled() and rows(page.ui.historyTable) == 1
    assert cell(page.ui.historyTable, 0, 1) == "公式アカウント開設・変更・廃止報告書"


def test_reports_page_offers_koho_the_city_list_but_not_the_overview_of_its_own_page(
    qtbot: QtBot, db: Database, people: People
) -> None:
    from sns_desk.gui.reports.reports_page import ReportsPage

    page = ReportsPage(db, people.koho)
    qtbot.addWidget(page)
    assert [page.ui.kindCombo.itemText(i) for i in range(page.ui.kindCombo.count())] == [
        "公式アカウント開設・変更・廃止報告書",
        "公式アカウント一覧",
        "投稿実績",
        "ソーシャルメディアのトラブル報告書",
    ], "the 運用状況一覧 is exported from the 運用状況 page"


def test_reports_page_replaces_an_existing_file_only_after_confirmation(
    qtbot: QtBot, db: Database, people: People, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    from sns_desk.gui.reports.reports_page import ReportsPage

    account_id = in_state(db, people, AccountStatus.ACTIVE)
    page = ReportsPage(db, people.kacho)
    qtbot.addWidget(page)
    page.ui.accountCombo.setCurrentIndex(page.ui.accountCombo.findData(account_id))
    page.ui.folderEdit.setText(str(tmp_path))
    existing = page.destination()
    existing.write_bytes(b"the report sent last week")
    message_boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert (
        "同じ名前のファイルが既にあります" in message_boxes.texts()
        and "置き換えますか" in message_boxes.texts()
    )
    assert existing.read_bytes() == b"the report sent last week" and page.last is None
    assert "そのまま" in page.ui.resultLabel.text()
    message_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert page.last is not None and page.last.path == existing.resolve()
    assert existing.read_bytes()[:2] == b"PK", "replaced by the new workbook once confirmed"
