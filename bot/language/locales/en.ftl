## Verstas, in English.

-bot = Verstas

## Command menu

cmd-start = Start and choose your municipality
cmd-help = Help and commands

## Start and help

start-greeting =
    Hello { $name }! I am { -bot }, the meeting bot of the theme workshops.
    I tell you when your workshops meet next, remind you before every meeting and pass on the coordinators' announcements.
start-network = Network: <b>{ $network }</b>.
start-no-network = No meeting data has been imported yet.
help-title = <b>{ -bot } – commands</b>
unknown-command = I don't know the command { $command }. See /help.
error-generic = Sorry, something went wrong. Please try again in a moment.

## Schedule import

import-where-line = line { $line }
import-where-row = row { $line }
import-where-file = file
import-error-missing = required, but missing
import-error-unknown_field = unknown field (a typo?)
import-error-not_text = must be text
import-error-not_list = must be a list
import-error-not_mapping = must be fields (name: value)
import-error-not_number = must be a number
import-error-too_long = too long (at most { $limit } characters)
import-error-empty = must not be empty
import-error-bad_status = must be scheduled or cancelled
import-error-bad_date = "{ $value }" is not a date; write 15.1.2009 or 2009-01-15
import-error-no_such_date = there is no day { $value } in the calendar
import-error-day_without_year = the date { $value } has no year; write e.g. 25.3.2009
import-error-bad_time = "{ $value }" is not a time; write e.g. 09:30 or 13.00
import-error-end_without_start = an end time without a start time
import-error-end_before_start = the end { $end } is not after the start { $start }
import-error-bad_key = "{ $value }" is not a valid key; use lower-case a–z, digits and hyphens
import-error-bad_timezone = "{ $value }" is not a known time zone; e.g. Europe/Helsinki
import-error-invalid = invalid value ({ $detail })
import-error-duplicate_field = the field appears twice
import-error-duplicate_municipality = the municipality { $value } is listed twice
import-error-duplicate_workshop = the workshop key { $value } is already used above
import-error-duplicate_meeting = the meeting key { $value } is already used in this workshop; give the meeting a key of its own
import-error-unknown_municipality = the municipality { $value } is not in the municipalities list
import-error-unknown_workshop = no workshop { $value }; use the workshop's key or exact name
import-error-unknown_column = unknown column
import-error-missing_column = the column is missing from the header row
import-error-too_many_cells = the row has more cells than the header row
import-error-csv_syntax = the CSV file is broken ({ $detail })
import-error-yaml_syntax = the YAML file is broken ({ $detail })
import-error-not_utf8 = the file is not UTF-8 text; in Excel save it as "CSV UTF-8 (Comma delimited)", elsewhere with the UTF-8 encoding
import-error-empty_file = the file is empty
import-error-too_large = the file is too large (at most { $limit })
import-error-too_deep = the file is nested too deeply (at most { $limit } levels)
import-invalid =
    { $count ->
        [one] The file has 1 problem; nothing was saved.
       *[other] The file has { $count } problems; nothing was saved.
    }
import-done = Import done: { $added } new, { $changed } changed, { $cancelled } cancelled and { $unchanged } unchanged meetings.
import-dry-run = Dry run (--dry-run): nothing was saved.
import-text-nothing = Nothing was imported from the text.
import-nothing-changed = No changes: the file already matches what is stored.
import-added-workshops = New workshops: { $list }
import-added-municipalities = New municipalities: { $list }
import-municipality-changed = ~ municipality { $name }: { $fields }
import-workshop-changed = ~ workshop { $name }: { $fields }
import-coordinator-added = + contact { $name }
import-coordinator-changed = ~ contact { $name }: { $fields }
import-coordinator-removed = − contact { $name } removed
import-role-granted = ★ { $name } ({ $id }) becomes a coordinator
import-role-withheld = { $name } ({ $id }) does not become a coordinator: only an import by an administrator gives the role
import-meeting-added = + { $workshop }: { $what }
import-meeting-changed = ~ { $workshop } { $date } — { $fields }
import-meeting-cancelled = × { $workshop } { $date } cancelled
import-meeting-missing = ? { $workshop } { $date } is not in the file (removed only with --prune)
import-meeting-removed = − { $workshop } { $date } removed

## Field names in import previews, problems and the audit log
field-workshop = workshop
field-date = date
field-time = time
field-start = start
field-end = end
field-place = place
field-venue = venue
field-address = address
field-agenda = agenda
field-key = key
field-status = status
field-title = title
field-name = name
field-name_sv = Swedish name
field-name_en = English name
field-aliases = other names
field-description = description
field-municipalities = municipalities
field-network = network
field-email = email
field-phone = phone
field-telegram_id = Telegram id
meeting-status-scheduled = scheduled
meeting-status-cancelled = cancelled
import-would = To be imported: { $added } new, { $changed } changed, { $cancelled } cancelled and { $unchanged } unchanged meetings.
import-error-unknown_workshop_suggestion = no workshop "{ $value }" — did you mean { $suggestion }?
import-error-unknown_municipality_suggestion = the municipality "{ $value }" is not in the municipalities list — did you mean { $suggestion }?
import-error-not_member_town = { $value } is not a municipality of the network; check the name (saved all the same)
import-error-not_member_town_suggestion = { $value } is not a municipality of the network — did you mean { $suggestion }?

## Trying it without Telegram (python -m bot console)

