"""Tests for the fake Telegram Bot API server, driven through PTB's real HTTP stack."""

from __future__ import annotations

import asyncio
import datetime as dtm
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import Bot, BotCommand, BotCommandScopeChat, InlineKeyboardButton, Update
from telegram import InlineKeyboardMarkup as Markup
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter
from telegram.ext import ApplicationBuilder, CommandHandler, ContextTypes

from bot.console.bot_api import (
    FakeChat,
    FakeUser,
    HtmlParseError,
    LocalBotAPI,
    parse_html,
)

USER = FakeUser(id=1001, first_name="Aino", username="aino")
GROUP = FakeChat(id=-100200300, type="supergroup", title="Verstas Oulu")


@pytest.fixture
async def server() -> AsyncIterator[LocalBotAPI]:
    """A started fake Bot API."""
    async with LocalBotAPI() as api:
        yield api


@pytest.fixture
async def bot(server: LocalBotAPI) -> AsyncIterator[Bot]:
    """A real PTB Bot talking HTTP to the fake."""
    async with Bot(server.token, base_url=server.base_url) as telegram_bot:
        yield telegram_bot


def keyboard() -> Markup:
    """A two-button inline keyboard."""
    return Markup(
        [
            [
                InlineKeyboardButton("Kyllä", callback_data="yes:1"),
                InlineKeyboardButton("Ei", callback_data="no:1"),
            ]
        ]
    )


async def test_get_me(server: LocalBotAPI, bot: Bot) -> None:
    """Bot.initialize() already called getMe; the bot knows its identity."""
    me = await bot.get_me()
    assert me.id == server.bot_id == 123456
    assert me.username == "verstas_test_bot"
    assert me.is_bot
    assert bot.username == "verstas_test_bot"
    assert server.calls[0].method == "getMe"
    assert server.calls[0].status == 200


async def test_send_message_is_recorded(server: LocalBotAPI, bot: Bot) -> None:
    """Text, parse_mode and buttons are decoded; the returned Message is parsed HTML."""
    server.add_user(USER)
    message = await bot.send_message(
        USER.id, "<b>Hei</b> &lt;Aino&gt;", parse_mode=ParseMode.HTML, reply_markup=keyboard()
    )
    [sent] = server.sent
    assert sent.chat_id == USER.id
    assert sent.text == "<b>Hei</b> &lt;Aino&gt;"
    assert sent.plain_text == "Hei <Aino>"
    assert sent.parse_mode == "HTML"
    assert sent.buttons() == [[("Kyllä", "yes:1"), ("Ei", "no:1")]]
    assert sent.callback_data("Ei") == "no:1"
    assert server.messages_to(USER.id) == [sent]

    assert message.message_id == sent.message_id
    assert message.text == "Hei <Aino>"
    assert message.text_html == "<b>Hei</b> &lt;Aino&gt;"
    assert message.from_user is not None
    assert message.from_user.id == server.bot_id
    assert message.reply_markup == keyboard()

    call = server.calls_to("sendMessage")[0]
    assert call.params["chat_id"] == USER.id  # JSON-decoded to int
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["text"] == "Kyllä"


async def test_numeric_text_stays_a_string(server: LocalBotAPI, bot: Bot) -> None:
    """PTB sends str values verbatim, so text "123" must not be JSON-decoded to 123."""
    server.add_user(USER)
    await bot.send_message(USER.id, "123")
    assert server.sent[0].text == "123"


async def test_unknown_chat_is_rejected(bot: Bot) -> None:
    """Telegram answers 400 "chat not found" for chats the bot never met."""
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hei")


