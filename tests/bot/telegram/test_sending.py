"""Long HTML is split into parts that are each valid HTML within Telegram's limit."""

from __future__ import annotations

import re

from bot.telegram.sending import split_message

TAG = re.compile(r"</?([a-z-]+)[^>]*>")


def balanced(html: str) -> bool:
    """Every tag closed, in order, and no tag or character reference cut in two."""
    stack: list[str] = []
    for match in TAG.finditer(html):
        if match.group(0).startswith("</"):
            if not stack or stack.pop() != match.group(1):
                return False
        else:
            stack.append(match.group(1))
    stripped = TAG.sub("", html)
    cut_reference = re.search(r"&(?!#?\w{1,10};)", stripped)
    return not stack and "<" not in stripped and ">" not in stripped and cut_reference is None


def test_a_tag_open_across_a_line_break_is_closed_and_opened_again() -> None:
    text = '<b>otsikko</b>\n<i><a href="https://example.org/?a=1&amp;b=2">' + "rivi\n" * 300
    text += "</a></i>"
    parts = split_message(text, limit=400)
    assert len(parts) > 1
    assert all(len(part) <= 400 and balanced(part) for part in parts)
    assert all(
        part.startswith('<i><a href="https://example.org/?a=1&amp;b=2">') for part in parts[1:]
    )


def test_a_cut_without_line_breaks_falls_outside_tags_and_references() -> None:
    text = ("sana &amp; <b>toinen</b> " * 200).strip()
    parts = split_message(text, limit=97)
    assert all(len(part) <= 97 and balanced(part) for part in parts)
    # The same text, with a tag at most closed and opened again where a cut fell inside it.
    assert TAG.sub("", "".join(parts)) == TAG.sub("", text)