console-note = Trying it without Telegram: { -bot } runs on the demo network, and its clock runs as if it were now { $moment } (choose another moment with --at).
console-help = Type a message or a command (begin with /start); a button's number presses it. A message of several lines: paste it in one go, or type a line """, then the lines of the message, then an empty line. /file PATH [caption] sends a file. /quit or Ctrl-D ends.
console-admin = You are an administrator (--admin): the coordinators' commands work.
console-web = The web server answers at { $url }: /healthz, /metrics and the calendar feeds.
console-bot = { -bot }:
console-bot-edited = { -bot } (edited a message):
console-bot-alert = { -bot } (notice):
console-pressed = → { $button }
console-no-button = There is no button { $number }; the buttons are 1–{ $count }.
console-link = The button opens { $url }
console-file-saved = File saved: { $path }
console-file-usage = Type /file and the path of the file, e.g. /file notice.txt or /file "minutes 4.3.pdf" /minutes 3.
console-file-unreadable = The file { $path } cannot be read: { $reason }
console-file-sent = → file { $name } ({ $size } bytes)

## Command menu (more)

cmd-next = Next meeting
cmd-meetings = Upcoming meetings
cmd-workshops = The theme workshops; join or leave
cmd-municipality = Choose your municipality
cmd-language = Language: suomi, svenska, English
cmd-contact = The coordinators' contacts

## Registration

start-choose = Choose your municipality and I will tell you about your own workshops' meetings:
start-registered = Your municipality: <b>{ $municipality }</b>. Ask for example /next or "when is the next meeting?".
municipality-ask = Choose your municipality:
municipality-not-found = I found no municipality "{ $name }". Choose from the list:
municipality-chosen = Your municipality is now <b>{ $municipality }</b>.
municipality-following = You follow these theme workshops:
municipality-no-workshops = { $municipality } takes part in no theme workshop. You can join workshops: /workshops
language-ask = Choose a language:
language-set = Fine, I speak English now.
button-outdated = This button is out of date. Please try the command again.

## Meetings

