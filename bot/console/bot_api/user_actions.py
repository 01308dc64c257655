"""What users do in Telegram, as the updates' contents: messages, files, buttons, groups."""

from __future__ import annotations

import re
import time

from bot.console.bot_api.chats import Chats
from bot.console.bot_api.files import FileStore
from bot.console.bot_api.html import utf16_len
from bot.console.bot_api.records import FakeChat, FakeUser, JSONDict, SentMessage

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]+)?")


def text_message(
    chats: Chats,
    user: FakeUser,
    text: str,
    *,
    chat: FakeChat | None,
    entities: list[JSONDict] | None,
) -> JSONDict:
    """A text message from ``user`` in ``chat`` (or their private chat)."""
    chats.add_user(user)
    if chat is not None:
        chats.add_chat(chat)
    message = chats.user_message(user, chat.id if chat is not None else user.id)
    message["text"] = text
    command = _COMMAND_RE.match(text)
    if command is not None:
        # PTB's CommandHandler only reacts to messages with a bot_command entity at 0.
        message["entities"] = [
            {"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}
        ]
    if entities:
        message["entities"] = [*message.get("entities", []), *entities]
    return message


def document_message(
    chats: Chats,
    files: FileStore,
    user: FakeUser,
    file_name: str,
    content: bytes,
    *,
    caption: str | None,
    mime_type: str,
) -> JSONDict:
    """A message with a file from ``user`` in their private chat; the file is kept in ``files``."""
    chats.add_user(user)
    message = chats.user_message(user, user.id)
    file_id = files.user_file_id("doc", message["message_id"])
    files.from_users[file_id] = (f"documents/{file_id}", content)
    message["document"] = {
        "file_id": file_id,
        "file_unique_id": f"u{file_id}",
        "file_name": file_name,
        "mime_type": mime_type,
        "file_size": len(content),
    }
    if caption is not None:
        message["caption"] = caption
    return message


def photo_message(
    chats: Chats, files: FileStore, user: FakeUser, content: bytes, *, caption: str | None
) -> JSONDict:
    """A message with a photo from ``user`` in their private chat; kept in ``files``."""
    chats.add_user(user)
    message = chats.user_message(user, user.id)
    file_id = files.user_file_id("photo", message["message_id"])
    files.from_users[file_id] = (f"photos/{file_id}.jpg", content)
    message["photo"] = [
        {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "width": 800,
            "height": 600,
            "file_size": len(content),
        }
    ]
    if caption is not None:
        message["caption"] = caption
    return message


def button_press(
    chats: Chats, user: FakeUser, message: SentMessage, data: str, *, check: bool
) -> JSONDict:
    """A callback query: ``user`` pressed the button with ``data`` on the bot's ``message``."""
    current = chats.find_message(message.chat_id, message.message_id) or message
    # With ``check``, only a button on the current keyboard: a real user can press no other.
    if check:
        datas = [d for row in current.buttons() for _, d in row]
        if data not in datas:
            raise AssertionError(
                f"message {current.message_id} has no button with callback_data {data!r}; "
                f"buttons: {current.buttons()!r}"
            )
    chats.add_user(user)
    return chats.callback_query(user, current, data)


def bot_added(chats: Chats, user: FakeUser, chat: FakeChat, bot: JSONDict) -> JSONDict:
    """A my_chat_member change: ``user`` added the bot (User object ``bot``) to ``chat``."""
    chats.add_user(user)
    chats.add_chat(chat)
    return {
        "chat": chats.chat_json(chat.id),
        "from": user.to_json(),
        "date": int(time.time()),
        "old_chat_member": {"status": "left", "user": bot},
        "new_chat_member": {"status": "member", "user": bot},
    }
