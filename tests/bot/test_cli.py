"""`python -m bot` as an operator runs it: exit codes, one-line errors, signals, no token logged."""

from __future__ import annotations

import asyncio
import io
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.cli import import_schedule, token_missing
from bot.console.bot_api import FakeUser, LocalBotAPI
from config.settings import Settings
from storage.models import Meeting
from tests.helpers.bots import CONTRACT, BotProcess, clean_environment
from tests.helpers.schedules import DEMO, load_demo


def bot_cli(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` in `cwd` (an empty folder: no .env, data/ goes there)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def meeting_count(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute("select count(*) from meeting").fetchone()[0])


# Imports everything `python -m bot run` can reach, then names what of the console came along.
IMPORT_THE_RUN_PATH = """
import importlib, pkgutil, sys
import bot.app, bot.cli
for package in ("handlers", "bot.telegram", "bot.delivery"):
    root = importlib.import_module(package)
    for module in pkgutil.walk_packages(root.__path__, package + "."):
        importlib.import_module(module.name)
print(sorted(name for name in sys.modules if name.startswith("bot.console.bot_api")))
"""


def test_running_the_bot_never_imports_the_local_bot_api() -> None:
    # The local Bot API is the console's and the tests'; the bot itself talks to Telegram.
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_THE_RUN_PATH],
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_run_without_a_token_says_how_to_get_one(tmp_path: Path) -> None:
    result = bot_cli(tmp_path, "run")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "BOT_TOKEN" in result.stderr
    assert "@BotFather" in result.stderr


@pytest.mark.parametrize(
    ("environment", "dotenv", "missing"),
    [
        ({}, "", True),
        ({}, "BOT_TOKEN=\n", True),
        ({"BOT_TOKEN": "123:abc"}, "", False),
        ({}, "BOT_TOKEN=123:abc\n", False),
        ({"BOT_TOKEN_FILE": "token.txt"}, "", False),
        # A bad setting is not a missing token: `run` is to say what is wrong.
        ({"REMINDER_OFFSETS": "7x"}, "", False),
    ],
)
def test_scripts_run_starts_the_console_only_when_no_token_is_configured(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    dotenv: str,
    missing: bool,
) -> None:
    for variable in CONTRACT:
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(dotenv)
    (tmp_path / "token.txt").write_text("123:from-a-file\n")
    assert token_missing() is missing


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("REMINDER_OFFSETS", "7x", "'7x' is not an offset"),
        ("BOT_TIMEZONE", "Europe/Helsinkii", "not a known time zone"),
        ("DATABASE_URL", "not a url", "not a database URL"),
        ("DATABASE_URL", "mysql://root@localhost/verstas", "'mysql' is not supported"),
        ("BOT_ADMIN_IDS", "123,abc", "'abc' is not a numeric Telegram user id"),
        ("BOT_DEFAULT_LANGUAGE", "de", "must be one of fi, sv, en"),
    ],
)
def test_a_bad_setting_stops_the_start_with_one_line(
    tmp_path: Path, variable: str, value: str, says: str
) -> None:
    result = bot_cli(tmp_path, "run", BOT_TOKEN="123:abc", **{variable: value})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"{variable}: ")
    assert says in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_password_in_the_database_url_is_not_echoed(tmp_path: Path) -> None:
    result = bot_cli(
        tmp_path, "db", "upgrade", DATABASE_URL="postgresql://u:s3cret@host:notaport/db"
    )
    assert result.returncode == 2
    assert "s3cret" not in result.stderr


def test_import_demo_then_again_then_dry_run(tmp_path: Path) -> None:
    database = tmp_path / "data" / "verstas.sqlite3"
    first = bot_cli(tmp_path, "import", str(DEMO))
    assert first.returncode == 0, first.stderr
    assert "19 uutta" in first.stdout
    assert meeting_count(database) == 19

    again = bot_cli(tmp_path, "import", str(DEMO))
    assert again.returncode == 0
    assert "Ei muutoksia" in again.stdout

    changed = tmp_path / "changed.yaml"
    changed.write_text(DEMO.read_text().replace("date: 6.5.2009", "date: 7.5.2009"))
    dry = bot_cli(tmp_path, "import", str(changed), "--dry-run", "--prune")
    assert dry.returncode == 0
    assert "+ Ehkäisevä lastensuojelu peruspalveluissa: to 7.5.2009, Lohja" in dry.stdout
    assert "− Ehkäisevä lastensuojelu peruspalveluissa 6.5.2009 poistettu" in dry.stdout
    # A dry run says what would happen, not that it happened.
    assert "Tuodaan: 1 uutta, 0 muuttuvaa" in dry.stdout
    assert "Tuonti valmis" not in dry.stdout
    assert "mitään ei tallennettu" in dry.stdout
    with sqlite3.connect(database) as connection:
        dates = {row[0] for row in connection.execute("select date from meeting")}
    assert "2009-05-06" in dates
    assert "2009-05-07" not in dates


def test_import_of_a_broken_file_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        DEMO.read_text()
        .replace('start: "13:00"', 'start: "31:00"', 1)
        .replace("date: 6.5.2009", "date: 31.2.2009")
    )
    result = bot_cli(tmp_path, "import", str(broken), BOT_DEFAULT_LANGUAGE="en")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].endswith(', start: "31:00" is not a time; write e.g. 09:30 or 13.00')
    assert lines[0].startswith("line ")
    assert lines[1].endswith(", date: there is no day 31.2.2009 in the calendar")
    assert lines[2] == "The file has 2 problems; nothing was saved."
    assert (
        not (tmp_path / "data" / "verstas.sqlite3").exists()
        or meeting_count(tmp_path / "data" / "verstas.sqlite3") == 0
    )


def test_import_usage_errors_exit_2(tmp_path: Path) -> None:
    assert bot_cli(tmp_path, "import").returncode == 2
    assert bot_cli(tmp_path, "import", "missing.yaml").returncode == 2
    text = tmp_path / "schedule.doc"
    text.write_text("network: {name: A}\n")
    assert bot_cli(tmp_path, "import", str(text)).returncode == 2
    assert bot_cli(tmp_path, "import", str(text), "--format", "yaml").returncode == 0


def test_usage_errors_are_in_the_bots_default_language(tmp_path: Path) -> None:
    finnish = bot_cli(tmp_path, "import")
    assert finnish.returncode == 2
    assert finnish.stderr.splitlines()[0].startswith("käyttö: python -m bot import")
    assert finnish.stderr.splitlines()[-1] == (
        "python -m bot import: virhe: nämä argumentit puuttuvat: file"
    )
    swedish = bot_cli(tmp_path, "import", "x.csv", "--format", "pdf", BOT_DEFAULT_LANGUAGE="sv")
    assert swedish.returncode == 2
    assert swedish.stderr.splitlines()[-1] == (
        "python -m bot import: fel: argumentet --format: okänt val 'pdf'"
        " (välj bland 'yaml', 'csv', 'text')"
    )
    missing = bot_cli(tmp_path, "import", "puuttuu.csv", BOT_DEFAULT_LANGUAGE="sv")
    assert (missing.returncode, missing.stderr) == (2, "puuttuu.csv: filen finns inte\n")
    helped = bot_cli(tmp_path, "import", "--help", BOT_DEFAULT_LANGUAGE="sv")
    assert "  -h, --help            visa den här hjälpen och avsluta" in helped.stdout
    assert "kontrollera och berätta, spara ingenting" in helped.stdout


def test_import_of_an_announcement_adds_what_it_states(tmp_path: Path) -> None:
    assert bot_cli(tmp_path, "import", str(DEMO)).returncode == 0
    announcement = tmp_path / "tiedote.txt"
    announcement.write_text(
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen\n"
        "Sovitut kokouspäivämäärät ovat 4.2.2009 (Lohja) ja 7.10.2027 (Vihti)\n"
    )

    result = bot_cli(tmp_path, "import", str(announcement))

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "+ Avoimen / matalan kynnyksen toimintamallien kehittäminen: to 7.10.2027, Vihti",
        "Tuonti valmis: 1 uutta, 0 muuttunutta, 0 peruttua, 1 ennallaan olevaa kokousta.",
    ]
    assert meeting_count(tmp_path / "data" / "verstas.sqlite3") == 20


def test_db_upgrade_and_demo_load_only_into_an_empty_database(tmp_path: Path) -> None:
    assert bot_cli(tmp_path, "db", "upgrade").returncode == 0
    assert meeting_count(tmp_path / "data" / "verstas.sqlite3") == 0
    assert bot_cli(tmp_path, "demo").returncode == 0
    assert meeting_count(tmp_path / "data" / "verstas.sqlite3") == 19
    again = bot_cli(tmp_path, "demo")
    assert again.returncode == 0
    assert "tietokannassa on jo verkosto" in again.stdout


def test_backup_copies_sqlite_and_points_postgresql_to_pg_dump(
    tmp_path: Path, sqlite_url: str
) -> None:
    # The copy's contents and consistency are tested in tests/storage/test_backup.py.
    copied = bot_cli(tmp_path, "backup", "verstas-backup.sqlite3", DATABASE_URL=sqlite_url)
    assert copied.returncode == 0, copied.stderr
    assert copied.stdout.startswith("varmuuskopio kirjoitettu: verstas-backup.sqlite3 (")
    assert meeting_count(tmp_path / "verstas-backup.sqlite3") == 0

    postgres = bot_cli(
        tmp_path, "backup", "verstas.dump", DATABASE_URL="postgresql://verstas:salainen@db/verstas"
    )
    assert postgres.returncode == 2
    assert postgres.stderr.startswith("DATABASE_URL is PostgreSQL: back it up with pg_dump")
    assert "salainen" not in postgres.stderr
    assert len(postgres.stderr.splitlines()) == 1


@pytest.mark.e2e
@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
async def test_the_bot_process_answers_and_stops_cleanly(
    tmp_path: Path, fake_api: LocalBotAPI, stop_signal: signal.Signals
) -> None:
    bot = BotProcess(
        {
            "BOT_TOKEN": fake_api.token,
            "BOT_API_BASE_URL": fake_api.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
        },
        cwd=tmp_path,
    )
    user = FakeUser(77, "Olli", language_code="fi")
    await bot.start()
    try:
        fake_api.send_text(user, "/start")
        try:
            [reply] = await fake_api.wait_for_message(user.id, timeout=30)
        except AssertionError:
            await bot.kill()
            raise AssertionError(await bot.output()) from None
        assert reply.plain_text is not None
        assert reply.plain_text.startswith("Hei Olli!")
        assert await bot.stop(stop_signal) == 0
    finally:
        await bot.kill()
    output = await bot.output()
    assert "Traceback" not in output
    assert fake_api.token not in output
    assert "Verstas stopped" in output


@pytest.mark.e2e
async def test_an_unreachable_bot_api_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    bot = BotProcess(
        {
            "BOT_TOKEN": "123:secret-token",
            "BOT_API_BASE_URL": "http://127.0.0.1:9/bot",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
        },
        cwd=tmp_path,
    )
    await bot.start()
    try:
        assert bot.process is not None
        status = await asyncio.wait_for(bot.process.wait(), 60)
    finally:
        await bot.kill()
    output = await bot.output()
    assert status == 1
    assert "Bot API:in ei saada yhteyttä" in output
    assert "secret-token" not in output
    assert "Traceback" not in output


def test_an_announcement_that_is_not_text_is_one_line_and_exit_1(tmp_path: Path) -> None:
    announcement = tmp_path / "tiedote.txt"
    announcement.write_bytes("Kokous 4.3.2009 klo 13\n".encode("utf-16"))

    result = bot_cli(tmp_path, "import", str(announcement), BOT_DEFAULT_LANGUAGE="en")

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith("line 1: the file is not UTF-8 text")


def test_import_of_a_deeply_nested_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    nested = tmp_path / "nested.yaml"
    nested.write_text("[" * 5000)

    result = bot_cli(tmp_path, "import", str(nested), BOT_DEFAULT_LANGUAGE="en")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "line 1: the file is nested too deeply (at most 20 levels)",
        "The file has 1 problem; nothing was saved.",
    ]


async def import_text(database_url: str, text: str, language: str = "fi") -> tuple[int, str, str]:
    """`python -m bot import` of an announcement, in this process: status, output, errors."""
    out, err = io.StringIO(), io.StringIO()
    settings = Settings(_env_file=None, database_url=database_url, bot_default_language=language)
    status = await import_schedule(settings, text.encode(), "text", out=out, err=err)
    return status, out.getvalue(), err.getvalue()


async def test_an_announcement_without_a_workshop_is_listed_as_not_imported_with_why(
    database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)

    status, out, err = await import_text(
        database_url,
        "Kokous keskiviikkona 14.10.2027 klo 9.30-12 Kirkkonummen kunnantalo, valtuustosali",
    )

    assert status == 1
    assert out == ""
    assert err.splitlines() == [
        "⚠️ Ei tuoda: to 14.10.2027 klo 9.30–12.00, Kirkkonummi, Kirkkonummen kunnantalo, "
        "valtuustosali – teksti ei kerro, minkä teemaverstaan kokous se on. Mainitse verstaan "
        "nimi ennen päivämäärää.",
        # The same warning as in the chat.
        "⚠️ 14.10.2027 on torstaina, mutta tekstissä lukee keskiviikkona. Tarkista päivämäärä.",
        "Tekstistä ei tuotu mitään.",
    ]
    async with sessions() as session:
        assert (
            await session.scalar(select(Meeting).where(Meeting.date == date(2027, 10, 14))) is None
        )


async def test_an_announcement_imports_what_it_places_and_lists_the_rest_in_swedish(
    database_url: str, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)

    status, out, err = await import_text(
        database_url,
        "Nästa möte 13.10.2027 kl. 13–15 i Lojo\n"
        "Förebyggande barnskydd i basservicen\n"
        "Möte torsdag 14.10.2027 kl. 9.30–12 i Kyrkslätt",
        language="sv",
    )

    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "+ Förebyggande barnskydd i basservicen: tors 14.10.2027 kl. 9.30–12.00, Kyrkslätt",
        "Importen är klar: 1 nya, 0 ändrade, 0 inställda och 0 oförändrade möten.",
        "⚠️ Importeras inte: ons 13.10.2027 kl. 13.00–15.00, Lohja – texten säger inte vilken "
        "temaverkstads möte det är. Nämn verkstadens namn före datumet.",
    ]
