"""What a notice about a changed meeting says: only what changed, each time with its "klo"."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.language.catalog import Texts
from bot.replies.meeting_texts import change_lines
from bot.services.directory import Directory, MunicipalityInfo

HELSINKI = ZoneInfo("Europe/Helsinki")
DIRECTORY = Directory(
    municipalities=(MunicipalityInfo(id=1, name="Lohja", name_sv="Lojo"),),
    workshops=(),
    places=(),
)
TEXTS = Texts.load()


def lines(changes: Mapping[str, Any], language: str = "fi") -> list[str]:
    return change_lines(changes, TEXTS, language, DIRECTORY, HELSINKI)


def test_a_meeting_moved_to_another_day_does_not_claim_its_time_changed() -> None:
    moved = {
        "date": ["2009-03-04", "2009-03-05"],
        "starts_at": ["2009-03-04T11:00:00+00:00", "2009-03-05T11:00:00+00:00"],
        "ends_at": ["2009-03-04T13:00:00+00:00", "2009-03-05T13:00:00+00:00"],
    }
    assert lines(moved) == ["Päivä: 4.3.2009 → 5.3.2009"]
    assert lines(moved, "sv") == ["Dag: 4.3.2009 → 5.3.2009"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Aika: ei tiedossa → klo 9.30–12.00"),
        ("sv", "Tid: inte bestämd → kl. 9.30–12.00"),
        ("en", "Time: not decided → 09:30–12:00"),
    ],
)
def test_a_time_decided_at_last_keeps_its_klo(language: str, expected: str) -> None:
    decided = {
        "starts_at": [None, "2009-03-04T07:30:00+00:00"],
        "ends_at": [None, "2009-03-04T10:00:00+00:00"],
    }
    assert lines(decided, language) == [expected]


def test_a_new_time_and_place_are_both_told() -> None:
    changed = {
        "starts_at": ["2009-03-04T11:00:00+00:00", "2009-03-04T12:00:00+00:00"],
        "ends_at": ["2009-03-04T13:30:00+00:00", "2009-03-04T13:30:00+00:00"],
        "place": ["Lohja", None],
    }
    assert lines(changed) == [
        "Aika: klo 13.00–15.30 → klo 14.00–15.30",
        "Paikka: Lohja → ei tiedossa",
    ]
    assert lines(changed, "sv")[1] == "Plats: Lojo → inte bestämd"
