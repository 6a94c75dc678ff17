"""§3(2) reports tracked (issue 16, item 5): the opening, a change and the closure each open a 「広報課への報告」
item, closed when the report is recorded as sent (管理者) or received (広報課); 運用中 may wait for the opening
report; the account list shows what is unreported."""

from __future__ import annotations

from pathlib import Path

import pytest

from sns_desk.cli.main import main
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.reporting_rules import (
    ReportClosure,
    ReportEvent,
    activation_refusal,
    change_needs_report,
    unreported_text,
)
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.export import workbooks as reports
from sns_desk.host import identity
from sns_desk.services import account_reports, accounts
from sns_desk.services.accounts import AccountInput
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import AccountReport
from sns_desk.store.orm import ReportRecord
from tests.world import People, complete_checklist, in_state, request, staff_up, version

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)


def events(db: Database, p: People, account_id: int) -> list[str]:
    return [i.what for i in account_reports.report_items(db, p.kacho, account_id=account_id)]


def test_opening_change_and_closure_each_open_an_item(db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    assert events(db, people, account) == ["開設の報告"]
    row = accounts.get_account(db, people.kacho, account)
    accounts.edit_account(
        db,
        people.kacho,
        account,
        row.version,
        AccountInput(
            row.platform, "鹿児島市観光公式X（新）", row.department_id, row.handle, "https://x.com/kanko2"
        ),
    )
    assert events(db, people, account) == ["変更の報告（アカウント名・URL）", "開設の報告"]
    assert accounts.get_account(db, people.kacho, account).unreported == "未報告: 開設・変更"
    row = accounts.get_account(db, people.kacho, account)  # saving without a change is no change to report
    accounts.edit_account(
        db,
        people.kacho,
        account,
        row.version,
        AccountInput(row.platform, row.name, row.department_id, row.handle, row.url),
    )
    assert len(events(db, people, account)) == 2
    accounts.close(db, people.kyokucho, account, version(db, people.kyokucho, account), "事業終了")
    assert events(db, people, account)[0] == "廃止の報告"


def test_a_rejected_request_is_nothing_to_report(db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.REJECTED)
    assert events(db, people, account) == []


def test_the_manager_records_it_sent_and_pr_records_it_received(db: Database, people: People) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    (item,) = account_reports.report_items(db, people.kacho, account_id=account)
    assert [i.id for i in account_reports.report_items(db, people.koho)] == [
        item.id
    ]  # 広報課 sees every account
    assert account_reports.report_items(db, people.outsider) == []
    with pytest.raises(PermissionDeniedError):
        account_reports.record_reported(db, people.tanto, item.id, ReportClosure.SENT)
    with pytest.raises(PermissionDeniedError):
        account_reports.record_reported(db, people.kacho, item.id, ReportClosure.RECEIVED)
    account_reports.record_reported(db, people.koho, item.id, ReportClosure.RECEIVED)
    (done,) = account_reports.report_items(db, people.kacho, account_id=account, open_only=False)
    assert done.closed_how is ReportClosure.RECEIVED and done.closed_by == "広報 課員" and done.closed_at
    assert accounts.get_account(db, people.kacho, account).unreported == ""
    with pytest.raises(ConflictError):
        account_reports.record_reported(db, people.kacho, item.id, ReportClosure.SENT)


def test_active_can_wait_for_the_opening_report(db: Database, people: People, tmp_path: Path) -> None:
    account = request(db, people)
    accounts.approve_opening(db, people.kyokucho, account, version(db, people.kyokucho, account))
    staff_up(db, people, account)
    complete_checklist(db, people, account)
    with pytest.raises(PermissionDeniedError):
        account_reports.set_opening_report_required(
            db, people.tanto, account, version(db, people.kacho, account), True
        )
    account_reports.set_opening_report_required(
        db, people.kacho, account, version(db, people.kacho, account), True
    )
    assert accounts.get_account(db, people.kacho, account).opening_report_required
    with pytest.raises(ValidationError, match=r"広報課への開設の報告（§3\(2\)）"):
        accounts.activate(db, people.kacho, account, version(db, people.kacho, account))
    # the workbook and the record that it was sent: one flow
    result = reports.export_account_report(db, people.kacho, account, "開設", tmp_path / "report.xlsx")
    assert result.path.is_file()
    assert account_reports.record_sent_for(db, people.kacho, account, ReportEvent.OPENING) == 1
    with db.read() as session:
        row = session.query(AccountReport).filter_by(account_id=account).one()
        record = session.get(ReportRecord, row.report_record_id)
        assert record is not None and record.sha256 == result.sha256
    accounts.activate(db, people.kacho, account, version(db, people.kacho, account))
    assert accounts.get_account(db, people.kacho, account).status is AccountStatus.ACTIVE
    assert account_reports.record_sent_for(db, people.kacho, account, ReportEvent.OPENING) == 0


def test_the_rules() -> None:
    assert change_needs_report({"name"}) and not change_needs_report({"allow_self_approval"})
    assert unreported_text([ReportEvent.CLOSURE, ReportEvent.OPENING]) == "未報告: 開設・廃止"
    assert unreported_text([]) == ""
    assert activation_refusal(False, True) == "" and activation_refusal(True, False) == ""
    assert "§3(2)" in activation_refusal(True, True)


def test_the_command_line_makes_the_report_records_it_sent_and_pr_receives(
    db: Database,
    people: People,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    where = str(db.location.path) if db.location.path is not None else db.location.url
    db.dispose()

    def run(login: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(identity, "current_login", lambda: login)
        code = main(["--db", where, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _e = run("kacho", "export", "pending")
    assert code == 0 and out.split("\t")[2:4] == ["鹿児島市観光公式X", "開設の報告"]
    code, out, err = run(
        "kacho",
        "export",
        "account-report",
        str(account),
        "--event",
        "開設",
        "--out",
        str(tmp_path),
        "--record-sent",
    )
    assert code == 0, err
    assert "広報課への開設の報告 1 件を送付済みとして記録しました（§3(2)）。" in out
    code, out, _e = run("kacho", "export", "pending", "--all")
    assert out.rstrip().endswith("送付済み（観光 課長）")
    row = accounts.get_account(db, people.kacho, account)
    accounts.edit_account(
        db,
        people.kacho,
        account,
        row.version,
        AccountInput(row.platform, "新しい名前", row.department_id, row.handle, row.url),
    )
    (change_item,) = account_reports.report_items(db, people.kacho, account_id=account)
    db.dispose()
    code, _o, err = run("kacho", "export", "received", str(change_item.id))
    assert code == 2 and "広報課" in err
    code, out, _e = run("koho", "export", "received", str(change_item.id))
    assert code == 0 and account_reports.report_items(db, people.kacho, account_id=account) == []
