"""The schedule importer's problems and reports as lines of text in one language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_clock, format_day, format_when
from bot.services.directory import Directory
from storage.models import MeetingStatus
from storage.schedule import ImportReport, MeetingChange, ScheduleError

# The fields as the schedule file names them.
FILE_FIELD = {"starts_at": "start", "ends_at": "end"}


def describe_error(texts: Texts, language: str, error: ScheduleError) -> str:
    """`rivi 12, alkaa: "25:00" ei ole kellonaika …`, a warning marked with ⚠."""
    if error.line is None:
        where = texts(language, "import-where-file")
    else:
        key = "import-where-row" if error.is_row else "import-where-line"
        where = texts(language, key, line=error.line)
    if error.field:
        where += f", {field_name(texts, language, error.field)}"
    message = texts(language, f"import-error-{error.code}", **error.params)
    return f"{'⚠ ' if error.warning else ''}{where}: {message}"


def field_name(texts: Texts, language: str, name: str) -> str:
    """A field as the reader calls it (`aika`, `paikka`, `lokal`); unknown ones as written
    (an unknown column is shown as the file has it)."""
    key = f"field-{FILE_FIELD.get(name, name)}"
    return texts(language, key) if texts.has(language, key) else name


def describe_report(
    texts: Texts,
    language: str,
    report: ImportReport,
    zone: ZoneInfo,
    *,
    done: bool = True,
    directory: Directory | None = None,
) -> list[str]:
    """One line per meeting that would be (or was, when `done`) added, changed or is
    missing, then a summary; with the `directory`, workshops and towns are named in the
    reader's language (a workshop the import adds is named by its key)."""
    lines = [describe_error(texts, language, warning) for warning in report.warnings]
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
            "workshop": _workshop(directory, change.workshop_key, language),
            "date": format_day(change.date, language),
        }
        if change.kind == "changed":
            args["fields"] = _fields(texts, change.fields, language, zone)
        if change.kind == "added":
            args["what"] = _new_meeting(texts, change, language, zone, directory)
        lines.append(texts(language, f"import-meeting-{change.kind}", **args))
    lines.append(
        texts(
            language,
            "import-done" if done else "import-would",
            added=report.count("added"),
            changed=report.count("changed"),
            cancelled=report.count("cancelled"),
            unchanged=report.meetings_unchanged,
        )
    )
    return lines


def _workshop(directory: Directory | None, key: str, language: str) -> str:
    workshop = None if directory is None else directory.workshop_by_key(key)
    return key if workshop is None else workshop.title(language)


def _new_meeting(
    texts: Texts,
    change: MeetingChange,
    language: str,
    zone: ZoneInfo,
    directory: Directory | None,
) -> str:
    """`to 14.5.2009 klo 9.30–12.00, Kirkkonummi, Kunnantalo`: what a new meeting is."""
    values = change.values
    parts = [
        format_when(change.date, values.get("starts_at"), values.get("ends_at"), language, zone)
    ]
    place = values.get("place")
    if place and directory is not None:
        place = directory.town_title(place, language)
    parts.append(place or texts(language, "change-none"))
    parts += [values[name] for name in ("venue", "address") if values.get(name)]
    if values.get("status") == MeetingStatus.CANCELLED:
        parts.append(texts(language, "meeting-status-cancelled"))
    return ", ".join(parts)


def _named_changes(texts: Texts, language: str, report: ImportReport, zone: ZoneInfo) -> list[str]:
    """A line for each municipality, workshop and contact the file changes, field by field."""
    lines = [
        texts(language, key, name=change.name, fields=_fields(texts, change.fields, language, zone))
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


def _fields(texts: Texts, fields: dict[str, tuple[Any, Any]], language: str, zone: ZoneInfo) -> str:
    """`Aika: klo 13.00–15.00 → 9.30–12.00; Paikka: Kirkkonummi → Siuntio`, in the reader's
    language; a start and an end that both change are one time."""
    rest = dict(fields)
    parts = []
    if "starts_at" in rest and "ends_at" in rest:
        (old_start, new_start), (old_end, new_end) = rest.pop("starts_at"), rest.pop("ends_at")
        old = _span(texts, old_start, old_end, language, zone)
        new = _span(texts, new_start, new_end, language, zone)
        parts.append(f"{_label(texts, language, 'time')}: {_at(language, old, new)}")
    for name, (old, new) in rest.items():
        before, after = _value(texts, old, language, zone), _value(texts, new, language, zone)
        change = (
            _at(language, before, after)
            if isinstance(old, datetime) or isinstance(new, datetime)
            else f"{before} → {after}"
        )
        parts.append(f"{_label(texts, language, name)}: {change}")
    return "; ".join(parts)


def _label(texts: Texts, language: str, name: str) -> str:
    """A field's name at the head of its change: `Aika`, `Paikka`."""
    text = field_name(texts, language, name)
    return text[:1].upper() + text[1:]


# "klo" before the first clock time of a change, as the chat's notices write it.
_CLOCK_WORD = {"fi": "klo ", "sv": "kl. ", "en": ""}


def _at(language: str, old: str, new: str) -> str:
    word = _CLOCK_WORD.get(language, "")
    if old[:1].isdigit():
        return f"{word}{old} → {new}"
    return f"{old} → {word}{new}" if new[:1].isdigit() else f"{old} → {new}"


def _span(
    texts: Texts, start: datetime | None, end: datetime | None, language: str, zone: ZoneInfo
) -> str:
    if start is None:
        return texts(language, "change-none")
    text = format_clock(start, language, zone)
    return text if end is None else f"{text}–{format_clock(end, language, zone)}"


def _value(texts: Texts, value: Any, language: str, zone: ZoneInfo) -> str:
    if value is None or value == []:
        return texts(language, "change-none")
    if isinstance(value, datetime):
        return format_clock(value, language, zone)
    if isinstance(value, date):
        return format_day(value, language)
    if isinstance(value, MeetingStatus):
        return texts(language, f"meeting-status-{value.value}")
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return str(value)
