"""Bot messages in a terminal: Telegram's HTML made readable, buttons as numbered choices."""

from __future__ import annotations

import pytest

from bot.console.rendering import Choice, choices_of, render_choices, render_text


@pytest.mark.parametrize(
    ("html", "shown"),
    [
        ("<b>Seuraavat kokoukset</b>", "Seuraavat kokoukset"),
        ("Kuntasi on nyt <b>Lohja</b>.", "Kuntasi on nyt Lohja."),
        ("A &lt;b&gt; &amp; &quot;c&quot; &#228;", 'A <b> & "c" ä'),
        (
            "<i>Teeman</i> <u>ideointi</u> <s>ja</s> <code>suunnittelu</code>",
            "Teeman ideointi ja suunnittelu",
        ),
        (
            'Katso <a href="https://arvo.example/ohje">ohje</a>.',
            "Katso ohje (https://arvo.example/ohje).",
        ),
        # A link whose text is its address is not written twice.
        ('<a href="https://arvo.example">https://arvo.example</a>', "https://arvo.example"),
        ("\n  <b>Asialista:</b>\n1. Avaus\n\n", "Asialista:\n1. Avaus"),
    ],
)
def test_html_is_shown_as_telegram_shows_it(html: str, shown: str) -> None:
    assert render_text(html, "HTML") == shown


def test_a_terminal_with_styles_shows_bold_and_italics() -> None:
    shown = render_text("<b>Seuraava</b> <i>kokous</i> <b><i>to</i> 15.1.</b>", "HTML", styled=True)
    assert shown == (
        "\033[1mSeuraava\033[22m \033[3mkokous\033[23m \033[1m\033[3mto\033[23m 15.1.\033[22m"
    )


def test_entities_after_characters_outside_the_basic_plane_keep_their_place() -> None:
    # Telegram counts offsets in UTF-16 units: the emoji takes two.
    assert render_text("📅 <b>ke</b> 4.3.", "HTML", styled=True) == "📅 \033[1mke\033[22m 4.3."


def test_text_without_parse_mode_is_shown_as_it_is() -> None:
    assert render_text("<b> ei lihavoitu </b>", None) == "<b> ei lihavoitu </b>"


def test_html_that_telegram_would_refuse_is_shown_as_sent() -> None:
    assert render_text("1 < 2 <x>", "HTML") == "1 < 2 <x>"


MUNICIPALITIES = {
    "inline_keyboard": [
        [
            {"text": "Järvenpää", "callback_data": "mun:1"},
            {"text": "Karjalohja", "callback_data": "mun:2"},
        ],
        [
            {"text": "Kerava", "callback_data": "mun:3"},
            {"text": "Kirkkonummi", "callback_data": "mun:4"},
        ],
        [{"text": "Vihti", "callback_data": "mun:11"}],
    ]
}


def test_buttons_are_numbered_across_the_rows_in_lined_up_columns() -> None:
    rows = choices_of(MUNICIPALITIES)
    assert [[c.number for c in row] for row in rows] == [[1, 2], [3, 4], [5]]
    assert rows[2][0] == Choice(5, "Vihti", "mun:11")
    assert render_choices(rows) == [
        "[1] Järvenpää  [2] Karjalohja",
        "[3] Kerava     [4] Kirkkonummi",
        "[5] Vihti",
    ]


def test_a_link_button_is_marked_and_keeps_its_address() -> None:
    rows = choices_of({"inline_keyboard": [[{"text": "Ohje", "url": "https://arvo.example"}]]})
    assert rows == [[Choice(1, "Ohje", url="https://arvo.example")]]
    assert render_choices(rows) == ["[1] Ohje ↗"]


def test_no_keyboard_means_no_choices() -> None:
    assert choices_of(None) == []
    assert choices_of({"inline_keyboard": []}) == []
    assert render_choices([]) == []
