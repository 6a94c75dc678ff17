"""``sns-desk mail``: the e-mail notices' server, outbox and sending (システム管理者; issue 16, item 1)."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sns_desk.cli.arguments import current_actor
from sns_desk.domain.policy import JST
from sns_desk.host.mail_transport import MailServer, Security, sending_pc
from sns_desk.services import mail_outbox, mail_settings
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    mail = sub.add_parser(
        "mail", help="メールのお知らせ: 送信状況・送信・メールサーバーの設定（システム管理者）"
    )
    m = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)
    m.add_parser("status", help="送信待ち・送信済みの件数と、送れなかったお知らせの一覧")
    send = m.add_parser("send", help="送信時期の来たお知らせを今送る")
    send.add_argument("--retry", action="store_true", help="送れなかったお知らせもすべて、もう一度送る")
    server = m.add_parser("server", help="メールサーバーを設定する（パスワードはこの PC の資格情報ストアへ）")
    server.add_argument("--host", required=True, help="メールサーバー名（例: smtp.city.example.lg.jp）")
    server.add_argument("--port", type=int, help="ポート番号（STARTTLS は通常 587、SMTPS は 465）")
    server.add_argument(
        "--security",
        choices=[s.value for s in Security],
        default=Security.STARTTLS.value,
        help="暗号化の方式",
    )
    server.add_argument("--sender", required=True, help="送信元のメールアドレス")
    server.add_argument("--user", default="", help="ログインするユーザー名（不要なら省略）")
    server.add_argument(
        "--password-stdin", action="store_true", help="パスワードを標準入力から読む（省略時は入力を求める）"
    )


def _status(db: Database) -> int:
    status = mail_outbox.outbox_status(db, current_actor(db))
    print(f"メールサーバー: {status.server or '未設定'}")
    print(
        f"送信待ち: {status.waiting} 件　送信済み: {status.sent} 件　送れなかったもの: {len(status.failed)} 件"
    )
    for row in status.failed:
        state = (
            "再送を中止（mail send --retry で再送）"
            if row.given_up
            else (f"次の再送 {row.next_attempt_at.astimezone(JST):%m-%d %H:%M}")
        )
        print(
            f"{row.id}\t{row.kind.label}\t{row.kind.item} {row.number}号\t{row.recipient} <{row.address}>\t"
            f"{row.attempts} 回失敗\t{state}\t{row.last_error}"
        )
    return 1 if status.failed else 0


def _server(args: argparse.Namespace, db: Database) -> int:
    security = Security(args.security)
    port = args.port or (465 if security is Security.SMTPS else 587)
    password = None
    if args.user:
        password = (
            sys.stdin.readline().rstrip("\n")
            if args.password_stdin
            else getpass.getpass("メールサーバーのパスワード（空なら変更しない）: ")
        ) or None
    server = MailServer(args.host, port, security, args.sender, args.user)
    mail_settings.set_mail_server(db, current_actor(db), server, password)
    print(f"メールサーバーを {server.host}:{port}（{security.label}）に設定しました。")
    return 0


def run(args: argparse.Namespace, db: Database) -> int:
    if args.mail_command == "status":
        return _status(db)
    if args.mail_command == "server":
        return _server(args, db)
    actor = current_actor(db)
    if args.retry:
        print(f"送れなかったお知らせ {mail_outbox.retry_failed(db, actor)} 件を送り直します。")
    else:
        mail_outbox.outbox_status(db, actor)  # the システム管理者 only
    result = mail_outbox.send_due(db, sending_pc())
    print(f"送信しました: {result.sent} 件　送れませんでした: {result.failed} 件")
    if result.failed:
        print(f"理由: {result.reason}", file=sys.stderr)
    return 1 if result.failed else 0
