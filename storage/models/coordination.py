"""The coordinators' work: announcements, invites, imports and minutes on their way, and
the audit log of who did what."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Id, stored_enum, utcnow


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
        stored_enum(AnnouncementState, "announcement_state"),
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


class MinutesRequest(Base):
    """A coordinator typed `/minutes KEY` alone: their next text or file is the minutes.

    The dialogue's state is here, not in memory, so any instance can take the next message.
    """

    __tablename__ = "minutes_request"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


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
