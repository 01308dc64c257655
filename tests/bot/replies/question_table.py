"""A table of questions as people type them, with the meetings each answer should list,
on a fictional network (data/kaakko-2027.yaml); scored by the table test and by
`python -m benchmarks.questions_table`.

The clock is Wednesday 3.3.2027 at noon; the asker has chosen no municipality, so answers
cover every workshop. A question about the next meeting lists the next one of each
workshop; a question about a period, a town or "all" lists every matching meeting, past
ones of the period and cancelled ones included, fifteen at most.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.replies.answers import answer_question
from bot.replies.context import ReplyContext
from bot.services.members import Participant
from storage.models import Role
from storage.schedule import apply_schedule, read_schedule_bytes
from tests.helpers.schedules import HELSINKI

NETWORK = Path(__file__).parent / "data" / "kaakko-2027.yaml"
NOON_3_MARCH_2027 = datetime(2027, 3, 3, 12, 0, tzinfo=HELSINKI)

# Meetings by key, named for what they are in the table.
NOTHING: tuple[str, ...] = ()
NEXT_EACH = ("la-tanaan", "at-perjantai", "pv-lauantai")
UPCOMING_15 = (
    "la-tanaan", "at-perjantai", "pv-lauantai", "la-porvoo", "at-lohja", "pv-porvoo",
    "at-peruttu", "la-vantaa", "pv-paasiainen", "at-vantaa", "la-huhti", "pv-kerava",
    "at-vappu", "pv-toukokuu", "la-kerava",
)  # fmt: skip
LIIKKUVA = ("la-tanaan", "la-porvoo", "la-vantaa", "la-huhti", "la-kerava", "la-kesa")
ARJEN_TUKI = ("at-perjantai", "at-lohja", "at-peruttu", "at-vantaa", "at-vappu", "at-hyvinkaa")
PERHETYO = (
    "pv-lauantai", "pv-porvoo", "pv-paasiainen", "pv-kerava", "pv-toukokuu", "pv-juhannus",
    "pv-joulu",
)  # fmt: skip
MARCH = (
    "la-tanaan", "at-perjantai", "pv-lauantai", "la-porvoo", "at-lohja", "pv-porvoo",
    "at-peruttu", "la-vantaa", "pv-paasiainen",
)  # fmt: skip
APRIL = ("at-vantaa", "la-huhti", "pv-kerava", "at-vappu")
MAY = ("pv-toukokuu", "la-kerava", "at-hyvinkaa")
JUNE = ("la-kesa", "pv-juhannus")
THIS_WEEK = ("la-tanaan", "at-perjantai", "pv-lauantai")
NEXT_WEEK = ("la-porvoo", "at-lohja")
IN_TWO_WEEKS = ("pv-porvoo", "at-peruttu")
BEFORE_EASTER = MARCH[:8]
IN_KOTKA = ("la-tanaan", "pv-lauantai", "pv-paasiainen", "la-huhti", "pv-toukokuu", "pv-joulu")
IN_VANTAA = ("la-vantaa", "at-vantaa", "la-kesa")
IN_LOHJA = ("at-perjantai", "at-lohja", "at-vappu")
IN_PORVOO = ("la-porvoo", "pv-porvoo", "pv-juhannus")
IN_HYVINKAA = ("at-peruttu", "at-hyvinkaa")
IN_KERAVA = ("pv-kerava", "la-kerava")
NEXT_IN_KOTKA = ("la-tanaan", "pv-lauantai")
NEXT_IN_VANTAA = ("la-vantaa", "at-vantaa")
NEXT_IN_PORVOO = ("la-porvoo", "pv-porvoo")
NEXT_IN_KERAVA = ("la-kerava", "pv-kerava")

FINNISH: list[tuple[str, tuple[str, ...]]] = [
    # the next meeting, with and without names
    ("milloin on seuraava kokous?", NEXT_EACH),
    ("seuraava palaveri?", NEXT_EACH),
    ("milloin nähdään seuraavaksi", NEXT_EACH),
    ("koska kokoonnutaan seuraavan kerran?", NEXT_EACH),
    ("seurava kokous", NEXT_EACH),
    ("seuraava kokous Kotkassa", NEXT_IN_KOTKA),
    ("Kotkaan", NEXT_IN_KOTKA),
    ("milloin nähdään Kotkassa?", NEXT_IN_KOTKA),
    ("seuraava tapaaminen Vantaalla", NEXT_IN_VANTAA),
    ("Vantaalla?", NEXT_IN_VANTAA),
    ("seuraava kokous Vantaala", NEXT_IN_VANTAA),
    ("Porvoossa?", NEXT_IN_PORVOO),
    ("milloin on seuraava kokous Porvooseen", NEXT_IN_PORVOO),
    ("Lohjalle seuraavaksi?", ("at-perjantai",)),
    ("seuraava kokous Hyvinkäällä", ("at-hyvinkaa",)),
    ("Keravalla", NEXT_IN_KERAVA),
    ("seuraava Liikkuvan arjen kokous", ("la-tanaan",)),
    ("liikkuva arki", ("la-tanaan",)),
    ("liikuva arki seuraava", ("la-tanaan",)),
    ("arjen tuen seuraava tapaaminen", ("at-perjantai",)),
    ("milloin arjen tuki kokoontuu?", ("at-perjantai",)),
    ("perhetyön verstaan seuraava kokous", ("pv-lauantai",)),
    ("milloin perhetyön verstas kokoontuu", ("pv-lauantai",)),
    ("perhetyon verstas", ("pv-lauantai",)),
    ("seuraava liikkuvan arjen palaveri Vantaalla", ("la-vantaa",)),
    ("perhetyön verstas Porvoossa", ("pv-porvoo",)),
    ("arjen tuki Vantaalla", ("at-vantaa",)),
    # a town without meetings, a town outside the network
    ("seuraava kokous Sipoossa", NOTHING),
    ("onko kokouksia Sipoossa?", NOTHING),
    ("Onko kokouksia Helsingissä?", NOTHING),
    ("seuraava kokous Helsingissä", NOTHING),
    ("milloin on kokous Tampereella?", NOTHING),
    ("Espoossa?", NOTHING),
    ("onko Turussa palaveria ensi viikolla", NOTHING),
    # every meeting
    ("kaikki kokoukset", UPCOMING_15),
    ("mitä kokouksia on tulossa?", UPCOMING_15),
    ("kaikki perhetyön verstaan kokoukset", PERHETYO),
    ("perhetyön verstaan kokoukset", PERHETYO),
    ("kaikki arjen tuen tapaamiset", ARJEN_TUKI),
    ("liikkuvan arjen kokoukset", LIIKKUVA),
    ("Vantaan kokoukset", IN_VANTAA),
    ("Vantaan kokous", IN_VANTAA),
    ("kokoukset Kotkassa", IN_KOTKA),
    ("kaikki palaverit Lohjalla", IN_LOHJA),
    ("mitä kokouksia Porvoossa on?", IN_PORVOO),
    ("kokouksia Hyvinkäällä?", IN_HYVINKAA),
    ("kokoukset keravalla", IN_KERAVA),
    # days
    ("onko tänään kokousta?", ("la-tanaan",)),
    ("tänään?", ("la-tanaan",)),
    ("onko huomenna palaveri", NOTHING),
    ("ylihuomenna?", ("at-perjantai",)),
    ("kokous perjantaina?", ("at-perjantai",)),
    ("lauantaina?", ("pv-lauantai",)),
    ("ensi keskiviikkona", ("la-porvoo",)),
    ("onko 12.3. kokousta", ("at-lohja",)),
    ("12.3.2027", ("at-lohja",)),
    ("mitä on 10.3.?", ("la-porvoo",)),
    # ranges
    ("onko tällä viikolla kokouksia?", THIS_WEEK),
    ("tällä viikolla", THIS_WEEK),
    ("ensi viikolla?", NEXT_WEEK),
    ("mitä ensi viikolla on", NEXT_WEEK),
    ("kokoukset ensi viikolla", NEXT_WEEK),
    ("onko viikonloppuna jotain", ("pv-lauantai",)),
    ("ensi viikonloppuna?", NOTHING),
    ("kahden viikon päästä?", IN_TWO_WEEKS),
    ("mitä kokouksia on kahden viikon päästä", IN_TWO_WEEKS),
    ("tässä kuussa", MARCH),
    ("mitä kokouksia tässä kuussa", MARCH),
    ("ensi kuussa", APRIL),
    ("palaverit ensi kuussa", APRIL),
    ("kokoukset huhtikuussa", APRIL),
    ("toukokuussa?", MAY),
    ("kesäkuussa 2027", JUNE),
    ("mitä oli helmikuussa 2027", ("la-helmi",)),
    ("maaliskuusa", MARCH),
    ("kokouksia ennen pääsiäistä", BEFORE_EASTER),
    ("ennen pääsiäistä?", BEFORE_EASTER),
    # combined
    ("Lohjalla maaliskuussa", ("at-perjantai", "at-lohja")),
    ("kokoukset Lohjalla maaliskuussa 2027", ("at-perjantai", "at-lohja")),
    ("Vantaan kokoukset tässä kuussa", ("la-vantaa",)),
    ("onko Kotkassa kokouksia tällä viikolla?", NEXT_IN_KOTKA),
    ("Porvoossa ensi viikolla", ("la-porvoo",)),
    ("Keravalla toukokuussa", ("la-kerava",)),
    ("onko Sipoossa kokouksia maaliskuussa", NOTHING),
    ("Vantaalla tällä viikolla?", NOTHING),
    ("Hyvinkäällä maaliskuussa", ("at-peruttu",)),
    ("liikkuvan arjen kokoukset ensi kuussa", ("la-huhti",)),
    ("perhetyön verstas maaliskuussa", ("pv-lauantai", "pv-porvoo", "pv-paasiainen")),
    ("arjen tuen kokous kahden viikon päästä", ("at-peruttu",)),
    ("liikkuva arki Vantaalla kesäkuussa", ("la-kesa",)),
    ("Porvoossa ennen juhannusta", IN_PORVOO),
    ("Kotkassa ennen joulua", IN_KOTKA),
    ("arjen tuki ennen vappua", ARJEN_TUKI[:5]),
]

SWEDISH: list[tuple[str, tuple[str, ...]]] = [
    ("när är nästa möte?", NEXT_EACH),
    ("nästa träff?", NEXT_EACH),
    ("när ses vi nästa gång?", NEXT_EACH),
    ("nästa möte i Vanda", NEXT_IN_VANTAA),
    ("när ses vi i Borgå?", NEXT_IN_PORVOO),
    ("nästa möte i Kotka", NEXT_IN_KOTKA),
    ("i Lojo?", ("at-perjantai",)),
    ("nästa möte i Aktiv vardag", ("la-tanaan",)),
    ("när träffas Stöd i vardagen?", ("at-perjantai",)),
    ("Familjearbetets verkstad", ("pv-lauantai",)),
    ("alla möten", UPCOMING_15),
    ("alla möten i Familjearbetets verkstad", PERHETYO),
    ("möten i Kotka", IN_KOTKA),
    ("finns det möten i Helsingfors?", NOTHING),
    ("nästa möte i Sibbo", NOTHING),
    ("finns det möte idag?", ("la-tanaan",)),
    ("i morgon?", NOTHING),
    ("i övermorgon", ("at-perjantai",)),
    ("möte på fredag", ("at-perjantai",)),
    ("möten denna vecka", THIS_WEEK),
    ("möten nästa vecka", NEXT_WEEK),
    ("träff i helgen?", ("pv-lauantai",)),
    ("om två veckor?", IN_TWO_WEEKS),
    ("möten den här månaden", MARCH),
    ("möten nästa månad", APRIL),
    ("vilka möten finns i maj?", MAY),
    ("möten i Lojo i mars", ("at-perjantai", "at-lohja")),
    ("möten före påsk", BEFORE_EASTER),
    ("Aktiv vardag nästa månad", ("la-huhti",)),
    ("möten i Borgå före midsommar", IN_PORVOO),
]

ENGLISH: list[tuple[str, tuple[str, ...]]] = [
    ("when is the next meeting?", NEXT_EACH),
    ("next meeting", NEXT_EACH),
    ("when do we meet next?", NEXT_EACH),
    ("next meeting in Vantaa", NEXT_IN_VANTAA),
    ("next meeting in Kotka", NEXT_IN_KOTKA),
    ("next meeting of Liikkuva arki", ("la-tanaan",)),
    ("next Family work workshop meeting", ("pv-lauantai",)),
    ("when does Everyday support meet?", ("at-perjantai",)),
    ("all meetings", UPCOMING_15),
    ("all meetings of Liikkuva arki", LIIKKUVA),
    ("all meetings in Porvoo", IN_PORVOO),
    ("meetings in Lohja", IN_LOHJA),
    ("any meetings in Helsinki?", NOTHING),
    ("next meeting in Sipoo", NOTHING),
    ("meetings in Tampere next week", NOTHING),
    ("is there a meeting today?", ("la-tanaan",)),
    ("tomorrow?", NOTHING),
    ("day after tomorrow", ("at-perjantai",)),
    ("meeting on Friday", ("at-perjantai",)),
    ("next Wednesday", ("la-porvoo",)),
    ("any meetings this week?", THIS_WEEK),
    ("meetings next week", NEXT_WEEK),
    ("this weekend?", ("pv-lauantai",)),
    ("in two weeks", IN_TWO_WEEKS),
    ("meetings this month", MARCH),
    ("next month", APRIL),
    ("meetings in June 2027", JUNE),
    ("meetings in Lohja in March", ("at-perjantai", "at-lohja")),
    ("meetings before Easter", BEFORE_EASTER),
    ("Everyday support meetings in Vantaa next month", ("at-vantaa",)),
]

TABLE = [("fi", *row) for row in FINNISH] + [("sv", *row) for row in SWEDISH]
TABLE += [("en", *row) for row in ENGLISH]


@dataclass(frozen=True)
class Miss:
    """A question whose answer listed other meetings than expected."""

    question: str
    expected: tuple[str, ...]
    listed: tuple[str, ...]


async def load_network(sessions: async_sessionmaker[AsyncSession]) -> None:
    """Import the table's network."""
    schedule = read_schedule_bytes(NETWORK.read_bytes(), "yaml")
    async with sessions.begin() as session:
        await apply_schedule(session, schedule, default_timezone=HELSINKI)


async def run_table(
    sessions: async_sessionmaker[AsyncSession], context: ReplyContext
) -> tuple[float, list[Miss]]:
    """The share of questions answered with exactly the expected meetings, and the misses."""
    misses = []
    for language, question, expected in TABLE:
        asker = Participant(1, language, None, frozenset(), Role.PARTICIPANT)
        async with sessions() as session:
            answer = await answer_question(session, context, asker, question)
        listed = tuple(meeting.key for meeting in answer.meetings)
        if sorted(listed) != sorted(expected):
            misses.append(Miss(question, expected, listed))
    return 1 - len(misses) / len(TABLE), misses
