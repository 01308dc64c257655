"""A meeting moved in the chat stays itself when the schedule file is imported again."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.context import ReplyContext
from bot.replies.meeting_changes import confirm_change_reply, edit_meeting_reply
from bot.services.members import Person
from bot.services.schedules import import_schedule
from storage.models import Meeting, Member, Outbox, Rsvp, RsvpAnswer
from storage.schedule import ImportReport
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, follower, yaml_bytes

Sessions = async_sessionmaker[AsyncSession]
ADMIN = Person(42, "Administrator", "fi", administrator=True)
NOON_1_FEBRUARY_2009 = datetime(2009, 2, 1, 12, 0, tzinfo=HELSINKI)
FILE = """
    network: {name: Testi}
    municipalities: [Kerava]
    workshops:
      - key: w
        name: Verstas
        municipalities: [Kerava]
        meetings:
          - {date: 4.3.2009, start: "09:30", end: "12:00", place: Tuusula}
          - {date: 25.3.2009, place: Järvenpää}
    """
# The file as a coordinator brings it up to date after the move in the chat.
CAUGHT_UP = FILE.replace("date: 4.3.2009", "date: 11.3.2009")


@pytest.fixture
def context(engine: AsyncEngine) -> ReplyContext:
    return runtime_at(NOON_1_FEBRUARY_2009, engine)


async def _import(
    sessions: Sessions, context: ReplyContext, text: str, *, prune: bool = False
) -> ImportReport:
    async with sessions.begin() as session:
        return await import_schedule(
            session,
            yaml_bytes(text),
            "yaml",
            default_timezone=HELSINKI,
            planner=context.planner,
            prune=prune,
        )


async def _moved_in_the_chat(sessions: Sessions, context: ReplyContext) -> int:
    """Import the file, a member following the workshop, and /editmeeting the 4.3 meeting to
    11.3; returns the meeting's id."""
    await _import(sessions, context, FILE)
    await follower(sessions, 1001, "w")
    async with sessions() as session:
        meeting_id = await session.scalar(select(Meeting.id).where(Meeting.key == "2009-03-04"))
    assert meeting_id is not None
    async with sessions.begin() as session:
        await edit_meeting_reply(session, context, ADMIN, f"{meeting_id} date=11.3.2009")
    async with sessions.begin() as session:
        await confirm_change_reply(session, context, ADMIN, None, confirm=True)
    return meeting_id


async def _meetings(sessions: Sessions) -> list[tuple[int, date, str | None]]:
    async with sessions() as session:
        rows = await session.execute(
            select(Meeting.id, Meeting.date, Meeting.place).order_by(Meeting.date)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def _outbox_rows(sessions: Sessions) -> int:
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(Outbox)) or 0)


async def test_the_unchanged_file_again_leaves_a_meeting_moved_in_the_chat_where_it_is(
    sessions: Sessions, context: ReplyContext
) -> None:
    moved = await _moved_in_the_chat(sessions, context)
    planned = await _outbox_rows(sessions)

    report = await _import(sessions, context, FILE)

    assert report.meetings == []
    assert not report.changed_anything
    assert report.meetings_unchanged == 2
    assert (await _meetings(sessions))[0] == (moved, date(2009, 3, 11), "Tuusula")
    # No notice moves the members back to the old day.
    assert await _outbox_rows(sessions) == planned


async def test_a_file_giving_the_new_date_is_the_same_meeting(
    sessions: Sessions, context: ReplyContext
) -> None:
    moved = await _moved_in_the_chat(sessions, context)
    planned = await _outbox_rows(sessions)

    report = await _import(sessions, context, CAUGHT_UP)

    assert report.meetings == []
    meetings = await _meetings(sessions)
    assert [(day, place) for _, day, place in meetings] == [
        (date(2009, 3, 11), "Tuusula"),
        (date(2009, 3, 25), "Järvenpää"),
    ]
    assert meetings[0][0] == moved
    assert await _outbox_rows(sessions) == planned
    # The file lists the meeting under its new date from now on.
    assert not (await _import(sessions, context, CAUGHT_UP)).changed_anything


async def test_pruning_after_a_move_in_the_chat_keeps_the_meeting_and_its_answers(
    sessions: Sessions, context: ReplyContext
) -> None:
    moved = await _moved_in_the_chat(sessions, context)
    async with sessions.begin() as session:
        member_id = await session.scalar(select(Member.id).where(Member.telegram_id == 1001))
        assert member_id is not None
        session.add(Rsvp(member_id=member_id, meeting_id=moved, answer=RsvpAnswer.GOING))

    report = await _import(sessions, context, CAUGHT_UP, prune=True)

    assert report.count("removed") == 0
    meetings = await _meetings(sessions)
    assert [(meeting_id == moved, day) for meeting_id, day, _ in meetings] == [
        (True, date(2009, 3, 11)),
        (False, date(2009, 3, 25)),
    ]
    async with sessions() as session:
        answers = (await session.scalars(select(Rsvp.meeting_id))).all()
    assert answers == [moved]


async def test_a_file_that_changes_the_meeting_after_a_chat_edit_wins_for_what_it_changes(
    sessions: Sessions, context: ReplyContext
) -> None:
    moved = await _moved_in_the_chat(sessions, context)
    planned = await _outbox_rows(sessions)
    changed = FILE.replace(
        'start: "09:30", end: "12:00", place: Tuusula', 'start: "10:00", end: "12:00", place: Lohja'
    )

    report = await _import(sessions, context, changed)

    [change] = report.meetings
    assert (change.kind, change.meeting_id) == ("changed", moved)
    assert change.fields["place"] == ("Tuusula", "Lohja")
    async with sessions() as session:
        meeting = await session.get(Meeting, moved)
    assert meeting is not None
    # The file's new time and place, on the day the chat chose: the file did not change it.
    assert (meeting.date, meeting.place) == (date(2009, 3, 11), "Lohja")
    assert meeting.starts_at == datetime(2009, 3, 11, 10, 0, tzinfo=HELSINKI)
    assert await _outbox_rows(sessions) > planned


async def test_a_file_giving_the_new_date_beside_the_old_one_adds_a_meeting_on_the_old_day(
    sessions: Sessions, context: ReplyContext
) -> None:
    moved = await _moved_in_the_chat(sessions, context)
    later = "          - {date: 25.3.2009"
    both = CAUGHT_UP.replace(later, f'          - {{date: 4.3.2009, start: "13:00"}}\n{later}')
    assert both != CAUGHT_UP

    report = await _import(sessions, context, both)

    # The old day's key stays with the moved meeting: the new one takes the next free key.
    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("added", "2009-03-04-2")]
    meetings = await _meetings(sessions)
    assert [(meeting_id == moved, day) for meeting_id, day, _ in meetings] == [
        (False, date(2009, 3, 4)),
        (True, date(2009, 3, 11)),
        (False, date(2009, 3, 25)),
    ]
