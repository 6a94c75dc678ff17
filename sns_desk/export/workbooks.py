"""Reports to 広報課 as Excel workbooks (§3(2), §3(3)イ, §8), filled from .xlsx templates through defined names.

An office can restyle a template, move its cells or swap in its own 様式: the app only looks up the defined names
listed in :data:`REQUIRED_NAMES`.  A template lacking one is refused with the name in the message.  Templates are
looked up first in ``templates/`` beside the database file (so every PC of the 課 uses the same 様式), then among the
shipped ones in ``sns_desk/resources/templates/`` (built by ``scripts/build_templates.py``).

投稿実績 can run to 100,000 rows: it is written in openpyxl's write-only (streaming) mode, copying the template's
title rows, header, column widths and print settings, so memory stays small.

Workbooks carry text, not code: every string (an account's name, a post's body, a trouble's reference …) is written
as a string cell whatever its first character, so ``=HYPERLINK(…)`` or ``=cmd|' /C calc'!A0`` typed by somebody stays
text.  A template is a file anyone of the 課 can replace, so it is bounded before openpyxl reads it (its size, and the
inflated size its zip's central directory declares, which Python's zipfile then enforces), loaded without external
links, and refused when it is too large, puts a table's header row far down, or holds a formula on a sheet the
report fills.  A report never replaces the database, its journal, or a backup, and replaces an existing file only
when the person confirmed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import closing, suppress
from copy import copy
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Color, Font, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.worksheet import Worksheet

from sns_desk import resources
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError, ValidationError
from sns_desk.domain.japan_time import jp_date, jp_datetime, jp_datetime_of_utc
from sns_desk.domain.validation import unusable_characters
from sns_desk.domain.vocabulary import ChecklistKey, ChecklistState, DecisionKind, PostStatus
from sns_desk.export.destinations import check_destination, save_atomically
from sns_desk.export.template_guard import TemplateError, named_cell, open_template
from sns_desk.services import report_queries
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.sqlite_files import ProgressFn

KINDS = report_queries.REPORT_KINDS
FILE_LABELS = report_queries.EXPORT_LABELS
EVENTS = ("開設", "変更", "廃止")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT_NAME = "游ゴシック"


class ExportCancelled(SnsDeskError):
    pass


# --- templates ----------------------------------------------------------------------------------------------------


def template_path(db: Database, kind: str) -> Path:
    if db.location.path is not None:
        office = db.location.path.parent / "templates" / f"{kind}.xlsx"
        if office.exists():
            return office
    return resources.path("templates", f"{kind}.xlsx")


MAX_CELL_TEXT = 32_767  # what an Excel cell holds


# what _text must change: the control characters XML forbids (openpyxl's ILLEGAL_CHARACTERS_RE) and lone surrogates
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _text(value: str) -> str:
    """``value`` as a cell can hold it: without the control characters XML forbids, lone surrogates replaced."""
    if len(value) <= MAX_CELL_TEXT and _NEEDS_CLEANING.search(value) is None:
        return value  # nearly every value: one scan instead of three (the 投稿実績 cleans 500,000 at 100,000 rows)
    value = ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]
    if unusable_characters(value):
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _put(cell: Cell, value: Any) -> Cell:
    """Write ``value`` into ``cell``; a string stays a string cell whatever its first character (= + - @)."""
    if isinstance(value, str):
        cell.value = _text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def write_cell(ws: Worksheet, row: int, column: int, value: Any) -> Cell:
    cell = ws.cell(row, column)
    if isinstance(cell, MergedCell):
        raise TemplateError(
            f"報告書の様式のシート「{ws.title}」のセル {cell.coordinate} は結合されたセルの途中にあるため、"
            "値を書き込めません。様式でセルの結合を解除してください。",
            f"template cell {ws.title}!{cell.coordinate} is inside a merged range",
        )
    return _put(cell, value)


def _streamed(ws: Any, value: Any) -> Any:
    """A value for a write-only row: a string stays a string cell (``ws.append`` would make a formula of ``=…``),
    cleaned by :func:`_text`; other values as they are.  Only a string openpyxl would take for a formula needs a
    cell of its own: any other string is appended as it is and openpyxl writes it as text (its own check finds
    nothing left to refuse), which saves making a second cell for most of a 100,000-row 投稿実績's values."""
    if not isinstance(value, str):
        return value
    text = _text(value)
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(ws)
    cell._value = text  # type: ignore[attr-defined]
    cell.data_type = "s"
    return cell


