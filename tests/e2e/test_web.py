"""The bot's web server over real HTTP: /healthz, /metrics, calendar feeds, JSON logs.

The real Application runs against the fake Bot API with its web server on 127.0.0.1, as
`python -m bot run --listen` starts it; the last tests start that very command.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import signal
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import httpx
import pytest
from icalendar import Calendar, Event
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.console.bot_api import FakeUser, LocalBotAPI, SentMessage
from bot.foundation.logs import AddContext, JsonLines
from tests.conftest import DATABASES, database_of
from tests.helpers.bots import BotProcess, bot_serving, fixed_clock, free_port
from tests.helpers.members import resident
from tests.helpers.schedules import HELSINKI, follower, load_demo, meeting_soon

pytestmark = pytest.mark.e2e

Sessions = async_sessionmaker[AsyncSession]
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
WORKSHOP = "ehkaiseva-lastensuojelu"
SUNDAY_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)
FEED = re.compile(r"http://127\.0\.0\.1:\d+/calendar/\S+\.ics(?:\?lang=\w+)?")


@pytest.fixture(params=DATABASES)
def database_url(request: pytest.FixtureRequest) -> str:
    """Both databases in turn, as in the rest of the suite (the end-to-end default is SQLite)."""
    return database_of(request)


async def scrape(client: httpx.AsyncClient, address: str) -> Samples:
    """/metrics, parsed as Prometheus parses it: (name, labels) → value."""
    answer = await client.get(f"{address}/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


async def scrape_until(
    client: httpx.AsyncClient, address: str, name: str, labels: dict[str, str], value: float
) -> Samples:
    """Scrape until a sample has `value` (the dispatcher records an outcome just after
    Telegram's answer), for at most ten seconds."""
    key = (name, tuple(sorted(labels.items())))
    for _ in range(100):
        samples = await scrape(client, address)
        if samples.get(key) == value:
            return samples
        await asyncio.sleep(0.1)
    raise AssertionError(f"{key} is {samples.get(key)}, not {value}")


class JsonRecords(logging.Handler):
    """Every record the bot logs, as the JSON line LOG_FORMAT=json writes."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.setFormatter(JsonLines("unused:token"))
        self.addFilter(AddContext())
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


@pytest.fixture
def json_records() -> Iterator[JsonRecords]:
    handler = JsonRecords()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)


async def test_health_is_ok_while_the_database_answers(
    fake_api: LocalBotAPI, database_url: str
) -> None:
    async with bot_serving(fake_api, database_url) as (_, address), httpx.AsyncClient() as client:
        answer = await client.get(f"{address}/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "database": "ok"}


@pytest.mark.postgres
async def test_health_is_503_while_the_database_is_gone_and_ok_again_after(
    fake_api: LocalBotAPI, own_postgres_database: str, postgres_admin_dsn: str
) -> None:
    name = make_url(own_postgres_database).database
    admin = await asyncpg.connect(postgres_admin_dsn)
    try:
        async with (
            bot_serving(fake_api, own_postgres_database) as (_, address),
            httpx.AsyncClient() as client,
        ):
            assert (await client.get(f"{address}/healthz")).status_code == 200
            # The database goes away: every connection cut, no new ones let in.
            await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", name
            )
            gone = await client.get(f"{address}/healthz")
            assert gone.status_code == 503
            assert gone.json()["status"] == "unavailable"
            await admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
            back = await client.get(f"{address}/healthz")
            assert back.status_code == 200
    finally:
        await admin.close()


async def test_metrics_count_sent_and_failed_reminders_and_show_the_outbox_depth(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions, json_records: JsonRecords
) -> None:
    await load_demo(sessions)
    present, gone = FakeUser(1401, "Paikalla"), FakeUser(1402, "Estänyt")
    for user in (present, gone):
        fake_api.add_user(user)
        await follower(sessions, user.id, WORKSHOP)
    fake_api.block_user(gone.id)
    now = datetime.now(UTC)
    # A reminder due in two seconds for both, and one a day away.
    await meeting_soon(sessions, WORKSHOP, now + timedelta(seconds=4))
    await meeting_soon(sessions, WORKSHOP, now + timedelta(days=1, seconds=9))
    async with (
        bot_serving(fake_api, database_url, reminder_offsets="2s", quiet_hours="") as (
            _,
            address,
        ),
        httpx.AsyncClient() as client,
    ):
        await fake_api.wait_for_message(present.id, timeout=15)
        fake_api.send_text(present, "/help")
        await fake_api.wait_for_message(present.id, count=2)
        failed = ("verstas_messages_failed_total", {"kind": "reminder", "reason": "blocked"})
        samples = await scrape_until(client, address, *failed, 1)

    def value(name: str, **labels: str) -> float | None:
        return samples.get((name, tuple(sorted(labels.items()))))

    assert value("verstas_messages_sent_total", kind="reminder") == 1
    assert value("verstas_message_lateness_seconds_count", kind="reminder") == 1
    # Read from the database: the blocked member's reminder of tomorrow is dropped.
    assert {
        status: value("verstas_outbox_messages", status=status)
        for status in ("pending", "sent", "failed", "skipped")
    } == {"pending": 1, "sent": 1, "failed": 1, "skipped": 1}
    assert value("verstas_outbox_due_messages") == 0
    assert value("verstas_database_up") == 1
    assert value("verstas_updates_total", type="message") == 1
    # The JSON log tells the same story, with the outbox row and its kind.
    [blocked] = [r for r in json_records.lines if "blocked" in str(r["message"])]
    assert blocked["level"] == "INFO"
    assert (blocked["kind"], blocked["chat_id"]) == ("reminder", gone.id)
    assert isinstance(blocked["outbox_id"], int)


async def test_a_failed_reply_is_logged_with_its_update_and_chat(
    fake_api: LocalBotAPI, sqlite_url: str, json_records: JsonRecords
) -> None:
    user = FakeUser(1403, "Epäonninen")
    async with bot_serving(fake_api, sqlite_url) as (_, address), httpx.AsyncClient() as client:
        fake_api.fail_next("sendMessage", status=400, description="Bad Request: chat not found")
        update_id = fake_api.send_text(user, "/help")
        # The apology after the failed reply.
        await fake_api.wait_for_message(user.id)
        samples = await scrape(client, address)
    [failure] = [r for r in json_records.lines if r["level"] == "ERROR"]
    assert failure["message"] == f"handling update {update_id} failed"
    assert (failure["update_id"], failure["chat_id"]) == (update_id, user.id)
    assert "BadRequest: Chat not found" in str(failure["exception"])
    assert samples[("verstas_update_errors_total", ())] == 1


def feed_address(message: SentMessage) -> str:
    [address] = FEED.findall(message.plain_text or "")
    return str(address)


def events(content: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT") if isinstance(e, Event)}


async def test_calendar_feeds_show_a_members_meetings_only_and_refuse_wrong_addresses(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    lohja, kerava = FakeUser(1411, "Lohjalainen"), FakeUser(1412, "Keravalainen")
    await resident(sessions, lohja.id, "Lohja")
    await resident(sessions, kerava.id, "Kerava")
    async with (
        bot_serving(fake_api, database_url, clock=fixed_clock(SUNDAY_1_MARCH_2009)) as (_, address),
        httpx.AsyncClient() as client,
    ):
        fake_api.send_text(lohja, "/calendar")
        reply, attachment = await fake_api.wait_for_message(lohja.id, count=2)
        mine = feed_address(reply)
        assert mine.startswith(f"{address}/calendar/member/")
        answer = await client.get(mine)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/calendar; charset=utf-8"
        feed = events(answer.content)
        # Lohja takes part in one workshop: its meetings only, as in the /calendar file.
        assert feed
        assert all(uid.startswith(f"{WORKSHOP}.") for uid in feed)
        assert attachment.document_bytes is not None
        sent = events(attachment.document_bytes)
        assert {u: e.sequence for u, e in feed.items()} == {u: e.sequence for u, e in sent.items()}

        fake_api.send_text(kerava, "/calendar")
        theirs = feed_address((await fake_api.wait_for_message(kerava.id, count=2))[0])
        assert len(events((await client.get(theirs)).content)) == 19

        member_id, _, mac = mine.removesuffix(".ics").rpartition("/")[2].partition("-")
        other_id = theirs.rpartition("/")[2].partition("-")[0]
        wrong = [
            mine[:-5] + ("a" if mine[-5] != "a" else "b") + ".ics",
            f"{address}/calendar/member/{other_id}-{mac}.ics",
            f"{address}/calendar/member/{member_id}.ics",
            f"{address}/calendar/member/{'9' * 400}-{mac}.ics",
            f"{address}/calendar/workshop/{WORKSHOP}-{mac}.ics",
        ]
        assert [(await client.get(url)).status_code for url in wrong] == [404] * len(wrong)

        # After /forget the address opens nothing.
        fake_api.send_text(lohja, "/forget yes")
        await fake_api.wait_for_message(lohja.id, count=3)
        assert (await client.get(mine)).status_code == 404


async def test_a_workshop_feed_from_calendar_workshop_in_the_readers_language(
    fake_api: LocalBotAPI, database_url: str, sessions: Sessions
) -> None:
    await load_demo(sessions)
    user = FakeUser(1421, "Ruotsinkielinen", language_code="sv")
    async with (
        bot_serving(fake_api, database_url, clock=fixed_clock(SUNDAY_1_MARCH_2009)) as _,
        httpx.AsyncClient() as client,
    ):
        fake_api.send_text(user, "/calendar kasvatuskumppanuus")
        reply, attachment = await fake_api.wait_for_message(user.id, count=2)
        assert (reply.plain_text or "").startswith("Här är ")
        assert attachment.document_name == "kasvatuskumppanuus.ics"
        address = feed_address(reply)
        assert address.endswith(".ics?lang=sv")
        answer = await client.get(address)
        finnish = await client.get(address.replace("?lang=sv", ""))
    assert answer.status_code == 200
    calendar = Calendar.from_ical(answer.content)
    assert str(calendar["x-wr-calname"]) == "Temaverkstäder"
    assert str(Calendar.from_ical(finnish.content)["x-wr-calname"]) == "Teemaverstaat"
    uids = set(events(answer.content))
    assert uids
    assert all(uid.startswith("kasvatuskumppanuus.") for uid in uids)
    assert attachment.document_bytes is not None
    assert set(events(attachment.document_bytes)) == uids


async def test_run_with_listen_serves_health_and_metrics_and_logs_json_lines(
    fake_api: LocalBotAPI, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotProcess(
        {
            "BOT_TOKEN": fake_api.token,
            "BOT_API_BASE_URL": fake_api.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
            "LOG_FORMAT": "json",
        },
        cwd=tmp_path,
    )
    user = FakeUser(1431, "Valvoja")
    await bot.start("--listen", f"127.0.0.1:{port}")
    try:
        fake_api.send_text(user, "/start")
        await fake_api.wait_for_message(user.id, timeout=30)
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{port}/healthz")
            samples = await scrape(client, f"http://127.0.0.1:{port}")
        assert await bot.stop(signal.SIGTERM) == 0
    finally:
        await bot.kill()
    output = await bot.output()
    assert health.status_code == 200
    assert samples[("verstas_updates_total", (("type", "message"),))] == 1
    assert fake_api.token not in output
    lines = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    messages = [line["message"] for line in lines]
    assert f"web server listening on 127.0.0.1:{port}" in messages
    assert "Verstas stopped" in messages


async def test_webhook_mode_serves_health_and_links_feeds_at_the_webhooks_address(
    fake_api: LocalBotAPI, tmp_path: Path
) -> None:
    port = free_port()
    secret = "s3cret-of-this-test"
    bot = BotProcess(
        {
            "BOT_TOKEN": fake_api.token,
            "BOT_API_BASE_URL": fake_api.base_url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
            "WEBHOOK_SECRET": secret,
        },
        cwd=tmp_path,
    )
    user = FakeUser(1441, "Tilaaja")
    fake_api.add_user(user)
    update = {"update_id": 1, "message": fake_api.text_message(user, "/calendar")}
    await bot.start("--webhook", "https://verstas.example.fi/hook", "--listen", f"127.0.0.1:{port}")
    try:
        await fake_api.wait_for_call("setWebhook", timeout=30)
        async with httpx.AsyncClient() as client:
            health = await client.get(f"http://127.0.0.1:{port}/healthz")
            posted = await client.post(
                f"http://127.0.0.1:{port}/hook",
                json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": secret},
            )
            reply, _ = await fake_api.wait_for_message(user.id, count=2)
            path = feed_path(reply)
            feed = await client.get(f"http://127.0.0.1:{port}{path}")
        assert await bot.stop(signal.SIGTERM) == 0
    finally:
        await bot.kill()
    assert (health.status_code, posted.status_code, feed.status_code) == (200, 200, 200)
    assert events(feed.content) == {}


def feed_path(message: SentMessage) -> str:
    """The path of the feed address in a reply, which must be at the webhook's origin."""
    [path] = re.findall(
        r"https://verstas\.example\.fi(/calendar/member/\S+\.ics)", message.plain_text or ""
    )
    return str(path)


async def test_two_webhook_instances_behind_one_address_accept_each_others_updates(
    fake_api: LocalBotAPI, tmp_path: Path
) -> None:
    # No WEBHOOK_SECRET: each instance sets the webhook at start with the secret it knows,
    # and Telegram keeps the last one; the proxy may pass an update to either instance.
    env = {
        "BOT_TOKEN": fake_api.token,
        "BOT_API_BASE_URL": fake_api.base_url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'verstas.sqlite3'}",
    }
    ports = [free_port(), free_port()]
    bots = [BotProcess(env, cwd=tmp_path), BotProcess(env, cwd=tmp_path)]
    users = [FakeUser(1451, "Ensimmäinen"), FakeUser(1452, "Toinen")]
    try:
        for count, (bot, port) in enumerate(zip(bots, ports, strict=True), start=1):
            await bot.start(
                "--webhook", "https://verstas.example.fi/hook", "--listen", f"127.0.0.1:{port}"
            )
            # One at a time: the second migrates a database the first has migrated.
            await fake_api.wait_for_call("setWebhook", count=count, timeout=30)
        secret = fake_api.calls_to("setWebhook")[-1].params["secret_token"]
        statuses = []
        async with httpx.AsyncClient() as client:
            for update_id, (user, port) in enumerate(zip(users, ports, strict=True), start=1):
                fake_api.add_user(user)
                update = {"update_id": update_id, "message": fake_api.text_message(user, "/help")}
                posted = await client.post(
                    f"http://127.0.0.1:{port}/hook",
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": secret},
                )
                statuses.append(posted.status_code)
        assert statuses == [200, 200]
        for user in users:
            await fake_api.wait_for_message(user.id, timeout=15)
        assert [await bot.stop(signal.SIGTERM) for bot in bots] == [0, 0]
    finally:
        for bot in bots:
            await bot.kill()
