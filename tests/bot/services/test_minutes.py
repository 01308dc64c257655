"""Minutes on the demo network (SQLite and PostgreSQL), with the clock set by hand:
finding a meeting by what people type, attaching and replacing, who is told, the archive,
the dialogue's state, and what /mydata and /forget do with the author."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.planning.notices import notify_minutes
from bot.planning.outbox import MINUTES, ReminderPolicy
from bot.services.directory import Directory, load_directory
from bot.services.members import Person
from bot.services.minutes import (
    MINUTES_WAIT,
    MeetingCancelled,
    MeetingNotStarted,
    MinutesFile,
    NewMinutes,
    archive_page,
    attach_minutes,
    awaited_meeting,
    request_minutes,
)
from bot.services.privacy import forget_member, personal_data
from bot.services.staff import NotAllowed
from storage.models import (
    AuditEntry,
    Meeting,
    MeetingStatus,
    Minutes,
    MinutesRequest,
    Outbox,
    Rsvp,
    RsvpAnswer,
    Workshop,
)
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, follower, load_demo

Sessions = async_sessionmaker[AsyncSession]
PREVENTIVE = "ehkaiseva-lastensuojelu"
PARTNERSHIP = "kasvatuskumppanuus"
ADMIN = Person(9001, "Marianna", "fi", administrator=True)
# The day after the preventive workshop met in Kirkkonummi (4.3.2009 13.00–15.30).
NOW = datetime(2009, 3, 5, 12, 0, tzinfo=HELSINKI)
POLICY = ReminderPolicy((timedelta(days=1),), None, HELSINKI)


@pytest.fixture
async def demo(sessions: Sessions) -> Directory:
    await load_demo(sessions)
    async with sessions() as session:
        return await load_directory(session)


async def meeting_on(sessions: Sessions, workshop_key: str, day: str) -> Meeting:
    async with sessions() as session:
        meeting = await session.scalar(
            select(Meeting)
            .join(Workshop)
            .where(
                Workshop.key == workshop_key,
                Meeting.date == date(*reversed([int(part) for part in day.split(".")])),
            )
        )
        assert meeting is not None
        return meeting


async def test_minutes_are_attached_replaced_and_the_members_concerned_told_once(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    lohja = await resident(sessions, 101, "Lohja")  # Lohja takes part in the workshop
    karjalohja = await resident(sessions, 102, "Karjalohja")  # not in this workshop
    guest = await follower(sessions, 103, PARTNERSHIP)  # came along and said so
    async with sessions.begin() as session:
        session.add(Rsvp(member_id=guest, meeting_id=kirkkonummi.id, answer=RsvpAnswer.GOING))

    async with sessions.begin() as session:
        meeting, minutes, replaced = await attach_minutes(
            session,
            ADMIN,
            kirkkonummi.id,
            NewMinutes("<b>Päätökset</b>: 1. Hyväksyttiin"),
            now=NOW,
            zone=HELSINKI,
        )
        assert (replaced, minutes.version, minutes.file_id) == (False, 1, None)
        planned = await notify_minutes(session, meeting, now=NOW, policy=POLICY)
        assert planned == 2
        # Planning again (the same minutes attached twice) adds nothing.
        assert await notify_minutes(session, meeting, now=NOW, policy=POLICY) == 0

    async with sessions() as session:
        rows = (await session.scalars(select(Outbox).where(Outbox.kind == MINUTES))).all()
    assert sorted(row.member_id for row in rows if row.member_id) == sorted([lohja, guest])
    assert karjalohja not in {row.member_id for row in rows}

    async with sessions.begin() as session:
        _, minutes, replaced = await attach_minutes(
            session,
            ADMIN,
            kirkkonummi.id,
            NewMinutes(file=MinutesFile("BQACfile", "poytakirja.pdf", b"%PDF-1.4")),
            now=NOW + timedelta(hours=1),
            zone=HELSINKI,
        )
        assert replaced is True
    async with sessions() as session:
        stored = await session.scalar(select(Minutes).where(Minutes.meeting_id == kirkkonummi.id))
        actions = (
            await session.scalars(
                select(AuditEntry.action).where(AuditEntry.actor_telegram_id == ADMIN.telegram_id)
            )
        ).all()
    assert stored is not None
    # A file added later keeps the text; the copy of the bytes is kept with the file id.
    assert stored.text == "<b>Päätökset</b>: 1. Hyväksyttiin"
    assert (stored.file_name, stored.file_content, stored.version) == (
        "poytakirja.pdf",
        b"%PDF-1.4",
        2,
    )
    assert actions == ["minutes", "minutes-replace"]


async def test_a_participant_is_refused_and_the_refusal_logged(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    await resident(sessions, 201, "Lohja")
    participant = Person(201, "Osallistuja", "fi")
    async with sessions.begin() as session:
        with pytest.raises(NotAllowed):
            await attach_minutes(
                session,
                participant,
                kirkkonummi.id,
                NewMinutes("Väärennetty"),
                now=NOW,
                zone=HELSINKI,
            )
        with pytest.raises(NotAllowed):
            await request_minutes(session, participant, kirkkonummi.id, now=NOW, zone=HELSINKI)
    async with sessions() as session:
        assert (await session.scalars(select(Minutes))).all() == []
        assert (await session.scalars(select(MinutesRequest))).all() == []
        refusals = (
            await session.scalars(
                select(AuditEntry).where(AuditEntry.actor_telegram_id == participant.telegram_id)
            )
        ).all()
    assert [(e.action, e.allowed) for e in refusals] == [("minutes", False), ("minutes", False)]


async def test_only_a_meeting_that_has_started_and_was_not_cancelled_gets_minutes(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    jarvenpaa = await meeting_on(sessions, PREVENTIVE, "25.3.2009")  # no time decided
    tuusula = await meeting_on(sessions, PREVENTIVE, "15.1.2009")
    async with sessions.begin() as session:
        cancelled = await session.get(Meeting, tuusula.id)
        assert cancelled is not None
        cancelled.status = MeetingStatus.CANCELLED

    async def attach(meeting_id: int, now: datetime) -> None:
        async with sessions.begin() as session:
            await attach_minutes(
                session,
                ADMIN,
                meeting_id,
                NewMinutes("Pöytäkirja"),
                now=now,
                zone=HELSINKI,
            )

    with pytest.raises(MeetingNotStarted):
        await attach(kirkkonummi.id, datetime(2009, 3, 4, 12, 59, tzinfo=HELSINKI))
    await attach(kirkkonummi.id, datetime(2009, 3, 4, 13, 0, tzinfo=HELSINKI))
    # Without a decided time, a meeting counts as held once its day is over.
    with pytest.raises(MeetingNotStarted):
        await attach(jarvenpaa.id, datetime(2009, 3, 25, 23, 59, tzinfo=HELSINKI))
    await attach(jarvenpaa.id, datetime(2009, 3, 26, 0, 0, tzinfo=HELSINKI))
    with pytest.raises(MeetingCancelled):
        await attach(tuusula.id, NOW)


async def test_the_archive_lists_held_meetings_newest_first_with_their_minutes(
    sessions: Sessions, demo: Directory
) -> None:
    preventive = demo.workshop_by_key(PREVENTIVE)
    assert preventive is not None
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    async with sessions.begin() as session:
        await attach_minutes(
            session,
            ADMIN,
            kirkkonummi.id,
            NewMinutes(file=MinutesFile("BQACfile", "poytakirja.pdf", b"%PDF")),
            now=NOW,
            zone=HELSINKI,
        )
    async with sessions() as session:
        page = await archive_page(session, {preventive.id}, page=1, now=NOW, zone=HELSINKI)
        everything = await archive_page(session, None, page=1, now=NOW, zone=HELSINKI)
        second = await archive_page(session, None, page=2, now=NOW, zone=HELSINKI)
    assert [(e.meeting.date.isoformat(), e.has_text, e.has_file) for e in page.entries] == [
        ("2009-03-04", False, True),
        ("2009-01-15", False, False),
    ]
    assert (page.total, page.pages) == (2, 1)
    # By 5 March 2009 the three workshops had met 2 + 1 + 2 times.
    assert everything.total == 5
    assert [e.meeting.date for e in everything.entries] == sorted(
        (e.meeting.date for e in everything.entries), reverse=True
    )
    assert second.entries == ()


async def test_the_dialogue_waits_fifteen_minutes_for_the_coordinators_text_or_file(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    async with sessions.begin() as session:
        await request_minutes(session, ADMIN, kirkkonummi.id, now=NOW, zone=HELSINKI)
    async with sessions.begin() as session:
        waiting = await awaited_meeting(session, ADMIN.telegram_id, now=NOW + timedelta(minutes=14))
        nobody = await awaited_meeting(session, 4242, now=NOW)
    assert (waiting, nobody) == (kirkkonummi.id, None)
    async with sessions.begin() as session:
        late = await awaited_meeting(session, ADMIN.telegram_id, now=NOW + MINUTES_WAIT)
    assert late is None
    async with sessions() as session:
        assert (await session.scalars(select(MinutesRequest))).all() == []


async def test_mydata_shows_the_minutes_one_attached_and_forget_keeps_them_without_author(
    sessions: Sessions, demo: Directory
) -> None:
    kirkkonummi = await meeting_on(sessions, PREVENTIVE, "4.3.2009")
    async with sessions.begin() as session:
        await attach_minutes(
            session,
            ADMIN,
            kirkkonummi.id,
            NewMinutes("Pöytäkirja"),
            now=NOW,
            zone=HELSINKI,
        )
        other = await meeting_on(sessions, PREVENTIVE, "15.1.2009")
        await request_minutes(session, ADMIN, other.id, now=NOW, zone=HELSINKI)
    async with sessions() as session:
        data = await personal_data(session, ADMIN.telegram_id, survey_key=b"k")
    assert data is not None
    [attached] = data["minutes_attached"]
    assert datetime.fromisoformat(attached.pop("attached_at")) == NOW
    assert attached == {"workshop": PREVENTIVE, "meeting": "2009-03-04", "date": "2009-03-04"}
    async with sessions.begin() as session:
        assert await forget_member(session, ADMIN.telegram_id, survey_key=b"k")
    async with sessions() as session:
        minutes = await session.scalar(select(Minutes))
        requests = (await session.scalars(select(MinutesRequest))).all()
    assert minutes is not None
    assert (minutes.text, minutes.author_id) == ("Pöytäkirja", None)
    assert requests == []
