"""The tables of publishing (issue 14): each account's connection to its platform (never the token: that stays
in the OS keyring of the PC the record names) and each post's claim to be sent, written before the request
leaves so that two PCs or a retry can never send the same post twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sns_desk.store.orm import Base, User, UTCDateTime, Versioned, utcnow


class PlatformConnection(Versioned, Base):
    """An account's connection to X or LINE: set up by the アカウント管理者, approved by the 責任者 (§3(3)ウ)."""

    __tablename__ = "platform_connections"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(20))
    host: Mapped[str] = mapped_column(String(200))  # the PC whose OS keyring holds the tokens
    host_login: Mapped[str] = mapped_column(String(150))  # the OS login on that PC
    remote_user_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    remote_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    audience_id: Mapped[str] = mapped_column(String(64), default="", server_default="")  # LINE narrowcast
    client_id: Mapped[str] = mapped_column(String(200), default="", server_default="")  # X app (public)
    set_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    set_by: Mapped[User] = relationship(foreign_keys=[set_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class PublishClaim(Base):
    """One post's sending: unique per post, so the second PC's insert fails before anything is sent."""

    __tablename__ = "publish_claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(20))  # domain.publication.ClaimState
    platform: Mapped[str] = mapped_column(String(20))
    content_sha256: Mapped[str] = mapped_column(String(64))
    claimed_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    host: Mapped[str] = mapped_column(String(200))
    remote_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    remote_url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    problem: Mapped[str] = mapped_column(Text, default="", server_default="")  # why the state is unknown
    checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # last 公開状態の確認
    check_result: Mapped[str] = mapped_column(Text, default="", server_default="")

    claimed_by: Mapped[User] = relationship(foreign_keys=[claimed_by_id])
