"""Feedback after a meeting over the local Bot API, on a clock the test sets: the question
reaches those who said they would come, once, FEEDBACK_DELAY after the meeting ends; they
grade by button (with a comment) and typed in Swedish; the results show in
/feedbackresults and in /archive. Bad input gets one line and records nothing."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.foundation.clock import Clock
from storage.models import MeetingFeedback, Outbox
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.clock import ManualClock
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]

# Long after the demo network's meetings of 2009, so that none of theirs is asked about.
NOW = datetime(2027, 1, 11, 10, 0, tzinfo=HELSINKI)
QUESTION = "💬 Miten kokous onnistui?"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def bot_clock(clock: ManualClock) -> Clock:
    """The bot runs on the test's clock."""
    return clock


def starting(prefix: str) -> Callable[[SentMessage], bool]:
    return lambda m: (m.plain_text or "").startswith(prefix)


def questions(api: LocalBotAPI, user: FakeUser) -> list[SentMessage]:
    return [m for m in api.messages_to(user.id) if starting(QUESTION)(m)]


async def _edited(message: SentMessage, count: int) -> str:
    """The message's text once it has been edited `count` times."""
    for _ in range(200):
        if len(message.edits) >= count:
            return message.edits[count - 1]
        await asyncio.sleep(0.02)
    raise AssertionError(f"not edited {count} times: {message.edits}")


async def _meeting(api: LocalBotAPI, day: str = "13.1.2027") -> str:
    """A meeting of the partnership workshop (Järvenpää, Kerava, Nurmijärvi, Siuntio)."""
    await say(api, ADMIN, f"/addmeeting kasvatuskumppanuus {day} 13:00-15:30 Kerava")
    added = await say(api, ADMIN, "/confirm")
    match = re.match(r"Kokous (\d+) lisätty", added.plain_text or "")
    assert match is not None, added.plain_text
    return match.group(1)


async def test_feedback_is_asked_of_those_who_came_and_shows_in_results_and_archive(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, clock: ManualClock
) -> None:
    aino, bjorn, silent = FakeUser(731, "Aino"), FakeUser(732, "Björn"), FakeUser(733, "Sanna")
    for user, town, language in (
        (aino, "Kerava", "fi"),
        (bjorn, "Järvenpää", "sv"),
        (silent, "Nurmijärvi", "fi"),
    ):
        fake_api.add_user(user)
        await resident(sessions, user.id, town, language=language)
    meeting = await _meeting(fake_api)
    await say(fake_api, aino, f"/going {meeting}")
    await say(fake_api, bjorn, f"/kommer {meeting}")

    # The meeting ends at 15.30; FEEDBACK_DELAY (1 h) later the question goes out.
    clock.set(datetime(2027, 1, 13, 16, 29, tzinfo=HELSINKI))
    await asyncio.sleep(2)
    assert questions(fake_api, aino) == []
    clock.set(datetime(2027, 1, 13, 16, 30, tzinfo=HELSINKI))
    [question] = await fake_api.wait_for_message(aino.id, predicate=starting(QUESTION))
    assert "Moniammatillisen kasvatuskumppanuusajattelun" in (question.plain_text or "")
    assert "ke 13.1.2027 klo 13.00–15.30" in (question.plain_text or "")
    assert f"Voit myös kirjoittaa: /feedback {meeting} 4 ja kommenttisi" in (
        question.plain_text or ""
    )
    [fraga] = await fake_api.wait_for_message(bjorn.id, predicate=starting("💬 Hur gick mötet?"))

    # Once, however often the job runs; and not to the one who did not say they would come.
    clock.advance(minutes=30)
    await asyncio.sleep(2)
    assert len(questions(fake_api, aino)) == 1
    assert [m for m in fake_api.messages_to(bjorn.id) if starting("💬")(m)] == [fraga]
    assert questions(fake_api, silent) == []

    fake_api.press_button(aino, question, question.callback_data("4"))
    assert "Arvosanasi 4 on tallennettu" in await _edited(question, 1)
    saved = await say(fake_api, aino, "Hyvä keskustelu, lisää esimerkkejä")
    assert (saved.plain_text or "") == "✅ Kiitos, kommenttisi on tallennettu palautteen yhteyteen."
    typed = await say(fake_api, bjorn, f"/respons {meeting} 5")
    assert (typed.plain_text or "").startswith("✅ Tack! Ditt betyg 5 har sparats")

    results = await say(fake_api, ADMIN, f"/feedbackresults {meeting}")
    text = results.plain_text or ""
    assert "2 vastausta, keskiarvo 4,5" in text
    assert "1: 0 · 2: 0 · 3: 0 · 4: 1 · 5: 1" in text
    assert "– Hyvä keskustelu, lisää esimerkkejä" in text
    assert "Aino" not in text
    assert "Björn" not in text
    refused = await say(fake_api, aino, f"/palautteet {meeting}")
    assert "koordinaattor" in (refused.plain_text or "").lower()

    archive = await say(fake_api, ADMIN, "/archive kasvatuskumppanuus")
    assert "💬 Palaute 4,5 (2 vastausta)" in (archive.plain_text or "")
    async with sessions() as session:
        asked = await session.scalar(
            select(func.count()).select_from(Outbox).where(Outbox.kind == "feedback")
        )
    assert asked == 2

    # Her own feedback is in /mydata, and /forget removes it; Björn's stays.
    fake_api.send_text(aino, "/mydata")
    [*_, file] = await fake_api.wait_for_message(
        aino.id, predicate=lambda m: m.document_name is not None
    )
    [given] = json.loads(file.document_bytes or b"{}")["meeting_feedback"]
    assert (given["grade"], given["comment"]) == (4, "Hyvä keskustelu, lisää esimerkkejä")
    question = await say(fake_api, aino, "/forget")
    assert "kokouksista antamasi palaute" in (question.plain_text or "")
    fake_api.press_button(aino, question, question.callback_data("Poista tietoni"))
    await fake_api.wait_for_message(aino.id, predicate=starting("Tietosi on poistettu"))
    results = await say(fake_api, ADMIN, f"/feedbackresults {meeting}")
    assert "1 vastaus, keskiarvo 5,0" in (results.plain_text or "")
    assert "Hyvä keskustelu" not in (results.plain_text or "")


