"""Imports that forgive and explain: a spreadsheet in Finnish or Swedish, every problem of
a file at once, the closest name for a slip, towns in either language, one meeting a day."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import Meeting, Workshop
from storage.schedule import (
    CsvMeetings,
    Schedule,
    ScheduleInvalid,
    apply_schedule,
    read_schedule_bytes,
)
from storage.schedule.apply import ImportReport
from storage.schedule.names import read_checked
from storage.schedule.similar import closest
from tests.helpers.schedules import HELSINKI, load_demo, yaml_bytes

Sessions = async_sessionmaker[AsyncSession]


async def import_csv(sessions: Sessions, text: str) -> ImportReport:
    async with sessions.begin() as session:
        rows = await read_checked(session, text.encode(), "csv")
        return await apply_schedule(session, rows, default_timezone=HELSINKI)


async def problems_of(sessions: Sessions, text: str) -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(ScheduleInvalid) as caught:
        await import_csv(sessions, text)
    return [(e.line, e.field, e.code) for e in caught.value.errors]


def test_finnish_and_swedish_headers_are_read_as_the_english_ones() -> None:
    for header in (
        "verstas;päivämäärä;alkaa;päättyy;paikka;tila;osoite;asialista;tunnus;tilanne;otsikko",
        "verkstad;datum;börjar;slutar;ort;lokal;adress;föredragningslista;nyckel;status;rubrik",
        "Verstas;Päivämäärä;Alkaa;Päättyy;Paikka;Tila;Osoite;Asialista;Tunnus;Tilanne;Otsikko",
    ):
        data = f"{header}\nw;14.5.2009;9.30;12;Kirkkonummi;Valtuustosali;;Avaus;;peruttu;\n"
        rows = read_schedule_bytes(data.encode(), "csv")
        assert isinstance(rows, CsvMeetings)
        [row] = rows.rows
        assert (row.workshop, row.meeting.start, row.meeting.end) == ("w", time(9, 30), time(12))
        assert (row.meeting.place, row.meeting.venue) == ("Kirkkonummi", "Valtuustosali")
        assert row.meeting.status == "cancelled"


def test_the_closest_name_is_offered_only_when_it_is_close() -> None:
    towns = ["Kirkkonummi", "Kerava", "Lohja", "Siuntio"]
    assert closest("Kirkkonumi", towns) == "Kirkkonummi"
    assert closest("kerva", towns) == "Kerava"
    assert closest("Helsinki", towns) is None


async def test_every_problem_of_a_csv_file_is_listed_in_one_round(sessions: Sessions) -> None:
    await load_demo(sessions)
    text = (
        "verstas;päivämäärä;alkaa;päättyy;paikka\n"
        "ehkaiseva-lastensuojelu;14.5.2009;25.00;;Kirkkonummi\n"
        "ehkaiseva-lastensuojelu;20.5.2009;13;15;Kirkkonumi\n"
        "ehkaisevaa-lastensuojelu;27.5.2009;13;15;Lohja\n"
    )
    # The time error does not hide the names that only the database can check.
    assert await problems_of(sessions, text) == [
        (2, "start", "bad_time"),
        (3, "place", "not_member_town_suggestion"),
        (4, "workshop", "unknown_workshop_suggestion"),
    ]


async def test_a_slip_in_a_name_gets_the_closest_name(sessions: Sessions) -> None:
    await load_demo(sessions)
    with pytest.raises(ScheduleInvalid) as caught:
        await import_csv(sessions, "workshop;date;place\nkasvatuskumppanus;2.9.2009;Kirkkonumi\n")
    workshop, town = caught.value.errors
    assert workshop.params == {
        "value": "kasvatuskumppanus",
        "suggestion": "kasvatuskumppanuus",
    }
    assert (town.params["suggestion"], town.warning) == ("Kirkkonummi", True)
    assert caught.value.error_count == 1


async def test_a_town_outside_the_network_is_imported_with_a_warning(sessions: Sessions) -> None:
    await load_demo(sessions)
    report = await import_csv(sessions, "workshop;date;place\nkasvatuskumppanuus;2.9.2009;Oulu\n")
    assert report.count("added") == 1
    [warning] = report.warnings
    assert (warning.code, warning.line, warning.params) == (
        "not_member_town",
        2,
        {"value": "Oulu"},
    )


async def test_a_swedish_town_name_is_the_same_town(sessions: Sessions) -> None:
    await load_demo(sessions)
    # The demo has Kirkkonummi on 4.3.2009 at 13.00–15.30.
    report = await import_csv(
        sessions,
        "verkstad;datum;börjar;slutar;ort\n"
        "ehkaiseva-lastensuojelu;4.3.2009;13:00;15:30;Kyrkslätt\n"
        "ehkaiseva-lastensuojelu;9.9.2009;;;kyrkslätt\n",
    )
    assert not report.warnings
    assert [c.kind for c in report.meetings] == ["added"]
    assert report.meetings[0].values["place"] == "Kirkkonummi"
    assert report.meetings_unchanged == 1


async def test_a_row_on_the_day_of_a_keyed_meeting_updates_it(sessions: Sessions) -> None:
    await load_demo(sessions)
    async with sessions() as session:
        keyed = await session.scalar(select(Meeting).where(Meeting.key == "foorumi-keski-uusimaa"))
        assert keyed is not None
        day, workshop_id = keyed.date, keyed.workshop_id
        workshop = await session.get(Workshop, workshop_id)
        assert workshop is not None
    report = await import_csv(
        sessions,
        f"workshop;date;start;end;place\n{workshop.key};{day:%d.%m.%Y};10:00;12:00;Kerava\n",
    )
    assert [(c.kind, c.meeting_key) for c in report.meetings] == [
        ("changed", "foorumi-keski-uusimaa")
    ]
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.date == day)
        )
    assert count == 1


def test_a_yaml_file_gets_the_closest_municipality_and_its_swedish_towns() -> None:
    text = """
        network: {name: Testi}
        municipalities: [{name: Kirkkonummi, name_sv: Kyrkslätt}, Kerava]
        workshops:
          - key: w
            name: Verstas
            municipalities: [Kirkkonumi]
            meetings:
              - {date: 4.3.2009, place: Kyrkslätt}
        """
    with pytest.raises(ScheduleInvalid) as caught:
        read_schedule_bytes(yaml_bytes(text), "yaml")
    [error] = caught.value.errors
    assert (error.code, error.params) == (
        "unknown_municipality_suggestion",
        {"value": "Kirkkonumi", "suggestion": "Kirkkonummi"},
    )
    schedule = read_schedule_bytes(yaml_bytes(text.replace("[Kirkkonumi]", "[Kyrkslätt]")), "yaml")
    assert isinstance(schedule, Schedule)
    [workshop] = schedule.workshops
    assert (workshop.municipalities, workshop.meetings[0].place) == (
        ("Kirkkonummi",),
        "Kirkkonummi",
    )


def test_a_file_that_is_not_utf8_is_told_so() -> None:
    with pytest.raises(ScheduleInvalid) as caught:
        read_schedule_bytes("verstas;päivämäärä\nw;1.1.2009\n".encode("cp1252"), "csv")
    assert [e.code for e in caught.value.errors] == ["not_utf8"]
