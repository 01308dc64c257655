"""Checking a YAML schedule: each section and item on its own, then across the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from storage.schedule.errors import ScheduleError
from storage.schedule.problems import LineOf, Location, from_pydantic, report_duplicates
from storage.schedule.similar import closest, with_suggestion
from storage.schedule.specs import (
    CoordinatorSpec,
    MeetingSpec,
    MunicipalitySpec,
    NetworkSpec,
    Schedule,
    WorkshopSpec,
    name_only,
    with_keys,
)

_M = TypeVar("_M", bound=BaseModel)

_SECTIONS = {"network", "coordinators", "municipalities", "workshops"}


# A workshop with its meetings, each meeting None if invalid.
CheckedWorkshop = tuple[WorkshopSpec, list[MeetingSpec | None]]


@dataclass
class Pieces:
    """The sections of a YAML file, each item validated on its own (None if invalid)."""

    network: NetworkSpec | None
    coordinators: list[CoordinatorSpec | None] | None
    municipalities: list[MunicipalitySpec | None]
    workshops: list[CheckedWorkshop | None]

    def complete(self) -> bool:
        """Whether every piece passed its own checks."""
        meetings = [m for w in self.workshops if w is not None for m in w[1]]
        parts = [*(self.coordinators or []), *self.municipalities, *self.workshops, *meetings]
        return self.network is not None and None not in parts


def validate_pieces(data: dict[str, Any], line_of: LineOf, errors: list[ScheduleError]) -> Pieces:
    """Validate each section and each list item on its own, so that one broken workshop
    does not hide the problems of the others (nor the checks across the file)."""
    check = _PieceCheck(line_of, errors)
    for name in data.keys() - _SECTIONS:
        errors.append(ScheduleError("unknown_field", line=line_of((name,)), field=name))
    network = None
    if "network" not in data:
        errors.append(ScheduleError("missing", line=1, field="network"))
    else:
        network = check.piece(NetworkSpec, data["network"], ("network",))
    municipalities = [
        check.piece(MunicipalitySpec, name_only(value), ("municipalities", index))
        for index, value in enumerate(check.items(data, "municipalities"))
    ]
    coordinators = [
        check.piece(CoordinatorSpec, value, ("coordinators", index))
        for index, value in enumerate(check.items(data, "coordinators"))
    ]
    workshops = [
        check.workshop(value, ("workshops", index))
        for index, value in enumerate(check.items(data, "workshops"))
    ]
    return Pieces(
        network=network,
        coordinators=coordinators if "coordinators" in data else None,
        municipalities=municipalities,
        workshops=workshops,
    )


@dataclass
class _PieceCheck:
    """Validates pieces one at a time, adding their problems to the file's."""

    line_of: LineOf
    errors: list[ScheduleError]

    def piece(self, model: type[_M], value: object, location: Location) -> _M | None:
        """The value as the model, or None with its problems reported."""
        try:
            return model.model_validate(value)
        except ValidationError as error:
            self.errors.extend(from_pydantic(error, self.line_of, prefix=location))
            return None

    def items(self, data: dict[str, Any], name: str) -> list[Any]:
        """The items of a list section; a section that is no list is reported."""
        value = data.get(name, [])
        if isinstance(value, list):
            return value
        self.errors.append(ScheduleError("not_list", line=self.line_of((name,)), field=name))
        return []

    def workshop(self, value: object, location: Location) -> CheckedWorkshop | None:
        """A workshop and each of its meetings, checked on their own."""
        if not isinstance(value, dict):
            self.piece(WorkshopSpec, value, location)
            return None
        raw = value.get("meetings", [])
        if not isinstance(raw, list):
            self.errors.append(
                ScheduleError(
                    "not_list", line=self.line_of((*location, "meetings")), field="meetings"
                )
            )
            raw = []
        meetings = [
            self.piece(MeetingSpec, m, (*location, "meetings", i)) for i, m in enumerate(raw)
        ]
        head = self.piece(
            WorkshopSpec, {k: v for k, v in value.items() if k != "meetings"}, location
        )
        return None if head is None else (head, meetings)


def check_references(
    pieces: Pieces, line_of: LineOf
) -> tuple[Schedule | None, list[ScheduleError]]:
    """Checks across the file: names listed, keys unique; fills in default meeting keys.

    Pieces that failed validation are None here: already reported, but they keep their
    place so that every line number stays right.
    """
    errors: list[ScheduleError] = []
    known = _municipality_names(pieces.municipalities, line_of, errors)
    report_duplicates(
        [w[0].key if w else None for w in pieces.workshops],
        "duplicate_workshop",
        ("workshops",),
        line_of,
        errors,
    )
    workshops = [
        _checked_workshop(piece, ("workshops", index), known, line_of, errors)
        for index, piece in enumerate(pieces.workshops)
        if piece is not None
    ]
    if pieces.network is None or not pieces.complete():
        return None, errors
    schedule = Schedule(
        network=pieces.network,
        coordinators=None
        if pieces.coordinators is None
        else tuple(c for c in pieces.coordinators if c is not None),
        municipalities=tuple(m for m in pieces.municipalities if m is not None),
        workshops=tuple(workshops),
    )
    return schedule, errors


def _municipality_names(
    municipalities: list[MunicipalitySpec | None], line_of: LineOf, errors: list[ScheduleError]
) -> dict[str, str]:
    """Every name of a municipality, Finnish and Swedish, folded -> its Finnish name; a
    name given twice is reported."""
    known: dict[str, str] = {}
    for index, municipality in enumerate(municipalities):
        if municipality is None:
            continue
        names = {municipality.name.casefold()}
        if municipality.name_sv:
            names.add(municipality.name_sv.casefold())
        for name in names:
            if name in known:
                errors.append(
                    ScheduleError(
                        "duplicate_municipality",
                        line=line_of(("municipalities", index)),
                        field="name",
                        params={"value": municipality.name},
                    )
                )
            known[name] = municipality.name
    return known


def _own_town(meeting: MeetingSpec | None, known: dict[str, str]) -> MeetingSpec | None:
    if meeting is None or meeting.place is None:
        return meeting
    town = known.get(meeting.place.casefold())
    return meeting if town is None else meeting.model_copy(update={"place": town})


def _checked_workshop(
    piece: CheckedWorkshop,
    location: Location,
    known: dict[str, str],
    line_of: LineOf,
    errors: list[ScheduleError],
) -> WorkshopSpec:
    """A workshop with its municipalities by their Finnish names and its meetings keyed;
    unknown municipalities and repeated meeting keys are reported."""
    workshop, checked_meetings = piece
    municipalities = []
    for index, name in enumerate(workshop.municipalities):
        canonical = known.get(name.casefold())
        if canonical is None:
            error = ScheduleError(
                "unknown_municipality",
                line=line_of((*location, "municipalities", index)),
                field="municipalities",
                params={"value": name},
            )
            errors.append(with_suggestion(error, closest(name, set(known.values()))))
        else:
            municipalities.append(canonical)
    # A meeting's town in Swedish or in other letters is the municipality's Finnish name.
    meetings = with_keys([_own_town(m, known) for m in checked_meetings])
    report_duplicates(
        [m.key if m else None for m in meetings],
        "duplicate_meeting",
        (*location, "meetings"),
        line_of,
        errors,
    )
    update: dict[str, object] = {"meetings": tuple(m for m in meetings if m is not None)}
    # Only a list the file gives is stated: a workshop without one keeps its members.
    if "municipalities" in workshop.model_fields_set:
        update["municipalities"] = tuple(dict.fromkeys(municipalities))
    return workshop.model_copy(update=update)
