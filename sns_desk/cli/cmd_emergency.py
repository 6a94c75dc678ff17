"""緊急停止 (issue 14, item 8) on the command line: `sns-desk stop status|start|release`."""

from __future__ import annotations

import argparse
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import policy as pol
from sns_desk.services import emergency_stop
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    stop = sub.add_parser("stop", help="緊急停止: 予約投稿を止める・解除する（§8(4), §5(9)）")
    s = stop.add_subparsers(dest="stop_command", metavar="ACTION", required=True)
    s.add_parser("status", help="緊急停止の状況と、止められている予約投稿")
    start = s.add_parser("start", help="緊急停止する（アカウントごと、または全アカウント）")
    which = start.add_mutually_exclusive_group(required=True)
    which.add_argument("--account", type=item_number, help="止めるアカウントの番号")
    which.add_argument("--all", action="store_true", help="全アカウントを止める（広報課・システム管理者）")
    start.add_argument("--reason", required=True, help="止める理由（記録されます）")
    item_command(s, "release", "緊急停止を解除する（status に出る停止番号）", required=["--reason"])


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    if args.stop_command == "start":
        stop_id = emergency_stop.stop(db, actor, None if args.all else args.account, args.reason)
        print(f"緊急停止しました（停止番号 {stop_id}）。予約投稿は解除されるまで投稿されません。")
        return 0
    if args.stop_command == "release":
        emergency_stop.release(db, actor, args.id, args.reason)
        print(f"緊急停止 {args.id} を解除しました。予約投稿は予定の時刻から再び投稿されます。")
        return 0
    state = emergency_stop.state(db, actor)
    if not state.stops:
        print("緊急停止はありません。")
    for stop in state.stops:
        print(f"停止番号 {stop.id}\t{stop.text}")
    if state.held:
        print(f"止められている予約投稿: {len(state.held):,} 件")
    for post in state.held:
        planned = post.planned_at.astimezone(pol.JST) if post.planned_at else None
        print(f"{post.id}\t{post.account}\t{planned:%Y-%m-%d %H:%M}\t{post.summary}")
    return 0
