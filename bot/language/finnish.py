"""Finnish words come inflected: find which known word an inflected form is.

Participants write "Lohjalla", "Vihdissä", "maaliskuussa" or "kokouksia", and the parser
knows only "Lohja", "Vihti", "maaliskuu" and "kokous". Voikko, the standard Finnish
morphology, gives base forms when its C library and Finnish dictionary are installed
(Debian `libvoikko1` and `voikko-fi`). Machines without them get a small stemmer made for
the closed vocabulary the bot knows: it strips the case endings and undoes the stem
changes that those words go through, and it lets one typo pass in long names.

Words are compared folded (lower case, ä→a, ö→o, å→a) because people often type on
keyboards or phones without the Nordic letters: "Jarvenpaa" is Järvenpää.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

_log = logging.getLogger(__name__)

T = TypeVar("T")

# --- folding ------------------------------------------------------------------------------

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "y"})


def fold(word: str) -> str:
    """The word as it is compared: lower case and without the Nordic letters."""
    return word.lower().translate(_FOLD)


# --- Voikko -------------------------------------------------------------------------------


class _Analyser(Protocol):
    def analyze(self, word: str) -> list[dict[str, str]]: ...


_voikko_wanted = True
_voikko_tried = False
_voikko: _Analyser | None = None
# A Voikko instance must not be used by two threads at once (its documentation says so).
_voikko_lock = threading.Lock()


def use_voikko(enabled: bool) -> None:
    """Use Voikko when it loads (True, the default) or force the built-in stemmer (False)."""
    global _voikko_wanted
    _voikko_wanted = enabled
    voikko_forms.cache_clear()


def voikko_in_use() -> bool:
    """Whether words go through Voikko: it is wanted and its library and dictionary load."""
    return _voikko_wanted and _analyser() is not None


def analyser_name() -> str:
    """Which analyser reads Finnish words, as the start log names it."""
    if voikko_in_use():
        return "Voikko"
    return "the built-in stemmer (Voikko or its Finnish dictionary is not installed)"


def _analyser() -> _Analyser | None:
    # Loaded on first use, not at import: most code paths never need it, and a missing
    # library should cost one attempt, not one per word.
    global _voikko_tried, _voikko
    with _voikko_lock:
        if not _voikko_tried:
            _voikko_tried = True
            _voikko = _load_voikko()
    return _voikko


def _load_voikko() -> _Analyser | None:
    try:
        import libvoikko
    except ImportError:
        _log.debug("Voikko is not installed (libvoikko); using the built-in Finnish stemmer")
        return None
    try:
        # Listing the dictionaries first loads the C library without making a Voikko
        # object: a half-made one would raise again from its __del__.
        if not any(dictionary.language == "fi" for dictionary in libvoikko.Voikko.listDicts()):
            _log.debug("Voikko has no Finnish dictionary; using the built-in Finnish stemmer")
            return None
        analyser: _Analyser = libvoikko.Voikko("fi")
    except (OSError, AttributeError, libvoikko.VoikkoException) as error:
        _log.debug("Voikko did not load (%s); using the built-in Finnish stemmer", error)
        return None
    return analyser


@lru_cache(maxsize=4096)
def voikko_forms(word: str) -> frozenset[str]:
    """The folded base forms Voikko gives for a word; empty when it is off or does not know it."""
    if not _voikko_wanted or not word or len(word) > 60:
        return frozenset()
    analyser = _analyser()
    if analyser is None:
        return frozenset()
    with _voikko_lock:
        analyses = analyser.analyze(word)
    return frozenset(fold(a["BASEFORM"]) for a in analyses if a.get("BASEFORM"))


# --- the built-in stemmer -----------------------------------------------------------------

# Case endings (folded, so "ssa" stands for -ssa and -ssä), longest first, plus the endings
# of plurals and weekday adverbs the bot meets: Lohja-lla, kokoukse-ssa, verstai-ta,
# tiistai-na, tiistai-sin, kokoukse-t.
_ENDINGS = sorted(
    {
        "n", "a", "ta", "tta", "ssa", "sta", "lla", "lta", "lle", "na", "ksi", "t",
        "ia", "ita", "ja", "issa", "ista", "illa", "ilta", "ille", "ihin", "iin", "ina",
        "ien", "iden", "itten", "jen", "sin", "seen",
    },
    key=len,
    reverse=True,
)  # fmt: skip

# Clitics glued after the case ending: Lohjallako? tänäänkin.
_CLITICS = ("kaan", "kin", "han", "ko", "pa")

_VOWELS = "aeiouy"

# Consonant gradation, the weak grade as inflected forms show it -> the strong grade of the
# base form: Vihdi-ssä -> Vihti, viiko-lla -> viikko, yhteystiedo-t -> yhteystieto.
_STRONG_GRADE = {
    "hd": "ht",
    "rj": "rk",
    "lj": "lk",
    "d": "t",
    "k": "kk",
    "p": "pp",
    "t": "tt",
    "v": "p",
    "ng": "nk",
    "mm": "mp",
    "ll": "lt",
    "nn": "nt",
    "rr": "rt",
}
_LAST_SYLLABLE = re.compile(rf"^(.*[{_VOWELS}])([^{_VOWELS}]+)([{_VOWELS}]+)$")
# A k between two vowels drops in the weak grade: tue-n -> tuki, pue-ssa -> puku.
_LOST_K = re.compile(rf"^([^{_VOWELS}]+[{_VOWELS}])([{_VOWELS}])$")
# The illative lengthens the last vowel and adds -n or -hVn: Lohjaan, Vihtiin, Järvenpäähän.
_ILLATIVE = re.compile(rf"^(.*([{_VOWELS}]))h?\2n$")


def _bases_of_stem(stem: str) -> set[str]:
    """Base forms a stem left after the case ending may come from."""
    bases = {stem}
    # -s words change the stem: kokous -> kokoukse-/kokouksi-, verstas -> verstaa-/verstai-,
    # kasvatuskumppanuus -> kasvatuskumppanuude-/-uut-, vahvistaminen -> vahvistamise-.
    for inflected, base in (
        ("kse", "s"),
        ("ksi", "s"),
        ("ks", "s"),
        ("uude", "uus"),
        ("uut", "uus"),
        ("yyde", "yys"),
        ("yyt", "yys"),
        ("ise", "inen"),
        ("is", "inen"),
        ("aa", "as"),
        ("ai", "as"),
    ):
        if stem.endswith(inflected):
            bases.add(stem[: -len(inflected)] + base)
    # Old e-stems end in -i in the base form: Kirkkonumme-lla, Nurmijärve-llä.
    if stem.endswith("e"):
        bases.add(stem[:-1] + "i")
    for base in list(bases):
        if (lost := _LOST_K.match(base)) and lost.group(1)[-1] != lost.group(2):
            bases.add(lost.group(1) + "k" + lost.group(2))
        match = _LAST_SYLLABLE.match(base)
        if match is None:
            continue
        head, consonants, vowels = match.groups()
        for weak, strong in _STRONG_GRADE.items():
            if consonants.endswith(weak):
                bases.add(head + consonants[: -len(weak)] + strong + vowels)
                break
    return bases


@lru_cache(maxsize=4096)
def guesses(word: str) -> frozenset[str]:
    """Base forms a folded word may have, by stripping endings and undoing stem changes."""
    words = {word}
    for clitic in _CLITICS:
        if word.endswith(clitic) and len(word) - len(clitic) >= 3:
            words.add(word[: -len(clitic)])
    found: set[str] = set()
    for form in words:
        found |= _bases_of_stem(form)
        for ending in _ENDINGS:
            # Three letters of stem at least: shorter ones would match nearly anything.
            if form.endswith(ending) and len(form) - len(ending) >= 3:
                found |= _bases_of_stem(form[: -len(ending)])
        if match := _ILLATIVE.match(form):
            found |= _bases_of_stem(match.group(1))
    return frozenset(found)


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one letter added, dropped, changed or two swapped turns a into b."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1 :] == b[start + 1 :]:
            return True
        return (
            start + 1 < len(a)
            and a[start] == b[start + 1]
            and a[start + 1] == b[start]
            and a[start + 2 :] == b[start + 2 :]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return shorter[start:] == longer[start + 1 :]


# --- known words --------------------------------------------------------------------------

# Names this long may carry one typo; shorter ones would collide with ordinary words.
TYPO_MIN_LENGTH = 6


@dataclass(frozen=True)
class Found(Generic[T]):
    """A known word recognised in a written word."""

    value: T
    inflected: bool  # it carried a (Finnish) ending: "Lohjalla" for Lohja
    typo: bool = False


class Lexicon(Generic[T]):
    """A closed set of spellings, each with its meaning, recognised in any inflected form."""

    def __init__(self, entries: Iterable[tuple[str, T]], *, typos: bool = False) -> None:
        self._values: dict[str, T] = {}
        for spelling, value in entries:
            # The first meaning of a spelling wins: tables list the preferred one first.
            self._values.setdefault(fold(spelling.strip()), value)
        self._typos = typos
        self._typo_keys = [key for key in self._values if len(key) >= TYPO_MIN_LENGTH]

    def find(self, word: str) -> Found[T] | None:
        """The known word this word is, inflected or (if allowed) with one typo; else None."""
        folded = fold(word)
        if folded in self._values:
            return Found(self._values[folded], inflected=False)
        # Voikko first where it runs: it knows the real inflection of every Finnish word.
        # What it does not know (Swedish names, typos) goes on to the built-in stemmer.
        for forms in (voikko_forms(word), guesses(folded)):
            hits = [form for form in forms if form in self._values]
            if hits:
                # The longest base form is the most specific: "karjalohja", not "lohja".
                best = max(hits, key=lambda form: (len(form), form))
                return Found(self._values[best], inflected=True)
        if self._typos and len(folded) >= TYPO_MIN_LENGTH - 1:
            return self._find_typo(folded)
        return None

    def _find_typo(self, folded: str) -> Found[T] | None:
        near = [
            (form, key)
            for form in {folded} | {form for form in guesses(folded) if len(form) >= 5}
            for key in self._typo_keys
            if one_edit_apart(form, key)
        ]
        values = {self._values[key] for _, key in near}
        if len(values) != 1:
            return None  # none, or two names equally near: better to ask than to guess
        inflected = all(form != folded for form, _ in near)
        return Found(self._values[near[0][1]], inflected=inflected, typo=True)
