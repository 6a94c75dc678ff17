"""The check rules in force (issue 15 item 3): the city's file, the office layer kept in the database, an account's
additions (docs/rules.md).  Everything that runs the checks on a draft asks :func:`findings_for` here, so the
office layer reaches every PC the moment it is saved.

The merged rules are cached per layer version (the city, and the text of the newest office and account layers),
so a check costs two small reads, not a merge.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sns_desk import resources
from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain import rule_layers as rl
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import Platform
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, AppMeta
from sns_desk.store.rule_tables import RuleException, RuleLayer

log = logging.getLogger(__name__)

CITY_KEY = "rules_city"  # app_meta: which file of resources/rules/ is the municipality's
DEFAULT_CITY = "kagoshima"
OFFICE = "office"
_CITY_NAME = re.compile(r"^[a-z0-9_-]{1,40}$")


def scope_of(account_id: int | None) -> str:
    return OFFICE if account_id is None else f"account:{account_id}"


def available_cities() -> list[str]:
    """The municipalities' rule files shipped with the app (one per city)."""
    folder = resources.path("rules", f"{DEFAULT_CITY}.json").parent
    return sorted(p.stem for p in folder.glob("*.json") if _CITY_NAME.match(p.stem))


@lru_cache(maxsize=8)
def _city_text(name: str) -> str:
    return resources.path("rules", f"{name}.json").read_text(encoding="utf-8")


def city_rules(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_city_text(name))
    return data


def city_name(session: Session) -> str:
    meta = session.get(AppMeta, CITY_KEY)
    name = meta.value.strip() if meta else ""
    return name if name in available_cities() else DEFAULT_CITY


# --- reading the layers ----------------------------------------------------------------------------------------


def _require_reader(step: Step, account_id: int | None) -> None:
    """An account's layer: whoever may see the account.  The office's: whoever works on some account (their drafts
    are checked with it) or oversees them all (広報課・システム管理者)."""
    if account_id is not None:
        step.see(step.load(Account, account_id).id)
        return
    visible = visible_account_ids(step.session, step.me)
    if visible is not None and not visible:
        raise PermissionDeniedError(
            "チェック規則は、アカウントの担当者・管理者・責任者と広報課・システム管理者が見られます。",
            f"user {step.me.login!r} holds no account role: rules refused",
        )


@dataclass(frozen=True)
class LayerVersion:
    number: int  # 0: nothing saved yet
    content: dict[str, Any]
    note: str = ""
    saved_by: str = ""
    saved_at: datetime | None = None

    def title(self) -> str:
        if self.number == 0:
            return "（未設定）"
        when = f" {self.saved_at.astimezone(pol.JST):%Y-%m-%d %H:%M}" if self.saved_at else ""
        return f"第{self.number}版 {self.saved_by}{when}"


def _newest(session: Session, scope: str) -> RuleLayer | None:
    return session.scalars(
        select(RuleLayer).where(RuleLayer.scope == scope).order_by(RuleLayer.number.desc()).limit(1)
    ).first()


def _version(row: RuleLayer | None) -> LayerVersion:
    if row is None:
        return LayerVersion(0, {})
    return LayerVersion(
        row.number, json.loads(row.content), row.note, row.saved_by.display_name, row.saved_at
    )


@lru_cache(maxsize=64)
def _merged(city: str, office: str, account: str) -> tuple[str, checks.RuleSet]:
    """The three layers merged (as JSON text, so the cached value cannot be changed) and their RuleSet."""
    data = rl.merge(city_rules(city), json.loads(office), json.loads(account))
    return json.dumps(data, ensure_ascii=False), checks.RuleSet.from_dict(data)


def _layers_text(session: Session, account_id: int | None) -> tuple[str, str, str]:
    office = _newest(session, OFFICE)
    account = _newest(session, scope_of(account_id)) if account_id is not None else None
    return (city_name(session), office.content if office else "{}", account.content if account else "{}")


def rules_in_force(session: Session, account_id: int | None) -> checks.RuleSet:
    """The rules a draft of ``account_id`` is checked against now (the office's when None)."""
    return _merged(*_layers_text(session, account_id))[1]


def today_jst() -> date:
    return pol.now_jst().date()


