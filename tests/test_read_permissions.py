"""Reads are permissions too (issue 13, item 3): every service function that acts for a person is called, found by
itself, as someone who may see none of the office's records, and must refuse or return nothing."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

import sns_desk.services
from sns_desk.domain import checks
from sns_desk.domain.errors import NotRegisteredError, PermissionDeniedError
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.domain.publication import SeenPost
from sns_desk.domain.reporting_rules import ReportClosure, ReportEvent
from sns_desk.domain.vocabulary import (
    AccountStatus,
    ChecklistKey,
    ChecklistState,
    IncidentType,
    InquiryChannel,
    InquiryKind,
    Platform,
    PostStatus,
    Role,
)
from sns_desk.domain.workflow import PostAction
from sns_desk.host.mail_transport import MailServer, Security
from sns_desk.services import (
    account_policies,
    accounts,
    check_exceptions,
    city_settings,
    incidents,
    inquiries,
    post_attachments,
    post_drafts,
    post_queries,
    post_scopes,
    users,
)
from sns_desk.services.accounts import AccountInput
from sns_desk.services.actors import Actor
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import utcnow
from tests.conftest import MemoryKeyring, give_role
from tests.test_posts import draft, submit
from tests.world import People, in_state, make_people, valid_policy

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100

# Functions that act for a person but are not reads of the office's records, with why each is left out.  Keyed by
# "module.function"; the value is the set of probes it is left out for (ALL: every probe).
ALL = frozenset({"outsider", "unacknowledged contractor", "flagged later", "inactive"})
ALLOWED: dict[str, tuple[frozenset[str], str]] = {
    "usecase.change": (ALL, "the use-case skeleton itself: the person is checked by the work it runs"),
    "usecase.look": (ALL, "the read skeleton itself: the person is checked by the work it runs"),
    "signing.signer_for": (
        ALL,
        "this person's own signing key in this PC's keyring; no record of the office; whether a decision may be "
        "signed is checked by the decision (issue 13, item 1)",
    ),
    "signing.register_key": (
        frozenset({"outsider"}),
        "a registered person records their own public key (a fingerprint comes back); it counts for nothing until a "
        "システム管理者 certifies it (issue 13, item 1)",
    ),
    "backups.auto_backup_if_due": (
        frozenset({"outsider"}),
        "the daily copy beside the database made at any registered person's start; returns only its path",
    ),
    "accounts.request_account": (
        frozenset({"outsider"}),
        "§3(1): every member of staff may request an account (a change, not a read)",
    ),
    "users.list_users": (
        frozenset({"outsider"}),
        "the staff directory: a member of staff names the アカウント責任者 of a request (§3(1))",
    ),
    "users.list_departments": (frozenset({"outsider"}), "the organisation chart, for the request (§3(1))"),
    "navigation.pages_for": (
        frozenset({"outsider"}),
        "the screens the person may open (their own menu): names of pages, no record of the office",
    ),
    "users.roles_summary": (frozenset({"outsider"}), "the person's own roles"),
    "users.status_bar": (
        frozenset({"outsider"}),
        "the person's own roles and whether they may back up the database (the status bar, issue 17)",
    ),
    "audit_log.verify_log": (
        frozenset({"outsider"}),
        "every registered person may check the chain: counts and sequence numbers, no record's content",
    ),
    "audit_log.verify_signatures": (
        frozenset({"outsider"}),
        "every registered person may check the 電子印鑑: counts and sequence numbers, no record's content",
    ),
    "notices.bell": (
        frozenset({"outsider"}),
        "the person's own bell: as notices.notifications (nothing for an outsider) paired with the kinds they muted "
        "themselves (as mail_settings.my_kinds), so the pair is never empty",
    ),
    "mail_settings.my_kinds": (
        frozenset({"outsider", "unacknowledged contractor", "flagged later"}),
        "the person's own choice of notices and their own address (issue 16, item 1)",
    ),
}

# Functions that take the database but no person, with why: none of them returns a record of the office.
NO_ACTOR: dict[str, str] = {
    "users.has_users": "first run: whether the database is empty (a yes/no before anyone is registered)",
    "users.bootstrap_first_admin": "first run: makes the first システム管理者 of an empty database, refused otherwise",
    "users.resolve_actor": "maps the OS login to its person, refusing unregistered, inactive and unacknowledged ones",
    "audit_log.anchor_warnings": "this PC's start-up check of its own anchor: a warning, no record",
    "audit_log.clock_warnings": "this PC's start-up check of its clock against the newest event's time",
    "backups.default_backup_name": "a file name made from the date",
    "backups.default_backup_dir": "the folder beside the database",
    "backups.auto_backups": "the names of the automatic backup files beside the database",
    "backups.backup_folders": "the folders where this database's backups are kept (paths, no office data)",
    "backups.delete_backups_older_than": "housekeeping run by purge_expired after its permission check (§7)",
    "audit_log.start_check": "this PC's start-up comparison of the chain with its own anchor (as anchor_warnings)",
    "city_settings.read_days": "a city-wide number of days (retention, rotation), shown before a change",
    "city_settings.get_rotation_days": "the city-wide password rotation period (§3(3)ウ)",
    "city_settings.get_retention_days": "the city-wide inquiry retention period (§7)",
    "mail_outbox.send_due": "the outbox sent by whichever PC runs: returns counts and an English reason, no record",
}


def service_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function defined in a module of sns_desk.services whose first parameter is the database."""
    for info in pkgutil.iter_modules(sns_desk.services.__path__):
        module = importlib.import_module(f"sns_desk.services.{info.name}")
        for name, function in sorted(vars(module).items()):
            if (
                name.startswith("_")
                or not inspect.isfunction(function)
                or function.__module__ != module.__name__
            ):
                continue
            parameters = list(inspect.signature(function).parameters.values())
            if parameters and parameters[0].annotation == "Database":
                yield f"{info.name}.{name}", function


