"""The tables of the check rules' layers (issue 15): each saved version of the office layer and of an account's
additions, and the standing exceptions an account's 管理者 accepted."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns_desk.store.orm import Base, User, UTCDateTime, _key, _stamp, _text, _user_ref


class RuleLayer(Base):
    """One saved version of a layer of the check rules (domain/rule_layers.py): the office layer (``account_id``
    NULL, システム管理者・広報課) or one account's additions (its 管理者).  Versions are kept whole; the newest
    ``number`` of a scope is in force on every PC."""

    __tablename__ = "rule_layers"
    __table_args__ = (UniqueConstraint("scope", "number", name="uq_rule_layers_scope_number"),)

    id: Mapped[int] = _key()
    scope: Mapped[str] = mapped_column(String(40), index=True)  # "office" or "account:<id>"
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)  # the layer, JSON
    note: Mapped[str] = _text()
    saved_by_id: Mapped[int] = _user_ref()
    saved_at: Mapped[datetime] = _stamp()

    saved_by: Mapped[User] = relationship()


class RuleException(Base):
    """A standing exception: a recurring warning (rule + matched text) the アカウント管理者 accepted for the
    account, with a reason, until ``expires_on`` (JST, inclusive)."""

    __tablename__ = "rule_exceptions"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(64))
    matched: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    expires_on: Mapped[date] = mapped_column(Date)
    created_by_id: Mapped[int] = _user_ref()
    created_at: Mapped[datetime] = _stamp()
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
