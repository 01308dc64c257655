"""Reading a CSV file of meetings, as spreadsheets export it."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from functools import partial

from pydantic import ValidationError

from storage.schedule.errors import NamedRow, ScheduleError, ScheduleInvalid
from storage.schedule.problems import Location, from_pydantic, report_duplicates
from storage.schedule.specs import CsvMeeting, CsvMeetings, MeetingSpec, with_keys

# The columns a file may have, in any order; the required ones must be there.
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

# The same columns as a Finnish or a Swedish spreadsheet names them: the header row is
# written by people, in their own language, so either is read as the English one.
CSV_HEADERS_FI = {
    "verstas": "workshop",
    "teemaverstas": "workshop",
    "päivämäärä": "date",
    "pvm": "date",
    "päivä": "date",
    "alkaa": "start",
    "alku": "start",
    "päättyy": "end",
    "loppu": "end",
    "paikka": "place",
    "paikkakunta": "place",
    "kunta": "place",
    "tila": "venue",
    "kokouspaikka": "venue",
    "osoite": "address",
    "asialista": "agenda",
    "esityslista": "agenda",
    "tunnus": "key",
    "tilanne": "status",
    "otsikko": "title",
}
CSV_HEADERS_SV = {
    "verkstad": "workshop",
    "temaverkstad": "workshop",
    "datum": "date",
    "dag": "date",
    "börjar": "start",
    "början": "start",
    "slutar": "end",
    "slut": "end",
    "ort": "place",
    "plats": "place",
    "kommun": "place",
    "lokal": "venue",
    "adress": "address",
    "föredragningslista": "agenda",
    "dagordning": "agenda",
    "nyckel": "key",
    "status": "status",
    "rubrik": "title",
}
_HEADER_NAMES = {**CSV_HEADERS_FI, **CSV_HEADERS_SV, **{name: name for name in CSV_COLUMNS}}


def read_csv(text: str) -> CsvMeetings:
    """Check a CSV file of meetings, row by row; raises `ScheduleInvalid`."""
    header_line = text.splitlines()[0]
    # Spreadsheets in a Finnish locale export with semicolons, because the comma is the
    # decimal separator there.
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    errors: list[ScheduleError] = []
    try:
        written = [column.strip().casefold() for column in next(reader)]
        header = [_HEADER_NAMES.get(column, column) for column in written]
        for column in written:
            if column not in _HEADER_NAMES:
                errors.append(
                    ScheduleError("unknown_column", line=1, field=column or "?", is_row=True)
                )
        for column in CSV_REQUIRED:
            if column not in header:
                errors.append(ScheduleError("missing_column", line=1, field=column, is_row=True))
        if errors:
            raise ScheduleInvalid(errors)

        rows: list[CsvMeeting] = []
        named: list[NamedRow] = []
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
            else:
                named.append(NamedRow(row, workshop, values.get("place", "").strip() or None))
            meeting_fields = {name: value for name, value in values.items() if value.strip()}
            try:
                meeting = MeetingSpec.model_validate(meeting_fields)
            except ValidationError as error:
                errors += from_pydantic(error, partial(_same_row, row), is_row=True)
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
        raise ScheduleInvalid(errors, rows=tuple(named))
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
        meetings = with_keys([row.meeting for row in group])
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
