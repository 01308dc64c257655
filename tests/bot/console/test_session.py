"""`python -m bot console` as a person uses it: typed lines in, the chat out, on the demo network.

The console runs as a child process with its input and output piped; every step waits for what
the person would wait to see, with a timeout, never for a fixed time.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path

import aiohttp
import pytest

from bot.console.moment import parse_moment
from bot.foundation.clock import running_from
from tests.helpers.bots import clean_environment
from tests.helpers.clock import ManualClock
from tests.helpers.console import START_TIMEOUT, ConsoleProcess
from tests.helpers.schedules import HELSINKI


@pytest.fixture
async def console(tmp_path: Path) -> AsyncIterator[ConsoleProcess]:
    """A console started in an empty folder (no .env; its data/ goes there)."""
    process = ConsoleProcess(tmp_path)
    yield process
    await process.kill()


@pytest.mark.e2e
async def test_a_person_registers_by_a_button_number_and_asks_next(
    console: ConsoleProcess,
) -> None:
    await console.start()
    note = await console.expect(r"Kokeilu ilman Telegramia:.*\n", timeout=START_TIMEOUT)
    assert "kuin nyt olisi to 8.1.2009 klo 9.25" in note[0]
    await console.expect(r"/quit tai Ctrl-D lopettaa\.\n")

    await console.type("/start")
    await console.expect(r"Valitse kuntasi")
    lohja = await console.expect(r"\[(\d+)\] Lohja\b")
    await console.type(lohja[1])
    await console.expect(r"→ Lohja\n")
    await console.expect(r"Kuntasi on nyt Lohja\.\n  Seuraat näitä teemaverstaita:\n")

    await console.type("/next")
    # The nearest meeting of Lohja's one workshop on 8.1.2009: 15.1.2009 in Tuusula.
    await console.expect(
        r"  Seuraavat kokoukset\n\n"
        r"  Ehkäisevä lastensuojelu peruspalveluissa\n"
        r"  Teeman ideointi ja suunnittelu vuodelle 2009\n"
        r"  to 15\.1\.2009 klo 9\.30–12\.00\n"
        r"  Tuusula, Tuusulan sosiaalitoimisto, kokoushuone, Autoasemankatu 2, 2\. krs\n"
    )

    await console.type("/quit")
    status, rest, errors = await console.finish()
    assert status == 0
    assert rest.endswith("  6. Seuraava kokoontuminen\n› /quit\n")
    assert errors == ""


@pytest.mark.e2e
async def test_another_moment_another_language_and_a_calendar_file(
    console: ConsoleProcess, tmp_path: Path
) -> None:
    console.args = ("--at", "1.3.2009 12.00", "--language", "en")
    await console.start()
    note = await console.expect(r"Trying it without Telegram:.*\n", timeout=START_TIMEOUT)
    assert "as if it were now Sun 1 Mar 2009, 12:00" in note[0]

    await console.type("/municipality kirkkonumi")
    await console.expect(r"Your municipality is now Kirkkonummi\.")
    await console.type("/next")
    await console.expect(
        r"  Preventive child welfare in basic services\n"
        r"  Wed 4 Mar 2009, 13:00–15:30\n"
        r"  Kirkkonummi\n"
    )

    await console.type("/calendar")
    saved = await console.expect(r"File saved: (data/console/files/\S+\.ics)\n")
    calendar = (tmp_path / saved[1]).read_text()
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "DTSTART;TZID=Europe/Helsinki:20090304T130000" in calendar

    await console.close_input()
    status, _, errors = await console.finish()
    assert status == 0
    assert errors == ""


@pytest.mark.e2e
async def test_a_coordinator_sends_a_file_and_a_block_of_lines_and_gets_this_runs_files(
    console: ConsoleProcess, tmp_path: Path
) -> None:
    files = tmp_path / "data" / "console" / "files"
    files.mkdir(parents=True)
    (files / "verstas.ics").write_text("an earlier run's calendar")
    (tmp_path / "tiedote.txt").write_text("Kokous 14.1.2009 klo 13 Lohjalla, kaupungintalo\n")
    console.args = ("--admin",)
    await console.start()
    await console.expect(r"/file POLKU \[kuvateksti\] lähettää tiedoston\.", timeout=START_TIMEOUT)
    # The earlier run's files are gone before this run saves any.
    assert list(files.iterdir()) == []

    await console.type("/file tiedote.txt")
    await console.expect(r"→ tiedosto tiedote\.txt \(\d+ tavua\)")
    await console.expect(r"ke 14\.1\.2009 klo 13\.00, Lohja, kaupungintalo\n")
    await console.expect(r"Minkä verstaan kokous se on\?")
    await console.type("1")
    await console.expect(r"Luin tekstistä yhden kokouksen\. Tarkista, ennen kuin tuot:")

    for line in ('"""', "Ehkäisevä lastensuojelu peruspalveluissa", "Kokous 4.2.2009 klo 13", ""):
        await console.type(line)
    preview = await console.expect(r"Luin tekstistä yhden kokouksen.*\n(.*\n){3}")
    assert "ke 4.2.2009 klo 13.00" in preview[0]

    await console.type("/calendar")
    saved = await console.expect(r"Tiedosto tallennettu: (data/console/files/\S+)\n")
    assert "-2." not in saved[1]
    assert (tmp_path / saved[1]).read_text().startswith("BEGIN:VCALENDAR")

    await console.close_input()
    status, _, errors = await console.finish()
    assert (status, errors) == (0, "")


