"""Logging set-up: lines to stderr, plain text or JSON, and the token never in any of them.

`LOG_FORMAT=json` writes one JSON object per line (time, level, logger, message, and the
context of the work in hand: update, chat, outbox row, message kind), for a log collector.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pythonjsonlogger.json import JsonFormatter

LogFormat = Literal["text", "json"]

REDACTED = "<token>"

# What is being worked on (an update, an outbox row): copied into every record logged
# meanwhile, also by PTB or the HTTP client, and into tasks started from there.
_context: ContextVar[Mapping[str, object]] = ContextVar(
    "verstas_log_context", default=MappingProxyType({})
)


@contextmanager
def log_context(**fields: object) -> Iterator[None]:
    """Add `fields` (those not None) to every log record written inside the block."""
    known = {key: value for key, value in fields.items() if value is not None}
    token = _context.set({**_context.get(), **known})
    try:
        yield
    finally:
        _context.reset(token)


class AddContext(logging.Filter):
    """Put the fields of `log_context` on the record (the JSON lines show them)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _context.get().items():
            record.__dict__.setdefault(key, value)
        return True


class RedactToken(logging.Filter):
    """Replace the bot token wherever it appears in a record (URLs, exception texts)."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg = message.replace(self.token, REDACTED)
                record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                # Formatted tracebacks repeat the exception text; keep it out of them too.
                record.exc_text = (
                    logging.Formatter()
                    .formatException(record.exc_info)
                    .replace(self.token, REDACTED)
                )
        return True


class TextLines(logging.Formatter):
    """`time level logger: message`, the token masked in the finished line."""

    def __init__(self, token: str | None) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.token = token

    def format(self, record: logging.LogRecord) -> str:
        return _redact(super().format(record), self.token)


class JsonLines(JsonFormatter):
    """One JSON object per line; the token masked in the finished line.

    The JSON formatter formats exceptions itself and writes every extra field, which the
    record filter does not see; masking the finished line covers them all.
    """

    def __init__(self, token: str | None) -> None:
        super().__init__(
            "%(levelname)s %(name)s %(message)s",
            rename_fields={"levelname": "level", "name": "logger", "exc_info": "exception"},
            json_ensure_ascii=False,
        )
        self.token = token

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        # Time first, in UTC with milliseconds: what a reader scans for.
        log_data["time"] = datetime.fromtimestamp(record.created, UTC).isoformat(
            timespec="milliseconds"
        )
        super().add_fields(log_data, record, message_dict)

    def format(self, record: logging.LogRecord) -> str:
        return _redact(super().format(record), self.token)


def _redact(line: str, token: str | None) -> str:
    # A token is digits, a colon, letters, digits, - and _: JSON writes it unescaped.
    return line.replace(token, REDACTED) if token else line


def configure_logging(
    token: str | None,
    level: int = logging.INFO,
    log_format: LogFormat = "text",
    *,
    path: Path | None = None,
) -> None:
    """Log to stderr (or to the file `path`, started afresh); silence per-request logs of the
    HTTP client (they carry the token)."""
    handler: logging.Handler = (
        logging.StreamHandler()
        if path is None
        else logging.FileHandler(path, mode="w", encoding="utf-8")
    )
    handler.setFormatter(JsonLines(token) if log_format == "json" else TextLines(token))
    handler.addFilter(RedactToken(token))
    handler.addFilter(AddContext())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # "skipped: maximum number of running instances reached" is the dispatcher working
    # through a long batch, by design (max_instances=1), not a problem to report.
    logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
    # "Context impl SQLiteImpl" at every start says nothing to an operator.
    logging.getLogger("alembic").setLevel(logging.WARNING)
