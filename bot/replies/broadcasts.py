"""Coordinators' announcements: the draft, its audience, its preview, Confirm and Cancel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.catalog import Texts
from bot.replies.context import ReplyContext
from bot.replies.meeting_texts import unknown_workshop
from bot.replies.refusals import refusal, refused_as_reply
from bot.replies.reply import CAPTION_LIMIT, MESSAGE_LIMIT, Attachment, Button, Reply
from bot.replies.staff_buttons import AnnouncementAction, ChooseAudience
from bot.services import announcements as broadcasts
from bot.services.directory import Directory, load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import represented_by, staff_or_representative
from bot.services.signatures import Signer, signer_of, signers
from bot.services.staff import NotAllowed
from config.settings import LANGUAGES
from storage.models import Announcement

# `/broadcast workshop=KEY municipality=NAME TEXT`: the audience words may come in any order.
_AUDIENCE = re.compile(r"^(workshop|verstas|verkstad|municipality|kunta|kommun)=(\S+)\s*", re.I)


def _audience_text(
    context: ReplyContext, language: str, directory: Directory, a: Announcement
) -> str:
    texts = context.texts
    workshop = directory.workshop_by_id(a.workshop_id) if a.workshop_id else None
    municipality = directory.municipality_by_id(a.municipality_id)
    parts = []
    if workshop is not None:
        parts.append(texts(language, "audience-workshop", name=escape(workshop.title(language))))
    if municipality is not None:
        parts.append(
            texts(language, "audience-municipality", name=escape(municipality.title(language)))
        )
    return ", ".join(parts) or texts(language, "audience-everyone")


def _audience_codes(directory: Directory, a: Announcement) -> str:
    """The audience for the audit log, as codes each reader reads in their own language:
    `workshop=KEY municipality=NAME`, or `all`."""
    workshop = directory.workshop_by_id(a.workshop_id) if a.workshop_id else None
    municipality = directory.municipality_by_id(a.municipality_id)
    parts = []
    if workshop is not None:
        parts.append(f"workshop={workshop.key}")
    if municipality is not None:
        parts.append(f"municipality={municipality.name}")
    return " ".join(parts) or "all"


def _telegram_length(html: str) -> int:
    """The length as Telegram counts it, in UTF-16 code units (an emoji is two)."""
    return len(html.encode("utf-16-le")) // 2


def signature(texts: Texts, language: str, signer: Signer) -> str:
    """The last line of an announcement: who sent it, with their title or role."""
    role_word = "announcement-representative-title" if signer.representative else None
    title = signer.title or texts(language, role_word or "announcement-signer-title")
    return texts(language, "announcement-signature", name=escape(signer.name), title=escape(title))


def announcement_message(texts: Texts, language: str, html: str, signer: Signer | None) -> str:
    """An announcement as its recipients get it: title, the coordinator's text, signature."""
    parts = [texts(language, "announcement-title"), html]
    if signer is not None:
        parts.append(signature(texts, language, signer))
    return "\n\n".join(parts)


def _too_long(
    context: ReplyContext,
    language: str,
    html: str,
    attachment: Attachment | None,
    signer: Signer,
) -> Reply | None:
    """Why the announcement cannot go as one message with its title and signature; None
    when it can."""
    # Recipients get it with the title and signature in their own language, added at
    # sending: measured in the longest language, and on the HTML, it fits whoever receives
    # it. Refused here, it never reaches the outbox to fail there for every recipient.
    length = max(
        _telegram_length(announcement_message(context.texts, code, html, signer))
        for code in LANGUAGES
    )
    limit = CAPTION_LIMIT if attachment is not None else MESSAGE_LIMIT
    if length <= limit:
        return None
    key = "broadcast-caption-too-long" if attachment is not None else "broadcast-too-long"
    return Reply(context.texts(language, key, length=length, limit=limit, over=length - limit))


