"""The towns and workshops a text names, inflected, without the Nordic letters or with a
typo; a workshop also by a distinctive word of one of its names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from bot.language.finnish import Lexicon, fold, guesses, one_edit_apart, voikko_forms
from bot.language.places import FINNISH_TOWNS
from bot.language.words import QUESTION_WORDS, Word, normalise, split_words


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


# --- towns --------------------------------------------------------------------------------


class TownFound(NamedTuple):
    """A town named in a text, and how."""

    town: str
    at: int  # the word the name ends at
    inflected: bool  # "Lohjalla": a sign of Finnish


def _phrase_town(words: Sequence[Word], index: int, vocabulary: Vocabulary) -> TownFound | None:
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
            return TownFound(town, index, last != phrase[-1])
    return None


def towns_found(words: Sequence[Word], vocabulary: Vocabulary) -> list[TownFound]:
    """The towns the words name, in the order written; with typos only if none is exact."""
    exact: list[TownFound] = []
    typos: list[TownFound] = []
    for index, word in enumerate(words):
        if (phrase := _phrase_town(words, index, vocabulary)) is not None:
            exact.append(phrase)
        # Question words never are towns, however near a town's name they are typed.
        elif word.text.isdigit() or QUESTION_WORDS.find(word.text) is not None:
            continue
        elif (found := vocabulary._town_lexicon.find(word.text)) is not None:
            (typos if found.typo else exact).append(TownFound(found.value, index, found.inflected))
    # A name written right beats a name with a typo anywhere in the text.
    return exact or typos


def town_elsewhere(
    words: Sequence[Word], vocabulary: Vocabulary, skip: set[int]
) -> tuple[str, int] | None:
    """A Finnish town outside the network the words name ("Helsingissä"), and where."""
    network = set(vocabulary.towns.values())
    for index, word in enumerate(words):
        if index in skip or word.text.isdigit() or QUESTION_WORDS.find(word.text) is not None:
            continue
        found = FINNISH_TOWNS.find(word.text)
        if found is not None and found.value not in network:
            return found.value, index
    return None


def find_town(text: str, vocabulary: Vocabulary) -> str | None:
    """The town a text names, inflected or with a typo, as its canonical name; else None."""
    towns = towns_found(split_words(normalise(text)), vocabulary)
    return towns[0].town if towns else None


def towns_in(text: str, vocabulary: Vocabulary) -> list[str]:
    """Every town a text names, in the order written, as canonical names."""
    return [found.town for found in towns_found(split_words(normalise(text)), vocabulary)]


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
                (tuple(fold(w.text) for w in split_words(normalise(s))), key)
                for s, key in workshops.items()
            ),
            key=lambda phrase: len(phrase[0]),
            reverse=True,
        )
        words: dict[str, set[str]] = {}
        for spelling, key in workshops.items():
            for word in split_words(normalise(spelling)):
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


def workshop_named(
    words: Sequence[Word], vocabulary: Vocabulary, skip: set[int]
) -> tuple[str | None, set[int]]:
    """The workshop a text names and the words that name it."""
    index = vocabulary._workshop_index
    if (named := _whole_name_in(words, index) or _inflected_name_in(words, index)) is not None:
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


def _whole_name_in(words: Sequence[Word], index: _WorkshopIndex) -> tuple[str, set[int]] | None:
    """The workshop whose key, name or alias the words have whole, and those words."""
    folded = [fold(word.text) for word in words]
    for phrase, key in index.phrases:
        for start in range(len(words) - len(phrase) + 1):
            if tuple(folded[start : start + len(phrase)]) == phrase:
                return key, set(range(start, start + len(phrase)))
    return None


def _same_word(written: str, name_word: str) -> bool:
    """Whether a written word is this word of a name, inflected or with one typo."""
    folded = fold(written)
    if folded == name_word:
        return True
    forms = {folded} | voikko_forms(written) | guesses(folded)
    if name_word in forms:
        return True
    return len(name_word) >= _TYPO_MIN and any(
        one_edit_apart(form, name_word) for form in forms if len(form) >= _TYPO_MIN - 1
    )


# Words of names this long may carry a typo, as towns do.
_TYPO_MIN = 6


def _inflected_name_in(words: Sequence[Word], index: _WorkshopIndex) -> tuple[str, set[int]] | None:
    """The workshop whose name of two or more words the words have inflected: "arjen tuen",
    "perhetyön verstaassa", "liikkuvan arjen"."""
    for phrase, key in index.phrases:
        if len(phrase) < 2:
            continue  # one word is a distinctive word of a name, read by its own rule
        for start in range(len(words) - len(phrase) + 1):
            written = words[start : start + len(phrase)]
            if all(_same_word(w.text, part) for w, part in zip(written, phrase, strict=True)):
                return key, set(range(start, start + len(phrase)))
    return None


def find_whole_workshop_name(text: str, vocabulary: Vocabulary) -> str | None:
    """The workshop whose key, name or alias a text has whole, not just a word of one."""
    named = _whole_name_in(split_words(normalise(text)), vocabulary._workshop_index)
    return named[0] if named else None


def find_workshop(text: str, vocabulary: Vocabulary) -> str | None:
    """The workshop a text names by key, name, alias or a distinctive part of one; else None."""
    words = split_words(normalise(text))
    skip = {i for i, word in enumerate(words) if QUESTION_WORDS.find(word.text) is not None}
    skip |= {town.at for town in towns_found(words, vocabulary)}
    return workshop_named(words, vocabulary, skip)[0]