def takes_actor(function: Callable[..., Any]) -> bool:
    parameters = list(inspect.signature(function).parameters.values())
    return len(parameters) > 1 and parameters[1].name == "actor" and parameters[1].annotation == "Actor"


@dataclass
class World:
    db: Database
    people: People
    account: int
    post: int
    incident: int
    inquiry: int
    scope: int
    attachment: int
    path: Path
    exception: int = 0


@pytest.fixture
def world(db: Database, admin: Actor, memory_keyring: MemoryKeyring, tmp_path: Path) -> World:
    p = make_people(db, admin)
    account = in_state(db, p, AccountStatus.ACTIVE)
    post = post_drafts.create_draft(db, p.tanto, PostInput(account, "桜島の降灰予報をお知らせします。"))
    attachment = post_attachments.add_attachment(db, p.tanto, post, "kouhai.png", PNG)
    incident = incidents.open_incident(db, p.tanto, account, IncidentType.IMPERSONATION, "なりすましの疑い")
    inquiry = inquiries.log_inquiry(
        db, p.tanto, account, InquiryChannel.PHONE, InquiryKind.OPINION, "市民の方のご意見（個人の言葉）"
    )
    scope = post_scopes.create_scope(
        db,
        p.kacho,
        account,
        post_scopes.ScopeInput(
            "降灰予報", "本日の降灰予報です。", (), utcnow(), utcnow() + timedelta(days=30), ("降灰",)
        ),
    )
    exception = check_exceptions.add_exception(
        db, p.kacho, account, "external_link", "www.jma.go.jp", "気象庁", date.today() + timedelta(days=30)
    )
    return World(db, p, account, post, incident, inquiry, scope, attachment, tmp_path, exception)


