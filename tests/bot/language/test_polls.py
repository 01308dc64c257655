"""Reading a /datepoll message: candidates in the schedule files' forms, the deadline, and
each unreadable line with its number."""

from __future__ import annotations

from datetime import date, time

from bot.language.holidays import holiday_name
from bot.language.polls import CandidateLine, answer_word, read_poll


def test_candidates_deadline_and_towns_are_read() -> None:
    written = read_poll(
        "kasvatuskumppanuus\n"
        "ke 10.3.2027 klo 13.00–15.30 Lohja\n"
        "2027-03-17 9:00-11:30\n"
        "24.3.2027\n"
        "deadline=1.3.2027 klo 16"
    )
    assert written.workshop == "kasvatuskumppanuus"
    assert written.candidates == (
        CandidateLine(date(2027, 3, 10), time(13), time(15, 30), "Lohja"),
        CandidateLine(date(2027, 3, 17), time(9), time(11, 30), None),
        CandidateLine(date(2027, 3, 24), None, None, None),
    )
    assert written.deadline == (date(2027, 3, 1), time(16))
    assert written.problems == ()


def test_the_deadline_may_stand_on_the_first_line_in_any_language() -> None:
    assert read_poll("verstas takaraja=2.3.2027\n1.4.2027").deadline == (date(2027, 3, 2), None)
    assert read_poll("verstas svarstid=2.3.2027").workshop == "verstas"


def test_every_bad_line_is_reported_with_its_number() -> None:
    written = read_poll("verstas\n31.2.2027 klo 10\n4.3.2027 klo 15-13\nhups\n5.3.2027 klo 25")
    assert [(p.line, p.key) for p in written.problems] == [
        (2, "import-error-no_such_date"),
        (3, "import-error-end_before_start"),
        (4, "poll-line-unreadable"),
        (5, "import-error-bad_time"),
    ]
    assert written.candidates == ()


def test_answers_in_three_languages() -> None:
    assert [answer_word(w) for w in ("Kyllä", "ehka", "EI", "ja", "kanske", "nej", "maybe")] == [
        "yes",
        "maybe",
        "no",
        "yes",
        "maybe",
        "no",
        "maybe",
    ]
    assert answer_word("joo") is None


def test_holidays_are_named_in_the_readers_language() -> None:
    ascension = date(2027, 5, 6)
    assert holiday_name(ascension, "fi") == "Helatorstai"
    assert holiday_name(ascension, "sv") == "Kristi himmelsfärdsdag"
    assert holiday_name(ascension, "en") == "Ascension Day"
    assert holiday_name(date(2027, 5, 7), "fi") is None
