"""SQLAlchemy 2 typed models.  The schema itself is created and upgraded only by the Alembic migrations in
:mod:`sns_desk.migrations`; a test checks that the migrations and these models agree.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, declared_attr, mapped_column, relationship

from sns_desk.domain import visibility
from sns_desk.domain.vocabulary import (
    AccountStatus,
    ChecklistKey,
    ChecklistState,
    DecisionKind,
    IncidentType,
    InquiryChannel,
    InquiryKind,
    Platform,
    PolicyStatus,
    PostStatus,
    Role,
    ScopeAction,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC, always handed out as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


# The columns that recur: a surrogate key, a reference to the person who did something, a moment stamped on insert,
# optional text (empty, never NULL), a flag and the row version for optimistic locking.
def _key() -> MappedColumn[Any]:
    return mapped_column(Integer, primary_key=True)


def _user_ref() -> MappedColumn[Any]:
    return mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))


def _stamp() -> MappedColumn[Any]:
    return mapped_column(UTCDateTime, default=utcnow)


def _text() -> MappedColumn[Any]:
    return mapped_column(Text, default="", server_default="")


def _string(length: int) -> MappedColumn[Any]:
    return mapped_column(String(length), default="", server_default="")


def _flag(default: bool) -> MappedColumn[Any]:
    return mapped_column(Boolean, default=default, server_default="1" if default else "0")


class Versioned:
    """A row that several people change: its version makes a save based on a stale read fail (optimistic locking)
    instead of overwriting the other person's change."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class AppMeta(Base):
    """Key/value facts about the database itself: its id and its SQLite storage mode."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Department(Base):
    """局 (parent is None) or 課 (parent is its 局)."""

    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_departments_parent_name"),)

    id: Mapped[int] = _key()
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = _stamp()

    parent: Mapped[Department | None] = relationship(remote_side=[id])

    @property
    def full_name(self) -> str:
        return f"{self.parent.name} {self.name}" if self.parent else self.name


class User(Versioned, Base):
    __tablename__ = "users"

    id: Mapped[int] = _key()
    login: Mapped[str] = mapped_column(String(150), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"))
    email: Mapped[str] = _string(200)
    phone: Mapped[str] = _string(50)
    is_admin: Mapped[bool] = _flag(False)
    is_pr: Mapped[bool] = _flag(False)
    is_contractor: Mapped[bool] = _flag(False)
    contractor_ack_on: Mapped[datetime | None] = mapped_column(UTCDateTime)
    contractor_ack_by_id: Mapped[int | None] = _user_ref()
    active: Mapped[bool] = _flag(True)
    created_at: Mapped[datetime] = _stamp()

    department: Mapped[Department | None] = relationship(foreign_keys=[department_id])

    def global_roles(self) -> set[Role]:
        return visibility.global_roles(self)


class Account(Versioned, Base):
    """公式アカウント (§3).  Minimal for now; the accounts work grows it."""

    __tablename__ = "accounts"

    id: Mapped[int] = _key()
    platform: Mapped[Platform] = mapped_column(_enum(Platform, "platform"))
    name: Mapped[str] = mapped_column(String(200))
    handle: Mapped[str] = _string(200)
    url: Mapped[str] = _string(500)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="RESTRICT"))
    status: Mapped[AccountStatus] = mapped_column(
        _enum(AccountStatus, "account_status"), default=AccountStatus.REQUESTED
    )
    created_at: Mapped[datetime] = _stamp()
    requested_by_id: Mapped[int | None] = _user_ref()
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # 責任者 approved the opening
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # first became 運用中
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status_reason: Mapped[str] = _text()
    activation_override: Mapped[str] = _text()
    activation_override_by_id: Mapped[int | None] = _user_ref()
    allow_self_approval: Mapped[bool] = _flag(False)
    # §9(2): how often the account's 管理者 checks it (days), set by the 管理者
    monitoring_interval_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    opening_report_required: Mapped[bool] = _flag(False)  # §3(2): 運用中 waits for the opening report
    manager_absent: Mapped[bool] = _flag(False)  # 代決: the 管理者 is marked away
    deputies_always: Mapped[bool] = _flag(
        False
    )  # 代決: the deputies may decide even while the 管理者 is present
    allow_after_approval: Mapped[bool] = _flag(False)  # 事後承認: emergency posts may go out first (§5(9))

    department: Mapped[Department] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    members: Mapped[list[AccountMember]] = relationship(
        back_populates="account", cascade="all, delete-orphan"
    )


class AccountMember(Base):
    """A role a user holds on one account (PRODUCT.md §1: roles are given per account)."""

    __tablename__ = "account_members"
    __table_args__ = (
        UniqueConstraint("account_id", "user_id", "role", name="uq_account_members_assignment"),
    )

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role, "role"))
    assigned_at: Mapped[datetime] = _stamp()
    assigned_by_id: Mapped[int | None] = _user_ref()

    account: Mapped[Account] = relationship(back_populates="members")
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AuditEvent(Base):
    """One change, hash-chained to the one before it (see :mod:`sns_desk.audit`)."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ts: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, exactly as hashed
    actor: Mapped[str] = mapped_column(String(150), index=True)
    action: Mapped[str] = mapped_column(String(80), index=True)
    entity: Mapped[str] = mapped_column(String(80))
    entity_id: Mapped[str] = mapped_column(String(80))
    payload: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "ts": self.ts,
            "actor": self.actor,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "payload": self.payload,
            "prev_hash": self.prev_hash,
        }


