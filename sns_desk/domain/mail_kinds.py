"""What an e-mail notice may say, and when a failed one is tried again (issue 16, item 1).

A notice leaves the app by e-mail (which may leave the office network) and through the system tray.  It carries the
kind, the item's number and a title written by staff — never a post's body nor a citizen's words (§7: those stay
in the database).  Every notice kind is one :class:`MailKind`; a person may turn each off.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta


class MailKind(enum.StrEnum):
    APPROVAL_REQUESTED = "approval_requested"
    DECIDED = "decided"
    SERIOUS_TROUBLE = "serious_trouble"
    AFTER_APPROVAL = "after_approval"
    MONITORING_OVERDUE = "monitoring_overdue"
    PASSWORD_DUE = "password_due"
    POST_DUE = "post_due"

    @property
    def label(self) -> str:
        return LABELS[self][0]

    @property
    def section(self) -> str:
        return LABELS[self][1]

    @property
    def item(self) -> str:
        """What the number in a message counts: 投稿, トラブル, アカウント."""
        return LABELS[self][2]


LABELS: dict[MailKind, tuple[str, str, str]] = {
    MailKind.APPROVAL_REQUESTED: ("承認の申請", "§5(1)", "投稿"),
    MailKind.DECIDED: ("承認・差戻しの結果", "§5(1)", "投稿"),
    MailKind.SERIOUS_TROUBLE: ("重大なトラブルの報告", "§4(1)イ", "トラブル"),
    MailKind.AFTER_APPROVAL: ("事後承認待ち", "§5(1)", "投稿"),
    MailKind.MONITORING_OVERDUE: ("監視の期限切れ", "§9(2)", "アカウント"),
    MailKind.PASSWORD_DUE: ("パスワードの変更時期", "§3(3)ウ", "アカウント"),
    MailKind.POST_DUE: ("承認済み投稿の予定時刻", "§5(1)", "投稿"),
}

# The bell's notice kinds (services/notices.py) that the same person setting turns off in the tray.
BELL_KINDS: dict[str, MailKind] = {
    "approvals": MailKind.APPROVAL_REQUESTED,
    "scope_review": MailKind.APPROVAL_REQUESTED,
    "incident": MailKind.SERIOUS_TROUBLE,
    "monitoring": MailKind.MONITORING_OVERDUE,
    "credential": MailKind.PASSWORD_DUE,
    "after_approval": MailKind.AFTER_APPROVAL,
    "post_due": MailKind.POST_DUE,
}

SUBJECT_PREFIX = "[SNS Desk]"
TITLE_LIMIT = 60
MAX_ATTEMPTS = (
    6  # then the message waits for the システム管理者 (設定 › メール, or `sns-desk mail send --retry`)
)
CLAIM_MINUTES = 5  # a PC that claimed a message and vanished lets another PC send it after this


@dataclass(frozen=True)
class Composed:
    subject: str
    body: str


def short_title(title: str) -> str:
    """A staff-written title, on one line and at most :data:`TITLE_LIMIT` characters."""
    one_line = " ".join(title.split())
    return one_line if len(one_line) <= TITLE_LIMIT else one_line[: TITLE_LIMIT - 1] + "…"


def compose(kind: MailKind, number: int, title: str, detail: str = "") -> Composed:
    """The message for ``kind`` about item ``number``: its kind, number and short title, nothing else.

    ``detail`` is one of the app's own fixed phrases (「承認されました」), never text a person typed."""
    name = short_title(title)
    subject = f"{SUBJECT_PREFIX} {kind.label}: {kind.item} {number}号" + (f"「{name}」" if name else "")
    lines = [
        f"{kind.label}（{kind.section}）のお知らせです。",
        f"{kind.item}: {number}号" + (f"「{name}」" if name else ""),
    ]
    if detail:
        lines.append(detail)
    lines += [
        "",
        "内容は SNS Desk で確認してください（このメールには投稿の本文や市民の方の書き込みは含まれません）。",
        "このお知らせが不要な場合は、SNS Desk の「設定」の「メールのお知らせ」で止められます。",
    ]
    return Composed(subject, "\n".join(lines) + "\n")


def retry_delay(attempts: int) -> timedelta:
    """How long after its ``attempts``-th failure a message is tried again: 1, 2, 4 … minutes, at most 1 hour."""
    return timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


def gives_up(attempts: int) -> bool:
    return attempts >= MAX_ATTEMPTS
