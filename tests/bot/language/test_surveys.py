"""Surveys as coordinators write them, in a message or a YAML file, in three languages."""

from __future__ import annotations

from datetime import date

import pytest

from bot.language.surveys import (
    SurveyFormatError,
    read_survey_message,
    read_survey_yaml,
)
from storage.models import QuestionKind

MESSAGE = """workshop=lapset,nuoret deadline=15.3.2009 anonymous
Kysely kehittämistarpeista
1. Mikä teema on tärkein? | Lapset | Nuoret | Vanhukset
2. Mitkä kuukaudet sopivat? (several) | Maaliskuu | Huhtikuu
3. Kuinka hyödyllinen verstas on? (1-5)
4. Mitä toivot? (text)"""


def test_a_survey_in_one_message() -> None:
    survey = read_survey_message(MESSAGE)
    assert survey.title == "Kysely kehittämistarpeista"
    assert survey.workshops == ("lapset", "nuoret")
    assert survey.deadline == date(2009, 3, 15)
    assert survey.anonymous
    kinds = [q.kind for q in survey.questions]
    assert kinds == [QuestionKind.ONE, QuestionKind.SEVERAL, QuestionKind.SCALE, QuestionKind.TEXT]
    assert survey.questions[0].options == ("Lapset", "Nuoret", "Vanhukset")
    assert (survey.questions[2].low, survey.questions[2].high) == (1, 5)
    assert survey.questions[3].text == "Mitä toivot?"


@pytest.mark.parametrize(("several", "text"), [("monta", "vapaa"), ("flera", "fritt")])
def test_finnish_and_swedish_markers(several: str, text: str) -> None:
    survey = read_survey_message(f"Otsikko\n1. A? ({several}) | x | y\n2. B? ({text})")
    assert [q.kind for q in survey.questions] == [QuestionKind.SEVERAL, QuestionKind.TEXT]


def test_without_settings_the_first_line_is_the_title() -> None:
    survey = read_survey_message("Otsikko\n1. A? | x | y")
    assert survey.title == "Otsikko"
    assert (survey.workshops, survey.deadline, survey.anonymous) == ((), None, False)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "survey-format-no-title"),
        ("Otsikko", "survey-format-no-questions"),
        ("Otsikko\n1. Sopiiko?", "survey-format-no-options"),
        ("Otsikko\n1. Sopiiko? (several)", "survey-format-no-options"),
        ("Otsikko\n1. Asteikko? (1-5) | a", "survey-format-options-not-wanted"),
        ("Otsikko\n2. A? | x", "survey-format-not-numbered"),
        ("Otsikko\n1. A? | x\nhuomautus", "survey-format-not-numbered"),
        ("Otsikko\n1. A? " + "| x" * 11, "survey-format-too-many-options"),
        ("Otsikko\n1. A? (1-50)", "survey-format-bad-scale"),
        ("deadline=31.2.2009\nOtsikko\n1. A? | x", "survey-format-bad-deadline"),
        (
            "Otsikko\n" + "\n".join(f"{n}. A? | x" for n in range(1, 22)),
            "survey-format-too-many-questions",
        ),
    ],
)
def test_malformed_surveys_are_refused_with_one_reason(text: str, key: str) -> None:
    with pytest.raises(SurveyFormatError) as refused:
        read_survey_message(text)
    assert refused.value.key == key


def test_the_same_as_a_yaml_file() -> None:
    survey = read_survey_yaml(
        """
title: Kysely kehittämistarpeista
workshop: [lapset, nuoret]
municipality: Kerava
deadline: 15.3.2009
anonymous: true
questions:
  - Mikä teema on tärkein? | Lapset | Nuoret
  - question: Mitkä kuukaudet sopivat?
    several: true
    options: [Maaliskuu, Huhtikuu]
  - question: Kuinka hyödyllinen verstas on?
    scale: 1-5
  - question: Mitä toivot?
    text: true
"""
    )
    assert survey == read_survey_message(
        "workshop=lapset,nuoret municipality=Kerava deadline=15.3.2009 anonymous\n"
        "Kysely kehittämistarpeista\n1. Mikä teema on tärkein? | Lapset | Nuoret\n"
        "2. Mitkä kuukaudet sopivat? (several) | Maaliskuu | Huhtikuu\n"
        "3. Kuinka hyödyllinen verstas on? (1-5)\n4. Mitä toivot? (text)"
    )


@pytest.mark.parametrize("text", ["[[[", "- a\n- b", "title: T\nquestions: x", "a" * 30_000])
def test_broken_yaml_files_are_refused(text: str) -> None:
    with pytest.raises(SurveyFormatError):
        read_survey_yaml(text)
