"""A schedule file or a pasted announcement in the chat: the preview, and what it leaves."""

from __future__ import annotations

import asyncio
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.replies.context import ReplyContext
from bot.replies.pasted_announcements import pasted_text_reply
from bot.replies.schedule_files import schedule_confirm_reply, schedule_file_reply
from bot.services.members import Person, member_of, set_language
from bot.services.staff import set_role
from storage.models import AuditEntry, Meeting, PendingImport, Role
from tests.helpers.runtime import runtime_at
from tests.helpers.schedules import HELSINKI, demo_bytes, load_demo

NOON_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)
ADMIN = Person(42, "Administrator", "en", administrator=True)
COORDINATOR = Person(77, "Coordinator", "en")
PARTICIPANT = Person(555, "Participant", "en")
# A dry run that waited for a lock would wait the busy timeout (30 s); far less will do.
PROMPTLY = 10


async def _meetings_at_one(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        count = await session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.place == "Kirkkonummi")
        )
        return int(count or 0)


async def test_a_schedule_file_is_previewed_in_the_update_own_transaction(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    before = await _meetings_at_one(sessions)
    moved = demo_bytes().replace(b"place: Kirkkonummi", b"place: Siuntio", 1)
    async with sessions.begin() as session:
        await set_language(session, ADMIN, "en")

    # This update writes nothing before the preview: the savepoint begins its transaction.
    async with sessions.begin() as session:
        reply = await asyncio.wait_for(
            schedule_file_reply(session, context, ADMIN, "arvo.yaml", moved), PROMPTLY
        )

    assert (
        "~ Preventive child welfare in basic services 4 Mar 2009 — Place: Kirkkonummi → Siuntio"
    ) in reply.text.splitlines()
    # It says what would happen, not that it happened.
    assert "To be imported: 0 new, 1 changed, 0 cancelled and 18 unchanged meetings." in reply.text
    assert reply.buttons
    # The preview changed nothing; the file waits for Confirm.
    assert await _meetings_at_one(sessions) == before
    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(PendingImport)) == 1


async def test_a_pasted_announcement_is_previewed_in_the_update_own_transaction(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    text = (
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen\n"
        "Sovitut kokouspäivämäärät ovat 4.2.2009 (Lohja) ja 7.10.2009 (Vihti)\n"
    )

    async with sessions.begin() as session:
        # The update has written already (the member's choice of language), so its
        # transaction holds SQLite's write lock when the preview is made.
        await set_language(session, ADMIN, "en")
        reply = await asyncio.wait_for(pasted_text_reply(session, context, ADMIN, text), PROMPTLY)

    assert reply is not None
    assert (
        "+ Developing open, low-threshold service models: Wed 7 Oct 2009, Vihti"
    ) in reply.text.splitlines()
    async with sessions() as session:
        stored = await session.scalar(
            select(func.count()).select_from(Meeting).where(Meeting.place == "Vihti")
        )
        waiting = await session.scalar(select(func.count()).select_from(PendingImport))
    assert (stored, waiting) == (1, 1)


async def test_the_preview_lists_changes_of_names_as_well_as_of_meetings(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    renamed = demo_bytes().replace(
        b"name_sv: F\xc3\xb6rebyggande barnskydd i basservicen", b"name_sv: Barnskydd", 1
    )

    async with sessions.begin() as session:
        reply = await schedule_file_reply(session, context, ADMIN, "arvo.yaml", renamed)

    assert (
        "~ workshop ehkaiseva-lastensuojelu: Swedish name: Förebyggande barnskydd i basservicen"
        " → Barnskydd"
    ) in reply.text.splitlines()
    assert "No changes" not in reply.text


def _naming(telegram_id: int) -> bytes:
    """The demo file with its first contact's Telegram id."""
    return demo_bytes().replace(
        b'    phone: "040 3153446"\n',
        f'    phone: "040 3153446"\n    telegram_id: {telegram_id}\n'.encode(),
        1,
    )


async def _upload(
    sessions: async_sessionmaker[AsyncSession], context: ReplyContext, person: Person, data: bytes
) -> tuple[str, str]:
    """Send a file and confirm it: the preview's text and the confirmation's."""
    async with sessions.begin() as session:
        preview = await schedule_file_reply(session, context, person, "arvo.yaml", data)
        pending = await session.scalar(select(PendingImport.id).order_by(PendingImport.id.desc()))
        assert pending is not None
    async with sessions.begin() as session:
        done = await schedule_confirm_reply(session, context, person, pending, confirm=True)
    return preview.text, done.text


async def _role(sessions: async_sessionmaker[AsyncSession], person: Person) -> Role:
    """The member's role as their next message finds it."""
    async with sessions.begin() as session:
        return (await member_of(session, person)).role


async def _promotions(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[int, str]]:
    async with sessions() as session:
        entries = await session.scalars(
            select(AuditEntry).where(AuditEntry.action == "promote").order_by(AuditEntry.id)
        )
        return [(entry.actor_telegram_id, entry.target) for entry in entries]


async def test_a_coordinators_file_makes_nobody_a_coordinator_and_says_so(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    async with sessions.begin() as session:
        await member_of(session, PARTICIPANT)
        await member_of(session, COORDINATOR)
        await set_role(session, ADMIN, COORDINATOR.telegram_id, Role.COORDINATOR)

    preview, done = await _upload(sessions, context, COORDINATOR, _naming(555))

    withheld = (
        "Marianna Kokko (555) does not become a coordinator: "
        "only an import by an administrator gives the role"
    )
    assert withheld in preview.splitlines()
    assert withheld in done.splitlines()
    assert await _role(sessions, PARTICIPANT) == Role.PARTICIPANT
    assert await _promotions(sessions) == [(ADMIN.telegram_id, "Coordinator (77)")]


async def test_an_administrators_file_grants_the_role_once_and_a_demote_sticks(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)
    async with sessions.begin() as session:
        await member_of(session, PARTICIPANT)

    preview, _ = await _upload(sessions, context, ADMIN, _naming(555))

    assert "★ Marianna Kokko (555) becomes a coordinator" in preview.splitlines()
    assert await _role(sessions, PARTICIPANT) == Role.COORDINATOR
    assert await _promotions(sessions) == [(ADMIN.telegram_id, "Marianna Kokko (555)")]

    async with sessions.begin() as session:
        await set_role(session, ADMIN, 555, Role.PARTICIPANT)
    assert await _role(sessions, PARTICIPANT) == Role.PARTICIPANT
    # The same file again: the administrator's /demote stands.
    preview, _ = await _upload(sessions, context, ADMIN, _naming(555))
    assert "★" not in preview
    assert await _role(sessions, PARTICIPANT) == Role.PARTICIPANT


async def test_someone_an_administrators_file_names_is_a_coordinator_from_the_first_message(
    engine: AsyncEngine, sessions: async_sessionmaker[AsyncSession]
) -> None:
    await load_demo(sessions)
    context = runtime_at(NOON_1_MARCH_2009, engine)

    await _upload(sessions, context, ADMIN, _naming(555))

    assert await _role(sessions, PARTICIPANT) == Role.COORDINATOR
