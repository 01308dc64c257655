"""The callback data of the buttons that ask the network: date polls and surveys.

Kept beside `bot.replies.buttons` (and as fixed on the wire): each kind encodes, decodes and
gives the handlers' pattern.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, Self

from bot.foundation.typed import number
from bot.replies.buttons import confirm_or_cancel, fields_of
from storage.models import PollAnswer

__all__ = [
    "ClosePoll",
    "FeedbackButton",
    "PollAction",
    "PollVoteButton",
    "SurveyAction",
    "SurveyAnswerButton",
]


@dataclass(frozen=True)
class SurveyAction:
    """Send or drop a survey's draft: `svy:ok:ID`, `svy:no:ID`."""

    pattern: ClassVar[str] = r"^svy:"
    action: Literal["ok", "no"]
    survey_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"svy:{self.action}:{self.survey_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        decided = confirm_or_cancel(data, "svy")
        return None if decided is None else cls(*decided)


@dataclass(frozen=True)
class SurveyAnswerButton:
    """An answer to a survey's question: `sva:SURVEY:QUESTION:CHOICE`.

    CHOICE is an option's or a scale's number (a several-answers option toggles), `d` for
    done with a several-answers question, `s` to skip a question answered in words.
    """

    pattern: ClassVar[str] = r"^sva:"
    survey_id: int
    question: int
    choice: int | Literal["d", "s"]

    def encode(self) -> str:
        """The callback data."""
        return f"sva:{self.survey_id}:{self.question}:{self.choice}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "sva", 3)
        if fields is None:
            return None
        survey_id, question, value = (number(field) for field in fields)
        if survey_id is None or question is None:
            return None
        if fields[2] in ("d", "s"):
            return cls(survey_id, question, "d" if fields[2] == "d" else "s")
        return None if value is None else cls(survey_id, question, value)


@dataclass(frozen=True)
class PollAction:
    """Confirm or cancel a date poll's draft: `poll:ok:ID`, `poll:no:ID`."""

    pattern: ClassVar[str] = r"^poll:"
    action: Literal["ok", "no"]
    poll_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"poll:{self.action}:{self.poll_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        decided = confirm_or_cancel(data, "poll")
        return None if decided is None else cls(*decided)


@dataclass(frozen=True)
class PollVoteButton:
    """An answer for one candidate date: `vote:POLL:CANDIDATE:yes|maybe|no`."""

    pattern: ClassVar[str] = r"^vote:"
    poll_id: int
    candidate: int
    answer: PollAnswer

    def encode(self) -> str:
        """The callback data."""
        return f"vote:{self.poll_id}:{self.candidate}:{self.answer.value}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "vote", 3)
        if fields is None:
            return None
        answers = {answer.value: answer for answer in PollAnswer}
        poll_id, candidate = number(fields[0]), number(fields[1])
        if poll_id is None or candidate is None or fields[2] not in answers:
            return None
        return cls(poll_id, candidate, answers[fields[2]])


@dataclass(frozen=True)
class ClosePoll:
    """Close a poll with one candidate as the meeting, from its results: `pclose:POLL:N`."""

    pattern: ClassVar[str] = r"^pclose:"
    poll_id: int
    candidate: int

    def encode(self) -> str:
        """The callback data."""
        return f"pclose:{self.poll_id}:{self.candidate}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "pclose", 2)
        if fields is None:
            return None
        poll_id, candidate = number(fields[0]), number(fields[1])
        if poll_id is None or candidate is None:
            return None
        return cls(poll_id, candidate)


@dataclass(frozen=True)
class FeedbackButton:
    """A grade for a meeting: `fbk:MEETING:GRADE`; grade 0 is "no comment"."""

    pattern: ClassVar[str] = r"^fbk:"
    meeting_id: int
    grade: int

    def encode(self) -> str:
        """The callback data."""
        return f"fbk:{self.meeting_id}:{self.grade}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None (a grade beyond 5 is refused where it is
        given, like a typed one)."""
        fields = fields_of(data, "fbk", 2)
        if fields is None:
            return None
        meeting_id, grade = number(fields[0]), number(fields[1])
        if meeting_id is None or grade is None:
            return None
        return cls(meeting_id, grade)
