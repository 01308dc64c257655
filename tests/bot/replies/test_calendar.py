"""/calendar: the .ics file parses with icalendar and with other parsers, UIDs and times
round-trip, and alarms fall when the bot's own reminders do."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import vobject
from ical.calendar_stream import IcsCalendarStream
from icalendar import Alarm, Calendar, Event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.calendar import calendar_reply
from bot.replies.ics import CalendarMeeting, meetings_calendar
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


def summer_and_winter_file() -> str:
    """A summer and a winter meeting at 13.00 Helsinki, and one without a time, as an .ics
    file whose zone is renamed so that a parser must read the VTIMEZONE, not its own zone."""
    meetings = [
        CalendarMeeting("w", key, 1, key, day, start, None, "", "", cancelled=False)
        for key, day, start in (
            ("summer", date(2026, 6, 10), datetime(2026, 6, 10, 13, tzinfo=HELSINKI)),
            ("winter", date(2026, 1, 14), datetime(2026, 1, 14, 13, tzinfo=HELSINKI)),
            ("undecided", date(2026, 3, 25), None),
        )
    ]
    content = meetings_calendar(
        meetings,
        name="Verstas",
        zone=HELSINKI,
        alarms=[timedelta(days=7), timedelta(hours=3)],
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    return content.decode().replace("Europe/Helsinki", "Verstas/Helsinki")


def test_the_zone_is_the_usual_yearly_rule() -> None:
    text = summer_and_winter_file()
    # The usual VTIMEZONE: summer time from the last Sunday of March at 03.00 local time
    # to the last Sunday of October at 04.00 local time.
    lines = text.replace("\r\n ", "").split("\r\n")
    daylight = lines[lines.index("BEGIN:DAYLIGHT") : lines.index("END:DAYLIGHT")]
    standard = lines[lines.index("BEGIN:STANDARD") : lines.index("END:STANDARD")]
    assert {"DTSTART:19700329T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300"} <= set(daylight)
    assert {"DTSTART:19701025T040000", "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200"} <= set(standard)
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3" in daylight
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10" in standard
    assert not any(line.startswith("RDATE") for line in lines)


def test_a_summer_meeting_at_13_in_helsinki_is_10_utc_in_other_parsers() -> None:
    text = summer_and_winter_file()
    expected = {
        "summer": datetime(2026, 6, 10, 10, tzinfo=UTC),
        "winter": datetime(2026, 1, 14, 11, tzinfo=UTC),
    }
    # vobject (its VTIMEZONE read by python-dateutil) …
    parsed = vobject.readOne(text)
    starts = {
        str(e.uid.value).split(".")[1].split("@")[0]: e.dtstart.value for e in parsed.vevent_list
    }
    assert {k: starts[k].astimezone(UTC) for k in expected} == expected
    # … and ical, a parser of its own (Home Assistant's).
    calendar = IcsCalendarStream.calendar_from_ics(text)
    starts = {str(e.uid).split(".")[1].split("@")[0]: e.dtstart for e in calendar.events}
    assert {k: starts[k].astimezone(UTC) for k in expected} == expected


def test_alarms_of_a_meeting_without_a_time_count_from_nine_in_the_morning() -> None:
    text = summer_and_winter_file()
    [undecided] = [
        e for e in Calendar.from_ical(text).walk("VEVENT") if "undecided" in str(e["uid"])
    ]
    triggers = sorted(
        alarm.TRIGGER for alarm in undecided.walk("VALARM") if isinstance(alarm, Alarm)
    )
    # 9.00 in Helsinki on the 25th of March is 7.00 UTC (winter time): a week before, and
    # three hours before at 6.00 local time (not at 21.00 the evening before).
    assert triggers == [
        datetime(2026, 3, 18, 7, tzinfo=UTC),
        datetime(2026, 3, 25, 4, tzinfo=UTC),
    ]
