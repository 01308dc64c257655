"""A consistent copy of the SQLite database while the bot runs (`python -m bot backup PATH`).

SQLite's online backup API copies the pages inside one read transaction, so the copy is the
database at one moment even while the bot writes; in WAL mode the bot's writers do not wait
for it. PostgreSQL has its own tool for this, pg_dump, and is not copied here.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupRefused(Exception):
    """The backup cannot be made as asked; the message says why and what to do instead."""


def backup_database(database_url: str, target: Path) -> int:
    """Copy the SQLite database of `database_url` to `target`; returns the copy's size."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        safe = url.set(drivername="postgresql").render_as_string(hide_password=True)
        raise BackupRefused(
            "DATABASE_URL is PostgreSQL: back it up with pg_dump, e.g. "
            f"pg_dump --format=custom --file={target} '{safe}' (see docs/operations.md)"
        )
    if not url.database or url.database == ":memory:":
        raise BackupRefused("DATABASE_URL names no database file to back up")
    source = Path(url.database)
    if not source.is_file():
        raise BackupRefused(f"there is no database at {source}")
    if target.exists():
        raise BackupRefused(f"{target} exists already; choose a new name")
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed at the end, so a failed backup never leaves a
    # half-written file under the name a restore would look for.
    partial = target.with_name(f".{target.name}.partial")
    try:
        _copy(source, partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target.stat().st_size


def _copy(source: Path, copy: Path) -> None:
    copy.unlink(missing_ok=True)
    # Opened for writing although only read: a read-only connection to a WAL database fails
    # when the bot is not running and SQLite's shared-memory file is missing.
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(copy)) as writing:
        # The bot's writers may hold the lock for a moment; wait as the bot itself does.
        reading.execute("PRAGMA busy_timeout=30000")
        # All pages in one step: one read transaction, hence one moment of the database.
        reading.backup(writing)
        # The copy is one self-contained file (no -wal beside it) that can be moved anywhere.
        writing.execute("PRAGMA journal_mode=DELETE")
        problems = writing.execute("PRAGMA quick_check").fetchone()
        if problems is None or problems[0] != "ok":
            raise BackupRefused(f"the copy failed its check: {problems}")
