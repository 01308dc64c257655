"""What a participant asks in plain words: the next meeting, meetings in a period, the
workshops, the contacts or help; with the town, workshop and period the question names.

Questions come in Finnish, Swedish or English, typed on phones: inflected, without the
Nordic letters, with typos, emoji and stray punctuation. Everything here is a pure
function of the text, the names the network uses and today's date.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Literal, NamedTuple

from bot.language.finnish import Lexicon, fold, guesses, voikko_forms

Language = Literal["fi", "sv", "en"]

# Questions are a line or two; looking further only costs time on pasted or hostile text.
MAX_CHARS = 500


class Intent(enum.StrEnum):
    """What the participant wants to know."""

    NEXT = "next"  # "when is the next meeting?"
    MEETINGS = "meetings"  # "what meetings are there in March / next week?"
    WORKSHOPS = "workshops"  # "which workshops are there?"
    CONTACT = "contact"  # "who is the coordinator / contact details?"
    HELP = "help"  # "help", "apua", "hjälp"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Period:
    """A span of days, both ends included."""

    first: date
    last: date


@dataclass(frozen=True)
class Question:
    """A question as the bot understood it."""

    intent: Intent
    language: Language | None  # the language the question is written in, when its words tell
    town: str | None = None  # canonical town
    workshop: str | None = None  # workshop key
    period: Period | None = None


@dataclass(frozen=True)
class Vocabulary:
    """Names the parser recognises; every spelling maps to a canonical value."""

    towns: Mapping[str, str]  # spelling -> canonical Finnish town name
    workshops: Mapping[str, str]  # key, Finnish/Swedish/English names and aliases -> key

    @cached_property
    def _town_lexicon(self) -> Lexicon[str]:
        return Lexicon(
            ((spelling, town) for spelling, town in self.towns.items() if " " not in spelling),
            typos=True,
        )

    @cached_property
    def _town_phrases(self) -> list[tuple[tuple[str, ...], str]]:
        # Names of several words ("Pedersören kunta"): the last word may be inflected.
        phrases = [
            (tuple(fold(word) for word in spelling.split()), town)
            for spelling, town in self.towns.items()
            if " " in spelling.strip()
        ]
        return sorted(phrases, key=lambda phrase: len(phrase[0]), reverse=True)

    @cached_property
    def _workshop_index(self) -> _WorkshopIndex:
        return _WorkshopIndex.build(self.workshops)


# --- words --------------------------------------------------------------------------------


class _Word(NamedTuple):
    text: str  # lower case, as written
    start: int  # where it starts in the normalised text: the first period named wins


_WORD = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*")


def _normalise(text: str) -> str:
    """Lower-case text with invisible and control characters gone, Nordic letters composed."""
    text = unicodedata.normalize("NFC", text[:MAX_CHARS]).lower()
    # Format characters (RTL marks, zero-width joiners) may sit inside a word: drop them.
    # Other control characters separate words like spaces do.
    return "".join(
        ""
        if (category := unicodedata.category(char)) == "Cf"
        else " "
        if category[0] == "C"
        else char
        for char in text
    )


def _words(normalised: str) -> list[_Word]:
    return [_Word(match.group(), match.start()) for match in _WORD.finditer(normalised)]


# --- the words of questions ---------------------------------------------------------------


class _Sense(enum.Enum):
    NEXT = enum.auto()
    MEETING = enum.auto()
    WORKSHOPS = enum.auto()
    CONTACT = enum.auto()
    HELP = enum.auto()
    WORD = enum.auto()  # tells only the language (or nothing): "mitä", "vilka", "the"


# Base forms (the stemmer and Voikko find the inflected ones), plus inflected forms the
# stemmer cannot undo and the Swedish and English forms, which it does not try.
_KEYWORDS: dict[tuple[Language | None, _Sense], str] = {
    ("fi", _Sense.NEXT): "seuraava seuraavaksi milloin koska ensi",
    ("fi", _Sense.MEETING): "kokous kokoontuminen tapaaminen",
    ("fi", _Sense.WORKSHOPS): "verstas teemaverstas työpaja",
    ("fi", _Sense.CONTACT): "yhteystieto koordinaattori yhteyshenkilö puhelinnumero sähköposti",
    ("fi", _Sense.HELP): "apu ohje ohjeet",
    ("fi", _Sense.WORD): (
        "onko ovat oliko entä mitä mikä mitkä missä mihin mistä kuka ketkä keitä kenelle ja tai vai"
        " kun jos voi voiko löytyy löytyykö järjestetään pidetään hei moi terve kiitos hyvää"
        " huomenta päivää iltaa tänään huomenna ylihuomenna viikko kuu kuukausi tämä tällä"
        " tässä tätä tämän"
    ),
    ("sv", _Sense.NEXT): "nästa när",
    ("sv", _Sense.MEETING): "möte mötet möten mötena sammanträde sammanträdet träff träffen",
    ("sv", _Sense.WORKSHOPS): "verkstad verkstaden verkstäder verkstäderna temaverkstad",
    ("sv", _Sense.CONTACT): (
        "kontakt kontakter kontaktuppgifter kontaktperson kontaktpersonen koordinator"
        " koordinatorn samordnare telefonnummer e-post"
    ),
    ("sv", _Sense.HELP): "hjälp",
    ("sv", _Sense.WORD): (
        "är på vilka vilken vilket finns fins det den här vad vem hur och eller ska hålls blir"
        " har hej tack god morgon idag imorgon dag övermorgon vecka veckan månad månaden denna"
        " detta"
    ),
    ("en", _Sense.NEXT): "next when upcoming",
    ("en", _Sense.MEETING): "meeting meetings",
    ("en", _Sense.WORKSHOPS): "workshop workshops",
    ("en", _Sense.CONTACT): "contact contacts coordinator coordinators phone email e-mail",
    ("en", _Sense.HELP): "help",
    ("en", _Sense.WORD): (
        "what which who where is are there the a an any in of at do does will be hello hi"
        " thanks today tomorrow week month this please"
    ),
    # Words of two languages tell none: "on" is Finnish "is" and the English preposition.
    (None, _Sense.WORD): "on",
}

_KEYWORD_LEXICON: Lexicon[tuple[Language | None, _Sense]] = Lexicon(
    (word, meaning) for meaning, words in _KEYWORDS.items() for word in words.split()
)

_MONTH_NAMES: dict[Language | None, str] = {
    "fi": (
        "tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu heinäkuu elokuu syyskuu lokakuu"
        " marraskuu joulukuu"
    ),
    "sv": "januari februari mars - maj juni juli augusti - oktober - -",
    "en": "january february march - may june july august - october - -",
    None: "- - - april - - - - september - november december",
}
_MONTHS: Lexicon[tuple[int, Language | None]] = Lexicon(
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
_WEEKDAYS: Lexicon[tuple[int, Language]] = Lexicon(
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
    [(word, _WEEK) for word in ("viikko", "vecka", "veckan", "week")]
    + [(word, _MONTH) for word in ("kuu", "kuukausi", "månad", "månaden", "month")]
)

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


def _word_periods(words: Sequence[_Word], today: date) -> Iterator[tuple[int, Period | None]]:
    monday = today - timedelta(days=today.weekday())
    for index, word in enumerate(words):
        before = words[index - 1].text if index > 0 else ""
        after = words[index + 1].text if index + 1 < len(words) else ""
        if (days := _DAYS.find(word.text)) is not None:
            yield word.start, _day_after(today, days.value)
        elif before == "i" and word.text in _DAYS_AFTER_I:
            yield words[index - 1].start, _day_after(today, _DAYS_AFTER_I[word.text])
        elif (weekday := _WEEKDAYS.find(word.text)) is not None:
            yield word.start, _day_after(today, (weekday.value[0] - today.weekday()) % 7)
        elif (month := _MONTHS.find(word.text)) is not None:
            if word.text in _AMBIGUOUS_MONTHS and before not in _BEFORE_MONTHS and not _year(after):
                continue
            year = _year(after)
            number = month.value[0]
            yield word.start, _month(year, number) if year else _coming_month(number, today)
        elif (unit := _UNITS.find(word.text)) is not None:
            relative = _RELATIVE.find(before)
            if unit.value == _WEEK and after.isascii() and after.isdigit() and len(after) <= 2:
                yield word.start, _iso_week(int(after), today)
            elif unit.value == _WEEK and (relative is not None or before == "i"):
                # "i veckan" is Swedish for "this week".
                step = relative.value if relative is not None else _THIS
                yield words[index - 1].start, _week(monday + timedelta(weeks=step))
            elif unit.value == _MONTH and relative is not None:
                first = today.replace(day=1) + timedelta(days=31 * relative.value)
                yield words[index - 1].start, _month(first.year, first.month)


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


def _period(normalised: str, words: Sequence[_Word], today: date) -> Period | None:
    found = [
        (start, period)
        for start, period in (*_numeric_periods(normalised, today), *_word_periods(words, today))
        if period is not None
    ]
    # The first period named is the one asked about: "maaliskuussa, ei huhtikuussa".
    return min(found, key=lambda item: item[0])[1] if found else None


def parse_period(text: str, today: date) -> Period | None:
    """The days a text names: a month, a week, a day or a weekday; None if it names none."""
    normalised = _normalise(text)
    return _period(normalised, _words(normalised), today)


# --- towns --------------------------------------------------------------------------------


class _TownFound(NamedTuple):
    town: str
    at: int  # the word the name ends at
    inflected: bool  # "Lohjalla": a sign of Finnish


def _phrase_town(words: Sequence[_Word], index: int, vocabulary: Vocabulary) -> _TownFound | None:
    """A name of several words ending at this word: all but the last written as they are."""
    last = fold(words[index].text)
    for phrase, town in vocabulary._town_phrases:
        start = index - len(phrase) + 1
        if (
            start >= 0
            and all(
                fold(word.text) == part
                for word, part in zip(words[start:index], phrase[:-1], strict=True)
            )
            and phrase[-1] in {last} | guesses(last)
        ):
            return _TownFound(town, index, last != phrase[-1])
    return None


def _towns_in(words: Sequence[_Word], vocabulary: Vocabulary) -> list[_TownFound]:
    exact: list[_TownFound] = []
    typos: list[_TownFound] = []
    for index, word in enumerate(words):
        if (phrase := _phrase_town(words, index, vocabulary)) is not None:
            exact.append(phrase)
        # Question words never are towns, however near a town's name they are typed.
        elif word.text.isdigit() or _KEYWORD_LEXICON.find(word.text) is not None:
            continue
        elif (found := vocabulary._town_lexicon.find(word.text)) is not None:
            (typos if found.typo else exact).append(_TownFound(found.value, index, found.inflected))
    # A name written right beats a name with a typo anywhere in the text.
    return exact or typos


def find_town(text: str, vocabulary: Vocabulary) -> str | None:
    """The town a text names, inflected or with a typo, as its canonical name; else None."""
    towns = _towns_in(_words(_normalise(text)), vocabulary)
    return towns[0].town if towns else None


def towns_in(text: str, vocabulary: Vocabulary) -> list[str]:
    """Every town a text names, in the order written, as canonical names."""
    return [found.town for found in _towns_in(_words(_normalise(text)), vocabulary)]


# --- workshops ----------------------------------------------------------------------------

# Words of the names too general to tell one workshop from another on their own.
_GENERAL_NAME_WORDS = frozenset(
    fold(word)
    for words in (
        "kehittäminen vahvistaminen peruspalveluissa toiminta developing strengthening",
        "development services service models utveckling stärka verksamhet",
    )
    for word in words.split()
)
# A word this long may be the first part of a compound in a name: "kasvatuskumppanuus" in
# "kasvatuskumppanuusajattelun".
_COMPOUND_HEAD_MIN = 8


@dataclass(frozen=True)
class _WorkshopIndex:
    phrases: tuple[
        tuple[tuple[str, ...], str], ...
    ]  # every spelling as folded words, longest first
    words: Mapping[str, frozenset[str]]  # base forms of the names' words -> keys

    @classmethod
    def build(cls, workshops: Mapping[str, str]) -> _WorkshopIndex:
        phrases = sorted(
            (
                (tuple(fold(w.text) for w in _words(_normalise(s))), key)
                for s, key in workshops.items()
            ),
            key=lambda phrase: len(phrase[0]),
            reverse=True,
        )
        words: dict[str, set[str]] = {}
        for spelling, key in workshops.items():
            for word in _words(_normalise(spelling)):
                for part in {word.text, *word.text.split("-")}:
                    for form in {fold(part)} | guesses(fold(part)):
                        if len(form) >= 5 and form not in _GENERAL_NAME_WORDS:
                            words.setdefault(form, set()).add(key)
        return cls(
            tuple((phrase, key) for phrase, key in phrases if phrase),
            {form: frozenset(keys) for form, keys in words.items()},
        )

    def keys_of(self, word: str) -> frozenset[str]:
        """The workshops whose names have this word, inflected or as a compound's head."""
        for forms in ({fold(word)} | voikko_forms(word), guesses(fold(word))):
            keys = frozenset().union(*(self.words.get(form, frozenset()) for form in forms))
            if keys:
                return keys
        folded = fold(word)
        if len(folded) < _COMPOUND_HEAD_MIN:
            return frozenset()
        return frozenset().union(
            *(keys for form, keys in self.words.items() if form.startswith(folded))
        )


