"""What the bot says: HTML text and buttons as plain data (handlers make keyboards of them)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.attachments import Attachment

__all__ = ["CAPTION_LIMIT", "MESSAGE_LIMIT", "Attachment", "Button", "Refusal", "Reply"]

# Telegram refuses longer messages; longer replies are split at line breaks when sent.
MESSAGE_LIMIT = 4096
# Telegram's limit for the caption of a photo or document. Both limits are applied to the
# HTML, which is never shorter than the text Telegram counts.
CAPTION_LIMIT = 1024


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
    # Personal data (someone's names, feed address, own data): asked for in a group, it is
    # answered in the asker's private chat, never in the group.
    personal: bool = False


@dataclass(frozen=True)
class Refusal(Reply):
    """A reply saying "not allowed": to a button press it is an alert to the presser,
    never an edit of the message (which may be someone else's, when the data was forged)."""
