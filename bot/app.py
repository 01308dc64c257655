"""The composition root: builds the PTB Application from Settings and runs it.

Nothing here does I/O when imported or built; the database is migrated and the command
menus are published when the bot starts (`running`).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urlsplit

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot.delivery.dispatch import Dispatcher
from bot.delivery.telegram_sender import TelegramSender
from bot.foundation.clock import Clock, system_clock
from bot.foundation.metrics import Metrics
from bot.language.catalog import Texts
from bot.language.finnish import analyser_name
from bot.planning.outbox import plan_everything
from bot.replies.context import ReplyContext
from bot.services.feeds import CalendarFeeds, feed_key
from bot.services.permissions import staff_menus
from bot.services.privacy import purge_expired
from bot.telegram.context import RUNTIME_KEY, Runtime, VerstasContext, runtime_of
from bot.telegram.menu import set_command_menus
from bot.telegram.ratelimit import FairRateLimiter, SendLimits
from bot.telegram.updates import ChatOrderedUpdates
from config.settings import Settings
from handlers import register_handlers
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade

if TYPE_CHECKING:
    from bot.web import WebServer

log = logging.getLogger(__name__)

VerstasApplication = Application[Any, VerstasContext, Any, Any, Any, Any]
DISPATCHER_KEY = "verstas.dispatcher"

# How often the dispatcher looks for due outbox rows; between looks it wakes when the
# next known row comes due.
DISPATCH_INTERVAL = 1.0
# Between looks at a row that is due but was not claimed (another instance holds it).
MIN_WAIT = 0.05


def build_application(
    settings: Settings,
    *,
    clock: Clock = system_clock,
    texts: Texts | None = None,
    limits: SendLimits | None = None,
) -> VerstasApplication:
    """Assemble the Application: Bot API client, defaults, rate limiter, handlers, runtime.

    `limits` replaces Telegram's (BOT_SEND_RATE and the per-chat ones): the benchmarks
    lift them to measure what the sending pipeline itself can do.
    """
    token = settings.token
    limits = limits or SendLimits(per_second=settings.bot_send_rate)
    if token is None:
        raise ValueError("BOT_TOKEN is not set")
    texts = texts or Texts.load(settings.bot_default_language)
    engine = create_engine(settings.database_url, connections=settings.max_concurrent_updates)
    sessions = create_sessions(engine)
    metrics = Metrics()
    application: VerstasApplication = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.bot_api_base_url)
        .base_file_url(file_url_of(settings.bot_api_base_url))
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=settings.bot_timezone))
        .rate_limiter(FairRateLimiter(limits))
        .context_types(ContextTypes(context=VerstasContext))
        # Different chats at the same time, each chat's updates in order; one session each.
        .concurrent_updates(ChatOrderedUpdates(metrics, settings.max_concurrent_updates))
        .build()
    )
    secret = settings.feed_secret.get_secret_value() if settings.feed_secret else None
    feeds = CalendarFeeds(feed_key(feed_secret=secret, token=token), settings.public_url)
    replies = ReplyContext.of(settings, texts=texts, clock=clock, feeds=feeds)
    dispatcher = Dispatcher(
        sessions=sessions,
        sender=TelegramSender(application.bot),
        texts=texts,
        policy=replies.policy,
        clock=clock,
        send_rate=limits.per_second,
        metrics=metrics,
    )
    application.bot_data[RUNTIME_KEY] = Runtime(
        settings=settings,
        texts=texts,
        clock=clock,
        engine=engine,
        sessions=sessions,
        replies=replies,
        metrics=metrics,
    )
    # The dispatcher is the app's own: handlers and replies never send through it.
    application.bot_data[DISPATCHER_KEY] = dispatcher
    register_handlers(application, flood_limit=settings.flood_limit)
    return application


def dispatcher_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Dispatcher:
    """The outbox dispatcher of an application built by `build_application`."""
    return cast(Dispatcher, application.bot_data[DISPATCHER_KEY])


def file_url_of(base_url: str) -> str:
    """Telegram serves files beside the methods: `…/bot` → `…/file/bot`."""
    head, _, tail = base_url.rstrip("/").rpartition("/")
    return f"{head}/file/{tail}" if head else base_url


def webhook_secret(settings: Settings) -> str:
    """WEBHOOK_SECRET, or else one derived from the token.

    Telegram keeps the secret of the last setWebhook: instances behind one webhook
    address must all have the same one, also after a restart, so it cannot be random.
    """
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    if settings.token is None:
        raise ValueError("BOT_TOKEN is not set")
    # Hex: Telegram takes only letters, digits, _ and - in a secret.
    return hmac.new(settings.token.encode(), b"verstas webhook secret", hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts updates, where we listen, and the secret it must present."""

    url: str
    listen: str
    port: int
    secret: str

    @property
    def path(self) -> str:
        """The URL's path, which the web server answers on."""
        return urlsplit(self.url).path.lstrip("/")

    @property
    def origin(self) -> str:
        """`https://host` of the URL: the default public address of the web server."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Listen:
    """Where the web server listens in long-polling mode (health, metrics, feeds)."""

    host: str
    port: int


@asynccontextmanager
async def running(
    application: VerstasApplication,
    *,
    poll_timeout: float = 10,
    webhook: Webhook | None = None,
    listen: Listen | None = None,
    reconcile: bool = True,
) -> AsyncIterator[VerstasApplication]:
    """Migrate, connect, publish menus and take updates (long polling or a webhook)
    until the block exits; the web server runs with a webhook or where `listen` says.

    Updates are taken at once; the upcoming meetings are reconciled meanwhile, and the
    outbox is dispatched once that is done. `reconcile=False` skips the reconciling: the
    benchmarks of questions use it on a database whose reminders are not what they
    measure.
    """
    runtime = runtime_of(application)
    # Questions in Finnish are understood less well without Voikko: say which one runs.
    log.info("Finnish words are analysed with %s", analyser_name())
    await upgrade(runtime.engine)
    try:
        await application.initialize()
        address = listen if webhook is None else Listen(webhook.listen, webhook.port)
        server = _web_server(application, address, webhook)
        try:
            async with runtime.sessions() as session:
                staff = await staff_menus(session)
            await set_command_menus(application.bot, runtime.texts, staff)
            await application.start()
            try:
                await _take_updates(application, server, address, webhook, poll_timeout)
            except BaseException:
                # A refused webhook, a port in use or a failed first poll: stop what started.
                if server is not None:
                    await server.stop()
                await application.stop()
                raise
            log.info("Verstas is running as @%s", application.bot.username)
            starting = asyncio.create_task(_reconcile_then_dispatch(application, reconcile))
            try:
                yield application
            finally:
                starting.cancel()
                with suppress(asyncio.CancelledError):
                    await starting
                if application.updater is not None and application.updater.running:
                    await application.updater.stop()
                if server is not None:
                    await server.stop()
                await application.stop()
        finally:
            await application.shutdown()
    finally:
        await runtime.engine.dispose()


def _web_server(
    application: VerstasApplication, address: Listen | None, webhook: Webhook | None
) -> WebServer | None:
    """The web server, where a listen address, a webhook or METRICS_LISTEN asks for one."""
    metrics_at = runtime_of(application).settings.metrics_address
    if address is None and metrics_at is None:
        return None
    # Imported only when wanted: the web server's library (aiohttp) is 5 MB of memory that
    # a bot taking updates by long polling without --listen never uses.
    from bot.web import WebServer

    return WebServer(
        application,
        last_dispatch=lambda: dispatcher_of(application).last_run,
        webhook_path=webhook.path if webhook else None,
        webhook_secret=webhook.secret if webhook else None,
        metrics_apart=metrics_at is not None,
    )


async def _take_updates(
    application: VerstasApplication,
    server: WebServer | None,
    address: Listen | None,
    webhook: Webhook | None,
    poll_timeout: float,
) -> None:
    """Open the web server where it is wanted, then poll or set the webhook."""
    assert application.updater is not None
    if server is not None and address is not None:
        await server.start(address.host, address.port)
    metrics_at = runtime_of(application).settings.metrics_address
    if server is not None and metrics_at is not None:
        await server.start_metrics(*metrics_at)
    if webhook is None:
        await application.updater.start_polling(
            poll_interval=0,
            timeout=int(poll_timeout),
            allowed_updates=Update.ALL_TYPES,
            error_callback=_polling_failed,
        )
    else:
        # Our server refuses (403) any request without Telegram's secret header.
        await application.bot.set_webhook(
            url=webhook.url,
            secret_token=webhook.secret,
            allowed_updates=Update.ALL_TYPES,
        )


async def _reconcile_then_dispatch(application: VerstasApplication, reconcile: bool) -> None:
    """Plan what changed while the bot was down, then start the dispatcher.

    Done while the bot already answers: with a hundred thousand members reconciling takes
    many seconds, and questions need not wait for it; reminders do.
    """
    runtime = runtime_of(application)
    if reconcile:
        try:
            started = time.monotonic()
            async with runtime.sessions.begin() as session:
                # Whatever changed while the bot was down (REMINDER_OFFSETS, an import by
                # another tool) is planned before the first dispatch.
                added = await plan_everything(
                    session,
                    now=runtime.clock(),
                    policy=runtime.replies.policy,
                )
            log.info(
                "upcoming meetings reconciled in %.1f s: %s reminders added",
                time.monotonic() - started,
                added,
            )
        except Exception:
            # What was planned before still goes out; the next start tries again.
            log.exception("planning the upcoming meetings at start failed")
    schedule_dispatching(application)


async def _purge(context: VerstasContext) -> None:
    runtime = context.runtime
    try:
        async with runtime.sessions.begin() as session:
            messages, audit = await purge_expired(
                session, now=runtime.clock(), retention_days=runtime.settings.retention_days
            )
        if messages or audit:
            log.info("retention: deleted %s old messages and %s audit entries", messages, audit)
    except Exception:
        # Tomorrow's run tries again; nothing is lost by waiting.
        log.exception("purging expired data failed")


def schedule_dispatching(application: VerstasApplication) -> None:
    """Run the outbox dispatcher every DISPATCH_INTERVAL on PTB's JobQueue (APScheduler)."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        _dispatch,
        interval=DISPATCH_INTERVAL,
        first=0,
        name="outbox",
        job_kwargs={
            # APScheduler silently drops a run that starts later than misfire_grace_time
            # (1 s by default): a busy event loop must not cost a round of reminders.
            "misfire_grace_time": None,
            "coalesce": True,
            # One run at a time per process; a long run makes the next ones wait.
            "max_instances": 1,
        },
    )
    # Retention (RETENTION_DAYS): soon after start, then daily.
    application.job_queue.run_repeating(
        _purge, interval=86_400, first=60, name="retention", job_kwargs={"misfire_grace_time": None}
    )


