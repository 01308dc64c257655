"""Reading the network's own announcements: each seed document gives the meetings it states."""

from __future__ import annotations

import os
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.language.announcements import read_announcement
from storage.schedule.stated import StatedMeeting
from tests.bot.language.test_questions import VOCABULARY

SEEDS = Path(__file__).parents[4] / "shared" / "seeds"

EHKAISEVA = "ehkaiseva-lastensuojelu"
MATALA = "matalan-kynnyksen-toimintamallit"
KUMPPANUUS = "kasvatuskumppanuus"


def meeting(
    workshop: str,
    day: str,
    place: str | None = None,
    start: time | None = None,
    end: time | None = None,
    venue: str | None = None,
    address: str | None = None,
) -> tuple[object, ...]:
    """What a user checks in the preview: workshop, day, time, place, venue, address."""
    d, m, y = (int(part) for part in day.split("."))
    return (workshop, date(y, m, d), start, end, place, venue, address)


def seen(found: StatedMeeting) -> tuple[object, ...]:
    return (
        found.workshop,
        found.day,
        found.start,
        found.end,
        found.place,
        found.venue,
        found.address,
    )


# The seed documents by the start of their names, with the meetings each one states.
STATED = {
    # The press release of 18.12.2008: three workshops, five meetings each, host towns.
    "000_": {
        meeting(EHKAISEVA, "15.1.2009", "Tuusula"),
        meeting(EHKAISEVA, "4.3.2009", "Kirkkonummi"),
        meeting(EHKAISEVA, "25.3.2009", "Järvenpää"),
        meeting(EHKAISEVA, "6.5.2009", "Lohja"),
        meeting(EHKAISEVA, "4.6.2009", "Järvenpää"),
        meeting(MATALA, "4.2.2009", "Lohja"),
        meeting(MATALA, "11.3.2009", "Raasepori"),
        meeting(MATALA, "25.3.2009", "Järvenpää"),
        meeting(MATALA, "15.4.2009", "Vihti"),
        meeting(MATALA, "13.5.2009", "Tuusula"),
        meeting(KUMPPANUUS, "12.1.2009", "Kirkkonummi"),
        meeting(KUMPPANUUS, "9.2.2009", "Lohja"),
        meeting(KUMPPANUUS, "25.3.2009", "Järvenpää"),
        meeting(KUMPPANUUS, "28.4.2009", "Nurmijärvi"),
        meeting(KUMPPANUUS, "3.6.2009", "Raasepori"),
    },
    # The goals for 2009: the flyer's heading meeting, the workshop day and the two
    # regional forums (in the table, under the workshop whose cell they are in).
    "001_": {
        meeting(KUMPPANUUS, "24.8.2009", "Järvenpää", time(13), time(15)),
        meeting(KUMPPANUUS, "1.9.2009", "Järvenpää"),
        meeting(EHKAISEVA, "22.9.2009"),
        meeting(EHKAISEVA, "24.9.2009"),
    },
    # The summary of the meeting of 15.1.2009 and the next one.
    "002_": {
        meeting(
            EHKAISEVA,
            "15.1.2009",
            "Tuusula",
            time(9, 30),
            time(12),
            venue="Tuusulan sosiaalitoimisto / kokoushuone",
            address="Autoasemankatu 2, 2. krs",
        ),
        meeting(EHKAISEVA, "4.3.2009", "Kirkkonummi", time(13), time(15, 30)),
    },
    # The goals table against the municipalities' needs: no meetings.
    "003_": set(),
    # A development group's self-evaluation of 4.11.2008: a date, but no meeting.
    "004_": set(),
}


def seed_documents() -> list[Path]:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the seed documents are missing: {SEEDS}")
        pytest.skip("the seed documents (../shared/seeds) are not beside the project")
    return sorted(SEEDS.glob("*.txt"))


def test_every_seed_document_has_its_meetings_written_down() -> None:
    documents = {path.name[:4] for path in seed_documents()}
    assert documents == set(STATED), "a seed document came or went: state its meetings here"


