"""An office's template is data, not code: bounded in size, inflated size, dimensions and header position, opened
without external links, refused with its cell named when it holds a formula (issue 13, item 4)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.worksheet import Worksheet

from sns_desk.domain.errors import SnsDeskError

ACCOUNT_NAMES = [
    "report_date",
    "addressee",
    "reporter",
    "kind",
    "department",
    "responsible",
    "manager",
    "staff",
    "platform",
    "account_name",
    "account_url",
    "start_date",
    "purpose",
    "content",
    "hours",
    "comment_handling",
    "contact",
    "measure_verified",
    "measure_homepage",
    "measure_password",
    "policy_url",
    "contractor",
    "remarks",
    "policy_title",
    "policy_body",
]

REQUIRED_NAMES = {
    "account_report": ACCOUNT_NAMES,
    "account_list": ["title", "as_of", "table_header"],
    "post_record": ["title", "period", "table_header"],
    "incident_report": [
        "report_date",
        "addressee",
        "reporter",
        "account_name",
        "department",
        "incident_type",
        "title",
        "opened_at",
        "serious",
        "description",
        "acknowledgement",
        "status",
        "closed_at",
        "closing_note",
        "actions_header",
    ],
}


def named_cell(wb: Workbook, key: str) -> tuple[Worksheet, str]:
    defined = wb.defined_names.get(key)
    if defined is None:
        raise KeyError(key)
    for sheet_title, coord in defined.destinations:
        ws = wb[sheet_title]
        return ws, coord.replace("$", "").split(":")[0]
    raise KeyError(key)


class TemplateError(SnsDeskError):
    pass


# What a template may be.  The shipped ones are 6-8 KB on disk and under 30 KB inflated, with a few dozen rows.
TEMPLATE_MAX_BYTES = 5_000_000
TEMPLATE_MAX_INFLATED = 10_000_000
TEMPLATE_MAX_PARTS = 200
TEMPLATE_MAX_ROWS = 500
TEMPLATE_MAX_COLUMNS = 50
HEADER_MAX_ROW = 100  # a table's header row (table_header, actions_header) lies within the first 100 rows


def _unreadable(path: Path, error: object) -> TemplateError:
    return TemplateError(
        f"報告書の様式を読み込めません（Excel ブック .xlsx ではないか、壊れています）: {path}",
        f"template {path} unreadable: {error}",
    )


def _too_large(path: Path, what: str, log_what: str) -> TemplateError:
    return TemplateError(
        f"報告書の様式（{path.name}）は{what}ため、使えません。様式を作り直すか、templates フォルダから取り除くと"
        "標準の様式で出力します。",
        f"template {path} refused: {log_what}",
    )


def _check_template_file(path: Path) -> None:
    """Refuse a template too large to read quickly, from its size and its zip's central directory alone."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as error:
        raise TemplateError(f"報告書の様式が見つかりません: {path}", f"template {path} missing") from error
    except OSError as error:
        raise _unreadable(path, error) from error
    if size > TEMPLATE_MAX_BYTES:
        raise _too_large(path, f"ファイルが大きすぎる（{size:,} バイト）", f"{size} bytes")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _unreadable(path, error) from error
    inflated = sum(part.file_size for part in parts)
    if len(parts) > TEMPLATE_MAX_PARTS or inflated > TEMPLATE_MAX_INFLATED:
        raise _too_large(
            path,
            f"展開すると大きすぎる（{inflated:,} バイト）",
            f"{len(parts)} parts, {inflated} bytes inflated",
        )


def _check_template_sheets(path: Path, wb: Workbook, kind: str) -> None:
    """Refuse sheets too large, a table header far down, and formulas: the report is the template's workbook with
    values filled in (投稿実績 copies its rows), so a formula on any sheet would reach 広報課's Excel."""
    for key in REQUIRED_NAMES[kind]:
        ws, coord = named_cell(wb, key)
        row = coordinate_from_string(coord)[1]
        limit = HEADER_MAX_ROW if key.endswith("_header") else TEMPLATE_MAX_ROWS
        if row > limit:
            raise _too_large(
                path, f"名前「{key}」のセル（{coord}）が {limit} 行目より下にある", f"{key} at {coord}"
            )
    for ws in wb.worksheets:
        if ws.max_row > TEMPLATE_MAX_ROWS or ws.max_column > TEMPLATE_MAX_COLUMNS:
            raise _too_large(
                path,
                f"シート「{ws.title}」の範囲が大きすぎる（{ws.max_row:,} 行 × {ws.max_column:,} 列）",
                f"sheet {ws.title!r} is {ws.max_row} x {ws.max_column}",
            )
        for row_cells in ws.iter_rows():
            for cell in row_cells:
                if cell.data_type == "f":
                    raise TemplateError(
                        f"報告書の様式（{path.name}）のシート「{ws.title}」のセル {cell.coordinate} に数式があります。"
                        "報告書の様式には数式を置けません（外部への接続などを防ぐため）。"
                        "数式を消して、文字か数値だけにしてください。",
                        f"template {path} has a formula in {ws.title}!{cell.coordinate}",
                    )


def open_template(path: Path, kind: str) -> Workbook:
    _check_template_file(path)
    try:
        wb = load_workbook(path, keep_links=False)  # an office's 様式 never reaches other files
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise _unreadable(path, error) from error
    missing = []
    for key in REQUIRED_NAMES[kind]:
        try:
            named_cell(wb, key)
        except (KeyError, ValueError):
            missing.append(key)
    if missing:
        raise TemplateError(
            f"報告書の様式（{path.name}）に、必要な名前の定義がありません: {'、'.join(missing)}\n"
            "Excel の「数式」→「名前の管理」で、値を入れるセルにこの名前を付けてください。",
            f"template {path} lacks defined names {missing}",
        )
    _check_template_sheets(path, wb, kind)
    return wb
