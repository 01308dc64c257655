"""A photo or a document that goes with an announcement."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attachment:
    """A photo or a document that Telegram already has, sent on by its file id."""

    kind: str  # "photo" or "document"
    file_id: str