def exception_of(row: RuleException) -> rl.StandingException:
    return rl.StandingException(row.id, row.rule, row.matched, row.reason, row.expires_on)


def active_exceptions(session: Session, account_id: int) -> list[rl.StandingException]:
    """The account's exceptions in force today (JST)."""
    rows = session.scalars(
        select(RuleException).where(
            RuleException.account_id == account_id,
            RuleException.revoked_at.is_(None),
            RuleException.expires_on >= today_jst(),
        )
    )
    return [exception_of(r) for r in rows]


def findings_for(
    session: Session, account_id: int, draft: checks.Draft, rules: checks.RuleSet | None = None
) -> list[checks.Finding]:
    """Every finding of the checks on ``draft`` under the account's rules (``rules``: those in force, when the
    caller has just read them), the warnings its standing exceptions let through left out (they need no reason;
    see :mod:`sns_desk.services.check_exceptions`)."""
    findings = checks.run_checks(draft, rules if rules is not None else rules_in_force(session, account_id))
    kept, _excepted = rl.split_excepted(
        findings, draft.body, active_exceptions(session, account_id), today_jst()
    )
    return kept


@dataclass(frozen=True)
class RulesView:
    """What the editor and ``rules show`` present."""

    city: str
    office: LayerVersion
    account: LayerVersion | None
    merged: dict[str, Any]
    may_edit_office: bool
    may_edit_account: bool
    may_choose_city: bool  # the システム管理者, as at set-up


def view(db: Database, actor: Actor, account_id: int | None = None) -> RulesView:
    """The layers and the merged rules.  Everyone may read the office's rules (they apply to everyone's drafts);
    an account's additions only a person who may see the account."""

    def work(step: Step) -> RulesView:
        _require_reader(step, account_id)
        texts = _layers_text(step.session, account_id)
        return RulesView(
            texts[0],
            _version(_newest(step.session, OFFICE)),
            _version(_newest(step.session, scope_of(account_id))) if account_id is not None else None,
            json.loads(_merged(*texts)[0]),
            step.may(Permission.EDIT_OFFICE_RULES),
            account_id is not None and step.may(Permission.EDIT_ACCOUNT_RULES, account_id),
            step.may(Permission.MANAGE_DATABASE),
        )

    return look(db, actor, work)


def history(db: Database, actor: Actor, account_id: int | None = None) -> list[LayerVersion]:
    """Every saved version of a layer, newest first."""

    def work(step: Step) -> list[LayerVersion]:
        _require_reader(step, account_id)
        rows = step.session.scalars(
            select(RuleLayer).where(RuleLayer.scope == scope_of(account_id)).order_by(RuleLayer.number.desc())
        )
        return [_version(r) for r in rows]

    return look(db, actor, work)


# --- validating, trying and saving ------------------------------------------------------------------------------


def _base_for(session: Session, account_id: int | None) -> dict[str, Any]:
    """What a layer is written on top of: the city's file, plus the office layer for an account's additions."""
    city = city_rules(city_name(session))
    if account_id is None:
        return city
    return rl.merge(city, _version(_newest(session, OFFICE)).content)


def problems(
    db: Database, actor: Actor, layer: Mapping[str, Any], account_id: int | None = None
) -> list[str]:
    """What is wrong with an edited layer (empty: it may be saved)."""
    kind = rl.LayerKind.OFFICE if account_id is None else rl.LayerKind.ACCOUNT

    def work(step: Step) -> list[str]:
        _require_reader(step, account_id)
        return rl.problems(_base_for(step.session, account_id), layer, kind)

    return look(db, actor, work)


