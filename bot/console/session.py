"""`python -m bot console`: the real bot on the demo network, against the local Bot API, with
one person chatting in the terminal.

The demo network is the 2009 season, so with the real date every meeting would be past. The
bot's clock therefore runs from a moment of that season (by default Thursday 8.1.2009 at 9.25,
five minutes before the week-ahead reminders of the meeting of 15.1.2009 go out) onward in
real time. The database is the console's own, created afresh at every start.
"""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import SecretStr

from bot.app import Listen, build_application, running
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.console.chat import Screen, TerminalChat, read_lines
from bot.console.moment import DEMO_MOMENT
from bot.foundation.clock import running_from
from bot.foundation.logs import configure_logging
from bot.language.catalog import Texts
from bot.language.dates import format_when
from config.settings import DEMO_SCHEDULE, Language, Settings
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.schedule import apply_schedule, read_schedule_bytes

# Where the console keeps its database, its log and the files the bot sends.
CONSOLE_FOLDER = Path("data") / "console"
# Made up: the local Bot API accepts it, Telegram never sees it.
CONSOLE_TOKEN = "1000001:CONSOLE-NOT-A-REAL-TOKEN"
PERSON_ID = 2009


@dataclass(frozen=True)
class ConsoleOptions:
    """What the person chose on the command line."""

    moment: datetime = DEMO_MOMENT  # local time of the network (BOT_TIMEZONE)
    language: Language = "fi"
    administrator: bool = False
    folder: Path = CONSOLE_FOLDER
    # Where the bot's web server listens (/healthz, /metrics, feeds); None: no server.
    listen: Listen | None = None


def web_address(listen: Listen) -> str:
    """The address to open the console's web server at, from this machine."""
    # A server on every interface is reached on this machine at the loopback address.
    host = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(listen.host, listen.host)
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{listen.port}"


def person(language: Language) -> FakeUser:
    """The one person at the console, with a Telegram app in `language`."""
    return FakeUser(PERSON_ID, "Aino", last_name="Kokeilija", language_code=language)


def console(settings: Settings, options: ConsoleOptions) -> None:
    """Run a console session in this terminal until /quit, Ctrl-D, Ctrl-C or SIGTERM."""
    options.folder.mkdir(parents=True, exist_ok=True)
    # The bot's log would get in the way of the chat; it goes to a file instead.
    configure_logging(None, path=options.folder / "bot.log")
    # A line for every request of the bot to the local Bot API would drown the rest.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    # A terminal that cannot show "›" or "ä" gets a stand-in rather than a crash.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="replace")
    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    styled = interactive and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    screen = Screen(sys.stdout, interactive=interactive, styled=styled)
    try:
        asyncio.run(chat_session(settings, options, screen, sys.stdin.fileno()))
    except KeyboardInterrupt:
        # Ctrl-C while the bot was starting: it stopped cleanly all the same.
        if interactive:
            screen.show("")


async def chat_session(
    settings: Settings, options: ConsoleOptions, screen: Screen, input_fd: int
) -> None:
    """Start the local Bot API and the bot, then chat until the person ends it."""
    texts = Texts.load(settings.bot_default_language)
    moment = options.moment.replace(tzinfo=settings.bot_timezone)
    database = await fresh_database(options.folder / "verstas.sqlite3", settings)
    fresh_files(options.folder / "files")
    async with LocalBotAPI(CONSOLE_TOKEN, bot_username="verstas_console_bot") as api:
        api.bot_first_name = "Verstas"
        bot_settings = settings.model_copy(
            update={
                "bot_token": SecretStr(api.token),
                "bot_api_base_url": api.base_url,
                "database_url": database,
                "bot_admin_ids": (PERSON_ID,) if options.administrator else (),
                # The feed links of /calendar point at the console's own web server.
                "public_url": settings.public_url
                or (web_address(options.listen) if options.listen else None),
            }
        )
        application = build_application(bot_settings, clock=running_from(moment), texts=texts)
        async with running(application, listen=options.listen):
            chat = TerminalChat(
                api, person(options.language), texts, screen, options.folder / "files"
            )
            when = format_when(moment.date(), moment, None, chat.language, settings.bot_timezone)
            chat.say("console-note", moment=when)
            if options.listen is not None:
                chat.say("console-web", url=web_address(options.listen))
            if options.administrator:
                chat.say("console-admin")
            chat.say("console-help")
            # At a terminal, lines that arrive at once are a paste: one message.
            lines = read_lines(input_fd, asyncio.get_running_loop(), paste=screen.interactive)
            await _until_stopped(chat, lines)


async def _until_stopped(chat: TerminalChat, lines: asyncio.Queue[str | None]) -> None:
    loop = asyncio.get_running_loop()
    talking = asyncio.create_task(chat.run(lines))
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, talking.cancel)
    try:
        await asyncio.wait([talking])
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    if not talking.cancelled():
        talking.result()


def fresh_files(folder: Path) -> None:
    """Empty the folder of the files the bot sends, as the database is new at every start.

    Files of an earlier run would keep the plain names (`verstas.ics`), and this run's files
    would be saved beside them as `verstas-2.ics`: whoever opened the file by its name would
    get an earlier run's.
    """
    if folder.is_dir():
        for kept in folder.iterdir():
            if kept.is_file() or kept.is_symlink():
                kept.unlink()


async def fresh_database(path: Path, settings: Settings) -> str:
    """A new SQLite file at `path`, migrated, with the demo network; returns its URL."""
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    url = f"sqlite+aiosqlite:///{path}"
    engine = create_engine(url)
    try:
        await upgrade(engine)
        async with create_sessions(engine).begin() as session:
            schedule = read_schedule_bytes(DEMO_SCHEDULE.read_bytes(), "yaml")
            await apply_schedule(session, schedule, default_timezone=settings.bot_timezone)
    finally:
        await engine.dispose()
    return url
