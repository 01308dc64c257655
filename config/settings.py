"""Settings from the environment and `.env`, validated once at start.

Every variable of the contract (README, Configuration) is here. A bad value stops the start with
one line that names the variable (see `describe_errors`); the token is a `SecretStr` so
that it never appears in a log line or a `repr`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time, timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticUseDefault
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")

TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_DATABASE_FILE = Path("data") / "verstas.sqlite3"
# The ARVO network of 2009: `python -m bot demo` loads it, `python -m bot console` runs on it.
DEMO_SCHEDULE = Path(__file__).parent / "demo" / "arvo-2009.yaml"

_OFFSET = re.compile(r"^([0-9]{1,9})\s*([dhms])$")
_UNIT_SECONDS = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}
# A reminder more than a year ahead is a typo, and a huge one would overflow the dates.
MAX_OFFSET_SECONDS = 366 * 86_400


def parse_offset(text: str) -> timedelta:
    """Parse one reminder offset such as `7d`, `2h`, `30m` or `45s`."""
    match = _OFFSET.match(text.strip().lower())
    if match is None:
        raise ValueError(
            f"'{text.strip()}' is not an offset; write a number and d, h, m or s, e.g. 2h"
        )
    amount, unit = match.groups()
    seconds = int(amount) * _UNIT_SECONDS[unit]
    if seconds == 0:
        raise ValueError(f"'{text.strip()}' is zero; an offset must be positive")
    if seconds > MAX_OFFSET_SECONDS:
        raise ValueError(f"'{text.strip()}' is more than a year")
    return timedelta(seconds=seconds)


def parse_offsets(text: str) -> tuple[timedelta, ...]:
    """Parse a comma-separated list of offsets; the result is sorted, longest first."""
    parts = [part for part in text.split(",") if part.strip()]
    offsets = {parse_offset(part) for part in parts}
    return tuple(sorted(offsets, reverse=True))


def format_offset(offset: timedelta) -> str:
    """Write an offset back the way it is typed: the largest whole unit."""
    seconds = int(offset.total_seconds())
    for unit, size in _UNIT_SECONDS.items():
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    raise AssertionError("unreachable: every offset is a whole number of seconds")


@dataclass(frozen=True)
class QuietHours:
    """Local hours when no reminder is sent, e.g. 21-08 (across midnight)."""

    begins: time
    ends: time

    def __str__(self) -> str:
        return f"{self.begins:%H}-{self.ends:%H}"


_QUIET = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?$")


def parse_quiet_hours(text: str) -> QuietHours | None:
    """`21-08` or `21:30-07:45`; empty or `off` turns quiet hours off."""
    cleaned = text.strip().lower()
    if cleaned in {"", "off", "none"}:
        return None
    match = _QUIET.match(cleaned)
    if match is None:
        raise ValueError(f"'{text.strip()}' is not a range of hours; write e.g. 21-08")
    first_hour, first_minute, last_hour, last_minute = match.groups()
    try:
        # 24 is midnight at the end of a day, as in "18-24".
        begins = time(int(first_hour) if first_hour != "24" else 0, int(first_minute or 0))
        ends = time(int(last_hour) if last_hour != "24" else 0, int(last_minute or 0))
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a range of hours; write e.g. 21-08") from None
    if begins == ends:
        raise ValueError(f"'{text.strip()}' begins and ends at the same time")
    return QuietHours(begins, ends)


def normalise_database_url(url: str) -> str:
    """Pick the async driver for plain `sqlite://` and `postgresql://` URLs."""
    parsed = make_url(url)
    driver = {
        "sqlite": "sqlite+aiosqlite",
        "postgresql": "postgresql+asyncpg",
        "postgres": "postgresql+asyncpg",
    }.get(parsed.drivername, parsed.drivername)
    return parsed.set(drivername=driver).render_as_string(hide_password=False)


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    bot_token: SecretStr | None = None
    # The secret Telegram sends with every webhook request; derived from the token if not set.
    webhook_secret: SecretStr | None = None
    # A file holding the token (Docker secrets); used when BOT_TOKEN is not set.
    bot_token_file: Path | None = None
    bot_api_base_url: str = TELEGRAM_API_BASE_URL
    database_url: str = f"sqlite+aiosqlite:///{DEFAULT_DATABASE_FILE}"
    bot_admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    bot_timezone: Annotated[ZoneInfo, NoDecode] = Field(
        default_factory=lambda: ZoneInfo("Europe/Helsinki")
    )
    bot_default_language: Language = "fi"
    reminder_offsets: Annotated[tuple[timedelta, ...], NoDecode] = Field(
        default_factory=lambda: parse_offsets("7d,1d")
    )
    # How long before a survey's deadline those who have not answered are reminded.
    survey_reminder: Annotated[timedelta, NoDecode] = Field(
        default_factory=lambda: parse_offset("1d")
    )
    # How long after a meeting ends its feedback question goes out (FEEDBACK_DELAY).
    feedback_delay: Annotated[timedelta, NoDecode] = Field(
        default_factory=lambda: parse_offset("1h")
    )
    # Feedback after meetings can be turned off (FEEDBACK=off).
    feedback: bool = True
    # Messages a second the bot sends at most, all instances together; Telegram allows ~30.
    bot_send_rate: float = Field(default=30.0, gt=0, le=1000)
    # Updates of different chats handled at the same time; one chat's are always handled
    # one after another. With Telegram's round trip (80 ms) 16 answered a burst 1.7–2.3
    # times as fast as 4 on both databases, and 32 no faster (docs/architecture.md);
    # SQLite's writers take turns in the process, so it needs no lower bound of its own.
    max_concurrent_updates: int = Field(default=16, ge=1, le=1000)
    # Messages a minute from one user before the bot slows them down (flood guard).
    flood_limit: int = Field(default=20, ge=1, le=10_000)
    # Sent messages and audit entries older than this are deleted (daily).
    retention_days: int = Field(default=365, ge=1, le=3650)
    # Reminders that would fall in these hours go out just before they begin; None: off.
    quiet_hours: Annotated[QuietHours | None, NoDecode] = Field(
        default_factory=lambda: QuietHours(time(21), time(8))
    )
    # Log lines as plain text, or one JSON object per line for a log collector.
    log_format: Literal["text", "json"] = "text"
    # Where people reach the web server (https://host, behind the TLS proxy): the base of
    # the calendar feed links. In webhook mode the webhook URL's origin when not set.
    public_url: str | None = None
    # The key the calendar feed links are signed with; derived from the token if not set.
    feed_secret: SecretStr | None = None
    # The privacy notice's facts that only the municipality knows; until they are set the
    # notice says they are not configured rather than guessing.
    privacy_controller: str | None = Field(default=None, max_length=500)
    privacy_dpo_contact: str | None = Field(default=None, max_length=500)
    privacy_legal_basis: str | None = Field(default=None, max_length=500)
    # HOST:PORT where /metrics is served on its own (then not on the public listener).
    metrics_listen: str | None = None

    @field_validator("quiet_hours", mode="before")
    @classmethod
    def _quiet(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_quiet_hours(value)
        return value

    @field_validator("bot_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("bot_api_base_url")
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError(f"'{value}' is not an http(s) URL")
        return value

    @field_validator("public_url")
    @classmethod
    def _check_public_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", value.strip()):
            raise ValueError(f"'{value}' is not an http(s) URL such as https://verstas.example.fi")
        return value.strip().rstrip("/")

    @field_validator("privacy_controller", "privacy_dpo_contact", "privacy_legal_basis")
    @classmethod
    def _strip_privacy_fact(cls, value: str | None) -> str | None:
        return value.strip() if value is not None else None

    @field_validator("metrics_listen")
    @classmethod
    def _check_metrics_listen(cls, value: str | None) -> str | None:
        if value is None:
            return None
        host, _, port = value.strip().rpartition(":")
        if not host or not port.isdigit() or int(port) > 65_535:
            raise ValueError(f"'{value}' is not HOST:PORT such as 127.0.0.1:9090")
        return value.strip()

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_case_format(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        try:
            url = normalise_database_url(value)
        except ArgumentError:
            raise ValueError(
                f"'{_hide_password(value)}' is not a database URL; "
                "expected e.g. postgresql+asyncpg://user@host/db or sqlite+aiosqlite:///data/verstas.sqlite3"
            ) from None
        backend = make_url(url).get_backend_name()
        if backend not in {"sqlite", "postgresql"}:
            raise ValueError(f"'{backend}' is not supported; use sqlite or postgresql")
        return url

    @field_validator("bot_admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: object) -> object:
        if isinstance(value, str):
            ids = []
            for part in (p.strip() for p in value.split(",")):
                if not part:
                    continue
                if not re.fullmatch(r"-?\d+", part):
                    raise ValueError(f"'{part}' is not a numeric Telegram user id")
                ids.append(int(part))
            return tuple(ids)
        return value

    @field_validator("bot_timezone", mode="before")
    @classmethod
    def _zone(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return ZoneInfo(value.strip())
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(
                    f"'{value}' is not a known time zone; e.g. Europe/Helsinki"
                ) from None
        return value

    @field_validator("survey_reminder", "feedback_delay", mode="before")
    @classmethod
    def _offset(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_offset(value)
        return value

    @field_validator("reminder_offsets", mode="before")
    @classmethod
    def _offsets(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_offsets(value)
        return value

    @field_validator("*", mode="before")
    @classmethod
    def _empty_is_default(cls, value: object, info: ValidationInfo) -> object:
        # Defined last so that it runs first (before-validators run in reverse order).
        # `BOT_TIMEZONE=` in a compose file means "the default", not "no time zone";
        # only for QUIET_HOURS does empty mean something of its own: "off".
        if isinstance(value, str) and not value.strip() and info.field_name != "quiet_hours":
            raise PydanticUseDefault
        return value

    @model_validator(mode="after")
    def _token_from_file(self) -> Settings:
        if self.bot_token is None and self.bot_token_file is not None:
            try:
                token = self.bot_token_file.read_text(encoding="utf-8").strip()
            except OSError as error:
                raise ValueError(
                    f"BOT_TOKEN_FILE: {self.bot_token_file} cannot be read ({error.strerror})"
                ) from None
            self.bot_token = SecretStr(token) if token else None
        return self

    @property
    def database(self) -> URL:
        """The database URL as SQLAlchemy reads it."""
        return make_url(self.database_url)

    @property
    def metrics_address(self) -> tuple[str, int] | None:
        """METRICS_LISTEN as (host, port), or None: /metrics on the public listener."""
        if self.metrics_listen is None:
            return None
        host, _, port = self.metrics_listen.rpartition(":")
        return host.strip("[]"), int(port)

    @property
    def token(self) -> str | None:
        """The token in clear, for the one place that needs it: the Bot API client."""
        return None if self.bot_token is None else self.bot_token.get_secret_value()


def _hide_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def describe_errors(error: ValidationError) -> list[str]:
    """One line per bad variable: its name and what is wrong, never the value of a secret."""
    lines = []
    for item in error.errors():
        name = str(item["loc"][0]).upper() if item["loc"] else "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        if not item["loc"] and ": " in message:
            # A check across variables names its variable itself ("BOT_TOKEN_FILE: …").
            name, message = message.split(": ", 1)
        if name == "BOT_TOKEN":
            message = "is not valid"
        elif name == "BOT_DEFAULT_LANGUAGE":
            message = f"must be one of {', '.join(LANGUAGES)}"
        elif name == "LOG_FORMAT":
            message = "must be text or json"
        lines.append(f"{name}: {message}")
    return lines
