"""The benchmarks still run: every one at tiny sizes, its figures as JSON lines, the page
written. Their timings are not judged here (that is what docs/benchmarks.md is for)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.bots import ROOT, clean_environment

pytestmark = pytest.mark.slow

EXPECTED = {
    "broadcast": [
        "limited_share_of_limit",
        "limited_most_in_any_second",
        "limited_next_answer_p95",
        "unlimited_pipeline_rate",
        "unlimited_pipeline_cpu_per_message",
        "sequential_send_message_rate",
        "sequential_send_message_cpu_per_message",
    ],
    "punctuality": ["lateness_p50", "lateness_p99"],
    "questions": [
        f"{database}_{name}"
        for database in ("sqlite", "postgresql")
        for name in (
            "service_p50",
            "service_p99",
            "round_trip_p50",
            "round_trip_p99",
            "answers_per_second",
        )
    ],
    "memory": ["start_to_first_answer", "full_reconcile", "peak_resident_memory"],
    "bursts": [
        f"{database}_{name}"
        for database in ("sqlite", "postgresql")
        for name in (
            "echo_burst_rate",
            "burst_rate",
            "burst_share_of_echo",
            "echo_round_trip_p50",
            "round_trip_p50",
            "round_trip_over_echo",
        )
    ],
    "presses": [
        f"{database}_{name}"
        for database in ("sqlite", "postgresql")
        for name in ("press_answer_p50", "press_answer_p95", "stop")
    ],
}


@pytest.mark.timeout(600)
def test_every_benchmark_runs_and_reports_each_figure_as_a_json_line(tmp_path: Path) -> None:
    page = tmp_path / "benchmarks.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.all", "--quick", "--output", str(page)],
        cwd=ROOT,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=590,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = [json.loads(line) for line in done.stdout.splitlines()]
    names = {
        benchmark: [f["name"] for f in figures if f["benchmark"] == benchmark]
        for benchmark in EXPECTED
    }
    assert names == EXPECTED
    for item in figures:
        assert set(item) == {"benchmark", "name", "value", "unit", "target", "met", "note"}
        assert item["value"] is None or isinstance(item["value"], int | float)
        assert item["met"] in (True, False, None)
    text = page.read_text()
    assert text.startswith("# Benchmarks")
    headings = ("## Machine", "## Broadcast", "## Punctuality", "## Questions", "## Memory")
    for heading in (*headings, "## Bursts", "## Answer buttons"):
        assert heading in text
    assert "unlimited_pipeline_rate" in text