@pytest.mark.e2e
async def test_ctrl_c_ends_the_console_without_a_traceback(console: ConsoleProcess) -> None:
    await console.start()
    await console.expect(r"/quit tai Ctrl-D lopettaa\.\n", timeout=START_TIMEOUT)
    console.interrupt()
    status, _, errors = await console.finish()
    assert status == 0
    assert errors == ""


@pytest.mark.e2e
async def test_the_console_web_server_answers_health_and_metrics(
    console: ConsoleProcess, tmp_path: Path
) -> None:
    port = free_port()
    console.args = ("--listen", f"127.0.0.1:{port}")
    await console.start()
    await console.expect(
        rf"Verkkopalvelin vastaa osoitteessa http://127\.0\.0\.1:{port}: /healthz", START_TIMEOUT
    )

    async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as web:
        async with web.get("/healthz") as health:
            assert health.status == 200
            assert await health.json() == {"status": "ok", "database": "ok"}
        async with web.get("/metrics") as metrics:
            assert metrics.status == 200
            assert "verstas_" in await metrics.text()

    await console.type("/quit")
    status, _, errors = await console.finish()
    assert (status, errors) == (0, "")
    # The start log says which Finnish analyser runs.
    log = (tmp_path / "data" / "console" / "bot.log").read_text(encoding="utf-8")
    assert "Finnish words are analysed with " in log


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_moment_that_is_not_one_is_refused_in_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--at", "31.2.2009"],
        cwd=tmp_path,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "'31.2.2009' is not a moment; write e.g. '1.3.2009 12.00'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("1.3.2009 12.00", datetime(2009, 3, 1, 12)),  # noqa: DTZ001
        ("2009-03-01T12:30", datetime(2009, 3, 1, 12, 30)),  # noqa: DTZ001
        ("2009-03-01 7", datetime(2009, 3, 1, 7)),  # noqa: DTZ001
        # A date alone: the morning of that day.
        (" 15.1.2009 ", datetime(2009, 1, 15, 9)),  # noqa: DTZ001
    ],
)
def test_moments_are_written_the_finnish_or_the_iso_way(written: str, moment: datetime) -> None:
    assert parse_moment(written) == moment


@pytest.mark.parametrize("written", ["", "huomenna", "1.3.2009 25.00", "1.3.2009 12.00 x"])
def test_what_is_not_a_moment_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="is not a moment"):
        parse_moment(written)


def test_the_demo_clock_starts_at_the_moment_and_runs_with_real_time() -> None:
    real = ManualClock(datetime(2026, 5, 1, 10, tzinfo=HELSINKI))
    demo = running_from(datetime(2009, 1, 8, 9, 25, tzinfo=HELSINKI), real=real)
    assert demo() == datetime(2009, 1, 8, 9, 25, tzinfo=HELSINKI)
    real.advance(minutes=5, seconds=1)
    assert demo() == datetime(2009, 1, 8, 9, 30, 1, tzinfo=HELSINKI)
