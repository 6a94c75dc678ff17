"""The tables of the notices that leave the app (issue 16): e-mail waiting to be sent, the kinds a person turned
off, and the 「広報課への報告」 items of §3(2)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns_desk.store.orm import Base, User, UTCDateTime, _key, _stamp, _string, _text, _user_ref, utcnow


class MailMessage(Base):
    """An e-mail notice waiting to be sent, queued in the transaction of the event it tells of (issue 16).

    Whichever PC runs next claims it (``claimed_by``/``claimed_until``) so two PCs never send it twice; a failure
    is tried again after ``next_attempt_at``.  ``dedupe`` keeps a recurring notice (an overdue check) to one a day.
    """

    __tablename__ = "mail_messages"

    id: Mapped[int] = _key()
    kind: Mapped[str] = mapped_column(String(30))
    number: Mapped[int] = mapped_column(Integer)  # the post, trouble or account the notice is about
    recipient_id: Mapped[int] = _user_ref()
    address: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    dedupe: Mapped[str | None] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = _stamp()
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    claimed_by: Mapped[str] = _string(150)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    last_error: Mapped[str] = _text()

    recipient: Mapped[User] = relationship()


class MailOptOut(Base):
    """A kind of notice a person turned off for themselves (e-mail and tray)."""

    __tablename__ = "mail_opt_outs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)


class AccountReport(Base):
    """A 「広報課への報告」 item (§3(2)): the opening, a change or the closure of an account, until reported."""

    __tablename__ = "account_reports"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(10))  # domain.reporting_rules.ReportEvent
    changed: Mapped[str] = _text()  # the reported fields a change touched, comma-separated
    created_at: Mapped[datetime] = _stamp()
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by_id: Mapped[int | None] = _user_ref()
    closed_how: Mapped[str] = _string(10)  # domain.reporting_rules.ReportClosure
    report_record_id: Mapped[int | None] = mapped_column(ForeignKey("report_records.id", ondelete="SET NULL"))

    closed_by: Mapped[User | None] = relationship()
