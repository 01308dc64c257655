"""Questions in plain Finnish, Swedish and English, with the names of the demo network.

The whole table runs twice: through the built-in stemmer, as on machines without Voikko,
and through Voikko where it loads here.
"""

from __future__ import annotations

import logging
import sys
from datetime import date

import pytest
from hypothesis import given, settings

from bot.language import finnish
from bot.language.names import Vocabulary, find_town, find_workshop
from bot.language.periods import Period, parse_period
from bot.language.questions import Intent, Question, understand
from storage.schedule import Schedule, read_schedule_bytes
from tests.bot.language.conftest import NO_VOIKKO
from tests.helpers.hostile import hostile_text
from tests.helpers.schedules import demo_bytes

# A Sunday: "this week" ends today, "next week" starts tomorrow.
TODAY = date(2009, 3, 1)


def demo_vocabulary() -> Vocabulary:
    schedule = read_schedule_bytes(demo_bytes(), "yaml")
    assert isinstance(schedule, Schedule)
    towns = {m.name: m.name for m in schedule.municipalities}
    towns |= {m.name_sv: m.name for m in schedule.municipalities if m.name_sv}
    workshops = {
        spelling: w.key
        for w in schedule.workshops
        for spelling in (w.key, w.name, w.name_sv, w.name_en, *w.aliases)
        if spelling
    }
    return Vocabulary(towns=towns, workshops=workshops)


VOCABULARY = demo_vocabulary()


