"""Command-line subcommands for publishing (issue 14): connections (X, LINE), sending an approved post, scheduled
posts for the タスク スケジューラ or cron, 「投稿状態不明」 and the check of published posts."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.services import connections, publish_recovery, publishing
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    conn = sub.add_parser("connection", help="アカウントと X・LINE の連携（管理者が設定、責任者が承認）")
    c = conn.add_subparsers(dest="connection_command", metavar="ACTION", required=True)
    item_command(c, "show", "連携の状態（トークンの保管先の PC）", item="account")
    x = item_command(c, "x", "X と連携する（ブラウザで X の許可画面が開きます）", item="account")
    x.add_argument("--client-id", required=True, help="X の開発者ポータルのアプリの Client ID")
    line = item_command(
        c, "line", "LINE 公式アカウントと連携する（チャネルアクセストークン）", item="account"
    )
    line.add_argument(
        "--token-file", type=Path, help="チャネルアクセストークンを書いたファイル（省略時は入力を求めます）"
    )
    line.add_argument("--audience", default="", help="送り先のオーディエンス ID（省略時は友だち全員）")
    item_command(c, "approve", "連携を承認する（アカウント責任者）", item="account")
    item_command(c, "remove", "連携を解除する（この PC のトークンも消します）", item="account")

    sub.add_parser(
        "publish-due", help="予定時刻を過ぎた承認済みの投稿を送信する（タスク スケジューラ・cron 用）"
    )

    published = sub.add_parser("published", help="投稿済みの確認と、投稿状態不明の投稿の解決")
    p = published.add_subparsers(dest="published_command", metavar="ACTION", required=True)
    check = p.add_parser(
        "check", help="最近の投稿を読み返し、削除・編集されたものをトラブル候補として示す（§8）"
    )
    check.add_argument("--days", type=int, default=7)
    p.add_parser("unknown", help="投稿状態不明の投稿の一覧")
    item_command(p, "lookup", "投稿状態不明の投稿をプラットフォームで探す")
    resolve = item_command(p, "resolve", "投稿状態不明の投稿を解決する")
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument("--found", action="store_true", help="lookup で見つかった投稿を投稿済みとして記録する")
    how.add_argument("--url", help="自分で確かめた投稿の URL（--at で投稿日時）")
    how.add_argument(
        "--not-published", metavar="確認した方法", help="投稿されていなかった（もう一度送信できる）"
    )
    resolve.add_argument("--at", help="投稿日時（--url のとき、日本時間）")


def _when(text: str | None) -> Any:
    try:
        value = pol.parse_local_time(text)
    except ValueError as error:
        raise ValidationError(str(error)) from error
    if value is None:
        raise ValidationError("投稿日時を --at で指定してください（例: 2026-12-01 10:00）。")
    return value


def publish_now(db: Database, actor: Actor, post_id: int) -> int:
    """``sns-desk publish ID``: send through the account's connection."""
    offered = publishing.plan(db, actor, post_id)
    if offered.connection is not None and offered.platform.value == "line" and offered.allowed:
        print(publishing.line_quota(db, actor, offered.connection.account_id).text())
    done = publishing.publish(db, actor, post_id, offered.version)
    when = done.at.astimezone(pol.JST)
    print(f"投稿 {post_id} を送信しました: {done.url or done.remote_id}（{when:%Y-%m-%d %H:%M}）")
    if done.outside_hours:
        print("注意: 投稿された時刻は運用時間外でした（§5(9)）。")
    if offered.after_approval:
        print("承認の前に投稿したため「事後承認待ち」です。アカウント管理者に知らせました（§5(9)）。")
    return 0


