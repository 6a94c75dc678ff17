"""``sns-desk export …``: the reports to 広報課 as Excel workbooks, headless."""

from __future__ import annotations

import argparse
from datetime import time
from pathlib import Path
from typing import Any

from sns_desk.cli.arguments import current_actor
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.reporting_rules import ReportClosure, ReportEvent
from sns_desk.export import workbooks as reports
from sns_desk.services import account_reports, accounts
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    export = sub.add_parser("export", help="広報課への報告書を Excel で出力する")
    e = export.add_subparsers(dest="export_command", metavar="REPORT", required=True)
    report = e.add_parser("account-report", help="公式アカウント開設・変更・廃止報告書（§3(2)）")
    report.add_argument("id", type=item_number, help="アカウントの番号")
    report.add_argument("--event", required=True, choices=list(reports.EVENTS))
    report.add_argument("--remarks", default="")
    report.add_argument(
        "--record-sent", action="store_true", help="作成した報告を、広報課へ送付済みとして記録する（§3(2)）"
    )
    pending = e.add_parser("pending", help="広報課への報告（§3(2)）がまだ記録されていない開設・変更・廃止")
    pending.add_argument("--all", action="store_true", help="記録済みのものも表示する")
    received = e.add_parser("received", help="広報課が報告を受理したことを記録する（広報課）")
    received.add_argument("item", type=item_number, help="pending の一覧の番号")
    listing = e.add_parser("account-list", help="公式アカウント一覧（§3(3)イ、広報課）")
    listing.add_argument("--include-closed", action="store_true")
    record = e.add_parser("posts", help="投稿実績")
    record.add_argument("--from", dest="start", required=True, help="期間の始め（例: 2026-04-01）")
    record.add_argument("--until", dest="end", required=True, help="期間の終わり（例: 2027-03-31）")
    record.add_argument("--account", type=item_number, help="アカウントの番号（省略時は全庁、広報課）")
    incident = e.add_parser("incident-report", help="ソーシャルメディアのトラブル報告書（§8）")
    incident.add_argument("id", type=item_number, help="トラブルの番号")
    for parser in (report, listing, record, incident):
        parser.add_argument("--out", type=Path, help="保存先のファイルまたはフォルダ（省略時は今のフォルダ）")
        parser.add_argument("--reiwa", action="store_true", help="日付を令和で書く")
        parser.add_argument("--force", action="store_true", help="同じ名前のファイルがあれば置き換える")


def _dest(out: Path | None, kind: str, detail: str) -> Path:
    name = reports.default_filename(kind, detail)
    if out is None:
        return Path.cwd() / name
    return out / name if out.is_dir() else out


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    command = args.export_command

    def progress(done: int, total: int, text: str) -> None:
        if total and done == total:
            print(text)

    if command == "pending":
        for item in account_reports.report_items(db, actor, open_only=not args.all):
            state = f"{item.closed_how.label}（{item.closed_by}）" if item.closed_how else "未記録"
            print(
                f"{item.id}\t{item.created_at.astimezone(pol.JST):%Y-%m-%d}\t{item.account}\t{item.what}\t{state}"
            )
        return 0
    if command == "received":
        account_reports.record_reported(db, actor, args.item, ReportClosure.RECEIVED)
        print(f"報告 {args.item} を広報課で受理したと記録しました。")
        return 0
    common = {"reiwa": args.reiwa, "overwrite": args.force}
    if command == "account-report":
        account = accounts.get_account(db, actor, args.id)
        out = _dest(args.out, "account_report", f"{account.name}_{args.event}")
        result = reports.export_account_report(
            db, actor, args.id, args.event, out, remarks=args.remarks, **common
        )
    elif command == "incident-report":
        out = _dest(args.out, "incident_report", str(args.id))
        result = reports.export_incident_report(db, actor, args.id, out, **common)
    elif command == "account-list":
        out = _dest(args.out, "account_list", "")
        result = reports.export_account_list(db, actor, out, include_closed=args.include_closed, **common)
    else:
        try:
            start, end = pol.parse_local_time(args.start), pol.parse_local_time(args.end)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        assert start is not None and end is not None
        if end.time() == time(0):
            end = end.replace(hour=23, minute=59, second=59)
        result = reports.export_post_record(
            db,
            actor,
            start,
            end,
            _dest(args.out, "post_record", f"{start:%Y%m%d}-{end:%Y%m%d}"),
            account_id=args.account,
            reiwa=args.reiwa,
            progress=progress,
            overwrite=args.force,
        )
    print(f"出力しました: {result.path}（{result.rows:,} 件、SHA-256 {result.sha256}）")
    if command == "account-report" and args.record_sent:
        done = account_reports.record_sent_for(db, actor, args.id, ReportEvent(args.event))
        print(f"広報課への{args.event}の報告 {done} 件を送付済みとして記録しました（§3(2)）。")
    return 0
