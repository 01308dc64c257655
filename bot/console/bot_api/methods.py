"""The Bot API methods the fake answers: what each checks, changes and returns."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from bot.console.bot_api.chats import Chats
from bot.console.bot_api.errors import bad_request
from bot.console.bot_api.files import FileStore
from bot.console.bot_api.records import JSONDict, SentMessage
from bot.console.bot_api.updates import UpdateQueue
from bot.console.bot_api.validation import (
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
    check_chat_action,
    check_commands,
    parse_reply_markup,
    parse_text,
)

Handler = Callable[[JSONDict], Awaitable[Any]]

_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)


class BotMethods:
    """The handlers of the Bot API methods, by name, and the commands the bot set."""

    def __init__(
        self,
        chats: Chats,
        files: FileStore,
        updates: UpdateQueue,
        bot_user: Callable[[], JSONDict],
    ) -> None:
        """Methods working on ``chats``, ``files`` and ``updates``; ``bot_user()`` for getMe."""
        self._chats = chats
        self._files = files
        self._bot_user = bot_user
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self.handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getFile": files.get_file,
            "getUpdates": updates.get_updates,
            "deleteWebhook": updates.delete_webhook,
            "setWebhook": updates.set_webhook,
            "getWebhookInfo": updates.get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "sendChatAction": self._send_chat_action,
            "getChat": self._get_chat,
            "close": self._true,
            "logOut": self._true,
        }

    def commands(self, scope: Any, language_code: Any) -> list[JSONDict]:
        """The commands set by setMyCommands for ``scope`` and ``language_code``."""
        return list(self._commands.get(_commands_key(scope, language_code), []))

    # ---------------------------------------------------------------- the bot and its commands

    async def _true(self, params: JSONDict) -> bool:
        return True

    async def _get_me(self, params: JSONDict) -> JSONDict:
        return self._bot_user()

    async def _set_my_commands(self, params: JSONDict) -> bool:
        commands = check_commands(params.get("commands"))
        key = _commands_key(params.get("scope"), params.get("language_code"))
        if commands:
            self._commands[key] = commands
        else:
            self._commands.pop(key, None)
        return True

    async def _delete_my_commands(self, params: JSONDict) -> bool:
        key = _commands_key(params.get("scope"), params.get("language_code"))
        self._commands.pop(key, None)
        return True

    async def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return self.commands(params.get("scope"), params.get("language_code"))

    # ---------------------------------------------------------------- chats

    async def _send_chat_action(self, params: JSONDict) -> bool:
        self._chats.require_chat(params)
        check_chat_action(params.get("action"))
        return True

    async def _get_chat(self, params: JSONDict) -> JSONDict:
        chat_id = self._chats.require_chat(params)
        data = self._chats.chat_json(chat_id)
        data.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": True,
                    "limited_gifts": True,
                    "unique_gifts": True,
                    "premium_subscription": True,
                    "gifts_from_channels": True,
                },
            }
        )
        return data

    async def _answer_callback_query(self, params: JSONDict) -> bool:
        self._chats.answer_callback_query(params)
        return True

    # ---------------------------------------------------------------- sending

    async def _send_message(self, params: JSONDict) -> JSONDict:
        chat_id = self._chats.require_chat(params)
        raw, plain, entities = parse_text(params, "text", limit=MAX_TEXT_LENGTH, required=True)
        markup = parse_reply_markup(params)
        return self._chats.record(
            SentMessage(
                message_id=self._chats.next_message_id(),
                chat_id=chat_id,
                method="sendMessage",
                text=raw,
                parse_mode=params.get("parse_mode"),
                reply_markup=markup,
                plain_text=plain,
                entities=entities,
                original_text=raw,
                date=int(time.time()),
                params=params,
            )
        )

    async def _send_document(self, params: JSONDict) -> JSONDict:
        return self._send_media(params, "sendDocument", "document")

    async def _send_photo(self, params: JSONDict) -> JSONDict:
        return self._send_media(params, "sendPhoto", "photo")

    def _send_media(self, params: JSONDict, method: str, key: str) -> JSONDict:
        chat_id = self._chats.require_chat(params)
        upload = self._files.media_input(params, key)
        raw, plain, entities = parse_text(
            params, "caption", limit=MAX_CAPTION_LENGTH, required=False
        )
        markup = parse_reply_markup(params)
        file_id = self._files.keep_upload(upload, key)
        return self._chats.record(
            SentMessage(
                message_id=self._chats.next_message_id(),
                chat_id=chat_id,
                method=method,
                text=raw,
                parse_mode=params.get("parse_mode"),
                reply_markup=markup,
                document_name=upload.filename,
                document_bytes=upload.content,
                plain_text=plain,
                entities=entities,
                original_text=raw,
                file_id=file_id,
                date=int(time.time()),
                params=params,
            )
        )

    # ---------------------------------------------------------------- editing and deleting

    async def _edit_message_text(self, params: JSONDict) -> JSONDict:
        message = self._editable_message(params)
        if message.method != "sendMessage":
            raise bad_request("there is no text in the message to edit")
        return self._apply_edit(message, params, "text", MAX_TEXT_LENGTH)

    async def _edit_message_caption(self, params: JSONDict) -> JSONDict:
        message = self._editable_message(params)
        if message.method == "sendMessage":
            raise bad_request("there is no caption in the message to edit")
        return self._apply_edit(message, params, "caption", MAX_CAPTION_LENGTH)

    def _apply_edit(self, message: SentMessage, params: JSONDict, key: str, limit: int) -> JSONDict:
        raw, plain, entities = parse_text(params, key, limit=limit, required=key == "text")
        # Like Telegram: an edit without reply_markup removes the inline keyboard.
        markup = parse_reply_markup(params)
        current = (message.plain_text, message.entities, message.reply_markup)
        if (plain, entities, markup) == current:
            raise bad_request(_NOT_MODIFIED)
        message.text = raw
        message.parse_mode = params.get("parse_mode")
        message.plain_text = plain
        message.entities = entities
        message.reply_markup = markup
        message.edits.append(raw or "")
        message.edit_date = int(time.time())
        return self._chats.message_json(message)

    async def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict:
        message = self._editable_message(params)
        markup = parse_reply_markup(params)
        if markup == message.reply_markup:
            raise bad_request(_NOT_MODIFIED)
        message.reply_markup = markup
        message.edit_date = int(time.time())
        return self._chats.message_json(message)

    def _editable_message(self, params: JSONDict) -> SentMessage:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake Bot API")
        return self._chats.existing_message(params, "edit")

    async def _delete_message(self, params: JSONDict) -> bool:
        chat_id = self._chats.require_chat(params)
        if self._chats.forget_user_message(chat_id, params.get("message_id")):
            return True
        self._chats.existing_message(params, "delete").deleted = True
        return True


def _commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
    """Where setMyCommands keeps a list: its scope (as JSON) and language."""
    scope = scope or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(language_code or "")
