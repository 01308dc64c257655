"""The days a question names: a month, a week, a day or a weekday, in numbers or words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.language.finnish import Lexicon
from bot.language.public_holidays import BEFORE, HOLIDAYS, holiday_days
from bot.language.words import Language, Word, normalise, split_words


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included."""

    first: date
    last: date


# --- the words of periods -----------------------------------------------------------------

_MONTH_NAMES: dict[Language | None, str] = {
    "fi": (
        "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu"
        " marraskuu joulukuu"
    ),
    "sv": "januari februari mars - maj juni juli augusti - oktober - -",
    "en": "january february march - may june july august - october - -",
    None: "- - - april - - - - september - november december",
}
MONTHS: Lexicon[tuple[int, Language | None]] = Lexicon(
    (
        (name, (number, language))
        for language, names in _MONTH_NAMES.items()
        for number, name in enumerate(names.split(), start=1)
        if name != "-"
    ),
    typos=True,
)

_WEEKDAY_NAMES: dict[Language, str] = {
    "fi": "maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai",
    "sv": "måndag tisdag onsdag torsdag fredag lördag söndag",
    "en": "monday tuesday wednesday thursday friday saturday sunday",
}
# Swedish and English forms the stemmer does not make: "på tisdagen", "on Tuesdays".
_WEEKDAY_SUFFIXES: dict[Language, tuple[str, ...]] = {
    "fi": ("",),
    "sv": ("", "en"),
    "en": ("", "s"),
}
WEEKDAYS: Lexicon[tuple[int, Language]] = Lexicon(
    (name + suffix, (number, language))
    for language, names in _WEEKDAY_NAMES.items()
    for number, name in enumerate(names.split())
    for suffix in _WEEKDAY_SUFFIXES[language]
)

# Days counted from today. "i dag", "i morgon" and "i övermorgon" are read with their "i".
_DAYS: Lexicon[int] = Lexicon(
    [
        ("tänään", 0),
        ("huomenna", 1),
        ("ylihuomenna", 2),
        ("idag", 0),
        ("imorgon", 1),
        ("övermorgon", 2),
        ("today", 0),
        ("tomorrow", 1),
    ]
)
_DAYS_AFTER_I = {"dag": 0, "morgon": 1, "övermorgon": 2}

_NEXT, _THIS = 1, 0
_RELATIVE: Lexicon[int] = Lexicon(
    [(word, _NEXT) for word in ("ensi", "seuraava", "nästa", "next", "coming")]
    + [
        (word, _THIS)
        for word in ("tämä", "tällä", "tässä", "tätä", "tämän", "denna", "här", "this")
    ]
)
_WEEK, _MONTH = "week", "month"
_UNITS: Lexicon[str] = Lexicon(
    [(word, _WEEK) for word in ("viikko", "vecka", "veckan", "veckor", "week", "weeks")]
    + [(word, _MONTH) for word in ("kuu", "kuukausi", "månad", "månaden", "month")]
)

_WEEKEND: Lexicon[None] = Lexicon(
    (word, None)
    for word in ["viikonloppu", "helg", "helgen", "veckoslut", "veckoslutet", "weekend"]
)

# "kahden viikon päästä", "om två veckor", "in two weeks": counted in weeks from this one.
_COUNTS = {
    **dict.fromkeys(("yhden", "en", "ett", "a", "one"), 1),
    **dict.fromkeys(("kahden", "två", "two"), 2),
    **dict.fromkeys(("kolmen", "tre", "three"), 3),
    **dict.fromkeys(("neljän", "fyra", "four"), 4),
}
_AFTER_FI = frozenset({"päästä", "kuluttua", "päähän"})
_IN = frozenset({"om", "in"})

# English "may" is a month only where it reads as one: "in May", "May 2009".
_AMBIGUOUS_MONTHS = {"may"}
_BEFORE_MONTHS = {"in", "of", "during", "until", "for", "i", "på"}


# --- periods ------------------------------------------------------------------------------

