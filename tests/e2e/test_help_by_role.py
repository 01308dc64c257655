"""/help and the command menus by role, in Finnish and in Swedish, over HTTP.

A participant, a workshop's representative, a coordinator and an administrator each see
what they may do, with the Finnish or Swedish command names; the staff's own chats get a
menu of their tools, set when the role changes and again at every start.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.services.members import Person
from bot.services.representatives import grant
from storage.models import Member, Role, Workshop
from tests.helpers.bots import ADMIN, bot_running
from tests.helpers.chat import say
from tests.helpers.members import resident
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
A = "ehkaiseva-lastensuojelu"

# Per language: a line each rank sees first (and no rank below it sees).
LINES = {
    "fi": {
        "participant": "/next – Seuraava kokous (/seuraava)",
        "representative": "Verstaan edustajana – vain oman verstaasi asiat: "
        "Ehkäisevä lastensuojelu peruspalveluissa (workshop=ehkaiseva-lastensuojelu)",
        "broadcast": "/broadcast – Tiedote jäsenille esikatselun kautta (/tiedote)",
        "coordinator": "/staff – Ylläpitäjät, koordinaattorit ja edustajat (/henkilosto)",
        "administrator": "/invite – Kertakäyttöinen kutsu koordinaattoriksi (/kutsu)",
    },
    "sv": {
        "participant": "/next – Nästa möte (/nasta)",
        "representative": "Som verkstadens representant – bara din egen verkstads ärenden: "
        "Förebyggande barnskydd i basservicen (workshop=ehkaiseva-lastensuojelu)",
        "broadcast": "/broadcast – Meddelande till medlemmarna, med förhandsvisning (/meddelande)",
        "coordinator": "/staff – Administratörer, koordinatorer och representanter (/personal)",
        "administrator": "/invite – Engångsinbjudan till koordinator (/inbjudan)",
    },
}


@pytest.mark.parametrize("language", ["fi", "sv"])
async def test_help_shows_each_role_what_it_may_do_in_its_language(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, language: str
) -> None:
    participant = FakeUser(7301, "Pekka", language_code=language)
    representative = FakeUser(7302, "Iris", language_code=language)
    coordinator = FakeUser(7303, "Heidi", language_code=language)
    for user in (participant, representative, coordinator):
        fake_api.add_user(user)
        await resident(sessions, user.id, "Lohja", language=language)
    if language != "fi":
        await say(fake_api, ADMIN, f"/language {language}")
    await say(fake_api, ADMIN, f"/promote {coordinator.id}")
    await say(fake_api, coordinator, f"/promote {representative.id} workshop={A}")

    helps = {}
    for rank, user in (
        ("participant", participant),
        ("representative", representative),
        ("coordinator", coordinator),
        ("administrator", ADMIN),
    ):
        helps[rank] = ((await say(fake_api, user, "/help")).plain_text or "").splitlines()
    lines = LINES[language]
    assert lines["participant"] in helps["participant"]
    assert not any(line.startswith("/broadcast") for line in helps["participant"])
    assert lines["representative"] in helps["representative"]
    assert lines["broadcast"] in helps["representative"]
    assert not any(line.startswith("/staff") for line in helps["representative"])
    assert lines["coordinator"] in helps["coordinator"]
    assert lines["broadcast"] in helps["coordinator"]
    assert not any(line.startswith("/invite") for line in helps["coordinator"])
    assert lines["administrator"] in helps["administrator"]
    # Each rank sees everything of the ranks below it, and more.
    commands = {
        rank: {line.split()[0] for line in help if line.startswith("/")}
        for rank, help in helps.items()
    }
    assert commands["participant"] < commands["representative"] < commands["coordinator"]
    assert commands["coordinator"] < commands["administrator"]


async def test_the_staff_get_their_menus_at_start_and_everyone_else_the_default(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    await resident(sessions, 7401, "Lohja", language="sv")
    await resident(sessions, 7402, "Lohja")
    await resident(sessions, 7403, "Lohja")
    async with sessions.begin() as session:
        coordinator = await session.scalar(select(Member).where(Member.telegram_id == 7402))
        assert coordinator is not None
        coordinator.role = Role.COORDINATOR
        workshop_id = await session.scalar(select(Workshop.id).where(Workshop.key == A))
        assert workshop_id is not None
        coordinating = Person(7402, "Heidi", "fi")
        await grant(session, coordinating, 7401, [workshop_id], now=datetime.now(UTC))
    async with bot_running(fake_api, database_url):
        pass

    def menu(chat_id: int) -> list[dict[str, str]]:
        return fake_api.commands({"type": "chat", "chat_id": chat_id})

    representative = menu(7401)
    assert {
        "command": "broadcast",
        "description": "Meddelande till medlemmarna, med förhandsvisning",
    } in representative
    assert "staff" not in [c["command"] for c in representative]
    assert "staff" in [c["command"] for c in menu(7402)]
    # A participant has no menu of their own chat: the default one, per language.
    assert menu(7403) == []
    assert "broadcast" not in [c["command"] for c in fake_api.commands(language_code="fi")]


async def test_a_coordinator_by_invitation_gets_the_menu_at_once(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    ville = FakeUser(7501, "Ville", language_code="sv")
    fake_api.add_user(ville)
    invitation = await say(fake_api, ADMIN, "/invite")
    payload = (invitation.plain_text or "").split("?start=", 1)[1]
    await say(fake_api, ville, f"/start {payload}")
    menu = fake_api.commands({"type": "chat", "chat_id": ville.id})
    assert {
        "command": "staff",
        "description": "Administratörer, koordinatorer och representanter",
    } in menu
    assert "invite" not in [c["command"] for c in menu]
