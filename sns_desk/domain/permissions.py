"""The one permission table every service consults (PRODUCT.md §1; guideline §4, §5, §8, §9).

Roles are given per account (:class:`~sns_desk.models.AccountMember`) or city-wide (システム管理者, 広報課 as user
flags; every active member of staff who is not a contractor also holds 市の職員, which lets them request an account).  For an account-scoped permission the actor's roles on that account count; for a city-wide one any role the
actor holds anywhere counts.  A 委託業者 holds its role only once its acknowledgement of the guideline is recorded
(§9(1)); an inactive user holds none.  A denied call raises :class:`PermissionDeniedError` naming the role needed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sns_desk.domain.vocabulary import Role

R = Role


class Permission(enum.StrEnum):
    # city-wide administration
    MANAGE_USERS = "manage_users"
    MANAGE_DATABASE = "manage_database"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_CITY_WIDE = "view_city_wide"
    REQUEST_ACCOUNT = "request_account"
    EDIT_OFFICE_RULES = "edit_office_rules"
    RECEIVE_ACCOUNT_REPORT = "receive_account_report"
    # decisions of the アカウント責任者 (§4(1)ア, §8(4))
    APPROVE_ACCOUNT_OPENING = "approve_account_opening"
    CLOSE_ACCOUNT = "close_account"
    APPROVE_POLICY = "approve_policy"
    SUSPEND_ACCOUNT = "suspend_account"
    RECEIVE_ESCALATION = "receive_escalation"
    OVERRIDE_CHECKLIST = "override_checklist"
    APPROVE_CONNECTION = "approve_connection"
    # the アカウント管理者 (§4(1)イ, §5(1)(2), §3(2), §9(2))
    APPROVE_POST = "approve_post"
    ACTIVATE_ACCOUNT = "activate_account"
    APPROVE_SCOPE = "approve_scope"
    EDIT_ACCOUNT_SETTINGS = "edit_account_settings"
    MANAGE_CREDENTIALS = "manage_credentials"
    EDIT_CHECKLIST = "edit_checklist"
    REPORT_ACCOUNT = "report_account"
    LEAD_INCIDENT = "lead_incident"
    RECORD_MONITORING = "record_monitoring"
    SET_DORMANT_DAYS = "set_dormant_days"
    EDIT_ACCOUNT_RULES = "edit_account_rules"
    MANAGE_RULE_EXCEPTIONS = "manage_rule_exceptions"
    MANAGE_ACCOUNT_MEMBERS = "manage_account_members"
    NAME_DEPUTIES = "name_deputies"
    # 緊急停止 (issue 14): one account's scheduled posts, or every account's
    STOP_ACCOUNT_POSTS = "stop_account_posts"
    STOP_ALL_POSTS = "stop_all_posts"
    # the アカウント担当者 and 委託業者 (§4(1)ウ, §9(1))
    WRITE_POST = "write_post"
    RECORD_PUBLICATION = "record_publication"
    LOG_INQUIRY = "log_inquiry"
    OPEN_INCIDENT = "open_incident"
    USE_CREDENTIALS = "use_credentials"


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    account_scoped: bool
    label: str  # what the action is, in Japanese, for messages
    source: str  # where the rule comes from


def _rule(roles: set[Role], scoped: bool, label: str, source: str) -> Rule:
    return Rule(frozenset(roles), scoped, label, source)


WRITERS = {R.STAFF, R.CONTRACTOR, R.MANAGER, R.RESPONSIBLE}

TABLE: dict[Permission, Rule] = {
    Permission.MANAGE_USERS: _rule({R.SYSTEM_ADMIN}, False, "ユーザー・部署・役割の管理", "PRODUCT §1"),
    Permission.MANAGE_DATABASE: _rule(
        {R.SYSTEM_ADMIN}, False, "データベースの場所・バックアップの管理", "PRODUCT §1"
    ),
    Permission.VIEW_AUDIT_LOG: _rule(
        {R.SYSTEM_ADMIN, R.PR, R.RESPONSIBLE, R.MANAGER}, False, "監査ログの閲覧", "§9(2)"
    ),
    Permission.VIEW_CITY_WIDE: _rule({R.PR, R.SYSTEM_ADMIN}, False, "全庁の情報の閲覧", "§3(3)イ"),
    Permission.REQUEST_ACCOUNT: _rule({R.EMPLOYEE}, False, "アカウント開設の申請", "§3(1)"),
    # the checks on drafts (§5(7)(8), §6) as the whole office applies them: the 課's own layer of the rules
    Permission.EDIT_OFFICE_RULES: _rule(
        {R.SYSTEM_ADMIN, R.PR}, False, "課のチェック規則の変更", "§5(7)(8), §6"
    ),
    Permission.RECEIVE_ACCOUNT_REPORT: _rule({R.PR}, False, "開設・変更・廃止の報告の受理", "§3(2)"),
    Permission.APPROVE_ACCOUNT_OPENING: _rule(
        {R.RESPONSIBLE}, True, "アカウント開設の承認", "§3(1), §4(1)ア"
    ),
    Permission.CLOSE_ACCOUNT: _rule({R.RESPONSIBLE}, True, "アカウントの閉鎖", "§4(1)ア"),
    Permission.APPROVE_POLICY: _rule({R.RESPONSIBLE}, True, "運用ポリシーの承認", "§3(1), §4(1)ア"),
    Permission.SUSPEND_ACCOUNT: _rule({R.RESPONSIBLE}, True, "アカウントの一時停止", "§8(4)"),
    Permission.RECEIVE_ESCALATION: _rule({R.RESPONSIBLE}, True, "重大なトラブルの報告の受理", "§4(1)イ"),
    Permission.OVERRIDE_CHECKLIST: _rule(
        {R.RESPONSIBLE}, True, "成りすまし防止措置が未完了のままの運用開始", "§3(3), §4(1)ア"
    ),
    Permission.APPROVE_CONNECTION: _rule(
        {R.RESPONSIBLE}, True, "投稿の連携（X・LINE）の承認", "§3(3)ウ, §4(1)ア"
    ),
    Permission.ACTIVATE_ACCOUNT: _rule(
        {R.MANAGER, R.RESPONSIBLE}, True, "アカウントの運用開始", "§3, §4(1)イ"
    ),
    Permission.APPROVE_POST: _rule({R.MANAGER, R.RESPONSIBLE}, True, "投稿の承認・差戻し", "§5(1)"),
    Permission.APPROVE_SCOPE: _rule({R.MANAGER}, True, "事前承認の適用範囲の承認", "§5(2)"),
    Permission.EDIT_ACCOUNT_SETTINGS: _rule({R.MANAGER}, True, "アカウント設定の変更", "§4(1)イ"),
    Permission.MANAGE_CREDENTIALS: _rule({R.MANAGER}, True, "認証情報の設定・変更", "§3(3)ウ"),
    Permission.EDIT_CHECKLIST: _rule({R.MANAGER}, True, "成りすまし防止措置の記録", "§3(3)"),
    Permission.REPORT_ACCOUNT: _rule({R.MANAGER}, True, "広報課への報告", "§3(2)"),
    Permission.LEAD_INCIDENT: _rule({R.MANAGER}, True, "トラブル対応の指揮", "§4(1)イ, §8"),
    Permission.RECORD_MONITORING: _rule({R.MANAGER}, True, "監視の記録", "§9(2)"),
    Permission.SET_DORMANT_DAYS: _rule({R.PR}, False, "休眠アカウントの基準の設定", "§9(2)"),
    Permission.EDIT_ACCOUNT_RULES: _rule(
        {R.MANAGER}, True, "アカウントのチェック規則の追加（問い合わせ先・連携先）", "§4(1)イ, §5(8)"
    ),
    Permission.MANAGE_RULE_EXCEPTIONS: _rule(
        {R.MANAGER}, True, "注意の例外の登録・取り消し", "§4(1)イ, §5(1)"
    ),
    Permission.MANAGE_ACCOUNT_MEMBERS: _rule(
        {R.MANAGER, R.RESPONSIBLE, R.SYSTEM_ADMIN}, True, "アカウントの担当者の割り当て", "§4(1)"
    ),
    Permission.NAME_DEPUTIES: _rule(
        {R.MANAGER, R.RESPONSIBLE}, True, "代決者の指定・管理者の不在の記録", "§4(1)イ, §5(1)"
    ),
    Permission.STOP_ACCOUNT_POSTS: _rule(
        {R.MANAGER, R.RESPONSIBLE, R.PR, R.SYSTEM_ADMIN}, True, "予約投稿の緊急停止・解除", "§8(4), §5(9)"
    ),
    Permission.STOP_ALL_POSTS: _rule(
        {R.PR, R.SYSTEM_ADMIN}, False, "全アカウントの予約投稿の緊急停止・解除", "§8(4), §5(9)"
    ),
    Permission.WRITE_POST: _rule(WRITERS, True, "投稿の作成・編集・申請", "§4(1)ウ"),
    Permission.RECORD_PUBLICATION: _rule(WRITERS, True, "投稿結果の記録", "§4(1)ウ"),
    Permission.LOG_INQUIRY: _rule(WRITERS, True, "問い合わせ・意見の記録", "§7"),
    Permission.OPEN_INCIDENT: _rule(WRITERS, True, "トラブルの登録", "§8"),
    Permission.USE_CREDENTIALS: _rule({R.STAFF, R.CONTRACTOR, R.MANAGER}, True, "認証情報の利用", "§3(3)ウ"),
}


def permits(
    permission: Permission,
    city: set[Role],
    held: Callable[[], Mapping[int, set[Role]]],
    account_id: int | None = None,
) -> bool:
    """Whether a person may do ``permission`` (on ``account_id``), given the roles they hold now: ``city``, their
    city-wide ones, and ``held()``, those on each account (asked only when a role on an account can decide).

    A city-wide role in the rule allows it anywhere.  For an account-scoped permission the roles on ``account_id``
    count (without an account: on any account, "may they somewhere?"); for a city-wide one a role on any account
    counts (the module's docstring)."""
    rule = TABLE[permission]
    if city & rule.roles:
        return True
    if not any(role.per_account for role in rule.roles):
        return False  # the memberships are not read
    accounts = held()
    if rule.account_scoped and account_id is not None:
        return bool(accounts.get(account_id, set()) & rule.roles)
    return any(roles & rule.roles for roles in accounts.values())


def needed_roles_text(permission: Permission) -> str:
    rule = TABLE[permission]
    return "・".join(r.label for r in Role if r in rule.roles)


def denied_message(permission: Permission) -> str:
    """「…には、このアカウントの…の権限が必要です。」: what a refusal of ``permission`` tells the person."""
    rule = TABLE[permission]
    where = "このアカウントの" if rule.account_scoped else ""
    return f"{rule.label}には、{where}{needed_roles_text(permission)}の権限が必要です。"
