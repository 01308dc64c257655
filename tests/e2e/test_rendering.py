"""Data is shown as written (HTML-escaped), and long replies are split for Telegram."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.replies.reply import MESSAGE_LIMIT
from bot.telegram.sending import split_message
from storage.schedule import apply_schedule, read_schedule_bytes
from tests.helpers.bots import bot_running, fixed_clock
from tests.helpers.schedules import HELSINKI, yaml_bytes

pytestmark = pytest.mark.e2e


async def import_yaml(sessions: async_sessionmaker[AsyncSession], text: str) -> None:
    async with sessions.begin() as session:
        await apply_schedule(
            session, read_schedule_bytes(yaml_bytes(text), "yaml"), default_timezone=HELSINKI
        )


async def test_names_with_markup_characters_are_shown_as_written(
    fake_api: LocalBotAPI, database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await import_yaml(
        sessions,
        """
        network: {name: "Verkosto <beta> & co"}
        municipalities: [Kerava]
        workshops:
          - key: w
            name: "Verstas <b>lihavoitu</b>"
            municipalities: [Kerava]
            meetings:
              - date: 4.3.2009
                start: "13:00"
                place: Kerava
                venue: "Sali <A> & Co"
                agenda: ["Kustannukset > 5 % & <i>muut</i>"]
        """,
    )
    user = FakeUser(301, "Testi")
    async with bot_running(
        fake_api, database_url, clock=fixed_clock(datetime(2009, 3, 1, tzinfo=HELSINKI))
    ):
        fake_api.send_text(user, "/next")
        [reply] = await fake_api.wait_for_message(user.id)
    assert reply.plain_text is not None
    assert "Verstas <b>lihavoitu</b>" in reply.plain_text
    assert "Kerava, Sali <A> & Co" in reply.plain_text
    assert "1. Kustannukset > 5 % & <i>muut</i>" in reply.plain_text


async def test_a_reply_longer_than_telegram_allows_is_split(
    fake_api: LocalBotAPI, database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    items = "\n".join(f'                  - "Asia {n}: {"pitkä selostus " * 6}"' for n in range(60))
    await import_yaml(
        sessions,
        f"""
        network: {{name: Verkosto}}
        municipalities: [Kerava]
        workshops:
          - key: w
            name: Verstas
            municipalities: [Kerava]
            meetings:
              - date: 4.3.2009
                place: Kerava
                agenda:
{items}
        """,
    )
    user = FakeUser(302, "Testi")
    async with bot_running(
        fake_api, database_url, clock=fixed_clock(datetime(2009, 3, 1, tzinfo=HELSINKI))
    ):
        fake_api.send_text(user, "/next")
        first, second = await fake_api.wait_for_message(user.id, count=2)
    assert first.plain_text is not None
    assert second.plain_text is not None
    assert first.plain_text.startswith("Seuraavat kokoukset")
    assert second.plain_text.startswith("39. Asia 38:")
    assert second.plain_text.endswith("Valitse kuntasi (/municipality), niin näet omasi.")
    shown = first.plain_text + "\n" + second.plain_text
    assert all(f"Asia {n}:" in shown for n in range(60))


def test_split_message_keeps_every_character_and_prefers_line_breaks() -> None:
    text = "\n".join(f"rivi {n} " + "x" * 90 for n in range(200))
    parts = split_message(text)
    assert all(len(part) <= MESSAGE_LIMIT for part in parts)
    assert "\n".join(parts) == text
    assert all(part.startswith("rivi ") for part in parts)
    assert split_message("lyhyt") == ["lyhyt"]
    unbroken = "y" * (MESSAGE_LIMIT + 10)
    assert split_message(unbroken) == ["y" * MESSAGE_LIMIT, "y" * 10]
