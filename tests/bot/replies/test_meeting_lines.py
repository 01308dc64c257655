"""The one-line /addmeeting and /editmeeting read as Finnish and Swedish coordinators write."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic_core import PydanticCustomError

from bot.replies.meeting_lines import (
    Place,
    Unreadable,
    read_meeting_change,
    read_new_meeting,
    split_place,
    split_workshop,
)
from bot.services.directory import Directory, MunicipalityInfo

DIRECTORY = Directory(
    municipalities=(
        MunicipalityInfo(id=1, name="Kirkkonummi", name_sv="Kyrkslätt"),
        MunicipalityInfo(id=2, name="Lohja", name_sv="Lojo"),
        MunicipalityInfo(id=3, name="Vihti", name_sv="Vichtis"),
    ),
    workshops=(),
    places=("Järvenpää",),
)
TODAY = date(2027, 3, 9)


@pytest.mark.parametrize(
    ("words", "town", "venue"),
    [
        (
            "Kirkkonummen kunnantalo, valtuustosali",
            "Kirkkonummi",
            "Kirkkonummen kunnantalo, valtuustosali",
        ),
        ("Kirkkonummi kunnantalo", "Kirkkonummi", "kunnantalo"),
        ("Kirkkonummi, valtuustosali", "Kirkkonummi", "valtuustosali"),
        ("Kyrkslätt, fullmäktigesalen", "Kirkkonummi", "fullmäktigesalen"),
        ("Lohja", "Lohja", None),
        ("Lojo", "Lohja", None),
        ("Lohjan pääkirjasto", "Lohja", "Lohjan pääkirjasto"),
        ("Järvenpää-talo", None, "Järvenpää-talo"),
        ("Järvenpää", "Järvenpää", None),
        ("Seurakuntakeskus, Iso sali", None, "Seurakuntakeskus, Iso sali"),
        ("", None, None),
    ],
)
def test_the_town_is_told_from_the_venue(words: str, town: str | None, venue: str | None) -> None:
    assert split_place(words, DIRECTORY) == Place(town, venue)


def test_the_issues_example_is_read_as_meant() -> None:
    line = read_new_meeting(
        "14.5.2009 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali", DIRECTORY, TODAY
    )
    assert (line.day, line.start, line.end) == (date(2009, 5, 14), time(9, 30), time(12))
    assert line.place == Place("Kirkkonummi", "Kirkkonummen kunnantalo, valtuustosali")
    assert not line.wrong_weekday


def test_a_weekday_that_is_not_the_dates_is_flagged() -> None:
    assert read_new_meeting("ti 14.5.2009 Lohja", DIRECTORY, TODAY).wrong_weekday
    assert not read_new_meeting("to 14.5.2009 Lohja", DIRECTORY, TODAY).wrong_weekday


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("31.2.2009 Lohja", "no_such_date"),
        ("14.5.2009 klo 15-13 Lohja", "end_before_start"),
        ("14.5.2009 klo 25 Lohja", "bad_time"),
    ],
)
def test_a_wrong_date_or_time_is_named(words: str, kind: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_new_meeting(words, DIRECTORY, TODAY)
    assert caught.value.type == kind


def test_a_line_without_a_date_is_answered_with_the_usage() -> None:
    with pytest.raises(Unreadable):
        read_new_meeting("Lohja ensi viikolla", DIRECTORY, TODAY)


@pytest.mark.parametrize(
    ("words", "day", "start", "end", "place"),
    [
        ("15.5.", date(2027, 5, 15), None, None, Place(None, None)),
        ("klo 14-16", None, time(14), time(16), Place(None, None)),
        ("kl. 13 Lojo", None, time(13), None, Place("Lohja", None)),
        ("Vihti", None, None, None, Place("Vihti", None)),
        (
            "ke 12.5.2027 13-15 Vihdin kunnantalo",
            date(2027, 5, 12),
            time(13),
            time(15),
            Place("Vihti", "Vihdin kunnantalo"),
        ),
    ],
)
def test_a_natural_edit_says_only_what_changes(
    words: str, day: date | None, start: time | None, end: time | None, place: Place
) -> None:
    line = read_meeting_change(words, DIRECTORY, TODAY)
    assert (line.day, line.start, line.end, line.place) == (day, start, end, place)


@pytest.mark.parametrize(
    ("text", "workshop", "rest"),
    [
        ("ehkäisevä 14.5.2009 klo 9.30", "ehkäisevä", "14.5.2009 klo 9.30"),
        (
            "Ehkäisevä lastensuojelu ke 14.5.2009 Lohja",
            "Ehkäisevä lastensuojelu",
            "ke 14.5.2009 Lohja",
        ),
        ("kasvatuskumppanuus", "kasvatuskumppanuus", ""),
        ("", "", ""),
    ],
)
def test_the_workshop_ends_where_the_date_begins(text: str, workshop: str, rest: str) -> None:
    assert split_workshop(text) == (workshop, rest)
