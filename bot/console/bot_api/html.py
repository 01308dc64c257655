"""Telegram's HTML rules: message HTML to plain text and entities, with tdlib's error texts."""

from __future__ import annotations

import re

from bot.console.bot_api.records import JSONDict

__all__ = ["HtmlParseError", "parse_html", "strip_with_entities", "utf16_len"]


class HtmlParseError(ValueError):
    """Raised for text that Telegram would reject with "can't parse entities"."""


_HTML_TAGS = frozenset(
    {
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "code",
        "pre",
        "tg-spoiler",
        "tg-emoji",
        "span",
        "blockquote",
    }
)
_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "code": "code",
    "pre": "pre",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_HTML_ENTITY_RE = re.compile(r"&(?:#[xX]([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(lt|gt|amp|quot));")
_SPACES = " \t\r\n\f\v"

# An open tag: its name, its attributes, and where its text starts (UTF-16 code units).
_OpenTag = tuple[str, dict[str, str], int]


def utf16_len(text: str) -> int:
    """The length of ``text`` in UTF-16 code units, the unit of entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[JSONDict]]:
    """Parse Telegram-flavoured HTML into (plain text, entities) or raise HtmlParseError."""
    return _HtmlParser(text).parse()


def strip_with_entities(text: str, entities: list[JSONDict]) -> tuple[str, list[JSONDict]]:
    """Strip surrounding whitespace as Telegram does, shifting and clipping entities."""
    stripped = text.strip()
    if stripped == text:
        return text, entities
    lead = utf16_len(text[: len(text) - len(text.lstrip())])
    total = utf16_len(stripped)
    result: list[JSONDict] = []
    for entity in entities:
        start = max(int(entity["offset"]) - lead, 0)
        end = min(int(entity["offset"]) + int(entity["length"]) - lead, total)
        if end > start:
            result.append({**entity, "offset": start, "length": end - start})
    return stripped, result


def _decode_entity(text: str, pos: int) -> tuple[str, int] | None:
    """Decode an HTML entity at ``pos``; unknown ones are left as text, like tdlib does."""
    match = _HTML_ENTITY_RE.match(text, pos)
    if match is None:
        return None
    hex_code, dec_code, name = match.groups()
    if name is not None:
        return _NAMED_ENTITIES[name], match.end()
    code = int(hex_code, 16) if hex_code is not None else int(dec_code)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code), match.end()


class _HtmlParser:
    """One pass over a message's HTML (a port of tdlib's parse_html): text out, tags checked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.out: list[str] = []
        self.out_len = 0  # UTF-16 code units, the unit of entity offsets
        self.entities: list[JSONDict] = []
        self.stack: list[_OpenTag] = []

    def parse(self) -> tuple[str, list[JSONDict]]:
        """Read the whole text; return (plain text, entities sorted as Telegram sorts them)."""
        text, n = self.text, len(self.text)
        while self.pos < n:
            if text[self.pos] != "<":
                self._character()
            elif self.pos + 1 < n and text[self.pos + 1] == "/":
                self._end_tag()
            else:
                self._start_tag()
        if self.stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self.stack[-1][0]}"'
            )
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def _offset(self, pos: int) -> int:
        # tdlib reports byte offsets into the UTF-8 text.
        return len(self.text[:pos].encode("utf-8"))

    def _at_end(self) -> bool:
        return self.pos >= len(self.text)

    def _skip_while_in(self, chars: str) -> None:
        while not self._at_end() and self.text[self.pos] in chars:
            self.pos += 1

    def _skip_until(self, chars: str) -> None:
        while not self._at_end() and self.text[self.pos] not in chars:
            self.pos += 1

    def _require_more(self, begin: int) -> None:
        if self._at_end():
            raise HtmlParseError(f"Unclosed start tag at byte offset {self._offset(begin)}")

    def _character(self) -> None:
        """Copy one character, or the character an HTML entity stands for, to the text."""
        decoded = _decode_entity(self.text, self.pos) if self.text[self.pos] == "&" else None
        char, self.pos = decoded or (self.text[self.pos], self.pos + 1)
        self.out.append(char)
        self.out_len += utf16_len(char)

    def _end_tag(self) -> None:
        """Read ``</name>`` and close the innermost open tag, which it must match."""
        begin = self.pos
        if not self.stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self._offset(begin)}")
        close = self.text.find(">", begin + 2)
        if close < 0:
            raise HtmlParseError(f"Unclosed end tag at byte offset {self._offset(begin)}")
        end_name = self.text[begin + 2 : close].lower()
        open_tag, open_attrs, start = self.stack.pop()
        if end_name and end_name != open_tag:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {self._offset(begin)}, "
                f'expected "</{open_tag}>", found "</{end_name}>"'
            )
        self.pos = close + 1
        _close_entity(open_tag, open_attrs, start, self.out_len, self.stack, self.entities)

    def _start_tag(self) -> None:
        """Read ``<name attributes>``, check it, and open it."""
        begin = self.pos
        self.pos += 1
        self._skip_until(_SPACES + ">")
        self._require_more(begin)
        tag = self.text[begin + 1 : self.pos].lower()
        if tag not in _HTML_TAGS:
            raise HtmlParseError(
                f'Unsupported start tag "{tag}" at byte offset {self._offset(begin)}'
            )
        attrs = self._attributes(tag, begin)
        if tag == "span" and attrs.get("class") != "tg-spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {self._offset(begin)}'
            )
        if tag == "tg-emoji" and not attrs.get("emoji-id"):
            raise HtmlParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" '
                f"at byte offset {self._offset(begin)}"
            )
        self.pos += 1
        self.stack.append((tag, attrs, self.out_len))

    def _attributes(self, tag: str, begin: int) -> dict[str, str]:
        """Read a start tag's attributes up to its ``>`` (which is left to read)."""
        attrs: dict[str, str] = {}
        while True:
            self._skip_while_in(_SPACES)
            self._require_more(begin)
            if self.text[self.pos] == ">":
                return attrs
            attr_start = self.pos
            self._skip_until(_SPACES + "=>")
            attr_name = self.text[attr_start : self.pos].lower()
            self._skip_while_in(_SPACES)
            if self._at_end() or self.text[self.pos] != "=":
                if not self._at_end() and tag == "blockquote" and attr_name == "expandable":
                    attrs[attr_name] = ""  # the one value-less attribute tdlib accepts
                    continue
                raise HtmlParseError(
                    f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                    f"at byte offset {self._offset(begin)}"
                )
            self.pos += 1
            self._skip_while_in(_SPACES)
            self._require_more(begin)
            attrs[attr_name] = self._attribute_value()

    def _attribute_value(self) -> str:
        """Read a quoted value (entities decoded) or a bare token (lowercased)."""
        if self.text[self.pos] in "'\"":
            return self._quoted_value()
        token_start = self.pos
        while not self._at_end() and (self.text[self.pos].isalnum() or self.text[self.pos] in ".-"):
            self.pos += 1
        if not self._at_end() and self.text[self.pos] not in _SPACES + ">":
            raise HtmlParseError(
                f"Unexpected end of name token at byte offset {self._offset(token_start)}"
            )
        return self.text[token_start : self.pos].lower()

    def _quoted_value(self) -> str:
        """Read a value in quotes; a missing closing quote ends it at the end of the text."""
        quote = self.text[self.pos]
        self.pos += 1
        chars: list[str] = []
        while not self._at_end() and self.text[self.pos] != quote:
            decoded = _decode_entity(self.text, self.pos) if self.text[self.pos] == "&" else None
            char, self.pos = decoded or (self.text[self.pos], self.pos + 1)
            chars.append(char)
        if not self._at_end():
            self.pos += 1
        return "".join(chars)


def _close_entity(
    tag: str,
    attrs: dict[str, str],
    start: int,
    end: int,
    stack: list[_OpenTag],
    entities: list[JSONDict],
) -> None:
    """Turn a closed tag into a MessageEntity (if it covers any text)."""
    if end <= start:
        return
    entity: JSONDict = {"type": _ENTITY_TYPES[tag], "offset": start, "length": end - start}
    if tag == "a":
        href = attrs.get("href")
        if not href:
            return  # an <a> without href is plain text
        entity["url"] = href
    elif tag == "code":
        language = attrs.get("class", "")
        if language.startswith("language-") and stack and stack[-1][0] == "pre":
            # <pre><code class="language-x"> is one pre entity with a language.
            stack[-1][1]["language"] = language.removeprefix("language-")
            return
    elif tag == "pre" and attrs.get("language"):
        entity["language"] = attrs["language"]
    elif tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs["emoji-id"]
    entities.append(entity)
