"""`python -m bot`: run the bot, import a schedule, migrate the database, load the demo, back
up the database, or try the bot in a terminal without Telegram."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from pydantic import ValidationError
from telegram.error import InvalidToken, NetworkError

from bot.app import Listen, Webhook, build_application, serve, webhook_secret
from bot.console.moment import DEMO_MOMENT, parse_moment
from bot.foundation.clock import system_clock
from bot.foundation.logs import configure_logging
from bot.language.catalog import Texts
from bot.planning.outbox import ReminderPolicy
from bot.planning.planner import Planner
from bot.replies.schedule_files import workshop_titles
from bot.replies.schedule_texts import describe_error, describe_report
from bot.services import schedules
from bot.services.members import network_name
from config.settings import DEMO_SCHEDULE, LANGUAGES, Settings, describe_errors
from storage.backup import BackupRefused, backup_database
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.schedule import ScheduleInvalid
from storage.schedule.read import format_of

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
DEFAULT_LISTEN = "0.0.0.0:8080"


NO_TOKEN = (
    "BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) and put its "
    "token in the environment or in .env as BOT_TOKEN=..."
)

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit status."""
    # Opt in to PTB's timedelta time periods (PTB 22.2+); without it every 429 answer warns
    # about the deprecated integer `RetryAfter.retry_after`.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        settings = Settings()
    except ValidationError as error:
        for line in describe_errors(error):
            print(line, file=sys.stderr)
        return EXIT_USAGE
    configure_logging(settings.token, log_format=settings.log_format)
    if args.command == "run":
        return run_command(settings, args.webhook, args.listen)
    if args.command == "import":
        return import_command(
            settings, args.file, args.format, dry_run=args.dry_run, prune=args.prune
        )
    if args.command == "backup":
        return backup_command(settings, args.path)
    if args.command == "demo":
        return asyncio.run(load_demo(settings, DEMO_SCHEDULE.read_bytes()))
    if args.command == "console":
        # Imported here: the console brings the local Bot API, which running the bot never needs.
        from bot.console.session import ConsoleOptions, console

        console(settings, ConsoleOptions(args.at, args.language, args.admin, listen=args.listen))
        return EXIT_OK
    return asyncio.run(migrate(settings))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    running = commands.add_parser(
        "run", help="run the bot (long polling, or a webhook); migrates the database first"
    )
    running.add_argument("--webhook", metavar="URL", help="take updates at this https URL")
    running.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help=(
            f"where the web server listens (webhook, /healthz, /metrics, calendar feeds; "
            f"behind a TLS proxy); with --webhook the default is {DEFAULT_LISTEN}, "
            "without it the server runs only when this is given"
        ),
    )
    importing = commands.add_parser("import", help="import a schedule file (YAML or CSV)")
    importing.add_argument("file", type=Path, help="the schedule file")
    importing.add_argument("--dry-run", action="store_true", help="check and report, save nothing")
    importing.add_argument(
        "--prune", action="store_true", help="remove meetings that are no longer in the file"
    )
    importing.add_argument(
        "--format",
        choices=["yaml", "csv", "text"],
        help="when the file name doesn't tell; text is an announcement in the network's words",
    )
    database = commands.add_parser("db", help="database maintenance")
    database.add_argument("action", choices=["upgrade"], help="upgrade: apply migrations")
    commands.add_parser("demo", help="load the demo network into an empty database")
    backing_up = commands.add_parser(
        "backup",
        help="copy the SQLite database to PATH, consistently, while the bot runs",
        description="A consistent copy of the SQLite database of DATABASE_URL, made while the "
        "bot runs. For PostgreSQL use pg_dump; restoring: docs/operations.md.",
    )
    backing_up.add_argument("path", type=Path, metavar="PATH", help="the new file (must not exist)")
    _add_console(commands)
    return parser