next-title = <b>Next meetings</b>
next-none = No upcoming meetings are known.
next-none-since = No upcoming meetings are known. The last meeting was on { $date } ({ $workshop }).
next-not-registered = I am showing the meetings of all workshops. Choose your municipality (/municipality) to see your own.
next-unknown-word = I don't recognise a workshop or town "{ $word }". See /workshops.
meeting-time-open = time not decided yet
meeting-place-open = Place not decided yet
meeting-cancelled = <b>CANCELLED</b>
meeting-agenda = Agenda:
meetings-title = <b>Meetings</b> { $first }–{ $last } of { $total }
meetings-none = No meetings match.
meetings-more = More ›
meetings-no-page = There is no page { $page }; there are { $pages } pages.
# The answer's first line says how the question was understood. $filters is the town and
# the time after a space (" in Lohja in March 2027"), or empty.
heard-next = Next meetings{ $filters }:
heard-next-workshop = Next meeting of { $workshop }{ $filters }:
heard-meetings = Meetings { $first }–{ $last } of { $total }{ $filters }:
heard-meetings-workshop = Meetings of { $workshop } { $first }–{ $last } of { $total }{ $filters }:
heard-meetings-none = Meetings{ $filters }:
heard-meetings-none-workshop = Meetings of { $workshop }{ $filters }:
heard-in-town = in { $town }
heard-today = today
heard-tomorrow = tomorrow
heard-day = on { $date }
heard-this-week = this week
heard-next-week = next week
heard-month = in { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
heard-days = from { $first } to { $last }
heard-and = and
heard-elsewhere = There are no meetings in { $town_in } – { $town } is not in the network. Its municipalities are { $members }.
meetings-details = Details ›

## Workshops and contacts

workshops-title = <b>Theme workshops</b>
workshop-municipalities = Municipalities: { $list }
workshop-following = ✓ You follow this workshop.
workshop-join = Join: { $name }
workshop-leave = Leave: { $name }
workshop-joined = You now follow the workshop <b>{ $name }</b>.
workshop-already-following = You already follow the workshop <b>{ $name }</b>.
workshop-left = You no longer follow the workshop <b>{ $name }</b>.
workshop-not-following = You don't follow the workshop <b>{ $name }</b>.
workshop-not-found = I found no workshop "{ $word }". Workshops: { $keys }
workshop-usage = Write the workshop's key after the command, e.g. { $example }
contact-title = <b>Contacts</b>
contact-none = No contacts have been imported yet.
contact-email = E-mail:
contact-phone = Tel.

## Questions and groups

question-not-understood = I didn't understand the question. You can ask for example "when is the next meeting?", "next meeting in Lohja" or "what meetings are there in March?", or use the commands:
group-hello = Hello! Ask me /next and I will tell you about the next meeting. A coordinator can link the group to a workshop with /link.
group-linked = This group now follows the workshop <b>{ $name }</b>.
link-not-allowed = Only a coordinator can link the group to a workshop.
link-only-in-groups = The /link command works in a group chat.

## Reminders and changes

reminder-title = ⏰ <b>Reminder of an upcoming meeting</b>
reminder-rsvp = Are you coming? Answer with the buttons or write /going { $meeting }, /notgoing { $meeting } or /maybe { $meeting }.
rsvp-going = I'm coming
rsvp-not-going = I can't come
rsvp-maybe = Maybe
rsvp-saved = Thank you! Your answer for the meeting on { $date } ({ $workshop }): <b>{ $answer }</b>.
rsvp-usage = Write the meeting's number from the reminder, or its date, after the command, e.g. { $example }
rsvp-unknown-meeting = I found no meeting "{ $key }".
meeting-unknown = I found no meeting "{ $key }". Name a meeting by its number, its date (4.3.2009), its key, or its workshop and date (kasvatuskumppanuus/4.3.2009).
meeting-ambiguous = "{ $key }" fits several meetings. Choose the meeting:
meeting-ambiguous-typed = "{ $key }" fits several meetings. Write the command again with the meeting's number:
meeting-number = no. { $id }
change-title = 📅 <b>The meeting has changed</b>
change-date = Day: { $old } → { $new }
change-time = Time: { $old } → { $new }
change-clock = { $time }
change-place = Place: { $old } → { $new }
change-none = not decided
cancellation-title = ❌ <b>The meeting is cancelled</b>
reminders-current = Reminders come { $offsets } before the meeting.
reminders-default = (the network's default)
reminders-off = You get no reminders. Turn them on e.g. with /reminders 7d,1d.
reminders-set = Fine! Reminders now come { $offsets } before the meeting.
reminders-turned-off = Fine, I won't send you reminders.
reminders-bad = "{ $value }" won't do. Write e.g. /reminders 1d,2h (d = days, h = hours, m = minutes) or /reminders off.
reminders-too-many = You can have at most { $limit } reminders. Pick the ones that matter most, e.g. /reminders 7d,1d,2h.
offset-d = { $n ->
        [one] 1 day
       *[other] { $n } days
    }
offset-h = { $n ->
        [one] 1 hour
       *[other] { $n } hours
    }
offset-m = { $n ->
        [one] 1 minute
       *[other] { $n } minutes
    }
offset-s = { $n ->
        [one] 1 second
       *[other] { $n } seconds
    }
cmd-reminders = When reminders come
status-not-allowed = The status is for administrators only.
status-report =
    <b>Outgoing messages</b>
    Pending: { $pending }
    Sent: { $sent }
    Failed: { $failed }
    Skipped: { $skipped }
status-next = Next reminder: { $when } ({ $workshop })
status-no-next = No upcoming reminder.
status-last = Last sent: { $when }
status-never = Nothing has been sent yet.

## Coordinators

staff-only = This is for coordinators only.
admin-only = This is for administrators only.
municipality-not-found-plain = I found no municipality "{ $name }".
broadcast-usage = Write the announcement after the command, e.g. /broadcast municipality=Lohja Hello all! The audience can be narrowed: workshop=KEY and municipality=NAME.
broadcast-preview = 📣 <b>Preview</b> – { $count } recipients ({ $audience }). Confirm to send it.
broadcast-preview-nobody = 📣 <b>Preview</b> – nobody would receive this announcement ({ $audience }). Choose other recipients or cancel it.
broadcast-too-long =
    The announcement is too long: with its title and signature it would be { $length } characters, and Telegram allows at most { $limit }. Shorten it by at least { $over ->
        [one] one character
       *[other] { $over } characters
    } and send it again.
broadcast-caption-too-long =
    An announcement with a photo or a file may have at most { $limit } characters; with its title and signature this one would have { $length }. Shorten the text by at least { $over ->
        [one] one character
       *[other] { $over } characters
    } and send the photo or file again.
broadcast-confirm = ✅ Confirm
broadcast-cancel = Cancel
broadcast-pick-workshop = Audience: workshop…
broadcast-pick-municipality = Audience: municipality…
broadcast-choose-audience = Choose the audience:
audience-everyone = everyone
audience-workshop = workshop { $name }
audience-municipality = municipality { $name }
audience-all-workshops = All workshops
audience-all-municipalities = All municipalities
broadcast-not-a-draft = This announcement was already confirmed or cancelled.
broadcast-starting = 📣 Sending the announcement…
broadcast-started = 📣 Sending the announcement to { $count } recipients. I will update this message as it goes.
broadcast-cancelled = Announcement cancelled; nothing was sent.
broadcast-progress = 📣 Sending: { $sent }/{ $total } delivered, { $failed } failed, { $blocked } blocked the bot, { $not_started } have not started the bot, { $pending } waiting.
broadcast-done = 📣 <b>Announcement sent.</b> { $sent }/{ $total } delivered, { $failed } failed, { $blocked } blocked the bot, { $not_started } have not started the bot.
announcement-title = 📣 <b>Announcement</b>
announcement-signature = <i>– { $name }, { $title }</i>
announcement-signer-title = coordinator
announcement-representative-title = workshop representative
added-title = 🆕 <b>New meeting</b>
addmeeting-usage = Write the workshop, the day and, if you like, the time, town and venue, e.g. /addmeeting ehkäisevä 14.5.2009 klo 9.30–12 Kirkkonummi, council chamber
editmeeting-usage = Write the meeting's number or date and the change, e.g. /editmeeting 12 15.5.2009 13–15 or /editmeeting 12 Lohja main library (also date=, time=, place=, venue="…", address="…").
cancelmeeting-usage = Write the number or date of the meeting to cancel, e.g. /cancelmeeting 12 or /cancelmeeting 4.3.2009
meeting-added = Meeting { $id } added: { $workshop }, { $when }. The members will be told.
meeting-changed = Meeting { $id } changed: { $when }. The members will be told of the change.
meeting-cancelled-done = Meeting { $id } ({ $when }) cancelled. The members will be told.
meeting-unchanged = The meeting is like that already; nothing changed.
meeting-preview-add = <b>Preview: a new meeting.</b> The members will get this notice:
meeting-preview-edit = <b>Preview: a changed meeting.</b> The members will get this notice:
meeting-preview-cancel = <b>Preview: a cancelled meeting.</b> This meeting will be cancelled, and the members will get this notice:
meeting-preview-weekday = ⚠️ The weekday written before the date does not match the date; check the day.
meeting-preview-count = { $count ->
        [0] Nobody will be told (the meeting is over or the workshop has no members).
        [one] The notice goes to 1 recipient.
       *[other] The notice goes to { $count } recipients.
    } Nothing is saved or sent before you confirm (the button or /confirm).
meeting-change-cancelled = Change cancelled; nothing was saved or sent.
meeting-change-expired = This change is no longer waiting; write the command again.
meeting-step-workshop = A new meeting. Of which workshop?
meeting-step-date = On which day? Write e.g. 14.5.2009, Wed 14.5.2009 or 14.5.
meeting-step-time = At what time? Write e.g. 9.30–12 or 13. Skip if the time is not decided yet.
meeting-step-town = In which municipality? Choose or write its name.
meeting-step-venue = In which venue? Write e.g. Town hall, council chamber.
meeting-step-skip = Skip
meeting-step-keep = Keep as it is
attendance-usage = Write the meeting's number or date, e.g. /attendance 12 or /attendance 4.3.2009
attendance-title = <b>Attendance: { $workshop }, { $date }</b>
attendance-no-answer = no answer
members-title = <b>{ $total } members</b>
members-list = <b>Members</b>
members-inactive = (blocked the bot)
role-usage = Write the user's Telegram id, e.g. /promote 123456789 (coordinator) or /promote 123456789 workshop=KEY (the workshop's representative); /demote removes a role the same way.
role-unknown-user = No user { $id }; they must start the bot first (/start).
role-set = { $name }: { $role }.
role-participant = participant
role-coordinator = coordinator
role-admin = administrator
invite-link = A one-time invitation to become a coordinator (valid for 7 days): { $link }
invite-accepted = Welcome as a coordinator!
invite-invalid = The invitation link is not valid (used or expired).
audit-title = <b>Audit log</b>
audit-refused = refused
audit-forgotten = (deleted member)
audit-did-add-meeting = added the meeting { $what }
audit-tried-add-meeting = tried to add a meeting
audit-did-edit-meeting = changed the meeting { $what }
audit-tried-edit-meeting = tried to change the meeting { $what }
audit-did-cancel-meeting = cancelled the meeting { $what }
audit-tried-cancel-meeting = tried to cancel the meeting { $what }
audit-did-attendance = looked at who comes: { $what }
audit-tried-attendance = tried to look at who comes
audit-did-members = looked at the members
audit-tried-members = tried to look at the members
audit-did-audit = read the audit log
audit-tried-audit = tried to read the audit log
audit-did-broadcast = sent the announcement { $what }
audit-tried-broadcast = tried to send an announcement
audit-did-broadcast-confirm = confirmed the announcement { $what }
audit-tried-broadcast-confirm = tried to confirm the announcement { $what }
audit-did-broadcast-cancel = cancelled the announcement { $what }
audit-tried-broadcast-cancel = tried to cancel the announcement { $what }
audit-did-datepoll = started the date poll { $what }
audit-tried-datepoll = tried to start a date poll
audit-did-closepoll = closed the date poll { $what }
audit-tried-closepoll = tried to close the date poll { $what }
audit-did-pollresults = looked at the results of the date poll { $what }
audit-tried-pollresults = tried to look at the results of a date poll
audit-did-import = imported the schedule file { $what }
audit-tried-import = tried to import the schedule file { $what }
audit-did-invite = created an invitation link
audit-tried-invite = tried to create an invitation link
audit-did-use-invite = joined with an invitation link
audit-tried-use-invite = tried to join with an invitation link
audit-did-minutes = attached the minutes of the meeting { $what }
audit-tried-minutes = tried to attach minutes
audit-did-minutes-replace = replaced the minutes of the meeting { $what }
audit-tried-minutes-replace = tried to replace minutes
audit-did-promote = made a coordinator: { $what }
audit-tried-promote = tried to make a coordinator: { $what }
audit-did-demote = removed the coordinator role: { $what }
audit-tried-demote = tried to remove the coordinator role: { $what }
audit-did-survey = sent the survey { $what }
audit-tried-survey = tried to send a survey
audit-did-survey-confirm = confirmed the survey { $what }
audit-tried-survey-confirm = tried to confirm the survey { $what }
audit-did-survey-cancel = cancelled the survey { $what }
audit-tried-survey-cancel = tried to cancel the survey { $what }
audit-did-surveyresults = looked at the answers to the survey { $what }
audit-tried-surveyresults = tried to look at the answers to a survey
audit-did-promote-representative = made a workshop representative: { $what }
audit-tried-promote-representative = tried to make a workshop representative: { $what }
audit-did-demote-representative = removed a workshop representative: { $what }
audit-tried-demote-representative = tried to remove a workshop representative: { $what }
audit-did-staff = looked at the coordinators and representatives
audit-tried-staff = tried to look at the coordinators and representatives
audit-detail-another-workshop = — another workshop's matter
audit-detail-workshops = — { $workshops }
audit-detail-all-workshops = — from every workshop
audit-did-other = did: { $action } { $what }
audit-tried-other = tried: { $action } { $what }
audit-audience = (recipients: { $audience })
audit-command-line = The command line
audit-meeting-gone = { $meeting } (the meeting has been removed since)
audit-detail-not-own = — not their own
audit-detail-bad-invite = — the link is not valid or was used already
audit-detail-no-change = — nothing changed
audit-detail-was-cancelled = — it was cancelled already
audit-detail-changed = — changed: { $fields }
audit-detail-counts = — { $added } new, { $changed } changed and { $cancelled } cancelled meetings
audit-detail-recipients = — { $count ->
    [one] one recipient
   *[other] { $count } recipients
}
audit-detail-version = — version { $version }
audit-detail-file = from the schedule file { $file }
broadcast-no-draft = You have no announcement waiting. Write /broadcast and the announcement first.
broadcast-nobody = Nobody would receive this announcement, so it was not sent. Choose other recipients with the preview's buttons, or cancel it (/cancel).
import-preview-title = 📄 <b>{ $file }</b> is in order. This is what it would change:
import-confirm = ✅ Import
import-cancelled = Import cancelled; nothing was saved.
import-done-chat = 📄 <b>{ $file }</b> imported. The members will be told of the changes.
import-file-type = Send the schedule as a .yaml, .yml or .csv file, or an announcement as text (.txt).
pasted-preview-title = 📋 I read { $count ->
    [one] one meeting
   *[other] { $count } meetings
} in the text. Check before you import:
pasted-nothing-found = I found no meetings in the text. Write the date in full (4.3.2009) with the time (klo 13–15.30) or the town next to it.
pasted-not-imported = ⚠️ Not imported: { $meeting } – the text does not say which workshop's meeting it is. Name the workshop before the date.
pasted-which-workshop = 📋 I read { $count ->
    [one] one meeting
   *[other] { $count } meetings
} in the text, but not which workshop's:
pasted-choose-workshop = Which workshop's { $count ->
    [one] meeting is it
   *[other] meetings are they
}? Choose the workshop to see a preview. Nothing is saved until you confirm.
pasted-wrong-weekday = ⚠️ { $date } is a { $actual }, but the text says { $written }. Check the date.
pasted-members-differ = ℹ️ { $workshop }: the text gives the member municipalities as { $stated }; stored are { $stored }. Members are not changed from here but with the schedule file.
pasted-done = 📋 The meetings in the text are imported. The members will be told of the changes.
import-expired = This import no longer exists; send the file again.
broadcast-attachment-photo = 📎 With a photo.
broadcast-attachment-document = 📎 With a file.

