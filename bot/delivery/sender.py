"""What the dispatcher needs of a sender: one message out, or why it did not go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from bot.replies.reply import Attachment, Button


class NotSent(Exception):
    """Why a message did not go, or not all of it."""

    # Parts of a long message (its file, its text in parts) that did go, counting those an
    # earlier attempt delivered: a retry sends only the rest.
    delivered: int = 0


class RetryLater(NotSent):
    """Telegram asked to wait (429) or could not be reached (5xx, network)."""

    def __init__(self, reason: str, seconds: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        # None: the dispatcher's own backoff; a number: Telegram's retry_after.
        self.seconds = seconds


class RecipientGone(NotSent):
    """The user blocked the bot, or the bot was removed from the group (403)."""


class Undeliverable(NotSent):
    """Telegram refused this message (400); retrying would not help."""


class ChatMoved(Undeliverable):
    """The group became a supergroup, which has a chat id of its own."""

    def __init__(self, new_chat_id: int) -> None:
        super().__init__(f"group moved to chat {new_chat_id}")
        self.new_chat_id = new_chat_id


class ClaimLost(NotSent):
    """The claim on the row ran out before the message (or its next part) went."""


class Sender(Protocol):
    """Sends one message; raises the exceptions above. The Telegram one is `TelegramSender`."""

    async def send(
        self,
        chat_id: int,
        text: str,
        buttons: tuple[tuple[Button, ...], ...],
        attachment: Attachment | None = None,
        *,
        holds: Callable[[], bool] | None = None,
        skip: int = 0,
    ) -> int:
        """Send unless `holds` no longer holds, leaving out `skip` parts already delivered."""
        ...

    async def edit(self, chat_id: int, message_id: int, text: str) -> None: ...