def _set(wb: Workbook, key: str, value: object) -> None:
    ws, coord = named_cell(wb, key)
    column, row = coordinate_from_string(coord)
    col = column_index_from_string(column)
    for merged in ws.merged_cells.ranges:  # a value goes into the top-left cell of a merged range
        if coord in merged:
            row, col = merged.min_row, merged.min_col
            break
    write_cell(ws, row, col, value)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    rows: int


def record_export(
    db: Database, actor: Actor, kind: str, params: dict[str, Any], result: ExportResult
) -> None:
    report_queries.record_export(db, actor, kind, params, result.path, result.sha256, result.rows)


# --- 公式アカウント開設・変更・廃止報告書 (§3(2)) --------------------------------------------------------------------


def account_report_values(
    report: report_queries.AccountReportFacts, event: str, *, reiwa: bool, remarks: str
) -> dict[str, str]:
    current = report.policy
    rows = report.checklist
    verified = rows[ChecklistKey.VERIFIED]
    homepage = rows[ChecklistKey.HOMEPAGE]
    password = rows[ChecklistKey.PASSWORD]
    contractor = "、".join(
        f"{name}（遵守確認 {jp_date(acknowledged_on, reiwa=reiwa)}）"
        for name, acknowledged_on in report.contractors
    )
    measure_verified = {
        ChecklistState.DONE: "認証アカウントを取得済み",
        ChecklistState.NOT_OFFERED: "運営者が認証アカウントを発行していない",
        ChecklistState.OPEN: "未対応",
    }[verified.state] + (f"（{verified.note}）" if verified.note else "")
    measure_homepage = (
        f"市公式ホームページに掲載済み: {homepage.url}" if homepage.state is ChecklistState.DONE else "未対応"
    )
    profile = rows[ChecklistKey.PROFILE_LINK]
    measure_homepage += (
        "／SNS のプロフィールに市ホームページの URL を記載済み"
        if profile.state is ChecklistState.DONE
        else "／プロフィールへの記載は未対応"
    )
    measure_password = (
        f"パスワードは OS の資格情報ストアで管理（最終変更 {jp_date(password.at, reiwa=reiwa)}）"
        if password.at
        else "未設定"
    )
    facts = report.facts
    return {
        "report_date": jp_date(pol.now_jst().date(), reiwa=reiwa),  # Japan time, whatever the PC's zone
        "addressee": "広報課長 様",
        "reporter": f"{facts.department}　アカウント管理者 {report.manager}",
        "kind": event,
        "department": facts.department,
        "responsible": report.responsible,
        "manager": report.manager,
        "staff": report.staff,
        "platform": facts.platform,
        "account_name": facts.name + (f"（{report.handle}）" if report.handle else ""),
        "account_url": facts.url,
        "start_date": jp_date(report.started_at, reiwa=reiwa),
        "purpose": current.purpose if current else "",
        "content": current.content if current else "",
        "hours": pol.hours_text(current) if current else "",
        "comment_handling": (
            ("回答する" if current.comments_answered else "回答しない") + "。" + current.comment_policy
        )
        if current
        else "",
        "contact": "、".join(x for x in (current.contact_phone, current.contact_email) if x)
        if current
        else "",
        "measure_verified": measure_verified,
        "measure_homepage": measure_homepage,
        "measure_password": measure_password,
        "policy_url": current.published_url if current else "",
        "contractor": contractor or "なし",
        "remarks": remarks or (report.status_reason if event == "廃止" else ""),
    }


