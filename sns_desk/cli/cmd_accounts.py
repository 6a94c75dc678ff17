"""Command-line subcommands for accounts, 運用ポリシー, the checklist, credentials and members (§3, §4, §9).

Secrets are read from a prompt (or standard input when it is not a terminal), never from an argument, so they
do not end up in the shell history or the process list.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sns_desk.cli.arguments import item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.vocabulary import ChecklistKey, ChecklistState, Platform, Role
from sns_desk.host import identity, keyring_access
from sns_desk.services import account_checklist, account_policies, accounts, city_settings, credentials, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database

ROLE_NAMES = {
    "responsible": Role.RESPONSIBLE,
    "manager": Role.MANAGER,
    "staff": Role.STAFF,
    "contractor": Role.CONTRACTOR,
}


def add_parsers(sub: Any) -> None:
    account = sub.add_parser("account", help="公式アカウント（申請・承認・運用開始・停止・閉鎖・担当者）")
    a = account.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    a.add_parser("list", help="アカウントの一覧")
    item_command(a, "show", "アカウントの詳細")
    req = a.add_parser("request", help="開設を申請する（申請者が管理者になる）")
    req.add_argument("--platform", required=True, choices=[p.value for p in Platform])
    req.add_argument("--name", required=True)
    req.add_argument("--department", required=True, help="運用部署（「局 課」または「課」）")
    req.add_argument("--responsible", required=True, help="アカウント責任者のログイン名")
    req.add_argument(
        "--policy", required=True, type=Path, help="運用ポリシーの JSON（policy template で見本）"
    )
    req.add_argument("--handle", default="")
    req.add_argument("--url", default="")
    item_command(a, "approve", "開設を承認する（責任者）")
    item_command(a, "resume", "運用を再開する（責任者）")
    item_command(a, "reject", "申請を却下する（責任者）", required=["--reason"])
    item_command(a, "suspend", "一時停止する（責任者、§8(4)）", required=["--reason"])
    item_command(a, "close", "閉鎖する（責任者）", required=["--reason"])
    act = item_command(a, "activate", "運用を開始する（成りすまし防止の措置が済んでから）")
    act.add_argument("--override-reason", default="", help="未対応の措置があるまま開始する理由（責任者のみ）")
    edit = item_command(a, "edit", "基本情報を変更する（管理者）")
    edit.add_argument("--name")
    edit.add_argument("--handle")
    edit.add_argument("--url")
    members = a.add_parser("member", help="担当者の追加・解除")
    m = members.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    for name in ("add", "remove"):
        p = item_command(m, name)
        p.add_argument("login")
        p.add_argument("role", choices=sorted(ROLE_NAMES))

    policy = sub.add_parser("policy", help="運用ポリシー（編集・承認・表示・比較）")
    p_sub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    p_sub.add_parser("template", help="運用ポリシーの JSON の見本を出力する")
    item_command(p_sub, "edit", "JSON から新しい版（作成中）を作る（管理者）").add_argument("file", type=Path)
    item_command(p_sub, "approve", "作成中の版を承認する（責任者）").add_argument("number", type=item_number)
    item_command(p_sub, "show", "現行の運用ポリシーを公開用の文章で出力する").add_argument(
        "--html", action="store_true"
    )
    p_diff = item_command(p_sub, "diff", "二つの版を比較する")
    p_diff.add_argument("old", type=item_number)
    p_diff.add_argument("new", type=item_number)

    checklist = sub.add_parser("checklist", help="成りすまし防止の措置（§3(3)）")
    c = checklist.add_subparsers(dest="checklist_command", metavar="ACTION", required=True)
    item_command(c, "show")
    c_set = item_command(c, "set")
    c_set.add_argument("item", choices=[k.value for k in ChecklistKey if k is not ChecklistKey.PASSWORD])
    c_set.add_argument("state", choices=[s.value for s in ChecklistState])
    c_set.add_argument("--url", default="")
    c_set.add_argument("--note", default="")

    credential = sub.add_parser("credential", help="認証情報（OS の資格情報ストア、§3(3)ウ）")
    cr = credential.add_subparsers(dest="credential_command", metavar="ACTION", required=True)
    cr.add_parser("status", help="この PC の資格情報ストアの状態")
    item_command(
        cr, "set", "ログイン ID とパスワードを保存する（パスワードは入力を求めます）", required=["--login-id"]
    )
    item_command(cr, "delete")
    cr_days = cr.add_parser("rotation-days", help="パスワード変更の間隔（日、システム管理者）")
    cr_days.add_argument("days", type=item_number)


def _actor(db: Database) -> Actor:
    return users.resolve_actor(db, identity.current_login())


def _version(db: Database, actor: Actor, account_id: int) -> int:
    return accounts.get_account(db, actor, account_id).version


def _department_id(db: Database, actor: Actor, text: str) -> int:
    wanted = " ".join(text.split())
    for dept in users.list_departments(db, actor):
        if wanted in (dept.full_name, dept.name):
            return dept.id
    raise NotFoundError(f"部署「{text}」が見つかりません（ユーザー管理で登録してください）。")


def _user_id(db: Database, actor: Actor, login: str) -> int:
    for row in users.list_users(db, actor):
        if row.login == login:
            return row.id
    raise NotFoundError(f"ログイン名「{login}」の利用者が見つかりません。")


def load_policy_file(path: Path) -> pol.PolicyData:
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise ValidationError(f"ファイルを読めません: {path}（{error.strerror}）") from error
    except ValueError as error:
        raise ValidationError(f"JSON の形式が正しくありません: {path}（{error}）") from error
    if not isinstance(raw, dict):
        raise ValidationError("運用ポリシーの JSON はオブジェクト（{…}）にしてください。")
    if isinstance(raw.get("hours"), str):
        try:
            raw["hours"] = {str(k): v for k, v in pol.parse_hours(raw["hours"]).items()}
        except ValueError as error:
            raise ValidationError(str(error)) from error
    base = json.loads(pol.PolicyData.office_hours().to_json())
    base.update(raw)
    try:
        return pol.PolicyData.from_json(json.dumps(base, ensure_ascii=False))
    except (TypeError, ValueError) as error:
        raise ValidationError(f"運用ポリシーの JSON に読めない項目があります: {error}") from error


def policy_template() -> str:
    data = json.loads(pol.PolicyData.office_hours().to_json())
    data["hours"] = "月-金 08:30-17:15"
    data.update(
        {
            "purpose": "（目的）",
            "content": "（掲載内容）",
            "contact_phone": "099-000-0000",
            "follow": "dont",
            "repost": "dont",
            "like": "dont",
            "share": "dont",
        }
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _print_account(db: Database, actor: Actor, account_id: int) -> None:
    row = accounts.get_account(db, actor, account_id)
    print(f"{row.id}\t{row.platform.label}\t{row.name}\t{row.status.label}\t{row.department}")
    print(
        f"  URL: {row.url or '（未記入）'}  責任者: {'、'.join(row.responsible)}  管理者: {'、'.join(row.managers)}"
    )
    for item in account_checklist.checklist(db, actor, account_id):
        print(
            f"  [{'  ' if item.is_open else '済'}] {item.label}（{item.section}）: {item.state_label} {item.url} {item.note}".rstrip()
        )
    for version in account_policies.list_policies(db, actor, account_id):
        print(f"  運用ポリシー {version.title}")


def _read_secret() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("パスワード: ")
        if getpass.getpass("パスワード（確認）: ") != first:
            raise ValidationError("パスワードが一致しません。")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def keyring_report() -> int:
    status = keyring_access.keyring_status()
    print(status.message)
    return 0 if status.usable else 1


def run(args: argparse.Namespace, db: Database) -> int:
    command = args.command
    actor = _actor(db)
    if command == "account":
        return _account(args, db, actor)
    if command == "policy":
        return _policy(args, db, actor)
    if command == "checklist":
        if args.checklist_command == "set":
            account_checklist.set_checklist_item(
                db, actor, args.id, ChecklistKey(args.item), ChecklistState(args.state), args.url, args.note
            )
        _print_account(db, actor, args.id)
        return 0
    if args.credential_command == "rotation-days":
        city_settings.set_rotation_days(db, actor, args.days)
        print(f"パスワード変更の間隔を {args.days} 日にしました。")
        return 0
    if args.credential_command == "set":
        credentials.set_credential(db, actor, args.id, args.login_id, _read_secret())
        print("認証情報を OS の資格情報ストアに保存しました。")
    else:
        credentials.delete_credential(db, actor, args.id)
        print("認証情報を削除しました。")
    return 0


def _account(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    action = args.account_command
    if action == "list":
        for row in accounts.list_accounts(db, actor):
            open_items = f"未対応 {len(row.open_items)}" if row.open_items else "措置済"
            print(
                f"{row.id}\t{row.platform.label}\t{row.name}\t{row.status.label}\t{row.department}\t{open_items}"
            )
        return 0
    if action == "show":
        _print_account(db, actor, args.id)
        return 0
    if action == "request":
        account_id = accounts.request_account(
            db,
            actor,
            accounts.AccountInput(
                Platform(args.platform),
                args.name,
                _department_id(db, actor, args.department),
                args.handle,
                args.url,
            ),
            _user_id(db, actor, args.responsible),
            load_policy_file(args.policy),
        )
        print(f"開設を申請しました（アカウント番号 {account_id}）。アカウント責任者の承認を待っています。")
        return 0
    if action == "member":
        call = users.assign_account_role if args.member_command == "add" else users.remove_account_role
        call(db, actor, args.id, _user_id(db, actor, args.login), ROLE_NAMES[args.role])
        for member in accounts.list_members(db, actor, args.id):
            print(f"{member.login}\t{member.display_name}\t{member.role.label}")
        return 0
    version = _version(db, actor, args.id)
    calls: dict[str, Callable[[], None]] = {
        "approve": lambda: accounts.approve_opening(db, actor, args.id, version),
        "reject": lambda: accounts.reject_request(db, actor, args.id, version, args.reason),
        "activate": lambda: accounts.activate(db, actor, args.id, version, args.override_reason),
        "suspend": lambda: accounts.suspend(db, actor, args.id, version, args.reason),
        "resume": lambda: accounts.resume(db, actor, args.id, version),
        "close": lambda: accounts.close(db, actor, args.id, version, args.reason),
    }
    if action == "edit":
        row = accounts.get_account(db, actor, args.id)
        accounts.edit_account(
            db,
            actor,
            args.id,
            version,
            accounts.AccountInput(
                row.platform,
                args.name if args.name is not None else row.name,
                row.department_id,
                args.handle if args.handle is not None else row.handle,
                args.url if args.url is not None else row.url,
            ),
        )
    else:
        calls[action]()
    _print_account(db, actor, args.id)
    return 0


def _policy(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    action = args.policy_command
    if action == "edit":
        versions = account_policies.list_policies(db, actor, args.id)
        draft = versions[0] if versions and versions[0].status.value == "draft" else None
        number = account_policies.save_policy_draft(
            db, actor, args.id, load_policy_file(args.file), draft.version if draft else None
        )
        problems = pol.validate(load_policy_file(args.file))
        print(f"運用ポリシーの第{number}版（作成中）を保存しました。")
        for problem in problems:
            print(f"  承認までに必要: {problem}")
        return 0
    if action == "approve":
        version = next(
            (p for p in account_policies.list_policies(db, actor, args.id) if p.number == args.number), None
        )
        if version is None:
            raise NotFoundError(f"運用ポリシーの第{args.number}版が見つかりません。")
        account_policies.approve_policy(db, actor, args.id, args.number, version.version)
        print(f"運用ポリシーの第{args.number}版を承認しました。")
        return 0
    if action == "show":
        sys.stdout.write(account_policies.published_policy(db, actor, args.id, as_html=args.html))
        return 0
    sys.stdout.write(account_policies.policy_diff(db, actor, args.id, args.old, args.new))
    return 0
