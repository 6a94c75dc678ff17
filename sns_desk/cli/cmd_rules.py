"""``sns-desk rules``: the check rules in layers (city file, 課の規則, an account's additions; docs/rules.md) and the
standing exceptions of an account.

Exit codes as everywhere: 0 done; 1 ``rules test`` found an error (the text could not be submitted); 2 refused.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain import rule_layers as rl
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import Platform
from sns_desk.services import check_exceptions, check_rules
from sns_desk.store.database import Database

MAX_FILE_BYTES = 1_000_000


def add_parsers(sub: Any) -> None:
    rules = sub.add_parser(
        "rules", help="投稿のチェック規則（市の規則・課の規則・アカウントの追加）と注意の例外"
    )
    rs = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    show = rs.add_parser("show", help="いま使われている規則（各層の版と、重ねた結果）を表示する")
    _account_option(show)
    show.add_argument("--merged", action="store_true", help="重ねた結果の規則全体を JSON で出力する")
    history = rs.add_parser("history", help="課の規則（またはアカウントの追加）の版の一覧と差分")
    _account_option(history)
    export = rs.add_parser("export", help="課の規則（またはアカウントの追加）を JSON ファイルに書き出す")
    export.add_argument("file", type=Path)
    _account_option(export)
    export.add_argument("--overwrite", action="store_true", help="同じ名前のファイルを置き換える")
    imp = rs.add_parser(
        "import",
        help="JSON ファイルを課の規則（広報課・システム管理者）/アカウントの追加（管理者）として保存する",
    )
    imp.add_argument("file", type=Path)
    _account_option(imp)
    imp.add_argument("--note", default="", help="変更の理由（版の履歴と監査ログに残ります）")
    test = rs.add_parser("test", help="この文で試す: 文を今の規則（または --layer のファイル）でチェックする")
    test.add_argument("text")
    _account_option(test)
    test.add_argument("--platform", choices=[p.value for p in Platform], default=None, help="既定: X")
    test.add_argument(
        "--layer", type=Path, default=None, help="保存前の課の規則（またはアカウントの追加）の JSON"
    )
    city = rs.add_parser("city", help="市の規則ファイルを選ぶ（システム管理者）")
    city.add_argument("name", nargs="?", help="resources/rules/ のファイル名（拡張子なし）。省略すると一覧")

    exc = rs.add_parser("exception", help="注意の例外（アカウント管理者）")
    es = exc.add_subparsers(dest="exception_command", metavar="ACTION", required=True)
    add = item_command(es, "add", "文の注意を例外にする（理由と期限つき）", item="account")
    add.add_argument("--text", required=True, help="例外にする注意が出る文（例: 気象庁へのリンクを含む文）")
    add.add_argument("--reason", required=True, help="例外にする理由")
    add.add_argument("--until", required=True, help="期限（例: 2027-03-31、1 年以内）")
    add.add_argument("--rule", default=None, help="注意が複数出るときに選ぶ種類（例: external_link）")
    listing = item_command(es, "list", "アカウントの例外の一覧", item="account")
    listing.add_argument("--all", action="store_true", help="期限切れ・取り消し済みも表示する")
    item_command(es, "revoke", "例外を取り消す")


def _account_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--account", type=item_number, default=None, help="アカウントの番号（その追加の層を対象にする）"
    )


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(f"ファイルが大きすぎます（{MAX_FILE_BYTES:,} バイトまで）: {path}")
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(f"ファイルが見つかりません: {path}", f"rules file missing: {path}") from None
    except UnicodeDecodeError:
        raise ValidationError(
            f"UTF-8 のテキストファイルではありません: {path}", "rules file not UTF-8"
        ) from None
    except OSError as exc:
        raise ValidationError(f"ファイルを読めません: {path}", f"rules file unreadable: {exc}") from None


def _day(text: str) -> date:
    when = pol.parse_local_time(text)
    if when is None:
        raise ValidationError("期限の日付を入力してください（例: 2027-03-31）。")
    return when.date()


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    action = args.rules_command
    if action == "show":
        view = check_rules.view(db, actor, args.account)
        if args.merged:
            sys.stdout.write(rl.layer_text(view.merged))
            return 0
        print(f"市の規則: {view.city}.json")
        edit = "（あなたは変更できます）" if view.may_edit_office else ""
        print(f"課の規則: {view.office.title()}{edit}")
        sys.stdout.write(_indented(rl.layer_text(view.office.content)))
        if view.account is not None:
            edit = "（あなたは変更できます）" if view.may_edit_account else ""
            print(f"アカウント {args.account} の追加: {view.account.title()}{edit}")
            sys.stdout.write(_indented(rl.layer_text(view.account.content)))
    elif action == "history":
        versions = check_rules.history(db, actor, args.account)
        for newer, older in zip(versions, [*versions[1:], check_rules.LayerVersion(0, {})], strict=True):
            print(f"{newer.title()}  {newer.note}")
            for line in rl.difference(older.content, newer.content, older.title(), newer.title())[2:]:
                print(f"    {line}")
        if not versions:
            print("まだ保存された版はありません（市の規則だけが使われています）。")
    elif action == "export":
        view = check_rules.view(db, actor, args.account)
        layer = view.account if view.account is not None else view.office
        if args.file.exists() and not args.overwrite:
            raise ValidationError(
                f"ファイルがすでにあります。置き換えるには --overwrite を付けてください: {args.file}"
            )
        args.file.write_text(rl.layer_text(layer.content), encoding="utf-8")
        print(f"{layer.title()} を書き出しました: {args.file}")
    elif action == "import":
        number = check_rules.import_layer(db, actor, _read(args.file), args.note, args.account)
        where = "課の規則" if args.account is None else f"アカウント {args.account} の追加"
        print(
            f"{where}を第{number}版として保存しました（監査ログに記録）。すべての PC で次のチェックから使われます。"
        )
    elif action == "test":
        return _test(args, db)
    elif action == "city":
        if args.name is None:
            current = check_rules.view(db, actor).city
            for name in check_rules.available_cities():
                print(f"{'*' if name == current else ' '} {name}")
        else:
            check_rules.set_city(db, actor, args.name)
            print(f"市の規則ファイルを {args.name}.json にしました。")
    else:
        return _exceptions(args, db)
    return 0


def _indented(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.splitlines())


def _test(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    platform = Platform(args.platform) if args.platform else Platform.X
    layer = rl.parse_layer(_read(args.layer)) if args.layer is not None else None
    if args.account is None:
        findings = check_rules.try_text(db, actor, args.text, platform, office=layer)
    else:
        findings = check_rules.try_text(
            db, actor, args.text, platform, account=layer, account_id=args.account
        )
    if not findings:
        print("指摘はありません。")
    for f in findings:
        print(f"{f.severity.label}\t{f.section}\t「{args.text[f.start : f.end]}」\t{f.message}")
    return 1 if checks.errors(findings) else 0


def _exceptions(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    action = args.exception_command
    if action == "add":
        ids = check_exceptions.add_from_text(
            db, actor, args.account, args.text, args.reason, _day(args.until), args.rule
        )
        print(f"例外を登録しました（番号 {'、'.join(map(str, ids))}、期限 {_day(args.until):%Y-%m-%d}）。")
    elif action == "list":
        today = pol.now_jst().date()
        rows = check_exceptions.list_exceptions(db, actor, args.account, include_ended=args.all)
        for row in rows:
            e = row.exception
            print(
                f"{e.id}\t{check_exceptions.rule_label(e.rule)}\t{e.matched}\t{e.reason}\t"
                f"{e.expires_on:%Y-%m-%d} まで\t{row.state(today)}\t{row.created_by}"
            )
        if not rows:
            print("例外はありません。")
    else:
        check_exceptions.revoke_exception(db, actor, args.id)
        print(f"例外 {args.id} を取り消しました。")
    return 0
