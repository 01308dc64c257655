"""A person's turn in a chat with the bot, over the local Bot API."""

from __future__ import annotations

from bot.console.bot_api import FakeChat, FakeUser, LocalBotAPI, SentMessage


async def say(
    api: LocalBotAPI,
    user: FakeUser,
    text: str,
    *,
    chat: FakeChat | None = None,
    count: int = 1,
) -> SentMessage:
    """Send `text` (privately unless `chat`); wait for the bot's next `count` messages in
    that chat and return the first."""
    chat_id = chat.id if chat else user.id
    before = len(api.messages_to(chat_id))
    api.send_text(user, text, chat=chat)
    return (await api.wait_for_message(chat_id, count=before + count))[before]
