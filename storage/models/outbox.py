"""The outbox: every message the bot sends on its own initiative, and the shared budget
its dispatchers send by."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Id, stored_enum, utcnow


class OutboxStatus(enum.StrEnum):
    """Where an outgoing message is on its way."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class Outbox(Base):
    """One message the bot sends on its own initiative; see docs/architecture.md."""

    __tablename__ = "outbox"
    __table_args__ = (
        # Planning the same message twice is a no-op.
        UniqueConstraint("kind", "chat_id", "subject", "offset_seconds"),
        Index("ix_outbox_status_due_at", "status", "due_at"),
        # Planning reads a meeting's reminders chat range by chat range: at a start with
        # 100,000 members, without it every meeting's reading went through every reminder.
        Index("ix_outbox_meeting_id_chat_id", "meeting_id", "chat_id"),
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
        stored_enum(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SendBudget(Base):
    """The next free moment to send at, shared by every instance's dispatcher.

    A dispatcher that claims n rows moves it n/rate seconds on and sends its rows in the
    slots it reserved, so that all instances together keep to one rate.
    """

    __tablename__ = "send_budget"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_slot_at: Mapped[datetime]