def _workshop_in(
    words: Sequence[_Word], vocabulary: Vocabulary, skip: set[int]
) -> tuple[str | None, set[int]]:
    """The workshop a text names and the words that name it."""
    index = vocabulary._workshop_index
    if (named := _whole_name_in(words, index)) is not None:
        return named
    votes: Counter[str] = Counter()
    used: set[int] = set()
    for position, word in enumerate(words):
        if position in skip or len(word.text) < 5 or word.text.isdigit():
            continue
        keys = index.keys_of(word.text)
        if len(keys) == 1:
            # Only a word that belongs to one workshop alone tells which one is meant.
            votes.update(keys)
            used.add(position)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None, set()
    return ranked[0][0], used


def _whole_name_in(words: Sequence[_Word], index: _WorkshopIndex) -> tuple[str, set[int]] | None:
    """The workshop whose key, name or alias the words have whole, and those words."""
    folded = [fold(word.text) for word in words]
    for phrase, key in index.phrases:
        for start in range(len(words) - len(phrase) + 1):
            if tuple(folded[start : start + len(phrase)]) == phrase:
                return key, set(range(start, start + len(phrase)))
    return None


def find_whole_workshop_name(text: str, vocabulary: Vocabulary) -> str | None:
    """The workshop whose key, name or alias a text has whole, not just a word of one."""
    named = _whole_name_in(_words(_normalise(text)), vocabulary._workshop_index)
    return named[0] if named else None


