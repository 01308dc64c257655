"""What replies use besides the database session: texts, the clock, the time zone, reminders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.foundation.clock import Clock
from bot.language.catalog import Texts
from bot.planning.outbox import ReminderPolicy
from bot.planning.planner import Planner
from bot.services.feeds import CalendarFeeds
from config.settings import Settings

# Where the deployment has no feed key (tests without a token), anonymous survey responses
# are still keyed, only by a key everyone could know.
_FALLBACK_SURVEY_KEY = b"verstas surveys"


@dataclass(frozen=True)
class PrivacyFacts:
    """What the privacy notice says only the municipality can tell; None: not configured."""

    controller: str | None = None
    dpo_contact: str | None = None
    legal_basis: str | None = None


@dataclass(frozen=True)
class ReplyContext:
    """The long-lived parts a reply may read; built once, from the settings, at start."""

    texts: Texts
    clock: Clock
    policy: ReminderPolicy
    retention_days: int
    # Makes calendar feed addresses; None where the bot runs without a token (tests).
    feeds: CalendarFeeds | None = None
    privacy: PrivacyFacts = PrivacyFacts()
    # How long before a survey's deadline its reminder goes out.
    survey_reminder: timedelta = timedelta(days=1)

    @property
    def timezone(self) -> ZoneInfo:
        """The meetings' time zone (BOT_TIMEZONE)."""
        return self.policy.zone

    @property
    def survey_key(self) -> bytes:
        """The key anonymous survey responses are kept apart by."""
        return self.feeds.key if self.feeds is not None else _FALLBACK_SURVEY_KEY

    @property
    def planner(self) -> Planner:
        """Plans the outbox for the changes a reply's services make."""
        return Planner(self.policy, self.clock)

    @classmethod
    def of(
        cls,
        settings: Settings,
        *,
        texts: Texts,
        clock: Clock,
        feeds: CalendarFeeds | None = None,
    ) -> ReplyContext:
        """The context of these settings."""
        return cls(
            texts=texts,
            clock=clock,
            policy=ReminderPolicy.from_settings(settings),
            retention_days=settings.retention_days,
            feeds=feeds,
            survey_reminder=settings.survey_reminder,
            privacy=PrivacyFacts(
                controller=settings.privacy_controller,
                dpo_contact=settings.privacy_dpo_contact,
                legal_basis=settings.privacy_legal_basis,
            ),
        )
