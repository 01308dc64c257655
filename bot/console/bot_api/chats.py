"""The chats as Telegram keeps them: who is in them, what was said, and their Bot API JSON."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from bot.console.bot_api.errors import bad_request
from bot.console.bot_api.files import FileStore
from bot.console.bot_api.records import FakeChat, FakeUser, JSONDict, SentMessage


class Chats:
    """Known users and chats, the messages in them, and the callback queries of buttons."""

    def __init__(self, bot_user: Callable[[], JSONDict], files: FileStore) -> None:
        """Empty chats; ``bot_user()`` is the bot's User object, ``files`` its uploads."""
        self.sent: list[SentMessage] = []
        self.callback_answers: dict[str, JSONDict] = {}
        self._users: dict[int, FakeUser] = {}
        self._chats: dict[int, FakeChat] = {}
        self._user_messages: set[tuple[int, int]] = set()
        self._callback_queries: dict[str, JSONDict] = {}
        # Users' and the bot's messages share one sequence of ids.
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._bot_user = bot_user
        self._files = files

    def add_user(self, user: FakeUser) -> None:
        """Make a user known, with a private chat."""
        self._users[user.id] = user
        self._chats.setdefault(user.id, FakeChat(user.id, "private"))

    def add_chat(self, chat: FakeChat) -> None:
        """Make a chat known (the bot is a member)."""
        self._chats[chat.id] = chat

    def require_chat(self, params: JSONDict) -> int:
        """The ``chat_id`` of a request, which must name a known chat."""
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if not isinstance(chat_id, int) or chat_id not in self._chats:
            raise bad_request("chat not found")
        return chat_id

    def next_message_id(self) -> int:
        """A new message id."""
        return next(self._message_ids)

    # ---------------------------------------------------------------- what users do

    def user_message(self, user: FakeUser, chat_id: int) -> JSONDict:
        """A new message of ``user`` in ``chat_id``: id, sender, chat and date; no content."""
        message_id = self.next_message_id()
        self._user_messages.add((chat_id, message_id))
        return {
            "message_id": message_id,
            "from": user.to_json(),
            "chat": self.chat_json(chat_id),
            "date": int(time.time()),
        }

    def forget_user_message(self, chat_id: int, message_id: Any) -> bool:
        """Delete a user's message; False when it is not one."""
        if (chat_id, message_id) not in self._user_messages:
            return False
        self._user_messages.discard((chat_id, message_id))
        return True

    def callback_query(self, user: FakeUser, message: SentMessage, data: str) -> JSONDict:
        """A new callback query: ``user`` pressed the button with ``data`` on ``message``."""
        query_id = str(next(self._callback_ids))
        query: JSONDict = {
            "id": query_id,
            "from": user.to_json(),
            "message": self.message_json(message),
            "chat_instance": f"ci{abs(message.chat_id)}",
            "data": data,
        }
        self._callback_queries[query_id] = query
        return query

    def answer_callback_query(self, params: JSONDict) -> None:
        """Record the bot's answer to a callback query, which must be one users made."""
        query_id = str(params.get("callback_query_id") or "")
        if query_id not in self._callback_queries:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        self.callback_answers[query_id] = params

    # ---------------------------------------------------------------- what the bot sent

    def record(self, message: SentMessage) -> JSONDict:
        """Keep a message the bot sent; return it as the Bot API answers with it."""
        self.sent.append(message)
        return self.message_json(message)

    def find_message(self, chat_id: int, message_id: int) -> SentMessage | None:
        """The bot's message ``message_id`` in ``chat_id``, deleted or not."""
        for message in self.sent:
            if message.chat_id == chat_id and message.message_id == message_id:
                return message
        return None

    def existing_message(self, params: JSONDict, action: str) -> SentMessage:
        """The bot's message that a request's chat_id and message_id name, if not deleted."""
        chat_id = self.require_chat(params)
        message_id = params.get("message_id")
        message = self.find_message(chat_id, message_id) if isinstance(message_id, int) else None
        if message is None or message.deleted:
            raise bad_request(f"message to {action} not found")
        return message

    # ---------------------------------------------------------------- Bot API JSON

    def chat_json(self, chat_id: int) -> JSONDict:
        """The ``Chat`` object of a known chat."""
        chat = self._chats.get(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        data: JSONDict = {"id": chat.id, "type": chat.type}
        if chat.type == "private":
            user = self._users.get(chat.id)
            if user is not None:
                data["first_name"] = user.first_name
                if user.last_name is not None:
                    data["last_name"] = user.last_name
                if user.username is not None:
                    data["username"] = user.username
        else:
            data["title"] = chat.title or f"Chat {chat.id}"
        return data

    def message_json(self, message: SentMessage) -> JSONDict:
        """The ``Message`` object of a message the bot sent, as it is now."""
        data: JSONDict = {
            "message_id": message.message_id,
            "from": self._bot_user(),
            "chat": self.chat_json(message.chat_id),
            "date": message.date,
        }
        if message.edit_date is not None:
            data["edit_date"] = message.edit_date
        if message.method == "sendMessage":
            data["text"] = message.plain_text or ""
            if message.entities:
                data["entities"] = message.entities
        else:
            if message.method == "sendDocument":
                data["document"] = self._document_json(message)
            else:
                data["photo"] = self._photo_json(message)
            if message.plain_text:
                data["caption"] = message.plain_text
                if message.entities:
                    data["caption_entities"] = message.entities
        # Only inline keyboards are part of a Message object.
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            data["reply_markup"] = {"inline_keyboard": message.reply_markup["inline_keyboard"]}
        return data

    def _document_json(self, message: SentMessage) -> JSONDict:
        document: JSONDict = {
            "file_id": message.file_id,
            "file_unique_id": f"U{message.file_id}",
        }
        if message.document_name is not None:
            document["file_name"] = message.document_name
        if message.document_bytes is not None:
            document["file_size"] = len(message.document_bytes)
        mime_type = self._files.content_type(message.file_id)
        if mime_type:
            document["mime_type"] = mime_type
        return document

    def _photo_json(self, message: SentMessage) -> list[JSONDict]:
        size = len(message.document_bytes) if message.document_bytes is not None else 0
        return [
            {
                "file_id": message.file_id,
                "file_unique_id": f"U{message.file_id}",
                "width": 320,
                "height": 240,
                "file_size": size,
            }
        ]
