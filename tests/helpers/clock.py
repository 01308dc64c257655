"""A clock the test moves by hand."""

from __future__ import annotations

from datetime import datetime, timedelta


class ManualClock:
    """Says the same instant until the test advances it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        """Move forward by a timedelta given as keywords (minutes=5)."""
        self.now += timedelta(**delta)
        return self.now

    def set(self, moment: datetime) -> None:
        """Jump to a moment."""
        self.now = moment
