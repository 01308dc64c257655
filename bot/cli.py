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
from collections.abc import Iterator
from contextlib import contextmanager
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
from bot.replies.pasted_announcements import reading_notes
from bot.replies.schedule_texts import describe_error, describe_report
from bot.services import schedules
from bot.services.directory import load_directory
from bot.services.members import network_name
from config.settings import DEMO_SCHEDULE, LANGUAGES, Language, Settings, describe_errors
from storage.backup import BackupRefused, backup_database
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.schedule import ScheduleInvalid
from storage.schedule.read import format_of

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
DEFAULT_LISTEN = "0.0.0.0:8080"


log = logging.getLogger("bot")


class _Say:
    """The command line's texts in the bot's default language (BOT_DEFAULT_LANGUAGE)."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.texts = Texts.load(language)

    def speak(self, language: Language) -> None:
        """Speak `language` from now on."""
        self.language = language

    def __call__(self, key: str, /, **args: str | int) -> str:
        return self.texts(self.language, key, **args)


say = _Say("fi")

# argparse's own messages as the catalogs' keys: usage errors in the same language as the
# rest. argparse looks its texts up through gettext at the moment it writes them.
ARGPARSE_TEXTS = {
    "usage: ": "cli-argparse-usage",
    "%(prog)s: error: %(message)s\n": "cli-argparse-error",
    "the following arguments are required: %s": "cli-argparse-required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli-argparse-choice",
    "unrecognized arguments: %s": "cli-argparse-unrecognized",
    "argument %(argument_name)s: %(message)s": "cli-argparse-argument",
    "expected one argument": "cli-argparse-one-argument",
    "invalid %(type)s value: %(value)r": "cli-argparse-invalid-value",
    "ambiguous option: %(option)s could match %(matches)s": "cli-argparse-ambiguous",
    "positional arguments": "cli-argparse-positional",
    "options": "cli-argparse-options",
    "show this help message and exit": "cli-argparse-help",
}


def _default_language() -> Language:
    """BOT_DEFAULT_LANGUAGE from the settings; Finnish while the settings are not valid."""
    try:
        return Settings().bot_default_language
    except ValidationError:
        value = os.environ.get("BOT_DEFAULT_LANGUAGE", "")
        return next((language for language in LANGUAGES if language == value), "fi")


@contextmanager
def _argparse_speaks(texts: _Say) -> Iterator[None]:
    """argparse's messages in `texts`' language while the command line is parsed."""

    def translate(message: str) -> str:
        key = ARGPARSE_TEXTS.get(message)
        if key is None:
            return message
        # Fluent trims a text's ends; argparse's texts end in a space or a newline.
        return texts(key) + message[len(message.rstrip()) :]

    original = argparse._  # type: ignore[attr-defined]
    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command; returns the exit status."""
    # Opt in to PTB's timedelta time periods (PTB 22.2+); without it every 429 answer warns
    # about the deprecated integer `RetryAfter.retry_after`.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    say.speak(_default_language())
    with _argparse_speaks(say):
        # Built inside: argparse names its groups and -h as the parser is made.
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
    parser = argparse.ArgumentParser(prog="python -m bot", description=say("cli-description"))
    commands = parser.add_subparsers(dest="command", metavar=say("cli-command-metavar"))
    running = commands.add_parser("run", help=say("cli-help-run"))
    running.add_argument("--webhook", metavar="URL", help=say("cli-help-webhook"))
    running.add_argument(
        "--listen", metavar="HOST:PORT", help=say("cli-help-listen", default=DEFAULT_LISTEN)
    )
    importing = commands.add_parser("import", help=say("cli-help-import"))
    importing.add_argument("file", type=Path, help=say("cli-help-file"))
    importing.add_argument("--dry-run", action="store_true", help=say("cli-help-dry-run"))
    importing.add_argument("--prune", action="store_true", help=say("cli-help-prune"))
    importing.add_argument("--format", choices=["yaml", "csv", "text"], help=say("cli-help-format"))
    database = commands.add_parser("db", help=say("cli-help-db"))
    database.add_argument("action", choices=["upgrade"], help=say("cli-help-upgrade"))
    commands.add_parser("demo", help=say("cli-help-demo"))
    backing_up = commands.add_parser(
        "backup", help=say("cli-help-backup"), description=say("cli-description-backup")
    )
    backing_up.add_argument("path", type=Path, metavar="PATH", help=say("cli-help-backup-path"))
    _add_console(commands)
    return parser


