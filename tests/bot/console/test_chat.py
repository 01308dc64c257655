"""The person's side of the console: what the bot does over HTTP is shown as a chat, and what
the person types reaches the bot as Telegram would deliver it."""

from __future__ import annotations

import asyncio
import io
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.console.chat import Screen, TerminalChat, read_lines
from bot.language.catalog import Texts

AINO = FakeUser(2009, "Aino", language_code="fi")


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=f"mun:{label.lower()}")] for label in labels]
    )


@pytest.fixture
async def bot(fake_api: LocalBotAPI) -> AsyncIterator[Bot]:
    """The bot's side: a real PTB Bot talking HTTP to the local Bot API."""
    fake_api.add_user(AINO)
    async with Bot(fake_api.token, base_url=fake_api.base_url) as telegram_bot:
        yield telegram_bot


@pytest.fixture
def screen() -> Screen:
    return Screen(io.StringIO())


@pytest.fixture
def chat(fake_api: LocalBotAPI, screen: Screen, tmp_path: Path) -> TerminalChat:
    return TerminalChat(fake_api, AINO, Texts.load(), screen, tmp_path / "files")


def shown(chat: TerminalChat, api: LocalBotAPI) -> str:
    """Everything the console showed of the bot's requests so far."""
    for call in api.calls:
        chat.show_call(call)
    api.calls.clear()
    out = chat.screen.out
    assert isinstance(out, io.StringIO)
    text = out.getvalue()
    out.seek(0)
    out.truncate()
    return text


async def test_a_message_with_buttons_and_then_its_edit(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat
) -> None:
    message = await bot.send_message(
        AINO.id,
        "Valitse <b>kuntasi</b> &amp; verstaasi:",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard("Lohja", "Vihti"),
    )
    assert shown(chat, fake_api) == (
        "Verstas:\n  Valitse kuntasi & verstaasi:\n  [1] Lohja\n  [2] Vihti\n"
    )
    await message.edit_text("Kuntasi on nyt <b>Lohja</b>.", parse_mode=ParseMode.HTML)
    assert shown(chat, fake_api) == "Verstas (muokkasi viestiä):\n  Kuntasi on nyt Lohja.\n"


async def test_a_number_presses_a_button_of_the_latest_buttons_shown(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat
) -> None:
    await bot.send_message(AINO.id, "Vanha", reply_markup=keyboard("Kerava"))
    await bot.send_message(AINO.id, "Valitse", reply_markup=keyboard("Lohja", "Vihti"))
    shown(chat, fake_api)

    assert chat.act("2")
    assert shown(chat, fake_api) == "→ Vihti\n"
    [update] = fake_api.pending_updates
    assert update["callback_query"]["data"] == "mun:vihti"
    assert update["callback_query"]["message"]["text"] == "Valitse"
    assert update["callback_query"]["from"]["id"] == AINO.id

    assert not chat.act("3")
    assert shown(chat, fake_api) == "Painiketta 3 ei ole; painikkeet ovat 1–2.\n"
    assert len(fake_api.pending_updates) == 1


async def test_once_the_buttons_are_gone_a_number_is_a_message(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat
) -> None:
    message = await bot.send_message(AINO.id, "Valitse", reply_markup=keyboard("Lohja"))
    await message.edit_reply_markup(None)
    assert shown(chat, fake_api) == "Verstas:\n  Valitse\n  [1] Lohja\n"
    assert chat.act("1")
    [update] = fake_api.pending_updates
    assert update["message"]["text"] == "1"


async def test_text_and_commands_go_to_the_bot_as_messages(
    fake_api: LocalBotAPI, chat: TerminalChat
) -> None:
    assert chat.act("/next Lohjalla")
    [update] = fake_api.pending_updates
    assert update["message"]["text"] == "/next Lohjalla"
    assert update["message"]["entities"][0]["type"] == "bot_command"


async def test_a_document_is_saved_and_its_path_shown(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat, tmp_path: Path
) -> None:
    for _ in range(2):
        await bot.send_document(AINO.id, b"BEGIN:VCALENDAR", filename="verstas.ics")
    first, second = tmp_path / "files" / "verstas.ics", tmp_path / "files" / "verstas-2.ics"
    assert shown(chat, fake_api) == (
        f"Verstas:\n  Tiedosto tallennettu: {first}\nVerstas:\n  Tiedosto tallennettu: {second}\n"
    )
    assert first.read_bytes() == second.read_bytes() == b"BEGIN:VCALENDAR"


async def test_a_document_named_with_a_path_stays_in_the_folder(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat, tmp_path: Path
) -> None:
    await bot.send_document(
        AINO.id,
        b"{}",
        filename="../../omat.json",
        caption="<b>Tietosi</b>",
        parse_mode=ParseMode.HTML,
    )
    assert shown(chat, fake_api) == (
        f"Verstas:\n  Tietosi\n  Tiedosto tallennettu: {tmp_path / 'files' / 'omat.json'}\n"
    )


