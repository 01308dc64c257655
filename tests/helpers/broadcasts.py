"""Broadcasts for fault tests: many members, a coordinator's /broadcast, who got what."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from storage.models import Member, Outbox, OutboxStatus

Sessions = async_sessionmaker[AsyncSession]


async def members(sessions: Sessions, api: LocalBotAPI, chats: Iterable[int]) -> None:
    """Members who have started the bot (one per private chat), known to the fake API:
    a broadcast to everyone reaches each of them."""
    chat_ids = list(chats)
    for chat_id in chat_ids:
        api.add_user(FakeUser(chat_id, f"Jäsen {chat_id}"))
    async with sessions.begin() as session:
        session.add_all(Member(telegram_id=c, name=f"Jäsen {c}") for c in chat_ids)


async def broadcast(api: LocalBotAPI, coordinator: FakeUser, text: str) -> SentMessage:
    """A coordinator's `/broadcast TEXT` to everyone, confirmed with the preview's button.

    Returns the preview message, which turns into the broadcast's status line.
    """
    before = len(api.messages_to(coordinator.id))
    api.send_text(coordinator, f"/broadcast {text}")
    preview = (await api.wait_for_message(coordinator.id, count=before + 1, timeout=15))[before]
    api.press_button(coordinator, preview, preview.callback_data("✅ Vahvista"))
    return preview


def announcements(api: LocalBotAPI, text: str) -> list[SentMessage]:
    """The announcement `text` as the bot sent it, in any language (a title, the text, and
    the sender's signature when the sender is still a member)."""
    return [
        m
        for m in api.sent
        if (plain := m.plain_text or "").endswith("\n\n" + text) or f"\n\n{text}\n\n– " in plain
    ]


def deliveries(api: LocalBotAPI, text: str) -> Counter[int]:
    """How many times each chat got the announcement `text`."""
    return Counter(m.chat_id for m in announcements(api, text))


async def ask(
    api: LocalBotAPI,
    user: FakeUser,
    question: str,
    *,
    besides: str,
    timeout: float = 15,  # noqa: ASYNC109 -- as in LocalBotAPI.wait_for_message
) -> SentMessage:
    """Send `question`; return the bot's reply, leaving aside the announcement `besides`
    (the user may be one of its recipients)."""
    suffix = "\n\n" + besides

    def reply(message: SentMessage) -> bool:
        return not (message.plain_text or "").endswith(suffix)

    before = len([m for m in api.messages_to(user.id) if reply(m)])
    api.send_text(user, question)
    replies = await api.wait_for_message(
        user.id, count=before + 1, predicate=reply, timeout=timeout
    )
    return replies[before]


async def outbox_of_announcements(sessions: Sessions) -> list[Outbox]:
    """The announcement rows of the outbox."""
    async with sessions() as session:
        return list(await session.scalars(select(Outbox).where(Outbox.kind == "announcement")))


async def in_flight(sessions: Sessions) -> set[int]:
    """Chats of announcement rows that are claimed but have no outcome yet."""
    return {
        row.chat_id
        for row in await outbox_of_announcements(sessions)
        if row.status == OutboxStatus.PENDING and row.claimed_by is not None
    }