class AccountPolicy(Versioned, Base):
    """One version of an account's 運用ポリシー (§3(1)); the content is :class:`sns_desk.policy.PolicyData` JSON."""

    __tablename__ = "account_policies"
    __table_args__ = (UniqueConstraint("account_id", "number", name="uq_account_policies_number"),)

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[PolicyStatus] = mapped_column(
        _enum(PolicyStatus, "policy_status"), default=PolicyStatus.DRAFT
    )
    data: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int] = _user_ref()
    created_at: Mapped[datetime] = _stamp()
    updated_at: Mapped[datetime] = _stamp()
    approved_by_id: Mapped[int | None] = _user_ref()
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("account_id", "item", name="uq_checklist_items_item"),)

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    item: Mapped[ChecklistKey] = mapped_column(_enum(ChecklistKey, "checklist_key"))
    state: Mapped[ChecklistState] = mapped_column(_enum(ChecklistState, "checklist_state"))
    url: Mapped[str] = _string(500)
    note: Mapped[str] = _text()
    updated_by_id: Mapped[int] = _user_ref()
    updated_at: Mapped[datetime] = _stamp()

    updated_by: Mapped[User] = relationship()


class CredentialRecord(Base):
    """That an account's login is in the OS keyring: who set it and when.  Never the secret itself (§3(3)ウ)."""

    __tablename__ = "credential_records"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True)
    set_by_id: Mapped[int] = _user_ref()
    set_at: Mapped[datetime] = _stamp()
    rotated_at: Mapped[datetime] = _stamp()
    backend: Mapped[str] = _string(200)

    set_by: Mapped[User] = relationship()


class StandingScope(Versioned, Base):
    """事前承認の適用範囲 (§5(2)): posts that fill this template (fixed text, typed ``slots``) may go out without a
    fresh approval.  ``slots`` NULL: a scope from before templates, which approves nothing by itself.  ``number``
    is the version in force (:class:`ScopeVersion`); ``version`` is only the optimistic lock."""

    __tablename__ = "standing_scopes"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    categories: Mapped[str] = _text()  # one per line
    template: Mapped[str] = _text()
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int] = _user_ref()
    approved_at: Mapped[datetime] = _stamp()
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    slots: Mapped[str | None] = mapped_column(Text)  # JSON of domain.scope_templates.Slot
    review_days: Mapped[int] = mapped_column(Integer, default=3, server_default="3")  # working days
    number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    approved_by: Mapped[User] = relationship()


class ScopeVersion(Base):
    """One 管理者 decision on a standing scope (承認, 変更, 取り消し), kept as it was decided and signed with the
    電子印鑑; a post approved by the scope records the number in force."""

    __tablename__ = "scope_versions"
    __table_args__ = (UniqueConstraint("scope_id", "number", name="uq_scope_versions_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope_id: Mapped[int] = mapped_column(ForeignKey("standing_scopes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    action: Mapped[ScopeAction] = mapped_column(_enum(ScopeAction, "scope_action"))
    title: Mapped[str] = mapped_column(String(200))
    categories: Mapped[str] = mapped_column(Text, default="", server_default="")
    template: Mapped[str] = mapped_column(Text, default="", server_default="")
    slots: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    review_days: Mapped[int] = mapped_column(Integer, default=3, server_default="3")
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    decided_by: Mapped[User] = relationship()


class Post(Versioned, Base):
    __tablename__ = "posts"
    # an account's latest posts (the repetition check of §5(5) in the editor's live checks), 0023
    __table_args__ = (
        Index("ix_posts_account_id_updated_at", "account_id", "updated_at"),
        # the 投稿実績's order and period (report_queries._when, then the id), streamed without a sort, 0029
        Index("ix_posts_when_id", text("coalesce(published_at, planned_at, created_at)"), "id"),
    )

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    status: Mapped[PostStatus] = mapped_column(
        _enum(PostStatus, "post_status"), default=PostStatus.DRAFT, index=True
    )
    title: Mapped[str] = _string(200)
    body: Mapped[str] = _text()
    category: Mapped[str] = _string(100)
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    emergency: Mapped[bool] = _flag(False)
    emergency_reason: Mapped[str] = _text()
    scope_id: Mapped[int | None] = mapped_column(ForeignKey("standing_scopes.id", ondelete="RESTRICT"))
    scope_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    scope_reviewed_by_id: Mapped[int | None] = _user_ref()
    # why the chosen scope did not approve the post at its last submission (Japanese; shown to the 管理者)
    scope_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    # indexed (0023): opening a post looks for its corrections
    correction_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="RESTRICT"), index=True
    )
    correction_reason: Mapped[str] = _text()  # what was wrong in the corrected post (§8(2))
    self_check: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # confirmed §6 item ids
    warning_reasons: Mapped[str] = mapped_column(
        Text, default="{}", server_default="{}"
    )  # finding key -> reason
    findings: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # at submission
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    published_url: Mapped[str] = _string(500)
    published_by_id: Mapped[int | None] = _user_ref()
    deleted_reason: Mapped[str] = _text()
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = _stamp()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    account: Mapped[Account] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    scope: Mapped[StandingScope | None] = relationship()


