## Verstas, suomeksi (oletuskieli).

-bot = Verstas

## Komentovalikko

cmd-start = Aloita ja valitse kuntasi
cmd-help = Ohje ja komennot

## Aloitus ja ohje

start-greeting =
    Hei { $name }! Olen { -bot }, teemaverstaiden kokousbotti.
    Kerron verstaidesi seuraavat kokoukset, muistutan ennen jokaista kokousta ja välitän koordinaattorien tiedotteet.
start-network = Verkosto: <b>{ $network }</b>.
start-no-network = Kokoustietoja ei ole vielä tuotu.
help-title = <b>{ -bot } – komennot</b>
unknown-command = En tunne komentoa { $command }. Katso /help.
error-generic = Valitettavasti jokin meni vikaan. Yritä hetken kuluttua uudelleen.

## Aikataulun tuonti

import-where-line = rivi { $line }
import-where-row = rivi { $line }
import-where-file = tiedosto
import-error-missing = pakollinen tieto puuttuu
import-error-unknown_field = tuntematon kenttä (kirjoitusvirhe?)
import-error-not_text = pitää olla tekstiä
import-error-not_list = pitää olla luettelo
import-error-not_mapping = pitää olla kenttiä (nimi: arvo)
import-error-not_number = pitää olla numero
import-error-too_long = liian pitkä (enintään { $limit } merkkiä)
import-error-empty = ei saa olla tyhjä
import-error-bad_status = pitää olla scheduled tai cancelled
import-error-bad_date = ”{ $value }” ei ole päivämäärä; kirjoita 15.1.2009 tai 2009-01-15
import-error-no_such_date = päivää { $value } ei ole kalenterissa
import-error-day_without_year = päivämäärästä { $value } puuttuu vuosi; kirjoita esim. 25.3.2009
import-error-bad_time = ”{ $value }” ei ole kellonaika; kirjoita esim. 09:30 tai 13.00
import-error-end_without_start = loppuaika ilman alkuaikaa
import-error-end_before_start = loppuaika { $end } ei ole alkuajan { $start } jälkeen
import-error-bad_key = ”{ $value }” ei kelpaa tunnukseksi; käytä pieniä kirjaimia a–z, numeroita ja viivaa
import-error-bad_timezone = ”{ $value }” ei ole tunnettu aikavyöhyke; esim. Europe/Helsinki
import-error-invalid = virheellinen arvo ({ $detail })
import-error-duplicate_field = kenttä on kahteen kertaan
import-error-duplicate_municipality = kunta { $value } on luettelossa kahteen kertaan
import-error-duplicate_workshop = verstaan tunnus { $value } on käytössä jo aiemmin
import-error-duplicate_meeting = kokouksen tunnus { $value } on käytössä jo aiemmin tässä verstaassa; anna kokoukselle oma key
import-error-unknown_municipality = kuntaa { $value } ei ole municipalities-luettelossa
import-error-unknown_workshop = verstasta { $value } ei löydy; käytä verstaan tunnusta tai tarkkaa nimeä
import-error-unknown_column = tuntematon sarake
import-error-missing_column = sarake puuttuu otsikkoriviltä
import-error-too_many_cells = rivillä on enemmän soluja kuin otsikkorivillä
import-error-csv_syntax = CSV-tiedosto on rikki ({ $detail })
import-error-yaml_syntax = YAML-tiedosto on rikki ({ $detail })
import-error-not_utf8 = tiedosto ei ole UTF-8-tekstiä; tallenna se Excelissä muodossa ”CSV UTF-8 (pilkuin erotettu)” tai muussa ohjelmassa UTF-8-merkistöllä
import-error-empty_file = tiedosto on tyhjä
import-error-too_large = tiedosto on liian suuri (enintään { $limit })
import-error-too_deep = tiedostossa on liian monta sisäkkäistä tasoa (enintään { $limit })
import-invalid =
    { $count ->
        [one] Tiedostossa on 1 virhe; mitään ei tallennettu.
       *[other] Tiedostossa on { $count } virhettä; mitään ei tallennettu.
    }
import-done = Tuonti valmis: { $added } uutta, { $changed } muuttunutta, { $cancelled } peruttua, { $unchanged } ennallaan olevaa kokousta.
import-dry-run = Kokeilu (--dry-run): mitään ei tallennettu.
import-text-nothing = Tekstistä ei tuotu mitään.
import-nothing-changed = Ei muutoksia: tiedosto vastaa jo tallennettuja tietoja.
import-added-workshops = Uudet verstaat: { $list }
import-added-municipalities = Uudet kunnat: { $list }
import-municipality-changed = ~ kunta { $name }: { $fields }
import-workshop-changed = ~ verstas { $name }: { $fields }
import-coordinator-added = + yhteyshenkilö { $name }
import-coordinator-changed = ~ yhteyshenkilö { $name }: { $fields }
import-coordinator-removed = − yhteyshenkilö { $name } poistettu
import-role-granted = ★ { $name } ({ $id }) tulee koordinaattoriksi
import-role-withheld = { $name } ({ $id }) ei tule koordinaattoriksi: roolin antaa vain ylläpitäjän tekemä tuonti
import-meeting-added = + { $workshop }: { $what }
import-meeting-changed = ~ { $workshop } { $date } — { $fields }
import-meeting-cancelled = × { $workshop } { $date } peruttu
import-meeting-missing = ? { $workshop } { $date } puuttuu tiedostosta (poistetaan vain --prune-valitsimella)
import-meeting-removed = − { $workshop } { $date } poistettu

## Kenttien nimet tuonnin esikatselussa, virheissä ja tapahtumalokissa
field-workshop = verstas
field-date = päivämäärä
field-time = aika
field-start = alkaa
field-end = päättyy
field-place = paikka
field-venue = tila
field-address = osoite
field-agenda = asialista
field-key = tunnus
field-status = tilanne
field-title = otsikko
field-name = nimi
field-name_sv = ruotsinkielinen nimi
field-name_en = englanninkielinen nimi
field-aliases = muut nimet
field-description = kuvaus
field-municipalities = kunnat
field-network = verkosto
field-email = sähköposti
field-phone = puhelin
field-telegram_id = Telegram-tunnus
meeting-status-scheduled = sovittu
meeting-status-cancelled = peruttu
import-would = Tuodaan: { $added } uutta, { $changed } muuttuvaa, { $cancelled } peruttavaa ja { $unchanged } ennallaan pysyvää kokousta.
import-error-unknown_workshop_suggestion = verstasta ”{ $value }” ei löydy — tarkoititko { $suggestion }?
import-error-unknown_municipality_suggestion = kuntaa ”{ $value }” ei ole municipalities-luettelossa — tarkoititko { $suggestion }?
import-error-not_member_town = { $value } ei ole verkoston kunta; tarkista nimi (tallennetaan silti)
import-error-not_member_town_suggestion = { $value } ei ole verkoston kunta — tarkoititko { $suggestion }?

## Kokeilu ilman Telegramia (python -m bot console)

