"""docs/alerts.yml: the example alert rules use the metrics the bot really exposes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from prometheus_client import generate_latest

from bot.foundation.metrics import Metrics

ALERTS = Path(__file__).parents[2] / "docs" / "alerts.yml"


def exposed_names() -> set[str]:
    """Every sample name /metrics shows once each metric has a value."""
    metrics = Metrics()
    metrics.sent.labels("reminder").inc()
    metrics.failed.labels("reminder", "refused").inc()
    metrics.retried.labels("reminder", "unavailable").inc()
    metrics.skipped.labels("reminder", "started").inc()
    metrics.lateness.labels("reminder").observe(1)
    metrics.updates.labels("message").inc()
    metrics.show_outbox({"pending": 1}, 1, None)
    text = generate_latest(metrics.registry).decode()
    return {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line[:1] != "#"}


def test_every_metric_in_the_alert_rules_is_one_the_bot_exposes() -> None:
    rules = [
        rule for group in yaml.safe_load(ALERTS.read_text())["groups"] for rule in group["rules"]
    ]
    used = {name for rule in rules for name in re.findall(r"\bverstas_\w+", rule["expr"])}
    assert len(rules) >= 8
    assert used
    assert used <= exposed_names()
    assert all(rule["annotations"]["summary"] for rule in rules)