# --- broadcasts -------------------------------------------------------------------------


@refused_as_reply
async def broadcast_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    html: str,
    attachment: Attachment | None = None,
) -> Reply:
    """/broadcast [workshop=KEY] [municipality=NAME] TEXT: a draft and its preview."""
    texts = context.texts
    language = await language_of(session, person)
    directory = await load_directory(session)
    workshop_id = municipality_id = None
    rest = html.strip()
    while match := _AUDIENCE.match(rest):
        field, value = match.group(1).lower(), match.group(2)
        if field in {"workshop", "verstas", "verkstad"}:
            workshop = directory.workshop(value)
            if workshop is None:
                return unknown_workshop(texts, language, value, directory)
            workshop_id = workshop.id
        else:
            municipality = directory.municipality(value)
            if municipality is None:
                return Reply(
                    texts(language, "municipality-not-found-plain", name=escape(value[:80]))
                )
            municipality_id = municipality.id
        rest = rest[match.end() :]
    if not rest.strip():
        await staff_or_representative(session, person, "broadcast")
        return Reply(texts(language, "broadcast-usage"))
    signer = await signer_of(session, person.telegram_id, person.name)
    too_long = _too_long(context, language, rest.strip(), attachment, signer)
    if too_long is not None:
        await staff_or_representative(session, person, "broadcast")
        return too_long
    draft = await broadcasts.draft(
        session,
        person,
        rest.strip(),
        workshop_id=workshop_id,
        municipality_id=municipality_id,
        attachment=attachment,
    )
    return await preview(session, context, draft, language, directory)


async def preview(
    session: AsyncSession,
    context: ReplyContext,
    draft: Announcement,
    language: str,
    directory: Directory,
) -> Reply:
    """The draft as recipients will see it, its audience and count, and the buttons."""
    texts = context.texts
    count = await broadcasts.recipient_count(session, draft)
    audience = _audience_text(context, language, directory, draft)
    if count == 0:
        head = texts(language, "broadcast-preview-nobody", audience=audience)
    else:
        head = texts(language, "broadcast-preview", count=count, audience=audience)
    if draft.attachment_kind is not None:
        head += "\n" + texts(language, f"broadcast-attachment-{draft.attachment_kind}")
    signed = (await signers(session, [draft])).get(draft.id)
    body = draft.text if signed is None else f"{draft.text}\n\n{signature(texts, language, signed)}"
    return Reply(f"{head}\n\n{body}", _preview_buttons(context, language, draft, count))


def _preview_buttons(
    context: ReplyContext, language: str, draft: Announcement, count: int
) -> tuple[tuple[Button, ...], ...]:
    """Confirm (only when someone would receive it), Cancel and the audience buttons."""
    texts = context.texts
    decide = (
        Button(texts(language, "broadcast-confirm"), AnnouncementAction("ok", draft.id).encode()),
        Button(texts(language, "broadcast-cancel"), AnnouncementAction("no", draft.id).encode()),
    )
    return (
        decide if count > 0 else decide[1:],
        (
            Button(
                texts(language, "broadcast-pick-workshop"),
                AnnouncementAction("pw", draft.id).encode(),
            ),
            Button(
                texts(language, "broadcast-pick-municipality"),
                AnnouncementAction("pm", draft.id).encode(),
            ),
        ),
    )


async def _draft(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    announcement_id: int | None,
    action: str,
) -> Announcement | Reply:
    """The person's own draft, or the reply that says why not (refused, gone, none)."""
    language = await language_of(session, person)
    try:
        return await broadcasts.own_draft(session, person, announcement_id, action)
    except NotAllowed:
        return await refusal(session, context, person)
    except broadcasts.NotADraft:
        return Reply(context.texts(language, "broadcast-not-a-draft"))
    except broadcasts.NoDraft:
        return Reply(context.texts(language, "broadcast-no-draft"))


