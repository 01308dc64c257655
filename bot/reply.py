"""What the bot says: HTML text and buttons as plain data (handlers make keyboards of them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """An inline button: its label and the callback data it sends back."""

    text: str
    data: str


@dataclass(frozen=True)
class Reply:
    """What the bot answers: HTML text and rows of buttons."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()


@dataclass(frozen=True)
class Refusal(Reply):
    """A reply saying "not allowed": to a button press it is an alert to the presser,
    never an edit of the message (which may be someone else's, when the data was forged)."""
