"""The Bot API's error answers: a status and Telegram's description, or no answer at all."""

from __future__ import annotations

from bot.console.bot_api.records import JSONDict

BLOCKED_DESCRIPTION = "Forbidden: bot was blocked by the user"
MIGRATED_DESCRIPTION = "Bad Request: group chat was upgraded to a supergroup chat"


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, status: int, description: str, parameters: JSONDict | None = None) -> None:
        """An answer with HTTP ``status``, ``description`` and optional ``parameters``."""
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def to_json(self) -> JSONDict:
        """The answer's body, as Telegram sends it."""
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class HangUp(Exception):
    """The connection is dropped without an answer (see become_unreachable)."""


def bad_request(detail: str) -> ApiError:
    """A 400 answer: "Bad Request: " and ``detail``."""
    return ApiError(400, f"Bad Request: {detail}")
