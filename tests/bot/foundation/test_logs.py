"""Log lines: plain text or one JSON object per line, with context, never with the token."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator

import pytest

from bot.foundation.logs import (
    AddContext,
    JsonLines,
    RedactToken,
    TextLines,
    configure_logging,
    log_context,
)

TOKEN = "123456:AAE-very-secret"


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, given back as it was (configure_logging replaces its handlers)."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    root.handlers[:] = handlers
    root.setLevel(level)


def log_through(formatter: logging.Formatter, write: Callable[[logging.Logger], None]) -> str:
    """What `write(logger)` logs through a handler like configure_logging's."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    handler.addFilter(RedactToken(TOKEN))
    handler.addFilter(AddContext())
    logger = logging.getLogger("verstas.test.lines")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        write(logger)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def fail_with_the_token(logger: logging.Logger) -> None:
    logger.warning("POST https://api.telegram.org/bot%s/getMe failed", TOKEN)
    try:
        raise ConnectionError(f"cannot reach https://api.telegram.org/bot{TOKEN}/getUpdates")
    except ConnectionError:
        logger.exception("polling failed", extra={"url": f"https://x/bot{TOKEN}/getMe"})


def test_json_lines_parse_and_carry_time_level_logger_message_and_context() -> None:
    def write(logger: logging.Logger) -> None:
        with log_context(update_id=41, chat_id=1001, kind=None):
            logger.info("answered %s", "/next")
            with log_context(outbox_id=7, kind="reminder"):
                logger.warning("sent")
        logger.info("outside")

    first, second, third = (
        json.loads(line) for line in log_through(JsonLines(TOKEN), write).splitlines()
    )
    assert list(first)[:4] == ["time", "level", "logger", "message"]
    assert first["time"].endswith("+00:00")
    assert (first["level"], first["logger"], first["message"]) == (
        "INFO",
        "verstas.test.lines",
        "answered /next",
    )
    assert (first["update_id"], first["chat_id"]) == (41, 1001)
    # A field given as None is left out, not written as null.
    assert "kind" not in first
    assert {k: second[k] for k in ("update_id", "chat_id", "outbox_id", "kind")} == {
        "update_id": 41,
        "chat_id": 1001,
        "outbox_id": 7,
        "kind": "reminder",
    }
    assert "update_id" not in third


def test_the_token_is_masked_in_json_lines_messages_tracebacks_and_fields() -> None:
    output = log_through(JsonLines(TOKEN), fail_with_the_token)
    assert TOKEN not in output
    warning, failure = (json.loads(line) for line in output.splitlines())
    assert warning["message"] == "POST https://api.telegram.org/bot<token>/getMe failed"
    assert (
        "ConnectionError: cannot reach https://api.telegram.org/bot<token>/getUpdates"
        in (failure["exception"])
    )
    assert failure["url"] == "https://x/bot<token>/getMe"


def test_the_token_is_masked_in_text_lines_too() -> None:
    output = log_through(TextLines(TOKEN), fail_with_the_token)
    assert TOKEN not in output
    assert output.count("<token>") >= 2
    assert " WARNING verstas.test.lines: POST https://api.telegram.org/bot<token>/getMe" in output


def test_log_format_json_makes_every_line_json(
    root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging(TOKEN, log_format="json")
    with log_context(update_id=5):
        logging.getLogger("bot.test").info("token %s in a message", TOKEN)
    [line] = capsys.readouterr().err.splitlines()
    record = json.loads(line)
    assert record["message"] == "token <token> in a message"
    assert record["update_id"] == 5