async def audience_choices(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    announcement_id: int,
    what: Literal["w", "m"],
) -> Reply:
    """The workshop (`w`) or municipality (`m`) buttons of a draft's audience."""
    texts = context.texts
    language = await language_of(session, person)
    draft = await _draft(session, context, person, announcement_id, "broadcast-audience")
    if isinstance(draft, Reply):
        return draft
    directory = await load_directory(session)
    # A representative sees only the workshops they represent, and no "all workshops".
    own = await represented_by(session, person)
    if what == "w":
        options = [
            (w.title(language), w.id) for w in directory.workshops if own is None or w.id in own
        ]
        every = None if own is not None else texts(language, "audience-all-workshops")
    else:
        options = [(m.title(language), m.id) for m in directory.municipalities]
        every = texts(language, "audience-all-municipalities")
    buttons = [Button(every, ChooseAudience(what, draft.id, 0).encode())] if every else []
    buttons += [
        Button(
            name if len(name) <= 40 else name[:39] + "…",
            ChooseAudience(what, draft.id, value).encode(),
        )
        for name, value in options
    ]
    rows = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
    return Reply(texts(language, "broadcast-choose-audience"), rows)


async def set_audience(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    announcement_id: int,
    what: str,
    value: int,
) -> Reply:
    """An audience button: change the draft, show the preview again."""
    language = await language_of(session, person)
    draft = await _draft(session, context, person, announcement_id, "broadcast-audience")
    if isinstance(draft, Reply):
        return draft
    directory = await load_directory(session)
    workshop_id, municipality_id = draft.workshop_id, draft.municipality_id
    if what == "w":
        workshop_id = value if directory.workshop_by_id(value) else None
    else:
        municipality_id = value if directory.municipality_by_id(value) else None
    try:
        await broadcasts.change_audience(
            session, draft, person, workshop_id=workshop_id, municipality_id=municipality_id
        )
    except NotAllowed as refused:
        return await refusal(session, context, person, refused=refused)
    return await preview(session, context, draft, language, directory)


@dataclass(frozen=True)
class Confirmed:
    """The outcome of Confirm: the reply, and whether a broadcast was planned."""

    reply: Reply
    planned: bool


async def confirm_reply(
    session: AsyncSession,
    context: ReplyContext,
    person: Person,
    announcement_id: int | None,
    *,
    status_chat_id: int,
    status_message_id: int | None,
) -> Confirmed:
    """Confirm (button or /confirm): plan the announcement into the outbox."""
    texts = context.texts
    language = await language_of(session, person)
    draft = await _draft(session, context, person, announcement_id, "broadcast-confirm")
    if isinstance(draft, Reply):
        return Confirmed(draft, planned=False)
    if await broadcasts.recipient_count(session, draft) == 0:
        # Nothing would be sent, and its status line would wait for ever for a last row.
        return Confirmed(Reply(texts(language, "broadcast-nobody")), planned=False)
    directory = await load_directory(session)
    try:
        count = await broadcasts.confirm(
            session,
            draft,
            person,
            now=context.clock(),
            audience=_audience_codes(directory, draft),
            status_chat_id=status_chat_id,
            status_message_id=status_message_id,
        )
    except NotAllowed as refused:
        # A representative no longer of the draft's workshop (removed since the preview).
        return Confirmed(await refusal(session, context, person, refused=refused), planned=False)
    return Confirmed(Reply(texts(language, "broadcast-started", count=count)), planned=True)


async def cancel_reply(
    session: AsyncSession, context: ReplyContext, person: Person, announcement_id: int | None
) -> Reply:
    """Cancel (button or /cancel): drop the draft."""
    texts = context.texts
    language = await language_of(session, person)
    draft = await _draft(session, context, person, announcement_id, "broadcast-cancel")
    if isinstance(draft, Reply):
        return draft
    await broadcasts.cancel(session, draft, person)
    return Reply(texts(language, "broadcast-cancelled"))
