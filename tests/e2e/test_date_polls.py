"""Date polls over the local Bot API: a coordinator proposes dates, members of three of the
workshop's four municipalities answer in three languages, the fourth is nudged once, and
closing the poll makes the meeting, its notice and its reminders. The clock is the test's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.foundation.clock import Clock
from storage.models import DatePoll, Meeting, PollVote
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.clock import ManualClock
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
START = datetime(2027, 4, 20, 10, 0, tzinfo=HELSINKI)
# Four Tuesdays and Thursdays in May 2027; 6.5. is Ascension Day.
PROPOSAL = (
    "/datepoll kasvatuskumppanuus deadline=28.4.2027 klo 16.00\n"
    "ti 4.5.2027 klo 13.00–15.30 Järvenpää\n"
    "6.5.2027 klo 13-15.30 Kerava\n"
    "11.5.2027 klo 9.00–11.30 Nurmijärvi\n"
    "13.5.2027 klo 13.00–15.30 Siuntio"
)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def bot_clock(clock: ManualClock) -> Clock:
    return clock


async def votes(sessions: Sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(PollVote)) or 0


def starting(prefix: str) -> Callable[[SentMessage], bool]:
    return lambda m: (m.plain_text or "").startswith(prefix)


async def proposed(api: LocalBotAPI, members: list[FakeUser]) -> dict[int, SentMessage]:
    """The proposal previewed, checked and confirmed; each member's poll message."""
    preview = await say(api, ADMIN, PROPOSAL)
    text = preview.plain_text or ""
    assert text.startswith("🗓 Esikatselu: päivämääräkysely 1 (Moniammatillisen")
    assert f"Kysely lähtee {len(members)} jäsenelle, kun vahvistat sen." in text
    assert "2. to 6.5.2027 klo 13.00–15.30, Kerava\n   ⚠️ pyhäpäivä: Helatorstai" in text
    assert text.count("pyhäpäivä") == 1
    assert "Vastausaika päättyy ke 28.4.2027 klo 16.00." in text
    # The poll is each member's next message: one may have been answered before.
    before = {user.id: len(api.messages_to(user.id)) for user in members}
    api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    return {
        user.id: (await api.wait_for_message(user.id, count=before[user.id] + 1))[-1]
        for user in members
    }


