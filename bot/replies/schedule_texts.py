"""The schedule importer's problems and reports as lines of text in one language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_day
from storage.models import MeetingStatus
from storage.schedule import ImportReport, ScheduleError

# The fields as the schedule file names them.
FILE_FIELD = {"starts_at": "start", "ends_at": "end"}


def describe_error(texts: Texts, language: str, error: ScheduleError) -> str:
    """`line 12, start: "25:00" is not a time; write e.g. 09:30 or 13.00`."""
    if error.line is None:
        where = texts(language, "import-where-file")
    else:
        key = "import-where-row" if error.is_row else "import-where-line"
        where = texts(language, key, line=error.line)
    if error.field:
        where += f", {error.field}"
    message = texts(language, f"import-error-{error.code}", **error.params)
    return f"{where}: {message}"


def describe_report(texts: Texts, language: str, report: ImportReport, zone: ZoneInfo) -> list[str]:
    """A summary line, then one line per meeting that was added, changed or is missing."""
    lines = []
    if not report.changed_anything:
        lines.append(texts(language, "import-nothing-changed"))
    if report.workshops_added:
        lines.append(
            texts(language, "import-added-workshops", list=", ".join(report.workshops_added))
        )
    if report.municipalities_added:
        lines.append(
            texts(
                language, "import-added-municipalities", list=", ".join(report.municipalities_added)
            )
        )
    lines += _named_changes(texts, language, report, zone)
    for change in report.meetings:
        args: dict[str, str | int] = {
            "workshop": change.workshop_key,
            "date": format_day(change.date, language),
        }
        if change.kind == "changed":
            args["fields"] = _fields(change.fields, language, zone)
        lines.append(texts(language, f"import-meeting-{change.kind}", **args))
    lines.append(
        texts(
            language,
            "import-done",
            added=report.count("added"),
            changed=report.count("changed"),
            cancelled=report.count("cancelled"),
            unchanged=report.meetings_unchanged,
        )
    )
    return lines


def _named_changes(texts: Texts, language: str, report: ImportReport, zone: ZoneInfo) -> list[str]:
    """A line for each municipality, workshop and contact the file changes, field by field."""
    lines = [
        texts(language, key, name=change.name, fields=_fields(change.fields, language, zone))
        for key, changes in (
            ("import-municipality-changed", report.municipalities_changed),
            ("import-workshop-changed", report.workshops_changed),
            ("import-coordinator-changed", report.coordinators_changed),
        )
        for change in changes
    ]
    for key, names in (
        ("import-coordinator-added", report.coordinators_added),
        ("import-coordinator-removed", report.coordinators_removed),
    ):
        lines += [texts(language, key, name=name) for name in names]
    for key, grants in (
        ("import-role-granted", report.roles_granted),
        ("import-role-withheld", report.roles_withheld),
    ):
        lines += [texts(language, key, name=g.name, id=str(g.telegram_id)) for g in grants]
    return lines


def _fields(fields: dict[str, tuple[Any, Any]], language: str, zone: ZoneInfo) -> str:
    """`place Kirkkonummi → Siuntio; start 13.00 → 14.00`, in the file's field names."""
    return "; ".join(
        f"{FILE_FIELD.get(name, name)} {_value(old, language, zone)}"
        f" → {_value(new, language, zone)}"
        for name, (old, new) in fields.items()
    )


def _value(value: Any, language: str, zone: ZoneInfo) -> str:
    if value is None or value == []:
        return "–"
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%-H.%M" if language != "en" else "%H:%M")
    if isinstance(value, date):
        return format_day(value, language)
    if isinstance(value, MeetingStatus):
        return value.value
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return str(value)