## Privacy

cmd-privacy = Privacy: what is stored
start-privacy = Privacy: /privacy
privacy-controller =
    <b>Controller:</b> { $controller }
    <b>Data protection officer:</b> { $dpo }
    <b>Legal basis for the processing:</b> { $basis }
privacy-not-configured = not configured — ask the bot's administrator
privacy-telegram = <b>Telegram:</b> messages pass through Telegram's servers. Telegram processes them as the service provider under its own terms of service and privacy policy, and the data may be transferred to and stored outside the EU and the EEA.
privacy-complaint = <b>Right to complain:</b> if you consider that the processing of your personal data breaks data protection law, you may lodge a complaint with the supervisory authority, the Office of the Data Protection Ombudsman (tietosuoja.fi/en).
privacy-notice =
    <b>Privacy</b>
    <b>What is stored:</b> the number and name of your Telegram account, the language and municipality you chose, the workshops you follow, your reminder times, your answers about meetings, and the time and status of messages sent to you. Coordinators' actions are kept in an audit log, and a meeting's minutes record who attached them.
    <b>Surveys and feedback:</b> your survey answers and your feedback on meetings are stored with your data, but an answer to an anonymous survey carries no name, only a coded mark that lets you answer once and change your answer; when you delete your data, your choices in an anonymous survey stay in its totals with no link to you.
    <b>Why:</b> to tell you about your own workshops' meetings, remind you of them and pass on the coordinators' announcements, and so that the coordinators see how many take part.
    <b>For how long:</b> your data is kept until you ask for it to be deleted. Records of sent messages and the audit log are deleted after { $days } days. When you delete your data, your name and the number of your Telegram account are removed from the entries that stay in the audit log.
    <b>Who sees it:</b> the network's coordinators (contacts: /contact). It is not given to anyone else.
    <b>Your rights:</b> /mydata sends you all your data as a file; /forget deletes it.
