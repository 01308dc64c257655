"""What a participant asks in plain words: the next meeting, meetings in a period, the
workshops, the contacts or help; with the town, workshop and period the question names.

Questions come in Finnish, Swedish or English, typed on phones: inflected, without the
Nordic letters, with typos, emoji and stray punctuation. Everything here is a pure
function of the text, the names the network uses and today's date. The words themselves
are read in `words`, the days in `periods`, the towns and workshops in `names`.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from bot.language.names import (
    TownFound,
    Vocabulary,
    town_elsewhere,
    towns_found,
    workshop_named,
)
from bot.language.periods import MONTHS, WEEKDAYS, Period, find_period, is_period_word
from bot.language.words import (
    QUESTION_TYPOS,
    QUESTION_WORDS,
    Language,
    Sense,
    Word,
    normalise,
    split_words,
)


class Intent(enum.StrEnum):
    """What the participant wants to know."""

    NEXT = "next"  # "when is the next meeting?"
    MEETINGS = "meetings"  # "what meetings are there in March / next week?"
    WORKSHOPS = "workshops"  # "which workshops are there?"
    CONTACT = "contact"  # "who is the coordinator / contact details?"
    HELP = "help"  # "help", "apua", "hjälp"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Question:
    """A question as the bot understood it."""

    intent: Intent
    language: Language | None  # the language the question is written in, when its words tell
    town: str | None = None  # canonical town
    workshop: str | None = None  # workshop key
    period: Period | None = None
    elsewhere: str | None = None  # a Finnish town outside the network: "Helsingissä"


class _Reading(NamedTuple):
    """What the words of a question tell besides its names and period."""

    senses: set[Sense]
    votes: Counter[Language]  # only the languages some word spoke for
    known: set[int]  # the words the reading understood, towns and periods included


def _read_words(words: Sequence[Word], towns: Sequence[TownFound]) -> _Reading:
    """The question words, and the votes of every word for the language it is written in."""
    town_at = {found.at for found in towns}
    senses: set[Sense] = set()
    votes: Counter[Language] = Counter()
    known: set[int] = set(town_at)
    for index, word in enumerate(words):
        keyword = QUESTION_WORDS.find(word.text)
        if keyword is None and index not in town_at and not is_period_word(words, index):
            keyword = QUESTION_TYPOS.find(word.text)
        if keyword is not None:
            language, sense = keyword.value
            senses.add(sense)
            known.add(index)
            if language is not None:
                votes[language] += 1
        elif is_period_word(words, index):
            known.add(index)
        if (month := MONTHS.find(word.text)) is not None and month.value[1] is not None:
            votes[month.value[1]] += 1
        elif (weekday := WEEKDAYS.find(word.text)) is not None:
            votes[weekday.value[1]] += 1
        # Swedish "i" stands before places and times ("i Lojo", "i mars"); alone it may be
        # the English "I".
        if (
            word.text == "i"
            and index + 1 < len(words)
            and (index + 1 in town_at or is_period_word(words, index + 1))
        ):
            votes["sv"] += 1
            known.add(index)
    votes["fi"] += sum(1 for found in towns if found.inflected)
    return _Reading(senses, +votes, known)


def _language(votes: Counter[Language]) -> Language | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _intent(
    senses: set[Sense], *, period: Period | None, workshop: str | None, names: bool, unknown: bool
) -> Intent:
    """What the question asks, from its question words and what else it names."""
    asks = senses & {Sense.NEXT, Sense.MEETING, Sense.WORKSHOPS}
    if Sense.CONTACT in senses:
        return Intent.CONTACT
    if Sense.ALL in senses and (senses & {Sense.NEXT, Sense.MEETING} or names or period):
        return Intent.MEETINGS  # "kaikki kokoukset": the whole list, not the next one
    if period is not None and (asks or names or not unknown):
        return Intent.MEETINGS
    if Sense.NEXT in senses:
        return Intent.NEXT
    if Sense.MEETING in senses:
        return Intent.MEETINGS
    if Sense.WORKSHOPS in senses:
        # "lastensuojeluverstas" asks about that workshop, "verstaat" about all of them.
        return Intent.NEXT if workshop is not None else Intent.WORKSHOPS
    if Sense.HELP in senses:
        return Intent.HELP
    if names:
        return Intent.NEXT
    return Intent.UNKNOWN


def understand(text: str, vocabulary: Vocabulary, today: date) -> Question:
    """What a participant's message asks, in which language, about which town, workshop, days."""
    normalised = normalise(text)
    words = split_words(normalised)
    period = find_period(normalised, words, today)
    towns = towns_found(words, vocabulary)
    reading = _read_words(words, towns)
    workshop, workshop_words = workshop_named(words, vocabulary, reading.known)
    known = reading.known | workshop_words
    town = towns[0].town if towns else None
    elsewhere = None
    if town is None and (outside := town_elsewhere(words, vocabulary, known)) is not None:
        elsewhere, at = outside
        known |= {at}
    unknown = [w for i, w in enumerate(words) if i not in known and len(w.text) > 1]
    intent = _intent(
        reading.senses,
        period=period,
        workshop=workshop,
        names=town is not None or workshop is not None or elsewhere is not None,
        unknown=bool(unknown),
    )
    if intent is Intent.UNKNOWN:
        period, elsewhere = None, None
    return Question(intent, _language(reading.votes), town, workshop, period, elsewhere)
