"""代決 (issue 14, item 6) on the command line: `sns-desk deputy list|add|remove|absent|always`."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.services import deputies
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    deputy = sub.add_parser("deputy", help="代決: 管理者に代わって決定する人の指定と、管理者の不在（§5(1)）")
    d = deputy.add_subparsers(dest="deputy_command", metavar="ACTION", required=True)
    item_command(d, "list", "アカウントの代決者と不在の設定", item="account")
    add = item_command(d, "add", "代決者を期間を決めて指定する", item="account", required=["--user"])
    add.add_argument(
        "--from",
        dest="valid_from",
        required=True,
        help="期間の始め（例: 2026-12-01 または 2026-12-01 08:30）",
    )
    add.add_argument(
        "--until", dest="valid_until", required=True, help="期間の終わり（日付だけなら その日の終わり）"
    )
    item_command(d, "remove", "代決者の指定を取り消す（list に出る番号）")
    for name, help_text in (
        ("absent", "管理者の不在（on: 不在、off: 在席）"),
        ("always", "代決者が管理者の在席中も決定できる設定（on / off）"),
    ):
        switch = item_command(d, name, help_text, item="account")
        switch.add_argument("state", choices=["on", "off"])


def _moment(text: str, end: bool) -> datetime:
    try:
        when = pol.parse_local_time(text)
    except ValueError as error:
        raise ValidationError(str(error), "deputy period unreadable") from error
    if when is None:
        raise ValidationError(f"日時「{text}」を読み取れません（例: 2026-12-01 または 2026-12-01 08:30）。")
    return (
        when.replace(hour=23, minute=59, second=59) if end and when.hour == 0 and when.minute == 0 else when
    )


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    command = args.deputy_command
    if command == "add":
        deputy_id = deputies.name_deputy(
            db,
            actor,
            args.account,
            args.user,
            _moment(args.valid_from, False),
            _moment(args.valid_until, True),
        )
        print(f"代決者を指定しました（番号 {deputy_id}）。")
        return 0
    if command == "remove":
        deputies.remove_deputy(db, actor, args.id)
        print("代決者の指定を取り消しました。")
        return 0
    if command == "absent":
        deputies.set_manager_absent(db, actor, args.account, args.state == "on")
        print(
            "管理者を不在として記録しました。代決者が決定できます。"
            if args.state == "on"
            else "管理者の在席を記録しました。"
        )
        return 0
    if command == "always":
        deputies.set_deputies_always(db, actor, args.account, args.state == "on")
        print(
            "代決者は管理者の在席中も決定できます。"
            if args.state == "on"
            else "代決者は管理者の不在中だけ決定できます。"
        )
        return 0
    settings = deputies.settings(db, actor, args.account)
    print(f"管理者: {'不在' if settings.manager_absent else '在席'}")
    print(f"代決者の決定: {'いつでも' if settings.deputies_always else '管理者の不在中だけ'}")
    if not settings.deputies:
        print("代決者は指定されていません。")
    for row in settings.deputies:
        period = f"{row.valid_from.astimezone(pol.JST):%Y-%m-%d %H:%M}〜{row.valid_until.astimezone(pol.JST):%Y-%m-%d %H:%M}"
        print(f"{row.id}\t{row.name}（{row.login}）\t{period}")
    return 0
