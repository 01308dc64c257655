"""Naming a meeting on the demo network (SQLite and PostgreSQL): by number, key, date in
the forms people write it, and workshop with date or key; a date that names several
meetings, and what a participant's own workshops decide."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.services.directory import Directory, load_directory
from bot.services.meeting_refs import (
    MeetingAmbiguous,
    find_meeting,
    sees_meeting_numbers,
    split_reference,
)
from bot.services.members import Person, participant_of
from storage.models import Meeting, Role, Workshop, WorkshopRepresentative
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo

Sessions = async_sessionmaker[AsyncSession]
PREVENTIVE = "ehkaiseva-lastensuojelu"
PARTNERSHIP = "kasvatuskumppanuus"
LOW_THRESHOLD = "matalan-kynnyksen-toimintamallit"
# In the spring of the demo season: `4.3.` is 4 March 2009.
TODAY = date(2009, 2, 20)


@pytest.fixture
async def demo(sessions: Sessions) -> Directory:
    await load_demo(sessions)
    async with sessions() as session:
        return await load_directory(session)


async def meeting_on(sessions: Sessions, workshop_key: str, day: date) -> Meeting:
    async with sessions() as session:
        meeting = await session.scalar(
            select(Meeting).join(Workshop).where(Workshop.key == workshop_key, Meeting.date == day)
        )
    assert meeting is not None
    return meeting


async def test_a_meeting_is_found_by_number_key_date_and_workshop(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, date(2009, 3, 4))
    forum = await meeting_on(sessions, PREVENTIVE, date(2009, 9, 22))
    workshops = await meeting_on(sessions, PARTNERSHIP, date(2009, 9, 1))
    async with sessions() as session:
        # Only the preventive workshop met on 4 March: the date alone is enough, written
        # in any of the forms of schedule files and of the bot's own texts.
        for typed in (
            str(kirkkonummi.id),
            f"#{kirkkonummi.id}",
            "4.3.2009",
            "2009-03-04",
            "ke 4.3.2009",
            "4.3.09",
            "4.3.",
            f"{PREVENTIVE}/4.3.2009",
            "ehkäisevä/ke 4.3.2009",
        ):
            found = await find_meeting(session, demo, typed, today=TODAY)
            assert found is not None, typed
            assert found.id == kirkkonummi.id, typed
        by_key = await find_meeting(session, demo, "foorumi-keski-uusimaa", today=TODAY)
        assert by_key is not None
        assert by_key.id == forum.id
        by_workshop_key = await find_meeting(
            session, demo, f"{PARTNERSHIP}/hyvat-kaytannot-tyopajat", today=TODAY
        )
        assert by_workshop_key is not None
        assert by_workshop_key.id == workshops.id


async def test_a_date_of_several_meetings_is_ambiguous_and_a_workshop_picks_one(
    sessions: Sessions, demo: Directory
) -> None:
    async with sessions() as session:
        # All three workshops met on 25 March: the date names three meetings...
        with pytest.raises(MeetingAmbiguous) as ambiguous:
            await find_meeting(session, demo, "25.3.2009", today=TODAY)
        assert {m.date for m in ambiguous.value.candidates} == {date(2009, 3, 25)}
        assert len({m.workshop_id for m in ambiguous.value.candidates}) == 3
        # ...and the workshop, by key or by a forgiving name, picks one.
        for typed in (f"{PARTNERSHIP}/25.3.2009", "Kasvatuskumppanuus/2009-03-25"):
            found = await find_meeting(session, demo, typed, today=TODAY)
            assert found is not None
            assert found.date == date(2009, 3, 25)
            assert demo.workshop_by_id(found.workshop_id) == demo.workshop_by_key(PARTNERSHIP)


async def test_a_participants_date_means_their_own_workshops_meeting(
    sessions: Sessions, demo: Directory
) -> None:
    low_threshold = demo.workshop_by_key(LOW_THRESHOLD)
    partnership = demo.workshop_by_key(PARTNERSHIP)
    assert low_threshold is not None
    assert partnership is not None
    async with sessions() as session:
        own = await find_meeting(
            session, demo, "25.3.2009", today=TODAY, own_workshops={low_threshold.id}
        )
        assert own is not None
        assert own.workshop_id == low_threshold.id
        # Two of their workshops met that day: still a choice, between those two.
        with pytest.raises(MeetingAmbiguous) as ambiguous:
            await find_meeting(
                session,
                demo,
                "25.3.2009",
                today=TODAY,
                own_workshops={low_threshold.id, partnership.id},
            )
        assert {m.workshop_id for m in ambiguous.value.candidates} == {
            low_threshold.id,
            partnership.id,
        }
        # A workshop that did not meet that day does not hide the others.
        with pytest.raises(MeetingAmbiguous):
            await find_meeting(session, demo, "25.3.2009", today=TODAY, own_workshops={-1})


async def test_what_names_no_meeting_finds_none(sessions: Sessions, demo: Directory) -> None:
    async with sessions() as session:
        for typed in (
            "999999",
            "1.1.2001",
            "31.2.2009",
            "no-such-key",
            "no-such-workshop/4.3.2009",
            f"{PARTNERSHIP}/4.3.2009",
            "",
        ):
            assert await find_meeting(session, demo, typed, today=TODAY) is None, typed


def test_the_reference_is_split_from_the_rest_of_the_command() -> None:
    assert split_reference("ke 4.3.2009 time=14-15") == ("ke 4.3.2009", "time=14-15")
    assert split_reference("12\nPäätökset: 1. Syksyn teema") == ("12", "Päätökset: 1. Syksyn teema")
    assert split_reference("  kasvatuskumppanuus/4.3.2009 ") == ("kasvatuskumppanuus/4.3.2009", "")
    assert split_reference("ehkäisevä/ke 4.3.2009 Läsnä 9") == ("ehkäisevä/ke 4.3.2009", "Läsnä 9")
    assert split_reference("") == ("", "")


async def test_numbers_are_shown_to_the_staff_and_representatives_only(
    sessions: Sessions, demo: Directory
) -> None:
    preventive = demo.workshop_by_key(PREVENTIVE)
    assert preventive is not None
    member_id = await resident(sessions, 601, "Lohja")
    async with sessions.begin() as session:
        lohja = await participant_of(session, Person(601, "Iris", "fi"))
        assert not await sees_meeting_numbers(session, lohja)
        session.add(WorkshopRepresentative(member_id=member_id, workshop_id=preventive.id))
        await session.flush()
        # Read with the member, as every update reads its asker.
        lohja = await participant_of(session, Person(601, "Iris", "fi"))
        assert await sees_meeting_numbers(session, lohja)
        for role in (Role.COORDINATOR, Role.ADMIN):
            assert await sees_meeting_numbers(session, replace(lohja, role=role))
        stranger = await participant_of(session, Person(602, "Ohikulkija", "fi"))
        assert not await sees_meeting_numbers(session, stranger)
