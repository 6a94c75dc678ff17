"""Which screens a person may open: the answer the main window's navigation follows (PRODUCT.md §1).

A screen is either open to every registered person (each screen then shows only what that person may see), or it
needs one of a few permissions of :mod:`sns_desk.domain.permissions`, held on any account for an account-scoped
one: 承認待ち is for those who may approve posts (§5(1)) and for
deputies named for now (代決), 報告書 for 広報課 and the アカウント管理者 who report to it
(§3(2), §3(3)イ), 運用状況 (the overview of every account) for 広報課 and the システム管理者, and for the
アカウント責任者 over the accounts they answer for (§4(1)ア), チェック規則 for those who write on an account or oversee
them all, 監査ログ for those who oversee the operation (§9(2)), ユーザー管理 for the システム管理者.
"""

from __future__ import annotations

import enum

from sns_desk.domain.permissions import Permission
from sns_desk.services import deputies
from sns_desk.services.access import is_allowed
from sns_desk.services.actors import Actor, load_user
from sns_desk.store.database import Database
from sns_desk.store.orm import utcnow


class Page(enum.StrEnum):
    """The app's screens, in the order of the navigation."""

    POSTS = "posts"
    APPROVALS = "approvals"
    CALENDAR = "calendar"
    ACCOUNTS = "accounts"
    INCIDENTS = "incidents"
    INQUIRIES = "inquiries"
    REPORTS = "reports"
    OVERVIEW = "overview"
    RULES = "rules"
    AUDIT = "audit"
    USERS = "users"
    SETTINGS = "settings"


NEEDS: dict[Page, tuple[Permission, ...]] = {
    Page.APPROVALS: (Permission.APPROVE_POST,),
    Page.REPORTS: (Permission.VIEW_CITY_WIDE, Permission.REPORT_ACCOUNT),
    Page.OVERVIEW: (Permission.VIEW_CITY_WIDE, Permission.RECEIVE_ESCALATION),
    Page.RULES: (Permission.WRITE_POST, Permission.VIEW_CITY_WIDE),
    Page.AUDIT: (Permission.VIEW_AUDIT_LOG,),
    Page.USERS: (Permission.MANAGE_USERS,),
}
"""What opening a screen needs (any one of these); a screen not listed is open to every registered person."""


def pages_for(db: Database, actor: Actor) -> list[Page]:
    """The screens ``actor`` may open now, in navigation order (roles are read afresh)."""
    with db.read() as session:
        me = load_user(session, actor)
        deputy = deputies.named_now(session, me.id, utcnow())  # 代決: a deputy decides from 承認待ち too
        return [
            page
            for page in Page
            if page not in NEEDS
            or any(is_allowed(session, me, needed) for needed in NEEDS[page])
            or (page is Page.APPROVALS and deputy)
        ]
