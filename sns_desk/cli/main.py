"""The command line: ``sns-desk`` starts the GUI; subcommands do the same work headless, as the OS user.

Exit codes: 0 done; 1 the check found a problem (``verify``); 2 the command could not be carried out.

The console shows the Japanese message of an error only; its English description goes to the log file
(``--verbose`` shows it on the console too).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sns_desk.cli import cmd_accounts as cli_accounts
from sns_desk.cli import cmd_after_approval as cli_after
from sns_desk.cli import cmd_deputies as cli_deputies
from sns_desk.cli import cmd_emergency as cli_emergency
from sns_desk.cli import cmd_incidents as cli_incidents
from sns_desk.cli import cmd_keys as cli_keys
from sns_desk.cli import cmd_mail as cli_mail
from sns_desk.cli import cmd_overview as cli_overview
from sns_desk.cli import cmd_posts as cli_posts
from sns_desk.cli import cmd_publishing as cli_publishing
from sns_desk.cli import cmd_reports as cli_reports
from sns_desk.cli import cmd_rules as cli_rules
from sns_desk.cli import cmd_scopes as cli_scopes
from sns_desk.cli.arguments import current_actor
from sns_desk.cli.japanese_parser import JapaneseArgumentParser
from sns_desk.cli.options import add_global_options
from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.validation import unusable_characters
from sns_desk.host import identity, logging_setup
from sns_desk.host.server_passwords import redact_url
from sns_desk.host.settings import Settings
from sns_desk.services import audit_log
from sns_desk.store import database as dbmod
from sns_desk.store import locations

log = logging.getLogger("sns_desk.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = JapaneseArgumentParser(
        prog="sns-desk",
        description="SNS Desk: 公式SNSアカウントの運用（下書き・承認・報告）。引数なしで画面を起動します。",
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = sub.add_parser("init", help="データベースを作成し、このOSユーザーを最初のシステム管理者にする")
    init.add_argument("--shared", action="store_true", help="共有フォルダ用（複数のPCで共用）に作成する")
    init.add_argument("--name", help="氏名（省略時は OS の登録名）")
    init.add_argument("--bureau", default="", help="局")
    init.add_argument("--section", default="", help="課")
    init.add_argument("--email", default="", help="メールアドレス")

    sub.add_parser("verify", help="データベースと監査ログを検査する（異常があれば 1 で終了）")

    backup = sub.add_parser("backup", help="データベースをバックアップする（SQLite のバックアップ API）")
    backup.add_argument("dest", nargs="?", help="保存先のファイルまたはフォルダ")

    restore = sub.add_parser(
        "restore", help="バックアップから復元する（システム管理者、今の内容は保存してから）"
    )
    restore.add_argument("file", type=Path)
    restore.add_argument(
        "--yes", action="store_true", help="確認なしで復元する（ほかの PC の作業は失われます）"
    )

    copy_to = sub.add_parser(
        "copy-to",
        help="すべてのデータを新しいデータベース（PostgreSQL の URL または新しいファイル）へ移す（システム管理者）",
    )
    copy_to.add_argument("target", help="移行先。例: postgresql+psycopg://user:password@server/snsdesk")

    users = sub.add_parser("users", help="利用者の管理")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    imp = users_sub.add_parser("import", help="CSV から利用者を登録・更新する（全件成功したときだけ反映）")
    imp.add_argument("file", type=Path)
    users_sub.add_parser("list", help="利用者の一覧")
    users_sub.add_parser("template", help="取り込み用 CSV の見出し行を出力する")
    cli_accounts.add_parsers(sub)
    cli_posts.add_parsers(sub)
    cli_scopes.add_parsers(sub)
    cli_reports.add_parsers(sub)
    cli_overview.add_parsers(sub)
    cli_incidents.add_parsers(sub)
    cli_keys.add_parsers(sub)
    cli_rules.add_parsers(sub)
    cli_mail.add_parsers(sub)
    cli_emergency.add_parsers(sub)
    cli_deputies.add_parsers(sub)
    cli_after.add_parsers(sub)
    cli_publishing.add_parsers(sub)
    return parser


def _location(args: argparse.Namespace) -> locations.Location:
    return locations.Location.parse(args.db if args.db else Settings.load().database)


def _os_display_name(login: str) -> str:
    try:
        import pwd

        gecos = pwd.getpwnam(login).pw_gecos.split(",")[0].strip()
        return gecos or login
    except (ImportError, KeyError):
        return login


def cmd_init(args: argparse.Namespace) -> int:
    from sns_desk.services import users

    login = identity.current_login()
    with _opened(args, create=True, shared=args.shared) as db:
        if users.has_users(db):
            print(f"このデータベースは既に初期化されています: {db.location.display()}", file=sys.stderr)
            return 2
        actor = users.bootstrap_first_admin(
            db, login, args.name or _os_display_name(login), args.bureau, args.section, args.email
        )
        print(f"データベースを作成しました: {db.location.display()}（{db.mode.label}）")
        print(f"{actor.display_name}（{actor.login}）をシステム管理者として登録しました。")
        return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _opened(args) as db:
        actor = current_actor(db)  # an unregistered login is told whom to ask, and verifies nothing
        integrity = dbmod.integrity_check(db)
        if integrity != "ok":
            print(f"データベースファイルに異常があります: {integrity}", file=sys.stderr)
            return 1
        result = audit_log.verify_log(db, actor)
        if not result.ok:
            print(result.summary(), file=sys.stderr)
            print(f"first bad seq: {result.first_bad_seq}", file=sys.stderr)
            return 1
        if result.warnings:
            print(result.summary(), file=sys.stderr)
            return 1
        signatures = audit_log.verify_signatures(db, actor)
        if not signatures.ok:
            print(signatures.summary(), file=sys.stderr)
            return 1
        print(f"データベース: 正常（{db.location.display()}）")
        print(result.summary())
        print(signatures.summary())
        return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from sns_desk.services import backups as backup

    with _opened(args) as db:
        actor = current_actor(db)
        dest = Path(args.dest) if args.dest else None
        if dest is not None and dest.is_dir():
            dest = dest / backup.default_backup_name(db)
        done = backup.backup_now(db, actor, dest)
        print(f"バックアップを作成しました: {done}")
        return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from sns_desk.services import backups as backup

    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "復元すると、バックアップ後の変更はすべて失われます。--yes を付けて実行してください。",
                file=sys.stderr,
            )
            return 2
        answer = input("復元すると、バックアップ後の変更はすべて失われます。続けますか？ [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "はい"):
            print("中止しました。")
            return 2
    with _opened(args) as db:
        safety = backup.restore(db, current_actor(db), args.file)
        print(f"復元しました: {args.file}\n復元前の内容は {safety} に保存しました。")
        return 0


def cmd_copy_to(args: argparse.Namespace) -> int:
    from sns_desk.services import transfer

    with _opened(args) as db:

        def progress(done: int, total: int, text: str) -> None:
            if total and (done == total or done % 20_000 == 0):
                print(text)

        result = transfer.copy_database(db, current_actor(db), args.target, progress=progress)
        print(f"移行しました: {result.target}（{result.total:,} 行、監査ログと電子印鑑の検査も済み）")
        print(
            "各 PC で 設定 → 別のデータベース（または --db）から移行先を指定してください。元のファイルは変更していません。"
        )
        return 0


@contextmanager
def _opened(args: argparse.Namespace, **options: Any) -> Iterator[dbmod.Database]:
    """The database the command names (--db), closed when the command ends."""
    db = dbmod.open_database(_location(args), **options)
    try:
        if not options.get("create") and args.command != "verify":
            _start_check(db)
        yield db
    finally:
        db.dispose()


def _start_check(db: dbmod.Database) -> None:
    """Like the app at every start: this PC compares the audit chain with its anchor and remembers the new end
    (the warnings stay until confirmed with ``sns-desk keys trust``; a signed restore is shown once)."""
    for line in audit_log.anchor_warnings(db):
        print(f"⚠ {line}", file=sys.stderr)


def cmd_users(args: argparse.Namespace) -> int:
    from sns_desk.services import users

    if args.users_command == "template":
        sys.stdout.write(users.users_csv_template())
        return 0
    with _opened(args) as db:
        actor = current_actor(db)  # an unregistered login sees nobody's name (issue 13)
        if args.users_command == "list":
            for row in users.list_users(db, actor):
                state = "" if row.active else "（無効）"
                print(f"{row.login}\t{row.display_name}{state}\t{row.department}\t{row.roles_text()}")
            return 0
        result = users.import_users_csv(db, actor, args.file)
        print(
            f"取り込みました: 新規 {len(result.created)} 件、更新 {len(result.updated)} 件、"
            f"変更なし {len(result.unchanged)} 件"
        )
        return 0


def cmd_accounts(args: argparse.Namespace) -> int:
    if (args.command, getattr(args, "policy_command", None)) == ("policy", "template"):
        sys.stdout.write(cli_accounts.policy_template())
        return 0
    if (args.command, getattr(args, "credential_command", None)) == ("credential", "status"):
        return cli_accounts.keyring_report()
    with _opened(args) as db:
        return cli_accounts.run(args, db)


def _on_database(
    run: Callable[[argparse.Namespace, dbmod.Database], int],
) -> Callable[[argparse.Namespace], int]:
    """A command group that runs on the database the command names."""

    def command(args: argparse.Namespace) -> int:
        with _opened(args) as db:
            return run(args, db)

    return command


cmd_posts = _on_database(cli_posts.run)
cmd_scopes = _on_database(cli_scopes.run)
cmd_export = _on_database(cli_reports.run)
cmd_overview = _on_database(cli_overview.run)
cmd_incidents = _on_database(cli_incidents.run)
cmd_keys = _on_database(cli_keys.run)
cmd_rules = _on_database(cli_rules.run)
cmd_mail = _on_database(cli_mail.run)
cmd_stop = _on_database(cli_emergency.run)
cmd_deputy = _on_database(cli_deputies.run)
cmd_after = _on_database(cli_after.run)
cmd_publishing = _on_database(cli_publishing.run)


COMMANDS = {
    "restore": cmd_restore,
    "incident": cmd_incidents,
    "inquiry": cmd_incidents,
    "monitoring": cmd_incidents,
    "export": cmd_export,
    "overview": cmd_overview,
    "draft": cmd_posts,
    "scope": cmd_scopes,
    "approve": cmd_posts,
    "reject": cmd_posts,
    "publish": cmd_posts,
    "delete-post": cmd_posts,
    "init": cmd_init,
    "verify": cmd_verify,
    "backup": cmd_backup,
    "copy-to": cmd_copy_to,
    "users": cmd_users,
    "account": cmd_accounts,
    "policy": cmd_accounts,
    "checklist": cmd_accounts,
    "credential": cmd_accounts,
    "keys": cmd_keys,
    "rules": cmd_rules,
    "mail": cmd_mail,
    "stop": cmd_stop,
    "deputy": cmd_deputy,
    "after-approval": cmd_after,
    "connection": cmd_publishing,
    "publish-due": cmd_publishing,
    "published": cmd_publishing,
}


def _unusable_argument(argv: Sequence[str]) -> int | None:
    """The position (from 1) of the first argument holding a NUL or a lone surrogate (what Python makes of an
    argument or file name that is not valid UTF-8), or None."""
    return next((i for i, arg in enumerate(argv, start=1) if unusable_characters(arg)), None)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    position = _unusable_argument(argv)
    if position is not None:
        print(
            f"{position} 番目の引数に使えない文字（NUL 文字、または文字コードの壊れた文字）が含まれています。"
            "ファイル名や語を確かめて、入力し直してください。",
            file=sys.stderr,
        )
        return 2
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # the launcher starts the app itself (sns_desk.launch); here a command is needed
        parser.print_usage(sys.stderr)
        print("コマンドを指定してください（一覧は sns-desk --help）。", file=sys.stderr)
        return 2
    # on the console, the Japanese message alone; the English log line only with --verbose
    log_file = logging_setup.configure(verbose=args.verbose, console=args.verbose)
    started = datetime.now()
    log.info("command %s started (db=%s)", args.command, redact_url(args.db) if args.db else "settings")
    try:
        return COMMANDS[args.command](args)
    except SnsDeskError as error:
        log.error("command %s failed: %s", args.command, error.log_message)
        print(error.message, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("中断しました。", file=sys.stderr)
        return 2
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        print(f"予期しないエラーが発生しました。詳細はログを確認してください: {log_file}", file=sys.stderr)
        return 2
    finally:
        log.info("command %s ended after %s", args.command, datetime.now() - started)
