"""Reading a schedule file: YAML or CSV bytes to a validated `Schedule` or `CsvMeetings`.

The whole file is checked before anything is written, and every problem is reported
with its line (YAML) or row (CSV) and field, because coordinators write these files by
hand or export them from a spreadsheet and fix them in one go.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from storage.schedule.errors import ScheduleError, ScheduleInvalid

# A schedule of a network is a few hundred lines; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 2_000_000
MAX_YAML_NODES = 200_000

Location = tuple[str | int, ...]

# --- values -----------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_KEY = re.compile(r"^[a-z0-9-]+$")


def parse_date(value: object) -> date:
    """A date written as ISO `2009-01-15` or the Finnish way `15.1.2009`."""
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _FINNISH_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise PydanticCustomError("bad_date", "not a date", {"value": text})
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError("no_such_date", "no such date", {"value": text}) from None


def parse_time(value: object) -> time:
    """A time of day: `09:30`, `9.30` or just `13`."""
    if isinstance(value, time):
        return value
    text = str(value).strip()
    match = _TIME.match(text)
    if match is None:
        raise PydanticCustomError("bad_time", "not a time", {"value": text})
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise PydanticCustomError("bad_time", "not a time", {"value": text})
    return time(hour, minute)


def _blank_to_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _agenda_items(value: object) -> object:
    # A single agenda item may be written as plain text instead of a list of one.
    if isinstance(value, str):
        return [item.strip() for item in value.split("|") if item.strip()]
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
OptionalText = Annotated[Text | None, BeforeValidator(_blank_to_none)]
Day = Annotated[date, BeforeValidator(parse_date)]
TimeOfDay = Annotated[
    time | None, BeforeValidator(lambda v: None if _blank_to_none(v) is None else parse_time(v))
]


class _Model(BaseModel):
    # Unknown fields are errors: in a hand-written file they are nearly always typos.
    model_config = ConfigDict(extra="forbid", frozen=True)


class MeetingSpec(_Model):
    """One meeting as the file states it."""

    date: Day
    start: TimeOfDay = None
    end: TimeOfDay = None
    title: OptionalText = None
    place: OptionalText = None
    venue: OptionalText = None
    address: OptionalText = None
    agenda: Annotated[tuple[LongText, ...], BeforeValidator(_agenda_items)] = ()
    key: OptionalText = None
    status: Annotated[
        Literal["scheduled", "cancelled"],
        BeforeValidator(lambda v: _blank_to_none(v) or "scheduled"),
    ] = "scheduled"

    @field_validator("key")
    @classmethod
    def _key_shape(cls, value: str | None) -> str | None:
        if value is not None and not _KEY.match(value):
            raise PydanticCustomError("bad_key", "bad key", {"value": value})
        return value

    @model_validator(mode="after")
    def _end_after_start(self) -> MeetingSpec:
        if self.end is not None and self.start is None:
            raise PydanticCustomError("end_without_start", "end without start", {"field": "end"})
        if self.start is not None and self.end is not None and self.end <= self.start:
            raise PydanticCustomError(
                "end_before_start",
                "end before start",
                {
                    "field": "end",
                    "start": self.start.strftime("%H:%M"),
                    "end": self.end.strftime("%H:%M"),
                },
            )
        return self

    @property
    def default_key(self) -> str:
        """The key used when the file gives none: the date."""
        return self.date.isoformat()


class WorkshopSpec(_Model):
    """A theme workshop with its municipalities and meetings."""

    key: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    name: Text
    name_sv: OptionalText = None
    name_en: OptionalText = None
    aliases: tuple[Text, ...] = ()
    description: Annotated[LongText | None, BeforeValidator(_blank_to_none)] = None
    municipalities: tuple[Text, ...] = ()
    meetings: tuple[MeetingSpec, ...] = ()

    @field_validator("key")
    @classmethod
    def _key_shape(cls, value: str) -> str:
        if not _KEY.match(value):
            raise PydanticCustomError("bad_key", "bad key", {"value": value})
        return value


def _name_only(value: object) -> object:
    # `- Kerava` is short for `- {name: Kerava}`.
    return {"name": value} if isinstance(value, str) else value


class MunicipalitySpec(_Model):
    """A member town with its Swedish name where it has one."""

    name: Text
    name_sv: OptionalText = None


class CoordinatorSpec(_Model):
    """A contact person."""

    name: Text
    title: OptionalText = None
    email: OptionalText = None
    phone: OptionalText = None
    telegram_id: Annotated[int | None, BeforeValidator(_blank_to_none)] = None


class NetworkSpec(_Model):
    """The network itself."""

    name: Text
    timezone: OptionalText = None

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise PydanticCustomError(
                    "bad_timezone", "bad time zone", {"value": value}
                ) from None
        return value


class Schedule(_Model):
    """A whole YAML schedule file."""

    network: NetworkSpec
    coordinators: tuple[CoordinatorSpec, ...] | None = None
    municipalities: tuple[Annotated[MunicipalitySpec, BeforeValidator(_name_only)], ...] = ()
    workshops: tuple[WorkshopSpec, ...] = ()


@dataclass(frozen=True)
class CsvMeeting:
    """One CSV row: a meeting and the workshop it belongs to (key or exact name)."""

    workshop: str
    meeting: MeetingSpec
    row: int


@dataclass(frozen=True)
class CsvMeetings:
    """A CSV file: meetings to add or update, nothing else."""

    rows: tuple[CsvMeeting, ...]


# --- entry points -------------------------------------------------------------------------


def read_schedule(path: Path, *, file_format: str | None = None) -> Schedule | CsvMeetings:
    """Read and check a schedule file; raises `ScheduleInvalid` listing every problem."""
    fmt = file_format or format_of(path.name)
    return read_schedule_bytes(path.read_bytes(), fmt)


def format_of(filename: str) -> str:
    """`yaml`, `csv` or `text` (an announcement in prose) by the file name; ValueError
    for anything else."""
    suffix = Path(filename).suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return "yaml"
    if suffix == ".csv":
        return "csv"
    if suffix in {".txt", ".md", ".text"}:
        return "text"
    raise ValueError(f"unknown schedule file type {suffix or '(none)'}")


def read_text(data: bytes, *, is_row: bool = False) -> str:
    """The bytes of an uploaded file as text; raises `ScheduleInvalid` when they are not."""
    if len(data) > MAX_FILE_BYTES:
        raise ScheduleInvalid([ScheduleError("too_large", params={"limit": "2 MB"}, is_row=is_row)])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScheduleInvalid([ScheduleError("not_utf8", line=line, is_row=is_row)]) from None
    if "\x00" in text:
        raise ScheduleInvalid([ScheduleError("not_utf8", line=1, is_row=is_row)])
    return text


def read_schedule_bytes(data: bytes, file_format: str) -> Schedule | CsvMeetings:
    """Check the bytes of a YAML or CSV schedule; raises `ScheduleInvalid`."""
    if file_format not in {"yaml", "csv"}:
        raise ValueError(f"{file_format} is not a schedule file format")
    is_row = file_format == "csv"
    text = read_text(data, is_row=is_row)
    if not text.strip():
        raise ScheduleInvalid([ScheduleError("empty_file", is_row=is_row)])
    if file_format == "csv":
        return _read_csv(text)
    return _read_yaml(text)


# --- YAML ---------------------------------------------------------------------------------


def _read_yaml(text: str) -> Schedule:
    try:
        # BaseLoader keeps every scalar a string: `13:00` must not become 780 (YAML 1.1
        # sexagesimal) nor `2009-01-15` a date before our own checks see it.
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        raise ScheduleInvalid(
            [
                ScheduleError(
                    "yaml_syntax", line=line, params={"detail": str(error.problem or error)}
                )
            ]
        ) from None
    except yaml.YAMLError as error:
        raise ScheduleInvalid(
            [ScheduleError("yaml_syntax", params={"detail": str(error)})]
        ) from None
    if root is None:
        raise ScheduleInvalid([ScheduleError("empty_file")])
    if not isinstance(root, yaml.MappingNode):
        raise ScheduleInvalid([ScheduleError("not_mapping", line=root.start_mark.line + 1)])

    walker = _YamlWalker()
    data = walker.to_python(root, ())
    errors = list(walker.errors)
    schedule, cross_errors = _check_references(
        _validate_pieces(data, walker.line_of, errors), walker.line_of
    )
    errors += cross_errors
    if errors or schedule is None:
        raise ScheduleInvalid(sorted(errors, key=lambda e: (e.line or 0, e.field or "")))
    return schedule


_M = TypeVar("_M", bound=BaseModel)
_Meeting = TypeVar("_Meeting", MeetingSpec, MeetingSpec | None)
_SECTIONS = {"network", "coordinators", "municipalities", "workshops"}


@dataclass
class _Pieces:
    """The sections of a YAML file, each item validated on its own (None if invalid)."""

    network: NetworkSpec | None
    coordinators: list[CoordinatorSpec | None] | None
    municipalities: list[MunicipalitySpec | None]
    # A workshop with its meetings, each meeting None if invalid.
    workshops: list[tuple[WorkshopSpec, list[MeetingSpec | None]] | None]

    def complete(self) -> bool:
        meetings = [m for w in self.workshops if w is not None for m in w[1]]
        parts = [*(self.coordinators or []), *self.municipalities, *self.workshops, *meetings]
        return self.network is not None and None not in parts


def _validate_pieces(
    data: dict[str, Any], line_of: Callable[[Location], int | None], errors: list[ScheduleError]
) -> _Pieces:
    """Validate each section and each list item on its own, so that one broken workshop
    does not hide the problems of the others (nor the checks across the file)."""

    def piece(model: type[_M], value: object, location: Location) -> _M | None:
        try:
            return model.model_validate(value)
        except ValidationError as error:
            errors.extend(_from_pydantic(error, line_of, prefix=location))
            return None

    def items(name: str) -> list[Any]:
        value = data.get(name, [])
        if isinstance(value, list):
            return value
        errors.append(ScheduleError("not_list", line=line_of((name,)), field=name))
        return []

    for name in data.keys() - _SECTIONS:
        errors.append(ScheduleError("unknown_field", line=line_of((name,)), field=name))
    network = None
    if "network" not in data:
        errors.append(ScheduleError("missing", line=1, field="network"))
    else:
        network = piece(NetworkSpec, data["network"], ("network",))
    municipalities = [
        piece(MunicipalitySpec, _name_only(value), ("municipalities", index))
        for index, value in enumerate(items("municipalities"))
    ]
    coordinators = [
        piece(CoordinatorSpec, value, ("coordinators", index))
        for index, value in enumerate(items("coordinators"))
    ]

    def workshop(
        value: object, location: Location
    ) -> tuple[WorkshopSpec, list[MeetingSpec | None]] | None:
        if not isinstance(value, dict):
            piece(WorkshopSpec, value, location)
            return None
        raw = value.get("meetings", [])
        if not isinstance(raw, list):
            errors.append(
                ScheduleError("not_list", line=line_of((*location, "meetings")), field="meetings")
            )
            raw = []
        meetings = [piece(MeetingSpec, m, (*location, "meetings", i)) for i, m in enumerate(raw)]
        head = piece(WorkshopSpec, {k: v for k, v in value.items() if k != "meetings"}, location)
        return None if head is None else (head, meetings)

    workshops = [
        workshop(value, ("workshops", index)) for index, value in enumerate(items("workshops"))
    ]
    return _Pieces(
        network=network,
        coordinators=coordinators if "coordinators" in data else None,
        municipalities=municipalities,
        workshops=workshops,
    )


class _YamlWalker:
    """Turns YAML nodes into plain data, remembering the line of every value."""

    def __init__(self) -> None:
        self.lines: dict[Location, int] = {}
        self.errors: list[ScheduleError] = []
        self.nodes = 0

    def to_python(self, node: yaml.Node, location: Location) -> Any:
        self.nodes += 1
        if self.nodes > MAX_YAML_NODES:
            raise ScheduleInvalid(
                [ScheduleError("too_large", params={"limit": f"{MAX_YAML_NODES} values"})]
            )
        self.lines[location] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                child = (*location, key)
                if key in result:
                    self.errors.append(
                        ScheduleError(
                            "duplicate_field", line=key_node.start_mark.line + 1, field=key
                        )
                    )
                    continue
                result[key] = self.to_python(value_node, child)
                # The key's own line is where a reader looks for "unknown field" and friends.
                self.lines[child] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [
                self.to_python(item, (*location, index)) for index, item in enumerate(node.value)
            ]
        return node.value

    def line_of(self, location: Location) -> int | None:
        """The line of the deepest known part of `location`."""
        for end in range(len(location), -1, -1):
            if (line := self.lines.get(location[:end])) is not None:
                return line
        return None


_PYDANTIC_CODES = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "string_type": "not_text",
    "list_type": "not_list",
    "tuple_type": "not_list",
    "model_type": "not_mapping",
    "model_attributes_type": "not_mapping",
    "dict_type": "not_mapping",
    "int_parsing": "not_number",
    "int_type": "not_number",
    "string_too_long": "too_long",
    "string_too_short": "empty",
    "literal_error": "bad_status",
}


def _from_pydantic(
    error: ValidationError,
    line_of: Callable[[Location], int | None],
    *,
    prefix: Location = (),
    is_row: bool = False,
) -> list[ScheduleError]:
    problems = []
    for item in error.errors():
        location: Location = (*prefix, *item["loc"])
        ctx = {key: str(value) for key, value in (item.get("ctx") or {}).items()}
        code = _PYDANTIC_CODES.get(item["type"], item["type"])
        if code not in _CUSTOM_CODES and item["type"] not in _PYDANTIC_CODES:
            code, ctx = "invalid", {"detail": item["msg"]}
        if "field" in ctx:
            location = (*location, ctx.pop("field"))
        if "max_length" in ctx:
            ctx = {"limit": ctx["max_length"]}
        field_name = next((part for part in reversed(location) if isinstance(part, str)), None)
        problems.append(
            ScheduleError(code, line=line_of(location), field=field_name, params=ctx, is_row=is_row)
        )
    return problems


_CUSTOM_CODES = {
    "bad_date",
    "no_such_date",
    "bad_time",
    "end_without_start",
    "end_before_start",
    "bad_key",
    "bad_timezone",
}


def _check_references(
    pieces: _Pieces, line_of: Callable[[Location], int | None]
) -> tuple[Schedule | None, list[ScheduleError]]:
    """Checks across the file: names listed, keys unique; fills in default meeting keys.

    Pieces that failed validation are None here: already reported, but they keep their
    place so that every line number stays right.
    """
    errors: list[ScheduleError] = []

    known: dict[str, str] = {}
    for index, municipality in enumerate(pieces.municipalities):
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

    report_duplicates(
        [w[0].key if w else None for w in pieces.workshops],
        "duplicate_workshop",
        ("workshops",),
        line_of,
        errors,
    )
    workshops = []
    for w_index, piece in enumerate(pieces.workshops):
        if piece is None:
            continue
        workshop, checked_meetings = piece
        municipalities = []
        for m_index, name in enumerate(workshop.municipalities):
            canonical = known.get(name.casefold())
            if canonical is None:
                errors.append(
                    ScheduleError(
                        "unknown_municipality",
                        line=line_of(("workshops", w_index, "municipalities", m_index)),
                        field="municipalities",
                        params={"value": name},
                    )
                )
            else:
                municipalities.append(canonical)
        meetings = _with_keys(checked_meetings)
        report_duplicates(
            [m.key if m else None for m in meetings],
            "duplicate_meeting",
            ("workshops", w_index, "meetings"),
            line_of,
            errors,
        )
        workshops.append(
            workshop.model_copy(
                update={
                    "municipalities": tuple(dict.fromkeys(municipalities)),
                    "meetings": tuple(m for m in meetings if m is not None),
                }
            )
        )
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


def report_duplicates(
    keys: Sequence[str | None],
    code: str,
    location: Location,
    line_of: Callable[[Location], int | None],
    errors: list[ScheduleError],
) -> None:
    """Report every key that repeats one before it, at the repeat's line."""
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            errors.append(
                ScheduleError(
                    code, line=line_of((*location, index)), field="key", params={"value": key}
                )
            )
        seen.add(key)


