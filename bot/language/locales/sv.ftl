## Verstas, på svenska.

-bot = Verstas

## Kommandomeny

cmd-start = Börja och välj din kommun
cmd-help = Hjälp och kommandon

## Start och hjälp

start-greeting =
    Hej { $name }! Jag är { -bot }, mötesboten för temaverkstäderna.
    Jag berättar när dina verkstäder möts nästa gång, påminner före varje möte och förmedlar koordinatorernas meddelanden.
start-network = Nätverk: <b>{ $network }</b>.
start-no-network = Inga mötesuppgifter har importerats ännu.
help-title = <b>{ -bot } – kommandon</b>
unknown-command = Jag känner inte till kommandot { $command }. Se /help.
error-generic = Tyvärr gick något fel. Försök igen om en stund.

## Import av schema

import-where-line = rad { $line }
import-where-row = rad { $line }
import-where-file = filen
import-error-missing = obligatorisk uppgift saknas
import-error-unknown_field = okänt fält (stavfel?)
import-error-not_text = ska vara text
import-error-not_list = ska vara en lista
import-error-not_mapping = ska bestå av fält (namn: värde)
import-error-not_number = ska vara ett tal
import-error-too_long = för lång (högst { $limit } tecken)
import-error-empty = får inte vara tom
import-error-bad_status = ska vara scheduled eller cancelled
import-error-bad_date = ”{ $value }” är inget datum; skriv 15.1.2009 eller 2009-01-15
import-error-no_such_date = dagen { $value } finns inte i kalendern
import-error-day_without_year = datumet { $value } saknar år; skriv t.ex. 25.3.2009
import-error-bad_time = ”{ $value }” är ingen tid; skriv t.ex. 09:30 eller 13.00
import-error-end_without_start = sluttid utan starttid
import-error-end_before_start = sluttiden { $end } är inte efter starttiden { $start }
import-error-bad_key = ”{ $value }” duger inte som nyckel; använd små bokstäver a–z, siffror och bindestreck
import-error-bad_timezone = ”{ $value }” är ingen känd tidszon; t.ex. Europe/Helsinki
import-error-invalid = ogiltigt värde ({ $detail })
import-error-duplicate_field = fältet finns två gånger
import-error-duplicate_municipality = kommunen { $value } finns två gånger i listan
import-error-duplicate_workshop = verkstadsnyckeln { $value } används redan tidigare
import-error-duplicate_meeting = mötesnyckeln { $value } används redan i den här verkstaden; ge mötet en egen key
import-error-unknown_municipality = kommunen { $value } finns inte i listan municipalities
import-error-unknown_workshop = verkstaden { $value } hittas inte; använd verkstadens nyckel eller exakta namn
import-error-unknown_column = okänd kolumn
import-error-missing_column = kolumnen saknas på rubrikraden
import-error-too_many_cells = raden har fler celler än rubrikraden
import-error-csv_syntax = CSV-filen är trasig ({ $detail })
import-error-yaml_syntax = YAML-filen är trasig ({ $detail })
import-error-not_utf8 = filen är inte UTF-8-text; spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” eller i ett annat program med teckenkodningen UTF-8
import-error-empty_file = filen är tom
import-error-too_large = filen är för stor (högst { $limit })
import-error-too_deep = filen är kapslad i för många nivåer (högst { $limit })
import-invalid =
    { $count ->
        [one] Filen har 1 fel; ingenting sparades.
       *[other] Filen har { $count } fel; ingenting sparades.
    }
import-done = Importen är klar: { $added } nya, { $changed } ändrade, { $cancelled } inställda och { $unchanged } oförändrade möten.
import-dry-run = Försök (--dry-run): ingenting sparades.
import-text-nothing = Ingenting importerades från texten.
import-nothing-changed = Inga ändringar: filen motsvarar redan det sparade.
import-added-workshops = Nya verkstäder: { $list }
import-added-municipalities = Nya kommuner: { $list }
import-municipality-changed = ~ kommun { $name }: { $fields }
import-workshop-changed = ~ verkstad { $name }: { $fields }
import-coordinator-added = + kontaktperson { $name }
import-coordinator-changed = ~ kontaktperson { $name }: { $fields }
import-coordinator-removed = − kontaktperson { $name } borttagen
import-role-granted = ★ { $name } ({ $id }) blir koordinator
import-role-withheld = { $name } ({ $id }) blir inte koordinator: bara en import som en administratör gör ger rollen
import-meeting-added = + { $workshop }: { $what }
import-meeting-changed = ~ { $workshop } { $date } — { $fields }
import-meeting-cancelled = × { $workshop } { $date } inställt
import-meeting-missing = ? { $workshop } { $date } saknas i filen (tas bort bara med --prune)
import-meeting-removed = − { $workshop } { $date } borttaget

## Fältens namn i importens förhandsvisning, i felen och i händelseloggen
field-workshop = verkstad
field-date = datum
field-time = tid
field-start = börjar
field-end = slutar
field-place = ort
field-venue = lokal
field-address = adress
field-agenda = föredragningslista
field-key = nyckel
field-status = status
field-title = rubrik
field-name = namn
field-name_sv = svenskt namn
field-name_en = engelskt namn
field-aliases = andra namn
field-description = beskrivning
field-municipalities = kommuner
field-network = nätverk
field-email = e-post
field-phone = telefon
field-telegram_id = Telegram-id
meeting-status-scheduled = planerat
meeting-status-cancelled = inställt
import-would = Importeras: { $added } nya, { $changed } ändrade, { $cancelled } inställda och { $unchanged } oförändrade möten.
import-error-unknown_workshop_suggestion = verkstaden ”{ $value }” hittas inte — menade du { $suggestion }?
import-error-unknown_municipality_suggestion = kommunen ”{ $value }” finns inte i listan municipalities — menade du { $suggestion }?
import-error-not_member_town = { $value } är ingen kommun i nätverket; kontrollera namnet (sparas ändå)
import-error-not_member_town_suggestion = { $value } är ingen kommun i nätverket — menade du { $suggestion }?

## Prova utan Telegram (python -m bot console)

