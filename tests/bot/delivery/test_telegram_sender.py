"""A long outbox message goes in parts; a retry after a failed part sends only the rest."""

from __future__ import annotations

from bot.console.bot_api import ApiCall, FakeUser
from bot.replies.reply import MESSAGE_LIMIT
from bot.services import announcements
from bot.services.members import Person
from tests.helpers.outbox import World


async def test_a_long_message_whose_second_part_failed_is_completed_without_repeats(
    world: World,
) -> None:
    await world.register(731, "Lohja")
    coordinator = Person(732, "Marianna", "fi", administrator=True)
    world.api.add_user(FakeUser(coordinator.telegram_id, coordinator.name))
    text = "\n\n".join(f"Kohta {n}: " + "tiedotettavaa asiaa " * 20 for n in range(12))
    assert len(text) > MESSAGE_LIMIT
    line = await world.bot.send_message(coordinator.telegram_id, "📣 Tiedote lähtee…")
    async with world.sessions.begin() as session:
        draft = await announcements.draft(
            session, coordinator, text, workshop_id=None, municipality_id=None
        )
        await announcements.confirm(
            session,
            draft,
            coordinator,
            now=world.clock(),
            audience="kaikki",
            status_chat_id=coordinator.telegram_id,
            status_message_id=line.message_id,
        )

    failed: list[ApiCall] = []

    def after_first_part(call: ApiCall) -> None:
        to_member = call.method == "sendMessage" and call.params.get("chat_id") == 731
        if to_member and not failed:
            failed.append(call)
            world.api.fail_next("sendMessage", status=502)

    world.api.add_listener(after_first_part)
    stats = await world.dispatcher.run_once()
    assert stats.retried == 1
    world.clock.advance(minutes=1)
    assert (await world.dispatcher.run_once()).sent >= 1
    parts = [m.plain_text or "" for m in world.sent_to(731)]
    assert len(parts) == 2
    assert parts[0].startswith("📣")
    assert parts[1].startswith("Kohta ")
    # The last part ends with the text and the sender's signature, once.
    assert parts[1].endswith("tiedotettavaa asiaa \n\n– Koordinaattori Marianna")
    shown = "\n\n".join(parts)
    assert all(shown.count(f"Kohta {n}:") == 1 for n in range(12))
