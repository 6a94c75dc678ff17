"""The vocabulary of the guideline: roles, platforms and every status, each with its Japanese label.

The ORM (:mod:`sns_desk.store.orm`) stores these; the GUI and the exports show their labels without
touching the database layer.
"""

from __future__ import annotations

import enum
from typing import Self


class Labelled(enum.StrEnum):
    """A value kept in the database (``NAME = "value", "ラベル"``) with the Japanese label that screens, reports
    and messages show."""

    _label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return self._label


class Role(Labelled):
    """Roles of PRODUCT.md §1 (guideline §4, §9).  The first four are given per account."""

    RESPONSIBLE = "responsible", "アカウント責任者"  # §4(1)ア
    MANAGER = "manager", "アカウント管理者"  # §4(1)イ
    STAFF = "staff", "アカウント担当者"  # §4(1)ウ
    CONTRACTOR = "contractor", "委託業者"  # §9(1)
    PR = "pr", "広報課"  # §3(2), §3(3)イ
    SYSTEM_ADMIN = "system_admin", "システム管理者"
    # any active registered member of staff (not a contractor): may request an account
    EMPLOYEE = "employee", "市の職員"

    @property
    def per_account(self) -> bool:
        return self in ACCOUNT_ROLES


ACCOUNT_ROLES: frozenset[Role] = frozenset({Role.RESPONSIBLE, Role.MANAGER, Role.STAFF, Role.CONTRACTOR})


class Platform(Labelled):
    X = "x", "X"  # formerly Twitter
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    LINE = "line", "LINE"  # LINE公式アカウント
    YOUTUBE = "youtube", "YouTube"
    THREADS = "threads", "Threads"
    TIKTOK = "tiktok", "TikTok"
    OTHER = "other", "その他"  # the account's name and URL say which


class AccountStatus(Labelled):
    REQUESTED = "requested", "申請中"  # waiting for the opening to be approved (§4(1)ア)
    REJECTED = "rejected", "却下"  # finished, like CLOSED: not changed any more
    PREPARING = "preparing", "開設準備"  # approved; the measures of §3(3) are being taken
    ACTIVE = "active", "運用中"
    SUSPENDED = "suspended", "一時停止"  # may be resumed
    CLOSED = "closed", "閉鎖"  # finished: not changed any more


class PolicyStatus(Labelled):
    DRAFT = "draft", "作成中"
    APPROVED = "approved", "現行（承認済）"
    SUPERSEDED = "superseded", "旧版"


class ChecklistKey(enum.StrEnum):
    """The anti-impersonation measures of §3(3); the keyring item is derived from the credential record."""

    VERIFIED = "verified"  # §3(3)ア
    HOMEPAGE = "homepage"  # §3(3)イ: listed on the city homepage
    PROFILE_LINK = "profile_link"  # §3(3)イ: homepage URL shown on the SNS profile
    PASSWORD = "password"  # §3(3)ウ


class ChecklistState(Labelled):
    OPEN = "open", "未対応"
    DONE = "done", "対応済"
    NOT_OFFERED = "not_offered", "運営者が認証を提供していない"  # §3(3)ア


class PostStatus(Labelled):
    DRAFT = "draft", "下書き"
    PENDING = "pending", "承認待ち"
    APPROVED = "approved", "承認済"
    REJECTED = "rejected", "差戻し"
    PUBLISHED = "published", "投稿済"
    AFTER_PENDING = "after_pending", "事後承認待ち"  # an emergency post out before approval (§5(9))
    DELETED = "deleted", "削除"  # 削除 (§8(3)) or discarded draft


class DecisionKind(Labelled):
    APPROVE = "approve", "承認"
    REJECT = "reject", "差戻し"
    SCOPE = "scope", "事前承認の範囲内"  # approved by a standing scope (§5(2))
    AFTER_APPROVE = "after_approve", "事後承認"  # an emergency post approved after it went out (§5(9))
    ORDER_CORRECTION = "order_correction", "事後承認: 訂正の指示"  # §8(2)
    ORDER_DELETION = "order_deletion", "事後承認: 削除の指示"  # §8(3)

    @property
    def signed(self) -> bool:
        """Whether a person decided it with the 電子印鑑 (a standing scope's approval is the scope's)."""
        return self is not DecisionKind.SCOPE


class SlotKind(Labelled):
    """What a named slot of a standing scope's template accepts (§5(2))."""

    DATE = "date", "日付"  # e.g. 12月1日, 2026年12月1日
    TIME = "time", "時刻"  # e.g. 15時, 9:30
    NUMBER = "number", "数値"  # ASCII or full-width digits
    CHOICE = "choice", "選択肢"  # one of the template's listed values
    TEXT = "text", "短い文"  # free text up to the slot's maximum length


class ScopeAction(Labelled):
    """A 管理者's decision on a standing scope, each kept as a numbered version (§5(2))."""

    CREATE = "create", "承認"
    CHANGE = "change", "変更"
    REVOKE = "revoke", "取り消し"
    MIGRATED = "migrated", "移行（ひな形なし）"  # a scope from before templates: approves nothing by itself


class IncidentType(Labelled):
    """§8: the troubles the guideline names."""

    IMPERSONATION = "impersonation", "成りすまし"  # §8(1)
    WRONG_INFORMATION = "wrong_information", "誤った情報の発信"  # §8(2)
    POLICY_VIOLATING_COMMENT = "violating_comment", "運用ポリシーに反する書き込み"  # §8(3)
    FLAMING = "flaming", "炎上"  # §8(4)
    UNAUTHORISED_ACCESS = "unauthorised_access", "不正アクセス"
    OTHER = "other", "その他"


class InquiryChannel(Labelled):
    """How a citizen's words reached the 課 (§7): on the SNS in public or in private, or outside it."""

    COMMENT = "comment", "コメント"  # public, on the SNS
    MESSAGE = "message", "メッセージ（DM）"  # private, on the SNS
    PHONE = "phone", "電話"
    EMAIL = "email", "メール"
    OTHER = "other", "その他"


class InquiryKind(Labelled):
    """What the words are (§7(2)(3)): a 提案・要望 is forwarded to the 課 responsible for the matter."""

    QUESTION = "question", "問い合わせ"
    OPINION = "opinion", "意見"
    COMPLAINT = "complaint", "苦情"
    PROPOSAL = "proposal", "提案・要望"  # 提案・要望 (§7(3)): forwarded to the responsible 課
