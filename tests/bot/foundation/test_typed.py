"""What people type as a number: random and hostile input is read or refused, never a crash."""

from __future__ import annotations

from hypothesis import given

from bot.foundation.typed import number
from tests.helpers.hostile import hostile_text


@given(hostile_text)
def test_a_typed_number_is_a_plain_number_or_nothing(text: str) -> None:
    value = number(text)
    assert value is None or 0 <= value < 10**15
