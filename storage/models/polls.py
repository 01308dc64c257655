"""Date polls: a coordinator's candidate dates for a workshop's meetings, and the answers.

A candidate is stored as the wall-clock date and times in the network's zone, never as an
instant, so that no answer or rendering shifts a day across a change of summer time.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time

from sqlalchemy import BigInteger, Date, ForeignKey, String, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Id, stored_enum, utcnow


class PollState(enum.StrEnum):
    """Where a poll is: in its preview, asked, or dropped before it was sent."""

    DRAFT = "draft"
    OPEN = "open"
    CANCELLED = "cancelled"


class PollAnswer(enum.StrEnum):
    """A member's answer for one candidate date."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class DatePoll(Base):
    """A poll on meeting dates for one workshop; its number is its id.

    It is open until its deadline or until a coordinator closes it with /closepoll;
    `closed_at` is set only by /closepoll (the deadline closes it by the clock alone).
    """

    __tablename__ = "date_poll"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    state: Mapped[PollState] = mapped_column(
        stored_enum(PollState, "poll_state"), default=PollState.DRAFT
    )
    deadline: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # The coordinator's message that became the poll's live results at Confirm.
    status_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    status_message_id: Mapped[int | None] = mapped_column(BigInteger)

    candidates: Mapped[list[PollCandidate]] = relationship(
        back_populates="poll", order_by="PollCandidate.number", cascade="all, delete-orphan"
    )


class PollCandidate(Base):
    """One proposed date: local date, local times (none: the time is not decided), host town."""

    __tablename__ = "poll_candidate"
    __table_args__ = (UniqueConstraint("poll_id", "number"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("date_poll.id", ondelete="CASCADE"))
    # 1, 2, … in the order the coordinator wrote them; what /vote and /closepoll name.
    number: Mapped[int]
    day: Mapped[date] = mapped_column(Date)
    starts: Mapped[time | None] = mapped_column(Time)
    ends: Mapped[time | None] = mapped_column(Time)
    town: Mapped[str | None] = mapped_column(String(100))
    # The meeting /closepoll made of it.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    poll: Mapped[DatePoll] = relationship(back_populates="candidates")


class PollVote(Base):
    """A member's answer for one candidate; the latest answer counts."""

    __tablename__ = "poll_vote"

    member_id: Mapped[int] = mapped_column(
        ForeignKey("member.id", ondelete="CASCADE"), primary_key=True
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("poll_candidate.id", ondelete="CASCADE"), primary_key=True
    )
    answer: Mapped[PollAnswer] = mapped_column(stored_enum(PollAnswer, "poll_answer"))
    answered_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
