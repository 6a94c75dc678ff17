"""Official accounts: the request, the 責任者's decisions, the checklist, policy versions and people (§3, §4, §9)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import (
    AccountStatus,
    ChecklistKey,
    ChecklistState,
    Platform,
    PolicyStatus,
    Role,
)
from sns_desk.services import account_checklist, account_policies, accounts, city_settings, credentials, users
from sns_desk.services.accounts import AccountAction, AccountInput
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, CredentialRecord
from tests.world import People, S, complete_checklist, in_state, request, status, valid_policy, version

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

# --- the request -------------------------------------------------------------------------------------------------


def test_request_makes_a_requested_account_with_its_people_and_first_policy(
    db: Database, people: People
) -> None:
    account_id = request(db, people)
    row = accounts.get_account(db, people.kacho, account_id)
    assert row.status is S.REQUESTED and row.name == "鹿児島市観光公式X"
    assert row.department == "観光交流局 観光振興課"
    assert row.managers == ("観光 課長",) and row.responsible == ("観光 局長",)
    assert row.requested_by == "観光 課長"
    [version1] = account_policies.list_policies(db, people.kacho, account_id)
    assert version1.number == 1 and version1.status is PolicyStatus.DRAFT
    assert len(row.open_items) == 4


def test_any_member_of_staff_may_request_but_not_a_contractor(db: Database, people: People) -> None:
    accounts.request_account(
        db,
        people.outsider,
        AccountInput(Platform.INSTAGRAM, "観光インスタ", people.section_id),
        people.kyokucho.user_id,
        valid_policy(),
    )
    with pytest.raises(PermissionDeniedError, match="市の職員"):
        accounts.request_account(
            db,
            people.agency,
            AccountInput(Platform.X, "業者の申請", people.section_id),
            people.kyokucho.user_id,
            valid_policy(),
        )


def test_the_requester_cannot_be_the_responsible_person(db: Database, people: People) -> None:
    with pytest.raises(ValidationError, match="申請者自身をアカウント責任者にはできません"):
        accounts.request_account(
            db,
            people.kacho,
            AccountInput(Platform.X, "自作自演", people.section_id),
            people.kacho.user_id,
            valid_policy(),
        )
    with pytest.raises(ValidationError, match="有効な市の職員"):
        accounts.request_account(
            db,
            people.kacho,
            AccountInput(Platform.X, "業者が責任者", people.section_id),
            people.agency.user_id,
            valid_policy(),
        )


def test_a_request_needs_a_complete_policy(db: Database, people: People) -> None:
    with pytest.raises(ValidationError) as info:
        accounts.request_account(
            db,
            people.kacho,
            AccountInput(Platform.X, "不完全", people.section_id),
            people.kyokucho.user_id,
            valid_policy(purpose="", contact_phone="", contact_email=""),
        )
    assert "§3(1)ウ" in info.value.message and "§7(2)" in info.value.message


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("name", "", "アカウント名を入力"), ("url", "x.com/kagoshima", "https://")],
)
def test_account_fields_are_validated(
    db: Database, people: People, field: str, value: str, message: str
) -> None:
    data = AccountInput(Platform.X, "鹿児島市", people.section_id)
    setattr(data, field, value)
    with pytest.raises(ValidationError, match=message):
        accounts.request_account(db, people.kacho, data, people.kyokucho.user_id, valid_policy())


# --- the lifecycle ---------------------------------------------------------------------------------------------------


def test_the_whole_lifecycle(db: Database, people: People) -> None:
    account_id = request(db, people)
    accounts.approve_opening(db, people.kyokucho, account_id, version(db, people.kyokucho, account_id))
    row = accounts.get_account(db, people.kyokucho, account_id)
    assert row.status is S.PREPARING and row.opened_at is not None
    assert account_policies.list_policies(db, people.kacho, account_id)[0].status is PolicyStatus.APPROVED
    complete_checklist(db, people, account_id)
    assert accounts.get_account(db, people.kacho, account_id).open_items == ()
    accounts.activate(db, people.kacho, account_id, version(db, people.kacho, account_id))
    assert status(db, people, account_id) is S.ACTIVE
    accounts.suspend(
        db,
        people.kyokucho,
        account_id,
        version(db, people.kyokucho, account_id),
        "炎上のため一時停止（§8(4)）",
    )
    row = accounts.get_account(db, people.kyokucho, account_id)
    assert row.status is S.SUSPENDED and "炎上" in row.status_reason
    accounts.resume(db, people.kyokucho, account_id, version(db, people.kyokucho, account_id))
    accounts.close(db, people.kyokucho, account_id, version(db, people.kyokucho, account_id), "事業終了")
    row = accounts.get_account(db, people.kyokucho, account_id)
    assert row.status is S.CLOSED and row.closed_at is not None
    with db.read() as session:
        actions = [
            e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "account"))
        ]
    for expected in (
        "account.request",
        "account.approve_opening",
        "checklist.set",
        "credential.set",
        "account.activate",
        "account.suspend",
        "account.resume",
        "account.close",
    ):
        assert expected in actions


# Each transition from its source state, tried by everyone: allowed exactly for the roles PRODUCT.md §1 names.
CASES = [
    (AccountAction.APPROVE_OPENING, S.REQUESTED, {"kyokucho"}),
    (AccountAction.REJECT, S.REQUESTED, {"kyokucho"}),
    (AccountAction.ACTIVATE, S.PREPARING, {"kacho", "kyokucho"}),
    (AccountAction.SUSPEND, S.ACTIVE, {"kyokucho"}),
    (AccountAction.RESUME, S.SUSPENDED, {"kyokucho"}),
    (AccountAction.CLOSE, S.ACTIVE, {"kyokucho"}),
    (AccountAction.CLOSE, S.SUSPENDED, {"kyokucho"}),
    (AccountAction.CLOSE, S.PREPARING, {"kyokucho"}),
]
EVERYONE = ["admin", "kacho", "kyokucho", "tanto", "agency", "koho", "outsider"]
TARGETS = {
    AccountAction.APPROVE_OPENING: S.PREPARING,
    AccountAction.REJECT: S.REJECTED,
    AccountAction.ACTIVATE: S.ACTIVE,
    AccountAction.SUSPEND: S.SUSPENDED,
    AccountAction.RESUME: S.ACTIVE,
    AccountAction.CLOSE: S.CLOSED,
}


def _do(db: Database, actor: Actor, account_id: int, action: AccountAction) -> None:
    ver = accounts.get_account(db, users.resolve_actor(db, "admin"), account_id).version
    calls = {
        AccountAction.APPROVE_OPENING: lambda: accounts.approve_opening(db, actor, account_id, ver),
        AccountAction.REJECT: lambda: accounts.reject_request(db, actor, account_id, ver, "理由"),
        AccountAction.ACTIVATE: lambda: accounts.activate(db, actor, account_id, ver),
        AccountAction.SUSPEND: lambda: accounts.suspend(db, actor, account_id, ver, "理由"),
        AccountAction.RESUME: lambda: accounts.resume(db, actor, account_id, ver),
        AccountAction.CLOSE: lambda: accounts.close(db, actor, account_id, ver, "理由"),
    }
    calls[action]()


@pytest.mark.parametrize(("action", "source", "allowed"), CASES)
@pytest.mark.parametrize("who", EVERYONE)
def test_each_transition_allowed_and_denied(
    db: Database, people: People, action: AccountAction, source: AccountStatus, allowed: set[str], who: str
) -> None:
    account_id = in_state(db, people, source)
    if action is AccountAction.ACTIVATE:
        complete_checklist(db, people, account_id)
    actor: Actor = getattr(people, who)
    if who in allowed:
        _do(db, actor, account_id, action)
        assert status(db, people, account_id) is TARGETS[action]
    else:
        with pytest.raises(PermissionDeniedError):
            _do(db, actor, account_id, action)
        assert status(db, people, account_id) is source


@pytest.mark.parametrize(
    ("action", "source"),
    [
        (AccountAction.ACTIVATE, S.REQUESTED),
        (AccountAction.SUSPEND, S.PREPARING),
        (AccountAction.RESUME, S.ACTIVE),
        (AccountAction.APPROVE_OPENING, S.ACTIVE),
        (AccountAction.CLOSE, S.CLOSED),
        (AccountAction.CLOSE, S.REJECTED),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(
    db: Database, people: People, action: AccountAction, source: AccountStatus
) -> None:
    account_id = in_state(db, people, source)
    with pytest.raises((ConflictError, PermissionDeniedError)):
        _do(db, people.kyokucho, account_id, action)
    assert status(db, people, account_id) is source


def test_a_decision_on_a_stale_screen_is_a_conflict(db: Database, people: People) -> None:
    account_id = request(db, people)
    stale = version(db, people.kyokucho, account_id)
    accounts.edit_account(
        db,
        people.kacho,
        account_id,
        stale,
        AccountInput(Platform.X, "鹿児島市観光公式X（改）", people.section_id),
    )
    with pytest.raises(ConflictError, match="他の人が先に変更しました"):
        accounts.approve_opening(db, people.kyokucho, account_id, stale)
    assert status(db, people, account_id) is S.REQUESTED


def test_reasons_are_required_where_the_guideline_expects_them(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.ACTIVE)
    with pytest.raises(ValidationError, match="理由"):
        accounts.suspend(db, people.kyokucho, account_id, version(db, people.kyokucho, account_id), "  ")


def test_open_checklist_items_block_activation_unless_the_responsible_records_why(
    db: Database, people: People
) -> None:
    account_id = in_state(db, people, S.PREPARING)
    account_checklist.set_checklist_item(
        db, people.kacho, account_id, ChecklistKey.VERIFIED, ChecklistState.NOT_OFFERED
    )
    with pytest.raises(ValidationError) as info:
        accounts.activate(db, people.kacho, account_id, version(db, people.kacho, account_id))
    assert "市公式ホームページへの掲載" in info.value.message and "パスワード" in info.value.message
    with pytest.raises(PermissionDeniedError, match="アカウント責任者"):
        accounts.activate(db, people.kacho, account_id, version(db, people.kacho, account_id), "急ぎのため")
    accounts.activate(
        db, people.kyokucho, account_id, version(db, people.kyokucho, account_id), "災害情報の発信を急ぐため"
    )
    row = accounts.get_account(db, people.kyokucho, account_id)
    assert row.status is S.ACTIVE and row.activation_override == "災害情報の発信を急ぐため"


def test_available_actions_follow_the_table(db: Database, people: People) -> None:
    account_id = request(db, people)
    assert accounts.available_actions(db, people.kyokucho, account_id) == [
        AccountAction.APPROVE_OPENING,
        AccountAction.REJECT,
    ]
    assert accounts.available_actions(db, people.kacho, account_id) == []


def test_who_sees_which_accounts(db: Database, people: People) -> None:
    account_id = request(db, people)
    assert [a.id for a in accounts.list_accounts(db, people.kacho)] == [account_id]
    assert [a.id for a in accounts.list_accounts(db, people.koho)] == [account_id]
    assert accounts.list_accounts(db, people.outsider) == []


# --- the checklist -------------------------------------------------------------------------------------------------


def test_checklist_rules(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.PREPARING)
    with pytest.raises(ValidationError, match="URL"):
        account_checklist.set_checklist_item(
            db, people.kacho, account_id, ChecklistKey.HOMEPAGE, ChecklistState.DONE
        )
    with pytest.raises(ValidationError, match="認証アカウントの項目だけ"):
        account_checklist.set_checklist_item(
            db, people.kacho, account_id, ChecklistKey.PROFILE_LINK, ChecklistState.NOT_OFFERED
        )
    with pytest.raises(ValidationError, match="自動的に記録"):
        account_checklist.set_checklist_item(
            db, people.kacho, account_id, ChecklistKey.PASSWORD, ChecklistState.DONE
        )
    with pytest.raises(PermissionDeniedError, match="アカウント管理者"):
        account_checklist.set_checklist_item(
            db, people.tanto, account_id, ChecklistKey.PROFILE_LINK, ChecklistState.DONE
        )
    account_checklist.set_checklist_item(
        db, people.kacho, account_id, ChecklistKey.VERIFIED, ChecklistState.DONE, note="認証バッジ取得"
    )
    rows = {r.key: r for r in account_checklist.checklist(db, people.kacho, account_id)}
    assert (
        rows[ChecklistKey.VERIFIED].state is ChecklistState.DONE
        and rows[ChecklistKey.VERIFIED].by == "観光 課長"
    )
    assert rows[ChecklistKey.PASSWORD].is_open


def test_password_item_follows_the_credential_and_its_rotation(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.PREPARING)
    credentials.set_credential(db, people.kacho, account_id, "kanko", "correct horse battery staple")
    rows = {r.key: r for r in account_checklist.checklist(db, people.kacho, account_id)}
    assert rows[ChecklistKey.PASSWORD].state is ChecklistState.DONE
    with db.write_session() as session:
        record = session.get(CredentialRecord, account_id)
        assert record is not None
        record.rotated_at = record.rotated_at - timedelta(days=91)
    rows = {r.key: r for r in account_checklist.checklist(db, people.kacho, account_id)}
    assert (
        rows[ChecklistKey.PASSWORD].is_open and "変更時期を過ぎています" in rows[ChecklistKey.PASSWORD].note
    )
    assert accounts.get_account(db, people.kacho, account_id).credential_due
    city_settings.set_rotation_days(db, people.admin, 180)
    assert not accounts.get_account(db, people.kacho, account_id).credential_due


# --- 運用ポリシー versions -------------------------------------------------------------------------------------------


def test_policy_versions_edit_approve_and_diff(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.ACTIVE)
    number = account_policies.save_policy_draft(
        db, people.kacho, account_id, valid_policy(hours={d: [("09:00", "17:00")] for d in range(5)})
    )
    assert number == 2
    [v2, v1] = account_policies.list_policies(db, people.kacho, account_id)
    assert (v2.status, v1.status) == (PolicyStatus.DRAFT, PolicyStatus.APPROVED)
    # a second edit changes the open draft (with the version the editor started from)
    account_policies.save_policy_draft(
        db,
        people.kacho,
        account_id,
        valid_policy(hours={d: [("09:00", "18:00")] for d in range(6)}),
        v2.version,
    )
    with pytest.raises(ConflictError, match="他の人が先に変更しました"):
        account_policies.save_policy_draft(db, people.kacho, account_id, valid_policy(), v2.version)
    [v2, v1] = account_policies.list_policies(db, people.kacho, account_id)
    diff = account_policies.policy_diff(db, people.kacho, account_id, 1, 2)
    assert "-運用時間: 月〜金 8:30〜17:15" in diff and "+運用時間: 月〜土 9:00〜18:00" in diff
    with pytest.raises(PermissionDeniedError, match="アカウント責任者"):
        account_policies.approve_policy(db, people.kacho, account_id, 2, v2.version)
    account_policies.approve_policy(db, people.kyokucho, account_id, 2, v2.version)
    [v2, v1] = account_policies.list_policies(db, people.kacho, account_id)
    assert (v2.status, v1.status) == (PolicyStatus.APPROVED, PolicyStatus.SUPERSEDED)
    with db.read() as session:
        current = account_policies.current_policy(session, account_id)
    assert current is not None and current.hours[5] == [("09:00", "18:00")]
    assert account_policies.save_policy_draft(db, people.kacho, account_id, valid_policy()) == 3


def test_an_incomplete_draft_can_be_saved_but_not_approved(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.ACTIVE)
    account_policies.save_policy_draft(db, people.kacho, account_id, valid_policy(disclaimer=""))
    draft = account_policies.list_policies(db, people.kacho, account_id)[0]
    with pytest.raises(ValidationError, match=r"免責事項.*§3\(1\)キ"):
        account_policies.approve_policy(db, people.kyokucho, account_id, draft.number, draft.version)


def test_published_policy_has_the_a_to_ki_headings(db: Database, people: People) -> None:
    account_id = in_state(db, people, S.ACTIVE)
    text = account_policies.published_policy(db, people.kacho, account_id)
    headings = [
        "ア 運用するソーシャルメディアの種類",
        "イ アカウント名、URL及びアカウント運用部署等名",
        "ウ 情報発信の目的及び掲載内容",
        "エ 運用方法",
        "オ 禁止事項",
        "カ 知的財産権の帰属",
        "キ 免責事項",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "運用時間: 月〜金 8:30〜17:15（祝日・年末年始（12月29日〜1月3日）を除く）" in text
    assert "お問い合わせ先: 電話 099-216-1327、メール kanko@city.example.lg.jp" in text
    assert "フォロー: 行わない" in text and "観光交流局 観光振興課" in text
    page = account_policies.published_policy(db, people.kacho, account_id, as_html=True)
    assert page.startswith("<!DOCTYPE html>") and "<h2>オ 禁止事項</h2>" in page


def test_policy_html_escapes_what_people_type(db: Database, people: People) -> None:
    facts = pol.AccountFacts("X", "<script>alert(1)</script>", "", "総務局")
    page = pol.render_html(valid_policy(purpose="a < b & c"), facts)
    assert "<script>" not in page and "a &lt; b &amp; c" in page


# --- people per account ---------------------------------------------------------------------------------------------


def test_contractor_only_after_acknowledgement(db: Database, people: People, admin: Actor) -> None:
    account_id = request(db, people)
    uid = users.create_user(
        db, admin, users.UserInput("agency2", "第二広告", people.section_id, is_contractor=True)
    )
    with pytest.raises(ValidationError, match=r"遵守の確認が記録されていない.*§9\(1\)"):
        users.assign_account_role(db, people.kacho, account_id, uid, Role.CONTRACTOR)
    users.record_contractor_acknowledgement(db, admin, uid, date(2026, 11, 1))
    users.assign_account_role(db, people.kacho, account_id, uid, Role.CONTRACTOR)
    with pytest.raises(ValidationError, match="委託業者"):
        users.assign_account_role(db, people.kacho, account_id, uid, Role.STAFF)
    roles = {(m.login, m.role) for m in accounts.list_members(db, people.kacho, account_id)}
    assert ("agency2", Role.CONTRACTOR) in roles


def test_members_are_managed_by_the_permitted_roles(db: Database, people: People) -> None:
    account_id = request(db, people)
    with pytest.raises(PermissionDeniedError):
        users.assign_account_role(db, people.tanto, account_id, people.outsider.user_id, Role.STAFF)
    users.assign_account_role(db, people.kacho, account_id, people.tanto.user_id, Role.STAFF)
    with pytest.raises(ValidationError, match="最後のアカウント責任者"):
        users.remove_account_role(db, people.kacho, account_id, people.kyokucho.user_id, Role.RESPONSIBLE)
    users.remove_account_role(db, people.kacho, account_id, people.tanto.user_id, Role.STAFF)
    assert [m.role for m in accounts.list_members(db, people.kacho, account_id)] == [
        Role.RESPONSIBLE,
        Role.MANAGER,
    ]