mydata-none = Nothing is stored about you.
mydata-sent = Here is everything stored about you, as a JSON file.
personal-sent-privately = 📬 I answered you in a private chat, as the answer contains personal data.
personal-ask-privately = 🔒 Ask me this in a private chat (t.me/{ $bot }): the answer contains personal data, which I do not post in the group.
forget-ask = Delete all your data: municipality, followed workshops, answers, reminders, survey answers and your feedback on meetings? This cannot be undone.
forget-yes-button = Delete my data
forget-no-button = Don't delete
forget-done = Your data is deleted. If you write to me again, we start afresh.
forget-kept = Fine, nothing was deleted.
forget-nothing = Nothing was stored about you.
flood-notice = One moment – messages are coming so fast that I will answer again in a little while.
cmd-calendar = Meetings for your calendar (.ics)
calendar-name = Theme workshops
calendar-sent = Here are { $count } meetings as a calendar file; open it in your calendar app. Importing it again updates changed meetings.
calendar-feed =
    Subscribe to this address in your calendar app ("add calendar from URL" or "subscribe") and your calendar stays up to date by itself:
    <code>{ $url }</code>
    The address is personal: anyone who has it sees your meetings. It stops working when you delete your data (/forget).
calendar-workshop-sent = Here are { $count } meetings of <b>{ $name }</b> as a calendar file.
calendar-workshop-feed =
    This workshop's meetings as a calendar to subscribe to, e.g. for a shared calendar:
    <code>{ $url }</code>
calendar-workshop-hint = One workshop's meetings only: { $example }

## Minutes and the archive

cmd-archive = Past meetings and their minutes
cmd-minutes = A meeting's minutes (number: /archive)
minutes-usage =
    Write the meeting's number, e.g. /minutes 12 (the numbers are in /archive). A date also works (/minutes 4.3.2009), or a workshop and a date (/minutes kasvatuskumppanuus/4.3.2009).
    A coordinator attaches the minutes: /minutes 12 and the text, a file captioned /minutes 12, or /minutes 12 and then the text or the file.
minutes-unknown-meeting = I found no meeting "{ $key }". The meetings' numbers are in /archive
minutes-not-yet = The meeting { $meeting } has not started yet. Minutes can be attached only to a meeting that has been held.
minutes-meeting-cancelled = The meeting { $meeting } was cancelled, so it has no minutes.
minutes-saved =
    { $count ->
        [one] 📝 Minutes saved: { $meeting }. A notice goes to 1 recipient.
       *[other] 📝 Minutes saved: { $meeting }. A notice goes to { $count } recipients.
    }
minutes-replaced = 📝 Minutes updated: { $meeting }. No new notice is sent; the notice's button always shows the latest version.
minutes-send-now = 📝 Send the minutes of the meeting { $meeting } now: write them as a message or send a file (within 15 minutes). Your next message is saved as the minutes.
minutes-send-replaces = A new text replaces the current text and a new file the current file (minutes attached on { $date }).
minutes-current-button = 📝 Current minutes
minutes-stop-button = Cancel
minutes-stopped = Fine, I am not waiting for minutes.
minutes-not-waiting = I was not waiting for minutes from you.
minutes-file-too-large = The file is too large (at most { $limit }).
minutes-none = The meeting { $meeting } has no minutes yet.
minutes-title = 📝 <b>Minutes: { $meeting }</b>
minutes-file = 📎 File: { $name }
minutes-notice-title = 📝 <b>The minutes of a meeting are ready to read</b>
minutes-notice-read = Read them with the button or write /minutes { $meeting }
minutes-read-button = 📝 Read the minutes
archive-title = 🗂 <b>Archive: { $scope }</b>
archive-range = Meetings { $first }–{ $last } of { $total }, newest first.
archive-scope-all = all workshops
archive-scope-own = your workshops
archive-minutes = 📝 Minutes: /minutes { $id }
archive-no-minutes = No minutes (meeting { $id })
archive-none = There are no past meetings.

