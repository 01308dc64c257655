"""Telegram's checks of what a bot sends: text and parse_mode, keyboards, commands, actions."""

from __future__ import annotations

import re
from typing import Any

from bot.console.bot_api.errors import bad_request
from bot.console.bot_api.html import HtmlParseError, parse_html, strip_with_entities
from bot.console.bot_api.records import JSONDict

# Real limits of the Bot API (counted in characters after entity parsing).
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64

_BOT_COMMAND_NAME_RE = re.compile(r"[a-z0-9_]{1,32}")

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


def parse_text(
    params: JSONDict, key: str, *, limit: int, required: bool
) -> tuple[str | None, str | None, list[JSONDict]]:
    """Validate text/caption with its parse_mode; return (raw, plain, entities)."""
    raw = params.get(key)
    if raw is None or raw == "":
        if required:
            raise bad_request("message text is empty")
        return None, None, []
    raw = str(raw)
    parse_mode = params.get("parse_mode")
    entities: list[JSONDict] = []
    if parse_mode is None or parse_mode == "":
        plain = raw
        explicit = params.get("entities" if key == "text" else "caption_entities")
        if isinstance(explicit, list):
            entities = explicit
    elif str(parse_mode).lower() == "html":
        try:
            plain, entities = parse_html(raw)
        except HtmlParseError as err:
            raise bad_request(f"can't parse entities: {err}") from None
    elif str(parse_mode).lower() in ("markdown", "markdownv2"):
        plain = raw  # Markdown is accepted unparsed; only HTML is validated here.
    else:
        raise bad_request("unsupported parse_mode")
    plain, entities = strip_with_entities(plain, entities)
    if not plain:
        if required:
            raise bad_request("message text is empty")
        return raw, None, []
    if len(plain) > limit:
        raise bad_request("message is too long" if key == "text" else "message caption is too long")
    return raw, plain, entities


def parse_reply_markup(params: JSONDict) -> JSONDict | None:
    """The reply_markup parameter, checked as Telegram checks an inline keyboard."""
    markup = params.get("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        if not isinstance(row, list):
            raise bad_request("can't parse inline keyboard button: row must be an array")
        for button in row:
            _check_inline_button(button)
    return markup


def check_commands(commands: Any) -> list[JSONDict]:
    """The commands of setMyCommands, if Telegram would take them."""
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be an array of at most 100 BotCommand")
    for command in commands:
        name = command.get("command", "") if isinstance(command, dict) else ""
        description = command.get("description", "") if isinstance(command, dict) else ""
        if not _BOT_COMMAND_NAME_RE.fullmatch(str(name)):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(description)) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return commands


def check_chat_action(action: Any) -> None:
    """Refuse a sendChatAction action that Telegram does not have."""
    if action not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not button.get("text"):
        raise bad_request("can't parse inline keyboard button: Text must be present")
    if set(button) == {"text"}:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if data is not None and (not data or len(str(data).encode("utf-8")) > MAX_CALLBACK_DATA_BYTES):
        raise bad_request("BUTTON_DATA_INVALID")
