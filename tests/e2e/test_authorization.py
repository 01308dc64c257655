"""The authorization matrix: every command and every button for every role.

A refusal is one polite line (or, for a button, an alert to the presser); anything else
is the command doing its work. Roles are checked in the services, so forged button data
gets the same answer as a typed command.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import VerstasApplication
from bot.console.bot_api import FakeChat, FakeUser, LocalBotAPI
from storage.models import AuditEntry, Member, Role, Workshop, WorkshopRepresentative
from tests.helpers.bots import bot_running
from tests.helpers.chat import say
from tests.helpers.schedules import load_demo

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
STAFF_ONLY = "Tämä toiminto on vain koordinaattoreille."
ADMIN_ONLY = "Tämä toiminto on vain ylläpitäjille."
STATUS_ONLY = "Tila on vain ylläpitäjille."
# A representative asking for another workshop or the whole network.
OWN_WORKSHOP_ONLY = (
    "Edustajana voit hoitaa vain oman verstaasi asioita: Ehkäisevä lastensuojelu peruspalveluissa."
)
REFUSALS = {STAFF_ONLY, ADMIN_ONLY, STATUS_ONLY, OWN_WORKSHOP_ONLY}

NONE, PARTICIPANT, COORDINATOR, ADMIN = "none", "participant", "coordinator", "admin"
# The representative of "ehkaiseva-lastensuojelu", whose meetings 1 and 2 are.
REPRESENTATIVE = "representative"
EVERYONE = {NONE, PARTICIPANT, REPRESENTATIVE, COORDINATOR, ADMIN}
STAFF = {COORDINATOR, ADMIN}
# Staff, and a representative for their own workshop (or a draft or poll of their own).
WORKSHOP = {REPRESENTATIVE, COORDINATOR, ADMIN}

# Every command, as typed, with the roles that may use it.
COMMANDS: list[tuple[str, set[str]]] = [
    ("/start", EVERYONE),
    ("/help", EVERYONE),
    ("/municipality Lohja", EVERYONE),
    ("/language fi", EVERYONE),
    ("/next", EVERYONE),
    ("/meetings", EVERYONE),
    ("/workshops", EVERYONE),
    ("/join kasvatuskumppanuus", EVERYONE),
    ("/leave kasvatuskumppanuus", EVERYONE),
    ("/contact", EVERYONE),
    ("/reminders", EVERYONE),
    ("/going 1", EVERYONE),
    ("/notgoing 1", EVERYONE),
    ("/maybe 1", EVERYONE),
    ("/privacy", EVERYONE),
    ("/calendar", EVERYONE),
    ("/mydata", EVERYONE),
    ("/members", EVERYONE),
    ("/archive", EVERYONE),
    # Minutes: anyone reads them (a coordinator is asked for them instead), staff attach.
    ("/minutes 1", EVERYONE),
    ("/minutes 1 Pöytäkirja", WORKSHOP),
    ("/link kasvatuskumppanuus", EVERYONE),  # in a private chat: "works in a group"
    ("/status", {ADMIN}),
    ("/broadcast Hei kaikki", STAFF),
    ("/broadcast workshop=ehkaiseva-lastensuojelu Hei verstas", WORKSHOP),
    ("/confirm", WORKSHOP),
    ("/cancel", WORKSHOP),
    ("/addmeeting ehkaiseva-lastensuojelu 4.3.2027 13:00-15:30 Lohja", WORKSHOP),
    ("/addmeeting kasvatuskumppanuus 4.3.2027 13:00-15:30 Lohja", STAFF),
    ("/editmeeting 1 place=Lohja", WORKSHOP),
    ("/cancelmeeting 2", WORKSHOP),
    ("/attendance 1", WORKSHOP),
    ("/audit", STAFF),
    ("/promote 999", {ADMIN}),
    ("/demote 999", {ADMIN}),
    ("/invite", {ADMIN}),
    ("/forget no", EVERYONE),
    # Date polls: staff propose, see results and close; anyone may try to answer.
    ("/datepoll kasvatuskumppanuus\n4.5.2027 klo 13\n6.5.2027 klo 13", STAFF),
    ("/vote 1 1 kyllä", EVERYONE),
    ("/pollresults 1", WORKSHOP),  # no poll 1: "no such poll" for whoever may ask
    ("/closepoll 1 1", WORKSHOP),
    # Feedback: anyone may try to give it (and hears why not); staff see the results.
    ("/feedback 1 4", EVERYONE),
    ("/feedbackresults 1", WORKSHOP),
]

# Button data nobody was given, pressed by each role: (data, roles answered without refusal).
BUTTONS: list[tuple[str, set[str]]] = [
    ("ann:ok:1", set()),  # nobody's own draft: refused for staff too, and logged
    ("ann:no:1", set()),
    ("ann:pw:1", set()),
    ("ann:w:1:1", set()),
    # Before `lang:sv`, which makes the refusals Swedish.
    ("poll:ok:1", set()),  # nobody's own draft
    ("poll:no:1", set()),
    ("vote:1:1:yes", EVERYONE),  # "no such poll", for everyone alike
    ("pclose:1:1", WORKSHOP),
    ("imp:ok:1", STAFF),  # staff hear "no such import"; others are refused
    ("imp:no:1", STAFF),
    ("imw:1:1", STAFF),  # staff hear "no such import"; others are refused
    # A meeting chosen among several: the command's own check, refused as a button is.
    ("ref:att:1", WORKSHOP),
    ("ref:edit:1:place=Lohja", WORKSHOP),
    ("ref:cancel:2", WORKSHOP),
    ("ref:min:1", EVERYONE),
    ("ref:go:1", EVERYONE),
    ("mun:1", EVERYONE),
    ("lang:sv", EVERYONE),
    ("mtg:2:", EVERYONE),
    ("join:1", EVERYONE),
    ("leave:1", EVERYONE),
    ("rsvp:1:going", EVERYONE),
    ("forget:no", EVERYONE),
    ("min:show:1", EVERYONE),
    ("min:stop", EVERYONE),
    ("arc:2:", EVERYONE),
    ("fbk:1:4", EVERYONE),  # a grade, or why not: no role is needed
    ("DROP TABLE member;--", EVERYONE),
]

USERS = {
    NONE: FakeUser(1401, "Tuntematon"),
    PARTICIPANT: FakeUser(1402, "Osallistuja"),
    REPRESENTATIVE: FakeUser(1405, "Edustaja"),
    COORDINATOR: FakeUser(1403, "Koordinaattori"),
    ADMIN: FakeUser(1404, "Ylläpitäjä"),
}


@pytest.fixture
async def bot(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> AsyncIterator[VerstasApplication]:
    await load_demo(sessions)
    async with sessions.begin() as session:
        session.add(
            Member(telegram_id=USERS[PARTICIPANT].id, name="Osallistuja", role=Role.PARTICIPANT)
        )
        session.add(
            Member(telegram_id=USERS[COORDINATOR].id, name="Koordinaattori", role=Role.COORDINATOR)
        )
        representative = Member(telegram_id=USERS[REPRESENTATIVE].id, name="Edustaja")
        session.add(representative)
        await session.flush()
        workshop_id = await session.scalar(
            select(Workshop.id).where(Workshop.key == "ehkaiseva-lastensuojelu")
        )
        assert workshop_id is not None
        session.add(WorkshopRepresentative(member_id=representative.id, workshop_id=workshop_id))
    # The matrix is a flood by nature; the guard is tested on its own.
    async with bot_running(
        fake_api, database_url, bot_admin_ids=(USERS[ADMIN].id,), flood_limit=1000
    ) as application:
        yield application


async def reply_to(
    api: LocalBotAPI, user: FakeUser, text: str, chat: FakeChat | None = None, messages: int = 1
) -> str:
    """Send `text`; wait for the bot's `messages` messages; return the first one's text."""
    return (await say(api, user, text, chat=chat, count=messages)).plain_text or ""


@pytest.mark.parametrize("role", [NONE, PARTICIPANT, REPRESENTATIVE, COORDINATOR, ADMIN])
async def test_every_command_for_every_role(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions, role: str
) -> None:
    user = USERS[role]
    refused = {}
    for command, allowed in COMMANDS:
        # A line and a file: /mydata and /calendar always, /attendance when allowed.
        files = command in {"/mydata", "/calendar"} or (
            command.startswith("/attendance") and role in allowed
        )
        answer = await reply_to(fake_api, user, command, messages=2 if files else 1)
        assert "Traceback" not in answer
        assert answer != "Valitettavasti jokin meni vikaan. Yritä hetken kuluttua uudelleen.", (
            command
        )
        refused[command] = answer in REFUSALS
    expected = {command: role not in allowed for command, allowed in COMMANDS}
    assert refused == expected
    async with sessions() as session:
        denials = (
            await session.scalars(
                select(AuditEntry.action).where(
                    AuditEntry.actor_telegram_id == user.id, AuditEntry.allowed.is_(False)
                )
            )
        ).all()
    # Every refused coordinator's or administrator's action is in the audit log.
    if role in {NONE, PARTICIPANT}:
        assert {
            "broadcast",
            "add-meeting",
            "attendance",
            "audit",
            "promote",
            "invite",
            "minutes",
        } <= set(denials)
    if role == COORDINATOR:
        assert {"promote", "demote", "invite"} <= set(denials)
    if role == REPRESENTATIVE:
        # The whole network, another workshop, and nothing of the coordinators' own.
        assert {"broadcast", "add-meeting", "datepoll", "audit", "promote", "invite"} <= set(
            denials
        )


@pytest.mark.parametrize("role", [NONE, PARTICIPANT, REPRESENTATIVE, COORDINATOR, ADMIN])
async def test_every_button_with_forged_data_for_every_role(
    fake_api: LocalBotAPI, bot: VerstasApplication, role: str
) -> None:
    user = USERS[role]
    await reply_to(fake_api, user, "/help")
    message = fake_api.messages_to(user.id)[-1]
    for data, answered in BUTTONS:
        calls = len(fake_api.calls_to("answerCallbackQuery"))
        fake_api.press_button(user, message, data, check=False)
        call = await fake_api.wait_for_call("answerCallbackQuery", count=calls + 1)
        refusal = call.params.get("text") in REFUSALS
        assert refusal == (role not in answered), (data, call.params)
    # The message itself was never turned into someone else's refusal.
    assert all((m.plain_text or "") not in REFUSALS for m in fake_api.messages_to(user.id))


async def test_commands_in_a_group_from_people_who_are_not_members(
    fake_api: LocalBotAPI, bot: VerstasApplication, sessions: Sessions
) -> None:
    group = FakeChat(-100300, "group", "Avoin ryhmä")
    stranger = FakeUser(1499, "Ohikulkija")
    fake_api.add_bot_to_group(stranger, group)
    await fake_api.wait_for_message(group.id)
    assert await reply_to(fake_api, stranger, "/link kasvatuskumppanuus", group) == (
        "Vain koordinaattori voi liittää ryhmän verstaaseen."
    )
    assert await reply_to(fake_api, stranger, "/broadcast Hei kaikki", group) == STAFF_ONLY
    assert await reply_to(fake_api, stranger, "/cancelmeeting 1", group) == STAFF_ONLY
    assert await reply_to(fake_api, stranger, "/status", group) == STATUS_ONLY
    # Questions are for everyone in the group.
    assert (await reply_to(fake_api, stranger, "/next", group)).startswith("Tulevia kokouksia")
