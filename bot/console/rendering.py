"""Bot messages for a terminal: Telegram's HTML as plain text or emphasis, buttons numbered."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.console.bot_api.html import HtmlParseError, parse_html

JSONDict = dict[str, Any]

# ANSI "select graphic rendition" codes: switch on, switch off.
_STYLES = {
    "bold": ("\033[1m", "\033[22m"),
    "italic": ("\033[3m", "\033[23m"),
    "underline": ("\033[4m", "\033[24m"),
    "strikethrough": ("\033[9m", "\033[29m"),
}


def render_text(text: str, parse_mode: str | None, *, styled: bool = False) -> str:
    """What Telegram would show: tags gone (or, `styled`, terminal emphasis), entities decoded,
    a link's address in brackets after its text."""
    if (parse_mode or "").lower() != "html":
        return text.strip()
    try:
        plain, entities = parse_html(text)
    except HtmlParseError:
        # Telegram refuses such a message, so nobody would ever see it; show it as sent.
        return text.strip()
    index_of = _utf16_indices(plain)
    # (position, closing before opening, nesting order, text): at one position the inner
    # entity closes first, and the outer one opens first.
    inserts: list[tuple[int, int, int, str]] = []
    for order, entity in enumerate(entities):
        start = index_of[int(entity["offset"])]
        end = index_of[int(entity["offset"]) + int(entity["length"])]
        kind = str(entity["type"])
        if styled and kind in _STYLES:
            opening, closing = _STYLES[kind]
            inserts.append((start, 1, order, opening))
            inserts.append((end, 0, -order, closing))
        if kind == "text_link" and entity.get("url") and plain[start:end] != entity["url"]:
            inserts.append((end, 0, -order, f" ({entity['url']})"))
    pieces: list[str] = []
    last = 0
    for position, _, _, insert in sorted(inserts):
        pieces += [plain[last:position], insert]
        last = position
    pieces.append(plain[last:])
    return "".join(pieces).strip()


def _utf16_indices(text: str) -> dict[int, int]:
    """Entity offsets count UTF-16 code units; map each to an index into the Python string."""
    indices = {0: 0}
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        indices[units] = index + 1
    return indices


@dataclass(frozen=True)
class Choice:
    """A button as the console shows it: its number, label, and what pressing it does."""

    number: int
    label: str
    data: str | None = None
    url: str | None = None


def choices_of(markup: JSONDict | None) -> list[list[Choice]]:
    """The inline keyboard's rows of buttons, numbered from 1 across the rows."""
    rows: list[list[Choice]] = []
    number = 0
    for row in (markup or {}).get("inline_keyboard") or []:
        choices = []
        for button in row:
            number += 1
            data, url = button.get("callback_data"), button.get("url")
            choices.append(
                Choice(
                    number,
                    str(button.get("text", "")),
                    None if data is None else str(data),
                    None if url is None else str(url),
                )
            )
        rows.append(choices)
    return rows


def render_choices(rows: list[list[Choice]]) -> list[str]:
    """One line per row, `[1] Lohja  [2] Vihti`, with the columns lined up."""
    cells = [[f"[{c.number}] {c.label}" + (" ↗" if c.url else "") for c in row] for row in rows]
    widths: dict[int, int] = {}
    for row_cells in cells:
        for column, cell in enumerate(row_cells):
            widths[column] = max(widths.get(column, 0), len(cell))
    return [
        "  ".join(cell.ljust(widths[column]) for column, cell in enumerate(row_cells)).rstrip()
        for row_cells in cells
    ]
