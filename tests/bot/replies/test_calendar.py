"""/calendar: the .ics file parses with icalendar, and UIDs and times round-trip."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.calendar import calendar_reply
from bot.services.members import Person
from storage.schedule import apply_schedule, read_schedule_bytes
from tests.helpers.members import resident
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, demo_bytes, load_demo

Sessions = async_sessionmaker[AsyncSession]
KERAVA = Person(1701, "Jäsen 1701", "fi")


async def export(engine: AsyncEngine, sessions: Sessions) -> Calendar:
    runtime = runtime_at(datetime(2009, 3, 1, 12, tzinfo=HELSINKI), engine)
    async with sessions.begin() as session:
        result = await calendar_reply(session, runtime, KERAVA)
    assert result.file_name == "verstas.ics"
    assert result.content is not None
    return Calendar.from_ical(result.content)


def events(calendar: Calendar) -> dict[str, Event]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT") if isinstance(e, Event)}


def local(moment: object) -> datetime:
    assert isinstance(moment, datetime)
    return moment


async def test_the_calendar_parses_and_keeps_uids_and_times_across_changes(
    engine: AsyncEngine, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, KERAVA.telegram_id, "Kerava")
    first = await export(engine, sessions)
    assert [str(tz["tzid"]) for tz in first.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    before = events(first)
    # Kerava takes part in all three workshops: every meeting of the demo network.
    assert len(before) == 19
    kirkkonummi = before["ehkaiseva-lastensuojelu.2009-03-04@verstas.invalid"]
    start = local(kirkkonummi.start)
    assert start == datetime(2009, 3, 4, 13, 0, tzinfo=HELSINKI)
    assert str(start.tzinfo) == "Europe/Helsinki"
    assert local(kirkkonummi.end) == datetime(2009, 3, 4, 15, 30, tzinfo=HELSINKI)
    assert str(kirkkonummi.get("location")) == "Kirkkonummi"
    triggers = sorted(
        alarm.TRIGGER for alarm in kirkkonummi.walk("VALARM") if isinstance(alarm, Alarm)
    )
    assert triggers == [-timedelta(days=7), -timedelta(days=1)]
    undecided = before["kasvatuskumppanuus.2009-03-25@verstas.invalid"]
    # No time decided: an all-day event (a date, not a datetime).
    assert undecided.start == date(2009, 3, 25)

    moved = (
        demo_bytes()
        .decode()
        .replace('start: "13:00"\n        end: "15:30"', 'start: "14:00"\n        end: "16:00"', 1)
    )
    async with sessions.begin() as session:
        await apply_schedule(
            session, read_schedule_bytes(moved.encode(), "yaml"), default_timezone=HELSINKI
        )
    after = events(await export(engine, sessions))
    assert after.keys() == before.keys()
    again = after["ehkaiseva-lastensuojelu.2009-03-04@verstas.invalid"]
    assert local(again.start).astimezone(UTC) == datetime(2009, 3, 4, 12, 0, tzinfo=UTC)
    # A higher SEQUENCE tells calendar apps to update the event they already have.
    assert again.sequence == kirkkonummi.sequence + 1