async def test_long_poll_wakes_on_new_update(server: LocalBotAPI, bot: Bot) -> None:
    """A pending getUpdates returns as soon as a user sends a command."""
    loop = asyncio.get_running_loop()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await server.wait_for_long_poll()
    started = loop.time()
    update_id = server.send_text(USER, "/start")
    updates = await asyncio.wait_for(poll, 2)
    assert loop.time() - started < 1

    [update] = updates
    assert update.update_id == update_id
    assert update.message is not None
    assert update.message.text == "/start"
    assert update.message.chat.type == "private"
    assert update.message.from_user is not None
    assert update.message.from_user.first_name == "Aino"
    assert update.message.entities[0].type == "bot_command"
    assert (update.message.entities[0].offset, update.message.entities[0].length) == (0, 6)

    # Updates stay until confirmed with a higher offset, as on the real server.
    assert await bot.get_updates(timeout=0) == updates
    assert await bot.get_updates(offset=update_id + 1, timeout=0) == ()
    assert server.pending_updates == []


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    """Without updates the poll is held for `timeout` and then answers []."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0.2)) == ()
    assert loop.time() - started >= 0.15


async def test_group_command_entity_covers_bot_name(server: LocalBotAPI, bot: Bot) -> None:
    """In groups the command entity includes the @botname suffix."""
    server.send_text(USER, "/ilmoittaudu@verstas_test_bot pajaan", chat=GROUP)
    [update] = await bot.get_updates(timeout=0)
    assert update.message is not None
    assert update.message.chat.id == GROUP.id
    assert update.message.chat.title == "Verstas Oulu"
    entity = update.message.entities[0]
    assert entity.type == "bot_command"
    assert entity.length == len("/ilmoittaudu@verstas_test_bot")
    assert update.message.parse_entity(entity) == "/ilmoittaudu@verstas_test_bot"


async def test_add_bot_to_group(server: LocalBotAPI, bot: Bot) -> None:
    """my_chat_member updates parse into ChatMemberUpdated."""
    server.add_bot_to_group(USER, GROUP)
    [update] = await bot.get_updates(timeout=0)
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "member"
    assert update.my_chat_member.old_chat_member.status == "left"
    assert update.my_chat_member.new_chat_member.user.id == server.bot_id
    await bot.send_message(GROUP.id, "Kiitos kutsusta")
    assert server.messages_to(GROUP.id)[0].text == "Kiitos kutsusta"


async def test_press_button_and_answer(server: LocalBotAPI, bot: Bot) -> None:
    """press_button yields a callback_query on the bot's message; the answer is recorded."""
    server.add_user(USER)
    await bot.send_message(USER.id, "Tuletko?", reply_markup=keyboard())
    sent = server.sent[0]
    server.press_button(USER, sent, "yes:1")
    [update] = await bot.get_updates(timeout=0)
    query = update.callback_query
    assert query is not None
    assert query.data == "yes:1"
    assert query.from_user.id == USER.id
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    assert await query.answer("Selvä") is True
    call = await server.wait_for_call("answerCallbackQuery")
    assert call.params["text"] == "Selvä"
    with pytest.raises(AssertionError, match="no button"):
        server.press_button(USER, sent, "maybe")


async def test_retry_after(server: LocalBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch) -> None:
    """429 carries parameters.retry_after, which PTB turns into RetryAfter."""
    # PTB 22.2+ warns when RetryAfter.retry_after is read as int; opt in to timedelta.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    server.add_user(USER)
    server.fail_next("sendMessage", status=429, retry_after=3)
    with pytest.raises(RetryAfter) as exc_info:
        await bot.send_message(USER.id, "hei")
    assert exc_info.value.retry_after == dtm.timedelta(seconds=3)
    await bot.send_message(USER.id, "hei")
    assert [c.status for c in server.calls_to("sendMessage")] == [429, 200]
    assert server.calls_to("sendMessage")[0].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3},
    }
    assert len(server.sent) == 1


async def test_forbidden_and_block_user(server: LocalBotAPI, bot: Bot) -> None:
    """403 raises Forbidden, both injected once and for a blocked user."""
    server.add_user(USER)
    server.fail_next("sendMessage", status=403)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(USER.id, "hei")
    await bot.send_message(USER.id, "hei")

    server.block_user(USER.id)
    for _ in range(2):
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(USER.id, "hei taas")
    assert [m.text for m in server.sent] == ["hei"]


async def test_server_error_is_network_error(server: LocalBotAPI, bot: Bot) -> None:
    """5xx raises a plain NetworkError; faults are consumed in order."""
    server.add_user(USER)
    server.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error") as exc_info:
            await bot.send_message(USER.id, "hei")
        assert type(exc_info.value) is NetworkError
    await bot.send_message(USER.id, "hei")


