"""/start and /help over HTTP: the real Application against the fake Bot API."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from storage.models import Member, Role
from storage.schedule import apply_schedule, read_schedule_bytes
from tests.conftest import DATABASES, database_of
from tests.helpers.bots import bot_running
from tests.helpers.schedules import demo_bytes

pytestmark = pytest.mark.e2e


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    """Both databases in turn, as in the rest of the suite (the end-to-end default is SQLite)."""
    return database_of(request)


async def load_demo(sessions: async_sessionmaker[AsyncSession]) -> None:
    async with sessions.begin() as session:
        await apply_schedule(
            session,
            read_schedule_bytes(demo_bytes(), "yaml"),
            default_timezone=ZoneInfo("Europe/Helsinki"),
        )


@pytest.mark.parametrize(
    ("language_code", "greeting", "network_line"),
    [
        ("fi", "Hei Aino! Olen Verstas", "Verkosto: ARVO – Lapsuuden arvokas arki."),
        ("sv-FI", "Hej Aino! Jag är Verstas", "Nätverk: ARVO – Lapsuuden arvokas arki."),
        ("en", "Hello Aino! I am Verstas", "Network: ARVO – Lapsuuden arvokas arki."),
        # A language the bot doesn't speak gets the default, Finnish.
        ("de", "Hei Aino! Olen Verstas", "Verkosto: ARVO"),
        (None, "Hei Aino! Olen Verstas", "Verkosto: ARVO"),
    ],
)
async def test_start_greets_in_the_users_language(
    fake_api: LocalBotAPI,
    database_url: str,
    sessions: async_sessionmaker[AsyncSession],
    language_code: str | None,
    greeting: str,
    network_line: str,
) -> None:
    await load_demo(sessions)
    aino = FakeUser(1001, "Aino", language_code=language_code)
    async with bot_running(fake_api, database_url):
        fake_api.send_text(aino, "/start")
        [reply] = await fake_api.wait_for_message(aino.id)
    assert reply.plain_text is not None
    assert reply.plain_text.startswith(greeting)
    assert network_line in reply.plain_text
    async with sessions() as session:
        member = await session.scalar(select(Member).where(Member.telegram_id == aino.id))
    assert member is not None
    assert member.name == "Aino"
    assert member.language == {"sv-FI": "sv", "en": "en"}.get(language_code or "", "fi")


async def test_start_before_any_import_says_there_is_no_data_yet(
    fake_api: LocalBotAPI, database_url: str
) -> None:
    user = FakeUser(1002, "Björn", language_code="sv")
    async with bot_running(fake_api, database_url):
        fake_api.send_text(user, "/start")
        [reply] = await fake_api.wait_for_message(user.id)
    assert reply.plain_text is not None
    assert "Inga mötesuppgifter har importerats ännu." in reply.plain_text


async def test_names_are_shown_as_written_not_as_html(
    fake_api: LocalBotAPI, database_url: str
) -> None:
    user = FakeUser(1003, "A<B & <i>C", language_code="en")
    async with bot_running(fake_api, database_url):
        fake_api.send_text(user, "/start")
        [reply] = await fake_api.wait_for_message(user.id)
    assert reply.plain_text is not None
    assert reply.plain_text.startswith("Hello A<B & <i>C!")


async def test_help_and_unknown_commands_answer_in_the_users_language(
    fake_api: LocalBotAPI, database_url: str
) -> None:
    user = FakeUser(1004, "Eeva", language_code="fi")
    async with bot_running(fake_api, database_url):
        fake_api.send_text(user, "/help")
        fake_api.send_text(user, "/kokous")
        help_text, unknown = await fake_api.wait_for_message(user.id, count=2)
    assert help_text.plain_text is not None
    assert "/next – Seuraava kokous" in help_text.plain_text
    assert "/start – Aloita ja valitse kuntasi" in help_text.plain_text
    assert "/help – Ohje ja komennot" in help_text.plain_text
    assert unknown.plain_text == "En tunne komentoa /kokous. Katso /help."


async def test_command_menus_are_published_in_three_languages(
    fake_api: LocalBotAPI, database_url: str
) -> None:
    async with bot_running(fake_api, database_url):
        pass
    menus = {lang: fake_api.commands(language_code=lang) for lang in ("", "fi", "sv", "en")}
    assert [c["command"] for c in menus["fi"]] == [
        "next",
        "meetings",
        "workshops",
        "municipality",
        "language",
        "contact",
        "reminders",
        "calendar",
        "archive",
        "minutes",
        "vote",
        "privacy",
        "start",
        "help",
    ]
    assert menus["fi"][0]["description"] == "Seuraava kokous"
    assert menus["sv"][0]["description"] == "Nästa möte"
    assert menus["en"][0]["description"] == "Next meeting"
    assert menus[""] == menus["fi"]


async def test_an_administrator_is_recognised_at_start(
    fake_api: LocalBotAPI, database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    admin = FakeUser(4242, "Marianna")
    async with bot_running(fake_api, database_url, bot_admin_ids=(4242,)):
        fake_api.send_text(admin, "/start")
        await fake_api.wait_for_message(admin.id)
    async with sessions() as session:
        member = await session.scalar(select(Member).where(Member.telegram_id == admin.id))
    assert member is not None
    assert member.role == Role.ADMIN
