"""Users, departments, the first administrator and CSV import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from sns_desk.domain.errors import ConflictError, NotRegisteredError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import Role
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from tests.conftest import make_account

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)


def test_first_run_makes_the_person_the_first_administrator(db: Database) -> None:
    assert not users.has_users(db)
    actor = users.bootstrap_first_admin(
        db, "k-tanaka", "田中 恵子", "総務局", "広報課", "koho@city.example.lg.jp"
    )
    rows = users.list_users(db, actor)
    assert [(r.login, r.display_name, r.department, r.is_admin) for r in rows] == [
        ("k-tanaka", "田中 恵子", "総務局 広報課", True)
    ]
    assert users.roles_summary(db, actor) == "システム管理者"


def test_bootstrap_only_once(db: Database, admin: Actor) -> None:
    with pytest.raises(ConflictError, match="既に利用者が登録されています"):
        users.bootstrap_first_admin(db, "intruder", "侵入 者", "総務局", "")


def test_unknown_login_is_told_whom_to_ask(db: Database, admin: Actor) -> None:
    with pytest.raises(NotRegisteredError) as info:
        users.resolve_actor(db, "t-suzuki")
    assert "「t-suzuki」は SNS Desk に登録されていません" in info.value.message
    assert "管理 太郎" in info.value.message


def test_deactivated_login_is_not_let_in(db: Database, admin: Actor) -> None:
    uid = users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    row = next(r for r in users.list_users(db, admin) if r.id == uid)
    users.update_user(db, admin, uid, row.version, users.UserInput("t-suzuki", "鈴木 隆", active=False))
    with pytest.raises(NotRegisteredError):
        users.resolve_actor(db, "t-suzuki")


def test_only_an_administrator_manages_users(db: Database, admin: Actor) -> None:
    users.create_user(db, admin, users.UserInput("staff1", "職員 一"))
    staff = users.resolve_actor(db, "staff1")
    with pytest.raises(PermissionDeniedError, match="システム管理者の権限が必要です"):
        users.create_user(db, staff, users.UserInput("staff2", "職員 二"))
    with pytest.raises(PermissionDeniedError):
        users.create_department(db, staff, "市民局")
    with pytest.raises(PermissionDeniedError):
        users.import_users_csv(db, staff, "ログイン名,氏名\nx,X\n".encode())


@pytest.mark.parametrize(
    ("login", "name", "email", "phone", "message"),
    [
        ("", "名前", "", "", "ログイン名"),
        ("has space", "名前", "", "", "ログイン名"),
        ("ok", "", "", "", "氏名を入力"),
        ("ok", "名前", "not-an-email", "", "メールアドレス"),
        ("ok", "名前", "", "abc", "電話番号"),
    ],
)
def test_user_input_is_validated(
    db: Database, admin: Actor, login: str, name: str, email: str, phone: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        users.create_user(db, admin, users.UserInput(login, name, email=email, phone=phone))


def test_duplicate_login_is_refused(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="既に登録されています"):
        users.create_user(db, admin, users.UserInput("admin", "二人目"))


def test_the_last_administrator_cannot_be_removed(db: Database, admin: Actor) -> None:
    row = users.list_users(db, admin)[0]
    with pytest.raises(ValidationError, match="最後のシステム管理者"):
        users.update_user(
            db, admin, row.id, row.version, users.UserInput("admin", "管理 太郎", is_admin=False)
        )
    users.create_user(db, admin, users.UserInput("admin2", "管理 次郎", is_admin=True))
    users.update_user(db, admin, row.id, row.version, users.UserInput("admin", "管理 太郎", is_admin=False))


def test_editing_a_stale_copy_is_a_conflict(db: Database, admin: Actor) -> None:
    uid = users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    stale = next(r for r in users.list_users(db, admin) if r.id == uid)
    users.update_user(db, admin, uid, stale.version, users.UserInput("t-suzuki", "鈴木 隆志"))
    with pytest.raises(ConflictError, match="他の人が先に変更しました"):
        users.update_user(db, admin, uid, stale.version, users.UserInput("t-suzuki", "鈴木 隆"))
    assert next(r for r in users.list_users(db, admin) if r.id == uid).display_name == "鈴木 隆志"


def test_departments_are_two_levels(db: Database, admin: Actor) -> None:
    bureau = users.create_department(db, admin, "観光交流局")
    section = users.create_department(db, admin, "観光振興課", bureau)
    with pytest.raises(ValidationError, match="2階層"):
        users.create_department(db, admin, "係", section)
    with pytest.raises(ValidationError, match="既に登録されています"):
        users.create_department(db, admin, "観光振興課", bureau)
    names = [d.full_name for d in users.list_departments(db, admin)]
    assert "観光交流局 観光振興課" in names


def test_contractor_acknowledgement_is_recorded(db: Database, admin: Actor) -> None:
    uid = users.create_user(db, admin, users.UserInput("agency", "株式会社かごしま広告", is_contractor=True))
    row = next(r for r in users.list_users(db, admin) if r.id == uid)
    assert "遵守確認なし" in row.roles_text()
    users.record_contractor_acknowledgement(db, admin, uid, date(2026, 4, 1))
    row = next(r for r in users.list_users(db, admin) if r.id == uid)
    assert row.contractor_ack_on is not None and row.contractor_ack_on.date() == date(2026, 4, 1)
    assert row.roles_text() == "委託業者"


def test_account_roles_are_assigned_and_shown(db: Database, admin: Actor) -> None:
    account = make_account(db, "鹿児島市公式X")
    uid = users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    users.assign_account_role(db, admin, account, uid, Role.STAFF)
    users.assign_account_role(db, admin, account, uid, Role.STAFF)  # idempotent
    row = next(r for r in users.list_users(db, admin) if r.id == uid)
    assert row.account_roles == ("アカウント担当者（鹿児島市公式X）",)
    with pytest.raises(ValidationError, match="委託業者として登録されていません"):
        users.assign_account_role(db, admin, account, uid, Role.CONTRACTOR)
    users.remove_account_role(db, admin, account, uid, Role.STAFF)
    assert next(r for r in users.list_users(db, admin) if r.id == uid).account_roles == ()


CSV_OK = (
    "ログイン名,氏名,局,課,メール,電話,システム管理者,広報課,委託業者\r\n"
    "s-yamada,山田 翔太,総務局,広報課,s-yamada@city.example.lg.jp,099-224-1111,,はい,\r\n"
    "m-ito,伊藤 美咲,市民局,市民協働課,,,,,\r\n"
    "agency,株式会社かごしま広告,,,,,0,0,1\r\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_import_in_the_encodings_excel_writes(db: Database, admin: Actor, encoding: str) -> None:
    result = users.import_users_csv(db, admin, CSV_OK.encode(encoding))
    assert result.created == ["s-yamada", "m-ito", "agency"]
    rows = {r.login: r for r in users.list_users(db, admin)}
    assert rows["s-yamada"].department == "総務局 広報課" and rows["s-yamada"].is_pr
    assert rows["m-ito"].department == "市民局 市民協働課" and not rows["m-ito"].is_pr
    assert rows["agency"].is_contractor and rows["agency"].department == ""


def test_csv_import_updates_existing_users(db: Database, admin: Actor, tmp_path: Path) -> None:
    users.import_users_csv(db, admin, CSV_OK.encode())
    path = tmp_path / "users.csv"
    path.write_text(
        "ログイン名,氏名,局,課\nm-ito,伊藤 美咲,市民局,地域福祉課\ns-yamada,山田 翔太,総務局,広報課\n",
        "utf-8",
    )
    result = users.import_users_csv(db, admin, path)
    assert result.created == [] and result.updated == ["m-ito"] and result.unchanged == ["s-yamada"]
    rows = {r.login: r for r in users.list_users(db, admin)}
    assert rows["m-ito"].department == "市民局 地域福祉課"
    assert rows["s-yamada"].is_pr, "flags whose column is absent are left as they were"


def test_csv_with_errors_imports_nothing_and_names_the_lines(db: Database, admin: Actor) -> None:
    bad = (
        "ログイン名,氏名,局,課,メール\n"
        "good1,良い 一,総務局,広報課,\n"
        "bad one,悪い 一,総務局,広報課,\n"
        "good1,重複,総務局,広報課,\n"
        "good2,良い 二,,広報課,\n"
        "good3,良い 三,総務局,,mail-without-at\n"
    )
    with pytest.raises(ValidationError) as info:
        users.import_users_csv(db, admin, bad.encode())
    message = info.value.message
    assert "1 件も登録していません" in message
    for line in ("3 行目", "4 行目", "5 行目", "6 行目"):
        assert line in message
    assert [r.login for r in users.list_users(db, admin)] == ["admin"]
    with db.read() as session:
        assert [e.action for e in session.scalars(select(AuditEvent))] == ["system.bootstrap"]


def test_csv_without_the_needed_columns_is_explained(db: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="「氏名」がありません"):
        users.import_users_csv(db, admin, "ログイン名,局\nx,y\n".encode())
    with pytest.raises(ValidationError, match="CSV が空です"):
        users.import_users_csv(db, admin, b"")
