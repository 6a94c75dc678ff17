"""代決 (issue 14, item 6): the deputies each account names for a period, the 管理者's absence, and the office's
setting that its deputies may decide at any time.  Whether a deputy may decide is
:func:`sns_desk.domain.workflow.may_decide`'s; this module feeds it and records every change in the audit chain,
where the 電子印鑑 check (:mod:`sns_desk.services.seal_check`) reads the designations back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import Role
from sns_desk.domain.workflow import Deputyship, may_deputise
from sns_desk.services import person_facts
from sns_desk.services.access import account_roles, require_somewhere
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, AccountDeputy, AccountMember, User

NAMED, REMOVED, ABSENT, ALWAYS = (
    "account.deputy_named",
    "account.deputy_removed",
    "account.manager_absent",
    "account.deputies_always",
)
EVENTS = (NAMED, REMOVED, ABSENT, ALWAYS)


def deputyships(session: Session, user_id: int, at: datetime) -> dict[int, Deputyship]:
    """The person's designation on each account that names them, as the rules need it: the one covering ``at``
    if any, else the latest (so that a refusal can name its period).  One query per session."""
    found: dict[int, Deputyship] = {}
    for account_id, valid_from, valid_until, absent, always in person_facts.designations(session, user_id):
        held = found.get(account_id)
        if held is None or not held.valid_from <= at <= held.valid_until:
            found[account_id] = Deputyship(valid_from, valid_until, absent, always)
    return found


def deputyship(session: Session, user_id: int, account_id: int, at: datetime) -> Deputyship | None:
    """The person's designation on the account (:func:`deputyships`); None when the account never named them."""
    return deputyships(session, user_id, at).get(account_id)


def named_now(session: Session, user_id: int, at: datetime) -> bool:
    """Whether the person is named deputy of some account for a period covering ``at`` (from their designations,
    read once per session)."""
    return any(
        start <= at <= end
        for _account, start, end, _absent, _always in person_facts.designations(session, user_id)
    )


def deputies_in_force(session: Session, account_id: int, at: datetime) -> list[User]:
    """The people who may decide for the account's 管理者 at ``at`` (:func:`may_deputise`): named for a period
    covering it while the 管理者 is marked absent, or at any time where the office allows it."""
    account = session.get(Account, account_id)
    if account is None:
        return []
    rows = session.scalars(
        select(AccountDeputy).where(
            AccountDeputy.account_id == account_id,
            AccountDeputy.valid_from <= at,
            AccountDeputy.valid_until >= at,
        )
    )
    people: dict[int, User] = {}
    for row in rows:
        rule = Deputyship(row.valid_from, row.valid_until, account.manager_absent, account.deputies_always)
        user = session.get(User, row.user_id)
        if user is not None and may_deputise(rule, at):
            people[user.id] = user
    return list(people.values())


def managers_text(session: Session, account_id: int) -> str:
    """The 管理者 of the account by name, for "代決（A が B に代わって）"."""
    names = session.scalars(
        select(User.display_name)
        .join(AccountMember, AccountMember.user_id == User.id)
        .where(AccountMember.account_id == account_id, AccountMember.role == Role.MANAGER)
        .order_by(User.id)
    ).all()
    return "・".join(names) or "アカウント管理者"


@dataclass(frozen=True)
class DeputyRow:
    id: int
    user_id: int
    login: str
    name: str
    valid_from: datetime
    valid_until: datetime


@dataclass(frozen=True)
class DeputySettings:
    account_id: int
    manager_absent: bool
    deputies_always: bool
    deputies: list[DeputyRow]


def settings(db: Database, actor: Actor, account_id: int) -> DeputySettings:
    """The account's deputies and its absence setting (for those who may see the account)."""

    def read(step: Step) -> DeputySettings:
        step.see(account_id)
        account = step.load(Account, account_id)
        rows = step.session.execute(
            select(AccountDeputy, User)
            .join(User, User.id == AccountDeputy.user_id)
            .where(AccountDeputy.account_id == account_id)
            .order_by(AccountDeputy.valid_from, AccountDeputy.id)
        ).all()
        return DeputySettings(
            account_id,
            account.manager_absent,
            account.deputies_always,
            [DeputyRow(d.id, u.id, u.login, u.display_name, d.valid_from, d.valid_until) for d, u in rows],
        )

    return look(db, actor, read)


def name_deputy(
    db: Database, actor: Actor, account_id: int, login: str, valid_from: datetime, valid_until: datetime
) -> int:
    """Name ``login`` deputy of the account from ``valid_from`` to ``valid_until`` (a person who already holds a
    role on it, so that they can read the posts they decide on)."""
    if valid_from.tzinfo is None or valid_until.tzinfo is None:
        raise ValueError("the period must be timezone-aware")
    if valid_until <= valid_from:
        raise ValidationError("代決の期間は、終わりを始まりより後にしてください。", "deputy period reversed")

    def work(step: Step) -> int:
        step.load(Account, account_id)
        step.require(Permission.NAME_DEPUTIES, account_id)
        user = step.session.scalars(select(User).where(User.login == login, User.active.is_(True))).first()
        if user is None:
            raise ValidationError(f"利用者 {login} が見つかりません。", f"deputy {login!r} unknown")
        held = account_roles(step.session, user).get(account_id, set())
        if not held:
            raise ValidationError(
                f"{user.display_name} さんはこのアカウントの担当者として登録されていません。先に担当者に追加して"
                "から代決者に指定してください（代決者は投稿を読める人に限ります）。",
                f"deputy {login!r} holds no role on account {account_id}",
            )
        row = step.add(
            AccountDeputy(
                account_id=account_id,
                user_id=user.id,
                valid_from=valid_from,
                valid_until=valid_until,
                named_by_id=step.me.id,
            )
        )
        step.audit(
            NAMED,
            "account",
            account_id,
            {
                "deputy": row.id,
                "user": user.login,
                "valid_from": valid_from.isoformat(),
                "valid_until": valid_until.isoformat(),
            },
        )
        return row.id

    return change(db, actor, work, what="name deputy")


def remove_deputy(db: Database, actor: Actor, deputy_id: int) -> None:
    def work(step: Step) -> None:
        require_somewhere(step.session, step.me, Permission.NAME_DEPUTIES)  # a stranger learns nothing of it
        row = step.load(AccountDeputy, deputy_id)
        step.require(Permission.NAME_DEPUTIES, row.account_id)
        login = row.user.login
        account_id = row.account_id
        step.session.delete(row)
        step.audit(REMOVED, "account", account_id, {"deputy": deputy_id, "user": login})

    change(db, actor, work, what="remove deputy")


def set_manager_absent(db: Database, actor: Actor, account_id: int, absent: bool) -> None:
    """Mark the 管理者 away (their deputies may decide) or back."""

    def work(step: Step) -> None:
        account = step.load(Account, account_id)
        step.require(Permission.NAME_DEPUTIES, account_id)
        account.manager_absent = absent
        step.audit(ABSENT, "account", account_id, {"absent": absent})

    change(db, actor, work, what="manager absence")


def set_deputies_always(db: Database, actor: Actor, account_id: int, always: bool) -> None:
    """The office's setting: its deputies may decide even while the 管理者 is present."""

    def work(step: Step) -> None:
        account = step.load(Account, account_id)
        step.require(Permission.NAME_DEPUTIES, account_id)
        account.deputies_always = always
        step.audit(ALWAYS, "account", account_id, {"always": always})

    change(db, actor, work, what="deputies always")
