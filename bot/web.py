"""The bot's web server: Telegram's webhook, `/healthz`, `/metrics` and the calendar feeds.

PTB's own webhook server serves one path only; this one (aiohttp) serves the webhook —
Telegram's secret header checked, the update handled before it is answered (so that a
chat's updates keep their order across instances) — beside what operators and calendar
apps fetch. It runs in webhook mode, and with long polling when `--listen` is given.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from prometheus_client.aiohttp import make_aiohttp_handler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application

from bot.replies.calendar import Feed, feed_content, feed_version, member_feed, workshop_feed
from bot.services.status import outbox_depth
from bot.telegram.context import runtime_of

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# A health check or a scrape that waits longer for the database says "unavailable".
DATABASE_TIMEOUT = 5.0
# A connection must send a whole request (line and headers) within this many seconds of
# opening or of its last answer, or it is closed: aiohttp's keep-alive timer also runs
# before the first request, so it bounds half-sent requests too. Telegram and calendar
# apps send theirs at once.
HEADER_TIMEOUT = 15.0
# The body of a webhook POST, once its headers are in.
BODY_TIMEOUT = 10.0
# At a stop, how long the updates being handled for Telegram may take to finish: one cut
# off is not answered, and Telegram posts it again (to another instance, if there is one).
SHUTDOWN_TIMEOUT = 10.0
# Feeds kept built, by their ETag: a workshop feed is read by many, and each app asks
# again every few minutes.
FEED_CACHE_SIZE = 256

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class WebServer:
    """Serves the routes for one application; `start` listens, `stop` closes."""

    def __init__(
        self,
        application: AnyApplication,
        *,
        webhook_path: str | None = None,
        webhook_secret: str | None = None,
        last_dispatch: Callable[[], datetime | None] = lambda: None,
        metrics_apart: bool = False,
    ) -> None:
        self.application = application
        # When this instance's outbox dispatcher last ran, for /metrics.
        self.last_dispatch = last_dispatch
        self.runtime = runtime_of(application)
        self.webhook_secret = webhook_secret
        self._metrics = make_aiohttp_handler(self.runtime.metrics.registry)
        self._feeds: OrderedDict[str, bytes] = OrderedDict()
        app = web.Application()
        if webhook_path is not None:
            app.router.add_post("/" + webhook_path.lstrip("/"), self.telegram_update)
        app.router.add_get("/healthz", self.health)
        if not metrics_apart:
            app.router.add_get("/metrics", self.metrics)
        app.router.add_get("/calendar/member/{token}.ics", self.member_calendar)
        app.router.add_get("/calendar/workshop/{token}.ics", self.workshop_calendar)
        self._runner = _runner(app)
        # METRICS_LISTEN: /metrics alone, on an address the public cannot reach.
        self._metrics_runner: web.AppRunner | None = None
        if metrics_apart:
            private = web.Application()
            private.router.add_get("/metrics", self.metrics)
            self._metrics_runner = _runner(private)
        self.port: int | None = None
        self.metrics_port: int | None = None

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (port 0: any free port, then in `self.port`)."""
        self.port = await _listen(self._runner, host, port)
        log.info("web server listening on %s:%s", host, self.port)

    async def start_metrics(self, host: str, port: int) -> None:
        """Serve /metrics on host:port (METRICS_LISTEN), apart from the public routes."""
        assert self._metrics_runner is not None
        self.metrics_port = await _listen(self._metrics_runner, host, port)
        log.info("metrics served on %s:%s", host, self.metrics_port)

    async def stop(self) -> None:
        """Stop taking requests and close the connections."""
        await self._runner.cleanup()
        if self._metrics_runner is not None:
            await self._metrics_runner.cleanup()

    async def telegram_update(self, request: web.Request) -> web.Response:
        """Telegram's POST of one update; refused (403) without the right secret header."""
        given = request.headers.get(SECRET_HEADER, "")
        if self.webhook_secret is None or not hmac.compare_digest(
            given.encode(), self.webhook_secret.encode()
        ):
            return web.Response(status=403)
        try:
            async with asyncio.timeout(BODY_TIMEOUT):
                data = await request.json()
            update = Update.de_json(data, self.application.bot)
        except Exception as error:
            # Only Telegram knows the secret, so this is a bug somewhere, not an attack.
            log.warning("webhook: not an update (%s)", type(error).__name__)
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        # Answered once the update is handled, not when it is queued: Telegram posts a
        # chat's next update only after this one's answer, so with several instances behind
        # one address a chat's updates are still handled one after another, in order. The
        # update processor bounds the updates in hand as for long polling.
        application = self.application
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        return web.Response()

    async def health(self, request: web.Request) -> web.Response:
        """200 when the database answers, 503 otherwise; a small JSON either way."""
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT):
                async with self.runtime.engine.connect() as connection:
                    # Our migrated schema, not just any database at that address.
                    await connection.execute(text("SELECT version_num FROM alembic_version"))
        except Exception as error:
            log.warning("health check: the database does not answer: %r", error)
            body = {"status": "unavailable", "database": type(error).__name__}
            return web.json_response(body, status=503)
        return web.json_response({"status": "ok", "database": "ok"})

    async def metrics(self, request: web.Request) -> web.StreamResponse:
        """Prometheus' text format; the outbox gauges read from the database just now."""
        runtime = self.runtime
        try:
            async with asyncio.timeout(DATABASE_TIMEOUT):
                async with runtime.sessions() as session:
                    depth = await outbox_depth(session, now=runtime.clock())
        except Exception as error:
            log.warning("metrics: the outbox could not be counted: %r", error)
            runtime.metrics.show_outbox(None, 0, self.last_dispatch())
        else:
            by_status = {status.value: count for status, count in depth.counts.items()}
            runtime.metrics.show_outbox(by_status, depth.due, self.last_dispatch())
        return await self._metrics(request)

    async def member_calendar(self, request: web.Request) -> web.StreamResponse:
        """A member's feed; 404 for an address that is not (or no longer) valid."""
        token = request.match_info["token"]
        return await self._calendar(
            request, lambda session: member_feed(session, self.runtime.replies, token)
        )

    async def workshop_calendar(self, request: web.Request) -> web.StreamResponse:
        """A workshop's feed in `?lang=` (default BOT_DEFAULT_LANGUAGE)."""
        token, language = request.match_info["token"], request.query.get("lang")
        return await self._calendar(
            request, lambda session: workshop_feed(session, self.runtime.replies, token, language)
        )

    async def _calendar(
        self, request: web.Request, find: Callable[[AsyncSession], Awaitable[Feed | None]]
    ) -> web.StreamResponse:
        """The feed `find` names: 304 if the app has this version, else from the cache or
        built anew (the building holds the event loop for milliseconds)."""
        try:
            async with self.runtime.sessions.begin() as session:
                feed = await find(session)
                if feed is None:
                    raise web.HTTPNotFound()
                version = await feed_version(session, feed)
                if any(tag.value == version.etag for tag in request.if_none_match or ()):
                    return web.Response(status=304, headers=_feed_headers(version.etag))
                content = self._feeds.get(version.etag)
                if content is None:
                    content = await feed_content(session, self.runtime.replies, feed)
                    self._remember(version.etag, content)
        except web.HTTPException:
            raise
        except Exception:
            # Logged here without the address: the path is a secret.
            log.exception("calendar feed failed")
            return web.Response(status=503)
        response = web.Response(
            body=content,
            content_type="text/calendar",
            charset="utf-8",
            headers=_feed_headers(version.etag),
        )
        # Shown, not used for 304: a removed meeting does not move the newest change.
        response.last_modified = version.last_modified
        return response

    def _remember(self, etag: str, content: bytes) -> None:
        self._feeds[etag] = content
        self._feeds.move_to_end(etag)
        while len(self._feeds) > FEED_CACHE_SIZE:
            self._feeds.popitem(last=False)


def _feed_headers(etag: str) -> dict[str, str]:
    # Personal data: no shared cache keeps it; apps ask again each time, with the ETag.
    return {"Cache-Control": "private, no-cache", "ETag": f'"{etag}"'}


def _runner(app: web.Application) -> web.AppRunner:
    # No access log: feed addresses are secrets, and a scrape every 15 s is noise.
    return web.AppRunner(
        app,
        access_log=None,
        shutdown_timeout=SHUTDOWN_TIMEOUT,
        keepalive_timeout=HEADER_TIMEOUT,
    )


async def _listen(runner: web.AppRunner, host: str, port: int) -> int:
    """Start `runner` on host:port; the port it got."""
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except BaseException:
        await runner.cleanup()
        raise
    return int(runner.addresses[0][1])
