"""What the dispatcher needs of a sender: one message out, or why it did not go."""

from __future__ import annotations

from typing import Protocol

from bot.replies.reply import Attachment, Button


class RetryLater(Exception):
    """Telegram asked to wait (429) or could not be reached (5xx, network)."""

    def __init__(self, reason: str, seconds: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # None: the dispatcher's own backoff; a number: Telegram's retry_after.
        self.seconds = seconds


class RecipientGone(Exception):
    """The user blocked the bot, or the bot was removed from the group (403)."""


class Undeliverable(Exception):
    """Telegram refused this message (400); retrying would not help."""


class Sender(Protocol):
    """Sends one message; raises the exceptions above. The Telegram one is `TelegramSender`."""

    async def send(
        self,
        chat_id: int,
        text: str,
        buttons: tuple[tuple[Button, ...], ...],
        attachment: Attachment | None = None,
    ) -> int: ...

    async def edit(self, chat_id: int, message_id: int, text: str) -> None: ...
