"""Finnish public holidays, named in the reader's language (the `holidays` library's data)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

# The library's names of our languages.
_LOCALES = {"fi": "fi", "sv": "sv_FI", "en": "en_US"}


@lru_cache(maxsize=32)
def _calendar(year: int, language: str) -> HolidayBase:
    # Imported at the first date poll, not at every start (see `public_holidays`).
    from holidays import country_holidays

    return country_holidays("FI", years=year, language=_LOCALES.get(language, "fi"))


def holiday_name(day: date, language: str) -> str | None:
    """The public holiday on `day` (`Helatorstai`, `Kristi himmelsfärdsdag`), or None."""
    name = _calendar(day.year, language).get(day)
    return str(name) if name else None
