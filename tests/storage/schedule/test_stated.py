"""Meetings stated in an announcement change only what the text says (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Meeting, Workshop
from storage.schedule import ImportReport, ScheduleInvalid
from storage.schedule.stated import StatedMeeting, apply_stated
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
EHKAISEVA = "ehkaiseva-lastensuojelu"


@pytest.fixture
async def demo(sessions: Sessions) -> Sessions:
    await load_demo(sessions)
    return sessions


async def apply(sessions: Sessions, *stated: StatedMeeting) -> ImportReport:
    async with sessions.begin() as session:
        return await apply_stated(session, stated)


async def meetings_on(sessions: Sessions, day: date) -> list[Meeting]:
    async with sessions() as session:
        return list(
            await session.scalars(
                select(Meeting)
                .join(Workshop)
                .where(Workshop.key == EHKAISEVA, Meeting.date == day)
                .order_by(Meeting.key)
            )
        )


async def test_what_the_text_does_not_say_is_kept(demo: Sessions) -> None:
    # The press release gives 4.3.2009 (Kirkkonummi) without the time the minutes gave.
    report = await apply(demo, StatedMeeting(EHKAISEVA, date(2009, 3, 4), place="Kirkkonummi"))

    assert (report.meetings, report.meetings_unchanged) == ([], 1)
    (kept,) = await meetings_on(demo, date(2009, 3, 4))
    assert kept.starts_at == datetime(2009, 3, 4, 13, 0, tzinfo=HELSINKI)
    assert kept.ends_at == datetime(2009, 3, 4, 15, 30, tzinfo=HELSINKI)


async def test_a_time_and_venue_told_later_change_the_meeting(demo: Sessions) -> None:
    (before,) = await meetings_on(demo, date(2009, 5, 6))

    report = await apply(
        demo,
        StatedMeeting(
            EHKAISEVA, date(2009, 5, 6), time(12, 30), time(15), "Lohja", "Kaupungintalo"
        ),
    )

    (change,) = report.meetings
    assert change.kind == "changed"
    assert set(change.fields) == {"starts_at", "ends_at", "venue"}
    (after,) = await meetings_on(demo, date(2009, 5, 6))
    assert (after.key, after.place, after.venue) == (before.key, "Lohja", "Kaupungintalo")
    assert after.starts_at == datetime(2009, 5, 6, 12, 30, tzinfo=HELSINKI)
    # A moved time is news: reminders are planned again and members told.
    assert after.revision == before.revision + 1


async def test_a_new_day_is_a_new_meeting_with_the_date_as_its_key(demo: Sessions) -> None:
    report = await apply(
        demo, StatedMeeting(EHKAISEVA, date(2009, 10, 8), time(13), time(15), "Lohja")
    )

    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("added", "2009-10-08")]
    (added,) = await meetings_on(demo, date(2009, 10, 8))
    assert (added.place, added.starts_at) == ("Lohja", datetime(2009, 10, 8, 13, tzinfo=HELSINKI))


async def test_a_second_meeting_the_same_day_is_told_apart_by_its_time(demo: Sessions) -> None:
    first = StatedMeeting(EHKAISEVA, date(2009, 10, 8), time(9), time(11), "Lohja")
    second = StatedMeeting(EHKAISEVA, date(2009, 10, 8), time(13), time(15), "Vihti")
    await apply(demo, first)

    report = await apply(demo, second, first)

    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("added", "2009-10-08-1300")]
    assert report.meetings_unchanged == 1
    places = [m.place for m in await meetings_on(demo, date(2009, 10, 8))]
    assert places == ["Lohja", "Vihti"]


async def test_the_same_text_twice_changes_nothing_the_second_time(demo: Sessions) -> None:
    stated = StatedMeeting(EHKAISEVA, date(2009, 11, 5), time(13), None, "Siuntio")
    await apply(demo, stated)

    again = await apply(demo, stated)

    assert (again.changed_anything, again.meetings_unchanged) == (False, 1)


async def test_a_workshop_removed_before_confirm_is_a_clear_error(demo: Sessions) -> None:
    async with demo.begin() as session:
        await session.execute(delete(Workshop).where(Workshop.key == EHKAISEVA))

    with pytest.raises(ScheduleInvalid) as invalid:
        await apply(demo, StatedMeeting(EHKAISEVA, date(2009, 10, 8), line=3))

    assert [(e.code, e.line) for e in invalid.value.errors] == [("unknown_workshop", 3)]
