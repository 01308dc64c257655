"""Running the real bot against the fake Bot API, in this process or as `python -m bot run`."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import Listen, VerstasApplication, build_application, running
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.foundation.clock import Clock
from config.settings import Settings

ROOT = Path(__file__).parents[2]

# The administrator of the end-to-end tests' `bot` fixture.
ADMIN = FakeUser(5001, "Marianna", language_code="fi")

# The variables of the contract; a developer's shell must not leak them into a test.
CONTRACT = (
    "BOT_TOKEN",
    "BOT_API_BASE_URL",
    "DATABASE_URL",
    "BOT_ADMIN_IDS",
    "BOT_TIMEZONE",
    "BOT_DEFAULT_LANGUAGE",
    "REMINDER_OFFSETS",
    "QUIET_HOURS",
    "BOT_TOKEN_FILE",
    "LOG_FORMAT",
    "PUBLIC_URL",
    "FEED_SECRET",
    "PRIVACY_CONTROLLER",
    "PRIVACY_DPO_CONTACT",
    "PRIVACY_LEGAL_BASIS",
    "WEBHOOK_SECRET",
    "METRICS_LISTEN",
    "MAX_CONCURRENT_UPDATES",
)


def clean_environment(**env: str) -> dict[str, str]:
    """This process's environment without the contract's variables, plus `env`."""
    return {**{k: v for k, v in os.environ.items() if k not in CONTRACT}, **env}


def settings_for(api: LocalBotAPI, database_url: str, **overrides: Any) -> Settings:
    """Settings pointing at the fake API and the test database, ignoring any `.env`."""
    return Settings(
        _env_file=None,
        bot_token=api.token,
        bot_api_base_url=api.base_url,
        database_url=database_url,
        **overrides,
    )


def fixed_clock(moment: datetime) -> Clock:
    """A clock that always says `moment`."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return lambda: aware


@asynccontextmanager
async def bot_running(
    api: LocalBotAPI, database_url: str, *, clock: Clock | None = None, **overrides: Any
) -> AsyncIterator[VerstasApplication]:
    """The real Application, polling the fake API, until the block exits."""
    settings = settings_for(api, database_url, **overrides)
    application = (
        build_application(settings) if clock is None else build_application(settings, clock=clock)
    )
    async with running(application):
        yield application


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@asynccontextmanager
async def bot_serving(
    api: LocalBotAPI, database_url: str, *, clock: Clock | None = None, **overrides: Any
) -> AsyncIterator[tuple[VerstasApplication, str]]:
    """The real Application, polling the fake API, with its web server on 127.0.0.1; yields
    the application and the server's address (also its PUBLIC_URL)."""
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    settings = settings_for(api, database_url, public_url=address, **overrides)
    application = (
        build_application(settings) if clock is None else build_application(settings, clock=clock)
    )
    async with running(application, listen=Listen("127.0.0.1", port)):
        yield application, address


class BotProcess:
    """`python -m bot run` in a child process, as an operator would start it."""

    def __init__(self, env: dict[str, str], cwd: Path) -> None:
        self.env = clean_environment(**env)
        self.cwd = cwd
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, *arguments: str) -> None:
        """Start the bot (`run` and `arguments`); it connects to the fake API on its own."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            *arguments,
            cwd=self.cwd,
            env=self.env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )

    async def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 15) -> int:  # noqa: ASYNC109
        """Send `sig` and wait for the process to exit; returns its exit status."""
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        return await asyncio.wait_for(self.process.wait(), timeout)

    async def output(self) -> str:
        """Everything the process wrote to stdout and stderr (after it has exited)."""
        assert self.process is not None
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        out = await self.process.stdout.read()
        err = await self.process.stderr.read()
        return (out + err).decode(errors="replace")

    async def kill(self) -> None:
        """Make sure the process is gone (for cleanup after a failed test)."""
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