console-note = Prova utan Telegram: { -bot } använder exempelnätverket, och dess klocka går som om det nu vore { $moment } (välj ett annat ögonblick med --at).
console-help = Skriv ett meddelande eller ett kommando (börja med /start); en knapps nummer trycker på knappen. Ett meddelande på flera rader: klistra in det i ett svep, eller skriv först raden """, sedan meddelandets rader och till sist en tom rad. /file SÖKVÄG [bildtext] skickar en fil. /quit eller Ctrl-D avslutar.
console-admin = Du är administratör (--admin): koordinatorernas kommandon fungerar.
console-web = Webbservern svarar på { $url }: /healthz, /metrics och kalenderflödena.
console-bot = { -bot }:
console-bot-edited = { -bot } (redigerade ett meddelande):
console-bot-alert = { -bot } (notis):
console-pressed = → { $button }
console-no-button = Det finns ingen knapp { $number }; knapparna är 1–{ $count }.
console-link = Knappen öppnar adressen { $url }
console-file-saved = Filen sparades: { $path }
console-file-usage = Skriv /file och filens sökväg, t.ex. /file meddelande.txt eller /file "protokoll 4.3.pdf" /minutes 3.
console-file-unreadable = Filen { $path } kan inte läsas: { $reason }
console-file-sent = → filen { $name } ({ $size } byte)

## Kommandomeny (fler)

cmd-next = Nästa möte
cmd-meetings = Kommande möten
cmd-workshops = Temaverkstäderna, gå med eller lämna
cmd-municipality = Välj din kommun
cmd-language = Språk: suomi, svenska, English
cmd-contact = Koordinatorernas kontaktuppgifter

## Registrering

start-choose = Välj din kommun så berättar jag om just dina verkstäders möten:
start-registered = Din kommun: <b>{ $municipality }</b>. Fråga till exempel /next eller ”när är nästa möte?”.
municipality-ask = Välj din kommun:
municipality-not-found = Jag hittade ingen kommun ”{ $name }”. Välj i listan:
municipality-chosen = Din kommun är nu <b>{ $municipality }</b>.
municipality-following = Du följer de här temaverkstäderna:
municipality-no-workshops = { $municipality } deltar inte i någon temaverkstad. Du kan gå med i verkstäder: /workshops
language-ask = Välj språk:
language-set = Gärna, nu talar jag svenska.
button-outdated = Den här knappen är föråldrad. Försök med kommandot igen.

## Möten

next-title = <b>Nästa möten</b>
next-none = Inga kommande möten är kända.
next-none-since = Inga kommande möten är kända. Det senaste mötet var { $date } ({ $workshop }).
next-not-registered = Jag visar alla verkstäders möten. Välj din kommun (/municipality) så ser du dina egna.
next-unknown-word = Jag känner inte igen någon verkstad eller ort ”{ $word }”. Se /workshops.
meeting-time-open = tiden är ännu inte bestämd
meeting-place-open = Platsen är ännu inte bestämd
meeting-cancelled = <b>INSTÄLLT</b>
meeting-agenda = Föredragningslista:
meetings-title = <b>Möten</b> { $first }–{ $last } / { $total }
meetings-none = Inga möten med de här villkoren.
meetings-more = Fler ›
meetings-no-page = Sidan { $page } finns inte; det finns { $pages } sidor.
# Svarets första rad säger hur frågan uppfattades. $filters är ort och tid efter ett
# mellanslag (" i Lojo i mars 2027") eller tomt.
heard-next = Nästa möten{ $filters }:
heard-next-workshop = Nästa möte i verkstaden { $workshop }{ $filters }:
heard-meetings = Möten { $first }–{ $last } / { $total }{ $filters }:
heard-meetings-workshop = Möten i verkstaden { $workshop } { $first }–{ $last } / { $total }{ $filters }:
heard-meetings-none = Möten{ $filters }:
heard-meetings-none-workshop = Möten i verkstaden { $workshop }{ $filters }:
heard-in-town = i { $town }
heard-today = i dag
heard-tomorrow = i morgon
heard-day = { $date }
heard-this-week = den här veckan
heard-next-week = nästa vecka
heard-month = i { $month ->
    [1] januari
    [2] februari
    [3] mars
    [4] april
    [5] maj
    [6] juni
    [7] juli
    [8] augusti
    [9] september
    [10] oktober
    [11] november
   *[12] december
} { $year }
heard-days = { $first }–{ $last }
heard-and = och
heard-elsewhere = I { $town_in } ordnas inga möten – { $town } hör inte till nätverket. Nätverkets kommuner är { $members }.
meetings-details = Detaljer ›

## Verkstäder och kontakter

workshops-title = <b>Temaverkstäder</b>
workshop-municipalities = Kommuner: { $list }
workshop-following = ✓ Du följer den här verkstaden.
workshop-join = Gå med: { $name }
workshop-leave = Lämna: { $name }
workshop-joined = Du följer nu verkstaden <b>{ $name }</b>.
workshop-already-following = Du följer redan verkstaden <b>{ $name }</b>.
workshop-left = Du följer inte längre verkstaden <b>{ $name }</b>.
workshop-not-following = Du följer inte verkstaden <b>{ $name }</b>.
workshop-not-found = Jag hittade ingen verkstad ”{ $word }”. Verkstäder: { $keys }
workshop-usage = Skriv verkstadens nyckel efter kommandot, t.ex. { $example }
contact-title = <b>Kontaktuppgifter</b>
contact-none = Inga kontaktuppgifter har importerats ännu.
contact-email = E-post:
contact-phone = Tfn
## Frågor och grupper

question-not-understood = Jag förstod inte frågan. Du kan fråga till exempel ”när är nästa möte?”, ”nästa möte i Lojo” eller ”vilka möten finns i mars?”, eller använda kommandona:
group-hello = Hej! Fråga mig /next så berättar jag om nästa möte. En koordinator kan koppla gruppen till en verkstad med /link.
group-linked = Den här gruppen följer nu verkstaden <b>{ $name }</b>.
link-not-allowed = Bara en koordinator kan koppla gruppen till en verkstad.
link-only-in-groups = Kommandot /link fungerar i en gruppchatt.

## Påminnelser och ändringar

reminder-title = ⏰ <b>Påminnelse om ett kommande möte</b>
reminder-rsvp = Kommer du? Svara med knapparna eller skriv /going { $meeting }, /notgoing { $meeting } eller /maybe { $meeting }.
rsvp-going = Jag kommer
rsvp-not-going = Jag kan inte
rsvp-maybe = Kanske
rsvp-saved = Tack! Ditt svar för mötet { $date } ({ $workshop }): <b>{ $answer }</b>.
rsvp-usage = Skriv mötets nummer från påminnelsen eller mötets datum efter kommandot, t.ex. { $example }
rsvp-unknown-meeting = Jag hittade inget möte ”{ $key }”.
meeting-unknown = Jag hittade inget möte ”{ $key }”. Ett möte anges med sitt nummer, sitt datum (4.3.2009), sin nyckel eller verkstaden och datumet (kasvatuskumppanuus/4.3.2009).
meeting-ambiguous = ”{ $key }” passar flera möten. Välj mötet:
meeting-ambiguous-typed = ”{ $key }” passar flera möten. Skriv kommandot på nytt med mötets nummer:
meeting-number = nr { $id }
change-title = 📅 <b>Mötet har ändrats</b>
change-date = Dag: { $old } → { $new }
change-time = Tid: { $old } → { $new }
change-clock = kl. { $time }
change-place = Plats: { $old } → { $new }
change-none = inte bestämd
cancellation-title = ❌ <b>Mötet är inställt</b>
reminders-current = Påminnelserna kommer { $offsets } före mötet.
reminders-default = (nätverkets standard)
reminders-off = Du får inga påminnelser. Slå på dem t.ex. med /reminders 7d,1d.
reminders-set = Gärna! Påminnelserna kommer nu { $offsets } före mötet.
reminders-turned-off = Gärna, jag skickar inga påminnelser till dig.
reminders-bad = ”{ $value }” duger inte. Skriv t.ex. /reminders 1d,2h (d = dagar, h = timmar, m = minuter) eller /reminders off.
reminders-too-many = Du kan ha högst { $limit } påminnelser. Välj de viktigaste, t.ex. /reminders 7d,1d,2h.
offset-d = { $n ->
        [one] 1 dag
       *[other] { $n } dagar
    }
offset-h = { $n ->
        [one] 1 timme
       *[other] { $n } timmar
    }
offset-m = { $n ->
        [one] 1 minut
       *[other] { $n } minuter
    }
offset-s = { $n ->
        [one] 1 sekund
       *[other] { $n } sekunder
    }
cmd-reminders = Tider för påminnelser
status-not-allowed = Status är bara för administratörer.
status-report =
    <b>Utgående meddelanden</b>
    Väntar: { $pending }
    Skickade: { $sent }
    Misslyckade: { $failed }
    Överhoppade: { $skipped }
status-next = Nästa påminnelse: { $when } ({ $workshop })
status-no-next = Ingen kommande påminnelse.
status-last = Senast skickat: { $when }
status-never = Ingenting har skickats ännu.

## Koordinatorer

staff-only = Den här funktionen är bara för koordinatorer.
admin-only = Den här funktionen är bara för administratörer.
municipality-not-found-plain = Jag hittade ingen kommun ”{ $name }”.
broadcast-usage = Skriv meddelandet efter kommandot, t.ex. /broadcast municipality=Lojo Hej alla! Mottagarna kan avgränsas: workshop=NYCKEL och municipality=KOMMUN.
broadcast-preview = 📣 <b>Förhandsvisning</b> – { $count } mottagare ({ $audience }). Bekräfta så skickas meddelandet.
broadcast-preview-nobody = 📣 <b>Förhandsvisning</b> – meddelandet skulle inte nå någon ({ $audience }). Välj andra mottagare eller avbryt meddelandet.
broadcast-too-long = Meddelandet är för långt: med rubriken och underskriften skulle det bli { $length } tecken, och Telegram tillåter högst { $limit }. Korta det med minst { $over } tecken och skicka det igen.
broadcast-caption-too-long = Ett meddelande med en bild eller fil får vara högst { $limit } tecken, och med rubriken och underskriften skulle det här bli { $length }. Korta texten med minst { $over } tecken och skicka bilden eller filen igen.
broadcast-confirm = ✅ Bekräfta
broadcast-cancel = Avbryt
broadcast-pick-workshop = Mottagare: verkstad…
broadcast-pick-municipality = Mottagare: kommun…
broadcast-choose-audience = Välj mottagare:
audience-everyone = alla
audience-workshop = verkstaden { $name }
audience-municipality = kommunen { $name }
audience-all-workshops = Alla verkstäder
audience-all-municipalities = Alla kommuner
broadcast-not-a-draft = Det här meddelandet är redan bekräftat eller avbrutet.
broadcast-starting = 📣 Meddelandet skickas…
broadcast-started = 📣 Meddelandet skickas till { $count } mottagare. Jag uppdaterar här hur det går.
broadcast-cancelled = Meddelandet avbröts; ingenting skickades.
broadcast-progress = 📣 Meddelandet skickas: { $sent }/{ $total } framme, { $failed } misslyckades, { $blocked } har blockerat boten, { $not_started } har inte startat boten, { $pending } väntar.
broadcast-done = 📣 <b>Meddelandet är skickat.</b> { $sent }/{ $total } framme, { $failed } misslyckades, { $blocked } har blockerat boten, { $not_started } har inte startat boten.
announcement-title = 📣 <b>Meddelande</b>
announcement-signature = <i>– { $name }, { $title }</i>
announcement-signer-title = koordinator
announcement-representative-title = verkstadens representant
added-title = 🆕 <b>Nytt möte</b>
addmeeting-usage = Skriv verkstaden, dagen och vid behov tiden, kommunen och lokalen, t.ex. /addmeeting ehkäisevä 14.5.2009 kl. 9.30–12 Kyrkslätt, fullmäktigesalen
editmeeting-usage = Skriv mötets nummer eller datum och ändringen, t.ex. /editmeeting 12 15.5.2009 kl. 13–15 eller /editmeeting 12 Lojo huvudbiblioteket (också date=, time=, place=, venue="…", address="…").
cancelmeeting-usage = Skriv numret eller datumet på mötet som ställs in, t.ex. /cancelmeeting 12 eller /cancelmeeting 4.3.2009
meeting-added = Möte { $id } tillagt: { $workshop }, { $when }. Medlemmarna får veta.
meeting-changed = Möte { $id } ändrat: { $when }. Medlemmarna får veta om ändringen.
meeting-cancelled-done = Möte { $id } ({ $when }) inställt. Medlemmarna får veta.
meeting-unchanged = Mötet är redan sådant; ingenting ändrades.
meeting-preview-add = <b>Förhandsvisning: nytt möte.</b> Medlemmarna får det här meddelandet:
meeting-preview-edit = <b>Förhandsvisning: ändrat möte.</b> Medlemmarna får det här meddelandet:
meeting-preview-cancel = <b>Förhandsvisning: inställt möte.</b> Det här mötet ställs in, och medlemmarna får det här meddelandet:
meeting-preview-weekday = ⚠️ Veckodagen före datumet stämmer inte med datumet; kontrollera dagen.
meeting-preview-count = { $count ->
        [0] Meddelandet skickas inte till någon (mötet är över eller verkstaden har inga medlemmar).
        [one] Meddelandet skickas till 1 mottagare.
       *[other] Meddelandet skickas till { $count } mottagare.
    } Ingenting sparas eller skickas förrän du bekräftar (knappen eller /bekrafta).
meeting-change-cancelled = Ändringen avbröts; ingenting sparades eller skickades.
meeting-change-expired = Den här ändringen väntar inte längre; skriv kommandot på nytt.
meeting-step-workshop = Nytt möte. Vilken verkstads möte?
meeting-step-date = Vilken dag? Skriv t.ex. 14.5.2009, ons 14.5.2009 eller 14.5.
meeting-step-time = Vilken tid? Skriv t.ex. kl. 9.30–12 eller 13. Hoppa över om tiden inte är bestämd än.
meeting-step-town = I vilken kommun? Välj eller skriv namnet.
meeting-step-venue = I vilken lokal? Skriv t.ex. Kommunhuset, fullmäktigesalen.
meeting-step-skip = Hoppa över
meeting-step-keep = Behåll som förut
attendance-usage = Skriv mötets nummer eller datum, t.ex. /attendance 12 eller /attendance 4.3.2009
attendance-title = <b>Deltagare: { $workshop }, { $date }</b>
attendance-no-answer = har inte svarat
members-title = <b>{ $total } medlemmar</b>
members-list = <b>Medlemmar</b>
members-inactive = (har blockerat boten)
role-usage = Skriv användarens Telegram-nummer, t.ex. /promote 123456789 (till koordinator) eller /promote 123456789 workshop=NYCKEL (till verkstadens representant); /demote tar bort rollen på samma sätt.
role-unknown-user = Användaren { $id } hittas inte; hen måste först starta boten (/start).
role-set = { $name }: { $role }.
role-participant = deltagare
role-coordinator = koordinator
role-admin = administratör
invite-link = Engångsinbjudan att bli koordinator (giltig i 7 dagar): { $link }
invite-accepted = Välkommen som koordinator!
invite-invalid = Inbjudningslänken gäller inte (använd eller föråldrad).
audit-title = <b>Händelselogg</b>
audit-refused = nekad
audit-forgotten = (raderad medlem)
audit-did-add-meeting = lade till mötet { $what }
audit-tried-add-meeting = försökte lägga till ett möte
audit-did-edit-meeting = ändrade mötet { $what }
audit-tried-edit-meeting = försökte ändra mötet { $what }
audit-did-cancel-meeting = ställde in mötet { $what }
audit-tried-cancel-meeting = försökte ställa in mötet { $what }
audit-did-attendance = tittade på deltagarna: { $what }
audit-tried-attendance = försökte titta på deltagarna
audit-did-members = tittade på medlemslistan
audit-tried-members = försökte titta på medlemslistan
audit-did-audit = läste händelseloggen
audit-tried-audit = försökte läsa händelseloggen
audit-did-broadcast = skickade meddelandet { $what }
audit-tried-broadcast = försökte skicka ett meddelande
audit-did-broadcast-confirm = bekräftade meddelandet { $what }
audit-tried-broadcast-confirm = försökte bekräfta meddelandet { $what }
audit-did-broadcast-cancel = avbröt meddelandet { $what }
audit-tried-broadcast-cancel = försökte avbryta meddelandet { $what }
audit-did-datepoll = startade datumförfrågan { $what }
audit-tried-datepoll = försökte starta en datumförfrågan
audit-did-closepoll = stängde datumförfrågan { $what }
audit-tried-closepoll = försökte stänga datumförfrågan { $what }
audit-did-pollresults = tittade på resultaten av datumförfrågan { $what }
audit-tried-pollresults = försökte titta på resultaten av en datumförfrågan
audit-did-import = importerade schemafilen { $what }
audit-tried-import = försökte importera schemafilen { $what }
audit-did-invite = skapade en inbjudningslänk
audit-tried-invite = försökte skapa en inbjudningslänk
audit-did-use-invite = anslöt sig med en inbjudningslänk
audit-tried-use-invite = försökte ansluta sig med en inbjudningslänk
audit-did-minutes = bifogade protokollet till mötet { $what }
audit-tried-minutes = försökte bifoga ett protokoll
audit-did-minutes-replace = ersatte protokollet för mötet { $what }
audit-tried-minutes-replace = försökte ersätta ett protokoll
audit-did-promote = gav koordinatorsrollen: { $what }
audit-tried-promote = försökte ge koordinatorsrollen: { $what }
audit-did-demote = tog bort koordinatorsrollen: { $what }
audit-tried-demote = försökte ta bort koordinatorsrollen: { $what }
audit-did-survey = skickade enkäten { $what }
audit-tried-survey = försökte skicka en enkät
audit-did-survey-confirm = bekräftade enkäten { $what }
audit-tried-survey-confirm = försökte bekräfta enkäten { $what }
audit-did-survey-cancel = avbröt enkäten { $what }
audit-tried-survey-cancel = försökte avbryta enkäten { $what }
audit-did-surveyresults = tittade på svaren på enkäten { $what }
audit-tried-surveyresults = försökte titta på svaren på en enkät
audit-did-promote-representative = utsåg till verkstadens representant: { $what }
audit-tried-promote-representative = försökte utse en verkstadsrepresentant: { $what }
audit-did-demote-representative = tog bort uppdraget som verkstadsrepresentant: { $what }
audit-tried-demote-representative = försökte ta bort uppdraget som verkstadsrepresentant: { $what }
audit-did-staff = tittade på listan över koordinatorer och representanter
audit-tried-staff = försökte titta på listan över koordinatorer och representanter
audit-detail-another-workshop = — en annan verkstads sak
audit-detail-workshops = — { $workshops }
audit-detail-all-workshops = — från alla verkstäder
audit-did-other = gjorde: { $action } { $what }
audit-tried-other = försökte: { $action } { $what }
audit-audience = (mottagare: { $audience })
audit-command-line = Kommandoraden
audit-meeting-gone = { $meeting } (mötet har sedan tagits bort)
audit-detail-not-own = — inte eget
audit-detail-bad-invite = — länken duger inte eller är redan använd
audit-detail-no-change = — ingenting ändrades
audit-detail-was-cancelled = — det var redan inställt
audit-detail-changed = — ändrades: { $fields }
audit-detail-counts = — { $added } nya, { $changed } ändrade och { $cancelled } inställda möten
audit-detail-recipients = — { $count ->
    [one] en mottagare
   *[other] { $count } mottagare
}
audit-detail-version = — version { $version }
audit-detail-file = från schemafilen { $file }
broadcast-no-draft = Du har inget obekräftat meddelande. Skriv först /broadcast och meddelandet.
broadcast-nobody = Meddelandet skulle inte nå någon, så det skickades inte. Välj andra mottagare med knapparna i förhandsvisningen eller avbryt meddelandet (/cancel).
import-preview-title = 📄 <b>{ $file }</b> är i ordning. Så här skulle uppgifterna ändras:
import-confirm = ✅ Importera
import-cancelled = Importen avbröts; ingenting sparades.
import-done-chat = 📄 <b>{ $file }</b> importerad. Medlemmarna får veta om ändringarna.
import-file-type = Skicka schemat som en .yaml-, .yml- eller .csv-fil, eller ett meddelande som text (.txt).
pasted-preview-title = 📋 Jag läste { $count ->
    [one] ett möte
   *[other] { $count } möten
} i texten. Kontrollera innan du importerar:
pasted-nothing-found = Jag hittade inga möten i texten. Skriv datumet helt (4.3.2009) och tiden (kl. 13–15.30) eller orten bredvid.
pasted-not-imported = ⚠️ Importeras inte: { $meeting } – texten säger inte vilken temaverkstads möte det är. Nämn verkstadens namn före datumet.
pasted-which-workshop = 📋 Jag läste { $count ->
    [one] ett möte
   *[other] { $count } möten
} i texten, men inte vilken temaverkstads:
pasted-choose-workshop = Vilken verkstads { $count ->
    [one] möte är det
   *[other] möten är det
}? Välj verkstaden, så får du se en förhandsvisning. Ingenting sparas förrän du bekräftar.
pasted-wrong-weekday = ⚠️ { $date } är en { $actual }, men texten säger { $written }. Kontrollera datumet.
pasted-members-differ = ℹ️ { $workshop }: enligt texten är medlemskommunerna { $stated }, sparade är { $stored }. Medlemskommunerna ändras inte härifrån utan med schemafilen.
pasted-done = 📋 Mötena i texten har importerats. Medlemmarna får veta om ändringarna.
import-expired = Den här importen finns inte längre; skicka filen igen.
broadcast-attachment-photo = 📎 Med en bild.
broadcast-attachment-document = 📎 Med en fil.

## Dataskydd

cmd-privacy = Dataskydd: vad som sparas
start-privacy = Dataskydd: /privacy
privacy-controller =
    <b>Personuppgiftsansvarig:</b> { $controller }
    <b>Dataskyddsombud:</b> { $dpo }
    <b>Rättslig grund för behandlingen:</b> { $basis }
privacy-not-configured = inte angivet – fråga botens administratör
privacy-telegram = <b>Telegram:</b> meddelandena går via Telegrams servrar. Telegram behandlar dem som tjänsteleverantör enligt sina egna användarvillkor och sin integritetspolicy, och uppgifterna kan överföras till och lagras även utanför EU och EES.
privacy-complaint = <b>Rätt att klaga:</b> om du anser att behandlingen av dina personuppgifter strider mot dataskyddslagstiftningen kan du lämna in ett klagomål till tillsynsmyndigheten, dataombudsmannens byrå (tietosuoja.fi/sv).
privacy-notice =
    <b>Dataskydd</b>
    <b>Vad som sparas:</b> numret och namnet på ditt Telegram-konto, språket och kommunen du valt, verkstäderna du följer, tiderna för påminnelser, dina svar om möten samt tid och status för meddelanden som skickats till dig. Koordinatorernas åtgärder förs i en händelselogg, och med ett mötes protokoll sparas vem som bifogade det.
    <b>Enkäter och respons:</b> dina enkätsvar och den respons du ger om möten sparas bland dina uppgifter, men i en anonym enkät sparas i stället för ditt namn bara en kodad märkning som gör att du kan svara en gång och ändra ditt svar; när du raderar dina uppgifter blir dina val i en anonym enkät kvar i resultaten utan koppling till dig.
    <b>Varför:</b> för att berätta om just dina verkstäders möten, påminna om dem och förmedla koordinatorernas meddelanden, och för att koordinatorerna ska se deltagarantalen.
    <b>Hur länge:</b> dina uppgifter sparas tills du ber om att de tas bort. Uppgifterna om skickade meddelanden och händelseloggen raderas efter { $days } dagar. När du raderar dina uppgifter tas ditt namn och numret på ditt Telegram-konto bort från de poster som finns kvar i händelseloggen.
    <b>Vem ser dem:</b> nätverkets koordinatorer (kontakt: /contact). Uppgifterna lämnas inte ut till andra.
    <b>Dina rättigheter:</b> /mydata skickar alla dina uppgifter som en fil; /forget raderar dem.
mydata-none = Ingenting om dig har sparats.
mydata-sent = Här är allt som sparats om dig, som en JSON-fil.
personal-sent-privately = 📬 Jag svarade dig i ett privat meddelande, eftersom svaret innehåller personuppgifter.
personal-ask-privately = 🔒 Fråga mig det här i ett privat meddelande (t.me/{ $bot }): svaret innehåller personuppgifter, som jag inte skickar till gruppen.
forget-ask = Ska alla dina uppgifter raderas: kommun, verkstäder du följer, svar, påminnelser, enkätsvar och din respons på möten? Det går inte att ångra.
forget-yes-button = Radera mina uppgifter
forget-no-button = Radera inte
forget-done = Dina uppgifter är raderade. Om du skriver till mig igen börjar vi från början.
forget-kept = Gärna, ingenting raderades.
forget-nothing = Ingenting om dig hade sparats.
flood-notice = Ett ögonblick – meddelandena kommer så tätt att jag svarar igen om en stund.
cmd-calendar = Möten till kalendern (.ics)
calendar-name = Temaverkstäder
calendar-sent = Här är { $count } möten som en kalenderfil; öppna den i din kalenderapp. Importerar du den igen uppdateras ändrade möten.
calendar-feed =
    Prenumerera på den här adressen i din kalenderapp (”lägg till kalender från webben” eller ”prenumerera”), så hålls kalendern uppdaterad av sig själv:
    <code>{ $url }</code>
    Adressen är personlig: den som har den ser dina möten. Den slutar fungera när du raderar dina uppgifter (/forget).
calendar-workshop-sent = Här är { $count } möten i verkstaden <b>{ $name }</b> som en kalenderfil.
calendar-workshop-feed =
    Verkstadens möten som en kalender att prenumerera på, till exempel i en gemensam kalender:
    <code>{ $url }</code>
calendar-workshop-hint = Bara en verkstads möten: { $example }

## Minutes and the archive

cmd-archive = Hållna möten och protokoll
cmd-minutes = Ett mötes protokoll (nummer: /archive)
minutes-usage =
    Skriv mötets nummer, t.ex. /minutes 12 (numren finns i /archive). I stället för numret går också ett datum (/minutes 4.3.2009) eller verkstad och datum (/minutes kasvatuskumppanuus/4.3.2009).
    En koordinator bifogar protokollet: /minutes 12 och texten, en fil med bildtexten /minutes 12, eller /minutes 12 och sedan texten eller filen.
minutes-unknown-meeting = Jag hittade inget möte ”{ $key }”. Mötenas nummer finns i /archive
minutes-not-yet = Mötet { $meeting } har inte börjat än. Protokollet kan bifogas först när mötet har hållits.
minutes-meeting-cancelled = Mötet { $meeting } ställdes in och har därför inget protokoll.
minutes-saved =
    { $count ->
        [one] 📝 Protokollet sparat: { $meeting }. Ett meddelande går till 1 mottagare.
       *[other] 📝 Protokollet sparat: { $meeting }. Ett meddelande går till { $count } mottagare.
    }
minutes-replaced = 📝 Protokollet uppdaterat: { $meeting }. Inget nytt meddelande skickas; meddelandets knapp visar alltid den senaste versionen.
minutes-send-now = 📝 Skicka protokollet för mötet { $meeting } nu: skriv det som ett meddelande eller skicka en fil (inom 15 minuter). Ditt nästa meddelande sparas som protokoll.
minutes-send-replaces = En ny text ersätter den nuvarande texten och en ny fil den nuvarande filen (protokollet bifogat { $date }).
minutes-current-button = 📝 Nuvarande protokoll
minutes-stop-button = Avbryt
minutes-stopped = Okej, jag väntar inte på något protokoll.
minutes-not-waiting = Jag väntade inte på något protokoll från dig.
minutes-file-too-large = Filen är för stor (högst { $limit }).
minutes-none = Mötet { $meeting } har inget protokoll än.
minutes-title = 📝 <b>Protokoll: { $meeting }</b>
minutes-file = 📎 Fil: { $name }
minutes-notice-title = 📝 <b>Mötets protokoll finns att läsa</b>
minutes-notice-read = Läs det med knappen eller skriv /minutes { $meeting }
minutes-read-button = 📝 Läs protokollet
archive-title = 🗂 <b>Arkiv: { $scope }</b>
archive-range = Möten { $first }–{ $last } av { $total }, det senaste först.
archive-scope-all = alla verkstäder
archive-scope-own = dina verkstäder
archive-minutes = 📝 Protokoll: /minutes { $id }
archive-no-minutes = Inget protokoll (möte { $id })
archive-none = Det finns inga hållna möten.

## Datumförfrågningar

poll-usage =
    Skriv verkstaden efter kommandot och de föreslagna dagarna på var sin rad, till exempel:
    /datepoll kasvatuskumppanuus deadline=1.3.2027
    10.3.2027 kl. 13.00–15.30 Lojo
    17.3.2027 kl. 9.00–11.30 Kervo
    Svarstiden (deadline=) kan utelämnas; då går det att svara i en vecka.
poll-line-problem = Rad { $line }: { $problem }
poll-line-unreadable = ”{ $text }” är inget datumförslag; skriv dag, klockslag och ort, t.ex. 10.3.2027 kl. 13.00–15.30 Lojo
poll-not-saved = Förfrågan sparades inte.
poll-candidate-count = En förfrågan ska ha 2–{ $most } föreslagna dagar, nu har den { $count }. Förfrågan sparades inte.
poll-candidate-past = Förslag { $number } har redan varit. Förfrågan sparades inte.
poll-deadline-past = Svarstiden har redan gått ut. Ange en kommande dag, t.ex. deadline=1.3.2027. Förfrågan sparades inte.
poll-preview = 🗓 <b>Förhandsvisning: datumförfrågan { $poll }</b> ({ $workshop }). Förfrågan skickas till { $count } medlemmar när du bekräftar den.
poll-preview-nobody = 🗓 <b>Förhandsvisning: datumförfrågan { $poll }</b> ({ $workshop }). Verkstadens kommuner har inga medlemmar att fråga.
poll-preview-deadline = Svarstiden går ut { $deadline }.
poll-holiday = ⚠️ helgdag: { $name }
poll-clash = ⚠️ möte samtidigt: { $workshops }
poll-confirm = ✅ Bekräfta
poll-cancel = Avbryt
poll-started = 🗓 Datumförfrågan { $poll } skickas till { $count } medlemmar. Resultatet ser du med /pollresults { $poll }.
poll-running = 🗓 Datumförfrågan { $poll }: svaren uppdateras här allteftersom de kommer in.
poll-cancelled = Datumförfrågan { $poll } avbröts; ingenting skickades.
poll-not-a-draft = Datumförfrågan { $poll } är redan bekräftad eller avbruten.
poll-nobody = Verkstadens kommuner har inga medlemmar, så förfrågan skickades inte.
poll-title = 🗓 <b>Datumförfrågan { $poll }: { $workshop }</b>
poll-intro = Vilka dagar passar dig? Svara på varje förslag med knapparna eller skriv t.ex. /vote { $poll } 1 ja (ja, kanske eller nej). Du kan ändra dina svar till { $deadline }.
poll-candidate = { $number }. { $when }
poll-candidate-town = { $number }. { $when }, { $town }
poll-your-answer = – ditt svar: <b>{ $answer }</b>
poll-answer-yes = ja
poll-answer-maybe = vid behov
poll-answer-no = nej
poll-button-yes = { $number }: ja
poll-button-maybe = { $number }: vid behov
poll-button-no = { $number }: nej
poll-vote-usage = Skriv förfrågans nummer, förslagets nummer och ditt svar, t.ex. /vote 3 2 ja (ja, kanske eller nej).
poll-voted = Tack! Ditt svar på förslag { $line } i förfrågan { $poll }: <b>{ $answer }</b>.
poll-not-found = Det finns ingen datumförfrågan { $poll }.
poll-no-candidate = Förfrågan { $poll } har inget förslag { $number }. Ingenting sparades.
poll-closed = Datumförfrågan { $poll } är redan avslutad, så svaret sparades inte.
poll-not-asked = Förfrågan { $poll } gäller medlemmarna i verkstadens kommuner, och din kommun är inte med i verkstaden. Svaret sparades inte.
poll-results-usage = Skriv förfrågans nummer, t.ex. /pollresults 3
poll-results-title = 🗓 <b>Resultatet av datumförfrågan { $poll }: { $workshop }</b>
poll-results-open = Svarstiden går ut { $deadline }.
poll-results-ended = Svarstiden gick ut { $deadline }.
poll-results-line = ja { $yes }, vid behov { $maybe }, nej { $no } – { $can } av { $total } kommuner kan delta
poll-results-maybe = (vid behov: { $names })
poll-results-silent = Har inte svarat: { $names }
poll-results-all-answered = Alla kommuner har svarat.
poll-results-suggestion = Förslag: <b>{ $line }</b>
poll-results-no-suggestion = Ingen har ännu svarat ja till någon dag.
poll-results-close-hint = Gör förslaget till ett möte med knappen eller med /closepoll { $poll } { $number }.
poll-close-button = Gör till möte: { $number }
poll-close-usage = Skriv förfrågans nummer och de valda förslagen, t.ex. /closepoll 3 2 eller /closepoll 3 1,3,5
poll-already-closed = Datumförfrågan { $poll } är redan avslutad.
poll-made-meetings = Datumförfrågan { $poll } är avslutad. Nya möten ({ $workshop }), som medlemmarna får meddelande och påminnelser om:
poll-meeting-line = • { $when } (möte { $id })
poll-nudge = ⏳ <b>Påminnelse:</b> svarstiden för datumförfrågan { $poll } ({ $workshop }) går ut { $deadline }, och ingen från din kommun har svarat ännu.
poll-result-title = 🗓 <b>Svarstiden för datumförfrågan { $poll } har gått ut.</b>
cmd-vote = Svara på en datumförfrågan
## Enkäter
survey-format-too-long = Enkäten är för lång (högst { $limit } tecken).
survey-format-no-title = Enkäten saknar rubrik: skriv den på första raden efter kommandot /survey och de numrerade frågorna under den.
survey-format-no-questions = Enkäten har inga frågor. Skriv frågorna numrerade under rubriken, till exempel: 1. Passar tiden? | Ja | Nej
survey-format-not-numbered = Raden ”{ $line }” är inte fråga { $number }. Numrera frågorna i ordning: 1., 2., 3. …
survey-format-empty-question = Fråga { $number } saknar text.
survey-format-no-options = Fråga { $number } har inga svarsalternativ. Lägg till dem efter ett lodrätt streck (| Ja | Nej) eller märk frågan som en skala (1-5) eller som en öppen fråga (fritt).
survey-format-options-not-wanted = Fråga { $number } besvaras på en skala eller med egna ord och kan därför inte ha alternativ.
survey-format-too-many-options = Fråga { $number } har för många alternativ (högst { $limit }).
survey-format-option-too-long = Ett alternativ i fråga { $number } är för långt (högst { $limit } tecken).
survey-format-bad-scale = Skalan i fråga { $number } duger inte: skriv till exempel (1-5), högst { $limit } steg.
survey-format-too-many-questions = Enkäten har för många frågor (högst { $limit }).
survey-format-title-too-long = Enkätens rubrik är för lång (högst { $limit } tecken).
survey-format-bad-deadline = Svarstiden ”{ $value }” duger inte. Skriv ett datum i formen D.M.ÅÅÅÅ, till exempel deadline=15.3.2009.
survey-format-yaml = Enkätfilen kunde inte läsas: { $detail }
survey-usage = Skriv enkäten i ett meddelande: /survey [workshop=NYCKEL] [municipality=KOMMUN] [deadline=D.M.ÅÅÅÅ] [anonymous], på nästa rad rubriken och under den de numrerade frågorna. Formatet beskrivs i anvisningen (README).
survey-file-too-large = Enkätfilen är för stor.
survey-preview = 📋 <b>Förhandsvisning</b> – enkät { $survey }, { $count } mottagare. Så här ser medlemmarna frågorna. Bekräfta, så skickas enkäten.
survey-preview-nobody = 📋 <b>Förhandsvisning</b> – enkät { $survey } skulle inte nå någon. Kontrollera verkstäderna och kommunerna eller avbryt enkäten.
survey-confirm = ✅ Bekräfta
survey-cancel = Avbryt
survey-cancelled = Enkät { $survey } avbröts och skickades inte.
survey-nobody = Enkäten skulle inte nå någon, så den skickades inte.
survey-sent = 📋 Enkät { $survey } skickas till { $count } mottagare. Resultat: /surveyresults { $survey }
survey-title = 📋 <b>Enkät { $survey }: { $title }</b>
survey-deadline = Svara senast { $date }.
survey-anonymous = Enkäten är anonym: svaren visas inte med namn.
survey-kind-one = välj ett
survey-kind-several = du kan välja flera
survey-kind-scale = skala { $low }–{ $high }
survey-kind-text = svara med egna ord
survey-question-of = Fråga { $number }/{ $total }
survey-write-answer = Skriv ditt svar som ett meddelande.
survey-done = Klar
survey-skip = Hoppa över
survey-reminder = ⏰ Påminnelse: du har ännu inte svarat på enkäten.
survey-thanks = ✅ Tack! Ditt svar på enkät { $survey } har sparats. Du kan ändra det fram till svarstidens slut: /answer { $survey }
survey-answer-usage = Svara så här: /answer ENKÄT FRÅGA SVAR, till exempel /answer 3 2 1,3 (alternativ 1 och 3). Enbart /answer ENKÄT visar frågorna med knappar.
survey-bad-value = Svaret passar inte fråga { $question }: ange alternativets nummer, flera åtskilda med kommatecken, ett tal på skalan eller fri text.
survey-closed = Svarstiden för enkät { $survey } har gått ut.
survey-deadline-passed-already = Svarstiden har redan gått ut. Ange ett kommande datum.
survey-no-such-question = Enkät { $survey } har ingen fråga { $question }.
survey-not-a-draft = Enkät { $survey } har redan skickats eller avbrutits.
survey-not-for-you = Enkät { $survey } är inte riktad till dig.
survey-unknown = Enkät { $survey } hittades inte.
survey-no-municipality = Jag känner inte till kommunen ”{ $name }”.
survey-no-workshop = Jag känner inte till verkstaden ”{ $name }”. Se verkstädernas nycklar: /workshops
survey-results-usage = Skriv enkätens nummer, t.ex. /surveyresults 3
survey-results-title = 📊 <b>Resultat av enkät { $survey }: { $title }</b>
survey-results-respondents = { $count } har svarat, från { $towns } av { $total } kommuner.
survey-results-option = { $option }: { $count } – { $towns } av { $total } kommuner
survey-results-average = Medelvärde { $average } ({ $count ->
        [one] 1 svar
       *[other] { $count } svar
    })
survey-results-words-hidden = { $count ->
        [one] 1 person har
       *[other] { $count } personer har
    } svarat med egna ord; svaren visas när minst { $least } har svarat.
survey-results-no-answers = Inga svar ännu.
survey-results-silent = Har inte svarat ännu: { $municipalities }
survey-results-all-answered = Alla kommuner har svarat.

## Roller: verkstädernas representanter, /staff och hjälp enligt roll

role-representative = verkstadens representant
representative-granted = { $name } är nu verkstadens representant: { $workshops }.
representative-removed = { $name } är inte längre verkstadens representant: { $workshops }.
representative-removed-all = { $name } är inte längre representant för någon verkstad.
representative-only = Som representant kan du bara sköta din egen verkstads ärenden: { $workshops }.
staff-title = <b>Administratörer, koordinatorer och verkstädernas representanter</b>
staff-nobody = Ännu ingen.
help-representative = <b>Som verkstadens representant</b> – bara din egen verkstads ärenden: { $workshops }
help-workshop-tools = <b>Verkstädernas ärenden</b> (även verkstädernas representanter, var och en för sin egen verkstad)
help-coordinator = <b>Som koordinator</b> i hela nätverket
help-administrator = <b>Som administratör</b>
cmd-join = Gå med i en verkstad
cmd-leave = Lämna en verkstad
cmd-going = Jag kommer till mötet
cmd-notgoing = Jag kommer inte till mötet
cmd-maybe = Jag kommer kanske till mötet
cmd-answer = Svara på en enkät
cmd-members = Antal medlemmar per kommun och verkstad
cmd-mydata = Uppgifterna som sparats om mig
cmd-forget = Radera mina uppgifter
cmd-broadcast = Meddelande till medlemmarna, med förhandsvisning
cmd-confirm = Bekräfta ett väntande meddelande eller en ändring
cmd-cancel = Avbryt ett väntande meddelande eller en ändring
cmd-addmeeting = Lägg till ett möte
cmd-editmeeting = Ändra ett möte
cmd-cancelmeeting = Ställ in ett möte
cmd-attendance = Vilka som kommer till ett möte
cmd-datepoll = Datumförfrågan om nästa möte
cmd-pollresults = Datumförfrågans resultat
cmd-closepoll = Stäng en datumförfrågan
cmd-survey = Enkät till medlemmarna
cmd-surveyresults = Enkätens resultat
cmd-feedback = Ge respons på ett möte
cmd-feedbackresults = Responsen på ett möte
cmd-staff = Administratörer, koordinatorer och representanter
cmd-promote = Utse verkstadens representant (workshop=NYCKEL); en administratör även koordinator
cmd-demote = Ta bort rollen som representant eller koordinator
cmd-link = Koppla en grupp till en verkstad
cmd-audit = Händelselogg
cmd-invite = Engångsinbjudan till koordinator
cmd-status = Utskickskön just nu

## Respons efter mötet

feedback-question =
    💬 <b>Hur gick mötet?</b>
    { $meeting }
    Ge mötet ett betyg från 1 till 5 (1 = svagt, 5 = utmärkt). Koordinatorerna ser responsen utan namn.
    Du kan också skriva: /feedback { $id } 4 och din kommentar
feedback-thanks-ask-comment =
    ✅ Tack! Ditt betyg { $grade } har sparats: { $meeting }
    Om du vill kan du ännu skriva en kort kommentar som nästa meddelande. Betyget kan du ändra med knapparna.
feedback-skip-comment = Ingen kommentar
feedback-no-comment = Okej, ingen kommentar. Tack för responsen!
feedback-not-waiting = Okej! Din respons är sparad.
feedback-comment-saved = ✅ Tack, din kommentar har sparats med responsen.
feedback-thanks = ✅ Tack! Ditt betyg { $grade } har sparats: { $meeting }
feedback-thanks-comment = ✅ Tack! Ditt betyg { $grade } och din kommentar har sparats: { $meeting }
feedback-usage = Ge respons så här: /feedback MÖTE BETYG [KOMMENTAR], till exempel /feedback 12 4 Bra diskussion. MÖTE är mötets nummer (/archive), datum eller verkstad/datum.
feedback-bad-grade = Betyget ska vara ett heltal från 1 till 5.
feedback-unknown = Jag hittade inget möte ”{ $meeting }”. Mötenas nummer finns i /archive
feedback-ambiguous = ”{ $key }” passar flera möten. Välj med numret: { $choices }
feedback-cancelled = Möte { $meeting } ställdes in, så det går inte att ge respons på det.
feedback-not-yet = Möte { $meeting } har inte hållits ännu. Du kan ge respons efter mötet.
feedback-not-for-you = Du kan inte ge respons på möte { $meeting }: det gäller inte din kommun eller dina verkstäder, och du anmälde dig inte till det.
feedback-results-usage = Skriv mötets nummer, t.ex. /feedbackresults 12
feedback-results-title = 💬 <b>Respons: { $meeting }</b>
feedback-results-none = Ingen har gett respons ännu.
feedback-results-summary = { $count ->
        [one] 1 svar
       *[other] { $count } svar
    }, medelvärde { $average }
feedback-results-comments = <b>Kommentarer</b> (utan namn):
archive-feedback = 💬 Respons { $average } ({ $count ->
        [one] 1 svar
       *[other] { $count } svar
    })

## Kommandoraden (python -m bot), på språket i BOT_DEFAULT_LANGUAGE
cli-description = `python -m bot`: kör boten, importera ett schema, uppdatera databasen, ladda demonätverket, säkerhetskopiera databasen eller prova boten i en terminal utan Telegram.
cli-command-metavar = KOMMANDO
cli-help-run = kör boten (long polling eller webhook); uppdaterar databasen först
cli-help-webhook = ta emot uppdateringar på den här https-adressen
cli-help-listen = var webbservern lyssnar (webhook, /healthz, /metrics, kalenderflöden; bakom en TLS-proxy); med --webhook är standard { $default }, utan den körs servern bara när detta anges
cli-help-import = importera en schemafil (YAML eller CSV) eller ett meddelande (text)
cli-help-file = schemafilen
cli-help-dry-run = kontrollera och berätta, spara ingenting
cli-help-prune = ta bort möten som inte längre finns i filen
cli-help-format = när filnamnet inte säger det; text är ett meddelande med nätverkets egna ord
cli-help-db = databasunderhåll
cli-help-upgrade = upgrade: gör databasens uppdateringar
cli-help-demo = ladda demonätverket i en tom databas
cli-help-backup = kopiera SQLite-databasen till PATH, konsekvent, medan boten kör
cli-description-backup = En konsekvent kopia av SQLite-databasen i DATABASE_URL, gjord medan boten kör. PostgreSQL säkerhetskopieras med pg_dump; återställning: docs/operations.md.
cli-help-backup-path = den nya filen (får inte finnas)
cli-help-console = prova boten utan Telegram: demonätverket och en chatt i den här terminalen
cli-description-console = Boten i demonätverket från 2009 med ett inbyggt lokalt Bot API, och du chattar i den här terminalen: skriv text eller kommandon, en siffra trycker på en knapp. Databasen är data/console/verstas.sqlite3, ny vid varje start; filer som boten skickar hamnar i data/console/files/ och dess logg i data/console/bot.log.
cli-help-at = botens ”nu” under demosäsongen i BOT_TIMEZONE, t.ex. '1.3.2009 12.00' (standard 8.1.2009 9.25); klockan går vidare i realtid därifrån
cli-help-language = språket i din (tänkta) Telegram-app; standard fi
cli-help-admin = var administratör för att prova koordinatorernas verktyg
cli-help-console-listen = kör också webbservern (/healthz, /metrics, kalenderflöden), t.ex. 127.0.0.1:8080
cli-needs-host-port = HOST:PORT behövs, t.ex. { $example }
cli-listen-needs = --listen behöver HOST:PORT, t.ex. { $example }
cli-webhook-needs = --webhook behöver en http(s)-adress
cli-no-token = BOT_TOKEN saknas: skapa en bot med @BotFather i Telegram (/newbot) och ange dess token i miljön eller i .env som BOT_TOKEN=...
cli-token-refused = Bot API godtog inte BOT_TOKEN: kontrollera token
cli-api-unreachable = Bot API på BOT_API_BASE_URL går inte att nå: { $error }
cli-no-such-file = { $path }: filen finns inte
cli-unreadable = { $path }: filen kan inte läsas ({ $reason })
cli-file-type = { $path }: ge filen ändelsen .yaml, .yml, .csv eller .txt, eller ange --format
cli-backup-failed = säkerhetskopieringen misslyckades: { $error }
cli-backup-written = säkerhetskopian skriven: { $path } ({ $size } byte)
cli-database-up-to-date = databasen är uppdaterad
cli-demo-not-loaded = databasen har redan nätverket ”{ $network }”; demodata laddades inte
cli-argparse-usage = användning:
cli-argparse-error = %(prog)s: fel: %(message)s
cli-argparse-required = de här argumenten saknas: %s
cli-argparse-choice = okänt val %(value)r (välj bland %(choices)s)
cli-argparse-unrecognized = okända argument: %s
cli-argparse-argument = argumentet %(argument_name)s: %(message)s
cli-argparse-one-argument = ett värde behövs
cli-argparse-invalid-value = ogiltigt värde %(value)r
cli-argparse-ambiguous = tvetydigt val: %(option)s kan betyda %(matches)s
cli-argparse-positional = argument
cli-argparse-options = val
cli-argparse-help = visa den här hjälpen och avsluta
