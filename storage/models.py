"""The users' world as tables: networks, municipalities, workshops, meetings, members.

Every datetime is stored aware (UTC in the database, see `AwareDateTime`); a meeting's
local date is kept beside its start so that "time not decided" still has a day.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Constraint names that Alembic can find again, also on SQLite (batch mode needs them).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite gives rowid autoincrement only to INTEGER primary keys.
Id = BigInteger().with_variant(Integer(), "sqlite")


class AwareDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as UTC; SQLite returns it aware too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a time zone")
        utc = value.astimezone(UTC)
        # SQLite compares the stored text, so every value must be written the same way.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    """The current instant, aware."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base with the naming convention and the type map."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: AwareDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
        list[int]: JSON(),
    }


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Plain strings with a CHECK: readable in psql, no native enum types to migrate.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=20,
        values_callable=lambda members: [m.value for m in members],
    )


class MeetingStatus(enum.StrEnum):
    """Whether a meeting takes place."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    """What a member may do; administrators also come from BOT_ADMIN_IDS."""

    PARTICIPANT = "participant"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class OutboxStatus(enum.StrEnum):
    """Where an outgoing message is on its way."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class RsvpAnswer(enum.StrEnum):
    """A member's answer to "are you coming?"."""

    GOING = "going"
    NOT_GOING = "not_going"
    MAYBE = "maybe"


class Network(Base):
    """A regional network of municipalities, such as ARVO."""

    __tablename__ = "network"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Helsinki")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    municipalities: Mapped[list[Municipality]] = relationship(
        back_populates="network", order_by="Municipality.name"
    )
    workshops: Mapped[list[Workshop]] = relationship(
        back_populates="network", order_by="Workshop.position"
    )
    coordinators: Mapped[list[Coordinator]] = relationship(
        back_populates="network", order_by="Coordinator.position"
    )


class Municipality(Base):
    """A member town; bilingual ones have a Swedish name too (Raasepori = Raseborg)."""

    __tablename__ = "municipality"
    __table_args__ = (UniqueConstraint("network_id", "name"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    name_sv: Mapped[str | None] = mapped_column(String(100))

    network: Mapped[Network] = relationship(back_populates="municipalities")
    workshops: Mapped[list[Workshop]] = relationship(
        secondary="workshop_municipality", back_populates="municipalities"
    )


workshop_municipality = Table(
    "workshop_municipality",
    Base.metadata,
    Column("workshop_id", ForeignKey("workshop.id", ondelete="CASCADE"), primary_key=True),
    Column("municipality_id", ForeignKey("municipality.id", ondelete="CASCADE"), primary_key=True),
)


class Workshop(Base):
    """A theme workshop (teemaverstas) with its member municipalities and meetings."""

    __tablename__ = "workshop"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    name_sv: Mapped[str | None] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str | None] = mapped_column(Text)
    # The order of the schedule file, which is the order coordinators think in.
    position: Mapped[int] = mapped_column(default=0)

    network: Mapped[Network] = relationship(back_populates="workshops")
    municipalities: Mapped[list[Municipality]] = relationship(
        secondary="workshop_municipality", back_populates="workshops", order_by="Municipality.name"
    )
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="workshop", order_by="Meeting.date", cascade="all, delete-orphan"
    )


class Meeting(Base):
    """One meeting of a workshop; `starts_at` is empty while the time is not decided."""

    __tablename__ = "meeting"
    __table_args__ = (
        UniqueConstraint("workshop_id", "key"),
        Index("ix_meeting_date", "date"),
        # /next: the first upcoming meeting of each workshop is one seek away.
        Index("ix_meeting_workshop_id_date", "workshop_id", "date"),
        # The towns where meetings are held, read for every question.
        Index("ix_meeting_place", "place"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(64))
    date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    title: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    agenda: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[MeetingStatus] = mapped_column(
        _enum(MeetingStatus, "meeting_status"), default=MeetingStatus.SCHEDULED
    )
    # Bumped on every change of time, place or status, so that each change notice is
    # its own outbox row.
    revision: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workshop: Mapped[Workshop] = relationship(back_populates="meetings")


class Member(Base):
    """Someone who talks to the bot, identified by their Telegram user id."""

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(2), default="fi")
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="SET NULL")
    )
    role: Mapped[Role] = mapped_column(_enum(Role, "member_role"), default=Role.PARTICIPANT)
    # False once Telegram says the member blocked the bot; nothing is sent to them then.
    active: Mapped[bool] = mapped_column(default=True)
    # None means the network's REMINDER_OFFSETS; an empty list means "no reminders".
    reminder_offsets: Mapped[list[int] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    municipality: Mapped[Municipality | None] = relationship()
    subscriptions: Mapped[list[Subscription]] = relationship(
        back_populates="member", cascade="all, delete-orphan"
    )


class SubscriptionSource(enum.StrEnum):
    """Why a member follows a workshop."""

    # Their municipality takes part: changes with the municipality.
    MUNICIPALITY = "municipality"
    # They joined it themselves (/join): stays when the municipality changes.
    JOINED = "joined"


class Subscription(Base):
    """A member follows a workshop: they get its reminders and see it in /next."""

    __tablename__ = "subscription"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), primary_key=True
    )
    source: Mapped[SubscriptionSource] = mapped_column(
        _enum(SubscriptionSource, "subscription_source"),
        default=SubscriptionSource.MUNICIPALITY,
        server_default=SubscriptionSource.MUNICIPALITY.value,
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    member: Mapped[Member] = relationship(back_populates="subscriptions")
    workshop: Mapped[Workshop] = relationship()


class GroupChat(Base):
    """A Telegram group the bot is in; linked to a workshop, it gets that workshop's news."""

    __tablename__ = "group_chat"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshop.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(2), default="fi")
    # False once the bot is removed from the group.
    active: Mapped[bool] = mapped_column(default=True)
    linked_by: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    workshop: Mapped[Workshop | None] = relationship()


