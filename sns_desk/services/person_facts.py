"""What a use case reads about the acting person once per session — their membership rows, their 代決
designations, the city's settings, the notice kinds they muted and their registered 電子印鑑 keys — and the one
statement that reads them all together with the person's own row (issue 17: the bell and the approval must not
pay a query for each).

Each of the five is kept in the session's ``info`` the first time it is needed: :func:`load_person` fills all of
them at once when a use case loads its person (:func:`sns_desk.services.actors.load_user`); the accessors below
read only what is missing (another person's memberships, a session that did not start with a person).  A flush
that writes one of them forgets it, so a change reads its own writes; a new session reads everything again, so
what another PC wrote is seen by the next use case.

The rules that use these rows stay where they are: :mod:`sns_desk.services.access` (which roles count),
:mod:`sns_desk.domain.workflow` (代決), :mod:`sns_desk.services.city_settings` (defaults and ranges)."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Integer,
    String,
    bindparam,
    cast,
    event,
    literal,
    null,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from sns_desk.domain.vocabulary import Role
from sns_desk.store.notice_tables import MailOptOut
from sns_desk.store.orm import (
    Account,
    AccountDeputy,
    AccountMember,
    AppMeta,
    SigningKey,
    User,
    UTCDateTime,
)

# The city-wide settings kept in app_meta (their defaults and ranges: services.city_settings).
ROTATION_KEY = "credential_rotation_days"
RETENTION_KEY = "inquiry_retention_days"
DORMANT_KEY = "dormant_account_days"
SETTING_KEYS = (ROTATION_KEY, RETENTION_KEY, DORMANT_KEY)

# a designation as read: (account, valid from, valid until, 管理者 absent, deputies always), by valid until
Designation = tuple[int, datetime, datetime, bool, bool]

_MEMBERSHIPS = "sns_desk.memberships"  # {user id: [(account id, role, account name)]}
_DESIGNATIONS = "sns_desk.deputies"  # {user id: [Designation]}
_SETTINGS = "sns_desk.city_settings"  # {key: value} of SETTING_KEYS
_MUTED = "sns_desk.muted_kinds"  # {user id: {kind}}
_KEYS = "sns_desk.signing_keys"  # {user id: {public key (hex): key id}}


@event.listens_for(Session, "after_flush")
def _forget_written(session: Session, _context: Any) -> None:
    # after_flush still sees the flushed objects in new/dirty/deleted
    written = {type(item) for item in (*session.new, *session.dirty, *session.deleted)}
    if written & {AccountMember, User, Account}:  # Account: the rows carry its name
        session.info.pop(_MEMBERSHIPS, None)
    if written & {AccountDeputy, Account}:  # a designation, or an account's absence/always setting
        session.info.pop(_DESIGNATIONS, None)
    if AppMeta in written:
        session.info.pop(_SETTINGS, None)
    if MailOptOut in written:
        session.info.pop(_MUTED, None)
    if SigningKey in written:
        session.info.pop(_KEYS, None)


def _settle(session: Session, *kinds: type) -> None:
    """Flush changes to ``kinds`` not yet flushed, as a query would autoflush them, so that what is remembered is
    forgotten (:func:`_forget_written`) and the caller reads what this transaction wrote."""
    if any(isinstance(item, kinds) for item in (*session.new, *session.dirty, *session.deleted)):
        session.flush()


def load_person(session: Session, user_id: int) -> User | None:
    """The person's row, and with it (in the same statement) what :func:`memberships`, :func:`designations`,
    :func:`settings`, :func:`muted` and :func:`signing_keys` would read; None when there is no such person."""
    rows = session.execute(_person_statement(), {"person_id": user_id}).all()
    if not rows:
        return None
    user: User = rows[0][0]
    roles: list[tuple[int, Role, str]] = []
    deputies: list[tuple[int, Designation]] = []
    stored: dict[str, str] = {}
    kinds: set[str] = set()
    keys: dict[str, int] = {}
    for _user, what, account_id, n, name, value, valid_from, valid_until, absent, always in rows:
        if what == "role":
            roles.append((account_id, Role(name), value))
        elif what == "deputy":
            deputies.append((n, (account_id, valid_from, valid_until, bool(absent), bool(always))))
        elif what == "setting":
            stored[name] = value
        elif what == "muted":
            kinds.add(name)
        elif what == "key":
            keys[name] = n
    info = session.info
    info.setdefault(_MEMBERSHIPS, {}).setdefault(user_id, roles)
    deputies.sort(key=lambda item: (item[1][2], item[0]))  # by valid until, then as named
    info.setdefault(_DESIGNATIONS, {}).setdefault(user_id, [d for _n, d in deputies])
    info.setdefault(_SETTINGS, stored)
    info.setdefault(_MUTED, {}).setdefault(user_id, kinds)
    info.setdefault(_KEYS, {}).setdefault(user_id, keys)
    return user


@functools.cache
def _person_statement() -> Any:
    """The statement of :func:`load_person`, built once (every use case runs it; building it cost more CPU than
    running it, issue 17); the person is its parameter ``person_id``."""
    user_id = bindparam("person_id", type_=Integer)
    facts = union_all(
        # the first SELECT gives the columns their types
        select(
            literal("deputy", String).label("what"),
            AccountDeputy.account_id.label("account_id"),
            AccountDeputy.id.label("n"),
            cast(null(), String).label("name"),
            cast(null(), String).label("value"),
            AccountDeputy.valid_from.label("valid_from"),
            AccountDeputy.valid_until.label("valid_until"),
            Account.manager_absent.label("absent"),
            Account.deputies_always.label("always"),
        )
        .join(Account, Account.id == AccountDeputy.account_id)
        .where(AccountDeputy.user_id == user_id),
        _typed_row(
            "role", AccountMember.account_id, AccountMember.id, cast(AccountMember.role, String), Account.name
        )
        .join(Account, Account.id == AccountMember.account_id)
        .where(AccountMember.user_id == user_id),
        _typed_row("setting", None, None, AppMeta.key, AppMeta.value).where(AppMeta.key.in_(SETTING_KEYS)),
        _typed_row("muted", None, None, MailOptOut.kind).where(MailOptOut.user_id == user_id),
        _typed_row("key", None, SigningKey.id, SigningKey.public_key).where(SigningKey.user_id == user_id),
    ).subquery()
    return select(User, facts).outerjoin(facts, true()).where(User.id == user_id)


def _typed_row(what: str, account_id: Any, n: Any, name: Any, value: Any = None) -> Any:
    """A SELECT of the union's shape: the columns it does not fill are typed NULLs (PostgreSQL needs the types)."""
    return select(
        literal(what, String),
        cast(null(), Integer) if account_id is None else account_id,
        cast(null(), Integer) if n is None else n,
        name,
        cast(null(), String) if value is None else value,
        cast(null(), UTCDateTime),
        cast(null(), UTCDateTime),
        cast(null(), Boolean),
        cast(null(), Boolean),
    )


