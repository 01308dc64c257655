"""RSVPs: a member's answer to "are you coming?" for one meeting."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.members import Person, member_of
from storage.models import Meeting, Rsvp, RsvpAnswer


async def answer_meeting(
    session: AsyncSession,
    person: Person,
    meeting_id: int,
    answer: RsvpAnswer,
) -> Meeting | None:
    """Store the answer (the latest counts); None if there is no such meeting."""
    meeting = await session.get(Meeting, meeting_id)
    if meeting is None:
        return None
    member = await member_of(session, person)
    rsvp = await session.get(Rsvp, (member.id, meeting.id))
    if rsvp is None:
        session.add(Rsvp(member_id=member.id, meeting_id=meeting.id, answer=answer))
    else:
        rsvp.answer = answer
    await session.flush()
    return meeting


async def answers_of(session: AsyncSession, meeting_id: int) -> dict[int, RsvpAnswer]:
    """Every member's answer for a meeting, by member id."""
    rows = await session.execute(
        select(Rsvp.member_id, Rsvp.answer).where(Rsvp.meeting_id == meeting_id)
    )
    return {member_id: answer for member_id, answer in rows}
