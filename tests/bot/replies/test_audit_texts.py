"""The audit log as sentences: entries of this version and of older ones, and meetings
looked up now or, once removed, named by what the entry kept."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.language.catalog import Texts
from bot.replies.audit_texts import audit_sentences
from bot.services.audit_log import read_audit_log
from storage.models import AuditEntry, Meeting, Workshop
from tests.helpers.schedules import HELSINKI, load_demo

Sessions = async_sessionmaker[AsyncSession]
AT = datetime(2009, 3, 1, 10, 15, tzinfo=UTC)


async def sentences(sessions: Sessions, language: str) -> list[str]:
    async with sessions() as session:
        log = await read_audit_log(session)
    return audit_sentences(Texts.load(), language, log, HELSINKI)


async def test_entries_read_as_sentences_in_each_language(sessions: Sessions) -> None:
    await load_demo(sessions)
    async with sessions.begin() as session:
        meeting = await session.scalar(
            select(Meeting).join(Workshop).where(Meeting.key == "2009-03-04")
        )
        assert meeting is not None
        session.add_all(
            [
                AuditEntry(
                    at=AT,
                    actor_telegram_id=5001,
                    actor_name="Marianna",
                    action="edit-meeting",
                    target=f"meeting {meeting.id} ({meeting.key})",
                    detail="ends_at, place, starts_at",
                ),
                AuditEntry(
                    at=AT.replace(minute=16),
                    actor_telegram_id=5001,
                    actor_name="Marianna",
                    action="broadcast",
                    target="announcement 3",
                    audience="workshop=ehkaiseva-lastensuojelu",
                    detail="12 recipients",
                ),
                AuditEntry(
                    at=AT.replace(minute=14),
                    actor_telegram_id=5001,
                    actor_name="Marianna",
                    action="promote-representative",
                    target="Iris Heikkilä (611)",
                    detail="workshops ehkaiseva-lastensuojelu, kasvatuskumppanuus",
                ),
                # A meeting removed since, and an old entry's wording.
                AuditEntry(
                    at=AT.replace(minute=17),
                    actor_telegram_id=601,
                    actor_name="Satu",
                    action="cancel-meeting",
                    target="meeting 99999 (2009-05-20)",
                    allowed=False,
                    detail="refused: role",
                ),
            ]
        )

    assert await sentences(sessions, "fi") == [
        "su 1.3.2009 klo 12.17 Satu (601) yritti peruuttaa kokouksen"
        " 20.5.2009 (kokous on sittemmin poistettu).",
        "su 1.3.2009 klo 12.16 Marianna (5001) lähetti tiedotteen 3"
        " (vastaanottajat: verstas Ehkäisevä lastensuojelu peruspalveluissa) — 12 vastaanottajaa.",
        "su 1.3.2009 klo 12.15 Marianna (5001) muutti kokousta"
        " Ehkäisevä lastensuojelu peruspalveluissa 4.3.2009, Kirkkonummi — muuttui: aika, paikka.",
        "su 1.3.2009 klo 12.14 Marianna (5001) nimesi verstaan edustajaksi: Iris Heikkilä (611)"
        " — Ehkäisevä lastensuojelu peruspalveluissa,"
        " Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen.",
    ]
    assert (await sentences(sessions, "sv"))[2] == (
        "sön 1.3.2009 kl. 12.15 Marianna (5001) ändrade mötet"
        " Förebyggande barnskydd i basservicen 4.3.2009, Kyrkslätt — ändrades: tid, ort."
    )


async def test_an_action_of_a_newer_version_is_shown_by_its_code(sessions: Sessions) -> None:
    async with sessions.begin() as session:
        session.add(
            AuditEntry(
                at=AT,
                actor_telegram_id=5001,
                actor_name="Marianna",
                action="frobnicate",
                target="x",
                detail="free words",
            )
        )
    assert await sentences(sessions, "en") == [
        "Sun 1 Mar 2009, 12:15 Marianna (5001) did: frobnicate x (free words)."
    ]
