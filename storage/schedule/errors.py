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
    # A warning is worth a look but does not stop the import (a town outside the network).
    warning: bool = False


@dataclass(frozen=True)
class NamedRow:
    """What a CSV row names, kept even when the row has other problems: the workshop and
    the town are checked against the database too, so that every problem shows at once."""

    row: int
    workshop: str
    place: str | None


class ScheduleInvalid(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, errors: list[ScheduleError], rows: tuple[NamedRow, ...] = ()) -> None:
        super().__init__(f"{len(errors)} problem(s) in the schedule file")
        self.errors = errors
        self.rows = rows

    @property
    def error_count(self) -> int:
        """The problems that stop the import, warnings not counted."""
        return sum(1 for error in self.errors if not error.warning)
