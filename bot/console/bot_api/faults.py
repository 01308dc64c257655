"""Faults a test injects: failing calls, queued or drawn at random; chats that blocked the bot;
groups upgraded to supergroups."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus

from bot.console.bot_api.errors import BLOCKED_DESCRIPTION, MIGRATED_DESCRIPTION, ApiError
from bot.console.bot_api.records import ApiCall, JSONDict


@dataclass
class Fault:
    """An error answer given instead of the real one."""

    status: int
    description: str
    parameters: JSONDict | None


@dataclass
class RandomFaults:
    """A share of calls answered 429 and another 5xx, drawn from a seeded generator."""

    too_many_requests: float
    server_errors: float
    retry_after: int
    methods: frozenset[str] | None
    random: random.Random

    def draw(self, method: str) -> Fault | None:
        """The fault for this call of ``method``, or None when it is answered as usual."""
        if self.methods is not None and method.lower() not in self.methods:
            return None
        roll = self.random.random()
        if roll < self.too_many_requests:
            return Fault(
                HTTPStatus.TOO_MANY_REQUESTS,
                f"Too Many Requests: retry after {self.retry_after}",
                {"retry_after": self.retry_after},
            )
        if roll < self.too_many_requests + self.server_errors:
            status = self.random.choice((HTTPStatus.INTERNAL_SERVER_ERROR, HTTPStatus.BAD_GATEWAY))
            return Fault(status, status.phrase, None)
        return None


class Faults:
    """The faults asked for: the next calls of a method, a random share, blocked chats."""

    def __init__(self) -> None:
        """No faults yet."""
        self._queued: dict[str, deque[Fault]] = {}
        self._random: RandomFaults | None = None
        self._blocked: set[int] = set()
        # A group upgraded to a supergroup: its old chat id and the new one.
        self._migrated: dict[int, int] = {}

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        times: int,
        retry_after: int | None,
        description: str | None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status`` (in FIFO order)."""
        if status < 400:
            raise ValueError("fail_next needs an error status (>= 400)")
        parameters: JSONDict | None = None
        if status == HTTPStatus.TOO_MANY_REQUESTS:
            retry_after = 1 if retry_after is None else retry_after
            parameters = {"retry_after": retry_after}
            default = f"Too Many Requests: retry after {retry_after}"
        elif status == HTTPStatus.FORBIDDEN:
            default = BLOCKED_DESCRIPTION
        elif status == HTTPStatus.BAD_REQUEST:
            default = "Bad Request: injected failure"
        elif status >= 500:
            default = "Internal Server Error"
        else:
            default = HTTPStatus(status).phrase
        fault = Fault(status, description or default, parameters)
        key = method.lower()
        self._queued.setdefault(key, deque()).extend(fault for _ in range(times))

    def fail_randomly(
        self,
        *,
        too_many_requests: float,
        server_errors: float,
        retry_after: int,
        methods: Iterable[str] | None,
        seed: int,
    ) -> None:
        """Answer shares of calls with 429 and 5xx from a generator seeded with ``seed``."""
        if min(too_many_requests, server_errors) < 0 or too_many_requests + server_errors > 1:
            raise ValueError("the shares of failing calls must be between 0 and 1 together")
        if too_many_requests == server_errors == 0:
            self._random = None
            return
        self._random = RandomFaults(
            too_many_requests,
            server_errors,
            retry_after,
            None if methods is None else frozenset(m.lower() for m in methods),
            random.Random(seed),
        )

    def block(self, chat_id: int) -> None:
        """Answer every later send/edit to ``chat_id`` with 403 "bot was blocked by the user"."""
        self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        """Undo :meth:`block`."""
        self._blocked.discard(chat_id)

    def migrate(self, chat_id: int, to_chat_id: int) -> None:
        """Answer every later send/edit to ``chat_id`` as Telegram does once the group became
        a supergroup: 400 with ``migrate_to_chat_id``."""
        self._migrated[chat_id] = to_chat_id

    def check(self, method: str, params: JSONDict) -> None:
        """Raise the error this call gets: a queued fault, else a random one, else a block
        or a migrated group."""
        queue = self._queued.get(method.lower())
        fault = queue.popleft() if queue else None
        if fault is None and self._random is not None:
            fault = self._random.draw(method)
        if fault is not None:
            raise ApiError(fault.status, fault.description, fault.parameters)
        if not method.startswith(("send", "edit", "copy", "forward")):
            return
        chat_id = params.get("chat_id")
        if chat_id in self._blocked:
            raise ApiError(403, BLOCKED_DESCRIPTION)
        if chat_id in self._migrated:
            parameters = {"migrate_to_chat_id": self._migrated[chat_id]}
            raise ApiError(400, MIGRATED_DESCRIPTION, parameters)


def early_retries(calls: Iterable[ApiCall]) -> list[tuple[ApiCall, ApiCall]]:
    """Pairs of a 429 to a chat and the next call to that chat that came too soon."""
    early: list[tuple[ApiCall, ApiCall]] = []
    waiting: dict[object, ApiCall] = {}
    for call in sorted(calls, key=lambda c: c.at):
        chat_id = call.params.get("chat_id")
        if chat_id is None:
            continue
        previous = waiting.pop(chat_id, None)
        if previous is not None and call.at - previous.at < _retry_after(previous):
            early.append((previous, call))
        if call.status == HTTPStatus.TOO_MANY_REQUESTS:
            waiting[chat_id] = call
    return early


def _retry_after(call: ApiCall) -> float:
    parameters = call.response.get("parameters") if isinstance(call.response, Mapping) else None
    return float((parameters or {}).get("retry_after", 0))
