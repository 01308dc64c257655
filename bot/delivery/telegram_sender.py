"""The outbox's `Sender` over PTB: Telegram's errors become the dispatcher's outcomes."""

from __future__ import annotations

import warnings
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.sender import RecipientGone, RetryLater, Undeliverable
from bot.replies.reply import Attachment, Button
from bot.telegram.ratelimit import Priority

# Telegram's limit for the caption of a photo or document (the HTML is measured here,
# which is never shorter than the text Telegram counts).
CAPTION_LIMIT = 1024


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
    ) -> int:
        """Send one message (with its photo or document); returns Telegram's message id."""
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(b.text, callback_data=b.data) for b in row]
                    for row in buttons
                ]
            )
            if buttons
            else None
        )
        try:
            if attachment is not None:
                return await self._send_attachment(chat_id, text, markup, attachment)
            # Explicit, not left to the Application's defaults: the outbox's texts are HTML.
            if isinstance(self.bot, ExtBot):
                # Behind the people the bot is answering (see bot.telegram.ratelimit).
                message = await self.bot.send_message(
                    chat_id,
                    text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    rate_limit_args=Priority.BULK,
                )
            else:
                message = await self.bot.send_message(
                    chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup
                )
        except RetryAfter as error:
            raise RetryLater("429 too many requests", seconds=_seconds(error)) from error
        except Forbidden as error:
            raise RecipientGone(error.message) from error
        except BadRequest as error:
            # BadRequest is a NetworkError in PTB's hierarchy: it must be caught first.
            raise Undeliverable(error.message) from error
        except (TimedOut, NetworkError) as error:
            raise RetryLater(f"network: {error.message}") from error
        return message.message_id

    async def _send_attachment(
        self,
        chat_id: int,
        text: str,
        markup: InlineKeyboardMarkup | None,
        attachment: Attachment,
    ) -> int:
        """The file with the text as its caption, or first the file and then the text when
        the text is longer than a caption may be."""
        extra: dict[str, Any] = (
            {"rate_limit_args": Priority.BULK} if isinstance(self.bot, ExtBot) else {}
        )
        send = self.bot.send_photo if attachment.kind == "photo" else self.bot.send_document
        if len(text) <= CAPTION_LIMIT:
            message = await send(
                chat_id,
                attachment.file_id,
                caption=text,
                parse_mode=ParseMode.HTML,
                reply_markup=markup,
                **extra,
            )
            return message.message_id
        await send(chat_id, attachment.file_id, **extra)
        message = await self.bot.send_message(
            chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup, **extra
        )
        return message.message_id

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        """Replace the text of a message the bot sent (a broadcast's status line)."""
        try:
            await self.bot.edit_message_text(
                text, chat_id=chat_id, message_id=message_id, parse_mode=ParseMode.HTML
            )
        except RetryAfter as error:
            raise RetryLater("429 too many requests", seconds=_seconds(error)) from error
        except Forbidden as error:
            raise RecipientGone(error.message) from error
        except BadRequest as error:
            if "not modified" in error.message.lower():
                return
            raise Undeliverable(error.message) from error
        except (TimedOut, NetworkError) as error:
            raise RetryLater(f"network: {error.message}") from error


def _seconds(error: RetryAfter) -> float:
    # Without PTB_TIMEDELTA the property is an int and warns that it is deprecated.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
