"""Command-line subcommands for standing scopes (事前承認の適用範囲, §5(2)): create, change, show, test a template
by filling it (or by reading a body against it), list, revoke, and the 管理者's later review."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from sns_desk.cli.arguments import current_actor, item_command
from sns_desk.domain import policy as pol
from sns_desk.domain import scope_templates as st
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import SlotKind
from sns_desk.services import post_queries, post_scopes
from sns_desk.store.database import Database

KINDS = {str(kind): kind for kind in SlotKind}


def add_parsers(sub: Any) -> None:
    scope = sub.add_parser("scope", help="事前承認の適用範囲（§5(2)）")
    sc = scope.add_subparsers(dest="scope_command", metavar="ACTION", required=True)
    item_command(sc, "list", "アカウントの範囲の一覧", item="account")
    create = item_command(
        sc, "create", "範囲を承認する（管理者・電子印鑑）", item="account", required=["--title"]
    )
    _decision_options(create, required=True)
    changed = item_command(sc, "change", "範囲を変更する・ひな形を設定する（管理者・電子印鑑）")
    changed.add_argument("--title", default=None)
    _decision_options(changed, required=False)
    item_command(sc, "show", "範囲のひな形・差し込み欄・決定の履歴（電子印鑑）を表示する")
    test = item_command(sc, "test", "ひな形に値を差し込んで本文を作る（または本文がひな形どおりか確かめる）")
    test.add_argument(
        "--value", action="append", default=[], metavar="名前=値", help="差し込む値（繰り返し）"
    )
    test.add_argument("--body", default=None, help="ひな形どおりか確かめる本文")
    item_command(sc, "revoke", "範囲を取り消す（管理者・電子印鑑）")
    item_command(sc, "review", "範囲内で出た投稿を確認済みにする（管理者）", item="post")
    sc.add_parser("reviews", help="事前承認の確認: 管理者が確認していない投稿と期限")


def _decision_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--template", required=required, help="ひな形。差し込み欄は {名前}")
    parser.add_argument(
        "--slot",
        action="append",
        default=None,
        metavar="名前=種類",
        help="差し込み欄（繰り返し）: 名前=date / time / number / choice:北,南 / text:20（最大文字数）",
    )
    parser.add_argument("--category", action="append", default=None, help="対象の分類（省略可・繰り返し）")
    parser.add_argument(
        "--from", dest="valid_from", required=required, help="有効期間の始め（例: 2026-12-01）"
    )
    parser.add_argument("--until", dest="valid_until", required=required, help="有効期間の終わり")
    parser.add_argument(
        "--review-days", type=int, default=None, help="管理者が確認する期限（開庁日、既定 3）"
    )


def parse_slot(text: str) -> st.Slot:
    """「風向=choice:北,南」 → a slot."""
    name, sep, spec = text.partition("=")
    kind_name, _colon, detail = spec.partition(":")
    kind = KINDS.get(kind_name.strip())
    if not sep or kind is None:
        raise ValidationError(
            f"--slot「{text}」は 名前=date / time / number / choice:選択肢,… / text:最大文字数 の形で指定してください。"
        )
    if kind is SlotKind.CHOICE:
        return st.Slot(name.strip(), kind, tuple(c.strip() for c in detail.split(",") if c.strip()))
    if kind is SlotKind.TEXT:
        if not detail.strip().isdigit():
            raise ValidationError(
                f"--slot「{text}」: 短い文には最大文字数を text:20 の形で指定してください。"
            )
        return st.Slot(name.strip(), kind, max_length=int(detail))
    return st.Slot(name.strip(), kind)


def _day(text: str, end: bool) -> datetime:
    when = pol.parse_local_time(text)
    if when is None:
        raise ValidationError("有効期間の日付を入力してください（例: 2026-12-01）。")
    return when.replace(hour=23, minute=59) if end and when.hour == 0 and when.minute == 0 else when


def _input(args: argparse.Namespace, base: post_scopes.ScopeRow | None) -> post_scopes.ScopeInput:
    slots = tuple(parse_slot(s) for s in args.slot) if args.slot is not None else None
    if base is not None and slots is None and args.template is None:
        slots = base.slots  # the template is unchanged
    return post_scopes.ScopeInput(
        args.title if args.title is not None else (base.title if base else ""),
        args.template if args.template is not None else (base.template if base else ""),
        slots or (),
        _day(args.valid_from, False) if args.valid_from else (base.valid_from if base else datetime.now()),
        _day(args.valid_until, True) if args.valid_until else (base.valid_until if base else datetime.now()),
        tuple(args.category) if args.category is not None else (base.categories if base else ()),
        args.review_days if args.review_days is not None else (base.review_days if base else 3),
    )


def _values(items: list[str]) -> dict[str, str]:
    values = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep:
            raise ValidationError(f"--value「{item}」は 名前=値 の形で指定してください。")
        values[name.strip()] = value
    return values


def _show(detail: post_scopes.ScopeDetail) -> None:
    scope = detail.scope
    now = datetime.now(pol.JST)
    print(f"範囲 {scope.id}「{scope.title}」第{scope.number}版: {scope.state(now)}")
    print(
        f"  有効期間: {scope.valid_from.astimezone(pol.JST):%Y-%m-%d}〜{scope.valid_until.astimezone(pol.JST):%Y-%m-%d}"
        f"  管理者の確認: {scope.review_days} 開庁日以内"
    )
    if scope.categories:
        print(f"  対象の分類: {'、'.join(scope.categories)}")
    template = scope.parsed()
    if template is None:
        print(f"  {post_scopes.NO_TEMPLATE}")
        if scope.template:
            print(f"  （以前の文面、照合には使いません）: {scope.template}")
    else:
        print(f"  ひな形: {template.text}")
        for slot in template.slots:
            print(f"    {{{slot.name}}}: {slot.describe()}")
        today = now.date()
        print(f"  見本: {st.render(template, {s.name: st.sample_value(s, today) for s in template.slots})}")
    for version in detail.versions:
        print(
            f"  第{version.number}版 {version.action.label} {version.decided_by}"
            f" {version.decided_at.astimezone(pol.JST):%Y-%m-%d %H:%M} {version.seal}"
        )


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    action = args.scope_command
    if action == "create":
        scope_id = post_scopes.create_scope(db, actor, args.account, _input(args, None))
        print(f"事前承認の範囲を承認しました（番号 {scope_id}、電子印鑑で署名）。")
    elif action == "change":
        scope = post_scopes.get_scope(db, actor, args.id).scope
        number = post_scopes.change_scope(db, actor, args.id, scope.version, _input(args, scope))
        print(f"範囲 {args.id} を変更しました（第{number}版、電子印鑑で署名）。")
    elif action == "show":
        _show(post_scopes.get_scope(db, actor, args.id))
    elif action == "test":
        return _test(args, db)
    elif action == "revoke":
        post_scopes.revoke_scope(db, actor, args.id)
        print(f"範囲 {args.id} を取り消しました（電子印鑑で署名）。")
    elif action == "review":
        post_scopes.review_scope_post(db, actor, args.post)
        print(f"投稿 {args.post} を確認済みにしました。")
    elif action == "reviews":
        for review in post_queries.scope_reviews(db, actor):
            late = "（期限切れ）" if review.overdue() else ""
            print(
                f"{review.post.id}\t{review.post.account}\t{review.scope_title} 第{review.scope_number or '?'}版\t"
                f"期限 {review.due:%Y-%m-%d}{late}\t{review.post.summary}"
            )
    else:
        now = datetime.now(pol.JST)
        for scope in post_scopes.list_scopes(db, actor, args.account):
            print(
                f"{scope.id}\t{scope.title}\t{'、'.join(scope.categories)}\t"
                f"{scope.valid_from.astimezone(pol.JST):%Y-%m-%d}〜{scope.valid_until.astimezone(pol.JST):%Y-%m-%d}\t"
                f"{scope.state(now)}"
            )
    return 0


def _test(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    template = post_scopes.get_scope(db, actor, args.id).scope.parsed()
    if template is None:
        raise ValidationError(post_scopes.NO_TEMPLATE)
    if args.body is not None:
        verdict = st.match(template, args.body)
    else:
        body = st.render(template, _values(args.value))
        print(body)
        verdict = st.match(template, body)
    if verdict.approved:
        print("ひな形どおりです。この本文は事前承認の範囲で承認されます（ほかの確認も通れば）。")
        return 0
    print(f"ひな形どおりではありません。管理者の承認が必要です: {verdict.reason}")
    return 1
