"""Dates and times read as coordinators write them, the same in the chat and in files."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic_core import PydanticCustomError

from storage.schedule.when import (
    read_date,
    read_day,
    read_statement,
    read_time,
    read_time_range,
)

# A Tuesday; "25.3." from here is this spring's, "1.2." next year's.
TODAY = date(2027, 3, 9)


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("klo 9.30–12", time(9, 30), time(12)),
        ("klo 9.30-12", time(9, 30), time(12)),
        ("9.30-12", time(9, 30), time(12)),
        ("13-15", time(13), time(15)),
        ("13 – 15", time(13), time(15)),
        ("13—15", time(13), time(15)),
        ("kello 13", time(13), None),
        ("klo 13", time(13), None),
        ("kl. 13", time(13), None),
        ("kl 13", time(13), None),
        ("KL. 13.15", time(13, 15), None),
        ("13:00–15:30", time(13), time(15, 30)),
        ("09.00-11.30", time(9), time(11, 30)),
        ("klo 9-klo 12", time(9), time(12)),
        ("at 14:00", time(14), None),
        ("0.00", time(0), None),
    ],
)
def test_times_and_ranges_as_written(written: str, start: time, end: time | None) -> None:
    assert read_time_range(written) == (start, end)


@pytest.mark.parametrize(
    "written", ["", "klo", "24", "13.60", "25:00", "9.3", "13-", "noon", "13-15-17", "1300"]
)
def test_what_is_not_a_time_is_refused_as_such(written: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_time_range(written)
    assert caught.value.type == "bad_time"


def test_one_time_is_not_a_range() -> None:
    assert read_time("klo 9.30") == time(9, 30)
    assert read_time(time(8)) == time(8)
    with pytest.raises(PydanticCustomError):
        read_time("13-15")


@pytest.mark.parametrize(
    ("written", "day", "weekday"),
    [
        ("25.3.2009", date(2009, 3, 25), None),
        ("ke 25.3.2009", date(2009, 3, 25), 2),
        ("Ke 25.3.2009", date(2009, 3, 25), 2),
        ("keskiviikkona 25.3.2009", date(2009, 3, 25), 2),
        ("ons 25.3.2009", date(2009, 3, 25), 2),
        ("onsdag 25.3.2009", date(2009, 3, 25), 2),
        ("Wed 25.3.2009", date(2009, 3, 25), 2),
        ("ke. 25.3.2009", date(2009, 3, 25), 2),
        ("ke, 25.3.2009", date(2009, 3, 25), 2),
        ("6.5.09", date(2009, 5, 6), None),
        ("2009-03-25", date(2009, 3, 25), None),
        ("25.3.", date(2027, 3, 25), None),
        ("25.3", date(2027, 3, 25), None),
        ("9.3.", date(2027, 3, 9), None),
        ("1.2.", date(2028, 2, 1), None),
        ("to 25.3.", date(2027, 3, 25), 3),
    ],
)
def test_dates_as_written(written: str, day: date, weekday: int | None) -> None:
    read = read_day(written, TODAY)
    assert (read.day, read.weekday) == (day, weekday)


def test_a_weekday_that_does_not_match_is_kept_for_a_warning() -> None:
    assert read_day("ti 25.3.2009").wrong_weekday
    assert not read_day("ke 25.3.2009").wrong_weekday
    assert not read_day("25.3.2009").wrong_weekday


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("31.2.2009", "no_such_date"),
        ("29.2.", "no_such_date"),
        ("2009-13-01", "no_such_date"),
        ("huomenna", "bad_date"),
        ("xx 25.3.2009", "bad_date"),
        ("25/3/2009", "bad_date"),
        ("25.3.209", "bad_date"),
    ],
)
def test_what_is_not_a_date_is_refused_as_such(written: str, kind: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_day(written, TODAY)
    assert caught.value.type == kind


def test_a_date_without_its_year_needs_today() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_date("25.3.")
    assert caught.value.type == "day_without_year"
    assert read_date(date(2009, 1, 1)) == date(2009, 1, 1)


@pytest.mark.parametrize(
    ("line", "day", "start", "end", "rest"),
    [
        (
            "14.5.2009 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali",
            date(2009, 5, 14),
            time(9, 30),
            time(12),
            "Kirkkonummen kunnantalo, valtuustosali",
        ),
        ("ke 25.3.2009 13-15 Lohja", date(2009, 3, 25), time(13), time(15), "Lohja"),
        ("25.3. kl. 13 Lojo", date(2027, 3, 25), time(13), None, "Lojo"),
        ("6.5.09, klo 13.00–15.30, Vihti", date(2009, 5, 6), time(13), time(15, 30), "Vihti"),
        ("6.5.09 Vihti", date(2009, 5, 6), None, None, "Vihti"),
        ("2009-05-06", date(2009, 5, 6), None, None, ""),
        ("25.3 9.30 Kerava", date(2027, 3, 25), time(9, 30), None, "Kerava"),
    ],
)
def test_a_line_begins_with_its_date_and_time(
    line: str, day: date, start: time | None, end: time | None, rest: str
) -> None:
    statement = read_statement(line, TODAY)
    assert statement is not None
    assert (statement.written.day, statement.start, statement.end, statement.rest) == (
        day,
        start,
        end,
        rest,
    )


def test_a_line_without_a_date_is_no_statement() -> None:
    assert read_statement("Kirkkonummi 14.5.2009", TODAY) is None
    assert read_statement("", TODAY) is None
