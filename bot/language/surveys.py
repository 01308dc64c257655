"""Surveys as coordinators write them: one message, or the same as a YAML file.

```
/survey workshop=KEY municipality=NAME deadline=15.3.2009 anonymous
Title of the survey
1. A question with one answer? | Option A | Option B
2. A question with several answers? (several) | Option A | Option B
3. A question on a scale? (1-5)
4. A question answered in words? (text)
```

The markers come in Finnish and Swedish too: `(monta)`/`(flera)`, `(vapaa)`/`(fritt)`.
What is wrong is reported as a message key with its values, never guessed around.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import yaml

from storage.models import QuestionKind

MAX_QUESTIONS = 20
MAX_OPTIONS = 10
# A scale is answered with one button a point; more than eleven do not fit a keyboard.
MAX_SCALE_POINTS = 11
MAX_CHARS = 20_000
MAX_TITLE = 300

_SETTING = re.compile(r"^(\w+)=(\S+)$")
_FIELDS = {
    "workshop": "workshop",
    "verstas": "workshop",
    "verkstad": "workshop",
    "municipality": "municipality",
    "kunta": "municipality",
    "kommun": "municipality",
    "deadline": "deadline",
    "määräaika": "deadline",
    "svarstid": "deadline",
}
_ANONYMOUS = {"anonymous", "anonyymi", "anonym"}
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*(.*)$")
_MARKER = re.compile(r"\(\s*([^()]{1,20}?)\s*\)\s*$")
_SCALE = re.compile(r"^(\d{1,2})\s*[-–]\s*(\d{1,2})$")
_SEVERAL = {"several", "monta", "flera"}
_TEXT = {"text", "vapaa", "fritt"}
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class SurveyFormatError(ValueError):
    """What is wrong with a survey: a message key (`survey-format-…`) and its values."""

    def __init__(self, key: str, **values: str | int) -> None:
        super().__init__(key)
        self.key = f"survey-format-{key}"
        self.values = values


@dataclass(frozen=True)
class QuestionSpec:
    """One question as written: its words, how it is answered, its options or scale."""

    text: str
    kind: QuestionKind
    options: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class SurveySpec:
    """A survey as written, before its workshops and municipalities are looked up."""

    title: str
    questions: tuple[QuestionSpec, ...]
    workshops: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    deadline: date | None = None
    anonymous: bool = False


def read_survey_message(text: str) -> SurveySpec:
    """The survey in the text after `/survey`; raises `SurveyFormatError`."""
    if len(text) > MAX_CHARS:
        raise SurveyFormatError("too-long", limit=MAX_CHARS)
    lines = [line.strip() for line in text.strip().splitlines()]
    first = lines[0].split() if lines else []
    settings: dict[str, list[str]] = {"workshop": [], "municipality": [], "deadline": []}
    anonymous = False
    for word in first:
        match = _SETTING.match(word)
        if word.lower() in _ANONYMOUS:
            anonymous = True
        elif match and match.group(1).lower() in _FIELDS:
            field = _FIELDS[match.group(1).lower()]
            settings[field] += [v for v in match.group(2).split(",") if v]
        else:
            break
    else:
        lines = lines[1:]
    lines = [line for line in lines if line]
    if not lines or _NUMBERED.match(lines[0]):
        raise SurveyFormatError("no-title")
    questions = tuple(_question(line, number) for number, line in enumerate(lines[1:], 1))
    return _checked(
        lines[0],
        questions,
        settings["workshop"],
        settings["municipality"],
        settings["deadline"],
        anonymous=anonymous,
    )


def _question(line: str, number: int) -> QuestionSpec:
    """One numbered line: `N. Words? (marker) | option | option`."""
    match = _NUMBERED.match(line)
    if match is None or int(match.group(1)) != number:
        raise SurveyFormatError("not-numbered", number=number, line=line[:80])
    words, *options = (part.strip() for part in match.group(2).split("|"))
    return question_of(words, [option for option in options if option], number)


def question_of(words: str, options: list[str], number: int) -> QuestionSpec:
    """A question from its words (with its marker at the end) and its options."""
    kind = QuestionKind.ONE
    low = high = None
    marker = _MARKER.search(words)
    if marker is not None:
        word = marker.group(1).lower()
        scale = _SCALE.match(word)
        if word in _SEVERAL:
            kind = QuestionKind.SEVERAL
        elif word in _TEXT:
            kind = QuestionKind.TEXT
        elif scale is not None:
            kind, low, high = QuestionKind.SCALE, int(scale.group(1)), int(scale.group(2))
        if kind is not QuestionKind.ONE:
            words = words[: marker.start()].strip()
    if not words:
        raise SurveyFormatError("empty-question", number=number)
    if kind in (QuestionKind.ONE, QuestionKind.SEVERAL) and not options:
        raise SurveyFormatError("no-options", number=number)
    if kind in (QuestionKind.SCALE, QuestionKind.TEXT) and options:
        raise SurveyFormatError("options-not-wanted", number=number)
    if len(options) > MAX_OPTIONS:
        raise SurveyFormatError("too-many-options", number=number, limit=MAX_OPTIONS)
    if low is not None and high is not None and not 0 < high - low < MAX_SCALE_POINTS:
        raise SurveyFormatError("bad-scale", number=number, limit=MAX_SCALE_POINTS)
    if any(len(option) > 100 for option in options):
        raise SurveyFormatError("option-too-long", number=number, limit=100)
    return QuestionSpec(words, kind, tuple(options), low, high)


def _checked(
    title: str,
    questions: tuple[QuestionSpec, ...],
    workshops: list[str],
    municipalities: list[str],
    deadlines: list[str],
    *,
    anonymous: bool,
) -> SurveySpec:
    """The survey, once its size and deadline are right."""
    if not questions:
        raise SurveyFormatError("no-questions")
    if len(questions) > MAX_QUESTIONS:
        raise SurveyFormatError("too-many-questions", limit=MAX_QUESTIONS)
    if len(title) > MAX_TITLE:
        raise SurveyFormatError("title-too-long", limit=MAX_TITLE)
    if len(deadlines) > 1:
        raise SurveyFormatError("bad-deadline", value=",".join(deadlines)[:40])
    return SurveySpec(
        title,
        questions,
        tuple(workshops),
        tuple(municipalities),
        _deadline(deadlines[0]) if deadlines else None,
        anonymous,
    )


def _deadline(value: str) -> date:
    """`D.M.YYYY`."""
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        raise SurveyFormatError("bad-deadline", value=value[:40]) from None


# --- the same as a YAML file -------------------------------------------------------------


def read_survey_yaml(text: str) -> SurveySpec:
    """A survey file (see the README); raises `SurveyFormatError`."""
    if len(text) > MAX_CHARS:
        raise SurveyFormatError("too-long", limit=MAX_CHARS)
    try:
        # Every scalar a string, as in schedule files: `15.3.2009` stays text; BaseLoader
        # builds no objects.
        root = yaml.load(text, Loader=yaml.BaseLoader)
    except (yaml.YAMLError, RecursionError) as error:
        raise SurveyFormatError("yaml", detail=str(error)[:200]) from None
    if not isinstance(root, dict) or not isinstance(root.get("title"), str):
        raise SurveyFormatError("no-title")
    items = root.get("questions")
    if not isinstance(items, list):
        raise SurveyFormatError("no-questions")
    questions = tuple(_yaml_question(item, number) for number, item in enumerate(items, 1))
    return _checked(
        root["title"].strip(),
        questions,
        _strings(root.get("workshop")),
        _strings(root.get("municipality")),
        _strings(root.get("deadline")),
        anonymous=str(root.get("anonymous", "")).lower() in {"true", "yes", "kyllä", "ja"},
    )


def _strings(value: Any) -> list[str]:
    """A value that may be one string, a comma-separated list or a YAML list."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part).strip() for part in value if isinstance(part, str)]
    return []


def _yaml_question(item: Any, number: int) -> QuestionSpec:
    """A question as a line of the message form, or as a mapping with its parts."""
    if isinstance(item, str):
        words, *options = (part.strip() for part in item.split("|"))
        return question_of(words, [option for option in options if option], number)
    if not isinstance(item, dict) or not isinstance(item.get("question"), str):
        raise SurveyFormatError("empty-question", number=number)
    words = item["question"].strip()
    marker = next(
        (f"({key})" for key in ("several", "text") if str(item.get(key)).lower() == "true"),
        f"({item['scale']})" if isinstance(item.get("scale"), str) else "",
    )
    options = _strings(item["options"]) if isinstance(item.get("options"), list) else []
    return question_of(f"{words} {marker}".strip(), options, number)
