"""Command-line subcommands for troubles (§8), inquiries (§7) and monitoring (§9(2))."""

from __future__ import annotations

import argparse
from typing import Any

from sns_desk.cli.arguments import item_command
from sns_desk.cli.japanese_parser import item_number
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import IncidentType, InquiryChannel, InquiryKind
from sns_desk.host import identity
from sns_desk.services import city_settings, incidents, inquiries, monitoring, users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database


def add_parsers(sub: Any) -> None:
    incident = sub.add_parser("incident", help="トラブル（§8）: 登録・対応の記録・報告・確認・完了")
    i = incident.add_subparsers(dest="incident_command", metavar="ACTION", required=True)
    lst = i.add_parser("list")
    lst.add_argument("--all", action="store_true", help="完了したものも表示")
    item_command(i, "show")
    opened = i.add_parser("open")
    opened.add_argument("--account", type=item_number, required=True)
    opened.add_argument("--type", required=True, choices=[t.value for t in IncidentType])
    opened.add_argument("--title", required=True)
    opened.add_argument("--description", default="")
    opened.add_argument(
        "--serious", action="store_true", help="重大なトラブルとして責任者へ報告する（§4(1)イ）"
    )
    action = item_command(i, "action", "対応を記録する", optional=["--reference"])
    action.add_argument("key", help="incident show で表示される項目名")
    action.add_argument("--undo", action="store_true")
    item_command(i, "escalate", "重大なトラブルとして責任者へ報告する")
    item_command(i, "acknowledge", "責任者として確認し、指示する", required=["--instructions"])
    item_command(i, "close", "完了にする（管理者）", required=["--note"])

    inquiry = sub.add_parser("inquiry", help="問い合わせ・意見（§7）")
    q = inquiry.add_subparsers(dest="inquiry_command", metavar="ACTION", required=True)
    q.add_parser("list")
    log = q.add_parser("log")
    log.add_argument("--account", type=item_number, required=True)
    log.add_argument("--channel", required=True, choices=[c.value for c in InquiryChannel])
    log.add_argument("--kind", required=True, choices=[k.value for k in InquiryKind])
    log.add_argument("--content", required=True)
    log.add_argument("--response", default="")
    log.add_argument("--received", help="受付日時（省略時は今）")
    item_command(q, "forward", "提案・要望を担当課へ依頼したことを記録する（§7(3)）", required=["--to"])
    q.add_parser("purge", help="保存期間を過ぎた内容を削除する")
    retention = q.add_parser("retention-days", help="内容の保存期間（日、システム管理者）")
    retention.add_argument("days", type=item_number)

    monitoring = sub.add_parser("monitoring", help="監視（§9(2)）")
    m = monitoring.add_subparsers(dest="monitoring_command", metavar="ACTION", required=True)
    m.add_parser("status")
    rec = item_command(m, "record", item="account", required=["--note"])
    rec.add_argument("--problems", action="store_true", help="問題が見つかった")


def run(args: argparse.Namespace, db: Database) -> int:
    actor = users.resolve_actor(db, identity.current_login())
    if args.command == "incident":
        return _incident(args, db, actor)
    if args.command == "inquiry":
        return _inquiry(args, db, actor)
    if args.monitoring_command == "record":
        monitoring.record_monitoring(db, actor, args.account, args.note, problems_found=args.problems)
        print("監視の記録を保存しました。")
        return 0
    for row in monitoring.monitoring_status(db, actor):
        last = f"{row.last_checked.astimezone(pol.JST):%Y-%m-%d}" if row.last_checked else "未確認"
        state = "期限切れ" if row.overdue else "済"
        dormant = f"\t休眠（{row.dormant_days}日以上投稿なし）" if row.dormant else ""
        print(
            f"{row.account_id}\t{row.account}\t{last}\t{state}（{row.interval_days}日ごと）\t{row.result}{dormant}"
        )
    return 0


def _print(row: incidents.IncidentRow) -> None:
    print(f"{row.id}\t{row.status_label}\t{row.type.label}\t{row.account}\t{row.title}")
    if row.acknowledged_at:
        print(f"  責任者の指示: {row.acknowledgement}（{row.acknowledged_by}）")
    for action in row.actions:
        mark = "済" if action.done else ("未" if action.required else "－")
        print(f"  [{mark}] {action.key}: {action.label}（{action.section}）{action.reference}")


def _incident(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    command = args.incident_command
    if command == "list":
        for row in incidents.list_incidents(db, actor, open_only=not args.all):
            print(f"{row.id}\t{row.status_label}\t{row.type.label}\t{row.account}\t{row.title}")
        return 0
    if command == "open":
        incident_id = incidents.open_incident(
            db,
            actor,
            args.account,
            IncidentType(args.type),
            args.title,
            args.description,
            serious=args.serious,
        )
        _print(incidents.get_incident(db, actor, incident_id))
        return 0
    if command == "action":
        incidents.record_action(db, actor, args.id, args.key, args.reference, done=not args.undo)
    elif command == "escalate":
        incidents.escalate(db, actor, args.id)
    elif command == "acknowledge":
        incidents.acknowledge(db, actor, args.id, args.instructions)
    elif command == "close":
        incidents.close_incident(
            db, actor, args.id, incidents.get_incident(db, actor, args.id).version, args.note
        )
    _print(incidents.get_incident(db, actor, args.id))
    return 0


def _inquiry(args: argparse.Namespace, db: Database, actor: Actor) -> int:
    command = args.inquiry_command
    if command == "log":
        try:
            received = pol.parse_local_time(args.received)
        except ValueError as error:
            raise ValidationError(str(error)) from error
        inquiry_id = inquiries.log_inquiry(
            db,
            actor,
            args.account,
            InquiryChannel(args.channel),
            InquiryKind(args.kind),
            args.content,
            received,
            args.response,
        )
        print(f"記録しました（番号 {inquiry_id}）。")
    elif command == "forward":
        inquiries.forward_inquiry(db, actor, args.id, args.to)
        print(f"{args.id}: {args.to} へ依頼したことを記録しました。")
    elif command == "purge":
        print(f"保存期間を過ぎた {inquiries.purge_expired(db, actor)} 件の内容を削除しました。")
    elif command == "retention-days":
        city_settings.set_retention_days(db, actor, args.days)
        print(f"保存期間を {args.days} 日にしました。")
    else:
        for row in inquiries.list_inquiries(db, actor):
            forwarded = row.forwarded_to or ("要依頼" if row.needs_forwarding else "")
            print(
                f"{row.id}\t{row.received_at.astimezone(pol.JST):%Y-%m-%d}\t{row.account}\t{row.kind.label}\t"
                f"{row.content[:40]}\t{forwarded}"
            )
    return 0