_DAY_MONTH_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_ISO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_ISO_MONTH = re.compile(r"(?<![\d.-])(\d{4})-(\d{1,2})(?![\d-])")
_MONTH_YEAR = re.compile(r"(?<![\d./-])(\d{1,2})[/.](\d{4})(?![\d/.-]?\d)")
# "4.3." without a year; the closing dot keeps times like "9.30" out.
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")


def _year(text: str) -> int | None:
    # isascii(): "²²²²".isdigit() is true, but int() refuses it.
    year = int(text) if text.isascii() and text.isdigit() and len(text) == 4 else 0
    return year if 1900 <= year <= 2100 else None


def _month(year: int, month: int) -> Period | None:
    if not 1 <= month <= 12:
        return None
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(date(year, month, 1), following - timedelta(days=1))


def _coming_month(month: int, today: date) -> Period | None:
    """A month without a year: this year's if it has not passed, else next year's."""
    return _month(today.year if month >= today.month else today.year + 1, month)


def _day(year: int, month: int, day: int) -> Period | None:
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return Period(when, when)


def _week(monday: date) -> Period:
    return Period(monday, monday + timedelta(days=6))


def _numeric_periods(text: str, today: date) -> Iterator[tuple[int, Period | None]]:
    for match in _DAY_MONTH_YEAR.finditer(text):
        day, month, year = (int(part) for part in match.groups())
        yield match.start(), _day(year, month, day) if _year(match.group(3)) else None
    for match in _ISO_DAY.finditer(text):
        year, month, day = (int(part) for part in match.groups())
        yield match.start(), _day(year, month, day) if _year(match.group(1)) else None
    for match in _ISO_MONTH.finditer(text):
        yield match.start(), _month(int(match.group(1)), int(match.group(2)))
    for match in _MONTH_YEAR.finditer(text):
        if _year(match.group(2)):
            yield match.start(), _month(int(match.group(2)), int(match.group(1)))
    for match in _DAY_MONTH.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        this_year = _day(today.year, month, day)
        if this_year is not None and this_year.first < today:
            this_year = _day(today.year + 1, month, day)
        yield match.start(), this_year


def _word_periods(words: Sequence[Word], today: date) -> Iterator[tuple[int, Period | None]]:
    for index in range(len(words)):
        if (found := _period_at(words, index, today)) is not None:
            yield found


def _text(words: Sequence[Word], index: int) -> str:
    return words[index].text if 0 <= index < len(words) else ""


def _period_at(words: Sequence[Word], index: int, today: date) -> tuple[int, Period | None] | None:
    """The period named by the words ending at this one, and where its naming starts."""
    word, before, after = words[index], _text(words, index - 1), _text(words, index + 1)
    if (days := _DAYS.find(word.text)) is not None:
        if days.value == 1 and before == "after" and _text(words, index - 2) == "day":
            return words[index - 2].start, _day_after(today, 2)  # the day after tomorrow
        return word.start, _day_after(today, days.value)
    if before == "i" and word.text in _DAYS_AFTER_I:
        return words[index - 1].start, _day_after(today, _DAYS_AFTER_I[word.text])
    if (weekday := WEEKDAYS.find(word.text)) is not None:
        ahead = (weekday.value[0] - today.weekday()) % 7
        # "ensi tiistaina", "nästa tisdag", "next Tuesday": the coming one, never today.
        if (relative := _RELATIVE.find(before)) is not None and relative.value == _NEXT:
            return words[index - 1].start, _day_after(today, ahead or 7)
        return word.start, _day_after(today, ahead)
    if (month := MONTHS.find(word.text)) is not None:
        if word.text in _AMBIGUOUS_MONTHS and before not in _BEFORE_MONTHS and not _year(after):
            return None
        year, number = _year(after), month.value[0]
        return word.start, _month(year, number) if year else _coming_month(number, today)
    if _WEEKEND.find(word.text) is not None:
        relative = _RELATIVE.find(before)
        step = relative.value if relative is not None else _THIS
        saturday = today + timedelta(days=5 - today.weekday() + 7 * step)
        start = words[index - 1].start if relative is not None else word.start
        return start, Period(saturday, saturday + timedelta(days=1))
    if (holiday := HOLIDAYS.find(word.text)) is not None:
        return _holiday(words, index, holiday.value, today)
    if (unit := _UNITS.find(word.text)) is not None:
        return _unit_period(words, index, unit.value, today)
    return None


