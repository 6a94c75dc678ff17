"""Post subcommands, acting as the OS user (a 担当者 here)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from sns_desk.cli import cmd_scopes as cli_scopes
from sns_desk.cli.main import main
from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role, SlotKind
from sns_desk.host import identity
from sns_desk.services import post_queries, post_scopes, post_workflow, users
from sns_desk.store.database import open_database
from tests import world
from tests.test_posts import in_hours


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, int, world.People]:
    path = tmp_path / "sns-desk.sqlite3"
    db = open_database(path, create=True)
    admin = users.bootstrap_first_admin(db, identity.current_login(), "OS 利用者", "総務局", "")
    people = world.make_people(db, admin)
    account = world.in_state(db, people, AccountStatus.ACTIVE)
    users.assign_account_role(db, people.kacho, account, admin.user_id, Role.STAFF)
    db.dispose()
    return path, account, people


def test_draft_check_submit_approve_publish(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People]
) -> None:
    path, account, people = setup
    db = str(path)
    planned = in_hours().strftime("%Y-%m-%d %H:%M")
    code, out, err = run(
        capsys,
        "--db",
        db,
        "draft",
        "new",
        "--account",
        str(account),
        "--planned",
        planned,
        "--body",
        "詳しくは bit.ly/abc と https://www.example.com/ へ",
    )
    assert code == 0, err
    assert (
        "下書きを作成しました（投稿 1）" in out
        and "[エラー] 短縮URL" in out
        and "[注意] 市以外のサイト" in out
    )
    code, out, _ = run(capsys, "--db", db, "draft", "check", "1")
    assert code == 1
    code, _out, err = run(capsys, "--db", db, "draft", "submit", "1", "--self-check-all")
    assert code == 2 and "承認を申請できません" in err
    code, out, _ = run(
        capsys, "--db", db, "draft", "edit", "1", "--body", "詳しくは https://www.example.com/ へ"
    )
    assert code == 0 and "第2版" in out
    code, out, _ = run(capsys, "--db", db, "draft", "check", "1")
    assert code == 0 and "1. [注意]" in out
    code, out, err = run(
        capsys, "--db", db, "draft", "submit", "1", "--self-check-all", "--reason", "1=共催団体の公式ページ"
    )
    assert code == 0, err
    assert "承認待ち" in out
    code, _out, err = run(capsys, "--db", db, "approve", "1")
    assert code == 2 and "アカウント管理者" in err

    database = open_database(path)
    post_workflow.approve(
        database, people.kacho, 1, post_queries.get_post(database, people.kacho, 1).row.version
    )
    database.dispose()
    code, out, err = run(
        capsys,
        "--db",
        db,
        "publish",
        "1",
        "--url",
        "https://x.com/kagoshima_kanko/status/123",
        "--at",
        planned,
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "draft", "show", "1")
    assert "投稿済" in out and "承認: 観光 課長" in out and "status/123" in out
    code, out, _ = run(capsys, "--db", db, "draft", "list", "--status", "published")
    assert out.startswith("1\t投稿済\t鹿児島市観光公式X")
    # 訂正 (§8(2)) says what was wrong; without it argparse refuses
    with pytest.raises(SystemExit):
        run(capsys, "--db", db, "draft", "correct", "1")
    code, out, err = run(capsys, "--db", db, "draft", "correct", "1", "--reason", "URL の誤り")
    assert code == 0 and "訂正の下書きを作成しました（投稿 2、§8(2)）" in out, err
    database = open_database(path)
    assert post_queries.get_post(database, people.kacho, 2).correction_reason == "URL の誤り"
    database.dispose()
    assert run(capsys, "--db", db, "verify")[0] == 0


def test_draft_import_is_all_or_nothing(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People], tmp_path: Path
) -> None:
    path, account, _people = setup
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"アカウント,本文,予定日時\n{account},桜島の降灰予報,2026-12-01 10:00\n999,どこにもない,\n{account},,\n",
        "utf-8",
    )
    code, _out, err = run(capsys, "--db", str(path), "draft", "import", str(bad))
    assert code == 2 and "3 行目" in err and "4 行目" in err and "1 件も作成していません" in err
    good = tmp_path / "good.csv"
    good.write_bytes(
        f"アカウント,本文,予定日時,分類\n鹿児島市観光公式X,桜島の降灰予報,2026-12-01 10:00,降灰\n{account},花火大会のお知らせ,,イベント\n".encode(
            "cp932"
        )
    )
    code, out, err = run(capsys, "--db", str(path), "draft", "import", str(good))
    assert code == 0, err
    assert "2 件作成しました" in out
    database = open_database(path)
    actor = users.resolve_actor(database, identity.current_login())
    rows = post_queries.list_posts(database, actor)
    assert sorted(r.body for r in rows) == ["桜島の降灰予報", "花火大会のお知らせ"]
    assert all(r.status is PostStatus.DRAFT for r in rows)
    database.dispose()


def test_scope_commands(capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People]) -> None:
    path, account, people = setup
    db = str(path)
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "scope",
        "create",
        str(account),
        "--title",
        "降灰予報",
        "--template",
        "本日{日付}の降灰予報です。風向き: {風向}。",
        "--slot",
        "日付=date",
        "--slot",
        "風向=choice:北,南",
        "--from",
        "2026-12-01",
        "--until",
        "2027-03-31",
    )
    assert code == 2 and "アカウント管理者" in err  # the OS user is a 担当者 here
    assert cli_scopes.parse_slot("地域=text:12") == st.Slot("地域", SlotKind.TEXT, max_length=12)
    with pytest.raises(ValidationError, match="最大文字数"):
        cli_scopes.parse_slot("地域=text")
    database = open_database(path)
    scope_id = post_scopes.create_scope(
        database,
        people.kacho,
        account,
        post_scopes.ScopeInput(
            "定例の降灰予報",
            "本日{日付}の降灰予報です。風向き: {風向}。",
            (cli_scopes.parse_slot("日付=date"), cli_scopes.parse_slot("風向=choice:北,南")),
            datetime(2026, 12, 1, tzinfo=pol.JST),
            datetime(2027, 3, 31, 23, 59, tzinfo=pol.JST),
            ("降灰予報",),
        ),
    )
    database.dispose()
    code, out, _ = run(capsys, "--db", db, "scope", "list", str(account))
    assert code == 0 and f"{scope_id}\t定例の降灰予報\t降灰予報\t2026-12-01〜2027-03-31\t" in out
    code, out, _ = run(capsys, "--db", db, "scope", "show", str(scope_id))
    assert code == 0 and "{風向}: 風向（選択肢: 北、南）" in out and "第1版 承認 観光 課長" in out
    assert "電子印鑑 ✓" in out
    code, out, _ = run(
        capsys, "--db", db, "scope", "test", str(scope_id), "--value", "日付=12月1日", "--value", "風向=北"
    )
    assert code == 0 and "本日12月1日の降灰予報です。風向き: 北。" in out and "ひな形どおりです" in out
    code, _out, err = run(
        capsys, "--db", db, "scope", "test", str(scope_id), "--value", "日付=12月1日", "--value", "風向=東"
    )
    assert code == 2 and "選択肢（北、南）にありません" in err
    code, out, _ = run(
        capsys, "--db", db, "scope", "test", str(scope_id), "--body", "本日12月1日の降灰予報です!"
    )
    assert code == 1 and "管理者の承認が必要です" in out


def test_export_commands(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    path, account, _people = setup
    out = tmp_path / "out"
    out.mkdir()
    # the OS user is システム管理者 (city-wide reader) and 担当者 here
    code, printed, err = run(
        capsys, "--db", str(path), "export", "account-list", "--out", str(out), "--reiwa"
    )
    assert code == 0, err
    [listing] = out.glob("公式アカウント一覧_*.xlsx")
    assert load_workbook(listing).active["B5"].value == "鹿児島市観光公式X"
    code, printed, err = run(
        capsys,
        "--db",
        str(path),
        "export",
        "posts",
        "--from",
        "2026-01-01",
        "--until",
        "2027-12-31",
        "--out",
        str(out / "posts.xlsx"),
    )
    assert code == 0, err
    assert (out / "posts.xlsx").exists() and "SHA-256" in printed
    code, printed, err = run(
        capsys,
        "--db",
        str(path),
        "export",
        "account-report",
        str(account),
        "--event",
        "開設",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert run(capsys, "--db", str(path), "verify")[0] == 0


def test_incident_inquiry_and_monitoring_commands(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People]
) -> None:
    path, account, _people = setup
    db = str(path)
    code, out, err = run(
        capsys,
        "--db",
        db,
        "incident",
        "open",
        "--account",
        str(account),
        "--type",
        "violating_comment",
        "--title",
        "差別的な書き込み",
    )
    assert code == 0, err
    assert "[未] removed" in out
    assert (
        run(capsys, "--db", db, "incident", "action", "1", "removed", "--reference", "11/26 10:05 削除")[0]
        == 0
    )
    code, out, _ = run(
        capsys, "--db", db, "incident", "action", "1", "record", "--reference", "居住地による差別表現のため"
    )
    assert code == 0 and "[済] record" in out
    code, _out, err = run(capsys, "--db", db, "incident", "close", "1", "--note", "削除済み")
    assert code == 2 and "アカウント管理者" in err  # the OS user is a 担当者 here
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "inquiry",
        "log",
        "--account",
        str(account),
        "--channel",
        "email",
        "--kind",
        "proposal",
        "--content",
        "駐輪場を増やしてほしい",
    )
    assert code == 0 and "番号 1" in out
    code, out, _ = run(capsys, "--db", db, "inquiry", "list")
    assert "要依頼" in out
    assert run(capsys, "--db", db, "inquiry", "forward", "1", "--to", "建設局 道路管理課")[0] == 0
    code, out, _ = run(capsys, "--db", db, "monitoring", "status")
    assert code == 0 and "鹿児島市観光公式X" in out
    assert run(capsys, "--db", db, "verify")[0] == 0


@pytest.mark.parametrize("number", ["²", "1" * 5000, "1" * 20, "１"])
def test_a_reason_number_that_is_not_a_plain_number_is_explained(
    capsys: pytest.CaptureFixture[str], setup: tuple[Path, int, world.People], number: str
) -> None:
    path, account, people = setup
    db = str(path)
    planned = in_hours().strftime("%Y-%m-%d %H:%M")
    body = "詳しくは https://www.example.com/ へ"
    assert (
        run(
            capsys,
            "--db",
            db,
            "draft",
            "new",
            "--account",
            str(account),
            "--planned",
            planned,
            "--body",
            body,
        )[0]
        == 0
    )
    code, _out, err = run(
        capsys,
        "--db",
        db,
        "draft",
        "submit",
        "1",
        "--self-check-all",
        "--reason",
        f"{number}=共催団体の公式ページ",
    )
    assert code == 2 and "番号=理由 の形で指定してください" in err
    database = open_database(path)
    try:
        assert post_queries.list_posts(database, people.kacho)[0].status is PostStatus.DRAFT, "not submitted"
    finally:
        database.dispose()
