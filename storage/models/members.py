"""The people who talk to the bot: members, what they follow and answer, their groups."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, BigInteger, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Id, stored_enum, utcnow

if TYPE_CHECKING:
    from storage.models.network import Municipality, Workshop


class Role(enum.StrEnum):
    """What a member may do; administrators also come from BOT_ADMIN_IDS."""

    PARTICIPANT = "participant"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


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
    role: Mapped[Role] = mapped_column(stored_enum(Role, "member_role"), default=Role.PARTICIPANT)
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


class WorkshopRepresentative(Base):
    """A member chosen to represent a workshop: they may run its meetings and tell its members.

    The role is this link, not a value of `Member.role`: one person may represent several
    workshops, and a coordinator's role does not depend on it.
    """

    __tablename__ = "workshop_representative"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), primary_key=True
    )
    # The Telegram id of the administrator or coordinator who granted it.
    granted_by: Mapped[int | None] = mapped_column(BigInteger)
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


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
        stored_enum(SubscriptionSource, "subscription_source"),
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


class RsvpAnswer(enum.StrEnum):
    """A member's answer to "are you coming?"."""

    GOING = "going"
    NOT_GOING = "not_going"
    MAYBE = "maybe"


class Rsvp(Base):
    """A member's answer for one meeting; the latest answer counts."""

    __tablename__ = "rsvp"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    answer: Mapped[RsvpAnswer] = mapped_column(stored_enum(RsvpAnswer, "rsvp_answer"))
    answered_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ForgottenCount(Base):
    """What remains of members who asked to be forgotten: counts, nothing personal."""

    __tablename__ = "forgotten_count"

    what: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
