"""広報課's overview of every account (issue 17 item 4): what each row says, who sees which rows, a constant number
of queries whatever the number of accounts, quick at 300 accounts, and its workbook keeps text as text."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import event

from sns_desk.cli.main import main
from sns_desk.domain import oversight
from sns_desk.domain import policy as pol
from sns_desk.domain.reporting_rules import ReportClosure, ReportEvent
from sns_desk.domain.vocabulary import AccountStatus, IncidentType, Platform, PolicyStatus, PostStatus
from sns_desk.export import overview_workbook
from sns_desk.host import identity
from sns_desk.services import (
    account_reports,
    accounts,
    incidents,
    monitoring,
    overview,
    users,
)
from sns_desk.services.accounts import AccountInput
from sns_desk.services.actors import Actor
from sns_desk.services.overview import OverviewFilter
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import Account, AccountPolicy, Post
from tests.test_report_safety import HYPERLINK, formulas_in, rename, text_cells
from tests.world import People, in_state, make_people, valid_policy, version

BOTH_BACKENDS = True  # one query with correlated subqueries: on SQLite and on PostgreSQL (tests/conftest.py)

NOW = datetime(2026, 11, 30, 3, 0, tzinfo=pol.JST)  # 2026-11-30 12:00 Japan time


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    """The statements the database is sent inside the block."""
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def add_posts(db: Database, account_id: int, author_id: int, *published: datetime) -> None:
    def work(session: object) -> None:
        for when in published:
            session.add(  # type: ignore[attr-defined]
                Post(
                    account_id=account_id,
                    author_id=author_id,
                    status=PostStatus.PUBLISHED,
                    body="お知らせ",
                    published_at=when,
                )
            )

    db.write(work, what="test posts")


def seed_accounts(db: Database, people: People, count: int) -> None:
    """``count`` more accounts in operation, each with a post, straight into the database (the services' own
    path is tested above; this is only the city's size)."""

    policy_text = valid_policy().to_json()

    def work(session: object) -> None:
        for number in range(count):
            account = Account(
                platform=Platform.INSTAGRAM,
                name=f"課のアカウント{number:03d}",
                department_id=people.section_id,
                status=AccountStatus.ACTIVE,
                activated_at=NOW - timedelta(days=3),
            )
            session.add(account)  # type: ignore[attr-defined]
            session.flush()  # type: ignore[attr-defined]
            session.add(  # type: ignore[attr-defined]
                Post(
                    account_id=account.id,
                    author_id=people.tanto.user_id,
                    status=PostStatus.PUBLISHED,
                    body="お知らせ",
                    published_at=NOW - timedelta(days=number % 40),
                )
            )
            session.add(  # type: ignore[attr-defined]
                AccountPolicy(
                    account_id=account.id,
                    number=1,
                    status=PolicyStatus.APPROVED,
                    data=policy_text,
                    created_by_id=people.kacho.user_id,
                )
            )

    db.write(work, what="test city")


def report(db: Database, people: People, account_id: int, event: str) -> None:
    """The 管理者 records the §3(2) report of ``event`` as sent (the tracked 「広報課への報告」 item closes)."""
    account_reports.record_sent_for(db, people.kacho, account_id, ReportEvent(event))


def row_of(data: overview.Overview, account_id: int) -> overview.OverviewRow:
    return next(row for row in data.rows if row.id == account_id)


def test_each_row_says_what_koho_watches(db: Database, people: People) -> None:
    active = in_state(db, people, AccountStatus.ACTIVE)
    add_posts(
        db,
        active,
        people.tanto.user_id,
        NOW - timedelta(hours=2),  # this month (Japan time)
        NOW - timedelta(days=10),
        NOW - timedelta(days=31),  # October
    )
    incidents.open_incident(db, people.kacho, active, IncidentType.FLAMING, "炎上", serious=True)
    data = overview.city_overview(db, people.koho, NOW)
    row = row_of(data, active)
    assert (row.bureau, row.section, row.platform, row.status) == (
        "観光交流局",
        "観光振興課",
        Platform.X,
        AccountStatus.ACTIVE,
    )
    assert row.policy_version == 1
    assert row.last_post == NOW - timedelta(hours=2)
    assert (row.posts_this_month, row.posts_last_month) == (2, 1)
    assert row.serious_open == 1
    assert row.needs_attention and any("§4(1)イ" in reason for reason in row.attention)


def test_months_are_counted_in_japan_time_across_the_new_year() -> None:
    moment = datetime(2026, 12, 31, 15, 30, tzinfo=UTC)  # 2027-01-01 00:30 in Japan
    previous, this, following = overview.month_starts(moment)
    assert (previous.date(), this.date(), following.date()) == (
        datetime(2026, 12, 1).date(),
        datetime(2027, 1, 1).date(),
        datetime(2027, 2, 1).date(),
    )
    assert this.tzinfo == pol.JST


def test_monitoring_overdue_follows_the_accounts_own_interval_and_dormant_is_shown(
    db: Database, people: People
) -> None:
    active = in_state(db, people, AccountStatus.ACTIVE)
    later = datetime.now(pol.JST) + timedelta(days=400)
    row = row_of(overview.city_overview(db, people.koho, later), active)
    assert row.monitoring_overdue and "監視の期限切れ（§9(2)）" in row.attention
    assert row.dormant and any(reason.startswith("休眠") for reason in row.attention)
    monitoring.record_monitoring(db, people.kacho, active, "問題なし")
    report(db, people, active, "開設")
    row = row_of(overview.city_overview(db, people.koho), active)
    assert not row.monitoring_overdue and not row.dormant and row.last_checked is not None
    assert not row.needs_attention
    ten_days = datetime.now(pol.JST) + timedelta(days=10)
    assert row_of(overview.city_overview(db, people.koho, ten_days), active).monitoring_overdue  # 7 days
    monitoring.set_interval(db, people.kacho, active, 14)
    assert not row_of(overview.city_overview(db, people.koho, ten_days), active).monitoring_overdue


def test_an_account_in_preparation_is_listed_but_not_overdue(db: Database, people: People) -> None:
    preparing = in_state(db, people, AccountStatus.PREPARING)
    later = datetime.now(pol.JST) + timedelta(days=400)
    row = row_of(overview.city_overview(db, people.koho, later), preparing)
    assert row.status is AccountStatus.PREPARING and not row.monitoring_overdue
    assert row.last_post is None and row.posts_this_month == 0


def test_unreported_opening_change_and_closing_follow_the_tracked_report_items(
    db: Database, people: People
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)

    def unreported() -> tuple[str, ...]:
        return row_of(overview.city_overview(db, people.koho), account).unreported

    assert unreported() == ("開設",)
    assert any(
        "§3(2)" in reason for reason in row_of(overview.city_overview(db, people.koho), account).attention
    )
    report(db, people, account, "開設")
    assert unreported() == ()
    row = accounts.get_account(db, people.kacho, account)
    accounts.edit_account(
        db,
        people.kacho,
        account,
        row.version,
        AccountInput(row.platform, row.name + "（新）", row.department_id, row.handle, row.url),
    )
    assert unreported() == ("変更",)  # an edit of a reported field (アカウント名)
    report(db, people, account, "変更")
    assert unreported() == ()
    accounts.close(db, people.kyokucho, account, version(db, people.kyokucho, account), "事業終了")
    assert unreported() == ("廃止",)
    account_reports.record_reported(
        db,
        people.koho,
        account_reports.report_items(db, people.koho, account_id=account)[0].id,
        ReportClosure.RECEIVED,
    )  # 広報課 records it received
    assert unreported() == ()


def test_a_requested_account_has_nothing_to_report_yet(db: Database, people: People) -> None:
    requested = in_state(db, people, AccountStatus.REQUESTED)
    assert row_of(overview.city_overview(db, people.koho), requested).unreported == ()


def test_koho_sees_every_account_a_responsible_only_theirs(
    db: Database, people: People, admin: Actor
) -> None:
    theirs = in_state(db, people, AccountStatus.ACTIVE)
    other_section = users.create_department(db, admin, "福祉課")
    boss = users.create_user(db, admin, users.UserInput("fukushi", "福祉 課長", other_section))
    seed_accounts(db, people, 2)
    everyone = {row.id for row in overview.city_overview(db, people.koho).rows}
    assert theirs in everyone and len(everyone) == 3
    assert {row.id for row in overview.city_overview(db, people.kyokucho).rows} == {theirs}
    assert overview.city_overview(db, users.resolve_actor(db, "fukushi")).rows == []
    assert boss


def test_filters_keep_only_the_chosen_accounts(db: Database, people: People) -> None:
    active = in_state(db, people, AccountStatus.ACTIVE)
    report(db, people, active, "開設")
    seed_accounts(db, people, 3)
    data = overview.city_overview(db, people.koho, NOW)
    assert {r.id for r in data.filtered(OverviewFilter(platform=Platform.X))} == {active}
    assert len(data.filtered(OverviewFilter(platform=Platform.INSTAGRAM))) == 3
    assert data.filtered(OverviewFilter(section="福祉課")) == []
    assert len(data.filtered(OverviewFilter(bureau="観光交流局", status=AccountStatus.ACTIVE))) == 4
    assert data.filtered(OverviewFilter(attention_only=True)) == []
    incidents.open_incident(db, people.kacho, active, IncidentType.FLAMING, "炎上", serious=True)
    data = overview.city_overview(db, people.koho, NOW)
    assert [r.id for r in data.filtered(OverviewFilter(attention_only=True))] == [active]
    assert data.choices == {"bureau": ["観光交流局"], "section": ["観光振興課"]}


def test_the_same_few_queries_for_3_and_300_accounts_and_quick(db: Database, people: People) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    seed_accounts(db, people, 2)
    with counted(db) as small:
        assert len(overview.city_overview(db, people.koho, NOW).rows) == 3
    seed_accounts(db, people, 297)
    with counted(db) as large:
        started = time.perf_counter()
        data = overview.city_overview(db, people.koho, NOW)
        elapsed = time.perf_counter() - started
    assert len(data.rows) == 300
    assert len(small) == len(large) <= 8, large
    if db.engine.dialect.name == "sqlite":
        assert elapsed < 1.0, f"{elapsed:.3f} s for 300 accounts"


def test_the_workbook_keeps_every_string_as_text(db: Database, people: People, tmp_path: Path) -> None:
    active = in_state(db, people, AccountStatus.ACTIVE)
    rename(db, people, active, HYPERLINK)
    result = overview_workbook.export_overview(db, people.koho, tmp_path / "overview.xlsx")
    assert result.rows == 1
    assert formulas_in(result.path) == []
    assert text_cells(result.path, HYPERLINK) == ["s"]
    sheet = load_workbook(result.path).active
    assert sheet is not None
    assert [c.value for c in sheet[4]][:5] == ["局", "課", "SNS", "アカウント名", "状態"]
    assert [c.value for c in sheet[5]][:6] == ["観光交流局", "観光振興課", "X", HYPERLINK, "運用中", "第1版"]


def test_the_workbook_holds_only_the_filtered_rows(db: Database, people: People, tmp_path: Path) -> None:
    in_state(db, people, AccountStatus.ACTIVE)
    seed_accounts(db, people, 2)
    result = overview_workbook.export_overview(
        db, people.koho, tmp_path / "x.xlsx", OverviewFilter(platform=Platform.INSTAGRAM)
    )
    assert result.rows == 2


def test_the_cli_lists_and_exports_the_overview(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sns-desk.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = make_people(db, admin)
    in_state(db, people, AccountStatus.ACTIVE)
    db.dispose()
    assert main(["--db", str(path), "overview", "--platform", "x"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("局\t課\tSNS\tアカウント名\t状態")
    assert out[1].split("\t")[:6] == ["観光交流局", "観光振興課", "X", "鹿児島市観光公式X", "運用中", "第1版"]
    assert out[1].split("\t")[-2] == "開設"  # its 開設 report (§3(2)) was never exported
    assert out[-1].startswith("1 アカウント（要対応 1 件")
    assert main(["--db", str(path), "overview", "--platform", "line"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("0 アカウント")
    workbook = tmp_path / "運用状況.xlsx"
    assert main(["--db", str(path), "overview", "--export", str(workbook)]) == 0
    assert "出力しました" in capsys.readouterr().out
    sheet = load_workbook(workbook).active
    assert sheet is not None and sheet.cell(5, 4).value == "鹿児島市観光公式X"


def test_the_attention_rule_on_its_own() -> None:
    assert oversight.attention_reasons(
        AccountStatus.ACTIVE, overdue=False, serious_open=0, approved_policy=None, unreported=["変更"]
    ) == ["承認済みの運用ポリシーなし（§3(1)）", "広報課への変更の報告が未記録（§3(2)）"]
    assert (
        oversight.attention_reasons(
            AccountStatus.PREPARING, overdue=False, dormant=False, serious_open=0, approved_policy=None
        )
        == []
    )  # not yet in operation: no policy needed yet
    assert oversight.attention_reasons(
        AccountStatus.ACTIVE, overdue=True, dormant=True, serious_open=2, approved_policy=1
    ) == [
        "監視の期限切れ（§9(2)）",
        "休眠（投稿のない日数が設定を超過、§9(2)）",
        "重大なトラブル 2 件（§4(1)イ）",
    ]
