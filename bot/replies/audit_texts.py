"""The audit log as sentences in the reader's language.

`ke 20.5.2009 klo 10.15 Marianna (5001) peruutti kokouksen Ehkäisevä lastensuojelu
peruspalveluissa 20.5.2009, Lohja.` The entries store codes and values; entries written
before this reading are the same codes, and a detail that is free text is shown as it is.
"""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from bot.language.catalog import Texts
from bot.language.dates import format_day, format_when
from bot.replies.schedule_texts import field_name
from bot.services.audit_log import ADDED_TARGET, MEETING_TARGET, AuditLog
from bot.services.staff import FORGOTTEN_ID, FORGOTTEN_NAME
from storage.models import AuditEntry, Meeting, Workshop

# The fields a meeting's change names, as the reader thinks of them: a start and an end
# are "the time".
_CHANGED_FIELD = {"starts_at": "time", "ends_at": "time"}
_COUNTS = re.compile(r"^added (\d+), changed (\d+), cancelled (\d+)$")
_RECIPIENTS = re.compile(r"^(\d+) (?:recipients|asked)$")
_VERSION = re.compile(r"^version (\d+):")
# Details that say why an action was refused or of what, written by older versions too.
_KNOWN_DETAILS = {
    "refused: role": None,
    "link created": None,
    "not the sender's file": "audit-detail-not-own",
    "not own": "audit-detail-not-own",
    "not the author's draft": "audit-detail-not-own",
    "invalid or used link": "audit-detail-bad-invite",
    "no change": "audit-detail-no-change",
    # Written by the workshop representatives' actions.
    "refused: another workshop": "audit-detail-another-workshop",
    "all workshops": "audit-detail-all-workshops",
}
COMMAND_LINE = "command line"


def audit_sentences(texts: Texts, language: str, log: AuditLog, zone: ZoneInfo) -> list[str]:
    """One sentence per entry, newest first (plain text: the caller escapes)."""
    return [_sentence(texts, language, log, entry, zone) for entry in log.entries]


def _sentence(texts: Texts, language: str, log: AuditLog, entry: AuditEntry, zone: ZoneInfo) -> str:
    when = format_when(entry.at.astimezone(zone).date(), entry.at, None, language, zone)
    what = _object(texts, language, log, entry)
    kind = "did" if entry.allowed else "tried"
    key = f"audit-{kind}-{entry.action}"
    if texts.has(language, key):
        deed = texts(language, key, what=what).strip()
    else:
        # An action this version does not know (a newer one's): its code and object.
        deed = texts(language, f"audit-{kind}-other", action=entry.action, what=what).strip()
    parts = [deed]
    if entry.audience and entry.action != "add-meeting":
        audience = _audience(texts, language, log, entry.audience)
        parts.append(texts(language, "audit-audience", audience=audience))
    if detail := _detail(texts, language, log, entry):
        parts.append(detail)
    sentence = " ".join(parts)
    return f"{when} {_actor(texts, language, entry)} {sentence}."


def _audience(texts: Texts, language: str, log: AuditLog, audience: str) -> str:
    """`workshop=KEY municipality=NAME` or `all` in words; older entries kept the words."""
    if audience == "all":
        return texts(language, "audience-everyone")
    words = []
    for part in audience.split(" "):
        code, _, value = part.partition("=")
        if code == "workshop":
            workshop = log.workshops.get(value)
            words.append(
                texts(language, "audience-workshop", name=_title(workshop, language))
                if workshop is not None
                else texts(language, "audience-workshop", name=value)
            )
        elif code == "municipality":
            words.append(texts(language, "audience-municipality", name=value))
        else:
            return audience
    return ", ".join(words)


def _actor(texts: Texts, language: str, entry: AuditEntry) -> str:
    if entry.actor_telegram_id == FORGOTTEN_ID:
        if entry.actor_name == COMMAND_LINE:
            return texts(language, "audit-command-line")
        return texts(language, "audit-forgotten")
    return f"{entry.actor_name} ({entry.actor_telegram_id})"


def _object(texts: Texts, language: str, log: AuditLog, entry: AuditEntry) -> str:
    """The meeting, survey, file or person the entry is about, as the reader names it."""
    target = entry.target
    if target == FORGOTTEN_NAME:
        return texts(language, "audit-forgotten")
    if match := MEETING_TARGET.match(target):
        meeting = log.meetings.get(int(match.group(1)))
        return _meeting(texts, language, log, meeting, match.group(2))
    if entry.action == "add-meeting" and (match := ADDED_TARGET.match(target)):
        meeting = log.by_key.get((match.group(1), match.group(2)))
        return _meeting(texts, language, log, meeting, match.group(2))
    for prefix in ("survey ", "poll ", "announcement ", "upload ", "invite by "):
        if target.startswith(prefix):
            return target.removeprefix(prefix)
    return target


def _meeting(
    texts: Texts, language: str, log: AuditLog, meeting: Meeting | None, key: str | None
) -> str:
    """`Ehkäisevä lastensuojelu peruspalveluissa 20.5.2009, Lohja`; a meeting removed since
    by what the entry kept of it, its key (a date, mostly)."""
    if meeting is None:
        day = _key_day(key)
        shown = format_day(day, language) if day is not None else (key or "?")
        return texts(language, "audit-meeting-gone", meeting=shown)
    place = (
        log.directory.town_title(meeting.place, language)
        if meeting.place
        else texts(language, "meeting-place-open").lower()
    )
    return f"{_title(meeting.workshop, language)} {format_day(meeting.date, language)}, {place}"


def _key_day(key: str | None) -> date | None:
    try:
        return None if key is None else date.fromisoformat(key[:10])
    except ValueError:
        return None


def _title(workshop: Workshop, language: str) -> str:
    translated = {"sv": workshop.name_sv, "en": workshop.name_en}.get(language)
    return translated or workshop.name


def _detail(texts: Texts, language: str, log: AuditLog, entry: AuditEntry) -> str:
    """The entry's detail in the reader's words; free text of older entries as it is."""
    detail = entry.detail.strip()
    if not detail:
        return ""
    if entry.action == "cancel-meeting" and detail in {"status", "no change"}:
        # Cancelling changes the status; no change means it was cancelled already.
        return "" if detail == "status" else texts(language, "audit-detail-was-cancelled")
    if detail in _KNOWN_DETAILS:
        key = _KNOWN_DETAILS[detail]
        return "" if key is None else texts(language, key)
    if match := _COUNTS.match(detail):
        added, changed, cancelled = (int(n) for n in match.groups())
        return texts(
            language, "audit-detail-counts", added=added, changed=changed, cancelled=cancelled
        )
    if match := _RECIPIENTS.match(detail):
        return texts(language, "audit-detail-recipients", count=int(match.group(1)))
    if match := _VERSION.match(detail):
        return texts(language, "audit-detail-version", version=int(match.group(1)))
    if detail.startswith("workshops "):
        keys = detail.removeprefix("workshops ").split(", ")
        titles = [_title(w, language) if (w := log.workshops.get(k)) else k for k in keys]
        return texts(language, "audit-detail-workshops", workshops=", ".join(titles))
    if detail.startswith("schedule file "):
        return texts(language, "audit-detail-file", file=detail.removeprefix("schedule file "))
    if entry.action in {"edit-meeting", "cancel-meeting"} and re.fullmatch(r"[a-z_, ]+", detail):
        names = dict.fromkeys(
            field_name(texts, language, _CHANGED_FIELD.get(name, name))
            for name in detail.split(", ")
        )
        return texts(language, "audit-detail-changed", fields=", ".join(names))
    return f"({detail})"
