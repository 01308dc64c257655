"""Importing schedules into the database: all or nothing, idempotent, updates by key."""

from __future__ import annotations

from datetime import UTC, datetime
from textwrap import dedent
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from storage.models import Base, Coordinator, Meeting, MeetingStatus, Municipality, Workshop
from storage.schedule import ImportReport, ScheduleInvalid, apply_schedule, read_schedule_bytes
from storage.schedule.apply import FieldsChange
from tests.helpers.schedules import demo_bytes, yaml_bytes

HELSINKI = ZoneInfo("Europe/Helsinki")

Sessions = async_sessionmaker[AsyncSession]


async def import_bytes(
    sessions: Sessions, data: bytes, file_format: str = "yaml", *, prune: bool = False
) -> ImportReport:
    schedule = read_schedule_bytes(data, file_format)
    async with sessions.begin() as session:
        return await apply_schedule(session, schedule, default_timezone=HELSINKI, prune=prune)


async def snapshot(sessions: Sessions) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, for comparing the database before and after."""
    async with sessions() as session:
        tables = {}
        for table in Base.metadata.sorted_tables:
            rows = (await session.execute(select(table))).all()
            tables[table.name] = sorted((tuple(row) for row in rows), key=repr)
        return tables


async def meeting(sessions: Sessions, workshop_key: str, meeting_key: str) -> Meeting:
    async with sessions() as session:
        found = await session.scalar(
            select(Meeting)
            .join(Workshop)
            .where(Workshop.key == workshop_key, Meeting.key == meeting_key)
        )
        assert found is not None
        return found


async def test_demo_import_stores_the_network(sessions: Sessions) -> None:
    report = await import_bytes(sessions, demo_bytes())
    assert report.count("added") == 19
    async with sessions() as session:
        workshops = (await session.scalars(select(Workshop).order_by(Workshop.position))).all()
        assert [w.key for w in workshops] == [
            "ehkaiseva-lastensuojelu",
            "matalan-kynnyksen-toimintamallit",
            "kasvatuskumppanuus",
        ]
        raseborg = await session.scalar(
            select(Municipality).where(Municipality.name_sv == "Raseborg")
        )
        assert raseborg is not None
        assert raseborg.name == "Raasepori"
        contacts = (await session.scalars(select(Coordinator).order_by(Coordinator.position))).all()
        assert [c.email for c in contacts] == [
            "marianna.kokko@sosiaalitalo.fi",
            "heidi.gerdt@sosiaalitalo.fi",
        ]
    first = await meeting(sessions, "ehkaiseva-lastensuojelu", "2009-01-15")
    # 9.30 in Helsinki in January is 7.30 UTC; stored aware, read back aware.
    assert first.starts_at == datetime(2009, 1, 15, 7, 30, tzinfo=UTC)
    assert first.ends_at == datetime(2009, 1, 15, 12, 0, tzinfo=HELSINKI)
    assert first.address == "Autoasemankatu 2, 2. krs"
    undecided = await meeting(sessions, "ehkaiseva-lastensuojelu", "2009-03-25")
    assert undecided.starts_at is None
    assert undecided.place == "Järvenpää"


async def test_importing_the_same_file_again_changes_nothing(sessions: Sessions) -> None:
    await import_bytes(sessions, demo_bytes())
    before = await snapshot(sessions)
    report = await import_bytes(sessions, demo_bytes())
    assert not report.changed_anything
    assert report.meetings_unchanged == 19
    assert await snapshot(sessions) == before


async def test_a_file_with_errors_writes_nothing(sessions: Sessions) -> None:
    await import_bytes(sessions, demo_bytes())
    before = await snapshot(sessions)
    broken = (
        demo_bytes()
        .replace(b'start: "13:00"', b'start: "31:00"', 1)
        .replace(b"date: 6.5.2009", b"date: 31.2.2009")
    )
    with pytest.raises(ScheduleInvalid) as caught:
        await import_bytes(sessions, broken)
    assert [e.code for e in caught.value.errors] == ["bad_time", "no_such_date"]
    assert await snapshot(sessions) == before


BASE = dedent("""
    network: {name: Testi}
    municipalities: [Kerava, Lohja]
    workshops:
      - key: w
        name: Verstas
        municipalities: [Kerava]
        meetings:
          - {date: 4.3.2009, start: "09:30", end: "12:00", place: Tuusula}
          - {date: 25.3.2009, place: Järvenpää}
          - {date: 6.5.2009, place: Lohja}
    """)


async def test_a_changed_time_and_place_update_the_meeting_by_its_key(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    before = await meeting(sessions, "w", "2009-03-04")
    changed = BASE.replace(
        'start: "09:30", end: "12:00", place: Tuusula', 'start: "10:00", end: "12:00", place: Lohja'
    )
    report = await import_bytes(sessions, yaml_bytes(changed))
    [change] = report.meetings
    assert (change.kind, change.meeting_key) == ("changed", "2009-03-04")
    assert change.fields["place"] == ("Tuusula", "Lohja")
    old_start, new_start = change.fields["starts_at"]
    assert (old_start.astimezone(HELSINKI).hour, new_start.astimezone(HELSINKI).hour) == (9, 10)
    after = await meeting(sessions, "w", "2009-03-04")
    assert after.id == before.id
    assert after.place == "Lohja"
    # A new revision is what makes the change notice a new outbox row.
    assert after.revision == before.revision + 1
    assert report.meetings_unchanged == 2


async def test_a_cancelled_meeting_is_reported_as_cancelled(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    report = await import_bytes(
        sessions, yaml_bytes(BASE.replace("place: Lohja}", "place: Lohja, status: cancelled}"))
    )
    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("cancelled", "2009-05-06")]
    assert (await meeting(sessions, "w", "2009-05-06")).status == MeetingStatus.CANCELLED


async def test_a_meeting_left_out_is_reported_and_removed_only_with_prune(
    sessions: Sessions,
) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    shorter = BASE.replace("      - {date: 25.3.2009, place: Järvenpää}\n", "")
    assert shorter != BASE
    report = await import_bytes(sessions, yaml_bytes(shorter))
    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("missing", "2009-03-25")]
    assert not report.changed_anything
    await meeting(sessions, "w", "2009-03-25")

    report = await import_bytes(sessions, yaml_bytes(shorter), prune=True)
    assert [(c.kind, c.meeting_key) for c in report.meetings] == [("removed", "2009-03-25")]
    async with sessions() as session:
        keys = (await session.scalars(select(Meeting.key).order_by(Meeting.date))).all()
    assert keys == ["2009-03-04", "2009-05-06"]


async def test_workshop_membership_follows_the_file(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    report = await import_bytes(
        sessions,
        yaml_bytes(BASE.replace("municipalities: [Kerava]\n", "municipalities: [Lohja, Kerava]\n")),
    )
    assert report.workshops_changed == [
        FieldsChange("w", {"municipalities": (["Kerava"], ["Kerava", "Lohja"])})
    ]
    async with sessions() as session:
        workshop = await session.scalar(
            select(Workshop).options(selectinload(Workshop.municipalities))
        )
        assert workshop is not None
        assert [m.name for m in workshop.municipalities] == ["Kerava", "Lohja"]


FULL = dedent("""
    network: {name: Testi}
    coordinators:
      - {name: Marianna Kokko, title: Projektikoordinaattori, email: m@example.fi}
    municipalities:
      - Kerava
      - {name: Raasepori, name_sv: Raseborg}
    workshops:
      - key: w
        name: Verstas
        name_sv: Verkstad
        name_en: Workshop
        aliases: [Vanha nimi]
        description: Kuvaus
        municipalities: [Kerava, Raasepori]
    """)


async def test_a_partial_file_keeps_what_it_leaves_out(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(FULL))
    partial = dedent("""
        network: {name: Testi}
        coordinators:
          - {name: Marianna Kokko}
        municipalities: [Kerava, Raasepori]
        workshops:
          - {key: w, name: Verstas}
        """)

    report = await import_bytes(sessions, yaml_bytes(partial))

    assert not report.changed_anything
    async with sessions() as session:
        workshop = await session.scalar(
            select(Workshop).options(selectinload(Workshop.municipalities))
        )
        raasepori = await session.scalar(
            select(Municipality).where(Municipality.name == "Raasepori")
        )
        contact = await session.scalar(select(Coordinator))
    assert workshop is not None
    assert raasepori is not None
    assert contact is not None
    assert (workshop.name_sv, workshop.name_en, workshop.aliases, workshop.description) == (
        "Verkstad",
        "Workshop",
        ["Vanha nimi"],
        "Kuvaus",
    )
    assert [m.name for m in workshop.municipalities] == ["Kerava", "Raasepori"]
    assert raasepori.name_sv == "Raseborg"
    assert (contact.title, contact.email) == ("Projektikoordinaattori", "m@example.fi")


async def test_an_explicit_empty_value_clears_and_every_change_is_reported(
    sessions: Sessions,
) -> None:
    await import_bytes(sessions, yaml_bytes(FULL))
    cleared = (
        FULL.replace("name_en: Workshop", 'name_en: ""')
        .replace("aliases: [Vanha nimi]", "aliases: []")
        .replace("{name: Raasepori, name_sv: Raseborg}", "{name: Raasepori, name_sv: Rasebors}")
        .replace("title: Projektikoordinaattori, ", "")
    )

    report = await import_bytes(sessions, yaml_bytes(cleared))

    assert report.workshops_changed == [
        FieldsChange("w", {"name_en": ("Workshop", None), "aliases": (["Vanha nimi"], [])})
    ]
    assert report.municipalities_changed == [
        FieldsChange("Raasepori", {"name_sv": ("Raseborg", "Rasebors")})
    ]
    # Left out is kept, even for a contact: the title stays.
    assert report.coordinators_changed == []
    async with sessions() as session:
        workshop = await session.scalar(select(Workshop))
    assert workshop is not None
    assert (workshop.name_en, workshop.aliases, workshop.description) == (None, [], "Kuvaus")


async def test_csv_adds_and_updates_meetings_of_known_workshops(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    csv = (
        "workshop,date,start,end,place,venue,address,agenda\n"
        "w,4.3.2009,09:30,12:00,Tuusula,Kunnantalo,Hyryläntie 16,Avaus | Kuulumiset\n"
        "Verstas,3.6.2009,13:00,15:00,Kerava,,,\n"
    ).encode()
    report = await import_bytes(sessions, csv, "csv")
    assert sorted((c.kind, c.meeting_key) for c in report.meetings) == [
        ("added", "2009-06-03"),
        ("changed", "2009-03-04"),
    ]
    updated = await meeting(sessions, "w", "2009-03-04")
    assert (updated.venue, updated.agenda) == ("Kunnantalo", ["Avaus", "Kuulumiset"])
    # Only time or place changes are news for the members.
    assert updated.revision == 1
    added = await meeting(sessions, "w", "2009-06-03")
    assert added.starts_at == datetime(2009, 6, 3, 13, 0, tzinfo=HELSINKI)

    again = await import_bytes(sessions, csv, "csv")
    assert not again.changed_anything


async def test_csv_naming_an_unknown_workshop_writes_nothing(sessions: Sessions) -> None:
    await import_bytes(sessions, yaml_bytes(BASE))
    before = await snapshot(sessions)
    csv = b"workshop,date,place\nw,3.6.2009,Kerava\nnone-such,4.6.2009,Lohja\n"
    with pytest.raises(ScheduleInvalid) as caught:
        await import_bytes(sessions, csv, "csv")
    assert [(e.line, e.field, e.code) for e in caught.value.errors] == [
        (3, "workshop", "unknown_workshop")
    ]
    assert await snapshot(sessions) == before