def _add_console(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `console` command and its options."""
    trying = commands.add_parser(
        "console", help=say("cli-help-console"), description=say("cli-description-console")
    )
    trying.add_argument(
        "--at", metavar="MOMENT", type=_moment, default=DEMO_MOMENT, help=say("cli-help-at")
    )
    trying.add_argument(
        "--language", choices=LANGUAGES, default="fi", help=say("cli-help-language")
    )
    trying.add_argument("--admin", action="store_true", help=say("cli-help-admin"))
    trying.add_argument(
        "--listen", metavar="HOST:PORT", type=_listen, help=say("cli-help-console-listen")
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
        raise argparse.ArgumentTypeError(say("cli-needs-host-port", example="127.0.0.1:8080"))
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
        print(say("cli-listen-needs", example=DEFAULT_LISTEN), file=sys.stderr)
        return EXIT_USAGE
    if webhook_url is None:
        listen = Listen(host, int(port)) if listen_at is not None else None
        if listen is None and settings.public_url is not None:
            log.warning("PUBLIC_URL is set but there is no web server (--listen): no feed links")
            settings = settings.model_copy(update={"public_url": None})
        return run(settings, listen=listen)
    if not webhook_url.startswith(("https://", "http://")):
        print(say("cli-webhook-needs"), file=sys.stderr)
        return EXIT_USAGE
    webhook = Webhook(webhook_url, host, int(port), webhook_secret(settings))
    if settings.public_url is None:
        # Telegram reaches the server there, so calendar apps can too.
        settings = settings.model_copy(update={"public_url": webhook.origin})
    return run(settings, webhook)


def run(settings: Settings, webhook: Webhook | None = None, listen: Listen | None = None) -> int:
    """Run the bot until SIGINT or SIGTERM."""
    if settings.token is None:
        print(say("cli-no-token"), file=sys.stderr)
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
        print(say("cli-token-refused"), file=sys.stderr)
        return EXIT_USAGE
    except NetworkError as error:
        print(say("cli-api-unreachable", error=str(error)), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def import_command(
    settings: Settings, path: Path, fmt: str | None, *, dry_run: bool, prune: bool
) -> int:
    """`python -m bot import`: usage errors first (exit 2), then the file itself."""
    try:
        data = path.read_bytes()
    except OSError as error:
        if isinstance(error, FileNotFoundError):
            print(say("cli-no-such-file", path=str(path)), file=sys.stderr)
        else:
            reason = error.strerror or type(error).__name__
            print(say("cli-unreadable", path=str(path), reason=reason), file=sys.stderr)
        return EXIT_USAGE
    try:
        file_format = fmt or format_of(path.name)
    except ValueError:
        print(say("cli-file-type", path=str(path)), file=sys.stderr)
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
    notes: list[str] = []
    try:
        await upgrade(engine)
        async with create_sessions(engine)() as session:
            if file_format == "text":
                # What the text states but cannot be imported, and weekdays that do not fit,
                # said as the chat says them.
                reading, directory = await schedules.read_announcement_file(session, data)
                notes = reading_notes(texts, language, settings.bot_timezone, reading, directory)
                if not reading.meetings:
                    print("\n".join(notes or [texts(language, "pasted-nothing-found")]), file=err)
                    print(texts(language, "import-text-nothing"), file=err)
                    return EXIT_INVALID
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
            directory = await load_directory(session)
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
        texts, language, report, settings.bot_timezone, done=not dry_run, directory=directory
    ):
        print(line, file=out)
    for note in notes:
        print(note, file=out)
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
        print(say("cli-backup-failed", error=str(error)), file=sys.stderr)
        return EXIT_INVALID
    print(say("cli-backup-written", path=str(path), size=size))
    return EXIT_OK


async def migrate(settings: Settings) -> int:
    """Apply every migration."""
    engine = create_engine(settings.database_url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()
    print(say("cli-database-up-to-date"))
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
        print(say("cli-demo-not-loaded", network=existing))
        return EXIT_OK
    return await import_schedule(settings, demo, "yaml", source="demo")