@pytest.mark.usefixtures("morphology")
@pytest.mark.parametrize("prefix", sorted(STATED))
def test_each_seed_document_gives_the_meetings_it_states(prefix: str) -> None:
    (path,) = [path for path in seed_documents() if path.name.startswith(prefix)]

    reading = read_announcement(path.read_text(encoding="utf-8"), VOCABULARY)

    assert {seen(found) for found in reading.meetings} == STATED[prefix]
    assert len(reading.meetings) == len(STATED[prefix]), "a meeting was read twice"


def test_the_press_release_gives_each_workshops_municipalities() -> None:
    (path,) = [path for path in seed_documents() if path.name.startswith("000_")]

    reading = read_announcement(path.read_text(encoding="utf-8"), VOCABULARY)

    assert reading.municipalities == {
        EHKAISEVA: (
            "Kerava",
            "Nurmijärvi",
            "Kirkkonummi",
            "Siuntio",
            "Raasepori",
            "Lohja",
            "Vihti",
            "Tuusula",
        ),
        MATALA: (
            "Järvenpää",
            "Kerava",
            "Nurmijärvi",
            "Tuusula",
            "Vihti",
            "Siuntio",
            "Karjalohja",
            "Mäntsälä",
        ),
        KUMPPANUUS: ("Järvenpää", "Kerava", "Nurmijärvi", "Siuntio"),
    }
    # The steering group's meeting of 12.12.2008 is no workshop's: told, not imported.
    assert reading.unplaced_days == [date(2008, 12, 12)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swedish, with "kl." and a colon in the time.
        (
            "Förebyggande barnskydd i basservicen\nNästa möte 8.10.2009 kl. 13:00–15:30 i Lojo",
            meeting(EHKAISEVA, "8.10.2009", "Lohja", time(13), time(15, 30)),
        ),
        # A town the network does not know yet is still the place.
        (
            "Matalan kynnyksen verstas\nSovitut kokouspäivät: 2.12.2009 (Hyvinkää)",
            meeting(MATALA, "2.12.2009", "Hyvinkää"),
        ),
        # Two-digit years; inflected town after the time; hyphen for the dash.
        (
            "Moniammatillisen kumppanuusajattelun vahvistaminen: kokous 5.10.09 klo 9-11 Vihdissä",
            meeting(KUMPPANUUS, "5.10.2009", "Vihti", time(9), time(11)),
        ),
        # Place and address on the lines after the time.
        (
            "Ehkäisevä lastensuojelu peruspalveluissa\nAika: ti 6.10.2009 klo 12.30\n"
            "Paikka: Lohjan kaupungintalo, Karstuntie 4",
            meeting(
                EHKAISEVA,
                "6.10.2009",
                "Lohja",
                time(12, 30),
                venue="Lohjan kaupungintalo",
                address="Karstuntie 4",
            ),
        ),
    ],
)
def test_the_ways_the_network_writes_a_meeting(text: str, expected: tuple[object, ...]) -> None:
    reading = read_announcement(text, VOCABULARY)

    assert [seen(found) for found in reading.meetings] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ehkäisevä lastensuojelu peruspalveluissa\nTIEDOTE 18.12.2008",
        "Ehkäisevä lastensuojelu\nKunnat 18.12.2008 päivitetyn tiedon mukaan: Lohja, Vihti",
        "Matalan kynnyksen verstas\nTyöryhmän päätöksellä 12.1.2009",
        "Matalan kynnyksen verstas\nKartoitus valmistuu 4/2009, raportti 31.5.2009 mennessä",
        "Milloin on seuraava kokous?",
    ],
)
def test_dates_that_are_not_meetings_are_left_alone(text: str) -> None:
    assert read_announcement(text, VOCABULARY).meetings == ()


def test_a_meeting_whose_workshop_is_not_named_is_reported_not_guessed() -> None:
    reading = read_announcement("Seuraava kokous 4.3.2009 klo 13 Lohjalla.", VOCABULARY)

    assert reading.meetings == ()
    assert reading.unplaced_days == [date(2009, 3, 4)]