def month(year: int, number: int) -> Period:
    last = date(year + number // 12, number % 12 + 1, 1).toordinal() - 1
    return Period(date(year, number, 1), date.fromordinal(last))


def day(when: date) -> Period:
    return Period(when, when)


MARCH, APRIL, MAY = month(2009, 3), month(2009, 4), month(2009, 5)
THIS_WEEK = Period(date(2009, 2, 23), date(2009, 3, 1))
NEXT_WEEK = Period(date(2009, 3, 2), date(2009, 3, 8))
TODAY_ONLY, TOMORROW, TUESDAY = day(TODAY), day(date(2009, 3, 2)), day(date(2009, 3, 3))
PREVENTIVE = "ehkaiseva-lastensuojelu"
LOW_THRESHOLD = "matalan-kynnyksen-toimintamallit"
PARTNERSHIP = "kasvatuskumppanuus"

NEXT, MEETINGS, WORKSHOPS = Intent.NEXT, Intent.MEETINGS, Intent.WORKSHOPS
CONTACT, HELP, UNKNOWN = Intent.CONTACT, Intent.HELP, Intent.UNKNOWN

INFLECTED_TOWNS = {
    "Lohjalla?": "Lohja",
    "Järvenpäässä": "Järvenpää",
    "Vihdissä": "Vihti",
    "Kirkkonummella": "Kirkkonummi",
    "Raaseporissa": "Raasepori",
    "Nurmijärvellä": "Nurmijärvi",
    "Tuusulassa": "Tuusula",
    "Keravalla": "Kerava",
    "Siuntiossa": "Siuntio",
    "Karjalohjalla": "Karjalohja",
    "Mäntsälässä": "Mäntsälä",
    "Lohjan": "Lohja",
    "Lohjalle": "Lohja",
    "Vihtiin": "Vihti",
    "jarvenpaassa": "Järvenpää",
}

QUESTIONS: list[tuple[str, Question]] = [
    # Finnish
    ("milloin on seuraava kokous?", Question(NEXT, "fi")),
    ("seuraava kokous Lohjalla", Question(NEXT, "fi", town="Lohja")),
    ("mitä kokouksia on maaliskuussa?", Question(MEETINGS, "fi", period=MARCH)),
    ("onko ensi viikolla verstasta?", Question(MEETINGS, "fi", period=NEXT_WEEK)),
    ("kokoukset huhtikuussa", Question(MEETINGS, "fi", period=APRIL)),
    ("seuraava lastensuojelun kokous", Question(NEXT, "fi", workshop=PREVENTIVE)),
    ("koska on seuraava kokous Vihdissä?", Question(NEXT, "fi", town="Vihti")),
    ("seuraavaksi?", Question(NEXT, "fi")),
    ("onko tällä viikolla kokouksia?", Question(MEETINGS, "fi", period=THIS_WEEK)),
    ("kokous tiistaina?", Question(MEETINGS, "fi", period=TUESDAY)),
    ("onko tänään kokousta?", Question(MEETINGS, "fi", period=TODAY_ONLY)),
    ("entä huomenna?", Question(MEETINGS, "fi", period=TOMORROW)),
    ("kokoukset 3/2009 Tuusulassa", Question(MEETINGS, "fi", town="Tuusula", period=MARCH)),
    (
        "milloin kasvatuskumppanuus kokoontuu seuraavaksi?",
        Question(NEXT, "fi", workshop=PARTNERSHIP),
    ),
    ("matalan kynnyksen verstas", Question(NEXT, "fi", workshop=LOW_THRESHOLD)),
    ("seuraava kokous Kirkkonumella", Question(NEXT, "fi", town="Kirkkonummi")),
    ("Lohjalla ja Vihdissä", Question(NEXT, "fi", town="Lohja")),
    ("yhteystiedot", Question(CONTACT, "fi")),
    ("kuka on koordinaattori?", Question(CONTACT, "fi")),
    ("mitä verstaita on?", Question(WORKSHOPS, "fi")),
    ("teemaverstaat", Question(WORKSHOPS, "fi")),
    ("apua", Question(HELP, "fi")),
    ("ohje", Question(HELP, "fi")),
    ("hyvää huomenta", Question(UNKNOWN, "fi")),
    *((text, Question(NEXT, "fi", town=town)) for text, town in INFLECTED_TOWNS.items()),
    # Swedish
    ("när är nästa möte i Lojo?", Question(NEXT, "sv", town="Lohja")),
    ("vilka möten finns i april?", Question(MEETINGS, "sv", period=APRIL)),
    ("möten nästa vecka", Question(MEETINGS, "sv", period=NEXT_WEEK)),
    ("finns det möten denna vecka?", Question(MEETINGS, "sv", period=THIS_WEEK)),
    ("möte på tisdag i Kyrkslätt", Question(MEETINGS, "sv", town="Kirkkonummi", period=TUESDAY)),
    ("finns det möte idag?", Question(MEETINGS, "sv", period=TODAY_ONLY)),
    ("i morgon?", Question(MEETINGS, "sv", period=TOMORROW)),
    ("i mars 2009", Question(MEETINGS, "sv", period=MARCH)),
    ("när är nästa möte om barnskydd?", Question(NEXT, "sv", workshop=PREVENTIVE)),
    ("i Sjundeå", Question(NEXT, "sv", town="Siuntio")),
    ("nästa möte i Karislojo", Question(NEXT, "sv", town="Karjalohja")),
    ("vem är koordinator?", Question(CONTACT, "sv")),
    ("kontaktuppgifter", Question(CONTACT, "sv")),
    ("vilka verkstäder finns?", Question(WORKSHOPS, "sv")),
    ("hjälp", Question(HELP, "sv")),
    # English
    ("next meeting in Vihti", Question(NEXT, "en", town="Vihti")),
    ("when is the next meeting?", Question(NEXT, "en")),
    ("meetings next week", Question(MEETINGS, "en", period=NEXT_WEEK)),
    ("what meetings are there in May 2009?", Question(MEETINGS, "en", period=MAY)),
    ("any meetings this week?", Question(MEETINGS, "en", period=THIS_WEEK)),
    ("meeting on Tuesday", Question(MEETINGS, "en", period=TUESDAY)),
    ("is there a meeting today?", Question(MEETINGS, "en", period=TODAY_ONLY)),
    ("tomorrow in Tuusula?", Question(MEETINGS, "en", town="Tuusula", period=TOMORROW)),
    ("March 2009", Question(MEETINGS, "en", period=MARCH)),
    (
        "when is the next low-threshold workshop meeting?",
        Question(NEXT, "en", workshop=LOW_THRESHOLD),
    ),
    (
        "next meeting of the child welfare workshop in Lohja",
        Question(NEXT, "en", town="Lohja", workshop=PREVENTIVE),
    ),
    ("who is the coordinator?", Question(CONTACT, "en")),
    ("contact", Question(CONTACT, "en")),
    ("which workshops are there?", Question(WORKSHOPS, "en")),
    ("help", Question(HELP, "en")),
    ("/help", Question(HELP, "en")),
    ("may I ask something", Question(UNKNOWN, "en")),
    ("what's the weather tomorrow?", Question(UNKNOWN, "en")),
    # Names alone say what they are about, not which language they are in.
    ("Lohja", Question(NEXT, None, town="Lohja")),
    ("Raseborg", Question(NEXT, None, town="Raasepori")),
    ("Kirkkonumi", Question(NEXT, None, town="Kirkkonummi")),
    ("kasvatuskumppanuus", Question(NEXT, None, workshop=PARTNERSHIP)),
    ("lastensuojelu", Question(NEXT, None, workshop=PREVENTIVE)),
    ("3/2009", Question(MEETINGS, None, period=MARCH)),
    # Whatever people send
    ("", Question(UNKNOWN, None)),
    ("asdf", Question(UNKNOWN, None)),
    ("12345", Question(UNKNOWN, None)),
    ("x" * 10_000, Question(UNKNOWN, None)),
    ("seuraava kokous Lohjalla " * 400, Question(NEXT, "fi", town="Lohja")),
    (
        "\u200fmilloin\u200f on seuraava\x00 kokous\x07 Loh\u200bjalla?\u202c",
        Question(NEXT, "fi", town="Lohja"),
    ),
    ("\u202eLohja\u202c", Question(NEXT, None, town="Lohja")),
    ("😀😀 SEURAAVA   KOKOUS!!! 🎉", Question(NEXT, "fi")),
    ("\ud800seuraava\x1b\tkokous\r\n\x7f", Question(NEXT, "fi")),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(text, q, id=text[:40]) for text, q in QUESTIONS]
)
def test_understands_the_question(morphology: str, text: str, expected: Question) -> None:
    assert understand(text, VOCABULARY, TODAY) == expected


