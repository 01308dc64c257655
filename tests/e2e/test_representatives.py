"""Workshop representatives over HTTP, in Finnish and in Swedish.

A coordinator names a member the representative of "Ehkäisevä lastensuojelu" (the seeds'
minutes of 15.1.2009: "Teemaverstaan edustajaksi valittiin Iris Heikkilä"); /staff lists
her; she tells her workshop's members, with a preview of how many, and is refused for
another workshop and for the whole network. Her chat's command menu shows her tools.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import AuditEntry, Member, Outbox, Role, WorkshopRepresentative
from tests.helpers.bots import ADMIN
from tests.helpers.chat import say
from tests.helpers.members import resident

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
A = "ehkaiseva-lastensuojelu"
B = "matalan-kynnyksen-toimintamallit"


@dataclass(frozen=True)
class Language:
    """What the coordinator and the representative type and read in one language."""

    code: str
    staff: str
    broadcast: str
    workshop_word: str
    granted: str
    listed: str
    preview: str
    confirm: str
    received: str
    refused: str
    staff_only: str
    usage: str
    not_found: str


FINNISH = Language(
    code="fi",
    staff="/henkilosto",
    broadcast="/tiedote",
    workshop_word="verstas",
    granted="Iris Heikkilä on nyt verstaan edustaja: Ehkäisevä lastensuojelu peruspalveluissa.",
    listed="Iris Heikkilä (7002) – verstaan edustaja: Ehkäisevä lastensuojelu peruspalveluissa",
    preview="📣 Esikatselu – vastaanottajia 3 (verstas Ehkäisevä lastensuojelu peruspalveluissa).",
    confirm="✅ Vahvista",
    received="📣 Tiedote\n\nHei verstaan väki!\n\n– Verstaan edustaja Iris Heikkilä",
    refused="Edustajana voit hoitaa vain oman verstaasi asioita: "
    "Ehkäisevä lastensuojelu peruspalveluissa.",
    staff_only="Tämä toiminto on vain koordinaattoreille.",
    usage="Kirjoita käyttäjän Telegram-numero, esim. /promote 123456789 (koordinaattoriksi) "
    "tai /promote 123456789 workshop=TUNNUS (verstaan edustajaksi); "
    "/demote poistaa roolin samalla tavalla.",
    not_found="En löytänyt verstasta ”tuntematon”. Verstaat: ",
)
SWEDISH = Language(
    code="sv",
    staff="/personal",
    broadcast="/meddelande",
    workshop_word="verkstad",
    granted="Iris Heikkilä är nu verkstadens representant: Förebyggande barnskydd i basservicen.",
    listed="Iris Heikkilä (7002) – verkstadens representant: Förebyggande barnskydd i basservicen",
    preview="📣 Förhandsvisning – 3 mottagare (verkstaden Förebyggande barnskydd i basservicen).",
    confirm="✅ Bekräfta",
    received="📣 Meddelande\n\nHei verstaan väki!\n\n– Iris Heikkilä, verkstadens representant",
    refused="Som representant kan du bara sköta din egen verkstads ärenden: "
    "Förebyggande barnskydd i basservicen.",
    staff_only="Den här funktionen är bara för koordinatorer.",
    usage="Skriv användarens Telegram-nummer, t.ex. /promote 123456789 (till koordinator) "
    "eller /promote 123456789 workshop=NYCKEL (till verkstadens representant); "
    "/demote tar bort rollen på samma sätt.",
    not_found="Jag hittade ingen verkstad ”tuntematon”. Verkstäder: ",
)


def commands_of(api: LocalBotAPI, chat_id: int) -> list[str]:
    """The command names setMyCommands set for one private chat."""
    return [c["command"] for c in api.commands({"type": "chat", "chat_id": chat_id})]


@pytest.mark.parametrize("language", [FINNISH, SWEDISH], ids=["fi", "sv"])
async def test_a_representative_tells_their_workshop_and_is_refused_for_another(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, language: Language
) -> None:
    coordinator = FakeUser(7001, "Heidi", "Gerdt", language_code=language.code)
    iris = FakeUser(7002, "Iris", "Heikkilä", language_code=language.code)
    lohja = [FakeUser(7101 + n, language_code=language.code) for n in range(2)]
    jarvenpaa = FakeUser(7201, language_code=language.code)
    for user, town in (
        (coordinator, "Mäntsälä"),
        (iris, "Kirkkonummi"),
        (lohja[0], "Lohja"),
        (lohja[1], "Lohja"),
        (jarvenpaa, "Järvenpää"),
    ):
        fake_api.add_user(user)
        name = f"{user.first_name} {user.last_name}" if user.last_name else None
        await resident(sessions, user.id, town, name=name, language=language.code)

    # An administrator makes the coordinator; the coordinator names the representative.
    await say(fake_api, ADMIN, f"/promote {coordinator.id}")
    granted = await say(fake_api, coordinator, f"/promote {iris.id} workshop={A}")
    assert granted.plain_text == language.granted
    listed = await say(fake_api, coordinator, language.staff)
    assert language.listed in (listed.plain_text or "").splitlines()
    async with sessions() as session:
        entry = await session.scalar(
            select(AuditEntry).where(AuditEntry.action == "promote-representative")
        )
    assert entry is not None
    assert (entry.actor_telegram_id, entry.target, entry.allowed) == (
        coordinator.id,
        "Iris Heikkilä (7002)",
        True,
    )
    # Each one's own chat got a menu of what they may now do.
    assert "staff" in commands_of(fake_api, coordinator.id)
    assert "broadcast" in commands_of(fake_api, iris.id)
    assert "staff" not in commands_of(fake_api, iris.id)

    # Another workshop, and the whole network: one line each, nothing drafted or sent.
    for refused_text in (
        f"{language.broadcast} {language.workshop_word}={B} Hei muut!",
        f"{language.broadcast} Hei kaikki!",
    ):
        refused = await say(fake_api, iris, refused_text)
        assert refused.plain_text == language.refused
        assert refused.buttons() == []

    preview = await say(
        fake_api, iris, f"{language.broadcast} {language.workshop_word}={A} Hei verstaan väki!"
    )
    assert (preview.plain_text or "").startswith(language.preview)
    fake_api.press_button(iris, preview, preview.callback_data(language.confirm))
    for member in lohja:
        [announcement] = await fake_api.wait_for_message(member.id)
        assert announcement.plain_text == language.received
    # The preview became the status line; its last edit is the summary, once all are sent.
    await fake_api.wait_for_call("editMessageText", count=2, timeout=10)
    assert language.received in [m.plain_text for m in fake_api.messages_to(iris.id)]
    async with sessions() as session:
        reached = set(await session.scalars(select(Outbox.chat_id)))
    # Only the workshop's members: not Järvenpää's (the other workshop), not the coordinator.
    assert reached == {iris.id, *(m.id for m in lohja)}
    assert fake_api.messages_to(jarvenpaa.id) == []
    async with sessions() as session:
        refusals = await session.scalars(
            select(AuditEntry.detail).where(
                AuditEntry.actor_telegram_id == iris.id, AuditEntry.allowed.is_(False)
            )
        )
        assert list(refusals) == ["refused: another workshop"] * 2


@pytest.mark.parametrize("language", [FINNISH, SWEDISH], ids=["fi", "sv"])
async def test_demoting_a_representative_takes_the_tools_and_the_menu_away(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, language: Language
) -> None:
    iris = FakeUser(7002, "Iris", "Heikkilä", language_code=language.code)
    fake_api.add_user(iris)
    await resident(sessions, iris.id, "Kirkkonummi", name="Iris Heikkilä", language=language.code)
    await say(fake_api, ADMIN, f"/promote {iris.id} workshop={A}")
    removed = await say(fake_api, ADMIN, f"/demote {iris.id} workshop={A}")
    assert "Iris Heikkilä" in (removed.plain_text or "")
    assert "broadcast" not in commands_of(fake_api, iris.id)
    refused = await say(fake_api, iris, f"{language.broadcast} {language.workshop_word}={A} Hei!")
    assert refused.plain_text == language.staff_only
    async with sessions() as session:
        actions = list(
            await session.scalars(
                select(AuditEntry.action).where(AuditEntry.action.like("%representative"))
            )
        )
    assert actions == ["promote-representative", "demote-representative"]


@pytest.mark.parametrize("language", [FINNISH, SWEDISH], ids=["fi", "sv"])
async def test_a_mistyped_promote_says_how_in_one_line_and_changes_nothing(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, language: Language
) -> None:
    coordinator = FakeUser(7001, "Heidi", "Gerdt", language_code=language.code)
    iris = FakeUser(7002, "Iris", "Heikkilä", language_code=language.code)
    for user in (coordinator, iris):
        fake_api.add_user(user)
        await resident(sessions, user.id, "Kirkkonummi", language=language.code)
    await say(fake_api, ADMIN, f"/promote {coordinator.id}")
    # The workshop without `workshop=` must not make a coordinator by mistake.
    for typed in (f"/promote {iris.id} {A}", f"/promote workshop={A}", "/demote Iris"):
        assert (await say(fake_api, coordinator, typed)).plain_text == language.usage
    mistyped = await say(fake_api, coordinator, f"/promote {iris.id} workshop={A},tuntematon")
    assert (mistyped.plain_text or "").startswith(language.not_found)
    assert len((mistyped.plain_text or "").splitlines()) == 1
    async with sessions() as session:
        assert (await session.scalars(select(WorkshopRepresentative))).all() == []
        member = await session.scalar(select(Member).where(Member.telegram_id == iris.id))
        assert member is not None
        assert member.role == Role.PARTICIPANT
        granted = await session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("%representative"))
        )
        assert granted.all() == []
    assert "broadcast" not in commands_of(fake_api, iris.id)


async def test_a_draft_is_not_sent_by_someone_no_longer_its_workshops_representative(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    iris = FakeUser(7002, "Iris", "Heikkilä")
    fake_api.add_user(iris)
    await resident(sessions, iris.id, "Kirkkonummi", name="Iris Heikkilä")
    await say(fake_api, ADMIN, f"/promote {iris.id} workshop={A},{B}")
    preview = await say(fake_api, iris, f"/tiedote verstas={A} Hei verstaan väki!")
    await say(fake_api, ADMIN, f"/demote {iris.id} workshop={A}")
    refused = await say(fake_api, iris, "/vahvista")
    assert refused.plain_text == (
        "Edustajana voit hoitaa vain oman verstaasi asioita: "
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen."
    )
    assert preview.edits == []
    async with sessions() as session:
        assert (await session.scalars(select(Outbox))).all() == []