def read_back_if_connected(db: Database, actor: Actor, post_id: int) -> None:
    """After a manual record: where the account's X connection is on this PC, read the post back (item 3)."""
    offered = publishing.plan(db, actor, post_id)
    connection = offered.connection
    if connection is None or not connection.approved or not connection.here or offered.platform.value != "x":
        return
    trouble = publish_recovery.read_back_manual(db, actor, post_id)
    print(f"⚠ {trouble}" if trouble else "X で読み返し、承認どおりの本文であることを確認しました。")


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    if args.command == "publish-due":
        outcomes = publishing.publish_due(db, actor)
        for outcome in outcomes:
            if outcome.published:
                print(
                    f"投稿 {outcome.post_id}: 送信しました {outcome.published.url or outcome.published.remote_id}"
                )
            else:
                print(f"投稿 {outcome.post_id}: 送信しませんでした — {outcome.problem}", file=sys.stderr)
        if not outcomes:
            print("送信する投稿はありません。")
        return 1 if any(o.published is None for o in outcomes) else 0
    if args.command == "connection":
        return _connection(args, db, actor)
    return _published(args, db, actor)


def _connection(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    action, account = args.connection_command, args.account
    if action == "show":
        info = connections.connection_of(db, actor, account)
        print(info.status_text() if info else "このアカウントは連携されていません（手作業で投稿します）。")
        return 0
    if action == "x":
        print("ブラウザで X の許可画面を開きます。許可すると、この画面に戻ります…")
        info = connections.connect_x(db, actor, account, args.client_id)
        print(f"X の {info.remote_name} と連携しました。アカウント責任者の承認後に使えます。")
        return 0
    if action == "line":
        if args.token_file is not None:
            token = args.token_file.read_text(encoding="utf-8").strip()
        else:
            token = getpass.getpass("チャネルアクセストークン（表示されません）: ")
        quota = connections.connect_line(db, actor, account, token, args.audience)
        print(f"LINE と連携しました（{quota.text()}）。アカウント責任者の承認後に使えます。")
        return 0
    if action == "approve":
        info = connections.connection_of(db, actor, account)
        if info is None:
            raise ValidationError("このアカウントは連携されていません。")
        connections.approve_connection(db, actor, account, info.version)
        print(f"連携を承認しました（{info.platform.label}、トークンの保管先: {info.where()}）。")
        return 0
    connections.disconnect(db, actor, account)
    print("連携を解除しました。")
    return 0


def _published(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    action = args.published_command
    if action == "check":
        results = publish_recovery.check_published(db, actor, args.days)
        troubles = [r for r in results if r.trouble]
        for r in results:
            state = r.trouble or r.note or "承認どおりに公開されています"
            print(f"投稿 {r.post_id}\t{r.account_name}\t{r.url}\t{state}")
        print(f"{len(results)} 件を確認しました。トラブル候補: {len(troubles)} 件。")
        return 1 if troubles else 0
    if action == "unknown":
        rows = publish_recovery.unknown_posts(db, actor)
        for u in rows:
            print(
                f"投稿 {u.post_id}\t{u.account_name}\t{u.claimed_at.astimezone(pol.JST):%Y-%m-%d %H:%M}"
                f"\t{u.claimed_by}（{u.host}）\t{u.problem}"
            )
        if not rows:
            print("投稿状態不明の投稿はありません。")
        return 0
    if action == "lookup":
        seen = publish_recovery.look_up(db, actor, args.id)
        if seen is None:
            print("同じ本文の投稿は見つかりませんでした。")
            return 1
        print(
            f"見つかりました: {seen.url}（{seen.created_at.astimezone(pol.JST) if seen.created_at else '?'}）"
        )
        return 0
    post_id = item_number(str(args.id))
    if args.found:
        seen = publish_recovery.look_up(db, actor, post_id)
        if seen is None:
            raise ValidationError("同じ本文の投稿が見つかりません。URL を確かめて --url で記録してください。")
        done = publish_recovery.resolve_published(db, actor, post_id, seen)
    elif args.url:
        done = publish_recovery.resolve_by_url(db, actor, post_id, args.url, _when(args.at))
    else:
        publish_recovery.resolve_not_published(db, actor, post_id, args.not_published)
        print(f"投稿 {post_id} は投稿されていなかったと記録しました。もう一度送信できます。")
        return 0
    print(f"投稿 {post_id} を投稿済みとして記録しました: {done.url}")
    return 0