def try_text(
    db: Database,
    actor: Actor,
    text: str,
    platform: Platform,
    *,
    office: Mapping[str, Any] | None = None,
    account: Mapping[str, Any] | None = None,
    account_id: int | None = None,
) -> list[checks.Finding]:
    """「この文で試す」: the findings on a sample text under the rules as edited (not saved).  ``office`` or
    ``account`` replace the saved layer; left out, the saved one counts.  An invalid layer is refused.  For an
    account, its standing exceptions apply as in its drafts."""

    def work(step: Step) -> list[checks.Finding]:
        session = step.session
        _require_reader(step, account_id)
        city = city_rules(city_name(session))
        office_layer = dict(office) if office is not None else _version(_newest(session, OFFICE)).content
        rl.validate(city, office_layer, rl.LayerKind.OFFICE)
        merged = rl.merge(city, office_layer)
        account_layer: dict[str, Any] = {}
        if account_id is not None:
            saved = _version(_newest(session, scope_of(account_id))).content
            account_layer = dict(account) if account is not None else saved
            rl.validate(merged, account_layer, rl.LayerKind.ACCOUNT)
        rules = checks.RuleSet.from_dict(rl.merge(merged, account_layer))
        found = checks.run_checks(checks.Draft(platform, text), rules)
        if account_id is None:
            return found
        # as the account's drafts are checked: the warnings its standing exceptions let through left out
        return rl.split_excepted(found, text, active_exceptions(session, account_id), today_jst())[0]

    return look(db, actor, work)


def save_layer(
    db: Database,
    actor: Actor,
    layer: Mapping[str, Any],
    expected_number: int,
    note: str = "",
    account_id: int | None = None,
) -> int:
    """Save a new version of the office layer (システム管理者・広報課) or of an account's additions (its 管理者),
    on top of version ``expected_number`` as the person saw it; audited with what changed.  Returns the number."""
    kind = rl.LayerKind.OFFICE if account_id is None else rl.LayerKind.ACCOUNT
    scope = scope_of(account_id)

    def work(step: Step) -> int:
        session = step.session
        if account_id is None:
            step.require(Permission.EDIT_OFFICE_RULES)
        else:
            step.require(Permission.EDIT_ACCOUNT_RULES, account_id)
            step.load(Account, account_id)
        current = _newest(session, scope)
        number = current.number if current else 0
        if number != expected_number:
            raise ConflictError(
                f"{kind.label}は他の人が先に変更しました（第{number}版）。最新の内容を確認してから、もう一度保存してください。",
                f"rule layer {scope} at {number}, expected {expected_number}",
            )
        rl.validate(_base_for(session, account_id), layer, kind)
        old = json.loads(current.content) if current else {}
        if old == dict(layer):
            raise ValidationError(f"{kind.label}は変わっていません。")
        step.add(
            RuleLayer(
                scope=scope,
                account_id=account_id,
                number=number + 1,
                content=json.dumps(layer, ensure_ascii=False, sort_keys=True),
                note=note.strip()[:500],
                saved_by_id=step.me.id,
            )
        )
        step.audit(
            f"rules.{kind.value}.save",
            "rule_layer",
            scope,
            {"number": number + 1, "changed": rl.changed_keys(old, layer), "note": note.strip()[:500]},
        )
        log.info("rule layer %s saved as version %d", scope, number + 1)
        return number + 1

    return change(db, actor, work, what=f"save rules {scope}")


def import_layer(
    db: Database, actor: Actor, content: str, note: str = "", account_id: int | None = None
) -> int:
    """Save a layer read from a file (``rules import``) as the next version."""

    def may_save(step: Step) -> None:
        if account_id is None:
            step.require(Permission.EDIT_OFFICE_RULES)
        else:
            step.require(Permission.EDIT_ACCOUNT_RULES, account_id)

    look(db, actor, may_save)  # refused before the file is read, as the save itself would refuse
    layer = rl.parse_layer(content)
    current = view(db, actor, account_id)
    saved = current.account if current.account is not None else current.office
    return save_layer(db, actor, layer, saved.number, note, account_id)


def set_city(db: Database, actor: Actor, name: str) -> None:
    """Choose the municipality's rule file (システム管理者, at set-up or later), audited."""

    def work(step: Step) -> None:
        step.require(Permission.MANAGE_DATABASE)
        if name not in available_cities():
            raise ValidationError(
                f"市の規則ファイル「{name}」がありません（あるもの: {'、'.join(available_cities())}）。",
                f"unknown city rules {name!r}",
            )
        meta = step.session.get(AppMeta, CITY_KEY)
        if meta is None:
            step.session.add(AppMeta(key=CITY_KEY, value=name))
        else:
            meta.value = name
        step.audit("rules.city", "database", db.database_id, {"city": name})

    change(db, actor, work, what="set city rules")
