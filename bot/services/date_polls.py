"""Date polls: a coordinator proposes dates, the members of the workshop's municipalities
answer, and closing the poll makes the meetings.

A draft waits for the coordinator's Confirm like a broadcast; Confirm plans the poll, the
nudge and the result into the outbox. Whatever is refused records nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from bot.language.polls import CandidateLine
from bot.planning.planner import Planner
from bot.services.meeting_admin import add_meeting
from bot.services.members import Person, member_of
from bot.services.permissions import (
    Action,
    permitted,
    staff_or_representative,
)
from bot.services.staff import NotAllowed, audit
from storage.models import (
    DatePoll,
    Meeting,
    MeetingStatus,
    Member,
    PollAnswer,
    PollCandidate,
    PollState,
    PollVote,
    Workshop,
    workshop_municipality,
)

MIN_CANDIDATES = 2
MAX_CANDIDATES = 30


class PollRefused(Exception):
    """Why a poll action is not done: a text key and its values, told in one line."""

    def __init__(self, key: str, **params: str | int) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def wall_instant(day: date, clock: time | None, zone: ZoneInfo) -> datetime:
    """A candidate's start as an instant; a date without a time begins at midnight."""
    return datetime.combine(day, clock or time.min, tzinfo=zone)


def _municipalities(workshop_id: int) -> Select[int]:
    return select(workshop_municipality.c.municipality_id).where(
        workshop_municipality.c.workshop_id == workshop_id
    )


def _asked(workshop_id: int) -> Select[int, int]:
    """The active members of the workshop's municipalities: (member id, chat)."""
    return select(Member.id, Member.telegram_id).where(
        Member.active, Member.municipality_id.in_(_municipalities(workshop_id))
    )


async def asked_count(session: AsyncSession, workshop_id: int) -> int:
    """How many members a poll of the workshop would ask now."""
    query = select(func.count()).select_from(_asked(workshop_id).subquery())
    return await session.scalar(query) or 0


async def draft_poll(
    session: AsyncSession,
    person: Person,
    *,
    workshop_id: int,
    candidates: Sequence[CandidateLine],
    deadline: datetime,
    now: datetime,
    zone: ZoneInfo,
) -> DatePoll:
    """A poll in its preview: staff for any workshop, a representative for their own."""
    author = await permitted(session, person, Action.DATE_POLLS, workshop_id=workshop_id)
    if not MIN_CANDIDATES <= len(candidates) <= MAX_CANDIDATES:
        raise PollRefused("poll-candidate-count", count=len(candidates), most=MAX_CANDIDATES)
    for number, candidate in enumerate(candidates, start=1):
        if wall_instant(candidate.day, candidate.starts, zone) <= now:
            raise PollRefused("poll-candidate-past", number=number)
    if deadline <= now:
        raise PollRefused("poll-deadline-past")
    poll = DatePoll(
        workshop_id=workshop_id, author_id=author.id, state=PollState.DRAFT, deadline=deadline
    )
    poll.candidates = [
        PollCandidate(number=n, day=c.day, starts=c.starts, ends=c.ends, town=c.town)
        for n, c in enumerate(candidates, start=1)
    ]
    session.add(poll)
    await session.flush()
    return poll


async def load_poll(session: AsyncSession, poll_id: int) -> DatePoll | None:
    """A poll with its candidates."""
    return await session.scalar(
        select(DatePoll)
        .where(DatePoll.id == poll_id)
        .options(selectinload(DatePoll.candidates))
        .execution_options(populate_existing=True)
    )


async def own_draft(session: AsyncSession, person: Person, poll_id: int, action: str) -> DatePoll:
    """The actor's own draft; someone else's (forged data) is refused and logged."""
    actor = await staff_or_representative(session, person, action, target=f"poll {poll_id}")
    poll = await load_poll(session, poll_id)
    if poll is None or poll.author_id != actor.id:
        await audit(
            session, actor, action, target=f"poll {poll_id}", allowed=False, detail="not own"
        )
        raise NotAllowed(action)
    if poll.state != PollState.DRAFT:
        raise PollRefused("poll-not-a-draft", poll=poll_id)
    return poll


async def confirm_poll(
    session: AsyncSession,
    person: Person,
    poll_id: int,
    *,
    planner: Planner,
    status: tuple[int, int] | None = None,
) -> int:
    """Ask every member of the workshop's municipalities; returns how many. `status` is the
    (chat, message) of the preview, which from now on shows the answers as they come."""
    poll = await own_draft(session, person, poll_id, "datepoll-confirm")
    if status is not None:
        poll.status_chat_id, poll.status_message_id = status
    author = await member_of(session, person)
    members = (await session.execute(_asked(poll.workshop_id))).all()
    if not members:
        raise PollRefused("poll-nobody")
    poll.state = PollState.OPEN
    poll.confirmed_at = planner.clock()
    asked = await planner.poll_confirmed(
        session, poll.id, members, (author.id, author.telegram_id), poll.deadline
    )
    await audit(session, author, "datepoll", target=f"poll {poll.id}", detail=f"{asked} asked")
    return asked


