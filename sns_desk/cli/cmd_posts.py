"""Command-line subcommands for posts: drafts, checks, submission, decisions, publication and a CSV import."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sns_desk.cli import cmd_publishing
from sns_desk.cli.arguments import item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.validation import reference_number
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.domain.workflow import PostAction, publication_action
from sns_desk.host import identity
from sns_desk.services import accounts, post_drafts, post_queries, post_workflow, users
from sns_desk.services.actors import Actor
from sns_desk.services.post_drafts import PostInput
from sns_desk.services.post_queries import PostFilter
from sns_desk.store.database import Database

STATUS_NAMES = {s.value: s for s in PostStatus}


def add_parsers(sub: Any) -> None:
    draft = sub.add_parser("draft", help="投稿の下書き（作成・編集・確認・申請・取り下げ・取り込み）")
    d = draft.add_subparsers(dest="draft_command", metavar="ACTION", required=True)
    lst = d.add_parser("list", help="投稿の一覧")
    lst.add_argument("--status", choices=sorted(STATUS_NAMES))
    lst.add_argument("--account", type=item_number)
    lst.add_argument("--text", default="")
    item_command(d, "show", "投稿の詳細（版の履歴と判断）")
    for name in ("new", "edit"):
        p = d.add_parser(name, help="下書きを作る" if name == "new" else "下書きを直す（新しい版として保存）")
        if name == "new":
            p.add_argument("--account", type=item_number, required=True)
        else:
            p.add_argument("id", type=item_number)
        body = p.add_mutually_exclusive_group(required=name == "new")
        body.add_argument("--body", help="本文")
        body.add_argument("--body-file", type=Path, help="本文のファイル（UTF-8）")
        p.add_argument("--title", default=None)
        p.add_argument("--category", default=None)
        p.add_argument("--planned", help="予定日時（例: 2026-12-01 10:00、日本時間）")
        p.add_argument("--emergency-reason", default=None, help="緊急の場合の理由（§5(9)）")
        p.add_argument("--scope", type=item_number, default=None, help="事前承認の適用範囲の番号（§5(2)）")
    item_command(d, "check", "ガイドラインの確認結果を表示する")
    submit = item_command(d, "submit", "承認を申請する")
    submit.add_argument(
        "--self-check-all",
        action="store_true",
        required=True,
        help="§6 の確認項目をすべて確認したことを表明する",
    )
    submit.add_argument(
        "--reason",
        action="append",
        default=[],
        metavar="N=理由",
        help="draft check が示した注意 N について、問題ないと判断した理由",
    )
    item_command(d, "withdraw", "申請を取り下げる")
    item_command(d, "discard", "下書きを破棄する")
    item_command(d, "correct", "投稿済みの投稿の訂正を下書きとして作る（§8(2)）", required=["--reason"])
    imp = d.add_parser("import", help="CSV から下書きをまとめて作る（全件成功したときだけ反映）")
    imp.add_argument("file", type=Path)

    approve = item_command(sub, "approve", "投稿を承認する（§5(1)）", optional=["--comment"])
    approve.add_argument("--new-time", help="予定時刻を過ぎている場合の新しい予定日時")
    item_command(sub, "reject", "投稿を差し戻す（コメント必須）", required=["--comment"])
    publish = item_command(
        sub, "publish", "承認済みの投稿を連携先に送信する（--url を付けると手作業の投稿結果を記録する）"
    )
    publish.add_argument("--url", help="手作業で投稿した投稿の URL")
    publish.add_argument("--at", help="手作業で投稿した日時（省略時は今）")
    item_command(sub, "delete-post", "投稿済みの投稿を削除したことを記録する（§8(3)）", required=["--reason"])


def parse_time(text: str | None) -> datetime | None:
    try:
        return pol.parse_local_time(text)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def _actor(db: Database) -> Actor:
    return users.resolve_actor(db, identity.current_login())


def _print_findings(findings: list[checks.Finding]) -> None:
    if not findings:
        print("確認: 問題は見つかりませんでした。")
    for number, finding in enumerate(findings, start=1):
        print(f"  {number}. [{finding.severity.label}] {finding.message}（{finding.section}）")


def _input_from(args: argparse.Namespace, base: post_queries.PostDetail | None, account_id: int) -> PostInput:
    body = args.body
    if args.body_file is not None:
        try:
            body = args.body_file.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise ValidationError(
                f"本文のファイルを読めません: {args.body_file}（{error.strerror}）"
            ) from error
    was = base.as_input if base else PostInput(account_id, "")
    planned = parse_time(args.planned) if args.planned else was.planned_at
    reason = args.emergency_reason if args.emergency_reason is not None else was.emergency_reason
    return PostInput(
        account_id,
        body if body is not None else was.body,
        args.title if args.title is not None else was.title,
        args.category if args.category is not None else was.category,
        planned,
        bool(reason),
        reason,
        args.scope if args.scope is not None else was.scope_id,
    )


def _ready(db: Database, actor: Actor, post_id: int, action: PostAction) -> post_queries.PostDetail:
    """The post, once this person may do ``action`` on it now; otherwise the service's refusal and its reason."""
    detail = post_queries.get_post(db, actor, post_id)
    detail.actions[action].require(f"command line: {action.value} on post {post_id} refused")
    return detail