def arguments(w: World, name: str, function: Callable[..., Any]) -> dict[str, Any]:
    """An example value for every required parameter after (db, actor): real ids and current versions, so a
    refusal is a refusal, not a missing record or a stale copy."""
    db, p = w.db, w.people
    parameters = [
        q
        for q in list(inspect.signature(function).parameters.values())[2:]
        if q.default is inspect.Parameter.empty
    ]
    names = {q.name for q in parameters}
    detail = post_queries.get_post(db, p.tanto, w.post)
    if "post_id" in names:
        version = detail.row.version
    elif "incident_id" in names:
        version = incidents.get_incident(db, p.tanto, w.incident).version
    elif "user_id" in names:
        version = next(u.version for u in users.list_users(db, p.admin) if u.id == p.tanto.user_id)
    elif "scope_id" in names:
        version = post_scopes.get_scope(db, p.kacho, w.scope).scope.version
    elif "number" in names:
        version = account_policies.list_policies(db, p.kacho, w.account)[0].version
    else:
        version = accounts.get_account(db, p.kacho, w.account).version
    by_name: dict[str, Any] = {
        "account_id": w.account,
        "post_id": w.post,
        "incident_id": w.incident,
        "inquiry_id": w.inquiry,
        "scope_id": w.scope,
        "attachment_id": w.attachment,
        "exception_id": w.exception,
        "user_id": p.tanto.user_id,
        "responsible_user_id": p.kyokucho.user_id,
        "number": 1,
        "old_number": 1,
        "new_number": 1,
        "expected_version": version,
        "value": 30,
        "password": "correct horse battery staple",
        "url": "https://x.com/kagoshima/status/1",
        "source": "ログイン名,氏名\nprobe,試験 太郎\n".encode(),
        "categories": ["降灰"],
        "valid_from": utcnow(),
        "valid_until": utcnow() + timedelta(days=7),
    }
    by_type: dict[str, Any] = {
        "int": w.account,
        "str": "確認のための入力",
        "bool": False,
        "bytes": PNG,
        "datetime": utcnow(),
        "date": date.today(),
        "Path": w.path / "probe.sqlite3",
        "int | None": w.account,
        "list[int] | None": [w.account],
        "dict[str, Any]": {},
        "dict[str, str]": {},
        "Sequence[str]": [],
        "ChecklistKey": ChecklistKey.PROFILE_LINK,
        "ChecklistState": ChecklistState.DONE,
        "pol.PolicyData": valid_policy(),
        "AccountInput": AccountInput(Platform.X, "確認用アカウント", p.section_id),
        "Permission": Permission.WRITE_POST,
        "IncidentType": IncidentType.IMPERSONATION,
        "InquiryChannel": InquiryChannel.EMAIL,
        "InquiryKind": InquiryKind.OPINION,
        "PostInput": detail.as_input,
        "Sequence[PostInput]": [detail.as_input],
        "DaysSetting": city_settings.RETENTION,
        "UserInput": users.UserInput("probe", "試験 太郎"),
        "Role": Role.STAFF,
        "Mapping[str, Any]": {},
        "Platform": Platform.X,
        "PostAction": PostAction.AFTER_APPROVE,
        "checks.Finding": checks.Finding("external_link", checks.Severity.WARNING, 0, 4, "§5(8)", "確認"),
        "checks.Draft": checks.Draft(Platform.X, "https://www.jma.go.jp/ 確認"),
        "ReportClosure": ReportClosure.SENT,
        "ReportEvent": ReportEvent.OPENING,
        "set[MailKind]": set(MailKind),
        "MailServer": MailServer("smtp.city.example.lg.jp", 587, Security.STARTTLS, "sns@city.example.lg.jp"),
        "str | None": None,
        "pub.SeenPost": SeenPost("1", "確認のための入力", utcnow(), "https://x.com/kagoshima/status/1"),
        "ScopeInput": post_scopes.ScopeInput(
            "降灰予報", "本日の降灰予報です。", (), utcnow(), utcnow() + timedelta(days=30), ("降灰",)
        ),
    }
    values: dict[str, Any] = {}
    for q in parameters:
        if q.name in by_name:
            values[q.name] = by_name[q.name]
        elif q.annotation in by_type:
            values[q.name] = by_type[q.annotation]
        else:
            pytest.fail(f"{name}: give this test an example value for {q.name}: {q.annotation}")
    return values


def probes(w: World, admin: Actor) -> dict[str, Actor]:
    """Four people who may see nothing of the account: a member of staff of another 課, a 委託業者 on the account
    whose acknowledgement is not recorded, a 担当者 on it later flagged as a 委託業者, and a former 管理者 of it."""
    db = w.db
    contractor_id = users.create_user(
        db, admin, users.UserInput("new-agency", "新規 業者", is_contractor=True)
    )
    contractor = Actor(contractor_id, "new-agency", "新規 業者")
    give_role(
        db, contractor, w.account, Role.CONTRACTOR
    )  # a membership row, as an older version could leave it
    flagged_id = users.create_user(db, admin, users.UserInput("later-agency", "派遣 職員"))
    users.assign_account_role(db, w.people.kacho, w.account, flagged_id, Role.STAFF)
    users.assign_account_role(db, w.people.kyokucho, w.account, flagged_id, Role.MANAGER)
    row = next(u for u in users.list_users(db, admin) if u.id == flagged_id)
    users.update_user(
        db, admin, flagged_id, row.version, users.UserInput("later-agency", "派遣 職員", is_contractor=True)
    )
    former_id = users.create_user(db, admin, users.UserInput("former", "前 管理者"))
    users.assign_account_role(db, w.people.kyokucho, w.account, former_id, Role.MANAGER)
    row = next(u for u in users.list_users(db, admin) if u.id == former_id)
    users.update_user(db, admin, former_id, row.version, users.UserInput("former", "前 管理者", active=False))
    return {
        "outsider": w.people.outsider,
        "unacknowledged contractor": contractor,
        "flagged later": Actor(flagged_id, "later-agency", "派遣 職員"),
        "inactive": Actor(former_id, "former", "前 管理者"),
    }


def test_every_function_that_returns_data_takes_the_acting_person() -> None:
    missing = [name for name, f in service_functions() if not takes_actor(f) and name not in NO_ACTOR]
    assert not missing, f"take the acting person (db, actor, ...) and check what they may see: {missing}"
    assert set(NO_ACTOR) <= {name for name, _f in service_functions()}, (
        "an exemption names a function that is gone"
    )


