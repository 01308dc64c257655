"""What `/metrics` shows Prometheus: messages sent and failed, outbox depth, lateness, updates.

Counters and histograms count what this process did; the outbox gauges are read from the
database at every scrape, so every instance shows the same, true depth (aggregate them
across instances with `max`, not `sum`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

# Seconds from a message's due moment to Telegram's answer: reminders should sit in the
# first buckets (the dispatcher wakes every second); broadcasts spread over minutes.
LATENESS_BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 300, 900, 3600)
HANDLING_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


def reason_label(reason: str) -> str:
    """`meeting already started` → `meeting_already_started`: a label value."""
    return re.sub(r"[^a-z0-9]+", "_", reason.lower()).strip("_") or "unknown"


class Metrics:
    """The bot's metrics, in a registry of its own (several bots in one test process)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self._count_deliveries()
        self._show_outbox_gauges()
        self._count_updates()

    def _count_deliveries(self) -> None:
        """What became of the outbox messages this process sent or put aside."""
        registry = self.registry
        self.sent = Counter(
            "verstas_messages_sent",
            "Outbox messages delivered to Telegram, by kind",
            ["kind"],
            registry=registry,
        )
        self.failed = Counter(
            "verstas_messages_failed",
            "Outbox messages given up on: blocked (403) or refused (400), by kind",
            ["kind", "reason"],
            registry=registry,
        )
        self.retried = Counter(
            "verstas_messages_retried",
            "Sends put off for a retry: rate_limited (429) or unavailable (5xx, network)",
            ["kind", "reason"],
            registry=registry,
        )
        self.skipped = Counter(
            "verstas_messages_skipped",
            "Outbox messages not sent because they no longer apply, by kind and reason",
            ["kind", "reason"],
            registry=registry,
        )
        self.lateness = Histogram(
            "verstas_message_lateness_seconds",
            "Delivery time minus due time of sent outbox messages, by kind (reminder: "
            "reminder lateness)",
            ["kind"],
            buckets=LATENESS_BUCKETS,
            registry=registry,
        )

    def _show_outbox_gauges(self) -> None:
        """The outbox as the database has it, and this instance's dispatcher, at a scrape."""
        registry = self.registry
        self.outbox = Gauge(
            "verstas_outbox_messages",
            "Outbox rows by status, read from the database at scrape time",
            ["status"],
            registry=registry,
        )
        self.outbox_due = Gauge(
            "verstas_outbox_due_messages",
            "Pending outbox rows already due, read from the database at scrape time",
            registry=registry,
        )
        self.database_up = Gauge(
            "verstas_database_up",
            "1 if the database answered the scrape's outbox query, else 0",
            registry=registry,
        )
        self.dispatcher_last_run = Gauge(
            "verstas_dispatcher_last_run_timestamp_seconds",
            "When this instance's outbox dispatcher last ran (Unix time)",
            registry=registry,
        )

    def _count_updates(self) -> None:
        """Telegram's updates this process handled: how many, how fast, how many failed."""
        registry = self.registry
        self.updates = Counter(
            "verstas_updates",
            "Updates from Telegram handled, by type (message, callback_query, …)",
            ["type"],
            registry=registry,
        )
        self.update_seconds = Histogram(
            "verstas_update_handling_seconds",
            "Time to handle one update",
            buckets=HANDLING_BUCKETS,
            registry=registry,
        )
        self.update_errors = Counter(
            "verstas_update_errors",
            "Updates whose handling failed with an error",
            registry=registry,
        )

    def show_outbox(
        self, by_status: Mapping[str, int] | None, due: int, last_run: datetime | None
    ) -> None:
        """Set the scrape-time gauges: rows by status name and pending rows already due;
        `by_status` None: the database did not answer."""
        self.database_up.set(0 if by_status is None else 1)
        if by_status is not None:
            for status, count in by_status.items():
                self.outbox.labels(status).set(count)
            self.outbox_due.set(due)
        if last_run is not None:
            self.dispatcher_last_run.set(last_run.timestamp())
