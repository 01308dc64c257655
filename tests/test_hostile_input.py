"""Random and hostile input: the readers answer with a result or a clear refusal, never crash."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.foundation.typed import number
from bot.language.names import Vocabulary
from bot.language.periods import parse_period
from bot.language.questions import Intent, understand
from bot.replies.answers import decode_page
from config.settings import parse_offsets
from storage.schedule import CsvMeetings, Schedule, ScheduleInvalid, read_schedule_bytes
from tests.helpers.schedules import demo_bytes


def read(data: bytes, file_format: str) -> Schedule | CsvMeetings | ScheduleInvalid:
    """The schedule, or the refusal with its reasons."""
    try:
        return read_schedule_bytes(data, file_format)
    except ScheduleInvalid as invalid:
        return invalid


def offsets_or_refusal(text: str) -> tuple[object, ...] | ValueError:
    """The offsets, or the refusal."""
    try:
        return parse_offsets(text)
    except ValueError as error:
        return error


VOCABULARY = Vocabulary(
    towns={"Lohja": "Lohja", "Lojo": "Lohja", "Vihti": "Vihti"},
    workshops={"kasvatuskumppanuus": "kasvatuskumppanuus"},
)
# Text as people and attackers type it: every plane, control characters, RTL marks.
hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3000
)


@settings(max_examples=300, deadline=None)
@given(hostile_text)
def test_any_question_is_understood_or_not_but_never_crashes(text: str) -> None:
    question = understand(text, VOCABULARY, date(2009, 3, 1))
    assert isinstance(question.intent, Intent)
    parse_period(text, date(2009, 3, 1))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(hostile_text, st.from_regex(r"mtg:[0-9]{1,30}:(w[0-9.]{0,40}|t.{0,20}|p[0-9]{16})?"))
)
def test_any_button_data_is_read_or_refused(data: str) -> None:
    decoded = decode_page(data)
    if decoded is not None:
        page, _ = decoded
        assert 0 < page < 10_000


@given(hostile_text)
def test_a_typed_number_is_a_plain_number_or_nothing(text: str) -> None:
    value = number(text)
    assert value is None or 0 <= value < 10**15


@given(hostile_text)
def test_reminder_offsets_are_read_or_refused_with_a_reason(text: str) -> None:
    outcome = offsets_or_refusal(text)
    if isinstance(outcome, ValueError):
        assert str(outcome)
    else:
        assert all(0 < o.total_seconds() <= 366 * 86_400 for o in parse_offsets(text))


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
