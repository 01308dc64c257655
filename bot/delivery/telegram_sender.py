"""The outbox's `Sender` over PTB: Telegram's errors become the dispatcher's outcomes."""

from __future__ import annotations

import warnings
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TypeVar

from telegram import Bot
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.sender import (
    ChatMoved,
    ClaimLost,
    NotSent,
    RecipientGone,
    RetryLater,
    Undeliverable,
)
from bot.replies.reply import Attachment, Button, Reply
from bot.telegram.ratelimit import CalledOff, Priority
from bot.telegram.sending import edit_in_place, send_reply

T = TypeVar("T")


class TelegramSender:
    """Sends outbox messages with the application's bot (and so its rate limiter)."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

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
        """Send one message (with its photo or document); returns Telegram's message id."""
        reply = Reply(text, buttons, attachment)
        delivered = skip

        def one_more() -> None:
            nonlocal delivered
            delivered += 1

        try:
            # Behind the people the bot is answering (see bot.telegram.ratelimit).
            message = await _outcome(
                lambda: send_reply(
                    self.bot,
                    chat_id,
                    reply,
                    priority=Priority.BULK,
                    holds=holds,
                    skip=skip,
                    delivered=one_more,
                )
            )
        except NotSent as error:
            error.delivered = delivered
            raise
        return message.message_id

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        """Replace the text of a message the bot sent (a broadcast's status line)."""
        await _outcome(lambda: edit_in_place(self.bot, chat_id, message_id, Reply(text)))


async def _outcome(call: Callable[[], Awaitable[T]]) -> T:
    """The call's result, or Telegram's error as the dispatcher's outcome."""
    try:
        return await call()
    except CalledOff as error:
        raise ClaimLost("the claim ran out before sending") from error
    except RetryAfter as error:
        raise RetryLater("429 too many requests", seconds=_seconds(error)) from error
    except ChatMigrated as error:
        # Neither a BadRequest nor a NetworkError in PTB's hierarchy.
        raise ChatMoved(error.new_chat_id) from error
    except Forbidden as error:
        raise RecipientGone(error.message) from error
    except BadRequest as error:
        # BadRequest is a NetworkError in PTB's hierarchy: it must be caught first.
        raise Undeliverable(error.message) from error
    except (TimedOut, NetworkError) as error:
        raise RetryLater(f"network: {error.message}") from error


def _seconds(error: RetryAfter) -> float:
    # Without PTB_TIMEDELTA the property is an int and warns that it is deprecated.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
