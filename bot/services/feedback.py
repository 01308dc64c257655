"""Feedback after a meeting: a grade 1–5 and an optional comment from those it concerned,
and the results per meeting for those who may see them.

A member gives one grade per meeting; giving again changes it (the latest counts). A
grade by button waits a while for a comment as the member's next message; the typed form
`/feedback MEETING GRADE [COMMENT]` gives both at once. Results never name anyone.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.planning.feedback import of_its_municipalities, said_going
from bot.services.members import Person, member_of
from bot.services.minutes import has_started
from bot.services.permissions import Action, permitted
from storage.models import Meeting, MeetingFeedback, MeetingStatus, Member, Subscription

GRADES = range(1, 6)
# How long after a grade by button the member's next message is taken as its comment.
COMMENT_WAIT = timedelta(minutes=30)
COMMENT_LIMIT = 1000


class FeedbackRefused(Exception):
    """Why feedback is not taken: a message key (`feedback-…`) and its values."""

    def __init__(self, key: str, **values: str | int) -> None:
        super().__init__(key)
        self.key = f"feedback-{key}"
        self.values = values


async def in_audience(session: AsyncSession, meeting: Meeting, member: Member) -> bool:
    """Whether the meeting concerned the member: they said they would come, follow its
    workshop, or live in one of its municipalities."""
    if not member.active:
        return False
    going = said_going(meeting.id).where(Member.id == member.id)
    towns = of_its_municipalities(meeting.workshop_id).where(Member.id == member.id)
    follows = select(Subscription.member_id).where(
        Subscription.member_id == member.id, Subscription.workshop_id == meeting.workshop_id
    )
    for query in (going, towns, follows):
        if (await session.execute(query.limit(1))).first() is not None:
            return True
    return False


async def _giver(
    session: AsyncSession, person: Person, meeting: Meeting, *, now: datetime, zone: ZoneInfo
) -> Member:
    """The member giving feedback; refused for a meeting not held or not theirs."""
    if meeting.status != MeetingStatus.SCHEDULED:
        raise FeedbackRefused("cancelled", meeting=meeting.id)
    if not has_started(meeting, now, zone):
        raise FeedbackRefused("not-yet", meeting=meeting.id)
    member = await member_of(session, person)
    if not await in_audience(session, meeting, member):
        raise FeedbackRefused("not-for-you", meeting=meeting.id)
    return member


async def give(
    session: AsyncSession,
    person: Person,
    meeting_id: int,
    grade: int,
    comment: str | None = None,
    *,
    now: datetime,
    zone: ZoneInfo,
    by_button: bool = False,
) -> tuple[Meeting, MeetingFeedback]:
    """Record (or change) the member's grade. Typed, the comment is given with it (none
    clears an earlier one); by button, the comment stays and the next message may add one."""
    if grade not in GRADES:
        raise FeedbackRefused("bad-grade")
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        raise FeedbackRefused("unknown", meeting=str(meeting_id))
    member = await _giver(session, person, meeting, now=now, zone=zone)
    feedback = await session.scalar(
        select(MeetingFeedback).where(
            MeetingFeedback.meeting_id == meeting.id, MeetingFeedback.member_id == member.id
        )
    )
    if feedback is None:
        feedback = MeetingFeedback(meeting_id=meeting.id, member_id=member.id, grade=grade)
        session.add(feedback)
    feedback.grade = grade
    feedback.given_at = now
    if by_button:
        feedback.comment_wanted_until = now + COMMENT_WAIT
    else:
        feedback.comment = (comment or "").strip()[:COMMENT_LIMIT] or None
        feedback.comment_wanted_until = None
    await session.flush()
    return meeting, feedback


async def awaited_comment(
    session: AsyncSession, person: Person, now: datetime
) -> MeetingFeedback | None:
    """The feedback whose comment the person's next message is, if any."""
    return await session.scalar(
        select(MeetingFeedback)
        .join(Member, Member.id == MeetingFeedback.member_id)
        .where(
            Member.telegram_id == person.telegram_id,
            MeetingFeedback.comment_wanted_until > now,
        )
        .order_by(MeetingFeedback.comment_wanted_until.desc())
        .limit(1)
    )


async def add_comment(
    session: AsyncSession, feedback: MeetingFeedback, text: str, now: datetime
) -> None:
    """The awaited comment."""
    feedback.comment = text.strip()[:COMMENT_LIMIT] or None
    feedback.comment_wanted_until = None
    feedback.given_at = now
    await session.flush()


async def stop_waiting(session: AsyncSession, person: Person, meeting_id: int) -> bool:
    """No comment after all; False when none was awaited."""
    feedback = await session.scalar(
        select(MeetingFeedback)
        .join(Member, Member.id == MeetingFeedback.member_id)
        .where(
            Member.telegram_id == person.telegram_id,
            MeetingFeedback.meeting_id == meeting_id,
            MeetingFeedback.comment_wanted_until.is_not(None),
        )
    )
    if feedback is None:
        return False
    feedback.comment_wanted_until = None
    await session.flush()
    return True


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackResults:
    """A meeting's feedback: how many, the average, how many gave each grade, the comments."""

    meeting: Meeting
    count: int
    average: float | None
    distribution: dict[int, int] = field(default_factory=dict)
    comments: tuple[str, ...] = ()


async def may_see_results(session: AsyncSession, person: Person, meeting: Meeting) -> None:
    """Who may see a meeting's feedback: coordinators, administrators and the workshop's
    representatives. A refusal is logged and raised."""
    await permitted(
        session,
        person,
        Action.FEEDBACK,
        workshop_id=meeting.workshop_id,
        target=f"meeting {meeting.id}",
    )


async def results(session: AsyncSession, person: Person, meeting: Meeting) -> FeedbackResults:
    """The meeting's feedback for someone who may see it; comments sorted, without names."""
    await may_see_results(session, person, meeting)
    rows = (
        await session.execute(
            select(MeetingFeedback.grade, MeetingFeedback.comment).where(
                MeetingFeedback.meeting_id == meeting.id
            )
        )
    ).all()
    grades = [grade for grade, _ in rows]
    distribution = {grade: grades.count(grade) for grade in GRADES}
    average = sum(grades) / len(grades) if grades else None
    # Sorted, so that their order tells nothing of who gave them or when.
    comments = tuple(sorted(comment for _, comment in rows if comment))
    return FeedbackResults(meeting, len(grades), average, distribution, comments)


async def summaries(
    session: AsyncSession, meeting_ids: Collection[int]
) -> dict[int, tuple[int, float]]:
    """(count, average) of the meetings that have feedback, by meeting id (for /archive)."""
    if not meeting_ids:
        return {}
    rows = await session.execute(
        select(
            MeetingFeedback.meeting_id,
            func.count(),
            func.avg(MeetingFeedback.grade),
        )
        .where(MeetingFeedback.meeting_id.in_(list(meeting_ids)))
        .group_by(MeetingFeedback.meeting_id)
    )
    return {meeting_id: (count, float(average)) for meeting_id, count, average in rows}
