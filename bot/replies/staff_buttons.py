"""The callback data of the staff's buttons: a preview's Confirm and Cancel, a broadcast's
audience, a schedule file's import, the guided meeting dialogue and a pasted announcement's
workshop. The same rules as `buttons`: a fixed wire format, and `decode` None for data that
is not (or no longer) well-formed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, Self

from bot.foundation.typed import number
from bot.replies.buttons import confirm_or_cancel, fields_of

__all__ = [
    "AnnouncementAction",
    "ChooseAudience",
    "MeetingChangeAction",
    "MeetingStep",
    "PastedWorkshop",
    "ScheduleUpload",
]


@dataclass(frozen=True)
class AnnouncementAction:
    """Confirm, cancel, or pick the audience of a draft: `ann:ok|no|pw|pm:ID`."""

    pattern: ClassVar[str] = r"^ann:"
    action: Literal["ok", "no", "pw", "pm"]
    announcement_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"ann:{self.action}:{self.announcement_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "ann", 2)
        if fields is None:
            return None
        value = number(fields[1])
        for action in ("ok", "no", "pw", "pm"):
            if fields[0] == action and value is not None:
                return cls(action, value)
        return None


@dataclass(frozen=True)
class ChooseAudience:
    """A draft's audience: `ann:w|m:ID:TARGET`, a workshop or a municipality (0: all)."""

    # Shares `ann:` with AnnouncementAction: one handler takes both.
    pattern: ClassVar[str] = r"^ann:"
    kind: Literal["w", "m"]
    announcement_id: int
    target_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"ann:{self.kind}:{self.announcement_id}:{self.target_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "ann", 3)
        if fields is None:
            return None
        announcement_id, target_id = number(fields[1]), number(fields[2])
        if announcement_id is None or target_id is None:
            return None
        for kind in ("w", "m"):
            if fields[0] == kind:
                return cls(kind, announcement_id, target_id)
        return None


@dataclass(frozen=True)
class ScheduleUpload:
    """Import or drop a checked schedule: `imp:ok:ID`, `imp:no:ID`."""

    pattern: ClassVar[str] = r"^imp:"
    action: Literal["ok", "no"]
    upload_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"imp:{self.action}:{self.upload_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        decided = confirm_or_cancel(data, "imp")
        return None if decided is None else cls(*decided)


@dataclass(frozen=True)
class MeetingChangeAction:
    """Confirm or cancel a previewed /addmeeting, /editmeeting or /cancelmeeting:
    `chg:ok:ID`, `chg:no:ID`."""

    pattern: ClassVar[str] = r"^chg:"
    action: Literal["ok", "no"]
    pending_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"chg:{self.action}:{self.pending_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        decided = confirm_or_cancel(data, "chg")
        return None if decided is None else cls(*decided)


@dataclass(frozen=True)
class PastedWorkshop:
    """The workshop of a pasted announcement that did not name one: `imw:PENDING:WORKSHOP`."""

    pattern: ClassVar[str] = r"^imw:"
    pending_id: int
    workshop_id: int

    def encode(self) -> str:
        """The callback data."""
        return f"imw:{self.pending_id}:{self.workshop_id}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "imw", 2)
        if fields is None:
            return None
        pending_id, workshop_id = number(fields[0]), number(fields[1])
        if pending_id is None or workshop_id is None:
            return None
        return cls(pending_id, workshop_id)


@dataclass(frozen=True)
class MeetingStep:
    """An answer in the guided /addmeeting or /editmeeting dialogue: `mdl:w:ID` a workshop,
    `mdl:t:ID` a municipality as the town, `mdl:s:0` skip the step, `mdl:x:0` stop."""

    pattern: ClassVar[str] = r"^mdl:"
    kind: Literal["w", "t", "s", "x"]
    value: int = 0

    def encode(self) -> str:
        """The callback data."""
        return f"mdl:{self.kind}:{self.value}"

    @classmethod
    def decode(cls, data: str) -> Self | None:
        """The button behind the data, or None."""
        fields = fields_of(data, "mdl", 2)
        value = number(fields[1]) if fields else None
        if fields is None or value is None:
            return None
        for kind in ("w", "t", "s", "x"):
            if fields[0] == kind:
                return cls(kind, value)
        return None
