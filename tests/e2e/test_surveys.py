"""Surveys over the local Bot API, on a clock the tests set: preview and Confirm, answers
by buttons, typed and in words, in Finnish, Swedish and English; the results as a message,
a CSV file and a chart."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import datetime

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.console.bot_api.records import SentMessage
from bot.foundation.clock import Clock
from storage.models import SurveyAnswer, SurveyResponse
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.clock import ManualClock
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI

Sessions = async_sessionmaker[AsyncSession]

SURVEY = """/survey workshop=ehkaiseva-lastensuojelu,kasvatuskumppanuus deadline=1.1.2099
Kehittämistarpeet
1. Mikä teema on tärkein? | Lapset | Nuoret
2. Mitkä kuukaudet sopivat? (monta) | Maaliskuu | Huhtikuu | Toukokuu
3. Kuinka hyödyllinen verstas on? (1-5)
4. Mitä toivot? (vapaa)"""

# Long after the demo network's meetings of 2009, so that no reminder of theirs goes out.
NOW = datetime(2027, 1, 11, 10, 0, tzinfo=HELSINKI)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def bot_clock(clock: ManualClock) -> Clock:
    """The bot runs on the test's clock."""
    return clock


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


async def _press(api: LocalBotAPI, user: FakeUser, message: SentMessage, *labels: str) -> str:
    """Press the buttons in turn, each on the question the last press left; the last text."""
    text = ""
    for label in labels:
        api.press_button(user, message, message.callback_data(label))
        text = await _edited(message, len(message.edits) + 1)
    return text


async def _answered_in_five_municipalities(fake_api: LocalBotAPI, sessions: Sessions) -> str:
    """The survey to two workshops (nine municipalities), answered by six members of five
    municipalities in Finnish, Swedish and English, by buttons and typed; its number."""
    people = {
        "aino": (FakeUser(711, "Aino"), "Kerava", "fi"),
        "kalle": (FakeUser(712, "Kalle"), "Kerava", "en"),
        "bjorn": (FakeUser(713, "Björn"), "Raasepori", "sv"),
        "emma": (FakeUser(714, "Emma"), "Lohja", "en"),
        "niko": (FakeUser(715, "Niko"), "Nurmijärvi", "fi"),
        "jenny": (FakeUser(716, "Jenny"), "Järvenpää", "sv"),
    }
    for user, town, language in people.values():
        fake_api.add_user(user)
        await resident(sessions, user.id, town, language=language)
    preview = await say(fake_api, ADMIN, SURVEY.replace("1.1.2099", "22.1.2027"))
    survey = (preview.plain_text or "").split("kysely ")[1].split(",")[0]
    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    first = {}
    for name, (user, _, _) in people.items():
        [first[name]] = await fake_api.wait_for_message(user.id)

    aino, kalle, bjorn, emma, niko, jenny = (people[n][0] for n in people)
    # By buttons, in Finnish, English and Swedish.
    await _press(fake_api, aino, first["aino"], "1) Lapset", "1) Maaliskuu", "3) Toukokuu")
    assert "Kysymys 4/4" in await _press(fake_api, aino, first["aino"], "Valmis", "4")
    await say(fake_api, aino, "Lisää yhteisiä koulutuksia")
    await _press(fake_api, kalle, first["kalle"], "1) Lapset", "3) Toukokuu", "Done")
    await _press(fake_api, emma, first["emma"], "1) Lapset")
    assert "Fråga 2/4" in await _press(fake_api, jenny, first["jenny"], "2) Nuoret")
    # Typed, in Swedish and Finnish.
    for answer in ("1 2", "2 2,3", "3 5"):
        await say(fake_api, bjorn, f"/answer {survey} {answer}")
    for answer in ("1 1", "3 3", "4 Tapaamisia useammin"):
        await say(fake_api, niko, f"/answer {survey} {answer}")
    return survey


