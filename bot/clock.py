"""The current instant, injectable: tests set the clock instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real current instant, aware, in UTC."""
    return datetime.now(UTC)
