"""The console's "now": the demo season's moment it starts from, or one given with --at."""

# Apart from the session, so that the command line can offer --at without importing the
# console, and with it the local Bot API, for every other command.

from __future__ import annotations

from datetime import datetime, time

from storage.schedule.values import parse_date, parse_time

# In the network's time zone (BOT_TIMEZONE), which is attached when the bot starts.
DEMO_MOMENT = datetime(2009, 1, 8, 9, 25)  # noqa: DTZ001
# A date alone means the morning of that day.
MORNING = time(9)


def parse_moment(text: str) -> datetime:
    """`1.3.2009 12.00`, `2009-03-01T12:00`, or a date alone (9.00 that morning); local time."""
    day, _, clock = text.strip().replace("T", " ", 1).partition(" ")
    try:
        return datetime.combine(parse_date(day), parse_time(clock) if clock.strip() else MORNING)
    except ValueError:
        raise ValueError(f"'{text}' is not a moment; write e.g. '1.3.2009 12.00'") from None
