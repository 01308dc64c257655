"""A flood is slowed with one notice, without affecting others; the token stays secret."""

from __future__ import annotations

import io
import logging
import socket
from pathlib import Path

import httpx
import pytest

from bot.app import Webhook, build_application, running
from bot.console.bot_api import FakeUser, LocalBotAPI
from bot.foundation.logs import RedactToken
from tests.helpers.bots import BotProcess, bot_running, settings_for


@pytest.mark.e2e
async def test_a_flooding_user_gets_one_notice_and_others_are_answered(
    fake_api: LocalBotAPI, sqlite_url: str
) -> None:
    flooder, other = FakeUser(1301, "Kiireinen"), FakeUser(1302, "Rauhallinen")
    async with bot_running(fake_api, sqlite_url):
        for _ in range(25):
            fake_api.send_text(flooder, "/help")
        fake_api.send_text(other, "/help")
        # Updates are handled in order: when the other user is answered, all 25 were seen.
        await fake_api.wait_for_message(other.id)
    replies = [m.plain_text or "" for m in fake_api.messages_to(flooder.id)]
    assert len(replies) == 21
    assert replies.count(replies[0]) == 20
    assert (
        replies[-1]
        == "Hetkinen – viestejä tulee nyt niin tiheään, että vastaan taas hetken kuluttua."
    )


def test_the_token_is_masked_in_messages_and_tracebacks() -> None:
    token = "123456:AAE-very-secret"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken(token))
    logger = logging.getLogger("verstas.test.redact")
    logger.addHandler(handler)
    try:
        logger.warning("POST https://api.telegram.org/bot%s/getMe failed", token)
        try:
            raise ConnectionError(f"cannot reach https://api.telegram.org/bot{token}/getUpdates")
        except ConnectionError:
            logger.exception("polling failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert token not in output
    assert output.count("<token>") >= 2


@pytest.mark.e2e
async def test_the_token_can_come_from_a_file_and_never_reaches_the_log(
    fake_api: LocalBotAPI, tmp_path: Path
) -> None:
    secret = tmp_path / "bot_token"
    secret.write_text(fake_api.token + "\n")
    bot = BotProcess(
        {
            "BOT_TOKEN_FILE": str(secret),
            "BOT_API_BASE_URL": fake_api.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
        },
        cwd=tmp_path,
    )
    user = FakeUser(1303, "Salainen")
    await bot.start()
    try:
        fake_api.send_text(user, "/start")
        await fake_api.wait_for_message(user.id, timeout=30)
        assert await bot.stop() == 0
    finally:
        await bot.kill()
    output = await bot.output()
    assert "Verstas is running" in output
    assert fake_api.token not in output
    assert fake_api.token.split(":")[1] not in output


@pytest.mark.e2e
async def test_the_webhook_refuses_requests_without_telegrams_secret(
    fake_api: LocalBotAPI, sqlite_url: str
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Telegram posts to the public https URL; a TLS proxy passes it on to our listener.
    public = "https://verstas.example.fi/verstas-hook"
    url = f"http://127.0.0.1:{port}/verstas-hook"
    hook = Webhook(url=public, listen="127.0.0.1", port=port, secret="s3cret-of-this-start")
    user = FakeUser(1304, "Webhook")
    fake_api.add_user(user)
    update = {"update_id": 1, "message": fake_api.text_message(user, "/help")}
    settings = settings_for(fake_api, sqlite_url)
    async with running(build_application(settings), webhook=hook), httpx.AsyncClient() as client:
        [registered] = fake_api.calls_to("setWebhook")
        assert registered.params["url"] == public
        assert registered.params["secret_token"] == "s3cret-of-this-start"
        without = await client.post(url, json=update)
        wrong = await client.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "guess"}
        )
        assert (without.status_code, wrong.status_code) == (403, 403)
        assert fake_api.messages_to(user.id) == []
        right = await client.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-of-this-start"}
        )
        assert right.status_code == 200
        [reply] = await fake_api.wait_for_message(user.id)
    assert (reply.plain_text or "").startswith("Verstas – komennot")