def find_workshop(text: str, vocabulary: Vocabulary) -> str | None:
    """The workshop a text names by key, name, alias or a distinctive part of one; else None."""
    words = _words(_normalise(text))
    skip = {i for i, word in enumerate(words) if _KEYWORD_LEXICON.find(word.text) is not None}
    skip |= {town.at for town in _towns_in(words, vocabulary)}
    return _workshop_in(words, vocabulary, skip)[0]


# --- the question -------------------------------------------------------------------------


def _is_period_word(words: Sequence[_Word], index: int) -> bool:
    text = words[index].text
    return (
        text.isdigit()
        or _MONTHS.find(text) is not None
        or _WEEKDAYS.find(text) is not None
        or _DAYS.find(text) is not None
        or _UNITS.find(text) is not None
        or (text in _DAYS_AFTER_I and index > 0 and words[index - 1].text == "i")
    )


def _language(votes: Counter[Language]) -> Language | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def understand(text: str, vocabulary: Vocabulary, today: date) -> Question:
    """What a participant's message asks, in which language, about which town, workshop, days."""
    normalised = _normalise(text)
    words = _words(normalised)
    period = _period(normalised, words, today)
    towns = _towns_in(words, vocabulary)
    town_at = {found.at for found in towns}

    senses: set[_Sense] = set()
    votes: Counter[Language] = Counter()
    known: set[int] = set(town_at)
    for index, word in enumerate(words):
        if (keyword := _KEYWORD_LEXICON.find(word.text)) is not None:
            language, sense = keyword.value
            senses.add(sense)
            known.add(index)
            if language is not None:
                votes[language] += 1
        elif _is_period_word(words, index):
            known.add(index)
        if (month := _MONTHS.find(word.text)) is not None and month.value[1] is not None:
            votes[month.value[1]] += 1
        elif (weekday := _WEEKDAYS.find(word.text)) is not None:
            votes[weekday.value[1]] += 1
        # Swedish "i" stands before places and times ("i Lojo", "i mars"); alone it may be
        # the English "I".
        if (
            word.text == "i"
            and index + 1 < len(words)
            and (index + 1 in town_at or _is_period_word(words, index + 1))
        ):
            votes["sv"] += 1
            known.add(index)
    votes["fi"] += sum(1 for found in towns if found.inflected)
    votes = +votes  # only the languages some word spoke for

    workshop, workshop_words = _workshop_in(words, vocabulary, known)
    known |= workshop_words
    town = towns[0].town if towns else None
    unknown = [w for i, w in enumerate(words) if i not in known and len(w.text) > 1]
    names = town is not None or workshop is not None
    asks = senses & {_Sense.NEXT, _Sense.MEETING, _Sense.WORKSHOPS}

    if _Sense.CONTACT in senses:
        intent = Intent.CONTACT
    elif period is not None and (asks or names or not unknown):
        intent = Intent.MEETINGS
    elif _Sense.NEXT in senses:
        intent = Intent.NEXT
    elif _Sense.MEETING in senses:
        intent = Intent.MEETINGS
    elif _Sense.WORKSHOPS in senses:
        # "lastensuojeluverstas" asks about that workshop, "verstaat" about all of them.
        intent = Intent.NEXT if workshop is not None else Intent.WORKSHOPS
    elif _Sense.HELP in senses:
        intent = Intent.HELP
    elif names:
        intent = Intent.NEXT
    else:
        intent = Intent.UNKNOWN
    if intent is Intent.UNKNOWN:
        period = None
    return Question(intent, _language(votes), town, workshop, period)
