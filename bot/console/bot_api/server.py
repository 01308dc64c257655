"""The local Bot API server: an aiohttp app on 127.0.0.1, and what tests and the console use."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self

from aiohttp import web

from bot.console.bot_api import user_actions
from bot.console.bot_api.chats import Chats
from bot.console.bot_api.errors import ApiError, HangUp
from bot.console.bot_api.faults import Faults, early_retries
from bot.console.bot_api.files import FileStore
from bot.console.bot_api.methods import BotMethods
from bot.console.bot_api.params import read_params
from bot.console.bot_api.records import ApiCall, FakeChat, FakeUser, JSONDict, SentMessage
from bot.console.bot_api.updates import UpdateQueue

__all__ = ["LocalBotAPI"]


class LocalBotAPI:
    """An in-process HTTP fake of the Telegram Bot API for one bot token."""

    def __init__(
        self, token: str = "123456:TEST-TOKEN", *, bot_username: str = "verstas_test_bot"
    ) -> None:
        """Prepare the fake; call :meth:`start` (or use ``async with``) to listen."""
        self.token = token
        self.bot_username = bot_username
        self.bot_id = int(token.split(":", 1)[0])
        self.bot_first_name = "Verstas Test"
        self.base_url = ""
        self.port = 0

        self.calls: list[ApiCall] = []
        self._listeners: list[Callable[[ApiCall], None]] = []
        # While unreachable every request is hung up on unanswered; counted here.
        self.reachable = True
        self.hung_up = 0

        # Messages/calls are recorded inside request handlers, so a Condition can be notified
        # there.
        self._changed = asyncio.Condition()
        self._files = FileStore()
        self._chats = Chats(lambda: self.bot_user, self._files)
        self._updates = UpdateQueue(self._changed, lambda: self.reachable)
        self._faults = Faults()
        self._methods = BotMethods(self._chats, self._files, self._updates, lambda: self.bot_user)
        # Bot API method names are case-insensitive.
        self._method_names = {name.lower(): name for name in self._methods.handlers}
        self._runner: web.AppRunner | None = None

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a random free port."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # handler_cancellation: a client that gives up on a long poll cancels our waiter.
        runner = web.AppRunner(app, handler_cancellation=True, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        self._updates.closing = False
        self.port = int(runner.addresses[0][1])
        self.base_url = f"http://127.0.0.1:{self.port}/bot"

    async def stop(self) -> None:
        """Release pending long polls and shut the server down."""
        self._updates.closing = True
        self._updates.wake_pollers()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    async def __aenter__(self) -> Self:
        """Start the server."""
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the server."""
        await self.stop()

    # ---------------------------------------------------------------- users' actions

    @property
    def bot_user(self) -> JSONDict:
        """The bot's ``User`` object as getMe returns it."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def add_user(self, user: FakeUser) -> None:
        """Make a user known, as if they had started the bot, without queuing an update."""
        self._chats.add_user(user)

    def add_chat(self, chat: FakeChat) -> None:
        """Make a chat known (the bot is a member) without queuing an update."""
        self._chats.add_chat(chat)

    def inject_update(self, update: JSONDict) -> int:
        """Queue a raw update (``update_id`` is assigned) and return its update_id."""
        return self._updates.add(update)

    def send_text(
        self,
        user: FakeUser,
        text: str,
        *,
        chat: FakeChat | None = None,
        entities: list[JSONDict] | None = None,
    ) -> int:
        """Queue a text message from ``user`` (private chat unless ``chat``); return update_id.

        ``entities`` (bold, links …, UTF-16 offsets as in the Bot API) come after the
        bot_command entity that a leading command gets.
        """
        return self.inject_update(
            {"message": self.text_message(user, text, chat=chat, entities=entities)}
        )

    def text_message(
        self,
        user: FakeUser,
        text: str,
        *,
        chat: FakeChat | None = None,
        entities: list[JSONDict] | None = None,
    ) -> JSONDict:
        """A text message from ``user`` as an update carries it, not queued: for posting
        to a webhook. ``send_text`` queues one."""
        return user_actions.text_message(self._chats, user, text, chat=chat, entities=entities)

    def send_document(
        self,
        user: FakeUser,
        file_name: str,
        content: bytes,
        *,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
    ) -> int:
        """Queue a message with a file from ``user`` in a private chat; return update_id.

        The bot can fetch the bytes with getFile and a download, as from Telegram.
        """
        message = user_actions.document_message(
            self._chats, self._files, user, file_name, content, caption=caption, mime_type=mime_type
        )
        return self.inject_update({"message": message})

    def send_photo(self, user: FakeUser, content: bytes, *, caption: str | None = None) -> int:
        """Queue a message with a photo from ``user`` in a private chat; return update_id."""
        message = user_actions.photo_message(
            self._chats, self._files, user, content, caption=caption
        )
        return self.inject_update({"message": message})

    def press_button(
        self, user: FakeUser, message: SentMessage, data: str, *, check: bool = True
    ) -> int:
        """Queue a callback_query for an inline button of a bot message; return update_id.

        With ``check`` (the default) ``data`` must be on the message's current keyboard,
        because a real user can only press buttons that exist.
        """
        query = user_actions.button_press(self._chats, user, message, data, check=check)
        return self.inject_update({"callback_query": query})

    def add_bot_to_group(self, user: FakeUser, chat: FakeChat) -> int:
        """Queue a my_chat_member update: ``user`` added the bot to ``chat``; return update_id."""
        change = user_actions.bot_added(self._chats, user, chat, self.bot_user)
        return self.inject_update({"my_chat_member": change})

    # ---------------------------------------------------------------- inspection

    @property
    def sent(self) -> list[SentMessage]:
        """The messages the bot sent, in order (deleted ones included)."""
        return self._chats.sent

    @property
    def callback_answers(self) -> dict[str, JSONDict]:
        """The bot's answerCallbackQuery parameters by callback query id."""
        return self._chats.callback_answers

    @property
    def files(self) -> dict[str, tuple[str, bytes]]:
        """Files users sent: file_id -> (file_path, bytes)."""
        return self._files.from_users

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Updates not yet confirmed by a getUpdates offset."""
        return list(self._updates.pending)

    @property
    def webhook_url(self) -> str:
        """The URL setWebhook set; empty while the bot uses getUpdates."""
        return self._updates.webhook_url

    @property
    def waiting_polls(self) -> int:
        """How many getUpdates requests are parked in a long poll."""
        return self._updates.waiting_polls

    def add_listener(self, listener: Callable[[ApiCall], None]) -> None:
        """Call ``listener`` with every request of the bot once it is answered (the console
        shows messages as they come); it runs inside the server, so it must not block."""
        self._listeners.append(listener)

    def messages_to(self, chat_id: int) -> list[SentMessage]:
        """All messages the bot sent to ``chat_id``, in order (deleted ones included)."""
        return [m for m in self.sent if m.chat_id == chat_id]

    def calls_to(self, method: str) -> list[ApiCall]:
        """All recorded calls of ``method`` (case-insensitive), in order."""
        wanted = method.lower()
        return [c for c in self.calls if c.method.lower() == wanted]

    def commands(self, scope: JSONDict | None = None, language_code: str = "") -> list[JSONDict]:
        """The commands set by setMyCommands for ``scope`` and ``language_code``."""
        return self._methods.commands(scope, language_code)

    def dump(self) -> str:
        """Describe what the bot sent and which calls failed, for assertion messages."""
        lines = ["messages sent:"]
        lines += [f"  {m.describe()}" for m in self.sent] or ["  (none)"]
        failed = [c for c in self.calls if c.status != HTTPStatus.OK]
        if failed:
            lines.append("failed calls:")
            lines += [
                f"  {c.method} -> {c.status} {_describe_response(c.response)}" for c in failed
            ]
        return "\n".join(lines)

    # ---------------------------------------------------------------- waiting

    async def wait_for_message(
        self,
        chat_id: int,
        *,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 -- part of the helper's public interface
        predicate: Callable[[SentMessage], bool] | None = None,
    ) -> list[SentMessage]:
        """Wait until ``count`` matching messages to ``chat_id`` exist; return all matching."""

        def matching() -> list[SentMessage]:
            return [
                m for m in self.sent if m.chat_id == chat_id and (predicate is None or predicate(m))
            ]

        await self._wait_for(
            lambda: len(matching()) >= count,
            timeout,
            lambda: (
                f"timed out after {timeout}s waiting for {count} message(s) to chat "
                f"{chat_id}; {len(matching())} matched.\n{self.dump()}"
            ),
        )
        return matching()

    async def wait_for_call(
        self,
        method: str,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 -- part of the helper's public interface
        count: int = 1,
    ) -> ApiCall:
        """Wait until ``method`` has been called ``count`` times; return that call."""
        await self._wait_for(
            lambda: len(self.calls_to(method)) >= count,
            timeout,
            lambda: (
                f"timed out after {timeout}s waiting for call #{count} of {method}.\n{self.dump()}"
            ),
        )
        return self.calls_to(method)[count - 1]

    async def wait_until(
        self,
        condition: Callable[[], bool],
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 -- same style as wait_for_message
        what: str = "a condition",
    ) -> None:
        """Wait until ``condition()`` holds; it is checked after every call the bot makes."""
        await self._wait_for(
            condition, timeout, lambda: f"timed out after {timeout}s waiting for {what}"
        )

    async def wait_for_long_poll(
        self,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109 -- same style as wait_for_message
    ) -> None:
        """Wait until a getUpdates request is parked waiting for updates."""
        await self._wait_for(
            lambda: self._updates.waiting_polls > 0,
            timeout,
            lambda: (
                f"timed out after {timeout}s waiting for a getUpdates long poll.\n{self.dump()}"
            ),
        )

    async def _wait_for(
        self, condition: Callable[[], bool], seconds: float, failure: Callable[[], str]
    ) -> None:
        """Wait until ``condition()`` holds, or fail the test with ``failure()``."""
        try:
            async with asyncio.timeout(seconds), self._changed:
                await self._changed.wait_for(condition)
        except TimeoutError:
            raise AssertionError(failure()) from None

    # ---------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str,
        *,
        status: int,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with ``status`` (in FIFO order)."""
        self._faults.fail_next(
            method, status=status, times=times, retry_after=retry_after, description=description
        )

    def fail_randomly(
        self,
        *,
        too_many_requests: float = 0.0,
        server_errors: float = 0.0,
        retry_after: int = 1,
        methods: Iterable[str] | None = None,
        seed: int = 0,
    ) -> None:
        """Answer a share of calls (of ``methods``, default all) with 429 and ``retry_after``,
        and another share with 500 or 502; the draws come from a generator seeded with
        ``seed``. Shares of 0 turn it off. Faults queued by :meth:`fail_next` come first."""
        self._faults.fail_randomly(
            too_many_requests=too_many_requests,
            server_errors=server_errors,
            retry_after=retry_after,
            methods=methods,
            seed=seed,
        )

    def early_retries(self) -> list[tuple[ApiCall, ApiCall]]:
        """Pairs of a 429 to a chat and the next call to that chat that came sooner than
        its ``retry_after`` allowed; empty when the bot waited as asked."""
        return early_retries(self.calls)

    def become_unreachable(self) -> None:
        """Hang up on every request from now on without an answer, as when Telegram cannot
        be reached; long polls in progress are dropped too. Users may go on sending:
        their updates wait here, as they would at Telegram."""
        self.reachable = False
        self._updates.wake_pollers()

    def become_reachable(self) -> None:
        """Answer requests again."""
        self.reachable = True

    def block_user(self, chat_id: int) -> None:
        """Answer every later send/edit to ``chat_id`` with 403 "bot was blocked by the user"."""
        self._faults.block(chat_id)

    def unblock_user(self, chat_id: int) -> None:
        """Undo :meth:`block_user`."""
        self._faults.unblock(chat_id)

    def upgrade_group(self, chat_id: int, supergroup: FakeChat) -> None:
        """The group ``chat_id`` became ``supergroup``: later sends/edits to the old id get
        400 with ``migrate_to_chat_id``, as from Telegram."""
        self.add_chat(supergroup)
        self._faults.migrate(chat_id, supergroup.id)

    # ---------------------------------------------------------------- HTTP plumbing

    async def _handle(self, request: web.Request) -> web.Response:
        arrived = time.monotonic()
        if not self.reachable:
            return self._hang_up(request)
        path = request.match_info["tail"]
        if path.startswith("file/"):
            return self._files.download(path.removeprefix("file/"), self.token)
        token_part, _, raw_method = path.partition("/")
        if not token_part.startswith("bot") or not raw_method or "/" in raw_method:
            return _json_response(ApiError(404, "Not Found").to_json(), 404)
        method = self._method_names.get(raw_method.lower(), raw_method)
        status = 200
        body: JSONDict
        params: JSONDict = {}
        try:
            params = await read_params(request)
            if token_part[3:] != self.token:
                raise ApiError(401, "Unauthorized")
            handler = self._methods.handlers.get(method)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            self._faults.check(method, params)
            body = {"ok": True, "result": await handler(params)}
        except ApiError as err:
            status, body = err.status, err.to_json()
        except asyncio.CancelledError:
            # The client hung up (e.g. PTB stopped polling); 499 = "client closed request".
            self.calls.append(ApiCall(method, params, 499, at=arrived))
            raise
        except HangUp:
            return self._hang_up(request)
        call = ApiCall(method, params, status, body, at=arrived)
        self.calls.append(call)
        for listener in self._listeners:
            listener(call)
        async with self._changed:
            self._changed.notify_all()
        return _json_response(body, status)

    def _hang_up(self, request: web.Request) -> web.Response:
        self.hung_up += 1
        if request.transport is not None:
            request.transport.abort()
        # Never written: the connection is gone.
        return web.Response(status=HTTPStatus.SERVICE_UNAVAILABLE)


def _describe_response(response: Any) -> str:
    if isinstance(response, Mapping):
        return str(response.get("description", ""))
    return ""


def _json_response(body: JSONDict, status: int) -> web.Response:
    return web.Response(
        body=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        status=status,
        content_type="application/json",
    )
