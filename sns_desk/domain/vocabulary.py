"""The vocabulary of the guideline: roles, platforms and every status, each with its Japanese label.

The ORM (:mod:`sns_desk.store.orm`) stores these; the GUI and the exports show their labels without
touching the database layer.
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """Roles of PRODUCT.md §1 (guideline §4, §9).  The first four are given per account."""

    RESPONSIBLE = "responsible"  # アカウント責任者 (§4(1)ア)
    MANAGER = "manager"  # アカウント管理者 (§4(1)イ)
    STAFF = "staff"  # アカウント担当者 (§4(1)ウ)
    CONTRACTOR = "contractor"  # 委託業者 (§9(1))
    PR = "pr"  # 広報課 (§3(2), §3(3)イ)
    SYSTEM_ADMIN = "system_admin"  # システム管理者
    EMPLOYEE = "employee"  # any active registered member of staff (not a contractor): may request an account

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def per_account(self) -> bool:
        return self in ACCOUNT_ROLES


ROLE_LABELS: dict[Role, str] = {
    Role.RESPONSIBLE: "アカウント責任者",
    Role.MANAGER: "アカウント管理者",
    Role.STAFF: "アカウント担当者",
    Role.CONTRACTOR: "委託業者",
    Role.PR: "広報課",
    Role.SYSTEM_ADMIN: "システム管理者",
    Role.EMPLOYEE: "市の職員",
}


ACCOUNT_ROLES: frozenset[Role] = frozenset({Role.RESPONSIBLE, Role.MANAGER, Role.STAFF, Role.CONTRACTOR})


class Platform(enum.StrEnum):
    X = "x"
    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINE = "line"
    YOUTUBE = "youtube"
    THREADS = "threads"
    TIKTOK = "tiktok"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Platform.X: "X",
            Platform.FACEBOOK: "Facebook",
            Platform.INSTAGRAM: "Instagram",
            Platform.LINE: "LINE",
            Platform.YOUTUBE: "YouTube",
            Platform.THREADS: "Threads",
            Platform.TIKTOK: "TikTok",
            Platform.OTHER: "その他",
        }[self]


class AccountStatus(enum.StrEnum):
    REQUESTED = "requested"  # 申請中
    REJECTED = "rejected"  # 却下
    PREPARING = "preparing"  # 開設準備
    ACTIVE = "active"  # 運用中
    SUSPENDED = "suspended"  # 一時停止
    CLOSED = "closed"  # 閉鎖

    @property
    def label(self) -> str:
        return {
            AccountStatus.REQUESTED: "申請中",
            AccountStatus.REJECTED: "却下",
            AccountStatus.PREPARING: "開設準備",
            AccountStatus.ACTIVE: "運用中",
            AccountStatus.SUSPENDED: "一時停止",
            AccountStatus.CLOSED: "閉鎖",
        }[self]


class PolicyStatus(enum.StrEnum):
    DRAFT = "draft"  # 作成中
    APPROVED = "approved"  # 承認済（現行）
    SUPERSEDED = "superseded"  # 旧版

    @property
    def label(self) -> str:
        return {
            PolicyStatus.DRAFT: "作成中",
            PolicyStatus.APPROVED: "現行（承認済）",
            PolicyStatus.SUPERSEDED: "旧版",
        }[self]


class ChecklistKey(enum.StrEnum):
    """The anti-impersonation measures of §3(3); the keyring item is derived from the credential record."""

    VERIFIED = "verified"  # §3(3)ア
    HOMEPAGE = "homepage"  # §3(3)イ: listed on the city homepage
    PROFILE_LINK = "profile_link"  # §3(3)イ: homepage URL shown on the SNS profile
    PASSWORD = "password"  # §3(3)ウ


class ChecklistState(enum.StrEnum):
    OPEN = "open"  # 未対応
    DONE = "done"  # 対応済
    NOT_OFFERED = "not_offered"  # 運営者が認証を提供していない (§3(3)ア)


class PostStatus(enum.StrEnum):
    DRAFT = "draft"  # 下書き
    PENDING = "pending"  # 承認待ち
    APPROVED = "approved"  # 承認済
    REJECTED = "rejected"  # 差戻し
    PUBLISHED = "published"  # 投稿済
    DELETED = "deleted"  # 削除 (§8(3)) or discarded draft

    @property
    def label(self) -> str:
        return {
            PostStatus.DRAFT: "下書き",
            PostStatus.PENDING: "承認待ち",
            PostStatus.APPROVED: "承認済",
            PostStatus.REJECTED: "差戻し",
            PostStatus.PUBLISHED: "投稿済",
            PostStatus.DELETED: "削除",
        }[self]


class DecisionKind(enum.StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SCOPE = "scope"  # approved by a standing scope (§5(2))

    @property
    def label(self) -> str:
        return {
            DecisionKind.APPROVE: "承認",
            DecisionKind.REJECT: "差戻し",
            DecisionKind.SCOPE: "事前承認の範囲内",
        }[self]


class IncidentType(enum.StrEnum):
    """§8: the troubles the guideline names."""

    IMPERSONATION = "impersonation"  # §8(1)
    WRONG_INFORMATION = "wrong_information"  # §8(2)
    POLICY_VIOLATING_COMMENT = "violating_comment"  # §8(3)
    FLAMING = "flaming"  # §8(4)
    UNAUTHORISED_ACCESS = "unauthorised_access"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            IncidentType.IMPERSONATION: "成りすまし",
            IncidentType.WRONG_INFORMATION: "誤った情報の発信",
            IncidentType.POLICY_VIOLATING_COMMENT: "運用ポリシーに反する書き込み",
            IncidentType.FLAMING: "炎上",
            IncidentType.UNAUTHORISED_ACCESS: "不正アクセス",
            IncidentType.OTHER: "その他",
        }[self]


class InquiryChannel(enum.StrEnum):
    COMMENT = "comment"
    MESSAGE = "message"
    PHONE = "phone"
    EMAIL = "email"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "comment": "コメント",
            "message": "メッセージ（DM）",
            "phone": "電話",
            "email": "メール",
            "other": "その他",
        }[self.value]


class InquiryKind(enum.StrEnum):
    QUESTION = "question"
    OPINION = "opinion"
    COMPLAINT = "complaint"
    PROPOSAL = "proposal"  # 提案・要望 (§7(3)): forwarded to the responsible 課

    @property
    def label(self) -> str:
        return {"question": "問い合わせ", "opinion": "意見", "complaint": "苦情", "proposal": "提案・要望"}[
            self.value
        ]
