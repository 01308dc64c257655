"""Reading schedule files: the demo data, every kind of mistake with its line, CSV."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.schedule import CsvMeetings, Schedule, ScheduleInvalid, read_schedule_bytes
from storage.schedule.errors import ScheduleError
from tests.helpers.schedules import demo_bytes, yaml_bytes


def read_yaml(data: bytes) -> Schedule:
    schedule = read_schedule_bytes(data, "yaml")
    assert isinstance(schedule, Schedule)
    return schedule


def problems(data: bytes, file_format: str = "yaml") -> list[tuple[int | None, str | None, str]]:
    with pytest.raises(ScheduleInvalid) as caught:
        read_schedule_bytes(data, file_format)
    return [(e.line, e.field, e.code) for e in caught.value.errors]


def test_demo_network_has_the_workshops_municipalities_and_meetings_of_the_seeds() -> None:
    schedule = read_yaml(demo_bytes())
    workshops = {w.key: w for w in schedule.workshops}
    assert set(workshops) == {
        "ehkaiseva-lastensuojelu",
        "matalan-kynnyksen-toimintamallit",
        "kasvatuskumppanuus",
    }
    preventive = workshops["ehkaiseva-lastensuojelu"]
    assert preventive.name == "Ehkäisevä lastensuojelu peruspalveluissa"
    # The former name (press release of 18.12.2008) still finds the workshop.
    assert (
        "Lastensuojelun edellyttämän ennaltaehkäisevän työn vahvistaminen peruspalveluissa"
        in preventive.aliases
    )
    assert set(preventive.municipalities) == {
        "Kerava",
        "Nurmijärvi",
        "Kirkkonummi",
        "Siuntio",
        "Raasepori",
        "Lohja",
        "Vihti",
        "Tuusula",
    }
    dates = {w.key: [(m.date, m.place) for m in w.meetings] for w in schedule.workshops}
    assert dates["matalan-kynnyksen-toimintamallit"] == [
        (date(2009, 2, 4), "Lohja"),
        (date(2009, 3, 11), "Raasepori"),
        (date(2009, 3, 25), "Järvenpää"),
        (date(2009, 4, 15), "Vihti"),
        (date(2009, 5, 13), "Tuusula"),
    ]
    first = preventive.meetings[0]
    assert (first.date, first.start, first.end) == (date(2009, 1, 15), time(9, 30), time(12, 0))
    assert first.venue == "Tuusulan sosiaalitoimisto, kokoushuone"
    assert first.address == "Autoasemankatu 2, 2. krs"
    assert "Teemaverstaan nimen täsmentäminen" in first.agenda
    kirkkonummi = preventive.meetings[1]
    assert (kirkkonummi.date, kirkkonummi.start, kirkkonummi.end, kirkkonummi.place) == (
        date(2009, 3, 4),
        time(13),
        time(15, 30),
        "Kirkkonummi",
    )
    forums = [m.date for m in preventive.meetings if m.title and "foorumi" in m.title]
    assert forums == [date(2009, 9, 22), date(2009, 9, 24)]
    partnership = {m.date: m for m in workshops["kasvatuskumppanuus"].meetings}
    assert (partnership[date(2009, 8, 24)].start, partnership[date(2009, 8, 24)].end) == (
        time(13),
        time(15),
    )
    assert partnership[date(2009, 9, 1)].place == "Järvenpää"
    swedish = {m.name: m.name_sv for m in schedule.municipalities}
    assert swedish["Raasepori"] == "Raseborg"
    assert swedish["Kirkkonummi"] == "Kyrkslätt"
    assert swedish["Siuntio"] == "Sjundeå"
    assert schedule.coordinators is not None
    assert [(c.name, c.phone) for c in schedule.coordinators] == [
        ("Marianna Kokko", "040 3153446"),
        ("Heidi Gerdt", "040 3153447"),
    ]


def test_every_mistake_is_reported_with_its_line_and_field() -> None:
    data = yaml_bytes("""
        network:
          name: Testi
          timezone: Mars/Olympus
        municipalities:
          - Kerava
          - kerava
        workshops:
          - key: Bad Key
            name: X
          - key: ok
            name: Y
            municipalities: [Kerava, Lohja]
            meetings:
              - date: 31.2.2009
                start: "25:00"
              - date: 2009-03-04
                start: "13:00"
                end: "12:00"
              - date: 4.3.2009
                plase: Lohja
              - date: 5.3.2009
                start: "10:00"
                start: "11:00"
          - key: ok
            name: Z
        """)
    assert problems(data) == [
        (3, "timezone", "bad_timezone"),
        (6, "name", "duplicate_municipality"),
        (8, "key", "bad_key"),
        (12, "municipalities", "unknown_municipality"),
        (14, "date", "no_such_date"),
        (15, "start", "bad_time"),
        (18, "end", "end_before_start"),
        (20, "plase", "unknown_field"),
        (23, "start", "duplicate_field"),
        (24, "key", "duplicate_workshop"),
    ]


def test_missing_required_fields_point_at_their_mapping() -> None:
    data = yaml_bytes("""
        network: {name: Testi}
        workshops:
          - key: x
            meetings:
              - place: Lohja
        """)
    assert problems(data) == [(3, "name", "missing"), (5, "date", "missing")]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"network: [unclosed\n", [(2, None, "yaml_syntax")]),
        (b"", [(None, None, "empty_file")]),
        (b"- just\n- a list\n", [(1, None, "not_mapping")]),
        (b"network:\n  name: Lohja \xe4\n", [(2, None, "not_utf8")]),
        (b"workshops: []\n", [(1, "network", "missing")]),
        (b"network: {name: A}\nworkshop: []\n", [(2, "workshop", "unknown_field")]),
    ],
)
def test_broken_files_get_one_clear_problem(
    data: bytes, expected: list[tuple[int | None, str | None, str]]
) -> None:
    assert problems(data) == expected


def test_times_dates_and_keys_are_read_the_way_people_write_them() -> None:
    schedule = read_yaml(
        yaml_bytes("""
            network: {name: Testi}
            municipalities: [Kerava]
            workshops:
              - key: w
                name: W
                municipalities: [kerava]
                meetings:
                  - {date: 4.3.2009, start: 13:00, end: 15.30}
                  - {date: 2009-03-25, start: "9.30"}
                  - {date: 2009-03-25, start: "13"}
                  - {date: 6.5.2009, agenda: Yksi asia}
            """)
    )
    meetings = schedule.workshops[0].meetings
    # Unquoted 13:00 is not YAML 1.1's sexagesimal 780.
    assert (meetings[0].start, meetings[0].end) == (time(13), time(15, 30))
    assert [m.key for m in meetings] == [
        "2009-03-04",
        "2009-03-25-0930",
        "2009-03-25-1300",
        "2009-05-06",
    ]
    assert meetings[3].agenda == ("Yksi asia",)
    assert schedule.workshops[0].municipalities == ("Kerava",)


def test_aliases_expanding_into_huge_documents_are_refused() -> None:
    bomb = b"network: {name: A}\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefg":
        references = ", ".join([f"*{chr(ord(level) - 1)}"] * 10)
        bomb += f"{level}: &{level} [{references}]\n".encode()
    assert problems(bomb) == [(None, None, "too_large")]


def test_csv_with_semicolons_bom_and_agenda_items() -> None:
    data = (
        "\ufeffworkshop;date;start;end;place;venue;address;agenda\n"
        "ehkaiseva-lastensuojelu;4.3.2009;13:00;15:30;Kirkkonummi;;;Avaus | Kuulumiset\n"
        "\n"
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen;11.3.2009;;;Raasepori;;;\n"
    ).encode()
    schedule = read_schedule_bytes(data, "csv")
    assert isinstance(schedule, CsvMeetings)
    first, second = schedule.rows
    assert (first.workshop, first.row, first.meeting.start) == (
        "ehkaiseva-lastensuojelu",
        2,
        time(13),
    )
    assert first.meeting.agenda == ("Avaus", "Kuulumiset")
    assert (second.row, second.meeting.place, second.meeting.start) == (4, "Raasepori", None)


def test_csv_problems_name_their_row_and_column() -> None:
    data = (
        b"workshop,date,start,end,place,room\n"
        b"w,4.3.2009,13:00,12:00,Lohja\n"
        b",32.1.2009,,,\n"
        b"w,1.1.2009,,,,,extra\n"
    )
    assert problems(data, "csv") == [(1, "room", "unknown_column")]
    data = data.replace(b",room", b"")
    errors = problems(data, "csv")
    assert errors == [
        (2, "end", "end_before_start"),
        (3, "workshop", "missing"),
        (3, "date", "no_such_date"),
        (4, None, "too_many_cells"),
    ]


def test_rows_are_marked_as_rows_for_the_reader() -> None:
    with pytest.raises(ScheduleInvalid) as caught:
        read_schedule_bytes(b"workshop,date\nw,x\n", "csv")
    assert caught.value.errors == [
        ScheduleError("bad_date", line=2, field="date", params={"value": "x"}, is_row=True)
    ]


# Random and hostile input: any file read or refused with reasons, never a crash.
def read(data: bytes, file_format: str) -> Schedule | CsvMeetings | ScheduleInvalid:
    """The schedule, or the refusal with its reasons."""
    try:
        return read_schedule_bytes(data, file_format)
    except ScheduleInvalid as invalid:
        return invalid


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from(["yaml", "csv"]))
def test_any_bytes_as_a_schedule_file_are_read_or_refused_with_reasons(
    data: bytes, file_format: str
) -> None:
    result = read(data, file_format)
    if isinstance(result, ScheduleInvalid):
        assert result.errors
        assert all(error.code for error in result.errors)
    else:
        assert isinstance(result, Schedule | CsvMeetings)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_damaged_demo_file_is_read_or_refused_with_reasons(data: st.DataObject) -> None:
    text = demo_bytes().decode()
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    damage = data.draw(st.text(max_size=20))
    broken = (text[:start] + damage + text[end:]).encode()
    result = read(broken, "yaml")
    if isinstance(result, ScheduleInvalid):
        assert all(error.code for error in result.errors)


def test_broken_files_of_the_usual_kinds_get_their_reasons() -> None:
    impossible_day = b"network: {name: A}\nworkshops:\n  - key: w\n    name: W\n    meetings:\n"
    impossible_day += b"      - {date: 31.2.2009}\n"
    cases = {
        b"\xff\xfeW\x00o\x00r\x00k\x00": "not_utf8",  # UTF-16 from a spreadsheet
        b"network: {name: A}\nnetwork: {name: B}\n": "duplicate_field",
        impossible_day: "no_such_date",
        b"network: [\n": "yaml_syntax",
        b"x" * 2_000_001: "too_large",
    }
    for data, code in cases.items():
        result = read(data, "yaml")
        assert isinstance(result, ScheduleInvalid), data[:40]
        assert code in {e.code for e in result.errors}, (data[:40], result.errors)


def test_deeply_nested_yaml_is_one_problem_not_a_crash() -> None:
    assert problems(b"[" * 5000) == [(1, None, "too_deep")]
    nested = b"[" * 30 + b"]" * 30
    assert problems(b"network: {name: A}\nworkshops:\n  - " + nested + b"\n") == [
        (3, None, "too_deep")
    ]


def test_the_importer_reads_the_chats_time_and_date_forms() -> None:
    schedule = read_yaml(
        yaml_bytes("""
            network: {name: Testi}
            municipalities: [Kerava]
            workshops:
              - key: w
                name: W
                municipalities: [kerava]
                meetings:
                  - {date: ke 25.3.2009, start: klo 13}
                  - {date: 6.5.09, start: 13-15}
                  - {date: 7.5.2009, start: "klo 9.30–12"}
                  - {date: 8.5.2009, start: kl. 13, end: "15"}
            """)
    )
    meetings = schedule.workshops[0].meetings
    assert [(m.date, m.start, m.end) for m in meetings] == [
        (date(2009, 3, 25), time(13), None),
        (date(2009, 5, 6), time(13), time(15)),
        (date(2009, 5, 7), time(9, 30), time(12)),
        (date(2009, 5, 8), time(13), time(15)),
    ]
    data = (
        b"workshop;date;start;end;place\n"
        b"w;ke 25.3.2009;klo 13;;Kerava\n"
        b"w;6.5.09;13-15;;Kerava\n"
        b"w;25.3.;13;;Kerava\n"
        b"w;7.5.2009;13-15;16;Kerava\n"
    )
    # A date without a year is the chat's (which knows today), and a range with an end too
    # is no start: both are named.
    assert [(line, field, code) for line, field, code in problems(data, "csv")] == [
        (4, "date", "day_without_year"),
        (5, "start", "bad_time"),
    ]
