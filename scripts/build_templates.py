"""Build the shipped report templates in sns_desk/resources/templates/ (reproducibly: same input, same bytes).

    python scripts/build_templates.py                       # write them
    python scripts/build_templates.py --check               # exit 1 if a committed template is not current
    python scripts/build_templates.py --out /tmp/templates  # write them elsewhere

Each template marks the cells the app fills with defined names, so an office can move cells, restyle the form or
swap in its own 様式 without code; see sns_desk/export/workbooks.py for the names each report needs.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime

from convention import ROOT, builder, write_or_check
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet

OUT = ROOT / "sns_desk" / "resources" / "templates"
FONT = "游ゴシック"  # falls back to a Noto CJK font where Yu Gothic is not installed
FIXED = datetime(2026, 4, 1, 9, 0, 0)
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LABEL_FILL = PatternFill("solid", fgColor="EDEFF3")


def name(wb: Workbook, ws: Worksheet, key: str, cell: str) -> None:
    col = "".join(c for c in cell if c.isalpha())
    row = "".join(c for c in cell if c.isdigit())
    wb.defined_names[key] = DefinedName(key, attr_text=f"'{ws.title}'!${col}${row}")


def workbook() -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return wb, ws


def print_setup(
    ws: Worksheet, *, landscape: bool, one_page: bool, area: str, title_rows: str | None = None
) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    assert ws.sheet_properties.pageSetUpPr is not None and ws.oddFooter is not None
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1 if one_page else 0
    ws.print_area = area
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&P / &N ページ"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.8
    ws.page_margins.footer = 0.3


def font(size: float = 10.5, bold: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold)


ACCOUNT_FIELDS = [
    ("区分", "kind"),
    ("運用部署", "department"),
    ("アカウント責任者", "responsible"),
    ("アカウント管理者", "manager"),
    ("アカウント担当者", "staff"),
    ("ソーシャルメディアの種類", "platform"),
    ("アカウント名", "account_name"),
    ("URL", "account_url"),
    ("運用開始日", "start_date"),
    ("情報発信の目的", "purpose"),
    ("掲載内容", "content"),
    ("運用時間", "hours"),
    ("コメント等への対応", "comment_handling"),
    ("問い合わせ先", "contact"),
    ("成りすまし防止 ア 認証アカウント", "measure_verified"),
    ("成りすまし防止 イ 市ホームページへの掲載", "measure_homepage"),
    ("成りすまし防止 ウ パスワードの管理", "measure_password"),
    ("運用ポリシーの掲載先", "policy_url"),
    ("委託業者", "contractor"),
    ("備考", "remarks"),
]


def account_report() -> Workbook:
    wb, ws = workbook()
    ws.title = "報告書"
    for col, width in zip("ABCD", (22, 14, 30, 30), strict=True):
        ws.column_dimensions[col].width = width
    ws.merge_cells("A1:D1")
    ws["A1"] = "公式アカウント開設・変更・廃止報告書"
    ws["A1"].font = font(16, True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["D2"].alignment = Alignment(horizontal="right")
    ws["D2"].font = font()
    name(wb, ws, "report_date", "D2")
    ws["A3"].font = font(12)
    name(wb, ws, "addressee", "A3")
    ws["B4"] = "報告者"
    ws["B4"].alignment = Alignment(horizontal="right", vertical="top")
    ws["B4"].font = font()
    ws.merge_cells("C4:D4")
    ws["C4"].font = font()
    ws["C4"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[4].height = 30
    name(wb, ws, "reporter", "C4")
    ws["A5"] = "ソーシャルメディア運用ガイドライン 3(2) に基づき、次のとおり報告します。"
    ws["A5"].font = font(9.5)
    row = 6
    for label, key in ACCOUNT_FIELDS:
        ws.merge_cells(f"A{row}:B{row}")
        ws.merge_cells(f"C{row}:D{row}")
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = font(10, True)
        ws[f"A{row}"].fill = LABEL_FILL
        ws[f"A{row}"].alignment = Alignment(vertical="center", wrap_text=True)
        ws[f"C{row}"].font = font()
        ws[f"C{row}"].alignment = Alignment(vertical="top", wrap_text=True)
        for col in "ABCD":
            ws[f"{col}{row}"].border = BOX
        ws.row_dimensions[row].height = (
            42 if key in ("purpose", "content", "comment_handling", "remarks", "measure_homepage") else 21
        )
        name(wb, ws, key, f"C{row}")
        row += 1
    print_setup(ws, landscape=False, one_page=True, area=f"A1:D{row - 1}")
    policy = wb.create_sheet("運用ポリシー")
    policy.column_dimensions["A"].width = 100
    policy["A1"].font = font(14, True)
    name(wb, policy, "policy_title", "A1")
    name(wb, policy, "policy_body", "A3")
    print_setup(policy, landscape=False, one_page=False, area="A1:A200")
    return wb


def table_template(
    title: str, headers: list[tuple[str, float]], extra_label: str, extra_key: str
) -> Workbook:
    wb, ws = workbook()
    ws.title = title
    last = chr(ord("A") + len(headers) - 1)
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = font(15, True)
    name(wb, ws, "title", "A1")
    ws["A2"] = extra_label
    ws["A2"].font = font()
    ws["B2"].font = font()
    name(wb, ws, extra_key, "B2")
    for index, (header, width) in enumerate(headers):
        col = chr(ord("A") + index)
        ws.column_dimensions[col].width = width
        cell = ws[f"{col}4"]
        cell.value = header
        cell.font = font(10, True)
        cell.fill = LABEL_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    name(wb, ws, "table_header", "A4")
    print_setup(ws, landscape=True, one_page=False, area=f"A1:{last}4", title_rows="4:4")
    return wb


def account_list() -> Workbook:
    return table_template(
        "公式アカウント一覧",
        [
            ("種類", 11),
            ("アカウント名", 30),
            ("URL", 38),
            ("運用部署", 26),
            ("状態", 10),
            ("運用開始日", 16),
            ("運用ポリシーの掲載先", 40),
        ],
        "作成日:",
        "as_of",
    )


def post_record() -> Workbook:
    return table_template(
        "投稿実績",
        [
            ("番号", 8),
            ("アカウント", 24),
            ("状態", 9),
            ("作成者", 14),
            ("承認者", 14),
            ("申請日時", 17),
            ("承認日時", 17),
            ("投稿日時", 17),
            ("URL", 36),
            ("本文（先頭）", 48),
            ("承認の経路", 30),  # 個別の承認 / 事前承認の範囲（§5(2)）
        ],
        "期間:",
        "period",
    )


INCIDENT_FIELDS = [
    ("アカウント", "account_name"),
    ("運用部署", "department"),
    ("トラブルの種類", "incident_type"),
    ("件名", "title"),
    ("発生・把握の日時", "opened_at"),
    ("重大なトラブル", "serious"),
    ("内容", "description"),
    ("アカウント責任者の確認・指示", "acknowledgement"),
    ("状況", "status"),
    ("完了の日時", "closed_at"),
    ("対応の結果", "closing_note"),
]


def incident_report() -> Workbook:
    wb, ws = workbook()
    ws.title = "報告書"
    for col, width in zip("ABCDE", (24, 12, 12, 22, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.merge_cells("A1:E1")
    ws["A1"] = "ソーシャルメディアのトラブル報告書"
    ws["A1"].font = font(16, True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["E2"].alignment = Alignment(horizontal="right")
    ws["E2"].font = font()
    name(wb, ws, "report_date", "E2")
    ws["A3"].font = font(12)
    name(wb, ws, "addressee", "A3")
    ws["D4"] = "報告者"
    ws["D4"].alignment = Alignment(horizontal="right")
    ws["E4"].font = font()
    name(wb, ws, "reporter", "E4")
    row = 6
    for label, key in INCIDENT_FIELDS:
        ws.merge_cells(f"A{row}:B{row}")
        ws.merge_cells(f"C{row}:E{row}")
        ws[f"A{row}"] = label
        ws[f"A{row}"].font = font(10, True)
        ws[f"A{row}"].fill = LABEL_FILL
        ws[f"C{row}"].font = font()
        ws[f"C{row}"].alignment = Alignment(vertical="top", wrap_text=True)
        for col in "ABCDE":
            ws[f"{col}{row}"].border = BOX
        ws.row_dimensions[row].height = (
            42 if key in ("description", "acknowledgement", "closing_note") else 21
        )
        name(wb, ws, key, f"C{row}")
        row += 1
    row += 1
    ws[f"A{row}"] = "ガイドラインが求める対応（§8）"
    ws[f"A{row}"].font = font(11, True)
    row += 1
    for index, header in enumerate(("対応", "根拠", "状況", "記録者・日時", "記録")):
        cell = ws.cell(row, index + 1, header)
        cell.font = font(10, True)
        cell.fill = LABEL_FILL
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center")
    name(wb, ws, "actions_header", f"A{row}")
    print_setup(ws, landscape=False, one_page=True, area=f"A1:E{row + 8}")
    return wb


def reproducible_bytes(wb: Workbook) -> bytes:
    """openpyxl stamps the time into docProps and the zip entries; pin both so the bytes never change."""
    wb.properties.creator = "SNS Desk"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.lastModifiedBy = "SNS Desk"
    buffer = io.BytesIO()
    wb.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl writes the save time as "modified"
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + FIXED.isoformat().encode() + b"Z", data
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()


TEMPLATES = {
    "account_report.xlsx": account_report,
    "account_list.xlsx": account_list,
    "post_record.xlsx": post_record,
    "incident_report.xlsx": incident_report,
}


def main(argv: list[str]) -> int:
    args = builder(__doc__, OUT, "the .xlsx templates").parse_args(argv)
    built = {filename: reproducible_bytes(build()) for filename, build in TEMPLATES.items()}
    return write_or_check(args.out, built, args.check)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