async def test_random_faults_are_shares_of_the_calls_from_a_seeded_generator(
    server: LocalBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """About 10 % of calls get 429 with retry_after, about 5 % a 5xx; the same seed, the
    same sequence; a share of 0 turns it off."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    server.add_user(USER)

    async def outcomes() -> list[str]:
        seen = []
        for _ in range(400):
            try:
                await bot.send_message(USER.id, "hei")
                seen.append("ok")
            except RetryAfter as error:
                seen.append(f"429 after {error.retry_after!r}")
            except NetworkError:
                seen.append("5xx")
        return seen

    server.fail_randomly(too_many_requests=0.10, server_errors=0.05, retry_after=2, seed=7)
    first = await outcomes()
    server.fail_randomly(too_many_requests=0.10, server_errors=0.05, retry_after=2, seed=7)
    assert await outcomes() == first
    assert 25 <= first.count(f"429 after {dtm.timedelta(seconds=2)!r}") <= 55
    assert 8 <= first.count("5xx") <= 32
    assert len(server.sent) == 2 * first.count("ok")
    server.fail_randomly()
    for _ in range(20):
        await bot.send_message(USER.id, "hei")


async def test_random_faults_only_for_the_methods_named(server: LocalBotAPI, bot: Bot) -> None:
    """Methods not named always succeed."""
    server.add_user(USER)
    server.fail_randomly(server_errors=1.0, methods=["editMessageText"])
    message = await bot.send_message(USER.id, "hei")
    with pytest.raises(NetworkError):
        await bot.edit_message_text("moi", chat_id=USER.id, message_id=message.message_id)


async def test_early_retries_are_calls_to_a_chat_sooner_than_its_429_allowed(
    server: LocalBotAPI, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A retry after retry_after is fine; one before it is reported, with the 429."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    other = FakeUser(id=1002)
    for user in (USER, other):
        server.add_user(user)
    server.fail_next("sendMessage", status=429, retry_after=1)
    with pytest.raises(RetryAfter):
        await bot.send_message(USER.id, "hei")
    # Another chat does not count: the 429 was for USER's.
    await bot.send_message(other.id, "hei")
    await asyncio.sleep(1.05)
    await bot.send_message(USER.id, "hei")
    assert server.early_retries() == []

    server.fail_next("sendMessage", status=429, retry_after=5)
    with pytest.raises(RetryAfter):
        await bot.send_message(USER.id, "heti")
    await bot.send_message(USER.id, "liian aikaisin")
    [(refused, early)] = server.early_retries()
    assert (refused.status, early.status) == (429, 200)
    assert early.params["text"] == "liian aikaisin"


async def test_unreachable_hangs_up_without_an_answer_until_reachable_again(
    server: LocalBotAPI, bot: Bot
) -> None:
    """Requests fail as network errors and change nothing; a long poll in progress is
    dropped; users' messages wait and arrive once the server is reachable again."""
    server.add_user(USER)
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await server.wait_for_long_poll()
    server.become_unreachable()
    with pytest.raises(NetworkError):
        await asyncio.wait_for(poll, 2)
    with pytest.raises(NetworkError):
        await bot.send_message(USER.id, "hei")
    server.send_text(USER, "kuuluuko?")
    with pytest.raises(NetworkError):
        await bot.get_updates(timeout=1)
    assert server.sent == []
    assert server.hung_up == 3
    server.become_reachable()
    await bot.send_message(USER.id, "hei")
    [update] = await bot.get_updates(timeout=1)
    assert update.message is not None
    assert update.message.text == "kuuluuko?"
    assert [m.text for m in server.sent] == ["hei"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("<b>hei", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>hei</i>", 'Unmatched end tag at byte offset 6, expected "</b>", found "</i>"'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<script>x</script>", 'Unsupported start tag "script" at byte offset 0'),
        ("hei</b>", "Unexpected end tag at byte offset 3"),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("ä <br>", 'Unsupported start tag "br" at byte offset 3'),
    ],
)
async def test_bad_html_is_rejected(server: LocalBotAPI, bot: Bot, text: str, error: str) -> None:
    """Unbalanced, unknown or unescaped markup answers 400 "can't parse entities"."""
    server.add_user(USER)
    with pytest.raises(BadRequest, match=r"(?i)parse entities") as exc_info:
        await bot.send_message(USER.id, text, parse_mode=ParseMode.HTML)
    # PTB strips "Bad Request: " and lower-cases the rest, so compare the raw description.
    assert server.calls_to("sendMessage")[0].response["description"] == (
        f"Bad Request: can't parse entities: {error}"
    )
    assert exc_info.value.message.lower() == f"can't parse entities: {error}".lower()
    assert server.sent == []


