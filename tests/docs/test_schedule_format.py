"""docs/schedule-format.md: its YAML and CSV examples are files the importer accepts."""

from __future__ import annotations

import re
from pathlib import Path

from storage.schedule.read import read_schedule_bytes
from storage.schedule.specs import CsvMeetings

FORMAT = Path(__file__).parents[2] / "docs" / "schedule-format.md"


def examples() -> list[tuple[str, str]]:
    """The fenced blocks of the document: (language, text)."""
    return re.findall(r"```(\w*)\n(.*?)```", FORMAT.read_text(encoding="utf-8"), re.S)


def test_the_yaml_and_csv_examples_are_read_without_problems() -> None:
    yaml_example = next(text for language, text in examples() if language == "yaml")
    csv_example = next(text for _, text in examples() if text.startswith("workshop;date;"))

    schedule = read_schedule_bytes(yaml_example.encode(), "yaml")
    meetings = read_schedule_bytes(csv_example.encode(), "csv")

    assert not isinstance(schedule, CsvMeetings)
    assert [workshop.key for workshop in schedule.workshops] == ["ehkaiseva-lastensuojelu"]
    assert isinstance(meetings, CsvMeetings)
    assert len(meetings.rows) == 4