def _with_keys(meetings: Sequence[_Meeting]) -> tuple[_Meeting, ...]:
    """Give every meeting its key: the date, plus the start time where two share a date."""
    per_day = Counter(m.date for m in meetings if m is not None and m.key is None)
    keyed: list[_Meeting] = []
    for meeting in meetings:
        if meeting is not None and meeting.key is None:
            key = meeting.default_key
            if per_day[meeting.date] > 1 and meeting.start is not None:
                key += f"-{meeting.start:%H%M}"
            meeting = meeting.model_copy(update={"key": key})
        keyed.append(meeting)
    return tuple(keyed)


# --- CSV ----------------------------------------------------------------------------------

CSV_COLUMNS = (
    "workshop",
    "date",
    "start",
    "end",
    "place",
    "venue",
    "address",
    "agenda",
    "key",
    "status",
    "title",
)
CSV_REQUIRED = ("workshop", "date")


def _read_csv(text: str) -> CsvMeetings:
    header_line = text.splitlines()[0]
    # Spreadsheets in a Finnish locale export with semicolons, because the comma is the
    # decimal separator there.
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[ScheduleError] = []
    try:
        header = [column.strip().lower() for column in next(reader)]
        for column in header:
            if column not in CSV_COLUMNS:
                errors.append(
                    ScheduleError("unknown_column", line=1, field=column or "?", is_row=True)
                )
        for column in CSV_REQUIRED:
            if column not in header:
                errors.append(ScheduleError("missing_column", line=1, field=column, is_row=True))
        if errors:
            raise ScheduleInvalid(errors)

        rows: list[CsvMeeting] = []
        for cells in reader:
            row = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(header):
                errors.append(ScheduleError("too_many_cells", line=row, is_row=True))
                continue
            values = dict(zip(header, cells, strict=False))
            workshop = values.pop("workshop", "").strip()
            if not workshop:
                errors.append(ScheduleError("missing", line=row, field="workshop", is_row=True))
            meeting_fields = {name: value for name, value in values.items() if value.strip()}
            try:
                meeting = MeetingSpec.model_validate(meeting_fields)
            except ValidationError as error:
                errors += _from_pydantic(error, partial(_same_row, row), is_row=True)
                continue
            if workshop:
                rows.append(CsvMeeting(workshop=workshop, meeting=meeting, row=row))
    except csv.Error as error:
        errors.append(
            ScheduleError(
                "csv_syntax", line=reader.line_num, params={"detail": str(error)}, is_row=True
            )
        )
    if errors:
        raise ScheduleInvalid(errors)
    return CsvMeetings(rows=_csv_keys(rows))


def _row_at(rows: tuple[int, ...], location: Location) -> int | None:
    return rows[int(location[-1])] if location else None


def _same_row(row: int, _location: Location) -> int:
    return row


def _csv_keys(rows: list[CsvMeeting]) -> tuple[CsvMeeting, ...]:
    by_workshop: dict[str, list[CsvMeeting]] = {}
    for row in rows:
        by_workshop.setdefault(row.workshop, []).append(row)
    keyed: dict[int, CsvMeeting] = {}
    errors: list[ScheduleError] = []
    for group in by_workshop.values():
        meetings = _with_keys([row.meeting for row in group])
        row_numbers = tuple(row.row for row in group)
        report_duplicates(
            [m.key or "" for m in meetings],
            "duplicate_meeting",
            (),
            partial(_row_at, row_numbers),
            errors,
        )
        for row, meeting in zip(group, meetings, strict=True):
            keyed[row.row] = CsvMeeting(workshop=row.workshop, meeting=meeting, row=row.row)
    if errors:
        raise ScheduleInvalid([replace(error, is_row=True) for error in errors])
    return tuple(keyed[row.row] for row in rows)
