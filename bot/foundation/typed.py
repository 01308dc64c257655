"""What people type that the bot must read exactly: numbers of meetings, users, pages."""

from __future__ import annotations

import re

# ASCII digits only: str.isdigit() also accepts "²" and "٣", which int() refuses. At most
# 15 digits: every id fits in the databases' 64-bit integers (Telegram's ids are < 2**52).
_NUMBER = re.compile(r"[0-9]{1,15}")


def number(text: str) -> int | None:
    """The whole text as a non-negative number, or None."""
    cleaned = text.strip()
    return int(cleaned) if _NUMBER.fullmatch(cleaned) else None