async def test_a_poll_from_proposal_to_meeting(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, clock: ManualClock
) -> None:
    jarvenpaa = FakeUser(701, "Jaana", language_code="fi")
    kerava = FakeUser(702, "Karin", language_code="sv")
    nurmijarvi = FakeUser(703, "Nora", language_code="en")
    siuntio = [FakeUser(704, "Sami"), FakeUser(705, "Siiri")]
    members = [jarvenpaa, kerava, nurmijarvi, *siuntio]
    towns = ["Järvenpää", "Kerava", "Nurmijärvi", "Siuntio", "Siuntio"]
    languages = ["fi", "sv", "en", "fi", "fi"]
    for user, town, language in zip(members, towns, languages, strict=True):
        fake_api.add_user(user)
        await resident(sessions, user.id, town, language=language)

    polls = await proposed(fake_api, members)
    swedish = polls[kerava.id].plain_text or ""
    assert swedish.startswith("🗓 Datumförfrågan 1: Att stärka det multiprofessionella")
    assert "2. tors 6.5.2027 kl. 13.00–15.30, Kervo" in swedish
    assert polls[nurmijarvi.id].buttons()[1] == [
        ("2: yes", "vote:1:2:yes"),
        ("2: if need be", "vote:1:2:maybe"),
        ("2: no", "vote:1:2:no"),
    ]

    # Järvenpää by buttons; the message shows the answer given.
    poll = polls[jarvenpaa.id]
    # Each press edits the member's message and the coordinator's live results.
    fake_api.press_button(jarvenpaa, poll, poll.callback_data("1: kyllä"))
    await fake_api.wait_for_call("editMessageText", count=2)
    fake_api.press_button(jarvenpaa, poll, poll.callback_data("2: ei"))
    await fake_api.wait_for_call("editMessageText", count=4)
    assert "1. ti 4.5.2027 klo 13.00–15.30, Järvenpää – vastauksesi: kyllä" in (
        fake_api.messages_to(jarvenpaa.id)[0].plain_text or ""
    )
    # Kerava in Swedish, Nurmijärvi in English; an answer changed before the deadline.
    saved = await say(fake_api, kerava, "/vote 1 1 ja")
    assert saved.plain_text == (
        "Tack! Ditt svar på förslag 1. tis 4.5.2027 kl. 13.00–15.30, Träskända i förfrågan 1: ja."
    )
    await say(fake_api, kerava, "/vote 1 3 kanske")
    await say(fake_api, nurmijarvi, "/vote 1 1 no")
    changed = await say(fake_api, nurmijarvi, "/vote 1 1 yes")
    assert (changed.plain_text or "").endswith(": yes.")
    await say(fake_api, nurmijarvi, "/vote 1 2 maybe")
    assert await votes(sessions) == 6
    # The coordinator's preview became the poll's results, updated as the answers came.
    live = next(
        m
        for m in fake_api.messages_to(ADMIN.id)
        if (m.plain_text or "").startswith("🗓 Päivämääräkysely 1: vastaukset päivittyvät")
    )
    await fake_api.wait_until(
        lambda: "0/4 kunnasta pääsee (tarvittaessa: Nurmijärvi)" in (live.plain_text or ""),
        what="the coordinator's results to show the last answer",
    )
    assert "kyllä 3, tarvittaessa 0, ei 0 – 3/4 kunnasta pääsee" in (live.plain_text or "")
    assert "Eivät ole vastanneet: Siuntio" in (live.plain_text or "")

    results = (await say(fake_api, ADMIN, "/pollresults 1")).plain_text or ""
    assert "kyllä 3, tarvittaessa 0, ei 0 – 3/4 kunnasta pääsee" in results
    assert "kyllä 0, tarvittaessa 1, ei 1 – 0/4 kunnasta pääsee (tarvittaessa: Nurmijärvi)" in (
        results
    )
    assert "Eivät ole vastanneet: Siuntio" in results
    assert "Ehdotus: 1. ti 4.5.2027 klo 13.00–15.30, Järvenpää" in results

    # 24 hours before the deadline: Siuntio's members, and only they, are nudged, once.
    clock.set(datetime(2027, 4, 27, 16, 0, 1, tzinfo=HELSINKI))
    for user in siuntio:
        [_, nudge] = await fake_api.wait_for_message(user.id, count=2, timeout=10)
        assert (nudge.plain_text or "").startswith(
            "⏳ Muistutus: päivämääräkyselyn 1 (Moniammatillisen"
        )
    # At the deadline the poll closes and the coordinator is told the result.
    clock.set(datetime(2027, 4, 28, 16, 0, 1, tzinfo=HELSINKI))
    ended = (
        await fake_api.wait_for_message(
            ADMIN.id, predicate=starting("🗓 Päivämääräkyselyn 1 vastausaika")
        )
    )[0]
    assert "3/4 kunnasta pääsee" in (ended.plain_text or "")
    late = await say(fake_api, siuntio[0], "/vote 1 1 kyllä")
    assert late.plain_text == "Päivämääräkysely 1 on jo päättynyt, joten vastausta ei tallennettu."
    nudges = [m for m in fake_api.sent if (m.plain_text or "").startswith("⏳")]
    assert sorted(m.chat_id for m in nudges) == [704, 705]

    made = await say(fake_api, ADMIN, "/closepoll 1 1")
    assert (made.plain_text or "").startswith("Päivämääräkysely 1 on suljettu.")
    assert "• ti 4.5.2027 klo 13.00–15.30" in (made.plain_text or "")
    for user in members:
        await fake_api.wait_for_message(user.id, predicate=starting("🆕"), timeout=10)
    async with sessions() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.key == "2027-05-04"))
        assert meeting is not None
        assert meeting.place == "Järvenpää"
    # The day before, its reminder.
    clock.set(datetime(2027, 5, 3, 13, 0, 1, tzinfo=HELSINKI))
    reminder = await fake_api.wait_for_message(jarvenpaa.id, predicate=starting("⏰"), timeout=10)
    assert "ti 4.5.2027 klo 13.00–15.30" in (reminder[0].plain_text or "")