Decide = Callable[[Database, Actor, argparse.Namespace, int], None]


def _approve(db: Database, actor: Actor, a: argparse.Namespace, version: int) -> None:
    post_workflow.approve(db, actor, a.id, version, a.comment, parse_time(a.new_time))


def _reject(db: Database, actor: Actor, a: argparse.Namespace, version: int) -> None:
    post_workflow.reject(db, actor, a.id, version, a.comment)


def _publish(db: Database, actor: Actor, a: argparse.Namespace, version: int) -> None:
    post_workflow.record_publication(db, actor, a.id, version, a.url, parse_time(a.at))
    cmd_publishing.read_back_if_connected(db, actor, a.id)


def _delete(db: Database, actor: Actor, a: argparse.Namespace, version: int) -> None:
    post_workflow.record_deletion(db, actor, a.id, version, a.reason)


# the commands on one post: the action the person must be offered now, the call, and what is printed after it
DECISIONS: dict[str, tuple[PostAction, Decide, str]] = {
    "approve": (PostAction.APPROVE, _approve, "を承認しました"),
    "reject": (PostAction.REJECT, _reject, "を差し戻しました"),
    "publish": (PostAction.PUBLISH, _publish, "の投稿結果を記録しました"),
    "delete-post": (PostAction.DELETE, _delete, "の削除を記録しました"),
}


def run(args: argparse.Namespace, db: Database) -> int:
    actor = _actor(db)
    command = args.command
    if command == "publish" and not args.url:
        return cmd_publishing.publish_now(db, actor, args.id)
    if command in DECISIONS:
        action, call, done = DECISIONS[command]
        if command == "publish":  # a 承認待ち emergency post goes out as 事後承認 (§5(9))
            action = publication_action(post_queries.get_post(db, actor, args.id).row.status)
        call(db, actor, args, _ready(db, actor, args.id, action).row.version)
        print(f"投稿 {args.id} {done}。")
        return 0
    return _draft(args, db, actor)


