"""A city of any size for the query-budget tests: ``n`` accounts in several 局・課, each with its members, an
approved 運用ポリシー, a checklist, a stored password, monitoring records, a serious trouble and posts in every
status, written straight through the ORM (fast) — and a counter of the SQL statements a piece of work runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import event, insert

from sns_desk.domain import policy as pol
from sns_desk.domain.vocabulary import (
    AccountStatus,
    ChecklistKey,
    ChecklistState,
    IncidentType,
    Platform,
    PolicyStatus,
    PostStatus,
    Role,
)
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountMember,
    AccountPolicy,
    ChecklistItem,
    CredentialRecord,
    Department,
    Incident,
    MonitoringRecord,
    Post,
    PostRevision,
    User,
    utcnow,
)


@dataclass
class City:
    manager: Actor  # 管理者 of every account (decides posts)
    staff: Actor  # 担当者 of every account
    pending: list[int]  # pending post ids
    drafts: list[int]
    account_ids: list[int] = field(default_factory=list)


def policy_json() -> str:
    return pol.PolicyData.office_hours(
        purpose="市政情報の発信",
        content="お知らせ",
        contact_phone="099-224-1111",
        follow=pol.Handling.DONT,
        repost=pol.Handling.DONT,
        like=pol.Handling.DONT,
        share=pol.Handling.DONT,
        hours={d: [("00:00", "24:00")] for d in range(7)},
        holidays_closed=False,
        year_end_closed=False,
    ).to_json()


def build_city(db: Database, admin: Actor, accounts: int, posts_per_account: int) -> City:
    now = utcnow()
    old = now - timedelta(days=400)  # every password due, every account's monitoring overdue
    policy = policy_json()
    with db.write_session() as session:
        bureaus = [Department(name=f"第{b}局") for b in range(3)]
        session.add_all(bureaus)
        session.flush()
        sections = [Department(name=f"第{s}課", parent_id=bureaus[s % 3].id) for s in range(6)]
        session.add_all(sections)
        session.flush()
        manager = User(login="city-manager", display_name="管理 花子", department_id=sections[0].id)
        staff = User(login="city-staff", display_name="担当 一郎", department_id=sections[0].id)
        others = [
            User(login=f"city-user{i}", display_name=f"職員 {i}", department_id=sections[i % 6].id)
            for i in range(accounts)
        ]
        session.add_all([manager, staff, *others])
        session.flush()
        rows = [
            Account(
                platform=list(Platform)[i % len(Platform)],
                name=f"鹿児島市アカウント{i:03d}",
                department_id=sections[i % 6].id,
                status=AccountStatus.ACTIVE,
                activated_at=old,
                requested_by_id=manager.id,
            )
            for i in range(accounts)
        ]
        session.add_all(rows)
        session.flush()
        for i, account in enumerate(rows):
            session.add_all(
                [
                    AccountMember(account_id=account.id, user_id=manager.id, role=Role.MANAGER),
                    AccountMember(account_id=account.id, user_id=manager.id, role=Role.RESPONSIBLE),
                    AccountMember(account_id=account.id, user_id=staff.id, role=Role.STAFF),
                    AccountMember(account_id=account.id, user_id=others[i].id, role=Role.STAFF),
                    AccountPolicy(
                        account_id=account.id,
                        number=1,
                        status=PolicyStatus.APPROVED,
                        data=policy,
                        created_by_id=admin.user_id,
                        approved_by_id=admin.user_id,
                        approved_at=old,
                    ),
                    ChecklistItem(
                        account_id=account.id,
                        item=ChecklistKey.HOMEPAGE,
                        state=ChecklistState.DONE,
                        url="https://www.city.example.lg.jp/sns/",
                        updated_by_id=manager.id,
                    ),
                    CredentialRecord(
                        account_id=account.id,
                        set_by_id=manager.id,
                        set_at=old,
                        rotated_at=old,
                        backend="test",
                    ),
                    MonitoringRecord(account_id=account.id, checked_at=old, checked_by_id=manager.id),
                    Incident(
                        account_id=account.id,
                        type=IncidentType.HIJACK
                        if hasattr(IncidentType, "HIJACK")
                        else next(iter(IncidentType)),
                        title=f"重大なトラブル {i}",
                        serious=True,
                        opened_by_id=staff.id,
                        escalated_at=old,
                    ),
                ]
            )
        account_ids = [a.id for a in rows]
        manager_id, staff_id = manager.id, staff.id
    post_rows: list[dict[str, Any]] = []
    statuses = [PostStatus.PUBLISHED, PostStatus.PENDING, PostStatus.DRAFT]
    for account_id in account_ids:
        for n in range(posts_per_account):
            status = statuses[n % 3]
            when = now - timedelta(hours=n + 1)
            post_rows.append(
                dict(
                    account_id=account_id,
                    author_id=staff_id,
                    status=status,
                    title=f"お知らせ {account_id}-{n}",
                    body=f"【お知らせ】第{n}号。詳しくは https://www.city.kagoshima.lg.jp/p/{n} をご覧ください。",
                    planned_at=now + timedelta(days=30),
                    created_at=when,
                    updated_at=when,
                    submitted_at=when if status is not PostStatus.DRAFT else None,
                    published_at=when if status is PostStatus.PUBLISHED else None,
                    published_url=f"https://x.com/k/status/{n}" if status is PostStatus.PUBLISHED else "",
                    version=1,
                )
            )
    with db.write_session() as session:
        if post_rows:
            session.execute(insert(Post), post_rows)
        posts = session.execute(Post.__table__.select().order_by(Post.id)).all()
        session.execute(
            insert(PostRevision),
            [
                dict(
                    post_id=p.id,
                    number=1,
                    title=p.title,
                    body=p.body,
                    saved_by_id=staff_id,
                    saved_at=p.created_at,
                )
                for p in posts
            ],
        )
        pending = [p.id for p in posts if p.status is PostStatus.PENDING]
        drafts = [p.id for p in posts if p.status is PostStatus.DRAFT]
    logins = {manager_id: "city-manager", staff_id: "city-staff"}
    return City(
        users.resolve_actor(db, logins[manager_id]),
        users.resolve_actor(db, logins[staff_id]),
        pending,
        drafts,
        account_ids,
    )


@dataclass
class Statements:
    sql: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sql)

    def __str__(self) -> str:
        return f"{self.count} statements:\n" + "\n".join(s.splitlines()[0][:160] for s in self.sql)


# Not queries but how the store begins a transaction: SQLite's BEGIN is sent as a statement (PostgreSQL's is not),
# a read on SQLite takes its shared lock with a probe of sqlite_master (store/database.py _take_read_lock), and a
# write on PostgreSQL sets its lock timeout and takes the writers' advisory lock (SQLite's BEGIN IMMEDIATE).
TRANSACTION_CONTROL = (
    "SELECT 1 FROM SQLITE_MASTER LIMIT 1",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "RELEASE",
    "SET LOCAL",
    "SELECT PG_ADVISORY_XACT_LOCK",
)


@contextmanager
def counting(db: Database) -> Iterator[Statements]:
    """Every statement sent to the database while the block runs (the write engine shares the pool's events)."""
    seen = Statements()

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not statement.lstrip().upper().startswith(TRANSACTION_CONTROL):
            seen.sql.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", before)