async def polls_stored(sessions: Sessions) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(DatePoll)) or 0


async def test_bad_proposals_and_answers_get_one_line_each_and_record_nothing(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    member, outsider = FakeUser(801, "Kaija"), FakeUser(802, "Lauri")
    for user, town in ((member, "Kerava"), (outsider, "Lohja")):
        fake_api.add_user(user)
        await resident(sessions, user.id, town)
    one = "/datepoll kasvatuskumppanuus\n4.5.2027 klo 13.00–15.30"
    assert (await say(fake_api, ADMIN, one)).plain_text == (
        "Kyselyssä pitää olla 2–30 ehdotettua päivää, nyt niitä on 1. Kyselyä ei tallennettu."
    )
    many = "/datepoll kasvatuskumppanuus\n" + "\n".join(f"{d}.7.2027 klo 13" for d in range(1, 32))
    assert "nyt niitä on 31" in ((await say(fake_api, ADMIN, many)).plain_text or "")
    past = "/datepoll kasvatuskumppanuus\n4.5.2027 klo 13\n19.4.2027 klo 13"
    assert (await say(fake_api, ADMIN, past)).plain_text == (
        "Ehdotus 2 on jo mennyt. Kyselyä ei tallennettu."
    )
    assert (await say(fake_api, member, PROPOSAL)).plain_text == (
        "Tämä toiminto on vain koordinaattoreille."
    )
    assert await polls_stored(sessions) == 0

    [poll] = (await proposed(fake_api, [member])).values()
    assert (await say(fake_api, outsider, "/vote 1 1 kyllä")).plain_text == (
        "Kysely 1 on verstaan kuntien jäsenille, eikä kuntasi ole mukana verstaassa. "
        "Vastausta ei tallennettu."
    )
    assert (await say(fake_api, member, "/vote 1 9 kyllä")).plain_text == (
        "Kyselyssä 1 ei ole ehdotusta 9. Mitään ei tallennettu."
    )
    assert (await say(fake_api, member, "/vote 2 1 kyllä")).plain_text == (
        "Päivämääräkyselyä 2 ei ole."
    )
    assert (await say(fake_api, member, "/vote 1 1 joo")).plain_text == (
        "Kirjoita kyselyn numero, ehdotuksen numero ja vastauksesi, esim. /vote 3 2 kyllä "
        "(kyllä, ehkä tai ei)."
    )
    # Forged buttons: a candidate that does not exist, and data of no shape of ours.
    answered = len(fake_api.calls_to("answerCallbackQuery"))
    fake_api.press_button(member, poll, "vote:1:9:yes", check=False)
    call = await fake_api.wait_for_call("answerCallbackQuery", count=answered + 1)
    assert call.params["text"] == "Kyselyssä 1 ei ole ehdotusta 9. Mitään ei tallennettu."
    fake_api.press_button(outsider, poll, "vote:1:1:yes", check=False)
    call = await fake_api.wait_for_call("answerCallbackQuery", count=answered + 2)
    assert "kuntasi ole mukana" in call.params["text"]
    fake_api.press_button(member, poll, "vote:1:x:yes", check=False)
    call = await fake_api.wait_for_call("answerCallbackQuery", count=answered + 3)
    assert call.params.get("show_alert") is True
    assert await votes(sessions) == 0
