"""Logging set-up: plain lines to stderr, and the token never in any of them."""

from __future__ import annotations

import logging
from pathlib import Path


class RedactToken(logging.Filter):
    """Replace the bot token wherever it appears in a record (URLs, exception texts)."""

    def __init__(self, token: str | None) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self.token:
            message = record.getMessage()
            if self.token in message:
                record.msg = message.replace(self.token, "<token>")
                record.args = None
            if record.exc_info and record.exc_info[1] is not None:
                # Formatted tracebacks repeat the exception text; keep it out of them too.
                record.exc_text = (
                    logging.Formatter()
                    .formatException(record.exc_info)
                    .replace(self.token, "<token>")
                )
        return True


def configure_logging(
    token: str | None, level: int = logging.INFO, *, path: Path | None = None
) -> None:
    """Log to stderr (or to the file `path`, started afresh); silence per-request logs of the
    HTTP client (they carry the token)."""
    handler: logging.Handler = (
        logging.StreamHandler()
        if path is None
        else logging.FileHandler(path, mode="w", encoding="utf-8")
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactToken(token))
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
