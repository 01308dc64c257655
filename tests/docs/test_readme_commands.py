"""The README's command tables name every command the bot answers, with its Finnish and
Swedish names, so that an operator or coordinator reading them finds each one."""

from __future__ import annotations

import re
from pathlib import Path

from bot.replies.help import COMMANDS

README = Path(__file__).resolve().parents[2] / "README.md"
# A table cell ends at a "|" that is not escaped ("yes\|maybe\|no" stays in its cell).
_CELL_END = re.compile(r"(?<!\\)\|")


def _first_cells() -> list[str]:
    """The first cell of every table row that starts with a command."""
    return [
        _CELL_END.split(line)[1]
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `/")
    ]


def test_every_command_has_a_row_with_its_finnish_and_swedish_names() -> None:
    cells = _first_cells()
    missing = []
    for command in COMMANDS:
        named = [cell for cell in cells if re.search(rf"`/{command.name}\b", cell)]
        if not named:
            missing.append(f"/{command.name}: no row")
            continue
        for alias in (command.fi, command.sv):
            if alias and not any(f"/{alias}`" in cell or f"/{alias}," in cell for cell in named):
                missing.append(f"/{command.name}: /{alias} not in its row")
    assert missing == []
