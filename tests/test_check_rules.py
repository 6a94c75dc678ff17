"""The office's own rules in the database and standing exceptions (issue 15 items 3, 4), on SQLite and PostgreSQL:
who may change them, that every PC checks with the newest version, that each change is audited, and that the
drafts and the submission use them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, Platform, PostStatus
from sns_desk.services import audit_log as auditlog
from sns_desk.services import check_exceptions, check_rules, post_drafts, post_queries, post_workflow
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import AuditEvent
from tests.world import People, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

GOVERNMENT = {"city_domains": ["yokanavi.example.jp"], "shorteners": {"remove": ["spoti.fi"]}}
LINK_TEXT = (
    "ポッドキャストは https://spoti.fi/abcd から。観光サイト https://yokanavi.example.jp/ もご覧ください。"
)


def _today() -> date:
    return pol.now_jst().date()


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def _rules(findings: list[object]) -> list[str]:
    return [f.rule for f in findings]  # type: ignore[attr-defined]


def _actions(db: Database, prefix: str) -> list[tuple[str, str, dict[str, object]]]:
    import json

    with db.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action.like(prefix + "%")).order_by(AuditEvent.seq)
        )
        return [(e.action, e.actor, json.loads(e.payload)) for e in events]


def test_only_system_admin_and_pr_change_the_office_layer(db: Database, people: People, account: int) -> None:
    for refused in (people.kacho, people.kyokucho, people.tanto, people.outsider):
        with pytest.raises(
            PermissionDeniedError, match="課のチェック規則の変更には、広報課・システム管理者の権限が必要です"
        ):
            check_rules.save_layer(db, refused, GOVERNMENT, 0)
    assert check_rules.save_layer(db, people.koho, GOVERNMENT, 0, "国の機関を市の扱いに") == 1
    assert (
        check_rules.save_layer(db, people.admin, {**GOVERNMENT, "city_accounts": ["@kagoshima_bousai"]}, 1)
        == 2
    )
    view = check_rules.view(db, people.tanto)  # everyone may read the office's rules
    assert view.office.number == 2 and not view.may_edit_office
    assert check_rules.view(db, people.koho).may_edit_office
    with pytest.raises(PermissionDeniedError, match="チェック規則は、アカウントの担当者"):
        check_rules.view(
            db, people.outsider
        )  # works on no account: their drafts are checked by nobody's rules
    assert (
        "yokanavi.example.jp" in view.merged["city_domains"] and "spoti.fi" not in view.merged["shorteners"]
    )
    assert [v.number for v in check_rules.history(db, people.tanto)] == [2, 1]
    assert check_rules.history(db, people.tanto)[1].note == "国の機関を市の扱いに"


def test_each_change_is_audited_and_the_log_still_verifies(db: Database, people: People) -> None:
    check_rules.save_layer(db, people.koho, GOVERNMENT, 0, "国の機関")
    check_rules.save_layer(db, people.koho, {"city_domains": ["yokanavi.example.jp"]}, 1)
    assert _actions(db, "rules.") == [
        (
            "rules.office.save",
            "koho",
            {"number": 1, "changed": ["city_domains", "shorteners"], "note": "国の機関"},
        ),
        ("rules.office.save", "koho", {"number": 2, "changed": ["shorteners"], "note": ""}),
    ]
    assert auditlog.verify_log(db, people.admin).ok


def test_a_stale_or_invalid_or_unchanged_layer_is_refused(db: Database, people: People) -> None:
    check_rules.save_layer(db, people.koho, GOVERNMENT, 0)
    with pytest.raises(ConflictError, match="他の人が先に変更しました（第1版）"):
        check_rules.save_layer(db, people.admin, {"city_domains": ["lg.jp"]}, 0)
    with pytest.raises(ValidationError, match="「limits」は市の規則ファイルでだけ決められます"):
        check_rules.save_layer(db, people.koho, {"limits": {}}, 1)
    with pytest.raises(ValidationError, match="変わっていません"):
        check_rules.save_layer(db, people.koho, GOVERNMENT, 1)
    assert check_rules.view(db, people.koho).office.number == 1


def test_the_office_layer_reaches_every_pc_at_once(db: Database, people: People, account: int) -> None:
    """Two PCs on one database: what one saves, the other's next check uses (no restart, no stale cache)."""
    other_pc = open_database(db.location.path or db.location.url)
    try:
        data = PostInput(account, LINK_TEXT)
        before = post_drafts.check_input(other_pc, people.tanto, data)
        assert _rules(before) == ["shortener", "external_link"]
        check_rules.save_layer(db, people.koho, GOVERNMENT, 0)
        assert _rules(post_drafts.check_input(other_pc, people.tanto, data)) == [
            "external_link"
        ]  # spoti.fi: a link
        check_rules.save_layer(
            db, people.koho, {**GOVERNMENT, "city_domains": ["yokanavi.example.jp", "spoti.fi"]}, 1
        )
        assert _rules(post_drafts.check_input(other_pc, people.tanto, data)) == []
    finally:
        other_pc.dispose()


