"""``sns-desk overview``: 広報課's overview of every account (issue 17 item 4), one tab-separated line each, or
written to an Excel workbook with ``--export FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sns_desk.cli.arguments import current_actor
from sns_desk.domain.vocabulary import AccountStatus, Platform
from sns_desk.export import overview_workbook
from sns_desk.services import overview
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    parser = sub.add_parser(
        "overview", help="全アカウントの運用状況（広報課・システム管理者、責任者は担当のアカウント）"
    )
    parser.add_argument("--bureau", help="局で絞り込む")
    parser.add_argument("--section", help="課で絞り込む")
    parser.add_argument("--platform", choices=[p.value for p in Platform], help="SNS で絞り込む")
    parser.add_argument("--status", choices=[s.value for s in AccountStatus], help="状態で絞り込む")
    parser.add_argument("--attention", action="store_true", help="要対応のアカウントだけ")
    parser.add_argument("--export", type=Path, metavar="FILE", help="Excel ファイルに出力する")
    parser.add_argument("--force", action="store_true", help="同じ名前のファイルがあれば置き換える")


def run(args: argparse.Namespace, db: Database) -> int:
    actor = current_actor(db)
    flt = overview.OverviewFilter(
        bureau=args.bureau,
        section=args.section,
        platform=Platform(args.platform) if args.platform else None,
        status=AccountStatus(args.status) if args.status else None,
        attention_only=args.attention,
    )
    if args.export is not None:
        result = overview_workbook.export_overview(db, actor, args.export, flt, overwrite=args.force)
        print(f"出力しました: {result.path}（{result.rows:,} 件、SHA-256 {result.sha256}）")
        return 0
    data = overview.city_overview(db, actor)
    rows = data.filtered(flt)
    print("\t".join(header for header, _width in overview_workbook.HEADERS))
    for row in rows:
        print(
            "\t".join("" if value is None else str(value) for value in overview_workbook.overview_values(row))
        )
    needing = sum(1 for row in rows if row.needs_attention)
    print(f"{len(rows)} アカウント（要対応 {needing} 件、休眠は投稿なし {data.dormant_days} 日）")
    return 0
