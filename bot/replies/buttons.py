"""The callback data of every kind of inline button: encoded, decoded and matched in one place.

Telegram-free on purpose: replies and the outbox's rendering make the buttons, the handlers
decode them, and both sit on either side of the Telegram layer. The wire format of each kind
is fixed: keyboards already sent to chats keep sending the old data, so it must stay readable.
`decode` returns None for data that is not (or no longer) well-formed, which the handlers
answer as an outdated button; numbers are read with `number`, so only plain digits pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar, Literal, Self

from bot.foundation.typed import number
from bot.language.periods import Period
from bot.services.meetings import MeetingFilter
from storage.models import RsvpAnswer

__all__ = [
    "ArchivePage",
    "ChooseLanguage",
    "ChooseMunicipality",
    "FollowWorkshop",
    "ForgetAnswer",
    "MeetingChoice",
    "MoreMeetings",
    "RsvpButton",
    "ShowMinutes",
    "StopMinutes",
]

# Telegram refuses callback data longer than this many bytes (UTF-8).
DATA_LIMIT = 64
# A page number beyond this is no page of ours (a list that long is not shown page by page).
_PAGES = 10_000


def fields_of(data: str, prefix: str, count: int) -> list[str] | None:
    """The `count` fields after `prefix:`, or None when the data has another shape."""
    if len(data.encode()) > DATA_LIMIT:
        return None
    parts = data.split(":")
    if len(parts) != count + 1 or parts[0] != prefix:
        return None
    return parts[1:]


def confirm_or_cancel(data: str, prefix: str) -> tuple[Literal["ok", "no"], int] | None:
    """`PREFIX:ok:ID` or `PREFIX:no:ID` (a preview's Confirm and Cancel) read, or None."""
    fields = fields_of(data, prefix, 2)
    value = number(fields[1]) if fields else None
    if fields is None or value is None:
        return None
    if fields[0] == "ok":
        return "ok", value
    if fields[0] == "no":
        return "no", value
    return None


def _ids(text: str) -> frozenset[int] | None:
    """`3.7.12` as ids; None when any of them is not a plain number."""
    ids = [number(part) for part in text.split(".")]
    if any(i is None for i in ids):
        return None
    return frozenset(i for i in ids if i is not None)


def _page(text: str) -> int | None:
    page = number(text)
    return page if page is not None and 0 < page < _PAGES else None


@dataclass(frozen=True)
class ChooseMunicipality:
    """A municipality to register in: `mun:ID`."""

    pattern: ClassVar[str] = r"^mun:"
    municipality_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"mun:{self.municipality_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "mun", 1)
        value = number(fields[0]) if fields else None
        return cls(value) if value is not None else None


@dataclass(frozen=True)
class ChooseLanguage:
    """A language: `lang:sv`. The code is checked where it is set, like a typed /language."""

    pattern: ClassVar[str] = r"^lang:"
    code: str

    def encode(self) -> str:
        """The callback data."""
        return f"lang:{self.code}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        prefix, colon, code = data.partition(":")
        if prefix != "lang" or not colon or len(data.encode()) > DATA_LIMIT:
            return None
        return cls(code)


@dataclass(frozen=True)
class FollowWorkshop:
    """Join or leave a workshop from the /workshops list: `join:ID`, `leave:ID`."""

    pattern: ClassVar[str] = r"^(join|leave):"
    action: Literal["join", "leave"]
    workshop_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"{self.action}:{self.workshop_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        for action in ("join", "leave"):
            fields = fields_of(data, action, 1)
            value = number(fields[0]) if fields else None
            if value is not None:
                return cls(action, value)
        return None


@dataclass(frozen=True)
class RsvpButton:
    """An answer to a reminder: `rsvp:MEETING:going` (the answer's stored value)."""

    pattern: ClassVar[str] = r"^rsvp:"
    meeting_id: int
    answer: RsvpAnswer

    def encode(self) -> str:
        """The callback data."""
        return f"rsvp:{self.meeting_id}:{self.answer.value}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "rsvp", 2)
        if fields is None:
            return None
        answers = {answer.value: answer for answer in RsvpAnswer}
        meeting_id = number(fields[0])
        if meeting_id is None or fields[1] not in answers:
            return None
        return cls(meeting_id, answers[fields[1]])


@dataclass(frozen=True)
class ForgetAnswer:
    """The answer to /forget's question: `forget:yes`, `forget:no`."""

    pattern: ClassVar[str] = r"^forget:"
    answer: Literal["yes", "no"]

    def encode(self) -> str:
        """The callback data."""
        return f"forget:{self.answer}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "forget", 1)
        for answer in ("yes", "no"):
            if fields == [answer]:
                return cls(answer)
        return None


# The commands a chosen meeting carries on, and their short codes in a button's data.
MeetingCommand = Literal[
    "attendance", "editmeeting", "cancelmeeting", "minutes", "going", "notgoing", "maybe"
]
_COMMAND_CODES: dict[MeetingCommand, str] = {
    "attendance": "att",
    "editmeeting": "edit",
    "cancelmeeting": "cancel",
    "minutes": "min",
    "going": "go",
    "notgoing": "no",
    "maybe": "may",
}
_CODE_COMMANDS: dict[str, MeetingCommand] = {code: c for c, code in _COMMAND_CODES.items()}


@dataclass(frozen=True)
class MeetingChoice:
    """One of the meetings a reference named: `ref:CODE:MEETING[:REST]`, pressing it carries
    out the command (and the rest of its arguments, when they fit) on that meeting."""

    pattern: ClassVar[str] = r"^ref:"
    command: MeetingCommand
    meeting_id: int
    rest: str = ""

    def encode(self) -> str:
        """The callback data."""
        data = f"ref:{_COMMAND_CODES[self.command]}:{self.meeting_id}"
        return f"{data}:{self.rest}" if self.rest else data

    def fits(self) -> bool:
        """Whether the data, with the rest of the command, fits in Telegram's limit."""
        return len(self.encode().encode()) <= DATA_LIMIT

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        if len(data.encode()) > DATA_LIMIT:
            return None
        prefix, _, rest = data.partition(":")
        code, _, rest = rest.partition(":")
        meeting, _, rest = rest.partition(":")
        meeting_id = number(meeting)
        if prefix != "ref" or code not in _CODE_COMMANDS or meeting_id is None:
            return None
        return cls(_CODE_COMMANDS[code], meeting_id, rest)


# `min:` is shared by ShowMinutes and StopMinutes; one handler takes both.
_MINUTES = r"^min:"


@dataclass(frozen=True)
class ShowMinutes:
    """Read a meeting's minutes: `min:show:MEETING`."""

    pattern: ClassVar[str] = _MINUTES
    meeting_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"min:show:{self.meeting_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "min", 2)
        value = number(fields[1]) if fields and fields[0] == "show" else None
        return cls(value) if value is not None else None


@dataclass(frozen=True)
class StopMinutes:
    """Stop waiting for the minutes one was asked for: `min:stop`."""

    pattern: ClassVar[str] = _MINUTES

    def encode(self) -> str:
        """The callback data."""
        return "min:stop"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        return cls() if data == "min:stop" else None


@dataclass(frozen=True)
class ArchivePage:
    """The archive's "more" button: `arc:PAGE:ID.ID` (no ids: every workshop's minutes)."""

    pattern: ClassVar[str] = r"^arc:"
    page: int
    scope: frozenset[int] | None

    def encode(self) -> str:
        """The callback data; without the workshops if they do not fit in Telegram's limit."""
        ids = "" if self.scope is None else ".".join(str(i) for i in sorted(self.scope))
        data = f"arc:{self.page}:{ids}"
        return data if len(data.encode()) <= DATA_LIMIT else f"arc:{self.page}:"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "arc", 2)
        page = _page(fields[0]) if fields else None
        if fields is None or page is None:
            return None
        if not fields[1]:
            return cls(page, None)
        scope = _ids(fields[1])
        return cls(page, scope) if scope is not None else None


