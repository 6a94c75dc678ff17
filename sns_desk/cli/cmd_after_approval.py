"""事後承認 (issue 14, item 7) on the command line: `sns-desk after-approval list|approve|correct|delete|allow`.

An emergency post goes out before approval with the ordinary `sns-desk publish ID` (or `--url` for a manual
post) once the account allows it; these commands are the 管理者's decision afterwards (§5(9), §8(2)(3)).
"""

from __future__ import annotations

import argparse
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.domain.workflow import PostAction
from sns_desk.services import accounts, after_approval, post_queries
from sns_desk.store.database import Database

DECISIONS = {
    "approve": (PostAction.AFTER_APPROVE, "を事後承認しました。"),
    "correct": (
        PostAction.ORDER_CORRECTION,
        "の訂正を指示しました。作成者が「draft correct」で訂正の下書きを作ります（§8(2)）。",
    ),
    "delete": (
        PostAction.ORDER_DELETION,
        "の削除を指示し、削除を記録しました。投稿先からの削除を確認してください（§8(3)）。",
    ),
}


def add_parsers(sub: Any) -> None:
    after = sub.add_parser(
        "after-approval",
        help="事後承認: 承認の前に出た緊急の投稿への管理者の決定と、アカウントの設定（§5(9)）",
    )
    a = after.add_subparsers(dest="after_command", metavar="ACTION", required=True)
    a.add_parser("list", help="事後承認を待っている投稿（自分が決定できるもの）")
    item_command(a, "approve", "事後承認する", optional=["--comment"])
    item_command(a, "correct", "訂正を指示する（§8(2)、理由が必要）", required=["--reason"])
    item_command(a, "delete", "削除を指示し、削除を記録する（§8(3)、理由が必要）", required=["--reason"])
    allow = item_command(
        a, "allow", "アカウントで緊急の投稿の事後承認を認めるか（on / off、管理者）", item="account"
    )
    allow.add_argument("state", choices=["on", "off"])


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    command = args.after_command
    if command == "list":
        rows = [r for r in post_queries.pending_for(db, actor) if r.status is PostStatus.AFTER_PENDING]
        if not rows:
            print("事後承認を待っている投稿はありません。")
        for row in rows:
            out = f"{row.published_at.astimezone(pol.JST):%Y-%m-%d %H:%M}" if row.published_at else "—"
            print(f"{row.id}\t{row.status.label}\t{row.account}\t投稿 {out}\t{row.author}\t{row.summary}")
        return 0
    if command == "allow":
        account = accounts.get_account(db, actor, args.account)
        accounts.set_allow_after_approval(db, actor, args.account, account.version, args.state == "on")
        print(
            f"「{account.name}」で緊急の投稿の事後承認を認めました（§5(9)）。"
            if args.state == "on"
            else f"「{account.name}」では緊急の投稿も承認の後に投稿します。"
        )
        return 0
    action, done = DECISIONS[command]
    detail = post_queries.get_post(db, actor, args.id)
    detail.actions[action].require(f"command line: {action.value} on post {args.id} refused")
    reason = args.comment if command == "approve" else args.reason
    after_approval.decide_after(db, actor, args.id, detail.row.version, action, reason)
    print(f"投稿 {args.id} {done}")
    return 0
