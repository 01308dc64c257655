"""What the fake records and tests look at: users, chats, uploaded files, sent messages, calls."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

JSONDict = dict[str, Any]

_CHAT_TYPES = frozenset({"private", "group", "supergroup", "channel"})


@dataclass
class FakeUser:
    """A human Telegram user: the person at the console, or one a test acts as."""

    id: int
    first_name: str = "Testi"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "fi"

    def to_json(self) -> JSONDict:
        """Return the Bot API ``User`` object."""
        data: JSONDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        if self.language_code is not None:
            data["language_code"] = self.language_code
        return data


@dataclass
class FakeChat:
    """A chat; ``type`` is "private", "group", "supergroup" or "channel"."""

    id: int
    type: str = "private"
    title: str | None = None

    def __post_init__(self) -> None:
        """Reject chat types Telegram does not have."""
        if self.type not in _CHAT_TYPES:
            raise ValueError(f"unknown chat type {self.type!r}")


@dataclass
class UploadedFile:
    """A file part of a multipart request (or a file re-sent by file_id)."""

    filename: str | None
    content: bytes = field(repr=False)
    content_type: str | None = None


@dataclass
class SentMessage:
    """A message the bot sent; ``text`` is the raw text (caption for media) as the bot sent it.

    ``plain_text``/``entities`` are what Telegram shows after parsing ``parse_mode``.
    ``edits`` lists the raw texts set by each successful editMessageText/Caption, in order
    (``original_text`` keeps the first version). For sendPhoto, ``document_name`` and
    ``document_bytes`` hold the uploaded photo.
    """

    message_id: int
    chat_id: int
    method: str
    text: str | None = None
    parse_mode: str | None = None
    reply_markup: JSONDict | None = None
    document_name: str | None = None
    document_bytes: bytes | None = field(default=None, repr=False)
    edits: list[str] = field(default_factory=list)
    plain_text: str | None = None
    entities: list[JSONDict] = field(default_factory=list, repr=False)
    original_text: str | None = None
    file_id: str | None = None
    deleted: bool = False
    date: int = 0
    edit_date: int | None = None
    params: JSONDict = field(default_factory=dict, repr=False)
    # When the server received it (wall clock, UTC), for punctuality checks.
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC), repr=False)

    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Return the keyboard as rows of (text, callback_data); callback_data is None if absent."""
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        result: list[list[tuple[str, str | None]]] = []
        for row in rows:
            out_row: list[tuple[str, str | None]] = []
            for button in row:
                if isinstance(button, str):  # reply keyboards may use bare strings
                    out_row.append((button, None))
                else:
                    out_row.append((str(button.get("text", "")), button.get("callback_data")))
            result.append(out_row)
        return result

    def callback_data(self, button_text: str) -> str:
        """Return the callback_data of the inline button labelled ``button_text``."""
        for row in self.buttons():
            for text, data in row:
                if text == button_text and data is not None:
                    return data
        raise AssertionError(
            f"no callback button {button_text!r} on message {self.message_id}; "
            f"buttons: {self.buttons()!r}"
        )

    def describe(self) -> str:
        """Return a one-line human-readable summary for assertion messages."""
        flags = " (deleted)" if self.deleted else ""
        doc = f" file={self.document_name!r}" if self.document_name else ""
        buttons = f" buttons={self.buttons()!r}" if self.reply_markup else ""
        return (
            f"#{self.message_id} to {self.chat_id} via {self.method}{flags}: "
            f"{self.text!r} parse_mode={self.parse_mode!r}{doc}{buttons}"
        )


@dataclass
class ApiCall:
    """One HTTP request the bot made: decoded params and the HTTP status answered."""

    method: str
    params: JSONDict
    status: int
    response: Any = field(default=None, repr=False)
    # When the request arrived (this process's monotonic clock): how long the bot waited
    # after a 429 is measured with it.
    at: float = field(default_factory=time.monotonic, repr=False)
