"""Every benchmark in turn, each in a process of its own, and docs/benchmarks.md from
their figures with the machine they ran on.

    python -m benchmarks.all              # the sizes of the issue (about 40 minutes)
    python -m benchmarks.all --middle     # smaller networks where they take long to build
    python -m benchmarks.all --quick      # tiny sizes: checks that everything runs
    python -m benchmarks.all --middle --full questions,memory
                                          # those at the issue's sizes, the rest smaller
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg

from benchmarks.figures import log
from benchmarks.network import POSTGRES_URL, asyncpg_dsn

ROOT = Path(__file__).parents[1]
FINDINGS = Path(__file__).parent / "findings.md"

# (module, arguments at full size, at a middle size, for a quick check)
RUNS: tuple[tuple[str, list[str], list[str], list[str]], ...] = (
    (
        "broadcast",
        [],
        ["--recipients", "2000", "--askers", "5"],
        ["--recipients", "40", "--askers", "2"],
    ),
    (
        "punctuality",
        [],
        ["--reminders", "300", "--across", "30"],
        ["--reminders", "20", "--across", "2", "--lead", "6"],
    ),
    (
        "questions",
        [],
        ["--members", "20000", "--meetings", "2000", "--calls", "300", "--users", "20"],
        ["--members", "300", "--meetings", "90", "--calls", "15", "--users", "3", "--seconds", "1"],
    ),
    ("memory", [], ["--users", "20"], ["--members", "300", "--users", "3"]),
    (
        "bursts",
        [],
        ["--members", "20000", "--meetings", "2000", "--trips", "100"],
        ["--members", "300", "--meetings", "90", "--burst", "20", "--trips", "5"],
    ),
    ("presses", [], [], ["--members", "40", "--window", "3", "--lead", "8"]),
)

TITLES = {
    "broadcast": "Broadcast",
    "punctuality": "Punctuality of reminders",
    "questions": "Questions (/next)",
    "memory": "Memory and start",
    "bursts": "Bursts, beside PTB's echo bot",
    "presses": "Answer buttons after a reminder",
}


@dataclass(frozen=True)
class Machine:
    """What the figures were measured on."""

    cpu: str
    cores: int
    memory_gib: float
    system: str
    python: str
    sqlite: str
    postgresql: str
    libraries: str
    load_before: str


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


def _system() -> str:
    release = Path("/etc/os-release")
    if release.exists():
        for line in release.read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                return f"{line.split('=', 1)[1].strip(chr(34))} ({platform.release()})"
    return platform.platform()


async def _postgresql_version() -> str:
    try:
        connection = await asyncpg.connect(asyncpg_dsn(POSTGRES_URL), timeout=3)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        return f"not reachable ({type(error).__name__})"
    try:
        return str(await connection.fetchval("SHOW server_version"))
    finally:
        await connection.close()


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def machine() -> Machine:
    """The machine, its software, and how busy it is now."""
    libraries = ", ".join(
        f"{name} {version(name)}"
        for name in ("python-telegram-bot", "SQLAlchemy", "aiosqlite", "asyncpg", "httpx")
    )
    return Machine(
        cpu=_cpu_model(),
        cores=os.cpu_count() or 1,
        memory_gib=_memory_gib(),
        system=_system(),
        python=platform.python_version(),
        sqlite=sqlite3.sqlite_version,
        postgresql=asyncio.run(_postgresql_version()),
        libraries=libraries,
        load_before=_load(),
    )


def run(module: str, arguments: list[str]) -> list[dict[str, object]]:
    """One benchmark in its own process; its figures (its progress goes to stderr)."""
    log(f"== python -m benchmarks.{module} {' '.join(arguments)}")
    done = subprocess.run(
        [sys.executable, "-m", f"benchmarks.{module}", *arguments],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    figures = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    for line in done.stdout.splitlines():
        print(line, flush=True)  # noqa: T201 - passed on: the figures are the output
    if done.returncode != 0:
        figures.append(
            {
                "benchmark": module,
                "name": "exit_status",
                "value": done.returncode,
                "unit": "",
                "target": "= 0",
                "met": False,
                "note": "the benchmark failed; see its output",
            }
        )
    return figures


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".") if abs(value) < 100 else f"{value:,.0f}"
    return str(value).replace("|", "\\|")


def document(
    figures: list[dict[str, object]],
    host: Machine,
    started: datetime,
    command: str,
    used: dict[str, list[str]] | None = None,
) -> str:
    """docs/benchmarks.md: the machine, then one table per benchmark, then the findings."""
    helsinki = started.astimezone(ZoneInfo("Europe/Helsinki"))
    lines = [
        "# Benchmarks",
        "",
        f"Measured {helsinki:%-d.%-m.%Y at %H.%M} (Helsinki time) with `{command}`, which",
        "wrote this page; run it again to measure on another machine. Each benchmark prints",
        "one JSON line per figure (`benchmark`, `name`, `value`, `unit`, `target`, `met`,",
        "`note`); the README says what each one does.",
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        f"| processor | {host.cpu} |",
        f"| cores | {host.cores} |",
        f"| memory | {host.memory_gib:.0f} GiB |",
        f"| system | {host.system} |",
        f"| Python | {host.python} |",
        f"| SQLite | {host.sqlite} |",
        f"| PostgreSQL | {host.postgresql} (on this machine, over loopback) |",
        f"| libraries | {host.libraries} |",
        f"| load average (1 / 5 / 15 min) | {host.load_before} before, {_load()} after |",
        "",
        "A load average above the number of cores means other work shared the processors:",
        "figures of time and rate are then worse than on a quiet machine.",
        "",
    ]
    for module, *_ in RUNS:
        mine = [f for f in figures if f["benchmark"] == module]
        arguments = " ".join((used or {}).get(module, []))
        lines += [
            f"## {TITLES[module]}",
            "",
            f"Measured with `python -m benchmarks.{module}{' ' if arguments else ''}{arguments}`.",
            "",
            "| figure | value | unit | target | met | note |",
            "| --- | ---: | --- | --- | --- | --- |",
        ]
        for item in mine:
            met = {True: "yes", False: "**no**", None: ""}[item["met"]]  # type: ignore[index]
            lines.append(
                f"| {item['name']} | {_cell(item['value'])} | {item['unit']} | "
                f"{_cell(item['target'])} | {met} | {_cell(item['note'])} |"
            )
        lines.append("")
    if FINDINGS.exists():
        lines.append(FINDINGS.read_text().rstrip())
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    """Run everything and write the page."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.all", description=__doc__)
    sizes = parser.add_mutually_exclusive_group()
    sizes.add_argument("--quick", action="store_true", help="tiny sizes, to check they run")
    sizes.add_argument(
        "--middle", action="store_true", help="smaller networks, for a busy or slow machine"
    )
    parser.add_argument(
        "--full",
        default="",
        metavar="NAMES",
        help="with --middle: these benchmarks (comma-separated) at the issue's sizes",
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    arguments = parser.parse_args()
    full_size = {name for name in arguments.full.split(",") if name}
    if unknown := full_size - {module for module, *_ in RUNS}:
        parser.error(f"unknown benchmarks: {', '.join(sorted(unknown))}")
    if full_size and not arguments.middle:
        parser.error("--full goes with --middle")
    started = datetime.now(UTC)
    host = machine()
    figures = []
    used = {
        module: quick
        if arguments.quick
        else middle
        if arguments.middle and module not in full_size
        else full
        for module, full, middle, quick in RUNS
    }
    for module, chosen in used.items():
        figures += run(module, chosen)
    size = " --quick" if arguments.quick else " --middle" if arguments.middle else ""
    size += f" --full {arguments.full}" if full_size else ""
    command = "python -m benchmarks.all" + size
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_text(document(figures, host, started, command, used))
    log(f"wrote {arguments.output}")


if __name__ == "__main__":
    main()