def test_parse_html_entities() -> None:
    """Allowed tags become entities with UTF-16 offsets; entities are decoded."""
    text, entities = parse_html(
        '😀 <b>lihava <i>kursiivi</i></b> <a href="https://e.fi/?a=1&amp;b=2">linkki</a> '
        '<span class="tg-spoiler">s</span> <pre><code class="language-python">x</code></pre>'
        " &lt;&gt;&amp;&quot;&#228; & <blockquote expandable>q</blockquote>"
    )
    assert text == '😀 lihava kursiivi linkki s x <>&"ä & q'
    assert {"type": "bold", "offset": 3, "length": 15} in entities
    assert {"type": "italic", "offset": 10, "length": 8} in entities
    assert {"type": "text_link", "offset": 19, "length": 6, "url": "https://e.fi/?a=1&b=2"} in (
        entities
    )
    assert {"type": "spoiler", "offset": 26, "length": 1} in entities
    assert {"type": "pre", "offset": 28, "length": 1, "language": "python"} in entities
    assert {"type": "expandable_blockquote", "offset": 38, "length": 1} in entities
    with pytest.raises(HtmlParseError):
        parse_html("<b>")


async def test_text_limits(server: LocalBotAPI, bot: Bot) -> None:
    """Empty text and text over 4096 characters are rejected like on Telegram."""
    server.add_user(USER)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(USER.id, "  \n")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(USER.id, "x" * 4097)
    # Markup does not count towards the limit.
    await bot.send_message(USER.id, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(
            USER.id, "x", reply_markup=Markup([[InlineKeyboardButton("a", callback_data="x" * 65)]])
        )
    assert len(server.sent) == 1


async def test_send_document_multipart(server: LocalBotAPI, bot: Bot) -> None:
    """Uploaded files keep their (non-ASCII) name and bytes."""
    server.add_user(USER)
    content = b"nimi;kunta\nAino;Oulu\n" + bytes(range(256))
    message = await bot.send_document(
        USER.id,
        content,
        filename="työpajat 2025.csv",
        caption="<i>Lista</i>",
        parse_mode=ParseMode.HTML,
    )
    [sent] = server.sent
    assert sent.method == "sendDocument"
    assert sent.document_name == "työpajat 2025.csv"
    assert sent.document_bytes == content
    assert sent.text == "<i>Lista</i>"
    assert sent.plain_text == "Lista"
    assert message.document is not None
    assert message.document.file_name == "työpajat 2025.csv"
    assert message.document.file_size == len(content)
    assert message.caption == "Lista"

    # Re-sending by file_id works and refers to the same file.
    await bot.send_document(USER.id, message.document.file_id)
    assert server.sent[1].document_bytes == content

    photo = await bot.send_photo(USER.id, b"\x89PNG fake", filename="kuva.png")
    assert photo.photo
    assert server.sent[2].method == "sendPhoto"
    assert server.sent[2].document_name == "kuva.png"


async def test_file_ids_of_an_earlier_run_name_no_file_of_this_one(bot: Bot) -> None:
    """A file id the bot kept from an earlier run (a minutes file in its database) is refused
    like Telegram refuses an unknown one, never taken for this run's file of the same number."""
    async with LocalBotAPI() as earlier:
        earlier.add_user(USER)
        async with Bot(earlier.token, base_url=earlier.base_url) as earlier_bot:
            kept = await earlier_bot.send_document(USER.id, b"old minutes", filename="a.pdf")
        earlier.send_document(USER, "old.txt", b"old text")
        old_upload = earlier.files
    async with LocalBotAPI() as later:
        later.add_user(USER)
        async with Bot(later.token, base_url=later.base_url) as later_bot:
            await later_bot.send_document(USER.id, b"new minutes", filename="b.pdf")
            later.send_document(USER, "new.txt", b"new text")
            assert kept.document is not None
            with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
                await later_bot.send_document(USER.id, kept.document.file_id)
            for old_id in old_upload:
                with pytest.raises(BadRequest):
                    await later_bot.get_file(old_id)
        assert set(old_upload).isdisjoint(later.files)


async def test_edit_message_text(server: LocalBotAPI, bot: Bot) -> None:
    """Edits update the record, drop a keyboard that is not re-sent, and reject no-ops."""
    server.add_user(USER)
    message = await bot.send_message(USER.id, "Valitse", reply_markup=keyboard())
    edited = await bot.edit_message_text(
        "Valittu: <b>Kyllä</b>",
        chat_id=USER.id,
        message_id=message.message_id,
        parse_mode=ParseMode.HTML,
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Valittu: Kyllä"
    assert edited.edit_date is not None
    [sent] = server.sent
    assert sent.text == "Valittu: <b>Kyllä</b>"
    assert sent.original_text == "Valitse"
    assert sent.edits == ["Valittu: <b>Kyllä</b>"]
    assert sent.reply_markup is None
    assert sent.buttons() == []

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "Valittu: <b>Kyllä</b>",
            chat_id=USER.id,
            message_id=message.message_id,
            parse_mode=ParseMode.HTML,
        )
    await bot.edit_message_reply_markup(USER.id, message.message_id, reply_markup=keyboard())
    assert sent.buttons()[0][0] == ("Kyllä", "yes:1")

    assert await bot.delete_message(USER.id, message.message_id) is True
    assert sent.deleted
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=USER.id, message_id=message.message_id)


