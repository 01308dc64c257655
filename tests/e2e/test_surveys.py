"""Surveys over the local Bot API: preview and Confirm, answers by buttons, typed and in
words, in Finnish, Swedish and English."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.console.bot_api.records import SentMessage
from storage.models import SurveyAnswer, SurveyResponse
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

Sessions = async_sessionmaker[AsyncSession]

SURVEY = """/survey workshop=ehkaiseva-lastensuojelu,kasvatuskumppanuus deadline=1.1.2099
Kehittämistarpeet
1. Mikä teema on tärkein? | Lapset | Nuoret
2. Mitkä kuukaudet sopivat? (monta) | Maaliskuu | Huhtikuu | Toukokuu
3. Kuinka hyödyllinen verstas on? (1-5)
4. Mitä toivot? (vapaa)"""


async def _edited(message: SentMessage, count: int) -> str:
    """The message's text once it has been edited `count` times."""
    for _ in range(200):
        if len(message.edits) >= count:
            return message.edits[count - 1]
        await asyncio.sleep(0.02)
    raise AssertionError(f"not edited {count} times: {message.edits}")


async def test_a_survey_is_previewed_sent_and_answered(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    aino, bjorn, emma = FakeUser(701, "Aino"), FakeUser(702, "Björn"), FakeUser(703, "Emma")
    for user, town, language in (
        (aino, "Kerava", "fi"),
        (bjorn, "Raasepori", "sv"),
        (emma, "Lohja", "en"),
    ):
        fake_api.add_user(user)
        await resident(sessions, user.id, town, language=language)

    preview = await say(fake_api, ADMIN, SURVEY)
    text = preview.plain_text or ""
    assert "vastaanottajia 3" in text
    assert "2. Mitkä kuukaudet sopivat? (voit valita useita)" in text
    survey = text.split("kysely ")[1].split(",")[0]
    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    await _edited(preview, 1)

    [first] = await fake_api.wait_for_message(aino.id)
    assert f"Kysely {survey}: Kehittämistarpeet" in (first.plain_text or "")
    fake_api.press_button(aino, first, first.callback_data("1) Lapset"))
    assert "Kysymys 2/4" in await _edited(first, 1)
    fake_api.press_button(aino, first, first.callback_data("1) Maaliskuu"))
    await _edited(first, 2)
    fake_api.press_button(aino, first, first.callback_data("3) Toukokuu"))
    await _edited(first, 3)
    fake_api.press_button(aino, first, first.callback_data("Valmis"))
    assert "Kysymys 3/4" in await _edited(first, 4)
    fake_api.press_button(aino, first, first.callback_data("4"))
    assert "Kirjoita vastauksesi" in await _edited(first, 5)
    thanks = await say(fake_api, aino, "Enemmän yhteisiä koulutuksia")
    assert (thanks.plain_text or "").startswith("✅ Kiitos!")

    [svenska] = await fake_api.wait_for_message(bjorn.id)
    assert f"Enkät {survey}" in (svenska.plain_text or "")
    typed = await say(fake_api, bjorn, f"/answer {survey} 2 2,3")
    assert "Fråga 3/4" in (typed.plain_text or "")
    late = await say(fake_api, emma, f"/answer {survey} 9 1")
    assert (late.plain_text or "") == f"Survey {survey} has no question 9."
    wrong = await say(fake_api, emma, f"/answer {survey} 3 7")
    assert "does not fit question 3" in (wrong.plain_text or "")
    outsider = FakeUser(704, "Olli")
    fake_api.add_user(outsider)
    await resident(sessions, outsider.id, "Mäntsälä")
    refused = await say(fake_api, outsider, f"/answer {survey} 1 1")
    assert "ei ole sinulle" in (refused.plain_text or "")

    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(SurveyResponse)) == 2
        answers = sorted(
            repr((a.options, a.value, a.text)) for a in await session.scalars(select(SurveyAnswer))
        )
    assert answers == [
        "([1, 3], None, None)",
        "([1], None, None)",
        "([2, 3], None, None)",
        "([], 4, None)",
        "([], None, 'Enemmän yhteisiä koulutuksia')",
    ]