class Coordinator(Base):
    """A contact person shown by /contact; a Telegram id also gives the coordinator role."""

    __tablename__ = "coordinator"
    __table_args__ = (UniqueConstraint("network_id", "name"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(default=0)

    network: Mapped[Network] = relationship(back_populates="coordinators")


class AnnouncementState(enum.StrEnum):
    """Where an announcement is: being prepared, on its way, or called off."""

    DRAFT = "draft"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class Announcement(Base):
    """A coordinator's broadcast: its text, its audience and where its status is shown.

    A draft is also the state of the /broadcast dialogue: the audience buttons change it,
    Confirm plans it into the outbox. It lives in the database, so any instance can
    take the next step.
    """

    __tablename__ = "announcement"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    state: Mapped[AnnouncementState] = mapped_column(
        _enum(AnnouncementState, "announcement_state"),
        default=AnnouncementState.DRAFT,
        server_default=AnnouncementState.DRAFT.value,
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    workshop_id: Mapped[int | None] = mapped_column(ForeignKey("workshop.id", ondelete="SET NULL"))
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="SET NULL")
    )
    attachment_file_id: Mapped[str | None] = mapped_column(String(300))
    attachment_kind: Mapped[str | None] = mapped_column(String(20))
    status_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Who did what and when: every coordinator and administrator action, refusals too."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_at", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_telegram_id: Mapped[int] = mapped_column(BigInteger)
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(64))
    # What it was about (a meeting, an announcement, a user) and to whom it went.
    target: Mapped[str] = mapped_column(String(300), default="")
    audience: Mapped[str] = mapped_column(String(300), default="")
    allowed: Mapped[bool] = mapped_column(default=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class Invite(Base):
    """A one-time link that makes whoever opens it a coordinator."""

    __tablename__ = "invite"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_by: Mapped[int | None] = mapped_column(BigInteger)
    used_at: Mapped[datetime | None]


class PendingImport(Base):
    """A schedule file sent to the bot, checked and waiting for the coordinator's Confirm."""

    __tablename__ = "pending_import"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger)
    file_name: Mapped[str] = mapped_column(String(300))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Minutes(Base):
    """The minutes of a past meeting: text (Telegram HTML), a document, or both.

    One row per meeting; attaching again replaces the text or the document it brings.
    The document's bytes are kept beside its `file_id`: a file_id is valid only for the
    bot that received the file, so after a change of token the bot uploads the bytes again.
    """

    __tablename__ = "minutes"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str | None] = mapped_column(Text)
    file_id: Mapped[str | None] = mapped_column(String(300))
    file_name: Mapped[str | None] = mapped_column(String(300))
    file_content: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Who attached the latest version; personal data (in /mydata, cleared by /forget).
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    attached_at: Mapped[datetime] = mapped_column(default=utcnow)
    # 1 when first attached, bumped by every replacement (the audit log says who and when).
    version: Mapped[int] = mapped_column(default=1)


class MinutesRequest(Base):
    """A coordinator typed `/minutes KEY` alone: their next text or file is the minutes.

    The dialogue's state is here, not in memory, so any instance can take the next message.
    """

    __tablename__ = "minutes_request"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Outbox(Base):
    """One message the bot sends on its own initiative; see DESIGN.md, "One outbox"."""

    __tablename__ = "outbox"
    __table_args__ = (
        # Planning the same message twice is a no-op.
        UniqueConstraint("kind", "chat_id", "subject", "offset_seconds"),
        Index("ix_outbox_status_due_at", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    announcement_id: Mapped[int | None] = mapped_column(
        ForeignKey("announcement.id", ondelete="CASCADE")
    )
    subject: Mapped[str] = mapped_column(String(100))
    offset_seconds: Mapped[int] = mapped_column(default=0)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime]
    status: Mapped[OutboxStatus] = mapped_column(
        _enum(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ForgottenCount(Base):
    """What remains of members who asked to be forgotten: counts, nothing personal."""

    __tablename__ = "forgotten_count"

    what: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)


class SendBudget(Base):
    """The next free moment to send at, shared by every instance's dispatcher.

    A dispatcher that claims n rows moves it n/rate seconds on and sends its rows in the
    slots it reserved, so that all instances together keep to one rate.
    """

    __tablename__ = "send_budget"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_slot_at: Mapped[datetime]


class Rsvp(Base):
    """A member's answer for one meeting; the latest answer counts."""

    __tablename__ = "rsvp"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    answer: Mapped[RsvpAnswer] = mapped_column(_enum(RsvpAnswer, "rsvp_answer"))
    answered_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