def test_an_account_manager_adds_contacts_and_partner_sites_for_their_account_only(
    db: Database, people: People, account: int
) -> None:
    text = "詳しくは観光協会 https://kankou-kyokai.example.jp/ または 099-800-5555 まで。"
    partner = {"city_domains": ["kankou-kyokai.example.jp"], "allowed_contacts": {"phones": ["099-800-5555"]}}
    with pytest.raises(PermissionDeniedError):
        check_rules.save_layer(db, people.tanto, partner, 0, account_id=account)
    with pytest.raises(ValidationError, match="取り除けません"):
        check_rules.save_layer(
            db, people.kacho, {"city_domains": {"remove": ["go.jp"]}}, 0, account_id=account
        )
    assert _rules(post_drafts.check_input(db, people.tanto, PostInput(account, text))) == [
        "external_link",
        "phone",
    ]
    assert check_rules.save_layer(db, people.kacho, partner, 0, account_id=account) == 1
    assert _rules(post_drafts.check_input(db, people.tanto, PostInput(account, text))) == []
    assert check_rules.view(db, people.kacho, account).may_edit_account
    with pytest.raises(PermissionDeniedError):
        check_rules.view(db, people.outsider, account)  # an account's additions: only who may see it
    assert _actions(db, "rules.account")[0][:2] == ("rules.account.save", "kacho")
    # the office's rules stay as they were
    assert "kankou-kyokai.example.jp" not in check_rules.view(db, people.tanto).merged["city_domains"]


def test_try_text_checks_a_sample_under_unsaved_rules(db: Database, people: People) -> None:
    assert _rules(check_rules.try_text(db, people.koho, LINK_TEXT, Platform.X)) == [
        "shortener",
        "external_link",
    ]
    edited = {**GOVERNMENT, "city_domains": ["yokanavi.example.jp", "spoti.fi"]}
    assert check_rules.try_text(db, people.koho, LINK_TEXT, Platform.X, office=edited) == []
    assert check_rules.view(db, people.koho).office.number == 0  # nothing was saved
    with pytest.raises(ValidationError, match="綴り"):
        check_rules.try_text(db, people.koho, LINK_TEXT, Platform.X, office={"shortner": []})


def test_the_city_file_is_chosen_by_the_system_admin(db: Database, people: People) -> None:
    assert check_rules.view(db, people.koho).city == "kagoshima"
    with pytest.raises(ValidationError, match="市の規則ファイル「nara」がありません"):
        check_rules.set_city(db, people.admin, "nara")
    with pytest.raises(PermissionDeniedError):
        check_rules.set_city(db, people.koho, "kagoshima")
    check_rules.set_city(db, people.admin, "kagoshima")
    assert _actions(db, "rules.city") == [("rules.city", "admin", {"city": "kagoshima"})]


JMA = "大雨の情報は日本気象協会 https://tenki.jp/bosai/warning/ をご覧ください。"