async def test_an_alert_of_a_button_is_shown(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat
) -> None:
    await bot.send_message(AINO.id, "Valitse", reply_markup=keyboard("Lohja"))
    [message] = fake_api.sent
    fake_api.press_button(AINO, message, "mun:lohja")
    [update] = fake_api.pending_updates
    shown(chat, fake_api)
    await bot.answer_callback_query(
        update["callback_query"]["id"], "Painike on vanhentunut.", show_alert=True
    )
    assert shown(chat, fake_api) == "Verstas (ilmoitus):\n  Painike on vanhentunut.\n"


async def test_what_goes_to_other_chats_or_fails_is_not_shown(
    fake_api: LocalBotAPI, bot: Bot, chat: TerminalChat
) -> None:
    other = FakeUser(7, "Olli")
    fake_api.add_user(other)
    await bot.send_message(other.id, "Olli, sinulle")
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(AINO.id, "<b>rikki", parse_mode=ParseMode.HTML)
    assert shown(chat, fake_api) == ""


async def test_an_interactive_screen_redraws_the_prompt_below_what_arrives() -> None:
    out = io.StringIO()
    screen = Screen(out, interactive=True)
    screen.prompt()
    screen.show("Verstas:\n  Muistutus")
    screen.typed("/next")
    screen.end()
    assert out.getvalue() == "› \r\033[KVerstas:\n  Muistutus\n› "
    script = Screen(io.StringIO())
    script.prompt()
    script.typed("/next")
    script.end()
    assert isinstance(script.out, io.StringIO)
    assert script.out.getvalue() == "› /next\n"


async def test_a_file_from_disk_goes_to_the_bot_as_a_document_with_its_caption(
    fake_api: LocalBotAPI, chat: TerminalChat, tmp_path: Path
) -> None:
    minutes = tmp_path / "pöytäkirja 4.3.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes")

    assert chat.send_file(f' "{minutes}" /minutes 3 Hyväksytty')

    [update] = fake_api.pending_updates
    document = update["message"]["document"]
    assert (document["file_name"], document["mime_type"]) == (
        "pöytäkirja 4.3.pdf",
        "application/pdf",
    )
    assert update["message"]["caption"] == "/minutes 3 Hyväksytty"
    # The bot downloads it as from Telegram.
    assert fake_api.files[document["file_id"]][1] == b"%PDF-1.4 minutes"
    assert shown(chat, fake_api) == "→ tiedosto pöytäkirja 4.3.pdf (16 tavua)\n"


async def test_a_file_that_is_not_there_or_no_path_is_one_line_and_nothing_is_sent(
    fake_api: LocalBotAPI, chat: TerminalChat, tmp_path: Path
) -> None:
    assert not chat.act(f"/file {tmp_path / 'puuttuu.txt'}")
    assert not chat.act("/file")

    assert fake_api.pending_updates == []
    assert shown(chat, fake_api) == (
        f"Tiedostoa {tmp_path / 'puuttuu.txt'} ei voi lukea: No such file or directory\n"
        'Kirjoita /file ja tiedoston polku, esim. /file tiedote.txt tai /file "pöytäkirja '
        '4.3.pdf" /minutes 3.\n'
    )


async def test_a_block_of_lines_ended_by_an_empty_line_is_one_message(
    fake_api: LocalBotAPI, chat: TerminalChat, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nobody answers here: the console need not wait its ten seconds for the bot.
    monkeypatch.setattr("bot.console.chat.ANSWER_WAIT", 0.01)
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    for line in ['"""', "Ehkäisevä lastensuojelu", "Aika: to 14.10.2027 klo 13", "", "/next"]:
        lines.put_nowait(line)
    lines.put_nowait(None)

    await chat.run(lines)

    assert [u["message"]["text"] for u in fake_api.pending_updates] == [
        "Ehkäisevä lastensuojelu\nAika: to 14.10.2027 klo 13",
        "/next",
    ]


async def test_lines_that_arrive_at_once_at_a_terminal_are_one_message() -> None:
    loop = asyncio.get_running_loop()
    pasted, typed = os.pipe(), os.pipe()
    # A paste: the lines are all there at once; a script's lines are each a message.
    for _, write in (pasted, typed):
        os.write(write, "Ehkäisevä lastensuojelu\n\nKokous 14.10.2027 klo 13\n".encode())
        os.close(write)

    at_terminal = read_lines(pasted[0], loop, paste=True)
    from_script = read_lines(typed[0], loop)

    assert [await at_terminal.get(), await at_terminal.get()] == [
        "Ehkäisevä lastensuojelu\n\nKokous 14.10.2027 klo 13",
        None,
    ]
    assert [await from_script.get() for _ in range(4)] == [
        "Ehkäisevä lastensuojelu",
        "",
        "Kokous 14.10.2027 klo 13",
        None,
    ]
    for read, _ in (pasted, typed):
        os.close(read)
