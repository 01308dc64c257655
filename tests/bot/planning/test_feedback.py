"""Planning feedback after a meeting (SQLite and PostgreSQL): when its round is due, out of
quiet hours later rather than earlier, moved and cancelled meetings, FEEDBACK off, and who
is asked when the round comes due — once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.planning.feedback import open_rounds
from bot.planning.notices import notify_change
from bot.planning.outbox import FEEDBACK, FEEDBACK_ROUND, ReminderPolicy, plan_meeting
from bot.planning.timing import after_quiet_hours, meeting_end, outside_quiet_hours
from config.settings import QuietHours, Settings, parse_offsets
from storage.models import Meeting, MeetingStatus, Outbox, OutboxStatus, Rsvp, RsvpAnswer, Workshop
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
QUIET = QuietHours(time(21), time(8))
POLICY = ReminderPolicy(parse_offsets("1d"), QUIET, HELSINKI, timedelta(hours=1))
BEFORE = datetime(2027, 1, 10, 12, 0, tzinfo=HELSINKI)


def local(text: str) -> datetime:
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI)


def test_a_meeting_ends_at_its_end_two_hours_after_its_start_or_at_16() -> None:
    day = date(2027, 1, 13)
    starts, ends = local("13.1.2027 13:00"), local("13.1.2027 15:30")
    assert meeting_end(day, starts, ends, HELSINKI) == ends
    assert meeting_end(day, starts, None, HELSINKI) == local("13.1.2027 15:00")
    assert meeting_end(day, None, None, HELSINKI) == local("13.1.2027 16:00")


@pytest.mark.parametrize(
    ("due", "moved"),
    [
        ("13.1.2027 16:30", "13.1.2027 16:30"),  # outside quiet hours: as it is
        ("13.1.2027 21:30", "14.1.2027 08:00"),  # the evening: the next morning
        ("14.1.2027 06:00", "14.1.2027 08:00"),  # the small hours: that morning
        ("13.1.2027 21:00", "14.1.2027 08:00"),  # the first minute of quiet hours
    ],
)
def test_quiet_hours_move_feedback_later_to_their_end(due: str, moved: str) -> None:
    assert after_quiet_hours(local(due), QUIET, HELSINKI) == local(moved)
    assert after_quiet_hours(local(due), None, HELSINKI) == local(due)


def test_quiet_hours_within_one_day_move_feedback_to_their_end_and_reminders_before() -> None:
    # An operator's siesta, 12-14: both edges are the same day's.
    siesta = QuietHours(time(12), time(14))
    assert after_quiet_hours(local("13.1.2027 13:00"), siesta, HELSINKI) == local("13.1.2027 14:00")
    assert outside_quiet_hours(local("13.1.2027 13:00"), siesta, HELSINKI) == local(
        "13.1.2027 11:59"
    )
    assert after_quiet_hours(local("13.1.2027 14:00"), siesta, HELSINKI) == local("13.1.2027 14:00")


async def _meeting(sessions: Sessions, starts: str | None, ends: str | None = None) -> int:
    async with sessions.begin() as session:
        workshop = await session.scalar(
            select(Workshop).where(Workshop.key == "kasvatuskumppanuus")
        )
        assert workshop is not None
        meeting = Meeting(
            workshop_id=workshop.id,
            key="feedback-test",
            date=date(2027, 1, 13),
            starts_at=local(starts) if starts else None,
            ends_at=local(ends) if ends else None,
            place="Kerava",
            agenda=[],
        )
        session.add(meeting)
        await session.flush()
        await plan_meeting(session, meeting, now=BEFORE, policy=POLICY)
        return meeting.id


async def _rounds(sessions: Sessions) -> list[tuple[str, str]]:
    async with sessions() as session:
        rows = await session.scalars(
            select(Outbox).where(Outbox.kind == FEEDBACK_ROUND).order_by(Outbox.id)
        )
        return [
            (r.due_at.astimezone(HELSINKI).strftime("%d.%m.%Y %H:%M"), r.status.value) for r in rows
        ]


@pytest.mark.parametrize(
    ("starts", "ends", "due"),
    [
        ("13.1.2027 13:00", "13.1.2027 15:30", "13.01.2027 16:30"),
        ("13.1.2027 13:00", None, "13.01.2027 16:00"),
        (None, None, "13.01.2027 17:00"),
        ("13.1.2027 18:00", "13.1.2027 20:30", "14.01.2027 08:00"),  # out of quiet hours
    ],
)
async def test_the_round_is_due_feedback_delay_after_the_end(
    sessions: Sessions, starts: str | None, ends: str | None, due: str
) -> None:
    await load_demo(sessions)
    await _meeting(sessions, starts, ends)
    assert await _rounds(sessions) == [(due, "pending")]


async def test_a_moved_meeting_moves_its_round_and_a_cancelled_one_drops_it(
    sessions: Sessions,
) -> None:
    await load_demo(sessions)
    meeting_id = await _meeting(sessions, "13.1.2027 13:00", "13.1.2027 15:30")
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        old = (meeting.ends_at, local("13.1.2027 17:00"))
        meeting.ends_at, meeting.revision = old[1], meeting.revision + 1
        await notify_change(session, meeting, {"ends_at": old}, now=BEFORE, policy=POLICY)
    assert await _rounds(sessions) == [("13.01.2027 18:00", "pending")]
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        meeting.status, meeting.revision = MeetingStatus.CANCELLED, meeting.revision + 1
        changes = {"status": (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED)}
        await notify_change(session, meeting, changes, now=BEFORE, policy=POLICY)
    assert await _rounds(sessions) == []


async def test_with_feedback_off_no_round_is_planned_nor_opened(sessions: Sessions) -> None:
    await load_demo(sessions)
    off = ReminderPolicy.from_settings(Settings(_env_file=None, feedback=False))
    assert off.feedback_delay is None
    meeting_id = await _meeting(sessions, "13.1.2027 13:00", "13.1.2027 15:30")
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        await plan_meeting(session, meeting, now=BEFORE, policy=off)
    assert await _rounds(sessions) == []
    # A round planned before FEEDBACK was turned off asks nobody.
    await _meeting_round_opened(sessions, meeting_id, off)
    assert await _questions(sessions) == []


async def _meeting_round_opened(
    sessions: Sessions, meeting_id: int, policy: ReminderPolicy
) -> None:
    """Plan the round (feedback on), then open it as the dispatcher does, under `policy`."""
    async with sessions.begin() as session:
        meeting = await session.get(Meeting, meeting_id)
        assert meeting is not None
        await plan_meeting(session, meeting, now=BEFORE, policy=POLICY)
        rounds = list(await session.scalars(select(Outbox).where(Outbox.kind == FEEDBACK_ROUND)))
        await open_rounds(session, rounds, now=local("13.1.2027 16:30"), policy=policy)


async def _questions(sessions: Sessions) -> list[int]:
    async with sessions() as session:
        return sorted(await session.scalars(select(Outbox.chat_id).where(Outbox.kind == FEEDBACK)))


async def test_the_round_asks_those_going_else_the_municipalities_once(
    sessions: Sessions,
) -> None:
    await load_demo(sessions)
    going = await resident(sessions, 801, "Kerava")
    await resident(sessions, 802, "Järvenpää")
    await resident(sessions, 803, "Lohja")  # not one of the workshop's municipalities
    first = await _meeting(sessions, "13.1.2027 13:00", "13.1.2027 15:30")
    await _meeting_round_opened(sessions, first, POLICY)
    # Nobody said they would come: every member of its municipalities.
    assert await _questions(sessions) == [801, 802]
    async with sessions() as session:
        [opened] = await session.scalars(select(Outbox).where(Outbox.kind == FEEDBACK_ROUND))
        assert opened.status == OutboxStatus.SENT
        assert opened.payload == {"asked": 2}

    async with sessions.begin() as session:
        await session.execute(delete(Outbox))
        session.add(Rsvp(member_id=going, meeting_id=first, answer=RsvpAnswer.GOING))
    await _meeting_round_opened(sessions, first, POLICY)
    await _meeting_round_opened(sessions, first, POLICY)  # opened again: nobody twice
    assert await _questions(sessions) == [801]
