"""Small pieces every handler uses: who is asking, in which language, and replying."""

from __future__ import annotations

from telegram import Update

from bot.runtime import Runtime
from bot.services.members import Visitor

# Telegram refuses longer messages; longer replies are split at line breaks.
MESSAGE_LIMIT = 4096


def visitor_of(update: Update, runtime: Runtime) -> Visitor:
    """The user behind the update, with the language Telegram reports for them."""
    user = update.effective_user
    if user is None:
        raise ValueError("an update without a user reached a user handler")
    return Visitor(
        telegram_id=user.id,
        name=user.full_name,
        language=runtime.texts.choose(user.language_code),
    )


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split a long reply into parts Telegram accepts, preferring line breaks."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = limit
        parts.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text or not parts:
        parts.append(text)
    return parts


async def reply(update: Update, text: str) -> None:
    """Reply in the chat of the update, in as many messages as Telegram needs."""
    message = update.effective_message
    if message is None:
        return
    for part in split_message(text):
        await message.reply_text(part)