def memberships(session: Session, user_id: int) -> list[tuple[int, Role]]:
    """The person's membership rows (account, role) as stored; which of them count is access's rule."""
    return [(account_id, role) for account_id, role, _name in _memberships(session, user_id)]


def named_memberships(session: Session, user_id: int) -> list[tuple[Role, str]]:
    """The person's membership rows as (role, account name), by account name (for the status bar)."""
    rows = sorted(_memberships(session, user_id), key=lambda row: (row[2], list(Role).index(row[1])))
    return [(role, name) for _account_id, role, name in rows]


def _memberships(session: Session, user_id: int) -> list[tuple[int, Role, str]]:
    _settle(session, AccountMember, Account)
    known: dict[int, list[tuple[int, Role, str]]] = session.info.setdefault(_MEMBERSHIPS, {})
    if user_id not in known:
        stmt = (
            select(AccountMember.account_id, AccountMember.role, Account.name)
            .join(Account, Account.id == AccountMember.account_id)
            .where(AccountMember.user_id == user_id)
        )
        known[user_id] = [(account_id, role, name) for account_id, role, name in session.execute(stmt)]
    return known[user_id]


def designations(session: Session, user_id: int) -> list[Designation]:
    """The person's 代決 designations on every account, by the end of their period."""
    _settle(session, AccountDeputy, Account)
    known: dict[int, list[Designation]] = session.info.setdefault(_DESIGNATIONS, {})
    if user_id not in known:
        stmt = (
            select(
                AccountDeputy.account_id,
                AccountDeputy.valid_from,
                AccountDeputy.valid_until,
                Account.manager_absent,
                Account.deputies_always,
            )
            .join(Account, Account.id == AccountDeputy.account_id)
            .where(AccountDeputy.user_id == user_id)
            .order_by(AccountDeputy.valid_until, AccountDeputy.id)
        )
        known[user_id] = [
            (a, start, end, absent, always) for a, start, end, absent, always in session.execute(stmt)
        ]
    return known[user_id]


def settings(session: Session) -> dict[str, str]:
    """The stored city-wide settings (a key missing: not set, the default applies)."""
    _settle(session, AppMeta)
    stored: dict[str, str] | None = session.info.get(_SETTINGS)
    if stored is None:
        stored = {
            m.key: m.value for m in session.scalars(select(AppMeta).where(AppMeta.key.in_(SETTING_KEYS)))
        }
        session.info[_SETTINGS] = stored
    return stored


def muted(session: Session, user_id: int) -> set[str]:
    """The notice kinds the person turned off (as stored)."""
    _settle(session, MailOptOut)
    known: dict[int, set[str]] = session.info.setdefault(_MUTED, {})
    if user_id not in known:
        known[user_id] = set(session.scalars(select(MailOptOut.kind).where(MailOptOut.user_id == user_id)))
    return known[user_id]


def signing_keys(session: Session, user_id: int) -> dict[str, int]:
    """The person's registered 電子印鑑 public keys (hex) and their ids; whether one may sign is signing's rule."""
    _settle(session, SigningKey)
    known: dict[int, dict[str, int]] = session.info.setdefault(_KEYS, {})
    if user_id not in known:
        stmt = select(SigningKey.public_key, SigningKey.id).where(SigningKey.user_id == user_id)
        known[user_id] = {public: key_id for public, key_id in session.execute(stmt)}
    return known[user_id]
