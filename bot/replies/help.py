"""/help and the command menus by role: one table of who may use which command.

Each command has its English name (the menu's and the canonical one), its Finnish and
Swedish aliases as the handlers register them (a test checks they agree), the catalog key
of its description, and the least rank that may use it. /help and the menus of every rank
and language are read from this table, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from sqlalchemy.ext.asyncio import AsyncSession

from bot.language.catalog import Texts
from bot.replies.context import ReplyContext
from bot.replies.reply import Reply
from bot.services.directory import load_directory
from bot.services.members import Person, language_of
from bot.services.permissions import Rank, rank_of, represented_by


@dataclass(frozen=True)
class Command:
    """One command in /help and the menus."""

    name: str
    fi: str | None
    sv: str | None
    key: str
    rank: Rank = Rank.PARTICIPANT
    # In the menu of a participant too (the default menu); the rest only in /help.
    menu: bool = True

    def line(self, texts: Texts, language: str) -> str:
        """`/next – Seuraava kokous (/seuraava)`: in Finnish or Swedish with the alias."""
        alias = {"fi": self.fi, "sv": self.sv}.get(language)
        return f"/{self.name} – {texts(language, self.key)}" + (f" (/{alias})" if alias else "")


P, R, C, A = Rank.PARTICIPANT, Rank.REPRESENTATIVE, Rank.COORDINATOR, Rank.ADMINISTRATOR

# In the order /help lists them; the menu keeps the same order.
COMMANDS: tuple[Command, ...] = (
    Command("next", "seuraava", "nasta", "cmd-next"),
    Command("meetings", "kokoukset", "moten", "cmd-meetings"),
    Command("workshops", "verstaat", "verkstader", "cmd-workshops"),
    Command("municipality", "kunta", "kommun", "cmd-municipality"),
    Command("language", "kieli", "sprak", "cmd-language"),
    Command("contact", "yhteystiedot", "kontakt", "cmd-contact"),
    Command("reminders", "muistutukset", "paminnelser", "cmd-reminders"),
    Command("calendar", "kalenteri", "kalender", "cmd-calendar"),
    Command("archive", "arkisto", "arkiv", "cmd-archive"),
    Command("minutes", "poytakirja", "protokoll", "cmd-minutes"),
    Command("vote", "aanesta", "rosta", "cmd-vote"),
    Command("privacy", "tietosuoja", "dataskydd", "cmd-privacy"),
    Command("start", None, None, "cmd-start"),
    Command("help", "ohje", "hjalp", "cmd-help"),
    Command("join", "liity", None, "cmd-join", menu=False),
    Command("leave", "eroa", None, "cmd-leave", menu=False),
    Command("going", "tulen", "kommer", "cmd-going", menu=False),
    Command("notgoing", "enpaase", "kommerinte", "cmd-notgoing", menu=False),
    Command("maybe", "ehka", "kanske", "cmd-maybe", menu=False),
    Command("answer", "vastaa", "svara", "cmd-answer", menu=False),
    Command("feedback", "palaute", "respons", "cmd-feedback", menu=False),
    Command("members", "jasenet", "medlemmar", "cmd-members", menu=False),
    Command("mydata", "omattiedot", "minadata", "cmd-mydata", menu=False),
    Command("forget", "unohda", "glom", "cmd-forget", menu=False),
    # Representatives, for the workshops they represent.
    Command("broadcast", "tiedote", "meddelande", "cmd-broadcast", R),
    Command("confirm", "vahvista", "bekrafta", "cmd-confirm", R),
    Command("cancel", "peru", "avbryt", "cmd-cancel", R),
    Command("addmeeting", "uusikokous", "nyttmote", "cmd-addmeeting", R),
    Command("editmeeting", "muutakokous", "andramote", "cmd-editmeeting", R),
    Command("cancelmeeting", "perukokous", "installmote", "cmd-cancelmeeting", R),
    Command("attendance", "osallistujat", "deltagare", "cmd-attendance", R),
    Command("datepoll", "paivakysely", "datumfraga", "cmd-datepoll", R),
    Command("pollresults", "aanestystulos", "rostresultat", "cmd-pollresults", R),
    Command("closepoll", "suljekysely", "stangfraga", "cmd-closepoll", R),
    Command("survey", "kysely", "enkat", "cmd-survey", R),
    Command("surveyresults", "kyselyntulokset", "enkatresultat", "cmd-surveyresults", R),
    Command("feedbackresults", "palautteet", "responsresultat", "cmd-feedbackresults", R),
    # Coordinators, for the whole network.
    Command("staff", "henkilosto", "personal", "cmd-staff", C),
    Command("promote", None, None, "cmd-promote", C),
    Command("demote", None, None, "cmd-demote", C),
    Command("link", None, None, "cmd-link", C),
    Command("audit", "loki", "logg", "cmd-audit", C),
    # Administrators.
    Command("invite", "kutsu", "inbjudan", "cmd-invite", A),
    Command("status", None, None, "cmd-status", A),
)

_HEADINGS = {R: "help-representative", C: "help-coordinator", A: "help-administrator"}


def commands_for(rank: Rank) -> tuple[Command, ...]:
    """What a person of this rank may use: everything up to their rank."""
    return tuple(c for c in COMMANDS if c.rank <= rank)


def menu_for(rank: Rank) -> tuple[Command, ...]:
    """The menu of a rank: a participant's menu, and every staff command of the rank."""
    return tuple(c for c in commands_for(rank) if c.menu or c.rank > P)


def command_list(texts: Texts, language: str) -> str:
    """A participant's menu commands, one a line: `/next – Seuraava kokous (/seuraava)`."""
    return "\n".join(c.line(texts, language) for c in COMMANDS if c.menu)


def help_text(texts: Texts, language: str, rank: Rank, workshops: str = "") -> str:
    """/help for a rank: a section for participants, then one for each rank above."""
    lines = [texts(language, "help-title")]
    for section in Rank:
        if section > rank:
            break
        if section == R and rank > R:
            # Staff use these for any workshop; the heading says who else may.
            lines.append("\n" + texts(language, "help-workshop-tools"))
        elif section in _HEADINGS:
            lines.append("\n" + texts(language, _HEADINGS[section], workshops=workshops))
        lines += [c.line(texts, language) for c in COMMANDS if c.rank == section]
    return "\n".join(lines)


def help_reply(texts: Texts, language: str) -> Reply:
    """/help as a participant sees it (a question in plain words asking for help)."""
    return Reply(help_text(texts, language, Rank.PARTICIPANT))


async def role_help_reply(session: AsyncSession, context: ReplyContext, person: Person) -> Reply:
    """/help: what the asker may do, in their language."""
    language = await language_of(session, person)
    rank = await rank_of(session, person)
    workshops = ""
    own = await represented_by(session, person)
    if rank == Rank.REPRESENTATIVE and own:
        directory = await load_directory(session)
        workshops = ", ".join(
            f"{w.title(language)} (workshop={w.key})" for w in directory.workshops if w.id in own
        )
    return Reply(help_text(context.texts, language, rank, escape(workshops)))
