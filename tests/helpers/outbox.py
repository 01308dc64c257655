"""The demo network, a dispatcher and the fake Bot API, at a moment of the test's choice."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.delivery.dispatch import Dispatcher
from bot.delivery.sender import Sender
from bot.delivery.telegram_sender import TelegramSender
from bot.language.catalog import Texts
from bot.planning.notices import plan_after_import
from bot.planning.outbox import ReminderPolicy, plan_workshop
from bot.planning.planner import Planner
from bot.replies.reply import Attachment, Button
from bot.services.directory import load_directory
from bot.services.members import Person, choose_municipality
from config.settings import parse_offsets
from storage.models import Member, Outbox, Subscription
from storage.schedule import apply_schedule, read_schedule_bytes
from tests.helpers.clock import ManualClock
from tests.helpers.schedules import HELSINKI, demo_bytes, load_demo

Sessions = async_sessionmaker[AsyncSession]


def at(text: str) -> datetime:
    return datetime.strptime(text, "%d.%m.%Y %H:%M").replace(tzinfo=HELSINKI)


@dataclass
class World:
    """The demo network, a dispatcher and the fake Bot API, at a moment of the test's choice."""

    sessions: Sessions
    api: LocalBotAPI
    clock: ManualClock
    policy: ReminderPolicy
    dispatcher: Dispatcher
    bot: Bot

    async def register(self, telegram_id: int, municipality: str, language: str = "fi") -> int:
        """A member who chose a municipality now; returns their member id."""
        self.api.add_user(FakeUser(telegram_id, f"Jäsen {telegram_id}", language_code=language))
        async with self.sessions.begin() as session:
            directory = await load_directory(session)
            chosen = directory.municipality(municipality)
            assert chosen is not None
            participant = await choose_municipality(
                session,
                Person(telegram_id, f"Jäsen {telegram_id}", language),
                chosen.id,
                [w.id for w in directory.workshops_of(chosen.id)],
                planner=Planner(self.policy, self.clock),
            )
            assert participant.member_id is not None
            return participant.member_id

    async def reimport(self, old: str, new: str) -> None:
        """Import the demo file with one edit, planning what the edit calls for."""
        changed = demo_bytes().decode().replace(old, new, 1)
        assert changed != demo_bytes().decode()
        async with self.sessions.begin() as session:
            report = await apply_schedule(
                session, read_schedule_bytes(changed.encode(), "yaml"), default_timezone=HELSINKI
            )
            await plan_after_import(session, report, now=self.clock(), policy=self.policy)

    async def followers(self, chats: range) -> None:
        """Members (one per chat) following the preventive workshop, reminders planned."""
        for chat_id in chats:
            self.api.add_user(FakeUser(chat_id))
        async with self.sessions.begin() as session:
            directory = await load_directory(session)
            workshop = directory.workshop_by_key("ehkaiseva-lastensuojelu")
            assert workshop is not None
            members = [Member(telegram_id=chat_id, name=f"Jäsen {chat_id}") for chat_id in chats]
            session.add_all(members)
            await session.flush()
            session.add_all(Subscription(member_id=m.id, workshop_id=workshop.id) for m in members)
            await session.flush()
            await plan_workshop(session, workshop.id, now=self.clock(), policy=self.policy)

    async def rows(self) -> list[Outbox]:
        async with self.sessions() as session:
            return list(await session.scalars(select(Outbox).order_by(Outbox.due_at, Outbox.id)))

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        return self.api.messages_to(chat_id)

    def dispatcher_as(
        self, instance: str, sender: Sender | None = None, **options: Any
    ) -> Dispatcher:
        """Another dispatcher on the same database and clock (another instance of the bot)."""
        return Dispatcher(
            sessions=self.sessions,
            sender=sender or TelegramSender(self.bot),
            texts=Texts.load(),
            policy=self.policy,
            clock=self.clock,
            instance=instance,
            **options,
        )


@asynccontextmanager
async def outbox_world(fake_api: LocalBotAPI, sessions: Sessions) -> AsyncIterator[World]:
    """The demo network loaded, a clock at 1.3.2009 12:00 and a dispatcher sending one at a time."""
    await load_demo(sessions)
    clock = ManualClock(at("1.3.2009 12:00"))
    policy = ReminderPolicy(parse_offsets("7d,1d"), None, HELSINKI)
    # A pool as large as the Application's: one connection would serialise every send.
    request = HTTPXRequest(connection_pool_size=64)
    async with Bot(fake_api.token, base_url=fake_api.base_url, request=request) as bot:
        dispatcher = Dispatcher(
            sessions=sessions,
            sender=TelegramSender(bot),
            texts=Texts.load(),
            policy=policy,
            clock=clock,
            instance="test-a",
            # One at a time, so that the order of events in these tests is fixed.
            concurrency=1,
        )
        yield World(sessions, fake_api, clock, policy, dispatcher, bot)


class Meanwhile:
    """A sender through which something happens before each message goes: time passing,
    another instance running, a failure."""

    def __init__(self, inner: Sender, before: Callable[[int, int], Awaitable[None]]) -> None:
        self.inner = inner
        # Called with the number of the message (from 1) and its chat.
        self.before = before
        self.count = 0

    async def send(
        self,
        chat_id: int,
        text: str,
        buttons: tuple[tuple[Button, ...], ...],
        attachment: Attachment | None = None,
        **fence: Any,
    ) -> int:
        self.count += 1
        await self.before(self.count, chat_id)
        return await self.inner.send(chat_id, text, buttons, attachment, **fence)

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        await self.inner.edit(chat_id, message_id, text)
