"""Every parser test runs through the built-in stemmer, and through Voikko where it loads."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.language import finnish

NO_VOIKKO = (
    "Voikko does not load here (it needs libvoikko and the Debian packages libvoikko1 and "
    "voikko-fi); the built-in stemmer runs the same table"
)


@pytest.fixture(autouse=True)
def _voikko_back_on() -> Iterator[None]:
    # Whatever a test forces, the next one starts from the default.
    yield
    finnish.use_voikko(True)


@pytest.fixture(params=["fallback", "voikko"])
def morphology(request: pytest.FixtureRequest) -> str:
    """Run the test through the built-in stemmer, then through Voikko if it loads."""
    mode: str = request.param
    finnish.use_voikko(mode == "voikko")
    if mode == "voikko" and not finnish.voikko_in_use():
        pytest.skip(NO_VOIKKO)
    return mode
