"""Calendar feeds: secret addresses that calendar apps subscribe to, one per member and
one per workshop, served by the web server (`bot/web.py`) with the content of
`bot/replies/calendar.py`.

Nothing is stored: an address carries the member's id (or the workshop's key) and an HMAC
of it under the feed key, so it is unguessable, the same after every restart and on every
instance, and checked without a table. A member's address also covers their Telegram id,
so that an id reused after /forget does not open someone else's meetings.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import quote

# 120 bits of HMAC: 24 characters of base32, lower case, no padding.
MAC_BYTES = 15


def feed_key(*, feed_secret: str | None, token: str) -> bytes:
    """FEED_SECRET, or else a key derived from the bot token (secret and stable as well)."""
    if feed_secret:
        return feed_secret.encode()
    return hmac.new(token.encode(), b"verstas calendar feeds", hashlib.sha256).digest()


@dataclass(frozen=True)
class CalendarFeeds:
    """Makes and checks feed addresses; `base_url` None: no public address to link to."""

    key: bytes
    base_url: str | None = None

    def _mac(self, subject: str) -> str:
        digest = hmac.new(self.key, subject.encode(), hashlib.sha256).digest()[:MAC_BYTES]
        return base64.b32encode(digest).decode().lower()

    def member_token(self, member_id: int, telegram_id: int) -> str:
        """`<member id>-<mac>`."""
        return f"{member_id}-{self._mac(f'member:{member_id}:{telegram_id}')}"

    def workshop_token(self, workshop_key: str) -> str:
        """`<workshop key>-<mac>`."""
        return f"{workshop_key}-{self._mac(f'workshop:{workshop_key}')}"

    def member_url(self, member_id: int, telegram_id: int) -> str | None:
        """The member's feed address, if the server has a public address."""
        if self.base_url is None:
            return None
        token = self.member_token(member_id, telegram_id)
        return f"{self.base_url}/calendar/member/{token}.ics"

    def workshop_url(self, workshop_key: str, language: str) -> str | None:
        """A workshop's feed address in a language, if the server has a public address."""
        if self.base_url is None:
            return None
        token = quote(self.workshop_token(workshop_key), safe="")
        return f"{self.base_url}/calendar/workshop/{token}.ics?lang={language}"

    def member_of(self, token: str) -> int | None:
        """The member id a token claims (still to be checked against the member)."""
        member_id, _, _ = token.rpartition("-")
        # At most 18 digits: the largest id a BIGINT column holds has 19.
        plausible = member_id.isascii() and member_id.isdigit() and len(member_id) <= 18
        return int(member_id) if plausible else None

    def workshop_of(self, token: str) -> str | None:
        """The workshop key a token claims, if its MAC is right."""
        key, _, _ = token.rpartition("-")
        return key if key and self._same(token, self.workshop_token(key)) else None

    def is_member_token(self, token: str, member_id: int, telegram_id: int) -> bool:
        """True if `token` is this member's."""
        return self._same(token, self.member_token(member_id, telegram_id))

    @staticmethod
    def _same(given: str, expected: str) -> bool:
        # Constant time: the comparison tells nothing about how much of a guess was right.
        return hmac.compare_digest(given.encode(), expected.encode())