## Date polls

poll-usage =
    Write the workshop after the command and each proposed date on a line of its own, for example:
    /datepoll kasvatuskumppanuus deadline=1.3.2027
    10.3.2027 klo 13.00–15.30 Lohja
    17.3.2027 klo 9.00–11.30 Kerava
    The deadline (deadline=) may be left out; answers are then taken for a week.
poll-line-problem = Line { $line }: { $problem }
poll-line-unreadable = “{ $text }” is not a proposed date; write the date, the time and the town, e.g. 10.3.2027 klo 13.00–15.30 Lohja
poll-not-saved = The poll was not saved.
poll-candidate-count = A poll needs 2–{ $most } proposed dates; this one has { $count }. The poll was not saved.
poll-candidate-past = Proposal { $number } is already in the past. The poll was not saved.
poll-deadline-past = That deadline has already passed. Give a date to come, e.g. deadline=1.3.2027. The poll was not saved.
poll-preview = 🗓 <b>Preview: date poll { $poll }</b> ({ $workshop }). It goes to { $count } members when you confirm it.
poll-preview-nobody = 🗓 <b>Preview: date poll { $poll }</b> ({ $workshop }). The workshop's municipalities have no members to ask.
poll-preview-deadline = Answers close { $deadline }.
poll-holiday = ⚠️ public holiday: { $name }
poll-clash = ⚠️ meeting at the same time: { $workshops }
poll-confirm = ✅ Confirm
poll-cancel = Cancel
poll-started = 🗓 Date poll { $poll } is going to { $count } members. See the results with /pollresults { $poll }.
poll-running = 🗓 Date poll { $poll }: the answers are updated here as they come in.
poll-cancelled = Date poll { $poll } cancelled; nothing was sent.
poll-not-a-draft = Date poll { $poll } has already been confirmed or cancelled.
poll-nobody = The workshop's municipalities have no members, so the poll was not sent.
poll-title = 🗓 <b>Date poll { $poll }: { $workshop }</b>
poll-intro = Which dates suit you? Answer each proposal with the buttons, or type e.g. /vote { $poll } 1 yes (yes, maybe or no). You can change your answers until { $deadline }.
poll-candidate = { $number }. { $when }
poll-candidate-town = { $number }. { $when }, { $town }
poll-your-answer = – your answer: <b>{ $answer }</b>
poll-answer-yes = yes
poll-answer-maybe = if need be
poll-answer-no = no
poll-button-yes = { $number }: yes
poll-button-maybe = { $number }: if need be
poll-button-no = { $number }: no
poll-vote-usage = Write the poll's number, the proposal's number and your answer, e.g. /vote 3 2 yes (yes, maybe or no).
poll-voted = Thank you! Your answer to proposal { $line } of poll { $poll }: <b>{ $answer }</b>.
poll-not-found = There is no date poll { $poll }.
poll-no-candidate = Poll { $poll } has no proposal { $number }. Nothing was saved.
poll-closed = Date poll { $poll } has closed, so your answer was not saved.
poll-not-asked = Poll { $poll } is for the members of the workshop's municipalities, and yours is not in the workshop. Your answer was not saved.
poll-results-usage = Write the poll's number, e.g. /pollresults 3
poll-results-title = 🗓 <b>Results of date poll { $poll }: { $workshop }</b>
poll-results-open = Answers close { $deadline }.
poll-results-ended = Answers closed { $deadline }.
poll-results-line = yes { $yes }, if need be { $maybe }, no { $no } – { $can } of { $total } municipalities can attend
poll-results-maybe = (if need be: { $names })
poll-results-silent = Not answered: { $names }
poll-results-all-answered = Every municipality has answered.
poll-results-suggestion = Suggestion: <b>{ $line }</b>
poll-results-no-suggestion = Nobody has answered yes to any date yet.
poll-results-close-hint = Make the suggestion the meeting with the button or with /closepoll { $poll } { $number }.
poll-close-button = Make it the meeting: { $number }
poll-close-usage = Write the poll's number and the chosen proposals, e.g. /closepoll 3 2 or /closepoll 3 1,3,5
poll-already-closed = Date poll { $poll } is already closed.
poll-made-meetings = Date poll { $poll } is closed. New meetings ({ $workshop }), of which members get a notice and reminders:
poll-meeting-line = • { $when } (meeting { $id })
poll-nudge = ⏳ <b>Reminder:</b> answers to date poll { $poll } ({ $workshop }) close { $deadline }, and nobody from your municipality has answered yet.
poll-result-title = 🗓 <b>Answers to date poll { $poll } have closed.</b>
cmd-vote = Answer a date poll
## Surveys
survey-format-too-long = The survey is too long (at most { $limit } characters).
survey-format-no-title = The survey has no title: write it on the first line after /survey, with the numbered questions below it.
survey-format-no-questions = The survey has no questions. Write them numbered below the title, for example: 1. Does the time suit you? | Yes | No
survey-format-not-numbered = The line “{ $line }” is not question { $number }. Number the questions in order: 1., 2., 3. …
survey-format-empty-question = Question { $number } has no text.
survey-format-no-options = Question { $number } has no options. Add them after a bar (| Yes | No), or mark the question as a scale (1-5) or as answered in words (text).
survey-format-options-not-wanted = Question { $number } is answered on a scale or in words, so it cannot have options.
survey-format-too-many-options = Question { $number } has too many options (at most { $limit }).
survey-format-option-too-long = An option of question { $number } is too long (at most { $limit } characters).
survey-format-bad-scale = The scale of question { $number } is not valid: write for example (1-5), at most { $limit } points.
survey-format-too-many-questions = The survey has too many questions (at most { $limit }).
survey-format-title-too-long = The survey's title is too long (at most { $limit } characters).
survey-format-bad-deadline = The deadline “{ $value }” is not valid. Write one date as D.M.YYYY, for example deadline=15.3.2009.
survey-format-yaml = The survey file could not be read: { $detail }
survey-usage = Write the survey in one message: /survey [workshop=KEY] [municipality=NAME] [deadline=D.M.YYYY] [anonymous], the title on the next line and the numbered questions below it. The README describes the format.
survey-file-too-large = The survey file is too large.
survey-preview = 📋 <b>Preview</b> – survey { $survey }, { $count } recipients. This is how members will see the questions. Confirm to send it.
survey-preview-nobody = 📋 <b>Preview</b> – survey { $survey } would reach nobody. Check the workshops and municipalities, or cancel it.
survey-confirm = ✅ Confirm
survey-cancel = Cancel
survey-cancelled = Survey { $survey } was cancelled and not sent.
survey-nobody = The survey would reach nobody, so it was not sent.
survey-sent = 📋 Survey { $survey } is on its way to { $count } recipients. Results: /surveyresults { $survey }
survey-title = 📋 <b>Survey { $survey }: { $title }</b>
survey-deadline = Please answer by { $date }.
survey-anonymous = The survey is anonymous: answers are never shown with names.
survey-kind-one = choose one
survey-kind-several = you may choose several
survey-kind-scale = scale { $low }–{ $high }
survey-kind-text = answer in your own words
survey-question-of = Question { $number }/{ $total }
survey-write-answer = Write your answer as a message.
survey-done = Done
survey-skip = Skip
survey-reminder = ⏰ Reminder: you have not answered the survey yet.
survey-thanks = ✅ Thank you! Your answers to survey { $survey } are saved. You can change them until the deadline: /answer { $survey }
survey-answer-usage = Answer like this: /answer SURVEY QUESTION ANSWER, for example /answer 3 2 1,3 (options 1 and 3). /answer SURVEY alone shows the questions with buttons.
survey-bad-value = That answer does not fit question { $question }: give an option's number, several separated by commas, a number on the scale, or your words.
survey-closed = The answering time of survey { $survey } is over.
survey-deadline-passed-already = That deadline has already passed. Give a date to come.
survey-no-such-question = Survey { $survey } has no question { $question }.
survey-not-a-draft = Survey { $survey } was already sent or cancelled.
survey-not-for-you = Survey { $survey } is not addressed to you.
survey-unknown = Survey { $survey } was not found.
survey-no-municipality = I do not know the municipality “{ $name }”.
survey-no-workshop = I do not know the workshop “{ $name }”. See the workshops' keys: /workshops
survey-results-usage = Write the survey's number, e.g. /surveyresults 3
survey-results-title = 📊 <b>Results of survey { $survey }: { $title }</b>
survey-results-respondents = { $count } answered, from { $towns } of { $total } municipalities.
survey-results-option = { $option }: { $count } – { $towns } of { $total } municipalities
survey-results-average = Average { $average } ({ $count ->
        [one] 1 answer
       *[other] { $count } answers
    })
