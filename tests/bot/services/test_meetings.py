"""The query logic on the demo network, with the clock set to chosen moments."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.language.dates import format_when
from bot.language.periods import Period
from bot.services.directory import Directory, load_directory
from bot.services.meetings import (
    MeetingFilter,
    MeetingView,
    last_meeting,
    meeting_page,
    next_meetings,
)
from storage.models import Meeting, MeetingStatus
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
PREVENTIVE = "ehkaiseva-lastensuojelu"
LOW_THRESHOLD = "matalan-kynnyksen-toimintamallit"
PARTNERSHIP = "kasvatuskumppanuus"


def at(text: str) -> datetime:
    """A moment in Helsinki time: `1.3.2009 12:00`."""
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI)


@pytest.fixture
async def demo(sessions: Sessions) -> Directory:
    await load_demo(sessions)
    async with sessions() as session:
        return await load_directory(session)


async def next_of(
    sessions: Sessions, directory: Directory, moment: str, wanted: MeetingFilter | None = None
) -> list[MeetingView]:
    async with sessions() as session:
        return await next_meetings(
            session, directory, wanted or MeetingFilter(), now=at(moment), zone=HELSINKI
        )


def summary(meetings: list[MeetingView]) -> list[tuple[str, date, str | None]]:
    return [(m.workshop.key, m.date, m.place) for m in meetings]


async def test_on_1_march_2009_the_preventive_workshop_meets_next_on_4_march_in_kirkkonummi(
    sessions: Sessions, demo: Directory
) -> None:
    preventive = demo.workshop_by_key(PREVENTIVE)
    assert preventive is not None
    [meeting] = await next_of(
        sessions, demo, "1.3.2009 12:00", MeetingFilter(workshop_ids=frozenset({preventive.id}))
    )
    assert meeting.place == "Kirkkonummi"
    when = format_when(meeting.date, meeting.starts_at, meeting.ends_at, "fi", HELSINKI)
    assert when == "ke 4.3.2009 klo 13.00–15.30"
    assert format_when(meeting.date, meeting.starts_at, meeting.ends_at, "sv", HELSINKI) == (
        "ons 4.3.2009 kl. 13.00–15.30"
    )
    assert format_when(meeting.date, meeting.starts_at, meeting.ends_at, "en", HELSINKI) == (
        "Wed 4 Mar 2009, 13:00–15:30"
    )


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (
            "1.3.2009 12:00",
            [
                (PREVENTIVE, date(2009, 3, 4), "Kirkkonummi"),
                (LOW_THRESHOLD, date(2009, 3, 11), "Raasepori"),
                (PARTNERSHIP, date(2009, 3, 25), "Järvenpää"),
            ],
        ),
        # Once a meeting has started it is no longer "next".
        (
            "4.3.2009 13:01",
            [
                (LOW_THRESHOLD, date(2009, 3, 11), "Raasepori"),
                (PREVENTIVE, date(2009, 3, 25), "Järvenpää"),
                (PARTNERSHIP, date(2009, 3, 25), "Järvenpää"),
            ],
        ),
        # A meeting whose time is not decided counts until its day is over.
        (
            "25.3.2009 18:00",
            [
                (PREVENTIVE, date(2009, 3, 25), "Järvenpää"),
                (LOW_THRESHOLD, date(2009, 3, 25), "Järvenpää"),
                (PARTNERSHIP, date(2009, 3, 25), "Järvenpää"),
            ],
        ),
        (
            "2.6.2009 08:00",
            [
                (PARTNERSHIP, date(2009, 6, 3), "Raasepori"),
                (PREVENTIVE, date(2009, 6, 4), "Järvenpää"),
            ],
        ),
        ("1.10.2009 08:00", []),
    ],
)
async def test_the_next_meeting_of_every_workshop_nearest_first(
    sessions: Sessions, demo: Directory, moment: str, expected: list[tuple[str, date, str]]
) -> None:
    assert summary(await next_of(sessions, demo, moment)) == expected


async def test_a_town_narrows_the_next_meetings(sessions: Sessions, demo: Directory) -> None:
    assert summary(
        await next_of(sessions, demo, "1.3.2009 12:00", MeetingFilter(place="Lohja"))
    ) == [(PREVENTIVE, date(2009, 5, 6), "Lohja")]


async def test_a_cancelled_meeting_is_not_next(sessions: Sessions, demo: Directory) -> None:
    async with sessions.begin() as session:
        meeting = await session.get(
            Meeting, (await next_of(sessions, demo, "1.3.2009 12:00"))[0].id
        )
        assert meeting is not None
        meeting.status = MeetingStatus.CANCELLED
    assert summary(await next_of(sessions, demo, "1.3.2009 12:00"))[0] == (
        LOW_THRESHOLD,
        date(2009, 3, 11),
        "Raasepori",
    )


async def test_with_nothing_upcoming_the_last_meeting_is_found(
    sessions: Sessions, demo: Directory
) -> None:
    async with sessions() as session:
        last = await last_meeting(
            session, demo, MeetingFilter(), now=at("1.10.2009 08:00"), zone=HELSINKI
        )
    assert last is not None
    assert (last.workshop.key, last.date) == (PREVENTIVE, date(2009, 9, 24))


async def test_pages_of_upcoming_meetings(sessions: Sessions, demo: Directory) -> None:
    async with sessions() as session:
        first = await meeting_page(
            session, demo, MeetingFilter(), page=1, now=at("1.1.2009 00:00"), zone=HELSINKI
        )
        last = await meeting_page(
            session, demo, MeetingFilter(), page=4, now=at("1.1.2009 00:00"), zone=HELSINKI
        )
    assert (first.total, first.pages) == (19, 4)
    assert [m.date for m in first.meetings] == [
        date(2009, 1, 12),
        date(2009, 1, 15),
        date(2009, 2, 4),
        date(2009, 2, 9),
        date(2009, 3, 4),
    ]
    assert [m.date for m in last.meetings] == [
        date(2009, 8, 24),
        date(2009, 9, 1),
        date(2009, 9, 22),
        date(2009, 9, 24),
    ]


async def test_a_month_lists_its_meetings_even_when_asked_afterwards(
    sessions: Sessions, demo: Directory
) -> None:
    march = Period(date(2009, 3, 1), date(2009, 3, 31))
    async with sessions() as session:
        page = await meeting_page(
            session,
            demo,
            MeetingFilter(period=march),
            page=1,
            now=at("1.5.2009 12:00"),
            zone=HELSINKI,
        )
    assert [(m.date, m.workshop.key) for m in page.meetings] == [
        (date(2009, 3, 4), PREVENTIVE),
        (date(2009, 3, 11), LOW_THRESHOLD),
        (date(2009, 3, 25), PREVENTIVE),
        (date(2009, 3, 25), LOW_THRESHOLD),
        (date(2009, 3, 25), PARTNERSHIP),
    ]