def test_the_table_covers_the_three_languages() -> None:
    languages = [question.language for _, question in QUESTIONS]
    assert len(QUESTIONS) >= 50
    assert min(languages.count(language) for language in ("fi", "sv", "en")) >= 15


# --- periods ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        *(
            (text, MARCH)
            for text in (
                "3/2009",
                "03/2009",
                "3.2009",
                "2009-03",
                "maaliskuu 2009",
                "maaliskuussa",
                "maaliskuun kokoukset",
                "maaliskuuta",
                "mars",
                "i mars 2009",
                "March",
                "March 2009",
                "in march",
            )
        ),
        ("ensi viikolla", NEXT_WEEK),
        ("seuraavalla viikolla", NEXT_WEEK),
        ("nästa vecka", NEXT_WEEK),
        ("next week", NEXT_WEEK),
        ("tällä viikolla", THIS_WEEK),
        ("denna vecka", THIS_WEEK),
        ("den här veckan", THIS_WEEK),
        ("i veckan", THIS_WEEK),
        ("this week", THIS_WEEK),
        ("viikolla 12", Period(date(2009, 3, 16), date(2009, 3, 22))),
        ("tänään", TODAY_ONLY),
        ("idag", TODAY_ONLY),
        ("i dag", TODAY_ONLY),
        ("today", TODAY_ONLY),
        ("huomenna", TOMORROW),
        ("i morgon", TOMORROW),
        ("imorgon", TOMORROW),
        ("tomorrow", TOMORROW),
        ("tiistaina", TUESDAY),
        ("på tisdag", TUESDAY),
        ("on Tuesday", TUESDAY),
        ("sunnuntaina", TODAY_ONLY),  # a weekday counts from today, today included
        ("lauantaina", day(date(2009, 3, 7))),
        ("4.3.2009", day(date(2009, 3, 4))),
        ("2009-03-04", day(date(2009, 3, 4))),
        ("4.3.", day(date(2009, 3, 4))),
        ("1.2.", day(date(2010, 2, 1))),
        ("ensi kuussa", APRIL),
        ("next month", APRIL),
        ("kesäkuussa 2010", month(2010, 6)),
        ("maaliskuussa, ei huhtikuussa", MARCH),
    ],
)
def test_reads_the_period(text: str, expected: Period) -> None:
    assert parse_period(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("maaliskuussa", date(2009, 3, 31), MARCH),
        ("maaliskuussa", date(2009, 4, 1), month(2010, 3)),
        ("i mars", date(2009, 12, 31), month(2010, 3)),
        ("huhtikuussa", date(2009, 4, 15), APRIL),
        ("next week", date(2009, 12, 31), Period(date(2010, 1, 4), date(2010, 1, 10))),
        ("ensi kuussa", date(2009, 12, 31), month(2010, 1)),
        ("tiistaina", date(2009, 3, 3), TUESDAY),
        ("tiistaina", date(2009, 3, 4), day(date(2009, 3, 10))),
    ],
)
def test_counts_from_today(text: str, today: date, expected: Period) -> None:
    assert parse_period(text, today) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "13/2009",
        "2009-13",
        "31.2.2009",
        "klo 9.30",
        "may I ask",
        "hyvää huomenta",
        "god morgon",
    ],
)
def test_names_no_period(text: str) -> None:
    assert parse_period(text, TODAY) is None


# --- towns and workshops ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lohjalla", "Lohja"),
        ("raseborg", "Raasepori"),
        ("Kyrkslätt", "Kirkkonummi"),
        ("Järvenpäässä", "Järvenpää"),
        ("Järvenpäähän", "Järvenpää"),
        ("Kirkkonumi", "Kirkkonummi"),  # one letter missing
        ("Kirkkonumella", "Kirkkonummi"),  # and inflected
        ("Jarvenpaa", "Järvenpää"),  # no umlauts on the keyboard
        ("Nurmijärveltä", "Nurmijärvi"),
        ("Tuuslua", "Tuusula"),  # two letters swapped
        ("Karjalohjalla", "Karjalohja"),  # Lohja is inside Karjalohja: whole words only
        ("Karislojo", "Karjalohja"),
        ("i Lojo", "Lohja"),
        ("Siuntioon", "Siuntio"),
        ("kokous", None),
        ("Loja", None),  # short names get no typos: too many words are one letter away
        ("Helsingissä", None),
        ("", None),
    ],
)
def test_finds_the_town(text: str, expected: str | None, morphology: str) -> None:
    assert find_town(text, VOCABULARY) == expected