async def test_commands_chat_and_misc(server: LocalBotAPI, bot: Bot) -> None:
    """setMyCommands/getMyCommands per scope and language, getChat, chat actions."""
    server.add_user(USER)
    await bot.set_my_commands([BotCommand("start", "Aloita"), BotCommand("apua", "Ohjeet")])
    await bot.set_my_commands(
        [BotCommand("start", "Start")], scope=BotCommandScopeChat(USER.id), language_code="en"
    )
    assert [c.command for c in await bot.get_my_commands()] == ["start", "apua"]
    scoped = await bot.get_my_commands(scope=BotCommandScopeChat(USER.id), language_code="en")
    assert [c.description for c in scoped] == ["Start"]
    assert await bot.get_my_commands(language_code="sv") == ()
    assert server.commands()[1] == {"command": "apua", "description": "Ohjeet"}
    with pytest.raises(BadRequest, match=r"(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand("Start", "x")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()

    chat = await bot.get_chat(USER.id)
    assert (chat.id, chat.type, chat.first_name) == (USER.id, "private", "Aino")
    assert await bot.send_chat_action(USER.id, "typing") is True
    assert await bot.delete_webhook() is True
    info = await bot.get_webhook_info()
    assert info.url == ""


async def test_raw_http_errors(server: LocalBotAPI) -> None:
    """Unknown methods answer 404 and wrong tokens 401, as JSON bodies."""
    async with aiohttp.ClientSession() as session:
        async with session.post(f"{server.base_url}{server.token}/fooBar") as resp:
            assert resp.status == 404
            body: dict[str, Any] = await resp.json()
            assert body == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        async with session.get(f"{server.base_url}1:WRONG/getMe") as resp:
            assert resp.status == 401
            assert (await resp.json())["description"] == "Unauthorized"
        # Method names are case-insensitive; JSON bodies are accepted too.
        async with session.post(f"{server.base_url}{server.token}/GETME", json={}) as resp:
            assert (await resp.json())["result"]["username"] == "verstas_test_bot"


async def test_wait_for_message_timeout_dumps(server: LocalBotAPI, bot: Bot) -> None:
    """A timed-out wait raises AssertionError listing what was sent."""
    server.add_user(USER)
    await bot.send_message(USER.id, "jotain muuta")
    with pytest.raises(AssertionError, match="jotain muuta"):
        await server.wait_for_message(USER.id, count=2, timeout=0.05)
    found = await server.wait_for_message(USER.id, predicate=lambda m: m.text == "jotain muuta")
    assert len(found) == 1


async def test_application_replies_to_start(server: LocalBotAPI) -> None:
    """A real Application polls the fake, handles /start and stops cleanly."""

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("hei")

    application = ApplicationBuilder().token(server.token).base_url(server.base_url).build()
    application.add_handler(CommandHandler("start", start))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0)
        await application.start()
        try:
            server.send_text(USER, "/start")
            [reply] = await server.wait_for_message(USER.id)
        finally:
            await application.updater.stop()
            await application.stop()
    assert reply.text == "hei"
    # The updater confirmed the processed update when it stopped.
    assert server.pending_updates == []


async def test_stop_releases_pending_long_poll(server: LocalBotAPI, bot: Bot) -> None:
    """Stopping the server answers a parked getUpdates at once instead of after `timeout`."""
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await server.wait_for_long_poll()
    await server.stop()
    assert await asyncio.wait_for(poll, 2) == ()


async def test_second_poll_terminates_first(server: LocalBotAPI, bot: Bot) -> None:
    """Two bot instances polling at once get 409 Conflict, as on the real server."""
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await server.wait_for_long_poll()
    # A second Bot: PTB's getUpdates connection pool has room for one request per Bot.
    async with Bot(server.token, base_url=server.base_url) as other:
        second = asyncio.create_task(other.get_updates(timeout=30))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await asyncio.wait_for(first, 2)
        server.send_text(USER, "hei")
        [update] = await asyncio.wait_for(second, 2)
    assert update.message is not None
    assert update.message.text == "hei"
    assert update.message.entities == ()
