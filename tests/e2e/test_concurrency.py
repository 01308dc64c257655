"""A burst at once: many members answered side by side, one member's questions in order.

The real Application polls the fake Bot API on the demo network, on SQLite and PostgreSQL,
each with its default MAX_CONCURRENT_UPDATES.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import product
from string import ascii_lowercase

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from tests.conftest import DATABASES, database_of
from tests.helpers.bots import bot_running
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

ASKED = 50
OTHERS = 100
# The word asked about, as the answer names it: "I recognised neither a workshop nor a
# town "zzqaa"", "I don't know the command /zzqab".
ASKED_ABOUT = re.compile(r"\bzzq[a-z]{2}\b")


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    """Both databases: their defaults for MAX_CONCURRENT_UPDATES differ."""
    return database_of(request)


def words() -> Iterator[str]:
    """Words no town or workshop is called, each different: zzqaa, zzqab, …"""
    for first, second in product(ascii_lowercase, repeat=2):
        yield f"zzq{first}{second}"


async def test_fifty_questions_of_one_member_are_answered_in_order_amid_a_hundred_others(
    fake_api: LocalBotAPI, database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    aino = FakeUser(1451, "Aino", language_code="fi")
    others = [FakeUser(20_000 + n, f"Jäsen{n}", language_code="fi") for n in range(OTHERS)]
    asked = [word for word, _ in zip(words(), range(ASKED), strict=False)]
    # Fifty a minute is a flood to the guard; the sends are not what is measured here.
    async with bot_running(fake_api, database_url, flood_limit=1000, bot_send_rate=1000):
        await fake_api.wait_for_long_poll(timeout=30)
        # All in one queue before the bot's next poll takes them: Aino's interleaved with
        # the others' greetings, which each write a member.
        for n in range(max(ASKED, OTHERS)):
            if n < ASKED:
                # A question that reads the directory, then a command the bot does not
                # know, which takes less: answered as they come, the short ones would
                # overtake.
                fake_api.send_text(aino, f"/next {asked[n]}" if n % 2 == 0 else f"/{asked[n]}")
            if n < OTHERS:
                fake_api.send_text(others[n], "/start")
        answers = await fake_api.wait_for_message(aino.id, count=ASKED, timeout=60)
        for other in others:
            await fake_api.wait_for_message(other.id, timeout=60)
    answered = [ASKED_ABOUT.findall(message.plain_text or "") for message in answers]
    assert answered == [[word] for word in asked]
    greeted = Counter(message.chat_id for message in fake_api.sent if message.chat_id != aino.id)
    assert greeted == dict.fromkeys((other.id for other in others), 1)
    for other in others:
        [greeting] = fake_api.messages_to(other.id)
        assert f"Hei {other.first_name}" in (greeting.plain_text or "")
