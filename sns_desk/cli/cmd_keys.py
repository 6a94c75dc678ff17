"""Command-line subcommands for the 電子印鑑 keys: register this PC's key, list and certify keys (システム管理者),
and accept a changed システム管理者 key or database after checking it in person."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sns_desk.cli.arguments import current_actor
from sns_desk.domain.policy import JST
from sns_desk.services import audit_log, signing
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    keys = sub.add_parser("keys", help="電子印鑑の鍵: 登録・一覧・認証（システム管理者）")
    k = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    k.add_parser("register", help="この PC の自分の鍵を登録し、指紋を表示する（認証はシステム管理者が行う）")
    k.add_parser("list", help="登録された鍵と認証の状態（システム管理者）")
    certify = k.add_parser(
        "certify", help="利用者の鍵を自分の鍵で認証する（システム管理者、指紋を本人に確認）"
    )
    certify.add_argument("login", help="認証する利用者のログイン名")
    certify.add_argument("--fingerprint", help="認証する鍵の指紋（鍵が複数あるとき）")
    trust = k.add_parser(
        "trust",
        help="システム管理者の鍵・データベースの識別子が変わったという警告を確認し、今の内容を受け入れる",
    )
    trust.add_argument("--yes", action="store_true", help="確認なしで受け入れる")


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    if args.keys_command == "register":
        print(f"この PC の電子印鑑の鍵を登録しました。指紋: {signing.register_key(db, actor)}")
        print("システム管理者に、この指紋を口頭などデータベースの外で伝えて認証を依頼してください。")
        return 0
    if args.keys_command == "list":
        for row in signing.list_keys(db, actor):
            state = "認証済み" + ("（信頼の起点）" if row.is_root else "") if row.certified else "未認証"
            when = row.registered_at.astimezone(JST).strftime("%Y-%m-%d %H:%M")
            print(f"{row.login}\t{row.display_name}\t{row.fingerprint}\t{when}\t{state}")
        return 0
    if args.keys_command == "certify":
        for done in signing.certify(db, actor, args.login, args.fingerprint):
            print(f"{args.login} の鍵（指紋 {done}）を認証しました。")
        return 0
    warnings = audit_log.anchor_warnings(db)
    if warnings:
        print("\n".join(warnings), file=sys.stderr)
    if not args.yes:
        if not sys.stdin.isatty():
            print(
                "受け入れるには --yes を付けて実行してください（システム管理者に直接確認してから）。",
                file=sys.stderr,
            )
            return 2
        if input(
            "今のデータベースの内容とシステム管理者の鍵を受け入れますか？ [y/N] "
        ).strip().lower() not in (
            "y",
            "yes",
            "はい",
        ):
            print("中止しました。")
            return 2
    audit_log.accept_current_history(db, actor)
    print("この PC は今のデータベースの内容とシステム管理者の鍵を受け入れました。")
    return 0