def _draft(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    action = args.draft_command
    if action == "list":
        flt = PostFilter(args.account, [STATUS_NAMES[args.status]] if args.status else [], None, args.text)
        for row in post_queries.list_posts(db, actor, flt, limit=1000):
            planned = row.planned_at.astimezone(pol.JST).strftime("%Y-%m-%d %H:%M") if row.planned_at else "—"
            print(f"{row.id}\t{row.status.label}\t{row.account}\t{planned}\t{row.author}\t{row.summary}")
        return 0
    if action == "show":
        detail = post_queries.get_post(db, actor, args.id)
        row = detail.row
        print(f"投稿 {row.id}（{row.account}）: {row.status.label}  作成: {row.author}")
        print(row.body)
        for revision in detail.revisions:
            print(
                f"  第{revision.number}版 {revision.saved_at.astimezone(pol.JST):%Y-%m-%d %H:%M} {revision.saved_by}"
            )
        for decision in detail.decisions:
            print(
                f"  {decision.kind.label}: {decision.decided_by} {decision.decided_at.astimezone(pol.JST):%Y-%m-%d %H:%M} {decision.comment}"
            )
        if detail.published_url:
            print(f"  投稿: {detail.published_url}（{detail.published_by}）")
        return 0
    if action == "new":
        post_id = post_drafts.create_draft(db, actor, _input_from(args, None, args.account))
        print(f"下書きを作成しました（投稿 {post_id}）。")
        _print_findings(post_drafts.check_input(db, actor, _input_from(args, None, args.account), post_id))
        return 0
    if action == "edit":
        detail = _ready(db, actor, args.id, PostAction.SAVE)
        data = _input_from(args, detail, detail.row.account_id)
        post_drafts.save_draft(db, actor, args.id, detail.row.version, data)
        print(f"投稿 {args.id} を保存しました（第{len(detail.revisions) + 1}版）。")
        _print_findings(post_drafts.check_input(db, actor, data, args.id))
        return 0
    if action == "check":
        data = post_queries.get_post(db, actor, args.id).as_input
        findings = post_drafts.check_input(db, actor, data, args.id)
        _print_findings(findings)
        return 1 if checks.errors(findings) else 0
    if action == "submit":
        detail = _ready(db, actor, args.id, PostAction.SUBMIT)
        data = detail.as_input
        findings = post_drafts.check_input(db, actor, data, args.id)
        reasons: dict[str, str] = {}
        for item in args.reason:
            number, _sep, text = item.partition("=")
            index = reference_number(number)
            if index is None or not (1 <= index <= len(findings)):
                raise ValidationError(
                    f"--reason「{item}」は、draft check が示した番号=理由 の形で指定してください。"
                )
            reasons[findings[index - 1].key] = text
        ids = [item_id for item_id, _s, _t in post_drafts.self_check_items()]
        result = post_workflow.submit(db, actor, args.id, detail.row.version, ids, reasons)
        print(f"投稿 {args.id}: {result.label}")
        if note := post_queries.get_post(db, actor, args.id).scope_note:
            print(f"事前承認の範囲では承認されませんでした: {note}")
        return 0
    if action in ("withdraw", "discard"):
        chosen = PostAction.WITHDRAW if action == "withdraw" else PostAction.DISCARD
        version = _ready(db, actor, args.id, chosen).row.version
        (post_workflow.withdraw if action == "withdraw" else post_workflow.discard)(
            db, actor, args.id, version
        )
        print(
            f"投稿 {args.id}: {'申請を取り下げました' if action == 'withdraw' else '下書きを破棄しました'}。"
        )
        return 0
    if action == "correct":
        post_id = post_workflow.start_correction(db, actor, args.id, args.reason)
        print(f"訂正の下書きを作成しました（投稿 {post_id}、§8(2)）。")
        return 0
    created = import_drafts(db, actor, args.file)
    print(f"下書きを {len(created)} 件作成しました（投稿 {', '.join(map(str, created))}）。")
    return 0


CSV_COLUMNS = {
    "account": ("アカウント", "account"),
    "body": ("本文", "body"),
    "planned": ("予定日時", "planned"),
    "title": ("件名", "title"),
    "category": ("分類", "category"),
}


def import_drafts(db: Database, actor: Actor, path: Path) -> list[int]:
    """All-or-nothing: every row is checked first; drafts are created only when all rows are valid."""
    raw = path.read_bytes()
    text = users.decode_csv_bytes(raw)
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise ValidationError(
            "CSV が空です。1 行目に見出し（アカウント,本文,予定日時,件名,分類）を入れてください。"
        )
    index = {
        key: pos
        for pos, title in enumerate(header)
        for key, names in CSV_COLUMNS.items()
        if title.strip().lower() in {n.lower() for n in names}
    }
    if "account" not in index or "body" not in index:
        raise ValidationError("CSV の見出しに「アカウント」と「本文」が必要です。")
    known = {row.id: row for row in accounts.list_accounts(db, actor)}
    by_name = {row.name: row.id for row in known.values()}
    inputs: list[PostInput] = []
    errors: list[str] = []
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue

        def cell(key: str, record: list[str] = record) -> str:
            pos = index.get(key)
            return record[pos].strip() if pos is not None and pos < len(record) else ""

        try:
            name = cell("account")
            account_id = int(name) if name.isdigit() and int(name) in known else by_name.get(name)
            if account_id is None:
                raise NotFoundError(f"アカウント「{name}」が見つかりません。")
            if not cell("body"):
                raise ValidationError("本文が空です。")
            inputs.append(
                PostInput(
                    account_id, cell("body"), cell("title"), cell("category"), parse_time(cell("planned"))
                ).cleaned()
            )
        except (ValidationError, NotFoundError) as error:
            errors.append(f"{line} 行目: {error.message}")
    if errors:
        raise ValidationError(
            "CSV に誤りがあるため、取り込みませんでした（1 件も作成していません）。\n"
            + "\n".join(errors[:20])
        )
    return post_drafts.create_drafts(db, actor, inputs)
