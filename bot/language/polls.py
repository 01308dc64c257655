"""A /datepoll message read: the workshop, the candidate dates one a line, the deadline.

`/datepoll kasvatuskumppanuus deadline=1.3.2027` and then lines such as
`ke 10.3.2027 klo 13.00–15.30 Lohja`; dates and times in the forms of schedule files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from pydantic_core import PydanticCustomError

from storage.schedule.values import parse_date, parse_time

# `deadline=` and its Finnish and Swedish words.
_DEADLINE = re.compile(
    r"(?:^|\s)(?:deadline|takaraja|svarstid)=(\S+)(?:\s+(?:klo|kl\.?|at)?\s*(\d{1,2}(?:[.:]\d{2})?))?",
    re.I,
)
_TIME = r"\d{1,2}(?:[.:]\d{2})?"
_CANDIDATE = re.compile(
    rf"^(?:[^\W\d_]{{2,3}}\.?\s+)?(?P<day>\d[\d.-]*\d)"
    rf"(?:\s+(?:klo|kl\.?|at)?\s*(?P<start>{_TIME})(?:\s*[-–—]\s*(?P<end>{_TIME}))?)?"
    r"(?:\s*,?\s+(?P<town>\S.*?))?\s*$",
    re.I,
)


@dataclass(frozen=True)
class CandidateLine:
    """One proposed date as written: a date, perhaps times, perhaps a host town."""

    day: date
    starts: time | None
    ends: time | None
    town: str | None


@dataclass(frozen=True)
class LineProblem:
    """A line that could not be read: its number (1 is the command's line) and why."""

    line: int
    key: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PollText:
    """What a /datepoll message says."""

    workshop: str
    candidates: tuple[CandidateLine, ...]
    deadline: tuple[date, time | None] | None
    problems: tuple[LineProblem, ...]


def _deadline(match: re.Match[str]) -> tuple[date, time | None]:
    return parse_date(match.group(1)), parse_time(match.group(2)) if match.group(2) else None


def _candidate(text: str) -> CandidateLine | None:
    match = _CANDIDATE.match(text)
    if match is None:
        return None
    start = parse_time(match["start"]) if match["start"] else None
    end = parse_time(match["end"]) if match["end"] else None
    return CandidateLine(parse_date(match["day"]), start, end, match["town"])


def _problem(line: int, error: PydanticCustomError) -> LineProblem:
    params = {key: str(value) for key, value in (error.context or {}).items()}
    return LineProblem(line, f"import-error-{error.type}", params)


def read_poll(text: str) -> PollText:
    """The workshop, candidates, deadline and every line's problem of a /datepoll message."""
    lines = text.strip().splitlines() or [""]
    candidates: list[CandidateLine] = []
    problems: list[LineProblem] = []
    deadline = None
    for number, line in enumerate(lines, start=1):
        rest = line.strip()
        try:
            if match := _DEADLINE.search(rest):
                deadline = _deadline(match)
                rest = (rest[: match.start()] + rest[match.end() :]).strip()
            if number == 1 or not rest:
                continue
            candidate = _candidate(rest)
        except PydanticCustomError as error:
            problems.append(_problem(number, error))
            continue
        if candidate is None:
            problems.append(LineProblem(number, "poll-line-unreadable", {"text": rest[:80]}))
        elif candidate.starts and candidate.ends and candidate.ends <= candidate.starts:
            params = {"start": f"{candidate.starts:%H:%M}", "end": f"{candidate.ends:%H:%M}"}
            problems.append(LineProblem(number, "import-error-end_before_start", params))
        else:
            candidates.append(candidate)
    first = _DEADLINE.sub("", lines[0]).strip()
    return PollText(first, tuple(candidates), deadline, tuple(problems))


# Every language's words for the three answers; a typed /vote may use any of them.
ANSWER_WORDS = {
    "yes": "yes",
    "kyllä": "yes",
    "kylla": "yes",
    "ja": "yes",
    "maybe": "maybe",
    "ehkä": "maybe",
    "ehka": "maybe",
    "kanske": "maybe",
    "no": "no",
    "ei": "no",
    "nej": "no",
}


def answer_word(text: str) -> str | None:
    """`kyllä`, `ja`, `yes` → `yes`; None for a word that is no answer."""
    return ANSWER_WORDS.get(text.strip().casefold())
