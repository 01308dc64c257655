"""A coordinator's import that forgives and explains, and the audit log read as sentences,
over the local Bot API in Finnish and in Swedish."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Meeting
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]

# Three kinds of mistakes: a time that is none, a municipality misspelt, a workshop unknown.
MISTAKES = {
    "fi": "verstas;päivämäärä;alkaa;päättyy;paikka\n",
    "sv": "verkstad;datum;börjar;slutar;ort\n",
}
ROWS = (
    "ehkaiseva-lastensuojelu;14.5.2027;25.00;;Kirkkonummi\n"
    "ehkaiseva-lastensuojelu;20.5.2027;13;15;Kirkkonumi\n"
    "ehkaisevaa-lastensuojelu;27.5.2027;13;15;Lohja\n"
)
PROBLEMS = {
    "fi": [
        "rivi 2, alkaa: ”25.00” ei ole kellonaika; kirjoita esim. 09:30 tai 13.00",
        "⚠ rivi 3, paikka: Kirkkonumi ei ole verkoston kunta — tarkoititko Kirkkonummi?",
        "rivi 4, verstas: verstasta ”ehkaisevaa-lastensuojelu” ei löydy"
        " — tarkoititko ehkaiseva-lastensuojelu?",
        "Tiedostossa on 2 virhettä; mitään ei tallennettu.",
    ],
    "sv": [
        "rad 2, börjar: ”25.00” är ingen tid; skriv t.ex. 09:30 eller 13.00",
        "⚠ rad 3, ort: Kirkkonumi är ingen kommun i nätverket — menade du Kirkkonummi?",
        "rad 4, verkstad: verkstaden ”ehkaisevaa-lastensuojelu” hittas inte"
        " — menade du ehkaiseva-lastensuojelu?",
        "Filen har 2 fel; ingenting sparades.",
    ],
}
DONE = {"fi": "📄 syksy.csv tuotu.", "sv": "📄 syksy.csv importerad."}
IMPORT_BUTTON = {"fi": "✅ Tuo", "sv": "✅ Importera"}
SENTENCES = {
    "fi": [
        "Marianna (5001) toi aikataulutiedoston syksy.csv"
        " — 1 uutta, 0 muuttunutta ja 0 peruttua kokousta.",
        "Marianna (5001) muutti kokousta"
        " Ehkäisevä lastensuojelu peruspalveluissa 20.5.2027, Siuntio — muuttui: paikka.",
        "Marianna (5001) peruutti kokouksen"
        " Ehkäisevä lastensuojelu peruspalveluissa 20.5.2027, Siuntio.",
    ],
    "sv": [
        "Marianna (5001) importerade schemafilen syksy.csv"
        " — 1 nya, 0 ändrade och 0 inställda möten.",
        "Marianna (5001) ändrade mötet"
        " Förebyggande barnskydd i basservicen 20.5.2027, Sjundeå — ändrades: ort.",
        "Marianna (5001) ställde in mötet Förebyggande barnskydd i basservicen 20.5.2027, Sjundeå.",
    ],
}


@pytest.mark.parametrize("language", ["fi", "sv"])
async def test_an_import_with_three_mistakes_is_told_in_one_round_and_the_log_reads_well(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, language: str
) -> None:
    coordinator = FakeUser(ADMIN.id, ADMIN.first_name, language_code=language)

    fake_api.send_document(coordinator, "syksy.csv", (MISTAKES[language] + ROWS).encode())
    [problems] = await fake_api.wait_for_message(coordinator.id)
    # Every problem at once, the names only the database knows among them, with a guess.
    assert (problems.plain_text or "").splitlines() == PROBLEMS[language]

    fixed = MISTAKES[language] + "ehkaiseva-lastensuojelu;20.5.2027;13;15;Kyrkslätt\n"
    fake_api.send_document(coordinator, "syksy.csv", fixed.encode())
    [_, preview] = await fake_api.wait_for_message(coordinator.id, count=2)
    fake_api.press_button(coordinator, preview, preview.callback_data(IMPORT_BUTTON[language]))
    # The preview becomes what was done: said only now, after Confirm.
    await fake_api.wait_until(
        lambda: (fake_api.messages_to(coordinator.id)[-1].plain_text or "").startswith(
            DONE[language]
        ),
        what="the import to be done",
    )
    async with sessions() as session:
        meeting = await session.scalar(select(Meeting).where(Meeting.key == "2027-05-20"))
    assert meeting is not None
    # The Swedish name of the town is the town.
    assert meeting.place == "Kirkkonummi"

    # Each change is previewed first and made on the typed /confirm.
    await say(fake_api, coordinator, f"/editmeeting {meeting.id} place=Siuntio")
    await say(fake_api, coordinator, "/confirm")
    await say(fake_api, coordinator, f"/cancelmeeting {meeting.id}")
    await say(fake_api, coordinator, "/confirm")
    log = (await say(fake_api, coordinator, "/audit")).plain_text or ""

    # Each line: when ("ma 30.11.2026 klo 17.49"), then the sentence.
    sentences = [line.split(" ", 4)[4] for line in log.splitlines()[1:]]
    # Newest first: the cancellation, the change, then the import.
    assert sentences[:3] == SENTENCES[language][::-1]