def test_finds_towns_of_several_words() -> None:
    vocabulary = Vocabulary(towns={"Ylä Lohja": "Ylä Lohja", "Lohja": "Lohja"}, workshops={})
    assert find_town("kokous Ylä Lohjalla", vocabulary) == "Ylä Lohja"
    assert find_town("kokous Lohjalla", vocabulary) == "Lohja"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kasvatuskumppanuus", PARTNERSHIP),
        ("kasvatuskumppanuudesta", PARTNERSHIP),
        ("lastensuojelu", PREVENTIVE),
        ("lastensuojelun", PREVENTIVE),
        ("matalan kynnyksen", LOW_THRESHOLD),
        ("ehkaiseva-lastensuojelu", PREVENTIVE),
        ("Förebyggande barnskydd i basservicen", PREVENTIVE),
        ("Developing open, low-threshold service models", LOW_THRESHOLD),
        ("Moniammatillisen kumppanuusajattelun vahvistaminen", PARTNERSHIP),
        ("vahvistaminen", None),  # in the names of two workshops
        ("kokous", None),
        ("", None),
    ],
)
def test_finds_the_workshop(text: str, expected: str | None, morphology: str) -> None:
    assert find_workshop(text, VOCABULARY) == expected


# --- Voikko -------------------------------------------------------------------------------


def test_voikko_gives_base_forms_the_stemmer_does_not_know() -> None:
    if not finnish.voikko_in_use():
        pytest.skip(NO_VOIKKO)
    assert finnish.voikko_forms("Vihdissä") == {"vihti"}
    # Possessive suffixes are beyond the built-in stemmer.
    assert understand("kokouksemme maaliskuussa", VOCABULARY, TODAY) == Question(
        MEETINGS, "fi", period=MARCH
    )


def test_forcing_the_fallback_keeps_voikko_out() -> None:
    finnish.use_voikko(False)
    assert not finnish.voikko_in_use()
    assert finnish.voikko_forms("Vihdissä") == frozenset()
    assert find_town("Vihdissä", VOCABULARY) == "Vihti"


def test_the_start_log_names_the_analyser_that_runs() -> None:
    finnish.use_voikko(False)
    assert finnish.analyser_name().startswith("the built-in stemmer")
    finnish.use_voikko(True)
    expected = "Voikko" if finnish.voikko_in_use() else "the built-in stemmer"
    assert finnish.analyser_name().startswith(expected)


def test_without_voikko_installed_falls_back_quietly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "libvoikko", None)  # as if not installed
    monkeypatch.setattr(finnish, "_voikko_tried", False)
    monkeypatch.setattr(finnish, "_voikko", None)
    finnish.use_voikko(True)
    caplog.set_level(logging.DEBUG, logger=finnish.__name__)
    assert understand("seuraava kokous Vihdissä", VOCABULARY, TODAY) == Question(
        NEXT, "fi", town="Vihti"
    )
    assert not finnish.voikko_in_use()
    assert [record.levelno for record in caplog.records] == [logging.DEBUG]


def test_without_the_voikko_library_falls_back_quietly(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    libvoikko = pytest.importorskip("libvoikko")

    def missing_library(cls: object, path: object = None) -> list[object]:
        raise OSError("libvoikko.so.1: cannot open shared object file")

    monkeypatch.setattr(libvoikko.Voikko, "listDicts", classmethod(missing_library))
    monkeypatch.setattr(finnish, "_voikko_tried", False)
    monkeypatch.setattr(finnish, "_voikko", None)
    finnish.use_voikko(True)
    caplog.set_level(logging.DEBUG, logger=finnish.__name__)
    assert find_town("Kirkkonummella", VOCABULARY) == "Kirkkonummi"
    assert not finnish.voikko_in_use()
    assert len(caplog.records) == 1


# Random and hostile input: understood or not, never a crash.
SMALL_VOCABULARY = Vocabulary(
    towns={"Lohja": "Lohja", "Lojo": "Lohja", "Vihti": "Vihti"},
    workshops={"kasvatuskumppanuus": "kasvatuskumppanuus"},
)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_any_question_is_understood_or_not_but_never_crashes(text: str) -> None:
    question = understand(text, SMALL_VOCABULARY, date(2009, 3, 1))
    assert isinstance(question.intent, Intent)
    parse_period(text, date(2009, 3, 1))