def export_account_report(
    db: Database,
    actor: Actor,
    account_id: int,
    event: str,
    dest: Path,
    *,
    reiwa: bool = False,
    remarks: str = "",
    overwrite: bool = False,
    progress: ProgressFn | None = None,
) -> ExportResult:
    """One account and one event (開設・変更・廃止), with the 運用ポリシー on the second sheet."""
    dest = check_destination(db, dest, overwrite=overwrite)
    if event not in EVENTS:
        raise ValidationError(f"区分は {'・'.join(EVENTS)} のいずれかです。")
    template = template_path(db, "account_report")
    wb = open_template(template, "account_report")
    report = report_queries.account_report_facts(db, actor, account_id, closing=event == "廃止")
    values = account_report_values(report, event, reiwa=reiwa, remarks=remarks)
    current, facts = report.policy, report.facts
    if progress:
        progress(1, 3, "報告書を作成しています…")
    for key, value in values.items():
        _set(wb, key, value)
    _set(wb, "policy_title", f"{facts.name} 運用ポリシー")
    ws, coord = named_cell(wb, "policy_body")
    column, row = coordinate_from_string(coord)
    col = column_index_from_string(column)
    if current is None:
        write_cell(ws, row, col, "（承認済みの運用ポリシーがありません）")
    else:
        for heading, body in pol.sections(current, facts):
            write_cell(ws, row, col, heading).font = Font(name=FONT_NAME, bold=True, size=11)
            row += 1
            for line in body.splitlines():
                cell = write_cell(ws, row, col, line)
                cell.font = Font(name=FONT_NAME, size=10)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
            row += 1
        ws.print_area = f"A1:{get_column_letter(max(col, 1))}{row}"
    if progress:
        progress(2, 3, "保存しています…")
    digest = save_atomically(wb.save, dest, overwrite=overwrite)
    result = ExportResult(dest, digest, 1)
    record_export(
        db, actor, "account_report", {"account_id": account_id, "event": event, "reiwa": reiwa}, result
    )
    if progress:
        progress(3, 3, "完了しました")
    return result


# --- 公式アカウント一覧 (§3(3)イ) -------------------------------------------------------------------------------------


def export_account_list(
    db: Database,
    actor: Actor,
    dest: Path,
    *,
    reiwa: bool = False,
    include_closed: bool = False,
    overwrite: bool = False,
    progress: ProgressFn | None = None,
) -> ExportResult:
    """All accounts of the city (広報課, システム管理者), for the homepage listing."""
    dest = check_destination(db, dest, overwrite=overwrite)
    wb = open_template(template_path(db, "account_list"), "account_list")
    rows = [
        [
            a.platform,
            a.name,
            a.url,
            a.department,
            a.status,
            jp_date(a.activated_at, reiwa=reiwa),
            a.policy_url,
        ]
        for a in report_queries.listed_accounts(db, actor, include_closed=include_closed)
    ]
    _set(wb, "title", "公式アカウント一覧")
    _set(wb, "as_of", jp_date(pol.now_jst().date(), reiwa=reiwa))  # Japan time, whatever the PC's zone
    ws, coord = named_cell(wb, "table_header")
    column, header_row = coordinate_from_string(coord)
    first_col = column_index_from_string(column)
    for offset, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            cell = write_cell(ws, header_row + offset, first_col + index, value)
            cell.border = BOX
            cell.font = Font(name=FONT_NAME, size=10)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if progress:
            progress(offset, len(rows), "一覧を作成しています…")
    last_col = get_column_letter(first_col + 6)
    ws.print_area = f"A1:{last_col}{header_row + len(rows)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    digest = save_atomically(wb.save, dest, overwrite=overwrite)
    result = ExportResult(dest, digest, len(rows))
    record_export(db, actor, "account_list", {"include_closed": include_closed}, result)
    return result


# --- 投稿実績 ------------------------------------------------------------------------------------------------------

POST_COLUMNS = 11