def _add_console(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `console` command and its options."""
    trying = commands.add_parser(
        "console",
        help="try the bot without Telegram: the demo network, chatting in this terminal",
        description="The bot on the demo network of 2009, against a built-in local Bot API, "
        "with you chatting in this terminal: type text or commands, a number presses a button. "
        "The database is data/console/verstas.sqlite3, new at every start; files the bot "
        "sends go to data/console/files/, its log to data/console/bot.log.",
    )
    trying.add_argument(
        "--at",
        metavar="MOMENT",
        type=_moment,
        default=DEMO_MOMENT,
        help="the bot's 'now' in the demo season, in BOT_TIMEZONE, e.g. '1.3.2009 12.00' "
        "(default: 8.1.2009 9.25); the clock runs on from it in real time",
    )
    trying.add_argument(
        "--language",
        choices=LANGUAGES,
        default="fi",
        help="the language of your (imagined) Telegram app; default fi",
    )
    trying.add_argument(
        "--admin", action="store_true", help="be an administrator, to try the coordinators' tools"
    )
    trying.add_argument(
        "--listen",
        metavar="HOST:PORT",
        type=_listen,
        help="run the web server there too (/healthz, /metrics, calendar feeds), e.g. "
        "127.0.0.1:8080",
    )


def token_missing() -> bool:
    """True when the settings are fine but name no bot token (`scripts/run` then starts the
    console); a bad setting is not "missing", so that `run` gets to report it."""
    try:
        return Settings().token is None
    except ValidationError:
        return False


def _listen(text: str) -> Listen:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit() or int(port) > 65_535:
        raise argparse.ArgumentTypeError("needs HOST:PORT, e.g. 127.0.0.1:8080")
    return Listen(host, int(port))


def _moment(text: str) -> datetime:
    try:
        return parse_moment(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def run_command(settings: Settings, webhook_url: str | None, listen_at: str | None) -> int:
    """`python -m bot run [--webhook URL] [--listen HOST:PORT]`: check, then run."""
    host, _, port = (listen_at or DEFAULT_LISTEN).rpartition(":")
    if not host or not port.isdigit() or int(port) > 65_535:
        print("--listen needs HOST:PORT, e.g. 0.0.0.0:8080", file=sys.stderr)
        return EXIT_USAGE
    if webhook_url is None:
        listen = Listen(host, int(port)) if listen_at is not None else None
        if listen is None and settings.public_url is not None:
            log.warning("PUBLIC_URL is set but there is no web server (--listen): no feed links")
            settings = settings.model_copy(update={"public_url": None})
        return run(settings, listen=listen)
    if not webhook_url.startswith(("https://", "http://")):
        print("--webhook needs an http(s) URL", file=sys.stderr)
        return EXIT_USAGE
    webhook = Webhook(webhook_url, host, int(port), webhook_secret(settings))
    if settings.public_url is None:
        # Telegram reaches the server there, so calendar apps can too.
        settings = settings.model_copy(update={"public_url": webhook.origin})
    return run(settings, webhook)


def run(settings: Settings, webhook: Webhook | None = None, listen: Listen | None = None) -> int:
    """Run the bot until SIGINT or SIGTERM."""
    if settings.token is None:
        print(NO_TOKEN, file=sys.stderr)
        return EXIT_USAGE

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await serve(build_application(settings), stop, webhook, listen)

    try:
        asyncio.run(main())
    except InvalidToken:
        print("BOT_TOKEN was refused by the Bot API: check the token", file=sys.stderr)
        return EXIT_USAGE
    except NetworkError as error:
        print(f"the Bot API at BOT_API_BASE_URL is not reachable: {error}", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def import_command(
    settings: Settings, path: Path, fmt: str | None, *, dry_run: bool, prune: bool
) -> int:
    """`python -m bot import`: usage errors first (exit 2), then the file itself."""
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"{path}: {error.strerror or 'cannot be read'}", file=sys.stderr)
        return EXIT_USAGE
    try:
        file_format = fmt or format_of(path.name)
    except ValueError:
        print(f"{path}: name the file .yaml, .yml, .csv or .txt, or give --format", file=sys.stderr)
        return EXIT_USAGE
    return asyncio.run(
        import_schedule(settings, data, file_format, dry_run=dry_run, prune=prune, source=path.name)
    )


async def import_schedule(
    settings: Settings,
    data: bytes,
    file_format: str,
    *,
    dry_run: bool = False,
    prune: bool = False,
    source: str = "",
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Check a schedule and write it in one transaction (or not at all)."""
    out, err = out or sys.stdout, err or sys.stderr
    texts = Texts.load(settings.bot_default_language)
    language = settings.bot_default_language
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
        async with create_sessions(engine)() as session:
            # Reminders of new meetings, notices of moved and cancelled ones are planned
            # with the import, so a dry run rolls both back.
            report = await schedules.import_schedule(
                session,
                data,
                file_format,
                default_timezone=settings.bot_timezone,
                planner=Planner(ReminderPolicy.from_settings(settings), system_clock),
                prune=prune,
                # Whoever runs the command line runs the bot: an administrator.
                grant_roles=True,
            )
            await schedules.audit_role_grants(
                session, report, actor_id=0, actor_name="command line", source=source
            )
            workshops = await workshop_titles(session, language)
            if dry_run:
                await session.rollback()
            else:
                await session.commit()
    except ScheduleInvalid as invalid:
        for problem in invalid.errors:
            print(describe_error(texts, language, problem), file=err)
        print(texts(language, "import-invalid", count=invalid.error_count), file=err)
        return EXIT_INVALID
    finally:
        await engine.dispose()

    for line in describe_report(
        texts, language, report, settings.bot_timezone, done=not dry_run, workshops=workshops
    ):
        print(line, file=out)
    if dry_run:
        print(texts(language, "import-dry-run"), file=out)
    return EXIT_OK


def backup_command(settings: Settings, path: Path) -> int:
    """`python -m bot backup PATH`: 0 when copied, 2 when not possible as asked, 1 on failure."""
    try:
        size = backup_database(settings.database_url, path)
    except BackupRefused as refused:
        print(refused, file=sys.stderr)
        return EXIT_USAGE
    except (sqlite3.Error, OSError) as error:
        print(f"the backup failed: {error}", file=sys.stderr)
        return EXIT_INVALID
    print(f"backup written: {path} ({size:,} bytes)")
    return EXIT_OK


async def migrate(settings: Settings) -> int:
    """Apply every migration."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    print("database is up to date")
    return EXIT_OK


async def load_demo(settings: Settings, demo: bytes) -> int:
    """Import the demo network, but only into a database that has no network yet."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
        async with create_sessions(engine)() as session:
            existing = await network_name(session)
    finally:
        await engine.dispose()
    if existing is not None:
        print(f"the database already has the network {existing!r}; demo data not loaded")
        return EXIT_OK
    return await import_schedule(settings, demo, "yaml", source="demo")
