"""The 広報課 overview as an Excel workbook (issue 17 item 4): one row per account, every string a text cell (an
account named 「=HYPERLINK(…)」 stays its name, never a formula), through the writer of :mod:`workbooks`."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from sns_desk.domain import policy as pol
from sns_desk.domain.japan_time import jp_date
from sns_desk.export.destinations import check_destination, save_atomically
from sns_desk.export.workbooks import BOX, FONT_NAME, ExportResult, record_export, write_cell
from sns_desk.services import overview
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

HEADERS = (
    ("局", 18),
    ("課", 18),
    ("SNS", 10),
    ("アカウント名", 30),
    ("状態", 10),
    ("運用ポリシー（承認済）", 14),
    ("最終投稿日", 12),
    ("今月の投稿数", 10),
    ("前月の投稿数", 10),
    ("最終監視日", 12),
    ("監視（§9(2)）", 10),
    ("休眠（§9(2)）", 8),
    ("未解決の重大なトラブル（§4(1)イ）", 14),
    ("§3(2) 広報課への報告（未記録）", 14),
    ("要対応の理由", 48),
)


def overview_values(row: overview.OverviewRow) -> list[object]:
    """One account's cells, in the order of :data:`HEADERS` (a missing value is an empty cell)."""
    return [
        row.bureau,
        row.section,
        row.platform.label,
        row.name,
        row.status.label,
        f"第{row.policy_version}版" if row.policy_version else "なし",
        jp_date(row.last_post) or None,
        row.posts_this_month,
        row.posts_last_month,
        jp_date(row.last_checked) or None,
        "期限切れ" if row.monitoring_overdue else "",
        "休眠" if row.dormant else "",
        row.serious_open,
        "・".join(row.unreported),
        "、".join(row.attention),
    ]


def export_overview(
    db: Database,
    actor: Actor,
    dest: Path,
    flt: overview.OverviewFilter | None = None,
    *,
    overwrite: bool = False,
) -> ExportResult:
    """The accounts ``actor`` sees in the overview (those ``flt`` keeps), written to ``dest`` and recorded."""
    flt = flt or overview.OverviewFilter()
    dest = check_destination(db, dest, overwrite=overwrite)
    data = overview.city_overview(db, actor)
    rows = data.filtered(flt)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "運用状況"
    title = write_cell(ws, 1, 1, "公式アカウント運用状況一覧")
    title.font = Font(name=FONT_NAME, size=14, bold=True)
    write_cell(ws, 2, 1, f"{jp_date(pol.now_jst().date())} 現在（{len(rows)} アカウント）").font = Font(
        name=FONT_NAME, size=10
    )
    header_fill = PatternFill("solid", start_color="DDEBF7")
    for column, (header, width) in enumerate(HEADERS, start=1):
        cell = write_cell(ws, 4, column, header)
        cell.font = Font(name=FONT_NAME, size=10, bold=True)
        cell.fill = header_fill
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(column)].width = width
    body_font = Font(name=FONT_NAME, size=10)
    for offset, row in enumerate(rows, start=5):
        for column, value in enumerate(overview_values(row), start=1):
            cell = write_cell(ws, offset, column, value)
            cell.font = body_font
            cell.border = BOX
    ws.freeze_panes = "A5"
    ws.auto_filter.ref = f"A4:{get_column_letter(len(HEADERS))}{4 + len(rows)}"
    digest = save_atomically(wb.save, dest, overwrite=overwrite)
    result = ExportResult(dest, digest, len(rows))
    params = {
        "bureau": flt.bureau,
        "section": flt.section,
        "platform": flt.platform,
        "status": flt.status,
        "attention_only": flt.attention_only,
    }
    record_export(db, actor, "overview", params, result)
    return result