async def _dispatch(context: VerstasContext) -> None:
    dispatcher, clock = dispatcher_of(context.application), context.runtime.clock
    loop = asyncio.get_running_loop()
    next_tick = loop.time() + DISPATCH_INTERVAL
    try:
        while context.application.running:
            # Drain: full batches mean more is due right now. Not once the bot is stopping:
            # PTB waits for this job before it stops, and a reminder to ten thousand
            # members drained at 30 a second would hold the stop for minutes; what is left
            # stays in the outbox for the next start.
            while (await dispatcher.run_once()).claimed == dispatcher.batch_size:
                if not context.application.running:
                    return
            # A row coming due before the next tick is sent at its moment, not up to a
            # whole interval late; rows planned meanwhile by others wait for the tick.
            due = await dispatcher.next_due()
            if due is None:
                return
            wait = max(MIN_WAIT, (due - clock()).total_seconds())
            if loop.time() + wait >= next_tick:
                return
            await asyncio.sleep(wait)
    except Exception:
        # The next run tries again; the rows stay in the outbox.
        log.exception("dispatching the outbox failed")


def _polling_failed(error: TelegramError) -> None:
    # PTB retries by itself; one line per failure is enough during a Telegram outage.
    log.warning("getting updates failed: %s", error)


async def serve(
    application: VerstasApplication,
    stop: asyncio.Event,
    webhook: Webhook | None = None,
    listen: Listen | None = None,
) -> None:
    """Run the bot until `stop` is set (by SIGINT or SIGTERM in `python -m bot run`)."""
    async with running(application, webhook=webhook, listen=listen):
        await stop.wait()
    log.info("Verstas stopped")
