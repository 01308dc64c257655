"""Questions in plain words and the answers a participant gets, on the demo network.

The clock is Sunday 1.3.2009 at noon; the asker has chosen no municipality, so answers
cover every workshop (the nudge to register is checked in the end-to-end tests).
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.console.bot_api import parse_html
from bot.replies.answers import question_reply
from bot.services.members import Participant
from storage.models import Role
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, load_demo

NOON_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)

# (asker's language, question, texts the answer must contain, texts it must not contain)
QUESTIONS: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]] = [
    # Finnish: the next meeting
    (
        "fi",
        "milloin on seuraava kokous?",
        ("ke 4.3.2009 klo 13.00–15.30", "ke 11.3.2009", "ke 25.3.2009"),
        (),
    ),
    ("fi", "Milloin seuraava verstas on?", ("ke 4.3.2009 klo 13.00–15.30",), ()),
    ("fi", "koska on seuraava kokous", ("ke 4.3.2009",), ()),
    ("fi", "seuraava kokous Lohjalla", ("ke 6.5.2009", "Lohja"), ("4.3.2009",)),
    ("fi", "seuraava kokous Järvenpäässä?", ("ke 25.3.2009",), ("4.3.2009",)),
    ("fi", "milloin on kokous Vihdissä", ("ke 15.4.2009", "Vihti"), ("4.3.2009",)),
    ("fi", "seuraava kokous Kirkkonummella", ("ke 4.3.2009 klo 13.00–15.30",), ("11.3.2009",)),
    (
        "fi",
        "milloin Raaseporissa on seuraava kokous",
        ("ke 11.3.2009", "ke 3.6.2009"),
        ("4.3.2009 klo",),
    ),
    ("fi", "seuraava kokous Nurmijärvellä", ("ti 28.4.2009",), ("4.3.2009",)),
    ("fi", "seuraava kokous Tuusulassa", ("ke 13.5.2009",), ("4.3.2009",)),
    (
        "fi",
        "seuraava lastensuojelun kokous",
        ("Ehkäisevä lastensuojelu peruspalveluissa", "ke 4.3.2009"),
        ("11.3.2009",),
    ),
    ("fi", "milloin kasvatuskumppanuus kokoontuu seuraavaksi?", ("ke 25.3.2009",), ("4.3.2009",)),
    ("fi", "Lohjalla?", ("ke 6.5.2009",), ()),
    # Finnish: meetings in a period
    (
        "fi",
        "mitä kokouksia on maaliskuussa?",
        ("Kokoukset 1–5 / 5", "ke 4.3.2009", "ke 11.3.2009"),
        ("6.5.2009",),
    ),
    ("fi", "onko ensi viikolla verstasta?", ("Kokoukset 1–1 / 1", "ke 4.3.2009"), ("11.3.2009",)),
    ("fi", "kokoukset huhtikuussa", ("Kokoukset 1–2 / 2", "ke 15.4.2009", "ti 28.4.2009"), ()),
    ("fi", "mitä kokouksia on toukokuun aikana", ("ke 6.5.2009", "ke 13.5.2009"), ("4.3.2009",)),
    ("fi", "onko tällä viikolla kokouksia?", ("Ei kokouksia",), ()),
    ("fi", "kokouksia kesäkuussa?", ("ke 3.6.2009", "to 4.6.2009"), ()),
    ("fi", "mitä verstaita on syyskuussa", ("ti 1.9.2009", "ti 22.9.2009", "to 24.9.2009"), ()),
    ("fi", "onko keskiviikkona kokous", ("ke 4.3.2009",), ("11.3.2009",)),
    # Finnish: other questions
    ("fi", "yhteystiedot", ("Marianna Kokko", "040 3153446", "Heidi Gerdt"), ()),
    ("fi", "kuka on koordinaattori?", ("Marianna Kokko",), ()),
    ("fi", "mitä verstaita on?", ("Teemaverstaat", "Kunnat:"), ()),
    ("fi", "apua", ("/next – Seuraava kokous",), ()),
    ("fi", "hyvää huomenta", ("En ymmärtänyt kysymystä.",), ()),
    # Swedish
    ("sv", "när är nästa möte?", ("ons 4.3.2009 kl. 13.00–15.30",), ()),
    ("sv", "när är nästa möte i Lojo?", ("ons 6.5.2009", "Lojo"), ("4.3.2009",)),
    ("fi", "när är nästa möte i Lojo?", ("ons 6.5.2009",), ()),
    ("sv", "nästa möte i Raseborg", ("ons 11.3.2009", "Raseborg"), ()),
    ("sv", "när träffas verkstaden i Kyrkslätt?", ("ons 4.3.2009",), ("11.3.2009",)),
    ("sv", "vilka möten finns i april?", ("Möten 1–2 / 2", "ons 15.4.2009", "tis 28.4.2009"), ()),
    ("sv", "möten nästa vecka", ("ons 4.3.2009",), ("11.3.2009",)),
    ("sv", "finns det möten i maj 2009?", ("ons 6.5.2009", "ons 13.5.2009"), ()),
    ("sv", "vem är koordinator?", ("Marianna Kokko",), ()),
    ("sv", "hjälp", ("/next – Nästa möte",), ()),
    ("sv", "god morgon", ("Jag förstod inte frågan.",), ()),
    # English
    ("en", "when is the next meeting?", ("Wed 4 Mar 2009, 13:00–15:30",), ()),
    ("en", "next meeting in Vihti", ("Wed 15 Apr 2009", "Vihti"), ("4 Mar",)),
    ("en", "next meeting in Raseborg", ("Wed 11 Mar 2009",), ()),
    ("en", "meetings next week", ("Meetings 1–1 of 1", "Wed 4 Mar 2009"), ("11 Mar",)),
    (
        "en",
        "what meetings are there in May 2009?",
        ("Wed 6 May 2009", "Wed 13 May 2009"),
        ("4 Mar",),
    ),
    ("en", "meetings in June", ("Wed 3 Jun 2009", "Thu 4 Jun 2009"), ()),
    ("en", "any meetings this week?", ("No meetings match.",), ()),
    ("en", "which workshops are there?", ("Theme workshops", "Municipalities:"), ()),
    ("en", "contact", ("Marianna Kokko",), ()),
    ("en", "help", ("/next – Next meeting",), ()),
    ("en", "what's the weather like?", ("I didn't understand the question.",), ()),
]


@pytest.fixture
async def demo(sessions: async_sessionmaker[AsyncSession]) -> None:
    await load_demo(sessions)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize(("language", "question", "present", "absent"), QUESTIONS)
async def test_a_question_gets_the_answer_a_participant_expects(
    engine: AsyncEngine,
    sessions: async_sessionmaker[AsyncSession],
    language: str,
    question: str,
    present: tuple[str, ...],
    absent: tuple[str, ...],
) -> None:
    runtime = runtime_at(NOON_1_MARCH_2009, engine)
    asker = Participant(1, language, None, frozenset(), Role.PARTICIPANT)
    async with sessions() as session:
        reply = await question_reply(session, runtime, asker, question)
    # What the user sees, parsed the way Telegram parses HTML (it fails on broken markup).
    shown, _ = parse_html(reply.text)
    for text in present:
        assert text in shown, f"{question!r} → {shown!r}"
    for text in absent:
        assert text not in shown, f"{question!r} → {shown!r}"


def test_the_table_covers_three_languages_with_forty_questions() -> None:
    assert len(QUESTIONS) >= 40
    assert {language for language, *_ in QUESTIONS} == {"fi", "sv", "en"}
