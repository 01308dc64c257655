"""The words of a typed question: the text made comparable, split into words, and the
words questions are asked with in Finnish, Swedish and English.

Questions come typed on phones: inflected, without the Nordic letters, with typos, emoji
and stray punctuation.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from typing import Literal, NamedTuple

from bot.language.finnish import Lexicon

Language = Literal["fi", "sv", "en"]

# Questions are a line or two; looking further only costs time on pasted or hostile text.
MAX_CHARS = 500


class Word(NamedTuple):
    """A word of a question, and where it stands."""

    text: str  # lower case, as written
    start: int  # where it starts in the normalised text: the first period named wins


_WORD = re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*")


def normalise(text: str) -> str:
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


def split_words(normalised: str) -> list[Word]:
    """The words and numbers of a normalised text, in order."""
    return [Word(match.group(), match.start()) for match in _WORD.finditer(normalised)]


# --- the words of questions ---------------------------------------------------------------


class Sense(enum.Enum):
    """What a question word asks about."""

    NEXT = enum.auto()
    MEETING = enum.auto()
    WORKSHOPS = enum.auto()
    CONTACT = enum.auto()
    HELP = enum.auto()
    ALL = enum.auto()  # "kaikki", "alla", "all": every meeting, not only the next
    WORD = enum.auto()  # tells only the language (or nothing): "mitä", "vilka", "the"


# Base forms (the stemmer and Voikko find the inflected ones), plus inflected forms the
# stemmer cannot undo and the Swedish and English forms, which it does not try.
_KEYWORDS: dict[tuple[Language | None, Sense], str] = {
    ("fi", Sense.NEXT): "seuraava seuraavaksi milloin koska ensi",
    # People say they meet in many words: "palaveri", "milloin nähdään?", "kokoonnutaan".
    ("fi", Sense.MEETING): (
        "kokous kokoontuminen tapaaminen palaveri kokoontua kokoontuu kokoontuvat kokoonnutaan"
        " nähdä nähdään tavata tavataan"
    ),
    ("fi", Sense.ALL): "kaikki kaikkien kaikkia",
    ("fi", Sense.WORKSHOPS): "verstas teemaverstas työpaja",
    ("fi", Sense.CONTACT): "yhteystieto koordinaattori yhteyshenkilö puhelinnumero sähköposti",
    ("fi", Sense.HELP): "apu ohje ohjeet",
    ("fi", Sense.WORD): (
        "onko ovat oliko entä mitä mikä mitkä missä mihin mistä kuka ketkä keitä kenelle ja tai vai"
        " kun jos voi voiko löytyy löytyykö järjestetään pidetään hei moi terve kiitos hyvää"
        " huomenta päivää iltaa tänään huomenna ylihuomenna viikko kuu kuukausi tämä tällä"
        " tässä tätä tämän ennen päästä kuluttua oli olivat jotain jotakin mitään"
    ),
    ("sv", Sense.NEXT): "nästa när",
    ("sv", Sense.MEETING): (
        "möte mötet möten mötena sammanträde sammanträdet träff träffen träffar träffarna"
        " träffas ses möts"
    ),
    ("sv", Sense.ALL): "alla samtliga",
    ("sv", Sense.WORKSHOPS): "verkstad verkstaden verkstäder verkstäderna temaverkstad",
    ("sv", Sense.CONTACT): (
        "kontakt kontakter kontaktuppgifter kontaktperson kontaktpersonen koordinator"
        " koordinatorn samordnare telefonnummer e-post"
    ),
    ("sv", Sense.HELP): "hjälp",
    ("sv", Sense.WORD): (
        "är på vilka vilken vilket finns fins det den här vad vem hur och eller ska hålls blir"
        " har hej tack god morgon idag imorgon dag övermorgon vecka veckan månad månaden denna"
        " detta vi om före innan efter"
    ),
    ("en", Sense.NEXT): "next when upcoming",
    ("en", Sense.MEETING): "meeting meetings meet",
    ("en", Sense.ALL): "all every",
    ("en", Sense.WORKSHOPS): "workshop workshops",
    ("en", Sense.CONTACT): "contact contacts coordinator coordinators phone email e-mail",
    ("en", Sense.HELP): "help",
    ("en", Sense.WORD): (
        "what which who where is are there the a an any in of at do does will be hello hi"
        " thanks today tomorrow day week month this please we before after"
    ),
    # Words of two languages tell none: "on" is Finnish "is" and the English preposition.
    (None, Sense.WORD): "on",
}

QUESTION_WORDS: Lexicon[tuple[Language | None, Sense]] = Lexicon(
    (word, meaning) for meaning, words in _KEYWORDS.items() for word in words.split()
)

# The same words with one typo let through ("kokouset", "seurava"); tried only on words
# that are no name, so that a town one letter from a question word stays a town.
QUESTION_TYPOS: Lexicon[tuple[Language | None, Sense]] = Lexicon(
    (
        (word, meaning)
        for meaning, words in _KEYWORDS.items()
        if meaning[1] is not Sense.WORD
        for word in words.split()
    ),
    typos=True,
)