def _holiday(
    words: Sequence[Word], index: int, key: str, today: date
) -> tuple[int, Period | None] | None:
    days = holiday_days(key, today)
    if days is None:
        return None
    if _text(words, index - 1) in BEFORE:
        # The days from today until the holiday; none if it has begun.
        last = days[0] - timedelta(days=1)
        return words[index - 1].start, Period(today, last) if last >= today else None
    return words[index].start, Period(*days)


def _weeks_ahead(words: Sequence[Word], index: int) -> tuple[int, int] | None:
    """ "kahden viikon päästä", "om två veckor", "in 2 weeks": how many, and where it starts."""
    before, count = _text(words, index - 1), 1
    counted = before.isascii() and before.isdigit() and len(before) == 1
    if counted or before in _COUNTS:
        count = int(before) if counted else _COUNTS[before]
        first = index - 1
    else:
        first = index
    if _text(words, index + 1) in _AFTER_FI:
        return count, first
    if _text(words, first - 1) in _IN and first < index:
        return count, first - 1
    return None


def _unit_period(
    words: Sequence[Word], index: int, unit: str, today: date
) -> tuple[int, Period | None] | None:
    monday = today - timedelta(days=today.weekday())
    before, after = _text(words, index - 1), _text(words, index + 1)
    relative = _RELATIVE.find(before)
    if unit == _WEEK and (ahead := _weeks_ahead(words, index)) is not None:
        count, first = ahead
        return words[first].start, _week(monday + timedelta(weeks=count))
    if unit == _WEEK and after.isascii() and after.isdigit() and len(after) <= 2:
        return words[index].start, _iso_week(int(after), today)
    if unit == _WEEK and (relative is not None or before == "i"):
        # "i veckan" is Swedish for "this week".
        step = relative.value if relative is not None else _THIS
        return words[index - 1].start, _week(monday + timedelta(weeks=step))
    if unit == _MONTH and relative is not None:
        day_one = today.replace(day=1) + timedelta(days=31 * relative.value)
        return words[index - 1].start, _month(day_one.year, day_one.month)
    return None


def _day_after(today: date, days: int) -> Period:
    when = today + timedelta(days=days)
    return Period(when, when)


def _iso_week(number: int, today: date) -> Period | None:
    """Week 12 (Finns and Swedes number weeks): this year's, or next year's once it is past."""
    year = today.isocalendar().year
    try:
        monday = date.fromisocalendar(year, number, 1)
        if monday + timedelta(days=6) < today:
            monday = date.fromisocalendar(year + 1, number, 1)
    except ValueError:
        return None
    return _week(monday)


def find_period(normalised: str, words: Sequence[Word], today: date) -> Period | None:
    """The first period a normalised text and its words name; None if they name none."""
    found = [
        (start, period)
        for start, period in (*_numeric_periods(normalised, today), *_word_periods(words, today))
        if period is not None
    ]
    # The first period named is the one asked about: "maaliskuussa, ei huhtikuussa".
    return min(found, key=lambda item: item[0])[1] if found else None


def parse_period(text: str, today: date) -> Period | None:
    """The days a text names: a month, a week, a day or a weekday; None if it names none."""
    normalised = normalise(text)
    return find_period(normalised, split_words(normalised), today)


def is_period_word(words: Sequence[Word], index: int) -> bool:
    """Whether the word at `index` is part of naming a period: "maaliskuussa", "i morgon"."""
    text = words[index].text
    return (
        text.isdigit()
        or MONTHS.find(text) is not None
        or WEEKDAYS.find(text) is not None
        or _DAYS.find(text) is not None
        or _UNITS.find(text) is not None
        or _WEEKEND.find(text) is not None
        or HOLIDAYS.find(text) is not None
        or text in BEFORE
        or text in _AFTER_FI
        or (text in _COUNTS and _UNITS.find(_text(words, index + 1)) is not None)
        or (text in _DAYS_AFTER_I and index > 0 and words[index - 1].text == "i")
    )