async def test_bad_feedback_gets_one_line_and_records_nothing(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, clock: ManualClock
) -> None:
    member, outsider = FakeUser(741, "Kaisa"), FakeUser(742, "Leo", language_code="en")
    fake_api.add_user(member)
    fake_api.add_user(outsider)
    await resident(sessions, member.id, "Kerava")
    await resident(sessions, outsider.id, "Lohja", language="en")
    held, ahead = await _meeting(fake_api, "12.1.2027"), await _meeting(fake_api, "20.1.2027")
    clock.set(datetime(2027, 1, 12, 17, 0, tzinfo=HELSINKI))

    async def line(user: FakeUser, text: str) -> str:
        return (await say(fake_api, user, text)).plain_text or ""

    assert (await line(member, "/feedback")).startswith("Anna palautetta näin: /feedback KOKOUS")
    for grade in ("0", "6", "kolme", "4,5"):
        assert await line(member, f"/feedback {held} {grade}") == (
            "Arvosanan pitää olla kokonaisluku 1–5."
        )
    assert await line(member, "/feedback 99999 3") == (
        "En löytänyt kokousta ”99999”. Katso kokousten numerot: /archive"
    )
    assert await line(member, f"/feedback {ahead} 3") == (
        f"Kokousta {ahead} ei ole vielä pidetty. Palautetta voi antaa kokouksen jälkeen."
    )
    assert await line(outsider, f"/feedback {held} 3") == (
        f"You cannot give feedback on meeting {held}: it is not for your municipality or "
        "your workshops, and you did not say you would come."
    )
    await say(fake_api, ADMIN, f"/cancelmeeting {ahead}")
    cancelled = await say(fake_api, ADMIN, "/confirm")
    assert (cancelled.plain_text or "").startswith(f"Kokous {ahead} (")
    assert await line(member, f"/feedback {ahead} 3") == (
        f"Kokous {ahead} peruttiin, joten siitä ei anneta palautetta."
    )

    # Forged buttons: a grade beyond 5, a meeting not held, data of no shape of ours.
    anchor = await say(fake_api, member, "/feedback")
    answered = len(fake_api.calls_to("answerCallbackQuery"))
    for number, data in enumerate((f"fbk:{held}:9", f"fbk:{ahead}:4", "fbk:x:4"), 1):
        fake_api.press_button(member, anchor, data, check=False)
        call = await fake_api.wait_for_call("answerCallbackQuery", count=answered + number)
        assert call.params.get("show_alert") is True
    assert call.params["text"]
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(MeetingFeedback)) == 0
