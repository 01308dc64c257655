"""Scores tests measure, shown at the end of the pytest run (tests/conftest.py)."""

from __future__ import annotations

# name -> score, in the order measured
SCORES: dict[str, float] = {}
