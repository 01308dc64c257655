"""Figures as JSON lines: what was measured, against which target, and whether it was met."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Literal

Direction = Literal["at_most", "at_least"]


@dataclass(frozen=True)
class Target:
    """A bound the figure should keep to."""

    direction: Direction
    bound: float

    def met_by(self, value: float) -> bool:
        """Whether `value` keeps to the bound."""
        return value <= self.bound if self.direction == "at_most" else value >= self.bound

    def __str__(self) -> str:
        return f"{'≤' if self.direction == 'at_most' else '≥'} {self.bound:g}"


def at_most(bound: float) -> Target:
    """A ceiling: memory, lateness, answer time."""
    return Target("at_most", bound)


def at_least(bound: float) -> Target:
    """A floor: messages a second, share of the limit."""
    return Target("at_least", bound)


@dataclass(frozen=True)
class Figure:
    """One measured number; `value` None means it could not be measured (see `note`)."""

    benchmark: str
    name: str
    value: float | None
    unit: str
    target: str | None
    met: bool | None
    note: str = ""

    def to_json(self) -> str:
        """One line of JSON."""
        return json.dumps(asdict(self), ensure_ascii=False)


def figure(
    benchmark: str,
    name: str,
    value: float | None,
    unit: str,
    target: Target | None = None,
    note: str = "",
) -> Figure:
    """A figure, with `met` worked out from the target; printed at once."""
    rounded = None if value is None else round(value, 4)
    met = None if target is None or value is None else target.met_by(value)
    result = Figure(benchmark, name, rounded, unit, str(target) if target else None, met, note)
    print(result.to_json(), flush=True)  # noqa: T201 - the figures are this program's output
    return result


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` 0.99 for p99) of a non-empty sample."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def log(message: str) -> None:
    """Progress for the person running the benchmark; stdout is kept for the figures."""
    print(message, file=sys.stderr, flush=True)  # noqa: T201
