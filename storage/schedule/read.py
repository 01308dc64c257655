"""Reading a schedule file: YAML or CSV bytes to a validated `Schedule` or `CsvMeetings`.

The whole file is checked before anything is written, and every problem is reported
with its line (YAML) or row (CSV) and field, because coordinators write these files by
hand or export them from a spreadsheet and fix them in one go.
"""

from __future__ import annotations

from pathlib import Path

from storage.schedule.csv_file import read_csv
from storage.schedule.errors import ScheduleError, ScheduleInvalid
from storage.schedule.specs import CsvMeetings, Schedule
from storage.schedule.yaml_file import read_yaml

# A schedule of a network is a few hundred lines; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 2_000_000


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
        return read_csv(text)
    return read_yaml(text)
