"""A flood is slowed with one notice, without affecting others; the token stays secret."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from bot.logs import RedactToken
from tests.helpers.bots import BotProcess, bot_running
from tests.helpers.fake_bot_api import FakeBotAPI, FakeUser


@pytest.mark.e2e
async def test_a_flooding_user_gets_one_notice_and_others_are_answered(
    fake_api: FakeBotAPI, sqlite_url: str
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
    fake_api: FakeBotAPI, tmp_path: Path
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