survey-results-words-hidden = { $count ->
        [one] 1 person has
       *[other] { $count } people have
    } answered in words; the answers are shown once at least { $least } have answered.
survey-results-no-answers = No answers yet.
survey-results-silent = Not answered yet: { $municipalities }
survey-results-all-answered = Every municipality has answered.

## Roles: workshop representatives, /staff and help by role

role-representative = workshop representative
representative-granted = { $name } now represents the workshop: { $workshops }.
representative-removed = { $name } no longer represents the workshop: { $workshops }.
representative-removed-all = { $name } no longer represents any workshop.
representative-only = As a representative you can only handle your own workshop: { $workshops }.
staff-title = <b>Administrators, coordinators and workshop representatives</b>
staff-nobody = Nobody yet.
help-representative = <b>As the workshop's representative</b> – your own workshop only: { $workshops }
help-workshop-tools = <b>Workshops</b> (also workshop representatives, each for their own)
help-coordinator = <b>As a coordinator</b>, for the whole network
help-administrator = <b>As an administrator</b>
cmd-join = Join a workshop
cmd-leave = Leave a workshop
cmd-going = I am coming to the meeting
cmd-notgoing = I am not coming
cmd-maybe = I might come
cmd-answer = Answer a survey
cmd-members = Members by municipality and workshop
cmd-mydata = What is stored about me
cmd-forget = Delete my data
cmd-broadcast = Announcement to members, with a preview
cmd-confirm = Confirm a waiting announcement or change
cmd-cancel = Cancel a waiting announcement or change
cmd-addmeeting = Add a meeting
cmd-editmeeting = Change a meeting
cmd-cancelmeeting = Cancel a meeting
cmd-attendance = Who is coming to a meeting
cmd-datepoll = Date poll for the next meeting
cmd-pollresults = A date poll's results
cmd-closepoll = Close a date poll
cmd-survey = Survey to members
cmd-surveyresults = A survey's results
cmd-feedback = Give feedback on a meeting
cmd-feedbackresults = A meeting's feedback
cmd-staff = Administrators, coordinators and representatives
cmd-promote = Name a workshop's representative (workshop=KEY); administrators also coordinators
cmd-demote = Remove a representative's or coordinator's role
cmd-link = Link a group to a workshop
cmd-audit = Audit log
cmd-invite = One-time coordinator invite
cmd-status = The outbox now

