"""Problems found in a schedule file, as codes with parameters.

The texts live in the bot's catalogs (`import-error-<code>`), so that the same problem
reads well in Finnish, Swedish and English, on the command line and in a chat.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class ScheduleError:
    """One problem: where (line or row), in which field, and what."""

    code: str
    line: int | None = None
    field: str | None = None
    params: dict[str, str] = dataclasses.field(default_factory=dict)
    # True for CSV, where a spreadsheet user thinks in rows rather than lines.
    is_row: bool = False


class ScheduleInvalid(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, errors: list[ScheduleError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in the schedule file")
        self.errors = errors
