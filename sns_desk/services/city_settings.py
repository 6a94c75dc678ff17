"""City-wide settings kept in the database: how often passwords change (§3(3)ウ) and how long inquiries are kept
(§7), set by the システム管理者; after how many days without a post an account counts as dormant (§9(2)), set by
広報課.  (How often each account is monitored is the account's own setting: :mod:`sns_desk.services.monitoring`.)"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from sns_desk.domain import monitoring_rules
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.services import person_facts
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change
from sns_desk.store.database import Database
from sns_desk.store.orm import AppMeta


@dataclass(frozen=True)
class DaysSetting:
    """A number of days kept in ``app_meta``: its key, default, allowed range and how it is named."""

    key: str
    default: int
    low: int
    high: int
    out_of_range: str  # the message when a value is outside low..high
    audit_action: str
    permission: Permission = Permission.MANAGE_DATABASE  # who sets it


ROTATION = DaysSetting(
    person_facts.ROTATION_KEY,
    90,
    7,
    3650,
    "パスワード変更の間隔は 7〜3650 日で指定してください。",
    "settings.rotation_days",
)
RETENTION = DaysSetting(
    person_facts.RETENTION_KEY,
    365,
    30,
    3650,
    "保存期間は 30〜3650 日で指定してください。",
    "settings.retention_days",
)
DORMANT = DaysSetting(
    person_facts.DORMANT_KEY,
    monitoring_rules.DEFAULT_DORMANT_DAYS,
    monitoring_rules.DORMANT_LOW,
    monitoring_rules.DORMANT_HIGH,
    f"休眠アカウントとみなす日数は {monitoring_rules.DORMANT_LOW}〜{monitoring_rules.DORMANT_HIGH} 日で指定してください"
    "（§9(2)）。",
    "settings.dormant_days",
    Permission.SET_DORMANT_DAYS,
)


def days(session: Session, setting: DaysSetting) -> int:
    """The stored value, or the default when none (or no usable number) is stored.  Every setting is read with
    the person a use case loads, once per session (:mod:`sns_desk.services.person_facts`)."""
    value = person_facts.settings(session).get(setting.key, "").strip()
    return max(1, int(value)) if value.isdigit() else setting.default


def read_days(db: Database, setting: DaysSetting) -> int:
    with db.read() as session:
        return days(session, setting)


def set_days(db: Database, actor: Actor, setting: DaysSetting, value: int) -> None:
    """Change a city-wide setting (システム管理者, or 広報課 for the dormant-account days), audited."""
    if not setting.low <= value <= setting.high:
        raise ValidationError(setting.out_of_range)

    def work(step: Step) -> None:
        step.require(setting.permission)
        meta = step.session.get(AppMeta, setting.key)
        if meta is None:
            step.session.add(AppMeta(key=setting.key, value=str(value)))
        else:
            meta.value = str(value)
        step.audit(setting.audit_action, "database", db.database_id, {"days": value})

    change(db, actor, work, what=f"set {setting.key}")


def rotation_days(session: Session) -> int:
    return days(session, ROTATION)


def retention_days(session: Session) -> int:
    return days(session, RETENTION)


def dormant_days(session: Session) -> int:
    return days(session, DORMANT)


def get_rotation_days(db: Database) -> int:
    return read_days(db, ROTATION)


def get_retention_days(db: Database) -> int:
    return read_days(db, RETENTION)


def set_rotation_days(db: Database, actor: Actor, value: int) -> None:
    """How often account passwords should change (§3(3)ウ)."""
    set_days(db, actor, ROTATION, value)


def set_retention_days(db: Database, actor: Actor, value: int) -> None:
    """How long the words of inquiries are kept before they are erased (§7)."""
    set_days(db, actor, RETENTION, value)


def set_dormant_days(db: Database, actor: Actor, value: int) -> None:
    """After how many days without a post an account is shown as dormant (§9(2); 広報課)."""
    set_days(db, actor, DORMANT, value)