## Feedback after a meeting

feedback-question =
    💬 <b>How did the meeting go?</b>
    { $meeting }
    Give the meeting a grade from 1 to 5 (1 = poor, 5 = excellent). Coordinators see feedback without names.
    You can also type: /feedback { $id } 4 and your comment
feedback-thanks-ask-comment =
    ✅ Thank you! Your grade { $grade } is saved: { $meeting }
    If you like, write a short comment as your next message. The buttons change your grade.
feedback-skip-comment = No comment
feedback-no-comment = All right, no comment. Thank you for your feedback!
feedback-not-waiting = All right! Your feedback is saved.
feedback-comment-saved = ✅ Thank you, your comment is saved with your feedback.
feedback-thanks = ✅ Thank you! Your grade { $grade } is saved: { $meeting }
feedback-thanks-comment = ✅ Thank you! Your grade { $grade } and your comment are saved: { $meeting }
feedback-usage = Give feedback like this: /feedback MEETING GRADE [COMMENT], e.g. /feedback 12 4 Good discussion. MEETING is the meeting's number (/archive), its date or workshop/date.
feedback-bad-grade = The grade must be a whole number from 1 to 5.
feedback-unknown = I found no meeting "{ $meeting }". The meetings' numbers are in /archive
feedback-ambiguous = "{ $key }" fits several meetings. Choose by number: { $choices }
feedback-cancelled = Meeting { $meeting } was cancelled, so it takes no feedback.
feedback-not-yet = Meeting { $meeting } has not been held yet. Feedback can be given after the meeting.
feedback-not-for-you = You cannot give feedback on meeting { $meeting }: it is not for your municipality or your workshops, and you did not say you would come.
feedback-results-usage = Write the meeting's number, e.g. /feedbackresults 12
feedback-results-title = 💬 <b>Feedback: { $meeting }</b>
feedback-results-none = No feedback yet.
feedback-results-summary = { $count ->
        [one] 1 answer
       *[other] { $count } answers
    }, average { $average }
feedback-results-comments = <b>Comments</b> (without names):
archive-feedback = 💬 Feedback { $average } ({ $count ->
        [one] 1 answer
       *[other] { $count } answers
    })

## The command line (python -m bot), in BOT_DEFAULT_LANGUAGE
cli-description = `python -m bot`: run the bot, import a schedule, migrate the database, load the demo, back up the database, or try the bot in a terminal without Telegram.
cli-command-metavar = COMMAND
cli-help-run = run the bot (long polling, or a webhook); migrates the database first
cli-help-webhook = take updates at this https URL
cli-help-listen = where the web server listens (webhook, /healthz, /metrics, calendar feeds; behind a TLS proxy); with --webhook the default is { $default }, without it the server runs only when this is given
cli-help-import = import a schedule file (YAML or CSV) or an announcement (text)
cli-help-file = the schedule file
cli-help-dry-run = check and report, save nothing
cli-help-prune = remove meetings that are no longer in the file
cli-help-format = when the file name doesn't tell; text is an announcement in the network's words
cli-help-db = database maintenance
cli-help-upgrade = upgrade: apply migrations
cli-help-demo = load the demo network into an empty database
cli-help-backup = copy the SQLite database to PATH, consistently, while the bot runs
cli-description-backup = A consistent copy of the SQLite database of DATABASE_URL, made while the bot runs. For PostgreSQL use pg_dump; restoring: docs/operations.md.
cli-help-backup-path = the new file (must not exist)
cli-help-console = try the bot without Telegram: the demo network, chatting in this terminal
cli-description-console = The bot on the demo network of 2009, against a built-in local Bot API, with you chatting in this terminal: type text or commands, a number presses a button. The database is data/console/verstas.sqlite3, new at every start; files the bot sends go to data/console/files/, its log to data/console/bot.log.
cli-help-at = the bot's 'now' in the demo season, in BOT_TIMEZONE, e.g. '1.3.2009 12.00' (default: 8.1.2009 9.25); the clock runs on from it in real time
cli-help-language = the language of your (imagined) Telegram app; default fi
cli-help-admin = be an administrator, to try the coordinators' tools
cli-help-console-listen = run the web server there too (/healthz, /metrics, calendar feeds), e.g. 127.0.0.1:8080
cli-needs-host-port = needs HOST:PORT, e.g. { $example }
cli-listen-needs = --listen needs HOST:PORT, e.g. { $example }
cli-webhook-needs = --webhook needs an http(s) URL
cli-no-token = BOT_TOKEN is not set: create a bot with @BotFather in Telegram (/newbot) and put its token in the environment or in .env as BOT_TOKEN=...
cli-token-refused = BOT_TOKEN was refused by the Bot API: check the token
cli-api-unreachable = the Bot API at BOT_API_BASE_URL is not reachable: { $error }
cli-no-such-file = { $path }: no such file
cli-unreadable = { $path }: cannot be read ({ $reason })
cli-file-type = { $path }: name the file .yaml, .yml, .csv or .txt, or give --format
cli-backup-failed = the backup failed: { $error }
cli-backup-written = backup written: { $path } ({ $size } bytes)
cli-database-up-to-date = database is up to date
cli-demo-not-loaded = the database already has the network "{ $network }"; demo data not loaded
cli-argparse-usage = usage:
cli-argparse-error = %(prog)s: error: %(message)s
cli-argparse-required = the following arguments are required: %s
cli-argparse-choice = invalid choice: %(value)r (choose from %(choices)s)
cli-argparse-unrecognized = unrecognized arguments: %s
cli-argparse-argument = argument %(argument_name)s: %(message)s
cli-argparse-one-argument = expected one argument
cli-argparse-invalid-value = invalid value: %(value)r
cli-argparse-ambiguous = ambiguous option: %(option)s could match %(matches)s
cli-argparse-positional = positional arguments
cli-argparse-options = options
cli-argparse-help = show this help message and exit
