"""The current instant, injectable: tests set the clock instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real current instant, aware, in UTC."""
    return datetime.now(UTC)


def running_from(moment: datetime, *, real: Clock = system_clock) -> Clock:
    """A clock that says `moment` now and then advances with real time (the console's demo)."""
    offset = moment - real()
    return lambda: real() + offset
