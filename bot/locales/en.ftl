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
import-error-not_utf8 = the file is not UTF-8 text; save it as UTF-8
import-error-empty_file = the file is empty
import-error-too_large = the file is too large (at most { $limit })
import-invalid =
    { $count ->
        [one] The file has 1 problem; nothing was saved.
       *[other] The file has { $count } problems; nothing was saved.
    }
import-done = Import done: { $added } new, { $changed } changed, { $cancelled } cancelled and { $unchanged } unchanged meetings.
import-dry-run = Dry run (--dry-run): nothing was saved.
import-nothing-changed = No changes: the file already matches what is stored.
import-added-workshops = New workshops: { $list }
import-added-municipalities = New municipalities: { $list }
import-meeting-added = + { $workshop } { $date }
import-meeting-changed = ~ { $workshop } { $date }: { $fields }
import-meeting-cancelled = × { $workshop } { $date } cancelled
import-meeting-missing = ? { $workshop } { $date } is not in the file (removed only with --prune)
import-meeting-removed = − { $workshop } { $date } removed