def test_a_weekday_that_does_not_fit_the_date_is_pointed_out() -> None:
    reading = read_announcement(
        "Ehkäisevä lastensuojelu peruspalveluissa\nAika: Torstai 16.1.2009 klo 9.30 – 12",
        VOCABULARY,
    )

    (wrong,) = reading.wrong_weekdays
    assert (wrong.day, wrong.written, wrong.day.weekday()) == (date(2009, 1, 16), 3, 4)
    # The meeting is still read: the coordinator decides which of the two was meant.
    assert [found.day for found in reading.meetings] == [date(2009, 1, 16)]


def test_a_meeting_mentioned_twice_is_one_meeting_with_what_both_say() -> None:
    text = (
        "Ehkäisevä lastensuojelu peruspalveluissa\n"
        "Sovitut kokouspäivämäärät ovat 4.3.2009 (Kirkkonummi) ja 6.5.2009 (Lohja)\n"
        "Seuraava kokoontuminen keskiviikkona 4.3.2009 klo 13 – 15.30 Kirkkonummella."
    )

    reading = read_announcement(text, VOCABULARY)

    assert [seen(found) for found in reading.meetings] == [
        meeting(EHKAISEVA, "4.3.2009", "Kirkkonummi", time(13), time(15, 30)),
        meeting(EHKAISEVA, "6.5.2009", "Lohja"),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "Ehkäisevä lastensuojelu peruspalveluissa",
                    "Aika: ",
                    "Paikka: ",
                    "klo 13 – 15.30",
                    "31.2.2009",
                    "4.3.2009",
                    "(Tuusula)",
                    "Kirkkonummella",
                    "<p>",
                    "|",
                    "**",
                ]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_any_text_reads_without_error_into_real_workshops_and_days(text: str) -> None:
    reading = read_announcement(text, VOCABULARY)

    assert {found.workshop for found in reading.meetings} <= {EHKAISEVA, MATALA, KUMPPANUUS}
    for found in reading.meetings:
        assert found.end is None or (found.start is not None and found.end > found.start)


@pytest.mark.parametrize(
    ("text", "place", "venue", "address"),
    [
        # What follows the time is the venue; the town in it is the place.
        (
            "Kokous to 14.5.2009 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali",
            "Kirkkonummi",
            "Kirkkonummen kunnantalo, valtuustosali",
            None,
        ),
        # A town alone is the place; after it and a comma, the venue and its address.
        (
            "Kokous 14.5.2009 klo 13 Lohjalla, kaupungintalo, Karstuntie 4.",
            "Lohja",
            "kaupungintalo",
            "Karstuntie 4",
        ),
        (
            "Nästa möte 14.5.2009 kl. 13–15.30 i Kyrkslätt, kommunhuset",
            "Kirkkonummi",
            "kommunhuset",
            None,
        ),
        (
            "Seuraava kokoontuminen 14.5.2009 klo 13 – 15.30 Kirkkonummella.",
            "Kirkkonummi",
            None,
            None,
        ),
    ],
)
def test_a_one_line_announcement_without_a_workshop_keeps_what_it_says(
    text: str, place: str, venue: str | None, address: str | None
) -> None:
    reading = read_announcement(text, VOCABULARY)

    assert reading.meetings == ()
    [unplaced] = reading.unplaced_meetings
    assert (unplaced.day, unplaced.place, unplaced.venue, unplaced.address) == (
        date(2009, 5, 14),
        place,
        venue,
        address,
    )


@pytest.mark.usefixtures("morphology")
@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ehkäisevä lastensuojelu peruspalveluissa", EHKAISEVA),
        ("Avoimen / matalan kynnyksen toimintamallien kehittäminen", MATALA),
        ("Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen", KUMPPANUUS),
    ],
)
def test_the_workshop_a_coordinator_chose_read_as_the_texts_heading(name: str, key: str) -> None:
    # The bot writes the chosen workshop's name above a text that named none, and reads it so.
    text = f"{name}\nKokous 14.5.2009 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali"

    reading = read_announcement(text, VOCABULARY)

    assert [(m.workshop, m.venue) for m in reading.meetings] == [
        (key, "Kirkkonummen kunnantalo, valtuustosali")
    ]
    assert reading.unplaced_meetings == ()
