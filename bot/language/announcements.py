"""Meetings as the network announces them, read from the coordinators' own prose.

The network has written its schedules as press releases and minutes for years, not as
files: "Sovitut kokouspäivämäärät ovat 15.1.2009 (Tuusula), 4.3.2009 (Kirkkonummi) …",
"Aika: Torstai 15.1.2009 klo 9.30 – 12", "Paikka: Tuusulan sosiaalitoimisto …",
"Seuraava kokoontuminen keskiviikkona 4.3.2009 klo 13 – 15.30 Kirkkonummella" or a
flyer's "24.8.2009 KLO 13 – 15 JÄRVENPÄÄSSÄ". A coordinator pastes such a text and this
module finds what it states: which workshop, which days, times, towns, venue and address,
and which municipalities a workshop has.

A date is a meeting only where the text says so — a clock time after it, a town beside
it, or a word for a meeting on its line — because announcements are full of other dates
(the release's own date, "18.12.2008 päivitetyn tiedon mukaan", decisions, deadlines).
The workshop is the one the text last named, by a heading, a bold line or a table cell,
in any of its names or former names. What cannot be told is reported, not guessed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, time

from bot.language.finnish import fold
from bot.language.names import (
    Vocabulary,
    find_whole_workshop_name,
    find_workshop,
    towns_in,
)
from storage.schedule.stated import StatedMeeting

# Longer texts are not announcements; the limit keeps a pasted book from stalling a worker.
MAX_CHARS = 50_000

# Markup that separates pieces of text: table cells, paragraphs, list items, bullets.
_BREAKS = re.compile(
    r"</?(?:p|br|li|ul|ol|div|tr|td|th|h[1-6]|table|tbody|thead)\b[^>]*>|[|·•❖➤→\t]",
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]{0,200}>")
_MARKDOWN = re.compile(r"\*\*|__|^[#>\s*+-]+", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")

_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
_CLOCK = re.compile(
    r"^\W{0,3}(?:klo|kello|kl|at)\.?\s*(\d{1,2})(?:[.:](\d{2}))?"
    r"(?:\s*[–—-]\s*(\d{1,2})(?:[.:](\d{2}))?)?",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"^\s*\(([^()]{2,60})\)")
_LABEL = re.compile(
    r"^\s*(aika|paikka|osoite|tid|plats|adress|time|place|venue|address)\s*:\s*", re.I
)
_STREET = re.compile(
    r"\b\w*(?:katu|tie|kuja|polku|väylä|raitti|ranta|aukio|tori|gata|gatan|väg|vägen)\s+\d",
    re.IGNORECASE,
)

# Words that make the dates on a line meetings (folded stems: any inflection matches).
_MEETING_WORDS = (
    "kokou",  # kokous, kokoukset, kokouksessa, kokouspäivämäärät
    "kokoontu",
    "tapaami",
    "verstas",
    "verstaa",
    "tyopaja",
    "foorumi",
    "mote",  # möte
    "moten",
    "traff",
    "meeting",
    "workshop",
)
# Words beside a date that make it something else: the date of the text itself, of a
# decision or of the information; "18.12.2008 päivitetyn tiedon mukaan".
_NOT_MEETING_WORDS = (
    "paivit",
    "mukaan",
    "paatokse",
    "tiedote",
    "itsearvio",
    "mennessa",
    "laadit",
    "paivatty",
    "muistio",
    "julkaist",
    "uppdater",
    "enligt",
    "beslut",
    "updated",
)
# A line listing a workshop's member municipalities: "sitoutuneet kunnat … ovat …".
_MEMBERS_WORDS = ("kunnat", "kuntia", "kunnista", "kommuner", "municipalities")

_WEEKDAYS = {
    "maanantai": 0,
    "tiistai": 1,
    "keskiviikko": 2,
    "torstai": 3,
    "perjantai": 4,
    "lauantai": 5,
    "sunnuntai": 6,
}

# A line this short that names a workshop is a heading: the meetings after it are its.
_HEADING_WORDS = 14


@dataclass(frozen=True)
class UnplacedDate:
    """A meeting date whose workshop the text does not tell."""

    day: date
    line: int


@dataclass(frozen=True)
class WrongWeekday:
    """ "Torstai 16.1.2009": the weekday written does not fit the date (it was a Friday)."""

    day: date
    written: int  # 0 = Monday
    line: int


# The workshop of a meeting whose workshop the text does not tell (`Reading.unplaced_meetings`).
UNPLACED = ""


@dataclass(frozen=True)
class Reading:
    """What an announcement states."""

    meetings: tuple[StatedMeeting, ...] = ()
    municipalities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> towns
    unplaced: tuple[UnplacedDate, ...] = ()
    wrong_weekdays: tuple[WrongWeekday, ...] = ()
    # The meetings of `unplaced` with what the text says of them (time, place, venue), their
    # workshop `UNPLACED`: the coordinator is asked which workshop's they are.
    unplaced_meetings: tuple[StatedMeeting, ...] = ()

    @property
    def unplaced_days(self) -> list[date]:
        """The days of meetings whose workshop the text did not tell, each once."""
        return sorted({unplaced.day for unplaced in self.unplaced})


@dataclass
class _Line:
    text: str
    number: int


def _lines(text: str) -> Iterator[_Line]:
    """Plain lines, with markup and table cells turned into lines of their own."""
    for number, raw in enumerate(text[:MAX_CHARS].splitlines(), start=1):
        for piece in _BREAKS.split(raw):
            plain = html.unescape(_TAG.sub(" ", _LINK.sub(r"\1", piece)))
            plain = " ".join(_MARKDOWN.sub(" ", plain).split())
            if plain:
                yield _Line(plain, number)


def _folded_words(text: str) -> list[str]:
    return [fold(word) for word in re.findall(r"[^\W\d_]+", text.lower())]


def _has_word(words: list[str], stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stem) or stem in word for word in words for stem in stems)


def _day(match: re.Match[str]) -> date | None:
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(hours: str | None, minutes: str | None) -> time | None:
    if hours is None:
        return None
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return None


@dataclass
class _Found:
    """A date on a line with what surrounds it."""

    day: date
    start: time | None
    end: time | None
    place: str | None
    venue: str | None  # what follows the time and town on a one-line announcement
    weekday: int | None
    cued: bool  # a clock time or a town beside it
    vetoed: bool  # a word beside it says it is not a meeting


def _dates_on(line: str, vocabulary: Vocabulary) -> list[_Found]:
    matches = [m for m in _DATE.finditer(line) if _day(m) is not None]
    found: list[_Found] = []
    for index, match in enumerate(matches):
        day = _day(match)
        assert day is not None
        before = line[matches[index - 1].end() if index else 0 : match.start()]
        after = line[match.end() : matches[index + 1].start() if index + 1 < len(matches) else None]
        clock = _CLOCK.match(after)
        start = _clock(clock.group(1), clock.group(2)) if clock else None
        end = _clock(clock.group(3), clock.group(4)) if clock else None
        if start is not None and end is not None and end <= start:
            end = None
        rest = after[clock.end() :] if clock else after
        place = _place_after(rest, vocabulary)
        # Only after a time: a date alone is followed by anything but where it is.
        venue = _venue_after(rest, vocabulary) if start is not None else None
        if place is None:
            # "Kerava, Nurmijärvi, Tuusula ja Järvenpää 22.9.09": towns before the date say
            # where it is for, and where if there is one.
            earlier = towns_in(before, vocabulary)
            place = earlier[0] if len(earlier) == 1 else None
            near_town = bool(earlier)
        else:
            near_town = True
        words_before, words_after = _folded_words(before)[-2:], _folded_words(after)[:3]
        weekday = next(
            (
                number
                for word in reversed(_folded_words(before)[-2:])
                for name, number in _WEEKDAYS.items()
                if word.startswith(fold(name))
            ),
            None,
        )
        found.append(
            _Found(
                day=day,
                start=start,
                end=end,
                place=place,
                venue=venue,
                weekday=weekday,
                cued=start is not None or near_town,
                vetoed=_has_word(words_before + words_after, _NOT_MEETING_WORDS),
            )
        )
    return found


def _place_after(text: str, vocabulary: Vocabulary) -> str | None:
    """The town right after a date: "(Tuusula)", "Kirkkonummella", "JÄRVENPÄÄSSÄ"."""
    if (parentheses := _PARENTHESES.match(text)) is not None:
        inside = parentheses.group(1).strip()
        towns = towns_in(inside, vocabulary)
        if towns:
            return towns[0]
        # A town the network does not know yet is still where the meeting is.
        return inside if re.fullmatch(r"[^\W\d_][\w -]{1,40}", inside) else None
    # Up to the end of the sentence or clause, and only a few words on: a town later in a
    # long sentence may be what the meeting is about rather than where it is.
    clause = re.split(r"[.;:!?]\s|[.;!?]$|,", text, maxsplit=1)[0]
    towns = towns_in(" ".join(clause.split()[:4]), vocabulary)
    return towns[0] if towns else None


# "klo 13 Lohjalla, kaupungintalo": a word before the town that is not part of the venue.
_PREPOSITION = re.compile(r"^(?:i|in|at|på)\s+", re.IGNORECASE)
_VENUE_CHARS = 120


def _venue_after(text: str, vocabulary: Vocabulary) -> str | None:
    """Where on a line after its time: "Kirkkonummen kunnantalo, valtuustosali" is a venue;
    a town alone ("Kirkkonummella", "i Lojo") is the place, and what follows it after a
    comma the venue ("Lohjalla, kaupungintalo")."""
    clause = re.split(r"[.;!?](?:\s|$)", text, maxsplit=1)[0]
    clause = _PREPOSITION.sub("", clause.strip(" ,:–—-\t"))
    if not clause or len(clause) > _VENUE_CHARS or not re.search(r"[^\W\d_]", clause):
        return None
    first, comma, after = clause.partition(",")
    if " " not in first.strip() and towns_in(first, vocabulary):
        return after.strip() or None if comma else None
    return clause


def read_announcement(text: str, vocabulary: Vocabulary) -> Reading:
    """The meetings and member municipalities a pasted announcement states."""
    reader = _Reader(vocabulary)
    for line in _lines(text):
        reader.read(line)
    return reader.reading()


@dataclass
class _Reader:
    """An announcement read so far, line by line: what a line means depends on the lines
    before it (the workshop last named, the meeting an "Aika:" line stated)."""

    vocabulary: Vocabulary
    meetings: list[StatedMeeting] = field(default_factory=list)
    unplaced: list[UnplacedDate] = field(default_factory=list)
    wrong: list[WrongWeekday] = field(default_factory=list)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    workshop: str | None = None
    last_timed: int | None = None  # the meeting an "Aika:" line stated, for "Paikka:"
    expect_address: bool = False

    def read(self, line: _Line) -> None:
        """Take in one line: where the last meeting is, a workshop, members or dates."""
        words = _folded_words(line.text)
        label = _LABEL.match(line.text)
        label_name = fold(label.group(1).lower()) if label else None
        if self._where(line, label, label_name):
            return
        named = find_workshop(line.text, self.vocabulary)
        if named is not None and (
            len(words) <= _HEADING_WORDS or find_whole_workshop_name(line.text, self.vocabulary)
        ):
            self.workshop = named
        if _has_word(words, _MEMBERS_WORDS):
            towns = towns_in(line.text, self.vocabulary)
            if self.workshop is not None and len(towns) >= 2:
                self.members[self.workshop] = tuple(dict.fromkeys(towns))
                return
        self._dates(line, words, label_name)

    def _where(self, line: _Line, label: re.Match[str] | None, label_name: str | None) -> bool:
        """Whether the line tells where the meeting of an "Aika:" line is (venue, address),
        which it then gets."""
        timed = self.last_timed
        if self.expect_address and timed is not None and _STREET.search(line.text):
            self.meetings[timed] = replace(self.meetings[timed], address=line.text.rstrip("."))
            self.expect_address = False
            return True
        self.expect_address = False
        if label_name in {"paikka", "plats", "place", "venue"} and timed is not None:
            assert label is not None
            self.meetings[timed] = _with_venue(
                self.meetings[timed], line.text[label.end() :], self.vocabulary
            )
            self.expect_address = self.meetings[timed].address is None
            return True
        if label_name in {"osoite", "adress", "address"} and timed is not None:
            assert label is not None
            address = line.text[label.end() :].strip().rstrip(".")
            self.meetings[timed] = replace(self.meetings[timed], address=address or None)
            return True
        return False

    def _dates(self, line: _Line, words: list[str], label_name: str | None) -> None:
        """The meetings the dates on a line are, for the workshop last named."""
        found = _dates_on(line.text, self.vocabulary)
        line_says_meeting = _has_word(words, _MEETING_WORDS) or label_name in {"aika", "tid"}
        # Dates listed together are alike: "22.9.09 / 24.9.09", "… ja 4.6.2009 (Järvenpää)".
        sibling_cued = any(f.cued and not f.vetoed for f in found)
        for date_found in found:
            if date_found.vetoed or not (date_found.cued or line_says_meeting or sibling_cued):
                continue
            if date_found.weekday is not None and date_found.weekday != date_found.day.weekday():
                self.wrong.append(WrongWeekday(date_found.day, date_found.weekday, line.number))
            if self.workshop is None:
                self.unplaced.append(UnplacedDate(date_found.day, line.number))
            stated = StatedMeeting(
                workshop=self.workshop or UNPLACED,
                day=date_found.day,
                start=date_found.start,
                end=date_found.end,
                place=date_found.place,
                line=line.number,
            )
            if date_found.venue is not None:
                stated = _with_venue(stated, date_found.venue, self.vocabulary)
            self.meetings.append(stated)
            timed = label_name in {"aika", "tid", "time"}
            self.last_timed = len(self.meetings) - 1 if timed else None

    def reading(self) -> Reading:
        """What the lines read so far state, a meeting mentioned twice as one."""
        merged = list(_merged(self.meetings))
        return Reading(
            meetings=tuple(m for m in merged if m.workshop != UNPLACED),
            municipalities=self.members,
            unplaced=tuple(self.unplaced),
            wrong_weekdays=tuple(self.wrong),
            unplaced_meetings=tuple(m for m in merged if m.workshop == UNPLACED),
        )


def _with_venue(meeting: StatedMeeting, text: str, vocabulary: Vocabulary) -> StatedMeeting:
    """ "Paikka: Tuusulan sosiaalitoimisto / kokoushuone, Autoasemankatu 2": venue, address."""
    text = text.strip().rstrip(".")
    address = None
    if (street := _STREET.search(text)) is not None and street.start() > 0:
        text, address = text[: street.start()].rstrip(" ,"), text[street.start() :]
    elif street is not None:
        text, address = "", text
    towns = towns_in(text, vocabulary) if text else []
    return replace(
        meeting,
        venue=text or meeting.venue,
        address=address or meeting.address,
        place=meeting.place or (towns[0] if towns else None),
    )


def _merged(meetings: list[StatedMeeting]) -> Iterator[StatedMeeting]:
    """One meeting a workshop and day, what each mention adds put together."""
    by_day: dict[tuple[str, date, time | None], StatedMeeting] = {}
    for meeting in meetings:
        key = (meeting.workshop, meeting.day, meeting.start)
        loose = (meeting.workshop, meeting.day, None)
        same = by_day.get(key) or (by_day.get(loose) if meeting.start is not None else None)
        if same is None and meeting.start is None:
            same = next(
                (m for k, m in by_day.items() if k[:2] == key[:2]),
                None,
            )
        if same is None:
            by_day[key] = meeting
            continue
        merged = StatedMeeting(
            workshop=same.workshop,
            day=same.day,
            start=same.start or meeting.start,
            end=same.end or meeting.end,
            place=same.place or meeting.place,
            venue=same.venue or meeting.venue,
            address=same.address or meeting.address,
            line=same.line,
        )
        for k, m in list(by_day.items()):
            if m is same:
                del by_day[k]
        by_day[(merged.workshop, merged.day, merged.start)] = merged
    yield from sorted(by_day.values(), key=lambda m: (m.day, m.start or time(0), m.workshop))