def test_nobody_outside_sees_or_does_anything(world: World, admin: Actor) -> None:
    people = probes(world, admin)
    found = dict(service_functions())
    assert set(ALLOWED) <= set(found), "an exemption names a function that is gone"
    wrong: list[str] = []
    calls = 0
    for name, function in found.items():
        if not takes_actor(function):
            continue
        for who, actor in people.items():
            if who in ALLOWED.get(name, (frozenset(), ""))[0]:
                continue
            args = arguments(world, name, function)
            calls += 1
            try:
                result = function(world.db, actor, **args)
                if inspect.isgenerator(result):
                    result = list(result)
            except (PermissionDeniedError, NotRegisteredError):
                continue
            except Exception as error:  # any other answer tells the person something about the record
                wrong.append(f"{name} as {who}: {type(error).__name__}: {error}")
                continue
            if result:
                wrong.append(f"{name} as {who} returned {result!r:.200}")
    assert calls > 300
    assert not wrong, "\n".join(wrong)


def test_a_staff_member_flagged_as_contractor_loses_every_right(world: World, admin: Actor) -> None:
    db, p = world.db, world.people
    row = next(u for u in users.list_users(db, admin) if u.id == p.kacho.user_id)
    users.update_user(
        db, admin, p.kacho.user_id, row.version, users.UserInput("kacho", "観光 課長", is_contractor=True)
    )
    with pytest.raises(PermissionDeniedError, match=r"§9\(1\)"):
        post_queries.list_posts(db, p.kacho)
    with pytest.raises(NotRegisteredError, match="確認の記録を依頼"):
        users.resolve_actor(db, "kacho")
    users.record_contractor_acknowledgement(db, admin, p.kacho.user_id, date(2026, 4, 1))
    # acknowledged, the person works as a 委託業者 only: never again as the 課's アカウント管理者 (§4(1)イ)
    assert not accounts.may(db, p.kacho, Permission.APPROVE_POST, world.account)
    assert not accounts.may(db, p.kacho, Permission.USE_CREDENTIALS, world.account)


def test_purge_needs_a_permission_and_erases_only_ones_own_accounts(world: World, admin: Actor) -> None:
    db, p = world.db, world.people
    old = utcnow() - timedelta(days=4000)
    other = in_state(db, p, AccountStatus.ACTIVE)
    give_role(db, p.outsider, other, Role.STAFF)
    theirs = inquiries.log_inquiry(
        db, p.outsider, other, InquiryChannel.EMAIL, InquiryKind.OPINION, "別の課", received_at=old
    )
    ours = inquiries.log_inquiry(
        db, p.tanto, world.account, InquiryChannel.EMAIL, InquiryKind.OPINION, "当課", received_at=old
    )
    with pytest.raises(PermissionDeniedError, match="§7"):
        inquiries.purge_expired(db, p.koho)  # 広報課 sees every account but does not log their inquiries
    assert inquiries.purge_expired(db, p.outsider) == 1
    rows = {r.id: r for r in inquiries.list_inquiries(db, admin)}
    assert rows[theirs].purged and not rows[ours].purged
    assert inquiries.purge_expired(db, admin) == 1
    assert {r.id: r for r in inquiries.list_inquiries(db, admin)}[ours].purged


def test_a_non_member_is_told_so_not_that_the_account_is_missing(world: World) -> None:
    db, p = world.db, world.people
    with pytest.raises(PermissionDeniedError, match="担当者として登録されていない"):
        accounts.get_account(db, p.outsider, world.account)
    with pytest.raises(PermissionDeniedError, match="担当者として登録されていない"):
        post_queries.get_post(db, p.outsider, world.post)
    with pytest.raises(Exception, match="見つかりません"):
        accounts.get_account(db, p.outsider, world.account + 1000)


def test_the_repetition_check_answers_only_about_posts_one_may_read(world: World) -> None:
    """§5(5)'s warning says how alike a text is to the account's recent posts, pending ones included: asked by
    someone who may not read them, it would confirm a guess about another account's unpublished text."""
    db, p = world.db, world.people
    secret = "明日の記者発表まで非公開：新しい観光施設の名称は「さくらじまドーム」です。"
    assert submit(db, p.tanto, draft(db, p.tanto, world.account, secret)) is PostStatus.PENDING
    guess = PostInput(world.account, secret)
    with pytest.raises(PermissionDeniedError, match="担当者として登録されていない"):
        post_drafts.check_input(db, p.outsider, guess)
    assert any(f.rule == "repetition" for f in post_drafts.check_input(db, p.kacho, guess)), (
        "members still are warned"
    )
