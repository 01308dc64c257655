"""Names a schedule file gives, checked against the network in the database: a workshop
that is not there, a town that is not one of the network's municipalities, and the
closest name when it looks like a typing slip ("Kirkkonumi" for Kirkkonummi)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Municipality, Workshop
from storage.schedule.errors import NamedRow, ScheduleError, ScheduleInvalid
from storage.schedule.read import read_schedule_bytes
from storage.schedule.similar import closest, with_suggestion
from storage.schedule.specs import CsvMeetings, Schedule


@dataclass(frozen=True)
class NetworkNames:
    """The workshops by key and name, and the municipalities by their Finnish and Swedish
    names (folded) with the Finnish name a place is stored under."""

    workshops: dict[str, str]  # key or exact name -> key
    towns: dict[str, str]  # folded Finnish or Swedish name -> Finnish name

    def workshop(self, name: str) -> str | None:
        """The key of the workshop the file names, or None."""
        return self.workshops.get(name)

    def town(self, place: str) -> str | None:
        """The Finnish name of the municipality `place` is, in either language, or None."""
        return self.towns.get(place.strip().casefold())


async def load_names(session: AsyncSession) -> NetworkNames:
    """The workshops and municipalities as they are stored now."""
    workshops: dict[str, str] = {}
    for workshop in await session.scalars(select(Workshop)):
        workshops[workshop.key] = workshop.key
        workshops.setdefault(workshop.name, workshop.key)
    towns: dict[str, str] = {}
    for municipality in await session.scalars(select(Municipality)):
        towns[municipality.name.casefold()] = municipality.name
        if municipality.name_sv:
            towns.setdefault(municipality.name_sv.casefold(), municipality.name)
    return NetworkNames(workshops, towns)


def row_problems(names: NetworkNames, rows: Sequence[NamedRow]) -> list[ScheduleError]:
    """Unknown workshops (errors) and towns outside the network (warnings) of CSV rows,
    each with the closest known name when there is one."""
    problems = []
    for row in rows:
        if names.workshop(row.workshop) is None:
            problems.append(
                with_suggestion(
                    ScheduleError(
                        "unknown_workshop",
                        line=row.row,
                        field="workshop",
                        params={"value": row.workshop},
                        is_row=True,
                    ),
                    closest(row.workshop, names.workshops),
                )
            )
        if row.place is not None and names.towns and names.town(row.place) is None:
            problems.append(
                with_suggestion(
                    ScheduleError(
                        "not_member_town",
                        line=row.row,
                        field="place",
                        params={"value": row.place},
                        is_row=True,
                        warning=True,
                    ),
                    closest(row.place, sorted(set(names.towns.values()))),
                )
            )
    return problems


async def read_checked(
    session: AsyncSession, data: bytes, file_format: str
) -> Schedule | CsvMeetings:
    """`read_schedule_bytes`, with a CSV file's names checked against the database too
    when its rows have other problems, so that a coordinator fixes everything in one go."""
    try:
        return read_schedule_bytes(data, file_format)
    except ScheduleInvalid as invalid:
        if not invalid.rows:
            raise
        found = row_problems(await load_names(session), invalid.rows)
        errors = sorted([*invalid.errors, *found], key=lambda e: (e.line or 0, e.field or ""))
        raise ScheduleInvalid(errors) from None
