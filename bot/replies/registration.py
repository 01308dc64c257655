"""Replies for getting started: /start (with a deep link), /municipality, /language, /join."""

from __future__ import annotations

from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.replies.buttons import ChooseLanguage, ChooseMunicipality
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.reply import Button, Reply
from bot.services.directory import Directory, MunicipalityInfo, WorkshopInfo, load_directory
from bot.services.members import (
    Person,
    choose_municipality,
    join_workshop,
    leave_workshop,
    member_of,
    network_name,
    participant_of,
    set_language,
)
from bot.services.staff import use_invite
from config.settings import LANGUAGES

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


async def start_reply(
    session: AsyncSession, context: ReplyContext, person: Person, payload: str | None
) -> Reply:
    """Greet; a deep link (`?start=lohja` or `?start=WORKSHOP`) chooses at once."""
    texts = context.texts
    member = await member_of(session, person)
    language = member.language
    network = await network_name(session)
    directory = await load_directory(session)
    lines = [texts(language, "start-greeting", name=escape(member.name))]
    if network is None:
        lines.append(texts(language, "start-no-network"))
        return Reply("\n\n".join(lines))
    lines.append(texts(language, "start-network", network=escape(network)))
    lines.append(texts(language, "start-privacy"))

    if payload and payload.startswith("invite-"):
        accepted = await use_invite(
            session, person, payload.removeprefix("invite-"), now=context.clock()
        )
        lines.append(texts(language, "invite-accepted" if accepted else "invite-invalid"))
        payload = None
    municipality = directory.municipality(payload) if payload else None
    if municipality is not None:
        chosen = await _choose(session, context, person, directory, municipality, language)
        return Reply("\n\n".join([*lines, chosen.text]))
    workshop = directory.workshop(payload) if payload else None
    if workshop is not None:
        await join_workshop(session, person, workshop.id, planner=context.planner)
        lines.append(texts(language, "workshop-joined", name=escape(workshop.title(language))))

    if member.municipality_id is None:
        lines.append(texts(language, "start-choose"))
        return Reply("\n\n".join(lines), municipality_buttons(directory, language))
    current = directory.municipality_by_id(member.municipality_id)
    if current is not None:
        lines.append(
            texts(language, "start-registered", municipality=escape(current.title(language)))
        )
    return Reply("\n\n".join(lines))


def municipality_buttons(directory: Directory, language: str) -> tuple[tuple[Button, ...], ...]:
    """The network's municipalities, two to a row."""
    buttons = [
        Button(m.title(language), ChooseMunicipality(m.id).encode())
        for m in directory.municipalities
    ]
    return tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))


async def municipality_reply(
    session: AsyncSession, context: ReplyContext, person: Person, name: str
) -> Reply:
    """/municipality [NAME]: choose by name (either language, small typos forgiven)."""
    texts = context.texts
    directory = await load_directory(session)
    language = (await participant_of(session, person)).language
    if not name.strip():
        return Reply(texts(language, "municipality-ask"), municipality_buttons(directory, language))
    municipality = directory.municipality(name)
    if municipality is None:
        return Reply(
            texts(language, "municipality-not-found", name=escape(name[:80])),
            municipality_buttons(directory, language),
        )
    return await _choose(session, context, person, directory, municipality, language)


async def municipality_chosen(
    session: AsyncSession, context: ReplyContext, person: Person, municipality_id: int
) -> Reply | None:
    """A municipality button; None when the id is not a municipality (an old or forged button)."""
    directory = await load_directory(session)
    municipality = directory.municipality_by_id(municipality_id)
    if municipality is None:
        return None
    language = (await participant_of(session, person)).language
    return await _choose(session, context, person, directory, municipality, language)


async def _choose(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    directory: Directory,
    municipality: MunicipalityInfo,
    language: str,
) -> Reply:
    texts = context.texts
    workshops = directory.workshops_of(municipality.id)
    participant = await choose_municipality(
        session,
        person,
        municipality.id,
        [w.id for w in workshops],
        planner=context.planner,
    )
    name = escape(municipality.title(language))
    lines = [texts(language, "municipality-chosen", municipality=name)]
    following = [w for w in directory.workshops if w.id in participant.workshop_ids]
    if following:
        lines.append(texts(language, "municipality-following"))
        lines += [f"• {escape(w.title(language))}" for w in following]
    else:
        lines.append(texts(language, "municipality-no-workshops", municipality=name))
    return Reply("\n".join(lines))


async def language_reply(
    session: AsyncSession, context: ReplyContext, person: Person, code: str
) -> Reply:
    """/language [fi|sv|en]: set it, or offer buttons."""
    wanted = code.strip().lower()
    if wanted in LANGUAGES:
        await set_language(session, person, wanted)
        return Reply(context.texts(wanted, "language-set"))
    language = (await participant_of(session, person)).language
    buttons = tuple(
        Button(LANGUAGE_NAMES[lang], ChooseLanguage(lang).encode()) for lang in LANGUAGES
    )
    return Reply(context.texts(language, "language-ask"), (buttons,))


async def follow_reply(
    session: AsyncSession, context: ReplyContext, person: Person, word: str, *, join: bool
) -> Reply:
    """/join KEY and /leave KEY."""
    texts = context.texts
    directory = await load_directory(session)
    language = (await participant_of(session, person)).language
    example = (
        f"/{'join' if join else 'leave'} {directory.workshops[0].key}"
        if directory.workshops
        else "/join"
    )
    if not word.strip():
        return Reply(texts(language, "workshop-usage", example=escape(example)))
    workshop = directory.workshop(word)
    if workshop is None:
        return unknown_workshop(context.texts, language, word, directory)
    return await follow_workshop(session, context, person, workshop, join=join, language=language)


async def follow_workshop(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    workshop: WorkshopInfo,
    *,
    join: bool,
    language: str,
) -> Reply:
    """Join or leave one workshop and say so."""
    name = escape(workshop.title(language))
    if join:
        changed = await join_workshop(session, person, workshop.id, planner=context.planner)
        key = "workshop-joined" if changed else "workshop-already-following"
    else:
        changed = await leave_workshop(session, person, workshop.id, planner=context.planner)
        key = "workshop-left" if changed else "workshop-not-following"
    return Reply(context.texts(language, key, name=name))