def export_post_record(
    db: Database,
    actor: Actor,
    start: datetime,
    end: datetime,
    dest: Path,
    *,
    account_id: int | None = None,
    reiwa: bool = False,
    overwrite: bool = False,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """投稿実績 of a period (one account, or the city for 広報課), streamed so memory stays small."""
    dest = check_destination(db, dest, overwrite=overwrite)
    template = open_template(template_path(db, "post_record"), "post_record")
    account_ids = report_queries.post_record_scope(db, actor, account_id)
    total = report_queries.count_posts(db, actor, start, end, account_ids)
    title_ws, title_coord = named_cell(template, "title")
    header_ws, header_coord = named_cell(template, "table_header")
    header_col_letter, header_row = coordinate_from_string(header_coord)
    header_col = column_index_from_string(header_col_letter)
    period_text = f"{jp_date(start, reiwa=reiwa)} 〜 {jp_date(end, reiwa=reiwa)}（{total:,} 件）"

    def save(path: Path) -> None:
        out = Workbook(write_only=True)
        # The body rows are plain values in the workbook's default font (a Japanese one, here), because styling
        # 100,000 × 10 cells one by one costs several times the writing itself.
        default_font = Font(name=FONT_NAME, sz=9, family=2, color=Color(theme=1))
        out._fonts = IndexedList([default_font])  # type: ignore[attr-defined]
        ws = out.create_sheet(header_ws.title)
        for key, dimension in header_ws.column_dimensions.items():
            if dimension.width:
                ws.column_dimensions[key].width = dimension.width
        _copy_page_setup(header_ws, ws)
        # the rows above the table, as the template has them (title, period, an office's own lines)
        period_coord = named_cell(template, "period")[1]
        for template_row in header_ws.iter_rows(min_row=1, max_row=header_row):
            cells = []
            for cell in template_row:
                value: Any = cell.value
                if cell.coordinate == title_coord and header_ws is title_ws:
                    value = "投稿実績"
                elif cell.coordinate == period_coord:
                    value = period_text
                out_cell = _put(WriteOnlyCell(ws), value)
                out_cell.font = Font(name=cell.font.name, size=cell.font.size, bold=cell.font.bold)
                if cell.row == header_row and (cell.column or 0) >= header_col:
                    out_cell.border = BOX
                    out_cell.fill = copy(cell.fill)  # type: ignore[assignment]
                    out_cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                cells.append(out_cell)
            ws.append(cells)
        try:
            written = 0
            pad = [None] * (header_col - 1)
            # the account, status, author, approver and route repeat down the list: each is cleaned once
            seen: dict[str, str] = {}
            japan_time = jp_datetime_of_utc(reiwa)

            def repeated(value: str | None) -> Any:
                if not value:
                    return None
                cleaned = seen.get(value)
                if cleaned is None:
                    streamed = _streamed(ws, value)
                    if not isinstance(streamed, str):
                        return streamed  # a cell of its own (a text like "=…"), made for each row
                    cleaned = seen[value] = streamed
                return cleaned

            # what only the status, the decision and its scope decide, looked up by their stored values
            status_labels = {status.value: status.label for status in PostStatus}
            routes: dict[tuple[str, str | None, str | None, int | None], str] = {}
            by_scope = DecisionKind.SCOPE.value

            def line(row: report_queries.PostRecordRow) -> list[Any]:
                facts = (row.status_value, row.decision_value, row.scope_title, row.scope_number)
                route = routes.get(facts)
                if route is None:
                    route = routes[facts] = row.route
                approver_text = (row.approver or "") + (
                    "（事前承認）" if row.decision_value == by_scope else ""
                )
                # An empty value stays an empty cell (None), not a cell holding "": a third fewer cells to write
                # for a typical period, and Excel's "空白セル" filters work on them.
                return [
                    *pad,
                    row.post_id,
                    repeated(row.account),
                    repeated(status_labels[row.status_value]),
                    repeated(row.author),
                    repeated(approver_text),
                    # the times are this module's own text (digits and 年月日): nothing to clean
                    japan_time(row.submitted_utc),
                    japan_time(row.decided_utc),
                    japan_time(row.published_utc),
                    _streamed(ws, row.url or None),
                    _streamed(ws, " ".join(row.body.split())[:80] or None),
                    repeated(route),  # 承認の経路: 個別の承認 / 事前承認の範囲「…」第N版 (§5(2))
                ]

            with closing(report_queries.post_record_rows(db, actor, start, end, account_ids)) as rows:
                # a thousand lines made, then written: making and writing each line in turn cost about 4% more CPU
                # (measured at 100,000 rows, issue 17)
                while lines := [line(row) for row in islice(rows, 1000)]:
                    for values in lines:
                        ws.append(values)
                    written += len(lines)
                    if cancelled and cancelled():
                        raise ExportCancelled("出力を中止しました。", "post record export cancelled")
                    if progress:
                        progress(written, total, f"投稿実績を書き出しています（{written:,} / {total:,} 件）…")
        except BaseException:
            with suppress(Exception):
                ws.close()  # end the streaming writer cleanly, so nothing is left half-open
            raise
        last = get_column_letter(header_col + POST_COLUMNS - 1)
        ws.print_area = f"A1:{last}{header_row + written}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        if progress:
            progress(total, total, "保存しています…")
        out.save(path)
        save.rows = written  # type: ignore[attr-defined]

    digest = save_atomically(save, dest, overwrite=overwrite)
    result = ExportResult(dest, digest, int(getattr(save, "rows", 0)))
    record_export(
        db,
        actor,
        "post_record",
        {"start": start.isoformat(), "end": end.isoformat(), "account_id": account_id, "reiwa": reiwa},
        result,
    )
    return result


def _copy_page_setup(source: Worksheet, target: Any) -> None:
    target.page_setup.paperSize = source.page_setup.paperSize or 9  # 9 = A4
    target.page_setup.orientation = source.page_setup.orientation or "landscape"
    target.sheet_properties.pageSetUpPr.fitToPage = True
    target.page_setup.fitToWidth = 1
    target.page_setup.fitToHeight = 0
    footer = source.oddFooter.center.text if source.oddFooter is not None else None
    target.oddFooter.center.text = footer or "&P / &N ページ"
    target.page_margins = source.page_margins


# --- トラブル報告書 (§8) -----------------------------------------------------------------------------------------------


def export_incident_report(
    db: Database,
    actor: Actor,
    incident_id: int,
    dest: Path,
    *,
    reiwa: bool = False,
    overwrite: bool = False,
    progress: ProgressFn | None = None,
) -> ExportResult:
    """One trouble with its checklist (who did what, when, with which reference)."""
    dest = check_destination(db, dest, overwrite=overwrite)
    wb = open_template(template_path(db, "incident_report"), "incident_report")
    report = report_queries.incident_report_facts(db, actor, incident_id)
    row, department, manager = report.incident, report.department, report.manager
    values = {
        "report_date": jp_date(pol.now_jst().date(), reiwa=reiwa),  # Japan time, whatever the PC's zone
        "addressee": "広報課長 様",
        "reporter": f"{department}　アカウント管理者 {manager}",
        "account_name": row.account,
        "department": department,
        "incident_type": row.type.label,
        "title": row.title,
        "opened_at": jp_datetime(row.opened_at, reiwa=reiwa),
        "serious": "重大（アカウント責任者へ報告）" if row.serious else "―",
        "description": row.description,
        "acknowledgement": (
            f"{row.acknowledgement}（{row.acknowledged_by}、{jp_datetime(row.acknowledged_at, reiwa=reiwa)}）"
            if row.acknowledged_at
            else ("確認待ち" if row.serious else "―")
        ),
        "status": row.status_label,
        "closed_at": jp_datetime(row.closed_at, reiwa=reiwa),
        "closing_note": row.closing_note,
    }
    for key, value in values.items():
        _set(wb, key, value)
    ws, coord = named_cell(wb, "actions_header")
    column, header_row = coordinate_from_string(coord)
    first = column_index_from_string(column)
    for offset, action in enumerate(row.actions, start=1):
        status = "済" if action.done else ("未" if action.required else "必要に応じて")
        who = f"{action.done_by} {jp_datetime(action.done_at, reiwa=reiwa)}" if action.done else ""
        for index, value in enumerate((action.label, action.section, status, who, action.reference)):
            cell = write_cell(ws, header_row + offset, first + index, value)
            cell.border = BOX
            cell.font = Font(name=FONT_NAME, size=9.5)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    digest = save_atomically(wb.save, dest, overwrite=overwrite)
    result = ExportResult(dest, digest, len(row.actions))
    record_export(db, actor, "incident_report", {"incident_id": incident_id, "reiwa": reiwa}, result)
    if progress:
        progress(1, 1, "完了しました")
    return result


def default_filename(kind: str, detail: str = "") -> str:
    stamp = datetime.now(pol.JST).strftime("%Y%m%d")
    safe = "".join(ch for ch in detail if ch not in '\\/:*?"<>|').strip()
    return f"{FILE_LABELS[kind]}{'_' + safe if safe else ''}_{stamp}.xlsx"