class PostRevision(Base):
    """Every save of a post, kept whole (diffable)."""

    __tablename__ = "post_revisions"
    __table_args__ = (UniqueConstraint("post_id", "number", name="uq_post_revisions_number"),)

    id: Mapped[int] = _key()
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = _string(200)
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = _string(100)
    planned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    emergency: Mapped[bool] = _flag(False)
    emergency_reason: Mapped[str] = _text()
    saved_by_id: Mapped[int] = _user_ref()
    saved_at: Mapped[datetime] = _stamp()

    saved_by: Mapped[User] = relationship()


class ImageBlob(Base):
    """An image's bytes by content hash: a revision names its images by hash, so an image removed from the post
    stays readable in the revisions (and in what an approval's 電子印鑑 covers)."""

    __tablename__ = "image_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    mime: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RevisionImage(Base):
    """One image of a revision, in the order the post shows them."""

    __tablename__ = "revision_images"
    __table_args__ = (UniqueConstraint("revision_id", "position", name="uq_revision_images_position"),)

    id: Mapped[int] = _key()
    revision_id: Mapped[int] = mapped_column(ForeignKey("post_revisions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(ForeignKey("image_blobs.sha256", ondelete="RESTRICT"))


class RevisionView(Base):
    """The last revision of a post each approver has seen in the approval view (the base of their next diff when
    no revision was approved yet)."""

    __tablename__ = "revision_views"
    __table_args__ = (UniqueConstraint("post_id", "user_id", name="uq_revision_views_post_user"),)

    id: Mapped[int] = _key()
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = _user_ref()
    revision_number: Mapped[int] = mapped_column(Integer)
    seen_at: Mapped[datetime] = _stamp()


class PostDecision(Base):
    __tablename__ = "post_decisions"

    id: Mapped[int] = _key()
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    revision_number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[DecisionKind] = mapped_column(_enum(DecisionKind, "decision_kind"))
    comment: Mapped[str] = _text()
    decided_by_id: Mapped[int] = _user_ref()
    decided_at: Mapped[datetime] = _stamp()
    scope_id: Mapped[int | None] = mapped_column(ForeignKey("standing_scopes.id", ondelete="RESTRICT"))
    scope_number: Mapped[int | None] = mapped_column(Integer)  # the ScopeVersion in force
    deputy_for: Mapped[str] = _string(300)  # 代決: the 管理者 the decider stood in for ("" if not a 代決)

    decided_by: Mapped[User] = relationship()


class Attachment(Base):
    """An image attached to a post, stored in the database (size-limited) so every PC sees it."""

    __tablename__ = "attachments"

    id: Mapped[int] = _key()
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_id: Mapped[int] = _user_ref()
    added_at: Mapped[datetime] = _stamp()


class ReportRecord(Base):
    """A workbook that was exported: what, for whom, by whom, when, and the SHA-256 of the file."""

    __tablename__ = "report_records"

    id: Mapped[int] = _key()
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    filename: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_by_id: Mapped[int] = _user_ref()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    created_by: Mapped[User] = relationship()


class Incident(Versioned, Base):
    __tablename__ = "incidents"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    type: Mapped[IncidentType] = mapped_column(_enum(IncidentType, "incident_type"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = _text()
    serious: Mapped[bool] = _flag(False)
    opened_by_id: Mapped[int] = _user_ref()
    opened_at: Mapped[datetime] = _stamp()
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_by_id: Mapped[int | None] = _user_ref()
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledgement: Mapped[str] = _text()  # the 責任者's instructions
    closed_by_id: Mapped[int | None] = _user_ref()
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closing_note: Mapped[str] = _text()

    account: Mapped[Account] = relationship()
    opened_by: Mapped[User] = relationship(foreign_keys=[opened_by_id])
    acknowledged_by: Mapped[User | None] = relationship(foreign_keys=[acknowledged_by_id])
    actions: Mapped[list[IncidentAction]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="IncidentAction.position"
    )


class IncidentAction(Base):
    """One action the guideline asks for this type of trouble, ticked with who, when and a reference."""

    __tablename__ = "incident_actions"
    __table_args__ = (UniqueConstraint("incident_id", "key", name="uq_incident_actions_key"),)

    id: Mapped[int] = _key()
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    done: Mapped[bool] = _flag(False)
    done_by_id: Mapped[int | None] = _user_ref()
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reference: Mapped[str] = _text()
    # when the retention purge erased the reference (a §8(3) record holds a citizen's words)
    reference_purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    incident: Mapped[Incident] = relationship(back_populates="actions")
    done_by: Mapped[User | None] = relationship()


class Inquiry(Versioned, Base):
    """A comment, message, call or e-mail (§7); the content is purged after the retention period."""

    __tablename__ = "inquiries"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    channel: Mapped[InquiryChannel] = mapped_column(_enum(InquiryChannel, "inquiry_channel"))
    kind: Mapped[InquiryKind] = mapped_column(_enum(InquiryKind, "inquiry_kind"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    content: Mapped[str] = _text()
    response: Mapped[str] = _text()
    forwarded_to: Mapped[str] = _string(200)
    forwarded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    logged_by_id: Mapped[int] = _user_ref()
    purged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    account: Mapped[Account] = relationship()
    logged_by: Mapped[User] = relationship()


class MonitoringRecord(Base):
    """§9(2): the 管理者's periodic check that the account is run within the guideline."""

    __tablename__ = "monitoring_records"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    checked_by_id: Mapped[int] = _user_ref()
    problems_found: Mapped[bool] = _flag(False)
    note: Mapped[str] = _text()  # what was found (問題あり), or a remark
    # recorded as free text before the structured result (issue 16): its result was read from the words
    legacy: Mapped[bool] = _flag(False)

    checked_by: Mapped[User] = relationship()


class SigningKey(Base):
    """A person's public key for the 電子印鑑 (one per PC they decide on); the private key stays in that PC's
    OS keyring (see :mod:`sns_desk.signing`)."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = _key()
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    public_key: Mapped[str] = mapped_column(String(64), unique=True)  # raw Ed25519 key, hex
    fingerprint: Mapped[str] = mapped_column(String(19))
    created_at: Mapped[datetime] = _stamp()

    user: Mapped[User] = relationship()


class DecisionSignature(Base):
    """The signature over one decision's content, made in the decision's own transaction."""

    __tablename__ = "decision_signatures"
    __table_args__ = (UniqueConstraint("audit_seq", "kind", name="uq_decision_signatures_event_kind"),)

    id: Mapped[int] = _key()
    audit_seq: Mapped[int] = mapped_column(Integer, index=True)  # the decision's audit event
    kind: Mapped[str] = mapped_column(String(30))
    subject_id: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    signer_id: Mapped[int] = _user_ref()
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_keys.id", ondelete="RESTRICT"))
    role: Mapped[str] = mapped_column(String(30))
    permission: Mapped[str] = mapped_column(String(50))
    content: Mapped[str] = mapped_column(Text)  # canonical JSON, exactly as signed
    signature: Mapped[str] = mapped_column(String(128))  # Ed25519, hex
    signed_at: Mapped[datetime] = _stamp()


class AccountDeputy(Base):
    """代決: a person the account names to decide on its posts in the 管理者's stead, for a period (§5(1))."""

    __tablename__ = "account_deputies"

    id: Mapped[int] = _key()
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = _user_ref()
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime)
    valid_until: Mapped[datetime] = mapped_column(UTCDateTime)
    named_by_id: Mapped[int] = _user_ref()
    named_at: Mapped[datetime] = _stamp()

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class EmergencyStop(Base):
    """緊急停止: scheduled posts of one account (or of all, ``account_id`` None) held until released."""

    __tablename__ = "emergency_stops"

    id: Mapped[int] = _key()
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    reason: Mapped[str] = _text()
    stopped_by_id: Mapped[int] = _user_ref()
    stopped_at: Mapped[datetime] = _stamp()
    released_by_id: Mapped[int | None] = _user_ref()
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    release_reason: Mapped[str] = _text()

    account: Mapped[Account | None] = relationship()
    stopped_by: Mapped[User] = relationship(foreign_keys=[stopped_by_id])
    released_by: Mapped[User | None] = relationship(foreign_keys=[released_by_id])
