"""Reports to 広報課 (§3(2), §3(3)イ): every field checked against its data; templates by defined names; print."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from sqlalchemy import select

from sns_desk import resources
from sns_desk.domain import japan_time
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.vocabulary import AccountStatus, Platform
from sns_desk.export import workbooks as reports
from sns_desk.export.template_guard import TemplateError
from sns_desk.services import (
    account_policies,
    accounts,
    post_drafts,
    post_queries,
    post_workflow,
    report_queries,
)
from sns_desk.services.accounts import AccountInput
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, ReportRecord
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, in_state, unavailable

URL = "https://x.com/kagoshima_kanko"


@pytest.fixture
def account(db: Database, people: People) -> int:
    account_id = in_state(db, people, AccountStatus.ACTIVE)
    row = accounts.get_account(db, people.kacho, account_id)
    accounts.edit_account(
        db,
        people.kacho,
        account_id,
        row.version,
        AccountInput(Platform.X, row.name, row.department_id, "@kagoshima_kanko", URL),
    )
    return account_id


def named(path: Path, key: str) -> object:
    wb = load_workbook(path)
    [(sheet, coord)] = list(wb.defined_names[key].destinations)
    return wb[sheet][coord.replace("$", "")].value


def test_account_report_fields(db: Database, people: People, account: int, tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    result = reports.export_account_report(
        db, people.kacho, account, "開設", out, reiwa=True, remarks="新規開設"
    )
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    row = accounts.get_account(db, people.kacho, account)
    with db.read() as session:
        current = account_policies.current_policy(session, account)
    assert current is not None
    expected = {
        "kind": "開設",
        "addressee": "広報課長 様",
        "department": "観光交流局 観光振興課",
        "responsible": "観光 局長",
        "manager": "観光 課長",
        "staff": "観光 担当",
        "platform": "X",
        "account_name": "鹿児島市観光公式X（@kagoshima_kanko）",
        "account_url": URL,
        "start_date": japan_time.jp_date(row.activated_at, reiwa=True),
        "purpose": current.purpose,
        "content": current.content,
        "hours": "月〜金 8:30〜17:15",
        "contact": "099-216-1327、kanko@city.example.lg.jp",
        "policy_url": current.published_url,
        "remarks": "新規開設",
        "report_date": japan_time.jp_date(pol.now_jst().date(), reiwa=True),  # reports are dated in Japan
    }
    for key, value in expected.items():
        assert named(out, key) == (value or None), key
    assert str(named(out, "comment_handling")).startswith("回答しない。")
    assert "運営者が認証アカウントを発行していない" in str(named(out, "measure_verified"))
    assert "https://www.city.example.lg.jp/sns/kanko.html" in str(named(out, "measure_homepage"))
    assert "資格情報ストア" in str(named(out, "measure_password"))
    assert named(out, "contractor") == "株式会社かごしま広告（遵守確認 令和8年4月1日）"
    assert "観光交流局 観光振興課" in str(named(out, "reporter"))
    policy_sheet = load_workbook(out)["運用ポリシー"]
    texts = [c.value for c in policy_sheet["A"] if c.value]
    assert texts[0] == "鹿児島市観光公式X 運用ポリシー"
    assert "ア 運用するソーシャルメディアの種類" in texts and "キ 免責事項" in texts
    ws = load_workbook(out)["報告書"]
    assert int(ws.page_setup.paperSize) == 9 and int(ws.page_setup.fitToWidth) == 1  # 9 = A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_closing_report_carries_the_reason(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    accounts.close(
        db, people.kyokucho, account, accounts.get_account(db, people.kyokucho, account).version, "事業の終了"
    )
    out = tmp_path / "close.xlsx"
    reports.export_account_report(db, people.kacho, account, "廃止", out)
    assert named(out, "kind") == "廃止" and named(out, "remarks") == "事業の終了"


def test_who_may_export(db: Database, people: People, account: int, tmp_path: Path) -> None:
    with pytest.raises(PermissionDeniedError, match="アカウント管理者"):
        reports.export_account_report(db, people.tanto, account, "開設", tmp_path / "x.xlsx")
    with pytest.raises(PermissionDeniedError, match="広報課"):
        reports.export_account_list(db, people.kacho, tmp_path / "list.xlsx")
    with pytest.raises(PermissionDeniedError):
        reports.export_post_record(
            db,
            people.tanto,
            datetime(2026, 1, 1, tzinfo=pol.JST),
            datetime(2026, 12, 31, tzinfo=pol.JST),
            tmp_path / "p.xlsx",
        )
    reports.export_account_report(db, people.koho, account, "変更", tmp_path / "ok.xlsx")  # 広報課 reads all
    assert not (tmp_path / "x.xlsx").exists()


def test_account_list(db: Database, people: People, account: int, tmp_path: Path) -> None:
    in_state(db, people, AccountStatus.REQUESTED)  # not listed: not open
    out = tmp_path / "list.xlsx"
    result = reports.export_account_list(db, people.koho, out)
    assert result.rows == 1
    ws = load_workbook(out).active
    header = [c.value for c in ws[4]]
    assert header[:3] == ["種類", "アカウント名", "URL"]
    row = [c.value for c in ws[5]]
    account_row = accounts.get_account(db, people.koho, account)
    with db.read() as session:
        current = account_policies.current_policy(session, account)
    assert current is not None
    assert row[:7] == [
        "X",
        "鹿児島市観光公式X",
        URL,
        "観光交流局 観光振興課",
        "運用中",
        japan_time.jp_date(account_row.activated_at),
        current.published_url or None,  # an empty cell when the policy names no page yet
    ]
    assert ws.print_title_rows == "$4:$4"


def test_post_record_streams_every_post_of_the_period(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    published = post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "桜島の降灰予報\nあす", planned_at=in_hours())
    )
    post_workflow.submit(
        db,
        people.tanto,
        published,
        post_queries.get_post(db, people.tanto, published).row.version,
        ALL_CHECKED,
    )
    post_workflow.approve(
        db, people.kacho, published, post_queries.get_post(db, people.kacho, published).row.version
    )
    post_workflow.record_publication(
        db,
        people.tanto,
        published,
        post_queries.get_post(db, people.tanto, published).row.version,
        "https://x.com/k/status/1",
        in_hours(),
    )
    draft = post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "下書きのまま", planned_at=in_hours(2))
    )
    post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "ずっと先", planned_at=in_hours(200))
    )
    start, end = datetime.now(pol.JST) - timedelta(days=1), datetime.now(pol.JST) + timedelta(days=30)
    seen: list[int] = []
    out = tmp_path / "posts.xlsx"
    result = reports.export_post_record(
        db,
        people.kacho,
        start,
        end,
        out,
        account_id=account,
        progress=lambda done, total, _t: seen.append(total),
    )
    assert result.rows == 2 and seen
    ws = load_workbook(out).active
    assert ws["A1"].value == "投稿実績" and "（2 件）" in ws["B2"].value
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=5)]
    by_id = {r[0]: r for r in rows}
    assert by_id[published][1:5] == ["鹿児島市観光公式X", "投稿済", "観光 担当", "観光 課長"]
    assert by_id[published][8] == "https://x.com/k/status/1" and by_id[published][9] == "桜島の降灰予報 あす"
    detail = post_queries.get_post(db, people.kacho, published)
    assert by_id[published][5] == japan_time.jp_datetime(posts_submitted(db, published))
    assert by_id[published][6] == japan_time.jp_datetime(detail.decisions[-1].decided_at)
    assert by_id[published][7] == japan_time.jp_datetime(detail.row.published_at)
    assert by_id[published][10] == "個別の承認"
    assert by_id[draft][2] == "下書き" and by_id[draft][4] is None and by_id[draft][10] is None
    assert ws.print_title_rows == "$4:$4"
    assert ws.cell(5, 2).font.name == "游ゴシック", "the rows are in a Japanese font (the workbook's default)"


def posts_submitted(db: Database, post_id: int) -> datetime | None:
    from sns_desk.store.orm import Post

    with db.read() as session:
        post = session.get(Post, post_id)
        assert post is not None
        return post.submitted_at


def test_post_record_can_be_cancelled_and_leaves_no_file(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    items = [post_drafts.PostInput(account, f"お知らせ {i}", planned_at=in_hours()) for i in range(1200)]
    post_drafts.create_drafts(db, people.tanto, items)
    folder = tmp_path / "out"
    out = folder / "posts.xlsx"
    with pytest.raises(reports.ExportCancelled):
        reports.export_post_record(
            db,
            people.kacho,
            datetime.now(pol.JST) - timedelta(days=1),
            datetime.now(pol.JST) + timedelta(days=60),
            out,
            account_id=account,
            cancelled=lambda: True,
        )
    assert list(folder.iterdir()) == [], "no half-written workbook, no temporary file"


def test_each_export_is_recorded_and_audited(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    result = reports.export_account_report(db, people.kacho, account, "開設", tmp_path / "r.xlsx")
    [row] = report_queries.list_exports(db, people.kacho)
    assert (row.kind, row.sha256, row.created_by) == ("account_report", result.sha256, "観光 課長")
    with db.read() as session:
        record = session.scalars(select(ReportRecord)).one()
        events = [e for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "report.export"))]
    assert record.filename == str(tmp_path / "r.xlsx")
    assert len(events) == 1 and result.sha256 in events[0].payload


def test_an_office_template_with_moved_cells_and_decoration(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    assert db.location.path is not None
    folder = db.location.path.parent / "templates"
    folder.mkdir()
    wb = load_workbook(resources.path("templates", "account_report.xlsx"))
    ws = wb["報告書"]
    ws.insert_rows(1, 3)  # the city's own letterhead above the form
    ws["A1"] = "鹿児島市 観光交流局"
    ws["A1"].fill = PatternFill("solid", fgColor="FFE699")
    for key in ("account_name", "account_url"):  # moved to other cells, far from where they were
        wb.defined_names[key] = DefinedName(
            key, attr_text=f"'報告書'!$F${40 if key == 'account_name' else 41}"
        )
    wb.save(folder / "account_report.xlsx")
    out = tmp_path / "office.xlsx"
    reports.export_account_report(db, people.kacho, account, "開設", out)
    result = load_workbook(out)["報告書"]
    assert result["F40"].value == "鹿児島市観光公式X（@kagoshima_kanko）" and result["F41"].value == URL
    assert result["A1"].value == "鹿児島市 観光交流局"


def test_a_template_missing_a_name_says_which(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    assert db.location.path is not None
    folder = db.location.path.parent / "templates"
    folder.mkdir()
    wb = load_workbook(resources.path("templates", "account_report.xlsx"))
    del wb.defined_names["account_url"]
    wb.save(folder / "account_report.xlsx")
    with pytest.raises(TemplateError, match="account_url"):
        reports.export_account_report(db, people.kacho, account, "開設", tmp_path / "x.xlsx")
    (folder / "account_report.xlsx").write_text("not a workbook")
    with pytest.raises(TemplateError, match="読み込めません"):
        reports.export_account_report(db, people.kacho, account, "開設", tmp_path / "x.xlsx")


def _soffice() -> str:
    tool = shutil.which("soffice") or shutil.which("libreoffice")
    if tool is None or shutil.which("pdftotext") is None:
        unavailable("LibreOffice or pdftotext not installed")
    return tool


def _to_pdf(path: Path, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            _soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / "pdf" / (path.stem + ".pdf")


def test_account_report_prints_on_exactly_one_a4_page(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    out = tmp_path / "report.xlsx"
    reports.export_account_report(db, people.kacho, account, "開設", out)
    only_report = tmp_path / "report-sheet.xlsx"
    wb = load_workbook(out)
    del wb["運用ポリシー"]
    wb.save(only_report)
    pdf = _to_pdf(only_report, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
    assert "(A4)" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "鹿児島市観光公式X",
        URL,
        "観光交流局 観光振興課",
        "公式アカウント開設・変更・廃止報告書",
    ):
        assert expected in text
    whole = _to_pdf(out, tmp_path)
    assert (
        "運用ポリシー"
        in subprocess.run(["pdftotext", str(whole), "-"], capture_output=True, text=True, check=True).stdout
    )


@pytest.mark.parametrize("kind", ["account_list", "post_record"])
def test_lists_render_to_a4(db: Database, people: People, account: int, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    if kind == "account_list":
        reports.export_account_list(db, people.koho, out)
    else:
        reports.export_post_record(
            db,
            people.koho,
            datetime.now(pol.JST) - timedelta(days=1),
            datetime.now(pol.JST) + timedelta(days=1),
            out,
        )
    pdf = _to_pdf(out, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info


def test_incident_report_fields(db: Database, people: People, account: int, tmp_path: Path) -> None:
    from sns_desk.domain.vocabulary import IncidentType
    from sns_desk.services import incidents

    incident_id = incidents.open_incident(
        db,
        people.tanto,
        account,
        IncidentType.IMPERSONATION,
        "偽アカウント",
        "市章を使った偽アカウント",
        serious=True,
    )
    incidents.record_action(db, people.tanto, incident_id, "takedown", "X社へ依頼 受付 0123")
    incidents.acknowledge(db, people.kyokucho, incident_id, "削除まで毎日確認")
    out = tmp_path / "incident.xlsx"
    with pytest.raises(PermissionDeniedError):
        reports.export_incident_report(db, people.tanto, incident_id, out)
    result = reports.export_incident_report(db, people.kacho, incident_id, out, reiwa=True)
    assert result.rows == 3
    assert named(out, "incident_type") == "成りすまし" and named(out, "title") == "偽アカウント"
    assert named(out, "serious") == "重大（アカウント責任者へ報告）"
    assert str(named(out, "acknowledgement")).startswith("削除まで毎日確認（観光 局長、令和")
    assert named(out, "status") == "対応中" and named(out, "department") == "観光交流局 観光振興課"
    row = incidents.get_incident(db, people.kacho, incident_id)
    assert named(out, "opened_at") == japan_time.jp_datetime(row.opened_at, reiwa=True)
    assert (
        named(out, "description") == "市章を使った偽アカウント"
        and named(out, "account_name") == "鹿児島市観光公式X"
    )
    assert named(out, "closed_at") is None and named(out, "closing_note") is None
    ws = load_workbook(out)["報告書"]
    [(_sheet, coord)] = list(load_workbook(out).defined_names["actions_header"].destinations)
    header_row = int(coord.split("$")[-1])
    first = [c.value for c in ws[header_row + 1]][:5]
    assert (
        first[0] == "ソーシャルメディアの運営者に削除を依頼した"
        and first[2] == "済"
        and first[4] == "X社へ依頼 受付 0123"
    )
    assert [c.value for c in ws[header_row + 3]][2] == "必要に応じて"
    pdf = _to_pdf(out, tmp_path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert (
        "偽アカウント" in text
        and "(A4)" in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    )
