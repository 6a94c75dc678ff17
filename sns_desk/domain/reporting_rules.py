"""§3(2): the opening, every change and the closure of an account are reported to 広報課.

Each creates a 「広報課への報告」 item; it is closed once the report is recorded as sent by the account's 管理者, or
as received by 広報課.  An account may be set so that 運用中 waits for its opening report.
"""

from __future__ import annotations

import enum

SECTION = "§3(2)"


class ReportEvent(enum.StrEnum):
    OPENING = "開設"
    CHANGE = "変更"
    CLOSURE = "廃止"  # the words of the report workbook (export.workbooks.EVENTS)


class ReportClosure(enum.StrEnum):
    SENT = "sent"  # the 管理者 sent it
    RECEIVED = "received"  # 広報課 received it

    @property
    def label(self) -> str:
        return "送付済み" if self is ReportClosure.SENT else "広報課で受理"


# the account's fields the report of §3(2) states: editing any of them is a 変更 to report
REPORTED_FIELDS: dict[str, str] = {
    "platform": "種類",
    "name": "アカウント名",
    "handle": "ID",
    "url": "URL",
    "department_id": "運用部署",
}


def change_needs_report(changed: set[str]) -> bool:
    return bool(changed & REPORTED_FIELDS.keys())


def activation_refusal(required: bool, opening_unreported: bool) -> str:
    """Why 運用開始 must wait for the opening report ("" when it need not)."""
    if required and opening_unreported:
        return (
            f"このアカウントは、広報課への開設の報告（{SECTION}）を記録してから運用を開始する設定です。"
            "「報告書」で開設の報告書を作成し、送付済みとして記録してください。"
        )
    return ""


def unreported_text(events: list[ReportEvent]) -> str:
    """What the account list shows: 「未報告: 開設・変更」, or "" when everything is reported."""
    if not events:
        return ""
    ordered = [e.value for e in ReportEvent if e in events]
    return "未報告: " + "・".join(ordered)