async def test_results_per_municipality_as_message_csv_and_chart(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    survey = await _answered_in_five_municipalities(fake_api, sessions)
    emma = FakeUser(714, "Emma")
    refused = await say(fake_api, emma, f"/surveyresults {survey}")
    assert "coordinators" in (refused.plain_text or "").lower()
    results = await say(fake_api, ADMIN, f"/surveyresults {survey}", count=3)
    text = results.plain_text or ""
    assert "Vastaajia 6, vastanneita kuntia 5/9." in text
    # A municipality counts once however many of its members chose the option.
    assert "Lapset: 4 – kuntia 3/9" in text
    assert "Nuoret: 2 – kuntia 2/9" in text
    assert "Maaliskuu: 1 – kuntia 1/9" in text
    assert "Toukokuu: 3 – kuntia 2/9" in text
    assert "Keskiarvo 4,0 (3 vastausta)" in text
    assert "1: 0 · 2: 0 · 3: 1 · 4: 1 · 5: 1" in text
    assert "Vielä vastaamatta: Kirkkonummi, Siuntio, Tuusula, Vihti" in text
    # Two wrote words: fewer than five, so the words are not shown.
    assert "Omin sanoin on vastannut 2 henkilöä" in text
    assert "koulutuksia" not in text
    assert "useammin" not in text

    _, document, chart = fake_api.messages_to(ADMIN.id)[-3:]
    assert document.document_name == f"survey-{survey}.csv"
    rows = list(
        csv.reader(io.StringIO((document.document_bytes or b"").decode("utf-8-sig")), delimiter=";")
    )
    assert ["1", "Mikä teema on tärkein?", "Lapset", "4", "3", "9", ""] in rows
    assert ["3", "Kuinka hyödyllinen verstas on?", "average", "4.00", "", "", ""] in rows
    assert [r[2] for r in rows if r[1] == "not answered"] == [
        "Kirkkonummi",
        "Siuntio",
        "Tuusula",
        "Vihti",
    ]
    assert not any("koulutuksia" in cell for row in rows for cell in row)
    assert chart.method == "sendPhoto"
    png = chart.document_bytes or b""
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
        assert image.format == "PNG"
        width, height = image.size
    # Three charted questions, one below the other.
    assert width >= 800
    assert height >= 600


async def test_the_reminder_before_the_deadline_reaches_only_those_who_have_not_answered_once(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, clock: ManualClock
) -> None:
    answerer, silent, outsider = (
        FakeUser(721, "Aino"),
        FakeUser(722, "Björn"),
        FakeUser(723, "Emma"),
    )
    for user, town, language in (
        (answerer, "Kerava", "fi"),
        (silent, "Nurmijärvi", "sv"),
        (outsider, "Lohja", "en"),  # not in the partnership workshop
    ):
        fake_api.add_user(user)
        await resident(sessions, user.id, town, language=language)
    preview = await say(
        fake_api,
        ADMIN,
        "/survey workshop=kasvatuskumppanuus deadline=20.1.2027\nKevät\n1. Sopiiko? | Kyllä | Ei",
    )
    survey = (preview.plain_text or "").split("kysely ")[1].split(",")[0]
    assert "vastaanottajia 2" in (preview.plain_text or "")
    fake_api.press_button(ADMIN, preview, preview.callback_data("✅ Vahvista"))
    await fake_api.wait_for_message(silent.id)
    await fake_api.wait_for_message(answerer.id)
    await say(fake_api, answerer, f"/answer {survey} 1 1")

    # Answers are taken until the end of 20.1; the reminder a day before falls at midnight,
    # in the quiet hours, and so goes out at 20.59 the evening before.
    clock.set(datetime(2027, 1, 19, 20, 58, tzinfo=HELSINKI))
    await asyncio.sleep(2)
    assert len(fake_api.messages_to(silent.id)) == 1
    clock.set(datetime(2027, 1, 19, 21, 0, tzinfo=HELSINKI))
    [_, reminder] = await fake_api.wait_for_message(silent.id, count=2)
    assert (reminder.plain_text or "").startswith("⏰ Påminnelse: du har ännu inte svarat")
    assert f"Enkät {survey}: Kevät" in (reminder.plain_text or "")

    clock.advance(hours=2)
    await asyncio.sleep(2)
    assert len(fake_api.messages_to(silent.id)) == 2
    assert len(fake_api.messages_to(answerer.id)) == 2  # the survey and the thanks
    assert fake_api.messages_to(outsider.id) == []