async def cancel_poll(session: AsyncSession, person: Person, poll_id: int) -> None:
    """Drop a draft."""
    poll = await own_draft(session, person, poll_id, "datepoll-cancel")
    poll.state = PollState.CANCELLED


def is_closed(poll: DatePoll, now: datetime) -> bool:
    """Closed by /closepoll or by its deadline."""
    return poll.closed_at is not None or now >= poll.deadline


async def open_poll(session: AsyncSession, poll_id: int) -> DatePoll:
    """A poll that was sent; a draft or a cancelled one is no poll to anyone else."""
    poll = await load_poll(session, poll_id)
    if poll is None or poll.state != PollState.OPEN:
        raise PollRefused("poll-not-found", poll=poll_id)
    return poll


def _candidate(poll: DatePoll, number: int) -> PollCandidate:
    found = next((c for c in poll.candidates if c.number == number), None)
    if found is None:
        raise PollRefused("poll-no-candidate", poll=poll.id, number=number)
    return found


async def vote(
    session: AsyncSession,
    person: Person,
    poll_id: int,
    number: int,
    answer: PollAnswer,
    *,
    now: datetime,
) -> tuple[DatePoll, PollCandidate]:
    """Store a member's answer for one candidate, replacing any earlier one."""
    member = await member_of(session, person)
    poll = await open_poll(session, poll_id)
    if is_closed(poll, now):
        raise PollRefused("poll-closed", poll=poll_id)
    candidate = _candidate(poll, number)
    municipalities = set(await session.scalars(_municipalities(poll.workshop_id)))
    if member.municipality_id not in municipalities:
        raise PollRefused("poll-not-asked", poll=poll_id)
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(PollVote).values(
        member_id=member.id, candidate_id=candidate.id, answer=answer, answered_at=now
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=["member_id", "candidate_id"],
            set_={"answer": answer, "answered_at": now},
        )
    )
    return poll, candidate


async def answers_of(
    session: AsyncSession, person: Person, poll: DatePoll
) -> dict[int, PollAnswer]:
    """A member's answers in a poll, by candidate number."""
    member = await member_of(session, person)
    numbers = {c.id: c.number for c in poll.candidates}
    rows = await session.execute(
        select(PollVote.candidate_id, PollVote.answer).where(
            PollVote.member_id == member.id, PollVote.candidate_id.in_(numbers)
        )
    )
    return {numbers[candidate_id]: answer for candidate_id, answer in rows}


async def clashes(session: AsyncSession, poll: DatePoll, zone: ZoneInfo) -> dict[int, list[int]]:
    """Per candidate number, the workshops of the same municipalities meeting at that time."""
    shared = (
        select(workshop_municipality.c.workshop_id)
        .where(workshop_municipality.c.municipality_id.in_(_municipalities(poll.workshop_id)))
        .distinct()
    )
    meetings = (
        await session.scalars(
            select(Meeting).where(
                Meeting.workshop_id.in_(shared),
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.date.in_({c.day for c in poll.candidates}),
            )
        )
    ).all()
    found: dict[int, list[int]] = {}
    for candidate in poll.candidates:
        for meeting in meetings:
            if meeting.date == candidate.day and _overlaps(candidate, meeting, zone):
                found.setdefault(candidate.number, []).append(meeting.workshop_id)
    return found


def _overlaps(candidate: PollCandidate, meeting: Meeting, zone: ZoneInfo) -> bool:
    """Same day, and the times overlap; a day without times overlaps the whole day."""
    if candidate.starts is None or meeting.starts_at is None:
        return True
    start = meeting.starts_at.astimezone(zone).time()
    end = meeting.ends_at.astimezone(zone).time() if meeting.ends_at else start
    candidate_end = candidate.ends or candidate.starts
    return candidate.starts <= end and start <= candidate_end


async def close_poll(
    session: AsyncSession,
    person: Person,
    poll_id: int,
    numbers: Sequence[int],
    *,
    zone: ZoneInfo,
    planner: Planner,
) -> list[Meeting]:
    """Make the chosen candidates meetings (notices and reminders as for any meeting)."""
    await staff_or_representative(session, person, "closepoll", target=f"poll {poll_id}")
    poll = await open_poll(session, poll_id)
    actor = await permitted(
        session,
        person,
        Action.DATE_POLLS,
        workshop_id=poll.workshop_id,
        name="closepoll",
        target=f"poll {poll_id}",
    )
    if poll.closed_at is not None:
        raise PollRefused("poll-already-closed", poll=poll_id)
    chosen = [_candidate(poll, number) for number in dict.fromkeys(numbers)]
    workshop = await session.get(Workshop, poll.workshop_id)
    assert workshop is not None
    meetings = []
    for candidate in chosen:
        meeting = await add_meeting(
            session,
            person,
            workshop_id=workshop.id,
            workshop_key=workshop.key,
            day=candidate.day,
            start=candidate.starts,
            end=candidate.ends,
            place=candidate.town,
            zone=zone,
            planner=planner,
        )
        candidate.meeting_id = meeting.id
        meetings.append(meeting)
    poll.closed_at = planner.clock()
    numbers_text = ",".join(str(c.number) for c in chosen)
    await audit(session, actor, "closepoll", target=f"poll {poll.id}", detail=numbers_text)
    return meetings
