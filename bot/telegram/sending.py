"""A `Reply` to Telegram: the one path both the handlers and the outbox send through.

Keyboards, splitting of long HTML, attachments with their caption limit and edits in place
are done here once, so that an answer to a command and a message from the outbox look and
break alike. Telegram's errors pass through: each caller has its own policy for them.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import ExtBot

from bot.replies.reply import CAPTION_LIMIT, MESSAGE_LIMIT, Button, Reply
from bot.telegram.ratelimit import CalledOff, Fenced, Priority

# A tag of Telegram's HTML; the text between tags is escaped, so every `<` starts a tag.
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>")
# A character reference such as `&amp;` or `&#8230;`.
_ENTITY = re.compile(r"&#?\w{1,10};")


def keyboard(buttons: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    """Rows of buttons as an inline keyboard; None for none."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b.text, callback_data=b.data) for b in row] for row in buttons]
    )


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split long HTML into parts Telegram accepts, preferring empty lines, then lines."""
    # Telegram parses every message on its own: a cut never falls inside a tag or a
    # character reference, and tags open at a cut are closed there and opened again.
    parts: list[str] = []
    while len(text) > limit:
        cut, opened = _cut_with_room(text, limit)
        parts.append(text[:cut] + "".join(f"</{name}>" for name, _ in reversed(opened)))
        text = "".join(tag for _, tag in opened) + text[cut:].lstrip("\n")
    if text or not parts:
        parts.append(text)
    return parts


def _cut_with_room(text: str, limit: int) -> tuple[int, list[tuple[str, str]]]:
    """Where to cut, leaving room for the closing tags; and the tags open there."""
    room = limit
    for _ in range(4):
        cut = _cut(text, room)
        opened = _open_tags(text[:cut])
        closing = sum(len(name) + 3 for name, _ in opened)
        if cut + closing <= limit:
            break
        # Cutting earlier may leave other tags open: try again with the room it needs.
        room = max(limit - closing, limit // 2)
    return cut, opened


def _cut(text: str, limit: int) -> int:
    cut = text.rfind("\n\n", 0, limit)
    # An empty line early in the window would leave a stub of a message (a lone heading).
    if cut < limit // 2:
        cut = text.rfind("\n", 0, limit)
    if cut <= 0:
        cut = _outside_markup(text, limit)
    return cut if cut > 0 else limit


def _outside_markup(text: str, cut: int) -> int:
    """`cut`, moved back to the start of the tag or character reference it falls inside."""
    start = text.rfind("<", 0, cut)
    if start > text.rfind(">", 0, cut):
        cut = start
    start = text.rfind("&", max(0, cut - 13), cut)
    if start >= 0 and (entity := _ENTITY.match(text, start)) and entity.end() > cut:
        cut = start
    return cut


def _open_tags(html: str) -> list[tuple[str, str]]:
    """The tags open at the end of `html`, outermost first: (name, opening tag)."""
    opened: list[tuple[str, str]] = []
    for tag in _TAG.finditer(html):
        name = tag.group(2).lower()
        if not tag.group(1):
            opened.append((name, tag.group(0)))
            continue
        for index in range(len(opened) - 1, -1, -1):
            if opened[index][0] == name:
                del opened[index:]
                break
    return opened


def _priority(
    bot: Bot, priority: Priority | None, holds: Callable[[], bool] | None
) -> dict[str, Any]:
    """The rate limiter's argument, which only the application's ExtBot accepts."""
    if not isinstance(bot, ExtBot):
        return {}
    if holds is not None:
        return {"rate_limit_args": Fenced(holds)}
    return {"rate_limit_args": priority} if priority else {}


def reply_parts(
    bot: Bot, chat_id: int, reply: Reply, extra: dict[str, Any]
) -> list[Callable[[], Awaitable[Message]]]:
    """The calls that send a reply, in order: its file if any, then its text in parts; the
    buttons go with the last."""
    markup = keyboard(reply.buttons)
    html = ParseMode.HTML
    parts: list[Callable[[], Awaitable[Message]]] = []
    attachment = reply.attachment
    if attachment is not None:
        send_file = bot.send_photo if attachment.kind == "photo" else bot.send_document
        if len(reply.text) <= CAPTION_LIMIT:
            return [
                partial(
                    send_file,
                    chat_id,
                    attachment.file_id,
                    caption=reply.text,
                    parse_mode=html,
                    reply_markup=markup,
                    **extra,
                )
            ]
        # Longer than a caption may be: the file alone, then the text as messages.
        parts.append(partial(send_file, chat_id, attachment.file_id, **extra))
    *first, last = split_message(reply.text)
    parts += [partial(bot.send_message, chat_id, text, parse_mode=html, **extra) for text in first]
    parts.append(
        partial(bot.send_message, chat_id, last, parse_mode=html, reply_markup=markup, **extra)
    )
    return parts


async def send_reply(
    bot: Bot,
    chat_id: int,
    reply: Reply,
    *,
    priority: Priority | None = None,
    holds: Callable[[], bool] | None = None,
    skip: int = 0,
    delivered: Callable[[], None] | None = None,
) -> Message:
    """Send a reply (its file first if any); the buttons go with the last message, returned.

    The outbox passes `holds`, its claim on the row: each part goes only while it is true
    (checked after the rate limiter's wait, else `CalledOff`); `skip`, the parts an earlier
    attempt delivered; and `delivered`, called after each part that went.
    """
    # A priority puts the messages behind or before others in the rate limiter (see
    # bot.telegram.ratelimit); without one they go as answers to a person waiting.
    parts = reply_parts(bot, chat_id, reply, _priority(bot, priority, holds))
    # The last part, with the buttons, always goes: it is the message the caller gets.
    for part in parts[min(skip, len(parts) - 1) : -1]:
        await _part(part, holds)
        if delivered is not None:
            delivered()
    return await _part(parts[-1], holds)


async def _part(
    part: Callable[[], Awaitable[Message]], holds: Callable[[], bool] | None
) -> Message:
    """Send one part, if what it is fenced with still holds."""
    if holds is not None and not holds():
        raise CalledOff
    return await part()


async def edit_in_place(bot: Bot, chat_id: int, message_id: int, reply: Reply) -> None:
    """Replace the text and buttons of a message the bot sent with the reply's."""
    try:
        await bot.edit_message_text(
            reply.text,
            chat_id=chat_id,
            message_id=message_id,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboard(reply.buttons),
        )
    except BadRequest as error:
        # The message already shows this (a button pressed twice, an edit repeated).
        if "not modified" not in error.message.lower():
            raise
