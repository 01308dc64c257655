"""Settings: defaults, accepted spellings, and clear messages for bad values."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from pydantic import ValidationError

from config.settings import Settings, describe_errors, format_offset, parse_offsets
from tests.helpers.hostile import hostile_text


def settings(**values: str) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_defaults_follow_the_contract(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "BOT_TOKEN",
        "DATABASE_URL",
        "BOT_TIMEZONE",
        "REMINDER_OFFSETS",
        "BOT_ADMIN_IDS",
        "LOG_FORMAT",
        "PUBLIC_URL",
        "FEED_SECRET",
        "MAX_CONCURRENT_UPDATES",
    ):
        monkeypatch.delenv(name, raising=False)
    defaults = settings()
    assert defaults.token is None
    assert defaults.bot_api_base_url == "https://api.telegram.org/bot"
    assert defaults.database_url == "sqlite+aiosqlite:///data/verstas.sqlite3"
    assert defaults.bot_timezone.key == "Europe/Helsinki"
    assert defaults.bot_default_language == "fi"
    assert defaults.reminder_offsets == (timedelta(days=7), timedelta(days=1))
    assert defaults.bot_admin_ids == ()
    assert (defaults.log_format, defaults.public_url, defaults.feed_secret) == ("text", None, None)
    assert defaults.max_concurrent_updates == 16


def test_values_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REMINDER_OFFSETS", "2h, 30m,45s")
    monkeypatch.setenv("BOT_ADMIN_IDS", "12, 34")
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
    monkeypatch.setenv("BOT_TIMEZONE", "")
    read = settings()
    assert read.reminder_offsets == (
        timedelta(hours=2),
        timedelta(minutes=30),
        timedelta(seconds=45),
    )
    assert read.bot_admin_ids == (12, 34)
    # A plain PostgreSQL URL gets the async driver.
    assert read.database_url == "postgresql+asyncpg://postgres@127.0.0.1/test"
    assert read.bot_timezone.key == "Europe/Helsinki"


def test_log_format_and_public_url_are_read_as_written_by_hand() -> None:
    read = settings(log_format=" JSON ", public_url="https://verstas.example.fi/")
    assert read.log_format == "json"
    # Feed links are made by appending paths: no slash at the end.
    assert read.public_url == "https://verstas.example.fi"


def test_the_privacy_facts_are_read_as_written_and_empty_means_not_configured() -> None:
    configured = settings(
        privacy_controller="  Keravan kaupunki, Kauppakaari 11, 04200 Kerava ",
        privacy_dpo_contact="tietosuoja@kerava.example.fi",
        privacy_legal_basis="",
    )
    assert configured.privacy_controller == "Keravan kaupunki, Kauppakaari 11, 04200 Kerava"
    assert configured.privacy_dpo_contact == "tietosuoja@kerava.example.fi"
    assert configured.privacy_legal_basis is None
    with pytest.raises(ValidationError) as error:
        settings(privacy_controller="x" * 501)
    assert describe_errors(error.value)[0].startswith("PRIVACY_CONTROLLER: ")


def test_the_token_is_never_shown() -> None:
    read = settings(bot_token="123456:very-secret")
    assert read.token == "123456:very-secret"
    assert "very-secret" not in repr(read)
    assert "very-secret" not in str(read.model_dump())


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"reminder_offsets": "7x"}, "REMINDER_OFFSETS: '7x' is not an offset"),
        ({"reminder_offsets": "0s"}, "REMINDER_OFFSETS: '0s' is zero"),
        ({"quiet_hours": "25-99"}, "QUIET_HOURS: '25-99' is not a range of hours"),
        ({"quiet_hours": "late"}, "QUIET_HOURS: 'late' is not a range of hours"),
        ({"bot_timezone": "Helsinki"}, "BOT_TIMEZONE: 'Helsinki' is not a known time zone"),
        ({"database_url": "::"}, "DATABASE_URL: '::' is not a database URL"),
        ({"bot_admin_ids": "1,x"}, "BOT_ADMIN_IDS: 'x' is not a numeric Telegram user id"),
        (
            {"bot_api_base_url": "localhost:8081"},
            "BOT_API_BASE_URL: 'localhost:8081' is not an http(s) URL",
        ),
        ({"log_format": "xml"}, "LOG_FORMAT: must be text or json"),
        ({"public_url": "verstas.example.fi"}, "PUBLIC_URL: 'verstas.example.fi' is not an"),
        ({"max_concurrent_updates": "0"}, "MAX_CONCURRENT_UPDATES: Input should be greater"),
        ({"max_concurrent_updates": "lots"}, "MAX_CONCURRENT_UPDATES: Input should be a valid"),
    ],
)
def test_a_bad_value_is_described_in_one_line_naming_the_variable(
    values: dict[str, str], line: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        settings(**values)
    [described] = describe_errors(caught.value)
    assert described.startswith(line)


@pytest.mark.parametrize("text", ["7d,1d", "2h,30m,45s", "90s"])
def test_offsets_are_written_back_as_they_are_typed(text: str) -> None:
    offsets = parse_offsets(text)
    assert ",".join(format_offset(offset) for offset in offsets) == text


@pytest.mark.parametrize(
    ("text", "shown"), [("21-08", "21-08"), ("22:30-7", "22-07"), ("", "None"), ("off", "None")]
)
def test_quiet_hours_are_a_range_or_off(text: str, shown: str) -> None:
    assert str(settings(quiet_hours=text).quiet_hours) == shown


# Random and hostile input: reminder offsets read or refused, never a crash.
def offsets_or_refusal(text: str) -> tuple[object, ...] | ValueError:
    """The offsets, or the refusal."""
    try:
        return parse_offsets(text)
    except ValueError as error:
        return error


@given(hostile_text)
def test_reminder_offsets_are_read_or_refused_with_a_reason(text: str) -> None:
    outcome = offsets_or_refusal(text)
    if isinstance(outcome, ValueError):
        assert str(outcome)
    else:
        assert all(0 < o.total_seconds() <= 366 * 86_400 for o in parse_offsets(text))