console-note = Kokeilu ilman Telegramia: { -bot } käyttää esimerkkiverkostoa, ja sen kello käy kuin nyt olisi { $moment } (toisen hetken voi valita: --at).
console-help = Kirjoita viesti tai komento (aloita komennolla /start); painikkeen numero painaa painiketta. Usean rivin viesti: liitä se kerralla, tai kirjoita ensin rivi """, sitten viestin rivit ja lopuksi tyhjä rivi. /file POLKU [kuvateksti] lähettää tiedoston. /quit tai Ctrl-D lopettaa.
console-admin = Olet ylläpitäjä (--admin): koordinaattorien komennot toimivat.
console-web = Verkkopalvelin vastaa osoitteessa { $url }: /healthz, /metrics ja kalenterisyötteet.
console-bot = { -bot }:
console-bot-edited = { -bot } (muokkasi viestiä):
console-bot-alert = { -bot } (ilmoitus):
console-pressed = → { $button }
console-no-button = Painiketta { $number } ei ole; painikkeet ovat 1–{ $count }.
console-link = Painike avaa osoitteen { $url }
console-file-saved = Tiedosto tallennettu: { $path }
console-file-usage = Kirjoita /file ja tiedoston polku, esim. /file tiedote.txt tai /file "pöytäkirja 4.3.pdf" /minutes 3.
console-file-unreadable = Tiedostoa { $path } ei voi lukea: { $reason }
console-file-sent = → tiedosto { $name } ({ $size } tavua)

## Komentovalikko (lisää)

cmd-next = Seuraava kokous
cmd-meetings = Tulevat kokoukset
cmd-workshops = Teemaverstaat, liity tai eroa
cmd-municipality = Valitse kuntasi
cmd-language = Kieli: suomi, svenska, English
cmd-contact = Koordinaattorien yhteystiedot

## Rekisteröityminen

start-choose = Valitse kuntasi, niin kerron juuri sinun verstaidesi kokoukset:
start-registered = Kuntasi: <b>{ $municipality }</b>. Kysy vaikka /next tai ”milloin on seuraava kokous?”.
municipality-ask = Valitse kuntasi:
municipality-not-found = En löytänyt kuntaa ”{ $name }”. Valitse listasta:
municipality-chosen = Kuntasi on nyt <b>{ $municipality }</b>.
municipality-following = Seuraat näitä teemaverstaita:
municipality-no-workshops = { $municipality } ei ole mukana yhdessäkään teemaverstaassa. Voit liittyä verstaisiin: /workshops
language-ask = Valitse kieli:
language-set = Selvä, puhun nyt suomea.
button-outdated = Tämä painike on vanhentunut. Kokeile komentoa uudelleen.

## Kokoukset

next-title = <b>Seuraavat kokoukset</b>
next-none = Tulevia kokouksia ei ole tiedossa.
next-none-since = Tulevia kokouksia ei ole tiedossa. Edellinen kokous oli { $date } ({ $workshop }).
next-not-registered = Näytän kaikkien verstaiden kokoukset. Valitse kuntasi (/municipality), niin näet omasi.
next-unknown-word = En tunnistanut verstasta enkä paikkakuntaa ”{ $word }”. Katso /workshops.
meeting-time-open = kellonaika ei vielä tiedossa
meeting-place-open = Paikka ei vielä tiedossa
meeting-cancelled = <b>PERUTTU</b>
meeting-agenda = Asialista:
meetings-title = <b>Kokoukset</b> { $first }–{ $last } / { $total }
meetings-none = Ei kokouksia näillä ehdoilla.
meetings-more = Lisää ›
meetings-no-page = Sivua { $page } ei ole; sivuja on { $pages }.
# Vastauksen ensimmäinen rivi kertoo, miten kysymys ymmärrettiin. $filters on paikka ja
# aika välilyönnin jälkeen (" Lohjalla maaliskuussa 2027") tai tyhjä.
heard-next = Seuraavat kokoukset{ $filters }:
heard-next-workshop = Verstaan { $workshop } seuraava kokous{ $filters }:
heard-meetings = Kokoukset { $first }–{ $last } / { $total }{ $filters }:
heard-meetings-workshop = Verstaan { $workshop } kokoukset { $first }–{ $last } / { $total }{ $filters }:
heard-meetings-none = Kokoukset{ $filters }:
heard-meetings-none-workshop = Verstaan { $workshop } kokoukset{ $filters }:
# Suomeksi paikkakunta annetaan valmiiksi taivutettuna: ”Lohjalla”, ”Kotkassa”.
heard-in-town = { $town }
heard-today = tänään
heard-tomorrow = huomenna
heard-day = { $date }
heard-this-week = tällä viikolla
heard-next-week = ensi viikolla
heard-month = { $month ->
    [1] tammikuussa
    [2] helmikuussa
    [3] maaliskuussa
    [4] huhtikuussa
    [5] toukokuussa
    [6] kesäkuussa
    [7] heinäkuussa
    [8] elokuussa
    [9] syyskuussa
    [10] lokakuussa
    [11] marraskuussa
   *[12] joulukuussa
} { $year }
heard-days = { $first }–{ $last }
heard-and = ja
heard-elsewhere = { $town_in } ei ole tulossa kokouksia – { $town } ei kuulu verkostoon. Verkoston kunnat ovat { $members }.
meetings-details = Tiedot ›

## Verstaat ja yhteystiedot

workshops-title = <b>Teemaverstaat</b>
workshop-municipalities = Kunnat: { $list }
workshop-following = ✓ Seuraat tätä verstasta.
workshop-join = Liity: { $name }
workshop-leave = Eroa: { $name }
workshop-joined = Seuraat nyt verstasta <b>{ $name }</b>.
workshop-already-following = Seuraat jo verstasta <b>{ $name }</b>.
workshop-left = Et enää seuraa verstasta <b>{ $name }</b>.
workshop-not-following = Et seuraa verstasta <b>{ $name }</b>.
workshop-not-found = En löytänyt verstasta ”{ $word }”. Verstaat: { $keys }
workshop-usage = Kirjoita komennon perään verstaan tunnus, esim. { $example }
contact-title = <b>Yhteystiedot</b>
contact-none = Yhteystietoja ei ole vielä tuotu.
contact-email = Sähköposti:
contact-phone = Puh.

## Kysymykset ja ryhmät

question-not-understood = En ymmärtänyt kysymystä. Voit kysyä esimerkiksi ”milloin on seuraava kokous?”, ”seuraava kokous Lohjalla” tai ”mitä kokouksia on maaliskuussa?”, tai käyttää komentoja:
group-hello = Hei! Kysykää minulta /next, niin kerron seuraavan kokouksen. Koordinaattori voi liittää ryhmän verstaaseen komennolla /link.
group-linked = Tämä ryhmä seuraa nyt verstasta <b>{ $name }</b>.
link-not-allowed = Vain koordinaattori voi liittää ryhmän verstaaseen.
link-only-in-groups = Komento /link toimii ryhmäkeskustelussa.

## Muistutukset ja muutokset

reminder-title = ⏰ <b>Muistutus tulevasta kokouksesta</b>
reminder-rsvp = Tuletko? Vastaa napeilla tai kirjoita /going { $meeting }, /notgoing { $meeting } tai /maybe { $meeting }.
rsvp-going = Tulen
rsvp-not-going = En pääse
rsvp-maybe = Ehkä
rsvp-saved = Kiitos! Vastauksesi kokoukseen { $date } ({ $workshop }): <b>{ $answer }</b>.
rsvp-usage = Kirjoita komennon perään kokouksen numero muistutuksesta tai kokouksen päivämäärä, esim. { $example }
rsvp-unknown-meeting = En löytänyt kokousta ”{ $key }”.
meeting-unknown = En löytänyt kokousta ”{ $key }”. Kokouksen voi nimetä numerolla, päivämäärällä (4.3.2009), avaimella tai verstaalla ja päivämäärällä (kasvatuskumppanuus/4.3.2009).
meeting-ambiguous = ”{ $key }” sopii usealle kokoukselle. Valitse kokous:
meeting-ambiguous-typed = ”{ $key }” sopii usealle kokoukselle. Kirjoita komento uudelleen kokouksen numerolla:
meeting-number = nro { $id }
change-title = 📅 <b>Kokous on muuttunut</b>
change-date = Päivä: { $old } → { $new }
change-time = Aika: { $old } → { $new }
change-clock = klo { $time }
change-place = Paikka: { $old } → { $new }
change-none = ei tiedossa
cancellation-title = ❌ <b>Kokous on peruttu</b>
reminders-current = Muistutukset tulevat { $offsets } ennen kokousta.
reminders-default = (verkoston oletus)
reminders-off = Et saa muistutuksia. Ota ne käyttöön esim. komennolla /reminders 7d,1d.
reminders-set = Selvä! Muistutukset tulevat nyt { $offsets } ennen kokousta.
reminders-turned-off = Selvä, en lähetä sinulle muistutuksia.
reminders-bad = ”{ $value }” ei kelpaa. Kirjoita esim. /reminders 1d,2h (d = päivää, h = tuntia, m = minuuttia) tai /reminders off.
reminders-too-many = Muistutuksia voi olla enintään { $limit }. Valitse niistä tärkeimmät, esim. /reminders 7d,1d,2h.
offset-d = { $n ->
        [one] 1 päivä
       *[other] { $n } päivää
    }
offset-h = { $n ->
        [one] 1 tunti
       *[other] { $n } tuntia
    }
offset-m = { $n ->
        [one] 1 minuutti
       *[other] { $n } minuuttia
    }
offset-s = { $n ->
        [one] 1 sekunti
       *[other] { $n } sekuntia
    }
cmd-reminders = Muistutusten ajat
status-not-allowed = Tila on vain ylläpitäjille.
status-report =
    <b>Lähtevät viestit</b>
    Odottaa: { $pending }
    Lähetetty: { $sent }
    Epäonnistui: { $failed }
    Ohitettu: { $skipped }
status-next = Seuraava muistutus: { $when } ({ $workshop })
status-no-next = Seuraavaa muistutusta ei ole.
status-last = Viimeksi lähetetty: { $when }
status-never = Mitään ei ole vielä lähetetty.

## Koordinaattorit

staff-only = Tämä toiminto on vain koordinaattoreille.
admin-only = Tämä toiminto on vain ylläpitäjille.
municipality-not-found-plain = En löytänyt kuntaa ”{ $name }”.
broadcast-usage = Kirjoita tiedote komennon perään, esim. /broadcast municipality=Lohja Hei kaikki! Vastaanottajat voi rajata: workshop=TUNNUS ja municipality=KUNTA.
broadcast-preview = 📣 <b>Esikatselu</b> – vastaanottajia { $count } ({ $audience }). Vahvista, niin tiedote lähtee.
broadcast-preview-nobody = 📣 <b>Esikatselu</b> – tiedote ei tavoittaisi ketään ({ $audience }). Valitse muut vastaanottajat tai peru tiedote.
broadcast-too-long = Tiedote on liian pitkä: otsikon ja allekirjoituksen kanssa siinä olisi { $length } merkkiä, ja Telegram sallii enintään { $limit }. Lyhennä sitä vähintään { $over } merkillä ja lähetä se uudelleen.
broadcast-caption-too-long = Kuvan tai tiedoston kanssa lähtevässä tiedotteessa saa olla enintään { $limit } merkkiä, ja tässä olisi otsikon ja allekirjoituksen kanssa { $length }. Lyhennä tekstiä vähintään { $over } merkillä ja lähetä kuva tai tiedosto uudelleen.
broadcast-confirm = ✅ Vahvista
broadcast-cancel = Peru
broadcast-pick-workshop = Vastaanottajat: verstas…
broadcast-pick-municipality = Vastaanottajat: kunta…
broadcast-choose-audience = Valitse vastaanottajat:
audience-everyone = kaikki
audience-workshop = verstas { $name }
audience-municipality = kunta { $name }
audience-all-workshops = Kaikki verstaat
audience-all-municipalities = Kaikki kunnat
broadcast-not-a-draft = Tämä tiedote on jo vahvistettu tai peruttu.
broadcast-starting = 📣 Tiedote lähtee…
broadcast-started = 📣 Tiedote lähtee { $count } vastaanottajalle. Päivitän tähän, miten lähetys etenee.
broadcast-cancelled = Tiedote peruttu; mitään ei lähetetty.
broadcast-progress = 📣 Tiedote lähtee: { $sent }/{ $total } perillä, { $failed } epäonnistui, { $blocked } on estänyt botin, { $not_started } ei ole aloittanut bottia, { $pending } odottaa.
broadcast-done = 📣 <b>Tiedote lähetetty.</b> { $sent }/{ $total } perillä, { $failed } epäonnistui, { $blocked } on estänyt botin, { $not_started } ei ole aloittanut bottia.
announcement-title = 📣 <b>Tiedote</b>
announcement-signature = <i>– { $title } { $name }</i>
announcement-signer-title = Koordinaattori
announcement-representative-title = Verstaan edustaja
added-title = 🆕 <b>Uusi kokous</b>
addmeeting-usage = Kirjoita verstas, päivä ja halutessasi aika, kunta ja tila, esim. /addmeeting ehkäisevä 14.5.2009 klo 9.30–12 Kirkkonummen kunnantalo, valtuustosali
editmeeting-usage = Kirjoita kokouksen numero tai päivämäärä ja muutos, esim. /editmeeting 12 15.5.2009 klo 13–15 tai /editmeeting 12 Lohja pääkirjasto (myös date=, time=, place=, venue="…", address="…").
cancelmeeting-usage = Kirjoita perutun kokouksen numero tai päivämäärä, esim. /cancelmeeting 12 tai /cancelmeeting 4.3.2009
meeting-added = Kokous { $id } lisätty: { $workshop }, { $when }. Jäsenille kerrotaan.
meeting-changed = Kokous { $id } muutettu: { $when }. Jäsenille kerrotaan muutoksesta.
meeting-cancelled-done = Kokous { $id } ({ $when }) peruttu. Jäsenille kerrotaan.
meeting-unchanged = Kokous on jo tällainen; mitään ei muutettu.
meeting-preview-add = <b>Esikatselu: uusi kokous.</b> Jäsenet saavat tämän ilmoituksen:
meeting-preview-edit = <b>Esikatselu: kokouksen muutos.</b> Jäsenet saavat tämän ilmoituksen:
meeting-preview-cancel = <b>Esikatselu: kokouksen peruminen.</b> Tämä kokous perutaan, ja jäsenet saavat tämän ilmoituksen:
meeting-preview-weekday = ⚠️ Päivämäärän edessä kirjoitettu viikonpäivä ei täsmää päivämäärään; tarkista päivä.
meeting-preview-count = { $count ->
        [0] Ilmoitusta ei lähetetä kenellekään (kokous on ohi tai verstaalla ei ole jäseniä).
        [one] Ilmoitus lähtee 1 vastaanottajalle.
       *[other] Ilmoitus lähtee { $count } vastaanottajalle.
    } Mitään ei tallenneta eikä lähetetä ennen vahvistusta (nappi tai /confirm).
meeting-change-cancelled = Muutos peruttu; mitään ei tallennettu eikä lähetetty.
meeting-change-expired = Tätä muutosta ei enää ole odottamassa; kirjoita komento uudelleen.
meeting-step-workshop = Uusi kokous. Minkä verstaan kokous?
meeting-step-date = Minä päivänä? Kirjoita esim. 14.5.2009, ke 14.5.2009 tai 14.5.
meeting-step-time = Mihin aikaan? Kirjoita esim. klo 9.30–12 tai 13. Jos aika ei ole vielä tiedossa, ohita.
meeting-step-town = Missä kunnassa? Valitse tai kirjoita nimi.
meeting-step-venue = Missä tilassa? Kirjoita esim. Kunnantalo, valtuustosali.
meeting-step-skip = Ohita
meeting-step-keep = Pidä ennallaan
attendance-usage = Kirjoita kokouksen numero tai päivämäärä, esim. /attendance 12 tai /attendance 4.3.2009
attendance-title = <b>Osallistujat: { $workshop }, { $date }</b>
attendance-no-answer = ei vastannut
members-title = <b>Jäseniä { $total }</b>
members-list = <b>Jäsenet</b>
members-inactive = (estänyt botin)
role-usage = Kirjoita käyttäjän Telegram-numero, esim. /promote 123456789 (koordinaattoriksi) tai /promote 123456789 workshop=TUNNUS (verstaan edustajaksi); /demote poistaa roolin samalla tavalla.
role-unknown-user = Käyttäjää { $id } ei löydy; hänen pitää ensin aloittaa botti (/start).
role-set = { $name }: { $role }.
role-participant = osallistuja
role-coordinator = koordinaattori
role-admin = ylläpitäjä
invite-link = Kertakäyttöinen kutsu koordinaattoriksi (voimassa 7 päivää): { $link }
invite-accepted = Tervetuloa koordinaattoriksi!
invite-invalid = Kutsulinkki ei ole voimassa (käytetty tai vanhentunut).
audit-title = <b>Tapahtumaloki</b>
audit-refused = estetty
audit-forgotten = (poistettu jäsen)
audit-did-add-meeting = lisäsi kokouksen { $what }
audit-tried-add-meeting = yritti lisätä kokouksen
audit-did-edit-meeting = muutti kokousta { $what }
audit-tried-edit-meeting = yritti muuttaa kokousta { $what }
audit-did-cancel-meeting = peruutti kokouksen { $what }
audit-tried-cancel-meeting = yritti peruuttaa kokouksen { $what }
audit-did-attendance = katsoi osallistujat: { $what }
audit-tried-attendance = yritti katsoa osallistujia
audit-did-members = katsoi jäsenluettelon
audit-tried-members = yritti katsoa jäsenluetteloa
audit-did-audit = luki tapahtumalokin
audit-tried-audit = yritti lukea tapahtumalokia
audit-did-broadcast = lähetti tiedotteen { $what }
audit-tried-broadcast = yritti lähettää tiedotteen
audit-did-broadcast-confirm = vahvisti tiedotteen { $what }
audit-tried-broadcast-confirm = yritti vahvistaa tiedotteen { $what }
audit-did-broadcast-cancel = perui tiedotteen { $what }
audit-tried-broadcast-cancel = yritti perua tiedotteen { $what }
audit-did-datepoll = aloitti päivämääräkyselyn { $what }
audit-tried-datepoll = yritti aloittaa päivämääräkyselyn
audit-did-closepoll = sulki päivämääräkyselyn { $what }
audit-tried-closepoll = yritti sulkea päivämääräkyselyn { $what }
audit-did-pollresults = katsoi päivämääräkyselyn { $what } tulokset
audit-tried-pollresults = yritti katsoa päivämääräkyselyn tuloksia
audit-did-import = toi aikataulutiedoston { $what }
audit-tried-import = yritti tuoda aikataulutiedoston { $what }
audit-did-invite = loi kutsulinkin
audit-tried-invite = yritti luoda kutsulinkin
audit-did-use-invite = liittyi kutsulinkillä
audit-tried-use-invite = yritti liittyä kutsulinkillä
audit-did-minutes = liitti pöytäkirjan kokoukseen { $what }
audit-tried-minutes = yritti liittää pöytäkirjan
audit-did-minutes-replace = korvasi kokouksen { $what } pöytäkirjan
audit-tried-minutes-replace = yritti korvata pöytäkirjan
audit-did-promote = antoi koordinaattorin roolin: { $what }
audit-tried-promote = yritti antaa koordinaattorin roolin: { $what }
audit-did-demote = poisti koordinaattorin roolin: { $what }
audit-tried-demote = yritti poistaa koordinaattorin roolin: { $what }
audit-did-survey = lähetti kyselyn { $what }
audit-tried-survey = yritti lähettää kyselyn
audit-did-survey-confirm = vahvisti kyselyn { $what }
audit-tried-survey-confirm = yritti vahvistaa kyselyn { $what }
audit-did-survey-cancel = perui kyselyn { $what }
audit-tried-survey-cancel = yritti perua kyselyn { $what }
audit-did-surveyresults = katsoi kyselyn { $what } vastaukset
audit-tried-surveyresults = yritti katsoa kyselyn vastauksia
audit-did-promote-representative = nimesi verstaan edustajaksi: { $what }
audit-tried-promote-representative = yritti nimetä verstaan edustajan: { $what }
audit-did-demote-representative = poisti verstaan edustajan tehtävän: { $what }
audit-tried-demote-representative = yritti poistaa verstaan edustajan tehtävän: { $what }
audit-did-staff = katsoi koordinaattorien ja edustajien luettelon
audit-tried-staff = yritti katsoa koordinaattorien ja edustajien luetteloa
audit-detail-another-workshop = — toisen verstaan asia
audit-detail-workshops = — { $workshops }
audit-detail-all-workshops = — kaikista verstaista
audit-did-other = teki: { $action } { $what }
audit-tried-other = yritti: { $action } { $what }
audit-audience = (vastaanottajat: { $audience })
audit-command-line = Komentorivi
audit-meeting-gone = { $meeting } (kokous on sittemmin poistettu)
audit-detail-not-own = — ei oma
audit-detail-bad-invite = — linkki ei kelpaa tai on jo käytetty
audit-detail-no-change = — mikään ei muuttunut
audit-detail-was-cancelled = — se oli jo peruttu
audit-detail-changed = — muuttui: { $fields }
audit-detail-counts = — { $added } uutta, { $changed } muuttunutta ja { $cancelled } peruttua kokousta
audit-detail-recipients = — { $count ->
    [one] yksi vastaanottaja
   *[other] { $count } vastaanottajaa
}
audit-detail-version = — versio { $version }
audit-detail-file = aikataulutiedostosta { $file }
broadcast-no-draft = Sinulla ei ole vahvistamatonta tiedotetta. Kirjoita ensin /broadcast ja tiedote.
broadcast-nobody = Tiedote ei tavoittaisi ketään, joten sitä ei lähetetty. Valitse esikatselun painikkeilla muut vastaanottajat tai peru tiedote (/cancel).
import-preview-title = 📄 <b>{ $file }</b> on kunnossa. Näin tietoihin tulisi:
import-confirm = ✅ Tuo
import-cancelled = Tuonti peruttu; mitään ei tallennettu.
import-done-chat = 📄 <b>{ $file }</b> tuotu. Jäsenille kerrotaan muutoksista.
import-file-type = Lähetä aikataulu .yaml-, .yml- tai .csv-tiedostona, tai tiedote tekstinä (.txt).
pasted-preview-title = 📋 Luin tekstistä { $count ->
    [one] yhden kokouksen
   *[other] { $count } kokousta
}. Tarkista, ennen kuin tuot:
pasted-nothing-found = En löytänyt tekstistä kokouksia. Kirjoita päivämäärä kokonaan (4.3.2009) ja sen viereen kellonaika (klo 13–15.30) tai paikkakunta.
pasted-not-imported = ⚠️ Ei tuoda: { $meeting } – teksti ei kerro, minkä teemaverstaan kokous se on. Mainitse verstaan nimi ennen päivämäärää.
pasted-which-workshop = 📋 Luin tekstistä { $count ->
    [one] kokouksen
   *[other] { $count } kokousta
}, mutta en sitä, minkä teemaverstaan:
pasted-choose-workshop = Minkä verstaan { $count ->
    [one] kokous se on
   *[other] kokouksia ne ovat
}? Valitse verstas, niin näet esikatselun. Mitään ei tallenneta ennen kuin vahvistat.
pasted-wrong-weekday = ⚠️ { $date } on { $actual }, mutta tekstissä lukee { $written }. Tarkista päivämäärä.
pasted-members-differ = ℹ️ { $workshop }: tekstin mukaan jäsenkunnat ovat { $stated }, tallennettuina { $stored }. Jäsenkuntia ei muuteta tästä, vaan aikataulutiedostolla.
pasted-done = 📋 Tekstin kokoukset tuotu. Jäsenille kerrotaan muutoksista.
import-expired = Tätä tuontia ei enää ole; lähetä tiedosto uudelleen.
broadcast-attachment-photo = 📎 Mukana kuva.
broadcast-attachment-document = 📎 Mukana tiedosto.

## Tietosuoja

cmd-privacy = Tietosuoja: mitä tallennetaan
start-privacy = Tietosuoja: /privacy
privacy-controller =
    <b>Rekisterinpitäjä:</b> { $controller }
    <b>Tietosuojavastaava:</b> { $dpo }
    <b>Käsittelyn oikeusperuste:</b> { $basis }
privacy-not-configured = ei määritetty – kysy botin ylläpitäjältä
privacy-telegram = <b>Telegram:</b> viestit kulkevat Telegramin palvelinten kautta. Telegram käsittelee niitä palvelun tarjoajana omien käyttöehtojensa ja tietosuojakäytäntönsä mukaisesti, ja tietoja voidaan siirtää ja säilyttää myös EU:n ja ETA:n ulkopuolella.
privacy-complaint = <b>Valitusoikeus:</b> jos katsot, että henkilötietojesi käsittely rikkoo tietosuojalainsäädäntöä, voit tehdä valituksen valvontaviranomaiselle eli tietosuojavaltuutetun toimistolle (tietosuoja.fi).
privacy-notice =
    <b>Tietosuoja</b>
    <b>Mitä tallennetaan:</b> Telegram-tunnuksesi numero ja nimi, valitsemasi kieli ja kunta, seuraamasi verstaat, muistutusten ajat, ilmoittautumisesi kokouksiin sekä sinulle lähetettyjen viestien aika ja tila. Koordinaattorien toimista pidetään tapahtumalokia, ja kokouksen pöytäkirjaan tallennetaan, kuka sen liitti.
    <b>Kyselyt ja palaute:</b> kyselyvastauksesi ja kokouksista antamasi palaute tallennetaan tietoihisi, mutta nimettömän kyselyn vastaukseen tallennetaan nimesi sijaan vain koodattu tunniste, jonka avulla voit vastata kerran ja muuttaa vastaustasi; kun poistat tietosi, nimettömässä kyselyssä tekemäsi valinnat jäävät tuloksiin ilman yhteyttä sinuun.
    <b>Miksi:</b> jotta voin kertoa sinulle juuri sinun verstaidesi kokouksista, muistuttaa niistä ja välittää koordinaattorien tiedotteet, ja jotta koordinaattorit näkevät osallistujamäärät.
    <b>Kuinka kauan:</b> tietosi säilyvät, kunnes pyydät poistamaan ne. Lähetettyjen viestien tiedot ja tapahtumaloki poistetaan { $days } päivän jälkeen. Kun poistat tietosi, tapahtumalokiin jäävistä merkinnöistä poistetaan nimesi ja Telegram-tunnuksesi numero.
    <b>Kuka näkee:</b> verkoston koordinaattorit (yhteystiedot: /contact). Tietoja ei luovuteta muille.
    <b>Oikeutesi:</b> /mydata lähettää kaikki tietosi tiedostona; /forget poistaa ne.
mydata-none = Sinusta ei ole tallennettu mitään.
mydata-sent = Tässä kaikki sinusta tallennettu JSON-tiedostona.
personal-sent-privately = 📬 Vastasin sinulle yksityisviestillä, koska vastauksessa on henkilötietoja.
personal-ask-privately = 🔒 Kysy tätä minulta yksityisviestillä (t.me/{ $bot }): vastauksessa on henkilötietoja, joita en lähetä ryhmään.
forget-ask = Poistetaanko kaikki tietosi: kunta, seuratut verstaat, ilmoittautumiset, muistutukset, kyselyvastaukset ja kokouksista antamasi palaute? Tätä ei voi perua.
forget-yes-button = Poista tietoni
forget-no-button = Älä poista
forget-done = Tietosi on poistettu. Jos kirjoitat minulle uudelleen, aloitamme alusta.
forget-kept = Selvä, mitään ei poistettu.
forget-nothing = Sinusta ei ollut tallennettu mitään.
flood-notice = Hetkinen – viestejä tulee nyt niin tiheään, että vastaan taas hetken kuluttua.
cmd-calendar = Kokoukset kalenteriin (.ics)
calendar-name = Teemaverstaat
calendar-sent = Tässä { $count } kokousta kalenteritiedostona; avaa se kalenterisovelluksessa. Kun tuot sen uudelleen, muuttuneet kokoukset päivittyvät.
calendar-feed =
    Tilaa kalenteri tästä osoitteesta kalenterisovelluksessa (”lisää kalenteri verkko-osoitteesta” tai ”tilaa”), niin se pysyy ajan tasalla itsestään:
    <code>{ $url }</code>
    Osoite on henkilökohtainen: kuka tahansa, jolla se on, näkee kokouksesi. Se lakkaa toimimasta, kun poistat tietosi (/forget).
calendar-workshop-sent = Tässä { $count } kokousta verstaasta <b>{ $name }</b> kalenteritiedostona.
calendar-workshop-feed =
    Verstaan kokoukset tilattavana kalenterina, esimerkiksi yhteiseen kalenteriin:
    <code>{ $url }</code>
calendar-workshop-hint = Vain yhden verstaan kokoukset: { $example }

## Minutes and the archive

cmd-archive = Pidetyt kokoukset ja pöytäkirjat
cmd-minutes = Kokouksen pöytäkirja (numero: /archive)
minutes-usage =
    Kirjoita kokouksen numero, esim. /minutes 12 (numerot näkyvät /archive-listassa). Numeron sijaan käy myös päivämäärä (/minutes 4.3.2009) tai verstas ja päivämäärä (/minutes kasvatuskumppanuus/4.3.2009).
    Koordinaattori liittää pöytäkirjan: /minutes 12 ja teksti, tiedosto kuvatekstillä /minutes 12, tai /minutes 12 ja sen jälkeen teksti tai tiedosto.
minutes-unknown-meeting = En löytänyt kokousta ”{ $key }”. Katso kokousten numerot: /archive
minutes-not-yet = Kokous { $meeting } ei ole vielä alkanut. Pöytäkirjan voi liittää vasta pidettyyn kokoukseen.
minutes-meeting-cancelled = Kokous { $meeting } peruttiin, joten sillä ei ole pöytäkirjaa.
minutes-saved =
    { $count ->
        [one] 📝 Pöytäkirja tallennettu: { $meeting }. Ilmoitus lähtee 1 vastaanottajalle.
       *[other] 📝 Pöytäkirja tallennettu: { $meeting }. Ilmoitus lähtee { $count } vastaanottajalle.
    }
minutes-replaced = 📝 Pöytäkirja päivitetty: { $meeting }. Uutta ilmoitusta ei lähetetä; ilmoituksen painike näyttää aina uusimman version.
minutes-send-now = 📝 Lähetä kokouksen { $meeting } pöytäkirja nyt: kirjoita se viestiksi tai lähetä tiedosto (15 minuutin kuluessa). Seuraava viestisi tallennetaan pöytäkirjaksi.
minutes-send-replaces = Uusi teksti korvaa nykyisen tekstin ja uusi tiedosto nykyisen tiedoston (pöytäkirja lisätty { $date }).
minutes-current-button = 📝 Nykyinen pöytäkirja
minutes-stop-button = Peru
minutes-stopped = Selvä, en odota pöytäkirjaa.
minutes-not-waiting = En odottanut sinulta pöytäkirjaa.
minutes-file-too-large = Tiedosto on liian suuri (enintään { $limit }).
minutes-none = Kokouksella { $meeting } ei ole vielä pöytäkirjaa.
minutes-title = 📝 <b>Pöytäkirja: { $meeting }</b>
minutes-file = 📎 Tiedosto: { $name }
minutes-notice-title = 📝 <b>Kokouksen pöytäkirja on luettavissa</b>
minutes-notice-read = Lue se painikkeella tai kirjoita /minutes { $meeting }
minutes-read-button = 📝 Lue pöytäkirja
archive-title = 🗂 <b>Arkisto: { $scope }</b>
archive-range = Kokoukset { $first }–{ $last } / { $total }, uusin ensin.
archive-scope-all = kaikki verstaat
archive-scope-own = omat verstaasi
archive-minutes = 📝 Pöytäkirja: /minutes { $id }
archive-no-minutes = Ei pöytäkirjaa (kokous { $id })
archive-none = Pidettyjä kokouksia ei ole.

## Päivämääräkyselyt

poll-usage =
    Kirjoita komennon perään verstas ja ehdotetut päivät kukin omalle rivilleen, esimerkiksi:
    /datepoll kasvatuskumppanuus deadline=1.3.2027
    10.3.2027 klo 13.00–15.30 Lohja
    17.3.2027 klo 9.00–11.30 Kerava
    Vastausajan (deadline=) voi jättää pois; silloin vastata voi viikon ajan.
poll-line-problem = Rivi { $line }: { $problem }
poll-line-unreadable = ”{ $text }” ei ole päiväehdotus; kirjoita päivä, kellonaika ja paikkakunta, esim. 10.3.2027 klo 13.00–15.30 Lohja
poll-not-saved = Kyselyä ei tallennettu.
poll-candidate-count = Kyselyssä pitää olla 2–{ $most } ehdotettua päivää, nyt niitä on { $count }. Kyselyä ei tallennettu.
poll-candidate-past = Ehdotus { $number } on jo mennyt. Kyselyä ei tallennettu.
poll-deadline-past = Vastausaika on jo päättynyt. Anna tuleva päivä, esim. deadline=1.3.2027. Kyselyä ei tallennettu.
poll-preview = 🗓 <b>Esikatselu: päivämääräkysely { $poll }</b> ({ $workshop }). Kysely lähtee { $count } jäsenelle, kun vahvistat sen.
poll-preview-nobody = 🗓 <b>Esikatselu: päivämääräkysely { $poll }</b> ({ $workshop }). Verstaan kunnissa ei ole yhtään jäsentä, jolta kysyä.
poll-preview-deadline = Vastausaika päättyy { $deadline }.
poll-holiday = ⚠️ pyhäpäivä: { $name }
poll-clash = ⚠️ samaan aikaan kokous: { $workshops }
poll-confirm = ✅ Vahvista
poll-cancel = Peru
poll-started = 🗓 Päivämääräkysely { $poll } lähtee { $count } jäsenelle. Tulokset näet komennolla /pollresults { $poll }.
poll-running = 🗓 Päivämääräkysely { $poll }: vastaukset päivittyvät tähän sitä mukaa kuin niitä tulee.
poll-cancelled = Päivämääräkysely { $poll } peruttu; mitään ei lähetetty.
poll-not-a-draft = Päivämääräkysely { $poll } on jo vahvistettu tai peruttu.
poll-nobody = Verstaan kunnissa ei ole yhtään jäsentä, joten kyselyä ei lähetetty.
poll-title = 🗓 <b>Päivämääräkysely { $poll }: { $workshop }</b>
poll-intro = Mitkä päivät sopivat sinulle? Vastaa jokaiseen ehdotukseen napeilla tai kirjoita esim. /vote { $poll } 1 kyllä (kyllä, ehkä tai ei). Voit muuttaa vastauksiasi { $deadline } asti.
poll-candidate = { $number }. { $when }
poll-candidate-town = { $number }. { $when }, { $town }
poll-your-answer = – vastauksesi: <b>{ $answer }</b>
poll-answer-yes = kyllä
poll-answer-maybe = tarvittaessa
poll-answer-no = ei
poll-button-yes = { $number }: kyllä
poll-button-maybe = { $number }: tarvittaessa
poll-button-no = { $number }: ei
poll-vote-usage = Kirjoita kyselyn numero, ehdotuksen numero ja vastauksesi, esim. /vote 3 2 kyllä (kyllä, ehkä tai ei).
poll-voted = Kiitos! Vastauksesi kyselyn { $poll } ehdotukseen { $line }: <b>{ $answer }</b>.
poll-not-found = Päivämääräkyselyä { $poll } ei ole.
poll-no-candidate = Kyselyssä { $poll } ei ole ehdotusta { $number }. Mitään ei tallennettu.
poll-closed = Päivämääräkysely { $poll } on jo päättynyt, joten vastausta ei tallennettu.
poll-not-asked = Kysely { $poll } on verstaan kuntien jäsenille, eikä kuntasi ole mukana verstaassa. Vastausta ei tallennettu.
poll-results-usage = Kirjoita kyselyn numero, esim. /pollresults 3
poll-results-title = 🗓 <b>Päivämääräkyselyn { $poll } tulokset: { $workshop }</b>
poll-results-open = Vastausaika päättyy { $deadline }.
poll-results-ended = Vastausaika päättyi { $deadline }.
poll-results-line = kyllä { $yes }, tarvittaessa { $maybe }, ei { $no } – { $can }/{ $total } kunnasta pääsee
poll-results-maybe = (tarvittaessa: { $names })
poll-results-silent = Eivät ole vastanneet: { $names }
poll-results-all-answered = Kaikki kunnat ovat vastanneet.
poll-results-suggestion = Ehdotus: <b>{ $line }</b>
poll-results-no-suggestion = Kukaan ei ole vielä vastannut kyllä yhteenkään päivään.
poll-results-close-hint = Tee ehdotuksesta kokous napilla tai komennolla /closepoll { $poll } { $number }.
poll-close-button = Kokoukseksi: { $number }
poll-close-usage = Kirjoita kyselyn numero ja valitut ehdotukset, esim. /closepoll 3 2 tai /closepoll 3 1,3,5
poll-already-closed = Päivämääräkysely { $poll } on jo suljettu.
poll-made-meetings = Päivämääräkysely { $poll } on suljettu. Uudet kokoukset ({ $workshop }), joista jäsenet saavat ilmoituksen ja muistutukset:
poll-meeting-line = • { $when } (kokous { $id })
poll-nudge = ⏳ <b>Muistutus:</b> päivämääräkyselyn { $poll } ({ $workshop }) vastausaika päättyy { $deadline }, eikä kunnastasi ole vielä vastattu.
poll-result-title = 🗓 <b>Päivämääräkyselyn { $poll } vastausaika on päättynyt.</b>
cmd-vote = Vastaa päivämääräkyselyyn
## Kyselyt
survey-format-too-long = Kysely on liian pitkä (enintään { $limit } merkkiä).
survey-format-no-title = Kyselyltä puuttuu otsikko: kirjoita se ensimmäiselle riville /survey-komennon jälkeen ja kysymykset numeroituina sen alle.
survey-format-no-questions = Kyselyssä ei ole yhtään kysymystä. Kirjoita kysymykset numeroituina otsikon alle, esimerkiksi: 1. Sopiiko aika? | Kyllä | Ei
survey-format-not-numbered = Rivi ”{ $line }” ei ole kysymys { $number }. Numeroi kysymykset järjestyksessä: 1., 2., 3. …
survey-format-empty-question = Kysymyksestä { $number } puuttuu teksti.
survey-format-no-options = Kysymyksellä { $number } ei ole vastausvaihtoehtoja. Lisää ne pystyviivan jälkeen (| Kyllä | Ei) tai merkitse kysymys asteikoksi (1-5) tai avoimeksi (vapaa).
survey-format-options-not-wanted = Kysymykseen { $number } vastataan asteikolla tai omin sanoin, joten sillä ei voi olla vaihtoehtoja.
survey-format-too-many-options = Kysymyksessä { $number } on liikaa vaihtoehtoja (enintään { $limit }).
survey-format-option-too-long = Kysymyksen { $number } vaihtoehto on liian pitkä (enintään { $limit } merkkiä).
survey-format-bad-scale = Kysymyksen { $number } asteikko ei kelpaa: kirjoita esimerkiksi (1-5), enintään { $limit } pistettä.
survey-format-too-many-questions = Kyselyssä on liikaa kysymyksiä (enintään { $limit }).
survey-format-title-too-long = Kyselyn otsikko on liian pitkä (enintään { $limit } merkkiä).
survey-format-bad-deadline = Määräaika ”{ $value }” ei kelpaa. Kirjoita yksi päivämäärä muodossa P.K.VVVV, esimerkiksi deadline=15.3.2009.
survey-format-yaml = Kyselytiedostoa ei voitu lukea: { $detail }
survey-usage = Kirjoita kysely yhteen viestiin: /survey [workshop=AVAIN] [municipality=KUNTA] [deadline=P.K.VVVV] [anonymous], seuraavalle riville otsikko ja sen alle numeroidut kysymykset. Muoto on kuvattu ohjeessa (README).
survey-file-too-large = Kyselytiedosto on liian suuri.
survey-preview = 📋 <b>Esikatselu</b> – kysely { $survey }, vastaanottajia { $count }. Näin jäsenet näkevät kysymykset. Vahvista, niin kysely lähtee.
survey-preview-nobody = 📋 <b>Esikatselu</b> – kysely { $survey } ei tavoittaisi ketään. Tarkista verstaat ja kunnat tai peru kysely.
survey-confirm = ✅ Vahvista
survey-cancel = Peru
survey-cancelled = Kysely { $survey } peruttiin, eikä sitä lähetetty.
survey-nobody = Kysely ei tavoittaisi ketään, joten sitä ei lähetetty.
survey-sent = 📋 Kysely { $survey } lähtee { $count } vastaanottajalle. Tulokset: /surveyresults { $survey }
survey-title = 📋 <b>Kysely { $survey }: { $title }</b>
survey-deadline = Vastaa viimeistään { $date }.
survey-anonymous = Kysely on nimetön: vastauksia ei näytetä nimen kanssa.
survey-kind-one = valitse yksi
survey-kind-several = voit valita useita
survey-kind-scale = asteikko { $low }–{ $high }
survey-kind-text = vastaa omin sanoin
survey-question-of = Kysymys { $number }/{ $total }
survey-write-answer = Kirjoita vastauksesi viestinä.
survey-done = Valmis
survey-skip = Ohita
survey-reminder = ⏰ Muistutus: et ole vielä vastannut kyselyyn.
survey-thanks = ✅ Kiitos! Vastauksesi kyselyyn { $survey } on tallennettu. Voit muuttaa sitä määräaikaan asti: /answer { $survey }
survey-answer-usage = Vastaa näin: /answer KYSELY KYSYMYS VASTAUS, esimerkiksi /answer 3 2 1,3 (vaihtoehdot 1 ja 3). Pelkkä /answer KYSELY näyttää kysymykset painikkeineen.
survey-bad-value = Vastaus ei sovi kysymykseen { $question }: anna vaihtoehdon numero, useampi pilkuin erotettuna, asteikon luku tai vapaa teksti.
survey-closed = Kyselyn { $survey } vastausaika on päättynyt.
survey-deadline-passed-already = Määräaika on jo mennyt. Anna tuleva päivämäärä.
survey-no-such-question = Kyselyssä { $survey } ei ole kysymystä { $question }.
survey-not-a-draft = Kysely { $survey } on jo lähetetty tai peruttu.
survey-not-for-you = Kysely { $survey } ei ole sinulle.
survey-unknown = Kyselyä { $survey } ei löytynyt.
survey-no-municipality = En tunne kuntaa ”{ $name }”.
survey-no-workshop = En tunne verstasta ”{ $name }”. Katso verstaiden avaimet: /workshops
survey-results-usage = Kirjoita kyselyn numero, esim. /surveyresults 3
survey-results-title = 📊 <b>Kyselyn { $survey } tulokset: { $title }</b>
survey-results-respondents = Vastaajia { $count }, vastanneita kuntia { $towns }/{ $total }.
survey-results-option = { $option }: { $count } – kuntia { $towns }/{ $total }
survey-results-average = Keskiarvo { $average } ({ $count ->
        [one] 1 vastaus
       *[other] { $count } vastausta
    })
survey-results-words-hidden = Omin sanoin on vastannut { $count ->
        [one] 1 henkilö
       *[other] { $count } henkilöä
    }; vastaukset näytetään, kun vastaajia on vähintään { $least }.
survey-results-no-answers = Ei vielä vastauksia.
survey-results-silent = Vielä vastaamatta: { $municipalities }
survey-results-all-answered = Kaikki kunnat ovat vastanneet.

## Roolit: verstaiden edustajat, /staff ja ohje roolin mukaan

role-representative = verstaan edustaja
representative-granted = { $name } on nyt verstaan edustaja: { $workshops }.
representative-removed = { $name } ei ole enää verstaan edustaja: { $workshops }.
representative-removed-all = { $name } ei ole enää minkään verstaan edustaja.
representative-only = Edustajana voit hoitaa vain oman verstaasi asioita: { $workshops }.
staff-title = <b>Ylläpitäjät, koordinaattorit ja verstaiden edustajat</b>
staff-nobody = Ei vielä ketään.
help-representative = <b>Verstaan edustajana</b> – vain oman verstaasi asiat: { $workshops }
help-workshop-tools = <b>Verstaiden asiat</b> (myös verstaiden edustajat, kukin oman verstaansa)
help-coordinator = <b>Koordinaattorina</b> koko verkostossa
help-administrator = <b>Ylläpitäjänä</b>
cmd-join = Liity verstaaseen
cmd-leave = Eroa verstaasta
cmd-going = Tulen kokoukseen
cmd-notgoing = En tule kokoukseen
cmd-maybe = Ehkä tulen kokoukseen
cmd-answer = Vastaa kyselyyn
cmd-members = Jäsenmäärät kunnittain ja verstaittain
cmd-mydata = Minusta tallennetut tiedot
cmd-forget = Poista tietoni
cmd-broadcast = Tiedote jäsenille esikatselun kautta
cmd-confirm = Vahvista odottava tiedote tai muutos
cmd-cancel = Peru odottava tiedote tai muutos
cmd-addmeeting = Lisää kokous
cmd-editmeeting = Muuta kokousta
cmd-cancelmeeting = Peru kokous
cmd-attendance = Kokoukseen tulijat
cmd-datepoll = Päivämääräkysely seuraavasta kokouksesta
cmd-pollresults = Päivämääräkyselyn tulokset
cmd-closepoll = Sulje päivämääräkysely
cmd-survey = Kysely jäsenille
cmd-surveyresults = Kyselyn tulokset
cmd-feedback = Anna palautetta kokouksesta
cmd-feedbackresults = Kokouksen palaute
cmd-staff = Ylläpitäjät, koordinaattorit ja edustajat
cmd-promote = Nimeä verstaan edustaja (workshop=TUNNUS); ylläpitäjä myös koordinaattorin
cmd-demote = Poista edustajan tai koordinaattorin rooli
cmd-link = Liitä ryhmä verstaaseen
cmd-audit = Tapahtumaloki
cmd-invite = Kertakäyttöinen kutsu koordinaattoriksi
cmd-status = Lähetysjonon tila

## Palaute kokouksen jälkeen

feedback-question =
    💬 <b>Miten kokous onnistui?</b>
    { $meeting }
    Anna kokoukselle arvosana 1–5 (1 = heikko, 5 = erinomainen). Koordinaattorit näkevät palautteen ilman nimiä.
    Voit myös kirjoittaa: /feedback { $id } 4 ja kommenttisi
feedback-thanks-ask-comment =
    ✅ Kiitos! Arvosanasi { $grade } on tallennettu: { $meeting }
    Halutessasi voit vielä kirjoittaa lyhyen kommentin seuraavana viestinä. Arvosanaa voit muuttaa painikkeilla.
feedback-skip-comment = Ei kommenttia
feedback-no-comment = Selvä, ei kommenttia. Kiitos palautteesta!
feedback-not-waiting = Selvä! Palautteesi on tallennettu.
feedback-comment-saved = ✅ Kiitos, kommenttisi on tallennettu palautteen yhteyteen.
feedback-thanks = ✅ Kiitos! Arvosanasi { $grade } on tallennettu: { $meeting }
feedback-thanks-comment = ✅ Kiitos! Arvosanasi { $grade } ja kommenttisi on tallennettu: { $meeting }
feedback-usage = Anna palautetta näin: /feedback KOKOUS ARVOSANA [KOMMENTTI], esimerkiksi /feedback 12 4 Hyvä keskustelu. KOKOUS on kokouksen numero (/archive), päivämäärä tai verstas/päivämäärä.
feedback-bad-grade = Arvosanan pitää olla kokonaisluku 1–5.
feedback-unknown = En löytänyt kokousta ”{ $meeting }”. Katso kokousten numerot: /archive
feedback-ambiguous = ”{ $key }” sopii usealle kokoukselle. Valitse numerolla: { $choices }
feedback-cancelled = Kokous { $meeting } peruttiin, joten siitä ei anneta palautetta.
feedback-not-yet = Kokousta { $meeting } ei ole vielä pidetty. Palautetta voi antaa kokouksen jälkeen.
feedback-not-for-you = Et voi antaa palautetta kokouksesta { $meeting }: se ei koske kuntaasi tai verstaitasi, etkä ilmoittautunut siihen.
feedback-results-usage = Kirjoita kokouksen numero, esim. /feedbackresults 12
feedback-results-title = 💬 <b>Palaute: { $meeting }</b>
feedback-results-none = Palautetta ei ole vielä annettu.
feedback-results-summary = { $count ->
        [one] 1 vastaus
       *[other] { $count } vastausta
    }, keskiarvo { $average }
feedback-results-comments = <b>Kommentit</b> (ilman nimiä):
archive-feedback = 💬 Palaute { $average } ({ $count ->
        [one] 1 vastaus
       *[other] { $count } vastausta
    })

## Komentorivi (python -m bot), BOT_DEFAULT_LANGUAGE-kielellä
cli-description = `python -m bot`: botin käynnistys, aikataulun tuonti, tietokannan päivitys, esittelyverkoston lataus, tietokannan varmuuskopio tai botin kokeilu päätteessä ilman Telegramia.
cli-command-metavar = KOMENTO
cli-help-run = käynnistä botti (long polling tai webhook); päivittää ensin tietokannan
cli-help-webhook = ota päivitykset vastaan tässä https-osoitteessa
cli-help-listen = missä verkkopalvelin kuuntelee (webhook, /healthz, /metrics, kalenterisyötteet; TLS-välityspalvelimen takana); --webhookin kanssa oletus on { $default }, ilman sitä palvelin käynnistyy vain tällä valitsimella
cli-help-import = tuo aikataulutiedosto (YAML tai CSV) tai tiedote (teksti)
cli-help-file = aikataulutiedosto
cli-help-dry-run = tarkista ja kerro, älä tallenna mitään
cli-help-prune = poista kokoukset, joita tiedostossa ei enää ole
cli-help-format = kun tiedoston nimestä ei näe; text on tiedote verkoston omin sanoin
cli-help-db = tietokannan ylläpito
cli-help-upgrade = upgrade: tee tietokannan päivitykset
cli-help-demo = lataa esittelyverkosto tyhjään tietokantaan
cli-help-backup = kopioi SQLite-tietokanta tiedostoon PATH eheänä, botin ollessa käynnissä
cli-description-backup = Eheä kopio DATABASE_URLin SQLite-tietokannasta botin ollessa käynnissä. PostgreSQL varmuuskopioidaan pg_dumpilla; palautus: docs/operations.md.
cli-help-backup-path = uusi tiedosto (ei saa olla olemassa)
cli-help-console = kokeile bottia ilman Telegramia: esittelyverkosto ja keskustelu tässä päätteessä
cli-description-console = Botti vuoden 2009 esittelyverkostossa sisäänrakennetun paikallisen Bot API:n kanssa, ja sinä keskustelet tässä päätteessä: kirjoita tekstiä tai komentoja, numero painaa painiketta. Tietokanta on data/console/verstas.sqlite3, uusi joka käynnistyksellä; botin lähettämät tiedostot menevät kansioon data/console/files/ ja sen loki tiedostoon data/console/bot.log.
cli-help-at = botin ”nyt” esittelykaudella BOT_TIMEZONE-aikavyöhykkeessä, esim. '1.3.2009 12.00' (oletus 8.1.2009 9.25); kello käy siitä eteenpäin oikeaa aikaa
cli-help-language = (kuvitellun) Telegram-sovelluksesi kieli; oletus fi
cli-help-admin = ole ylläpitäjä, niin voit kokeilla koordinaattorien työkaluja
cli-help-console-listen = käynnistä myös verkkopalvelin (/healthz, /metrics, kalenterisyötteet), esim. 127.0.0.1:8080
cli-needs-host-port = tarvitaan HOST:PORT, esim. { $example }
cli-listen-needs = --listen tarvitsee muodon HOST:PORT, esim. { $example }
cli-webhook-needs = --webhook tarvitsee http(s)-osoitteen
cli-no-token = BOT_TOKEN puuttuu: luo botti Telegramissa @BotFatherilla (/newbot) ja anna sen tunnus ympäristömuuttujana tai .env-tiedostossa muodossa BOT_TOKEN=...
cli-token-refused = Bot API ei hyväksynyt BOT_TOKENia: tarkista tunnus
cli-api-unreachable = Bot API:in ei saada yhteyttä osoitteessa BOT_API_BASE_URL: { $error }
cli-no-such-file = { $path }: tiedostoa ei ole
cli-unreadable = { $path }: tiedostoa ei voi lukea ({ $reason })
cli-file-type = { $path }: anna tiedostolle pääte .yaml, .yml, .csv tai .txt, tai anna --format
cli-backup-failed = varmuuskopiointi epäonnistui: { $error }
cli-backup-written = varmuuskopio kirjoitettu: { $path } ({ $size } tavua)
cli-database-up-to-date = tietokanta on ajan tasalla
cli-demo-not-loaded = tietokannassa on jo verkosto ”{ $network }”; esittelyaineistoa ei ladattu
cli-argparse-usage = käyttö:
cli-argparse-error = %(prog)s: virhe: %(message)s
cli-argparse-required = nämä argumentit puuttuvat: %s
cli-argparse-choice = tuntematon vaihtoehto %(value)r (vaihtoehdot: %(choices)s)
cli-argparse-unrecognized = tuntemattomat argumentit: %s
cli-argparse-argument = argumentti %(argument_name)s: %(message)s
cli-argparse-one-argument = tarvitaan yksi arvo
cli-argparse-invalid-value = virheellinen arvo %(value)r
cli-argparse-ambiguous = epäselvä valitsin: %(option)s voi tarkoittaa valitsimia %(matches)s
cli-argparse-positional = argumentit
cli-argparse-options = valitsimet
cli-argparse-help = näytä tämä ohje ja lopeta
