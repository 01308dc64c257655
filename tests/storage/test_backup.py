"""`python -m bot backup`: a consistent copy of SQLite while the bot writes, and its restore."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from storage.backup import BackupRefused, backup_database
from storage.database import create_engine, create_sessions
from storage.migrate import upgrade
from storage.models import AuditEntry

INSERT_PAIR = (
    "insert into audit_entry (at, actor_telegram_id, actor_name, action, target, audience,"
    " allowed, detail) values ('2009-01-08 09:25:00', ?, 'Koordinaattori', ?, '', '', 1, '')"
)


@contextmanager
def writing_all_the_time(database: Path) -> Iterator[list[int]]:
    """Another connection commits two audit entries at a time until the block ends; yields
    the number of pairs committed so far."""
    committed = [0]
    stop = threading.Event()

    def write() -> None:
        with closing(sqlite3.connect(database, timeout=30)) as connection:
            while not stop.is_set():
                with connection:
                    connection.execute(INSERT_PAIR, (committed[0], "first-of-pair"))
                    connection.execute(INSERT_PAIR, (committed[0], "second-of-pair"))
                committed[0] += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        yield committed
    finally:
        stop.set()
        writer.join()


async def test_a_backup_taken_while_writes_go_on_restores_to_one_moment(
    sqlite_url: str, tmp_path: Path
) -> None:
    database = Path(str(make_url(sqlite_url).database))
    engine = create_engine(sqlite_url)  # WAL mode, as the running bot has it
    await upgrade(engine)
    await engine.dispose()
    copy = tmp_path / "backups" / "verstas-2009-01-08.sqlite3"
    copy.parent.mkdir()

    with writing_all_the_time(database) as committed:
        while committed[0] < 50:
            threading.Event().wait(0.001)
        backup_database(sqlite_url, copy)
        at_backup = committed[0]
        while committed[0] < at_backup + 50:
            threading.Event().wait(0.001)

    # Restore as docs/operations.md says: the bot stopped, the copy put in place of the file.
    restored = tmp_path / "restored" / "verstas.sqlite3"
    restored.parent.mkdir()
    shutil.copy(copy, restored)
    engine = create_engine(f"sqlite+aiosqlite:///{restored}")
    try:
        await upgrade(engine)  # a restored database goes through the start as usual
        async with create_sessions(engine)() as session:
            entries = await session.scalar(select(func.count()).select_from(AuditEntry))
    finally:
        await engine.dispose()
    assert entries is not None
    # Whole transactions only (pairs), none missing up to the moment of the copy, and not
    # the writes that came after it.
    assert entries % 2 == 0
    assert 100 <= entries <= 2 * (at_backup + 1)
    with closing(sqlite3.connect(database)) as live:
        assert live.execute("select count(*) from audit_entry").fetchone()[0] > entries
    with closing(sqlite3.connect(copy)) as backup:
        assert backup.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert backup.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert not list(copy.parent.glob(".*partial"))


def test_postgresql_is_pointed_to_pg_dump(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="pg_dump") as refused:
        backup_database("postgresql+asyncpg://verstas:salainen@db/verstas", tmp_path / "x.dump")
    assert "salainen" not in str(refused.value)


def test_an_existing_file_is_never_overwritten(sqlite_url: str, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier.sqlite3"
    earlier.write_bytes(b"an earlier backup")
    with pytest.raises(BackupRefused, match="exists already"):
        backup_database(sqlite_url, earlier)
    assert earlier.read_bytes() == b"an earlier backup"


def test_a_missing_database_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    with pytest.raises(BackupRefused, match="no database at"):
        backup_database(f"sqlite+aiosqlite:///{missing}", tmp_path / "copy.sqlite3")
    assert not missing.exists()
