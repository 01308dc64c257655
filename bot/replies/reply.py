"""What the bot says: HTML text and buttons as plain data (handlers make keyboards of them)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.attachments import Attachment

__all__ = ["Attachment", "Button", "Refusal", "Reply"]


@dataclass(frozen=True)
class Button:
    """An inline button: its label and the callback data it sends back."""

    text: str
    data: str


@dataclass(frozen=True)
class Reply:
    """What the bot answers: HTML text, rows of buttons, perhaps a photo or a document."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    attachment: Attachment | None = None


@dataclass(frozen=True)
class Refusal(Reply):
    """A reply saying "not allowed": to a button press it is an alert to the presser,
    never an edit of the message (which may be someone else's, when the data was forged)."""
