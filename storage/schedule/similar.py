"""The closest of known names, for a name with a typing slip ("Kirkkonumi").

The standard library's difflib does it: the lists are a few dozen names, and its ratio
finds a letter left out, doubled or swapped as well as a faster library would.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

from storage.schedule.errors import ScheduleError

# How alike a name must be to be offered: 0.8 takes one slip in a name of five letters
# or more, and leaves unrelated towns alone.
SIMILAR = 0.8


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like `name`, compared without case; None when none is close."""
    by_folded = {candidate.casefold(): candidate for candidate in candidates}
    found = get_close_matches(name.casefold(), list(by_folded), n=1, cutoff=SIMILAR)
    return by_folded[found[0]] if found else None


def with_suggestion(error: ScheduleError, suggestion: str | None) -> ScheduleError:
    """The problem with "did you mean …" (`<code>_suggestion`) when there is a close name."""
    if suggestion is None:
        return error
    return ScheduleError(
        f"{error.code}_suggestion",
        line=error.line,
        field=error.field,
        params={**error.params, "suggestion": suggestion},
        is_row=error.is_row,
        warning=error.warning,
    )
