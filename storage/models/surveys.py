"""The network asking itself: surveys with their questions and answers, and feedback
after meetings."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Id, stored_enum, utcnow


class SurveyState(enum.StrEnum):
    """Where a survey is: waiting for its author's Confirm, sent, or called off."""

    DRAFT = "draft"
    SENT = "sent"
    CANCELLED = "cancelled"


class QuestionKind(enum.StrEnum):
    """How a question is answered."""

    ONE = "one"
    SEVERAL = "several"
    SCALE = "scale"
    TEXT = "text"


class Survey(Base):
    """A coordinator's questions to the members of some workshops or municipalities.

    Its number is its id. A draft is also the state of the preview: Confirm plans it into
    the outbox, so any instance can take the next step.
    """

    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    state: Mapped[SurveyState] = mapped_column(
        stored_enum(SurveyState, "survey_state"), default=SurveyState.DRAFT
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300))
    anonymous: Mapped[bool] = mapped_column(default=False)
    # Answers are taken until this moment (the end of the deadline's day, local time).
    deadline: Mapped[datetime | None]
    # The audience: members following any of the workshops and living in any of the
    # municipalities; an empty list does not narrow.
    workshop_ids: Mapped[list[int]] = mapped_column(default=list)
    municipality_ids: Mapped[list[int]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]

    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="survey",
        cascade="all, delete-orphan",
        order_by="SurveyQuestion.position",
    )


class SurveyQuestion(Base):
    """One numbered question of a survey."""

    __tablename__ = "survey_question"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[QuestionKind] = mapped_column(stored_enum(QuestionKind, "question_kind"))
    scale_low: Mapped[int | None]
    scale_high: Mapped[int | None]

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list[SurveyOption]] = relationship(
        cascade="all, delete-orphan", order_by="SurveyOption.position"
    )


class SurveyOption(Base):
    """One numbered option of a choice question."""

    __tablename__ = "survey_option"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(String(300))


class SurveyResponse(Base):
    """One member's answers to one survey; there is at most one per member.

    In an anonymous survey `member_id` is empty and `respondent` is a keyed hash of the
    survey and the member: enough to keep one response each and to let its owner change
    it, but the database alone does not tell whose it is.
    """

    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "respondent"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    respondent: Mapped[str] = mapped_column(String(64))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    municipality_id: Mapped[int | None] = mapped_column(
        ForeignKey("municipality.id", ondelete="SET NULL")
    )
    # The free-text question whose answer the member's next message is.
    awaiting_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_question.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    answers: Mapped[list[SurveyAnswer]] = relationship(cascade="all, delete-orphan")


class SurveyAnswer(Base):
    """A response's answer to one question: options, a number on the scale, or words."""

    __tablename__ = "survey_answer"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"))
    # Option positions (1, 2, …) chosen; several until the member presses Done.
    options: Mapped[list[int]] = mapped_column(default=list)
    value: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)
    done: Mapped[bool] = mapped_column(default=True)


class MeetingFeedback(Base):
    """A member's grade (1–5) for a meeting, with an optional comment; the latest counts."""

    __tablename__ = "meeting_feedback"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    grade: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    given_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # After a grade by button, the member's next message (until then) is the comment.
    comment_wanted_until: Mapped[datetime | None]
