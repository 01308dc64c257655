"""Random input for the readers' property tests: text as people and attackers type it."""

from __future__ import annotations

from hypothesis import strategies as st

# Text as people and attackers type it: every plane, control characters, RTL marks.
hostile_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=3000
)
