"""The bot's web server: Telegram's webhook, `/healthz`, `/metrics` and the calendar feeds.

PTB's own webhook server serves one path only; this one (aiohttp) serves the webhook the
same way — Telegram's secret header checked, the update put on the application's queue —
beside what operators and calendar apps fetch. It runs in webhook mode, and with long
polling when `--listen` is given.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web
from prometheus_client.aiohttp import make_aiohttp_handler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import Application

from bot.replies.calendar import member_feed, workshop_feed
from bot.services.status import outbox_depth
from bot.telegram.context import runtime_of

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# A health check or a scrape that waits longer for the database says "unavailable".
DATABASE_TIMEOUT = 5.0

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
    ) -> None:
        self.application = application
        # When this instance's outbox dispatcher last ran, for /metrics.
        self.last_dispatch = last_dispatch
        self.runtime = runtime_of(application)
        self.webhook_secret = webhook_secret
        self._metrics = make_aiohttp_handler(self.runtime.metrics.registry)
        app = web.Application()
        if webhook_path is not None:
            app.router.add_post("/" + webhook_path.lstrip("/"), self.telegram_update)
        app.router.add_get("/healthz", self.health)
        app.router.add_get("/metrics", self.metrics)
        app.router.add_get("/calendar/member/{token}.ics", self.member_calendar)
        app.router.add_get("/calendar/workshop/{token}.ics", self.workshop_calendar)
        # No access log: feed addresses are secrets, and a scrape every 15 s is noise.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        self.port: int | None = None

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port (port 0: any free port, then in `self.port`)."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        try:
            await site.start()
        except BaseException:
            await self._runner.cleanup()
            raise
        self.port = int(self._runner.addresses[0][1])
        log.info("web server listening on %s:%s", host, self.port)

    async def stop(self) -> None:
        """Stop taking requests and close the connections."""
        await self._runner.cleanup()

    async def telegram_update(self, request: web.Request) -> web.Response:
        """Telegram's POST of one update; refused (403) without the right secret header."""
        given = request.headers.get(SECRET_HEADER, "")
        if self.webhook_secret is None or not hmac.compare_digest(
            given.encode(), self.webhook_secret.encode()
        ):
            return web.Response(status=403)
        try:
            data = await request.json()
            update = Update.de_json(data, self.application.bot)
        except Exception as error:
            # Only Telegram knows the secret, so this is a bug somewhere, not an attack.
            log.warning("webhook: not an update (%s)", type(error).__name__)
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        await self.application.update_queue.put(update)
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

    async def member_calendar(self, request: web.Request) -> web.Response:
        """A member's feed; 404 for an address that is not (or no longer) valid."""
        token = request.match_info["token"]
        return await self._calendar(
            lambda session: member_feed(session, self.runtime.replies, token)
        )

    async def workshop_calendar(self, request: web.Request) -> web.Response:
        """A workshop's feed in `?lang=` (default BOT_DEFAULT_LANGUAGE)."""
        token, language = request.match_info["token"], request.query.get("lang")
        return await self._calendar(
            lambda session: workshop_feed(session, self.runtime.replies, token, language)
        )

    async def _calendar(
        self, make: Callable[[AsyncSession], Awaitable[bytes | None]]
    ) -> web.Response:
        try:
            async with self.runtime.sessions.begin() as session:
                content = await make(session)
        except Exception:
            # Logged here without the address: the path is a secret.
            log.exception("calendar feed failed")
            return web.Response(status=503)
        if content is None:
            raise web.HTTPNotFound()
        return web.Response(
            body=content,
            content_type="text/calendar",
            charset="utf-8",
            # Personal data: no shared cache keeps it; apps ask again each time.
            headers={"Cache-Control": "private, no-cache"},
        )
