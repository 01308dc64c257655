"""Telegram glue: every handler of the bot, registered in one place and in order."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.replies.asking_buttons import (
    ClosePoll,
    FeedbackButton,
    PollAction,
    PollVoteButton,
    SurveyAction,
    SurveyAnswerButton,
)
from bot.replies.buttons import (
    ArchivePage,
    ChooseLanguage,
    ChooseMunicipality,
    FollowWorkshop,
    ForgetAnswer,
    MeetingChoice,
    MoreMeetings,
    RsvpButton,
    ShowMinutes,
)
from bot.replies.staff_buttons import (
    AnnouncementAction,
    MeetingChangeAction,
    MeetingStep,
    PastedWorkshop,
    ScheduleUpload,
)
from handlers import (
    coordination,
    date_polls,
    errors,
    feedback,
    groups,
    guards,
    meeting_choice,
    meetings,
    minutes,
    privacy,
    registration,
    reminders,
    surveys,
    workshops,
)


def register_handlers(
    application: Application[Any, Any, Any, Any, Any, Any], *, flood_limit: int = 20
) -> None:
    """Add every handler; PTB tries them in this order and stops at the first that matches."""
    # Group -2 runs before all others and can stop an update: bots and floods end here.
    application.add_handler(TypeHandler(Update, guards.FloodGuard(flood_limit)), group=-2)
    # Group -1: the text or file a coordinator was asked for after `/minutes KEY` is the
    # minutes, words awaited by a survey's question are its answer, and a comment awaited
    # after a meeting's grade is its comment (and stop there);
    # for anyone else the update goes on to the handlers below.
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (
                (filters.TEXT & ~filters.COMMAND)
                | (filters.Document.ALL & ~filters.CaptionRegex(r"^/"))
            ),
            surveys.awaited_words,
        ),
        group=-1,
    )
    # Canonical names are English; Finnish and Swedish aliases (ASCII: Telegram allows no ä).
    commands = (
        (("start",), registration.start),
        (("help", "ohje", "hjalp"), registration.help_command),
        (("municipality", "kunta", "kommun"), registration.municipality),
        (("language", "kieli", "sprak"), registration.language),
        (("next", "seuraava", "nasta"), meetings.next_meeting),
        (("meetings", "kokoukset", "moten"), meetings.meetings),
        (("workshops", "verstaat", "verkstader"), workshops.workshops),
        (("join", "liity"), workshops.join),
        (("leave", "eroa"), workshops.leave),
        (("contact", "yhteystiedot", "kontakt"), workshops.contact),
        (("reminders", "muistutukset", "paminnelser"), reminders.reminders),
        (("going", "tulen", "kommer"), reminders.going),
        (("notgoing", "enpaase", "kommerinte"), reminders.not_going),
        (("maybe", "ehka", "kanske"), reminders.maybe),
        (("status",), reminders.status),
        (("link",), groups.link),
        (("privacy", "tietosuoja", "dataskydd"), privacy.privacy),
        (("mydata", "omattiedot", "minadata"), privacy.mydata),
        (("forget", "unohda", "glom"), privacy.forget),
        (("calendar", "kalenteri", "kalender"), privacy.calendar),
        (("archive", "arkisto", "arkiv"), minutes.archive),
        # Coordinators attach with it, everyone reads with it; the service checks the role.
        (("minutes", "poytakirja", "protokoll"), minutes.minutes),
        # Coordinators and administrators; the services check the role.
        (("broadcast", "tiedote", "meddelande"), coordination.broadcast),
        (("confirm", "vahvista", "bekrafta"), coordination.confirm),
        (("cancel", "peru", "avbryt"), coordination.cancel),
        (("addmeeting", "uusikokous", "nyttmote"), coordination.add_meeting),
        (("editmeeting", "muutakokous", "andramote"), coordination.edit_meeting),
        (("cancelmeeting", "perukokous", "installmote"), coordination.cancel_meeting),
        (("attendance", "osallistujat", "deltagare"), coordination.attendance),
        (("members", "jasenet", "medlemmar"), coordination.members),
        (("staff", "henkilosto", "personal"), coordination.staff),
        (("promote",), coordination.promote),
        (("demote",), coordination.demote),
        (("invite", "kutsu", "inbjudan"), coordination.invite),
        (("audit", "loki", "logg"), coordination.audit_log),
        # Date polls: coordinators propose and close, members answer; the services check.
        (("datepoll", "paivakysely", "datumfraga"), date_polls.datepoll),
        (("vote", "aanesta", "rosta"), date_polls.vote),
        (("pollresults", "aanestystulos", "rostresultat"), date_polls.poll_results),
        (("closepoll", "suljekysely", "stangfraga"), date_polls.close_poll),
        (("survey", "kysely", "enkat"), surveys.survey),
        (("answer", "vastaa", "svara"), surveys.answer),
        (("surveyresults", "kyselyntulokset", "enkatresultat"), surveys.survey_results),
        # Feedback after meetings: members give it, coordinators see it; the services check.
        (("feedback", "palaute", "respons"), feedback.feedback),
        (("feedbackresults", "palautteet", "responsresultat"), feedback.feedback_results),
    )
    for names, callback in commands:
        application.add_handler(CommandHandler(list(names), callback))
    # Each kind of button has one handler; the pattern comes with the kind's callback data.
    buttons = (
        (ChooseMunicipality.pattern, registration.municipality_button),
        (ChooseLanguage.pattern, registration.language_button),
        (MoreMeetings.pattern, meetings.more_meetings),
        (FollowWorkshop.pattern, workshops.follow_button),
        (RsvpButton.pattern, reminders.rsvp_button),
        # Both AnnouncementAction and ChooseAudience.
        (AnnouncementAction.pattern, coordination.announcement_button),
        (ScheduleUpload.pattern, coordination.schedule_button),
        (MeetingChangeAction.pattern, coordination.meeting_change_button),
        (MeetingStep.pattern, coordination.meeting_step_button),
        (PastedWorkshop.pattern, coordination.pasted_workshop_button),
        (PollAction.pattern, date_polls.poll_button),
        (PollVoteButton.pattern, date_polls.poll_button),
        (ClosePoll.pattern, date_polls.poll_button),
        (ForgetAnswer.pattern, privacy.forget_button),
        # Both ShowMinutes and StopMinutes.
        (ShowMinutes.pattern, minutes.minutes_button),
        (ArchivePage.pattern, minutes.archive_button),
        (MeetingChoice.pattern, meeting_choice.meeting_choice),
        (SurveyAction.pattern, surveys.survey_button),
        (SurveyAnswerButton.pattern, surveys.answer_button),
        (FeedbackButton.pattern, feedback.feedback_button),
    )
    for pattern, button in buttons:
        application.add_handler(CallbackQueryHandler(button, pattern))
    # Last among buttons: data no handler knows is an old keyboard or forged.
    application.add_handler(CallbackQueryHandler(registration.any_other_button))
    application.add_handler(
        ChatMemberHandler(groups.membership_changed, ChatMemberHandler.MY_CHAT_MEMBER)
    )
    # A file captioned /minutes is a meeting's minutes; before the schedule-file handler.
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & filters.Document.ALL
            & filters.CaptionRegex(r"^/(minutes|poytakirja|protokoll)(@\w+)?(\s|$)"),
            minutes.minutes_with_document,
        )
    )
    # A YAML file captioned /survey is a survey; before the schedule-file handler.
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & filters.Document.ALL
            & filters.CaptionRegex(r"^/(survey|kysely|enkat)(@\w+)?(\s|$)"),
            surveys.survey_file,
        )
    )
    # A photo or file captioned /broadcast goes with an announcement; before the next one.
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE
            & (filters.PHOTO | filters.Document.ALL)
            & filters.CaptionRegex(r"^/(broadcast|tiedote|meddelande)(@\w+)?(\s|$)"),
            coordination.broadcast_with_attachment,
        )
    )
    # A file in a private chat is a schedule from a coordinator (the service checks).
    application.add_handler(
        MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, coordination.schedule_file)
    )
    # Plain words are questions in a private chat; in a group the bot answers commands only,
    # so that it does not interrupt the conversation.
    application.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, meetings.question
        )
    )
    # Last: any other command gets a pointer to /help instead of silence.
    application.add_handler(MessageHandler(filters.COMMAND, registration.unknown_command))
    application.add_error_handler(errors.on_error)
