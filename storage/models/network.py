"""The network and its meetings: municipalities, workshops, meetings, their minutes and the
coordinators shown as contacts.

Every datetime is stored aware (UTC in the database, see `AwareDateTime`); a meeting's
local date is kept beside its start so that "time not decided" still has a day.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Id, stored_enum, utcnow


class MeetingStatus(enum.StrEnum):
    """Whether a meeting takes place."""

    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


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
    # Given once and never changed, so that a meeting moved in the chat is still itself.
    key: Mapped[str] = mapped_column(String(64))
    # The key the schedule file listed the meeting under at its last import (the file's
    # `key`, or the date it then had), and what the file said of it then; both empty for
    # a meeting the file has never listed. They tell a file that changed the meeting from
    # one that merely still says what it said before a change made in the chat.
    file_key: Mapped[str | None] = mapped_column(String(64))
    file_values: Mapped[dict[str, Any] | None]
    date: Mapped[date] = mapped_column(Date)
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    title: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(100))
    venue: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    agenda: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[MeetingStatus] = mapped_column(
        stored_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.SCHEDULED
    )
    # Bumped on every change of time, place or status, so that each change notice is
    # its own outbox row.
    revision: Mapped[int] = mapped_column(default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    workshop: Mapped[Workshop] = relationship(back_populates="meetings")


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


class Coordinator(Base):
    """A contact person shown by /contact; with a Telegram id, a candidate for the
    coordinator role, which an administrator's import gives."""

    __tablename__ = "coordinator"
    __table_args__ = (UniqueConstraint("network_id", "name"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("network.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(50))
    telegram_id: Mapped[int | None] = mapped_column(BigInteger)
    # The Telegram id an administrator's import gave the coordinator role to. A file names
    # an id; only an administrator's import makes it a role, once: re-importing the same
    # file does not undo a /demote.
    role_granted_to: Mapped[int | None] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(default=0)

    network: Mapped[Network] = relationship(back_populates="coordinators")