def test_a_manager_turns_a_recurring_warning_into_an_exception(
    db: Database, people: People, account: int
) -> None:
    until = _today() + timedelta(days=90)
    data = PostInput(account, JMA)
    with pytest.raises(PermissionDeniedError, match="注意の例外の登録"):
        check_exceptions.add_from_text(db, people.tanto, account, JMA, "日本気象協会の警報", until)
    [exception_id] = check_exceptions.add_from_text(
        db, people.kacho, account, JMA, "日本気象協会の警報ページ", until
    )
    assert post_drafts.check_input(db, people.tanto, data) == []  # no reason is asked for it any more
    other = "https://tenki.jp/forecast/ の天気予報"  # another page of the same site
    assert post_drafts.check_input(db, people.tanto, PostInput(account, other)) == []
    [(finding, exception)] = check_exceptions.excepted_findings(
        db, people.tanto, account, post_drafts_draft(account, JMA)
    )
    assert (
        finding.rule == "external_link"
        and exception.label() == f"例外（日本気象協会の警報ページ・{until:%Y-%m-%d} まで）"
    )
    [row] = check_exceptions.list_exceptions(db, people.tanto, account)
    assert (row.exception.matched, row.created_by, row.state(_today())) == (
        "tenki.jp",
        "観光 課長",
        "有効",
    )
    assert _actions(db, "rules.exception")[0][2]["expires_on"] == until.isoformat()
    check_exceptions.revoke_exception(db, people.kacho, exception_id)
    assert _rules(post_drafts.check_input(db, people.tanto, data)) == ["external_link"]
    assert check_exceptions.list_exceptions(db, people.tanto, account) == []
    assert [
        r.state(_today())
        for r in check_exceptions.list_exceptions(db, people.tanto, account, include_ended=True)
    ] == ["取り消し"]


def post_drafts_draft(account: int, body: str) -> object:
    from sns_desk.domain import checks

    return checks.Draft(Platform.X, body)


def test_errors_are_never_excepted_and_expired_exceptions_stop(
    db: Database, people: People, account: int
) -> None:
    until = _today() + timedelta(days=30)
    with pytest.raises(ValidationError, match="例外にできません"):
        check_exceptions.add_from_text(
            db, people.kacho, account, "https://bit.ly/x", "便利", until, rule="shortener"
        )
    with pytest.raises(ValidationError, match="例外にできる注意がありません"):
        check_exceptions.add_from_text(db, people.kacho, account, "https://bit.ly/x", "便利", until)
    with pytest.raises(ValidationError, match="期限は今日以降"):
        check_exceptions.add_exception(
            db,
            people.kacho,
            account,
            "external_link",
            "tenki.jp",
            "日本気象協会",
            _today() - timedelta(days=1),
        )
    # an exception stored for a rule that fires as an error never covers it
    check_exceptions.add_exception(db, people.kacho, account, "shortener", "bit.ly", "誤って登録", until)
    assert _rules(post_drafts.check_input(db, people.tanto, PostInput(account, "https://bit.ly/x"))) == [
        "shortener"
    ]
    # an expired one: stored with yesterday's expiry (as if time had passed)
    from sns_desk.store.rule_tables import RuleException

    check_exceptions.add_exception(
        db, people.kacho, account, "external_link", "tenki.jp", "日本気象協会", _today()
    )
    with db.write_session() as session:
        for row in session.scalars(select(RuleException)):
            row.expires_on = _today() - timedelta(days=1)
    assert _rules(post_drafts.check_input(db, people.tanto, PostInput(account, JMA))) == ["external_link"]


def test_submission_uses_the_account_rules_and_its_exceptions(
    db: Database, people: People, account: int
) -> None:
    from tests.test_posts import ALL_CHECKED, in_hours

    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, JMA, planned_at=in_hours()))
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    with pytest.raises(ValidationError, match=r"tenki\.jp"):
        post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED)
    check_exceptions.add_from_text(
        db, people.kacho, account, JMA, "日本気象協会の警報ページ", _today() + timedelta(days=30)
    )
    assert post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED) is PostStatus.PENDING
