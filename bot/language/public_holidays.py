"""The Finnish public holidays a question counts from: "ennen joulua", "före påsk",
"before midsummer". Their dates come from the `holidays` package; their names in the three
languages are here.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from bot.language.finnish import Lexicon

# A holiday as people name it -> the days it covers, by the package's English names.
_SPANS: dict[str, tuple[str, ...]] = {
    "christmas": ("Christmas Eve", "Christmas Day", "Second Day of Christmas"),
    "new-year": ("New Year's Day",),
    "epiphany": ("Epiphany",),
    "easter": ("Good Friday", "Easter Sunday", "Easter Monday"),
    "may-day": ("May Day",),
    "ascension": ("Ascension Day",),
    "pentecost": ("Pentecost",),
    "midsummer": ("Midsummer Eve", "Midsummer Day"),
    "all-saints": ("All Saints' Day",),
    "independence": ("Independence Day",),
}

_NAMES: dict[str, str] = {
    "christmas": "joulu jouluaatto joulupäivä jul julen julafton christmas xmas",
    "new-year": "uusivuosi uudenvuodenpäivä nyår nyåret nyårsdagen",
    "epiphany": "loppiainen trettondagen trettondag epiphany",
    "easter": "pääsiäinen pääsiäis pitkäperjantai påsk påsken långfredag långfredagen easter",
    "may-day": "vappu valborg vappen",
    "ascension": "helatorstai himmelfärd himmelfärdsdagen ascension",
    "pentecost": "helluntai pingst pingsten pentecost whitsun whitsunday",
    "midsummer": "juhannus juhannusaatto midsommar midsommaren midsommarafton midsummer",
    "all-saints": "pyhäinpäivä allhelgona",
    "independence": "itsenäisyyspäivä självständighetsdagen independence",
}

HOLIDAYS: Lexicon[str] = Lexicon(
    (name, key) for key, names in _NAMES.items() for name in names.split()
)

# "ennen joulua", "före jul", "innan påsk", "before Easter": the days until the holiday.
BEFORE = frozenset({"ennen", "före", "innan", "before"})


@lru_cache(maxsize=64)
def _days_of(year: int) -> dict[str, list[date]]:
    # Imported when first asked about a holiday, not at every start: the package holds
    # every country's data, and most starts never need it.
    from holidays import country_holidays

    named: dict[str, list[date]] = {}
    for day, names in country_holidays("FI", years=year, language="en_US").items():
        for name in names.split("; "):
            named.setdefault(name, []).append(day)
    return named


def holiday_days(key: str, today: date) -> tuple[date, date] | None:
    """The first and last day of the holiday's next time, this year's until it has passed."""
    for year in (today.year, today.year + 1):
        named = _days_of(year)
        days = sorted(day for name in _SPANS[key] for day in named.get(name, []))
        if days and days[-1] >= today:
            return days[0], days[-1]
    return None
