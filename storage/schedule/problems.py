"""Problems as the coordinator sees them: pydantic's findings turned into codes at a line
or row, and keys that repeat."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import ValidationError

from storage.schedule.errors import ScheduleError

# A value's place in the file's data: the keys and list positions leading to it.
Location = tuple[str | int, ...]
# Where a location is in the file: its line (YAML) or row (CSV).
LineOf = Callable[[Location], int | None]

# Pydantic's error types as our codes; a type not here becomes "invalid" with its message.
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

# The codes our own validators raise (PydanticCustomError), kept as they are.
_CUSTOM_CODES = {
    "bad_date",
    "no_such_date",
    "day_without_year",
    "bad_time",
    "end_without_start",
    "end_before_start",
    "bad_key",
    "bad_timezone",
}


def from_pydantic(
    error: ValidationError,
    line_of: LineOf,
    *,
    prefix: Location = (),
    is_row: bool = False,
) -> list[ScheduleError]:
    """Pydantic's findings as the file's problems, each at its line or row and field."""
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


def report_duplicates(
    keys: Sequence[str | None],
    code: str,
    location: Location,
    line_of: LineOf,
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