_PERIOD = re.compile(r"^p(\d{8})(\d{8})$")


@dataclass(frozen=True)
class MoreMeetings:
    """The "more" button of a list of meetings: `mtg:PAGE:FILTER`."""

    # The filter's parts, comma-separated: `w3.7` workshops, `tKEY` a town and
    # `pYYYYMMDDYYYYMMDD` a period; `c` for the list of one line a meeting.
    pattern: ClassVar[str] = r"^mtg:"
    page: int
    wanted: MeetingFilter
    compact: bool = False

    def encode(self) -> str:
        """The callback data; without the filter if it does not fit in Telegram's limit."""
        wanted, parts = self.wanted, []
        if wanted.workshop_ids is not None:
            parts.append("w" + ".".join(str(i) for i in sorted(wanted.workshop_ids)))
        if wanted.place is not None:
            parts.append("t" + wanted.place)
        if wanted.period is not None:
            parts.append(f"p{wanted.period.first:%Y%m%d}{wanted.period.last:%Y%m%d}")
        if self.compact:
            parts.insert(0, "c")
        data = f"mtg:{self.page}:" + ",".join(parts)
        return data if len(data.encode()) <= DATA_LIMIT else f"mtg:{self.page}:"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        # A town's key may hold a colon: only the first two split.
        prefix, _, rest = data.partition(":")
        page_text, colon, filters = rest.partition(":")
        page = _page(page_text)
        if prefix != "mtg" or not colon or page is None or len(data.encode()) > DATA_LIMIT:
            return None
        wanted: MeetingFilter | None = MeetingFilter()
        parts = [part for part in filters.split(",") if part]
        compact = parts[:1] == ["c"]
        for part in parts[compact:]:
            wanted = _filter_part(wanted, part) if wanted is not None else None
        return cls(page, wanted, compact) if wanted is not None else None


def _filter_part(wanted: MeetingFilter, part: str) -> MeetingFilter | None:
    """The filter with one more encoded part, or None for a part that is not ours."""
    if part.startswith("w"):
        ids = _ids(part[1:])
        return replace(wanted, workshop_ids=ids) if ids is not None else None
    if part.startswith("t") and len(part) > 1:
        return replace(wanted, place=part[1:])
    if match := _PERIOD.match(part):
        try:
            first, last = (date(int(d[:4]), int(d[4:6]), int(d[6:])) for d in match.groups())
        except ValueError:
            return None
        return replace(wanted, period=Period(first, last))
    return None
