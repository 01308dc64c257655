"""Participants over HTTP: registration, /next, /meetings paging, workshops, questions in words.

The real Application runs against the fake Bot API, on the demo network, with the clock
set to Sunday 1.3.2009 at noon in Helsinki.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.app import VerstasApplication
from bot.console.bot_api import FakeChat, FakeUser, LocalBotAPI, SentMessage
from bot.foundation.clock import Clock
from tests.helpers.bots import ADMIN, fixed_clock
from tests.helpers.chat import say
from tests.helpers.schedules import HELSINKI

pytestmark = pytest.mark.e2e

COORDINATOR_ID = ADMIN.id
SUNDAY_1_MARCH_2009 = datetime(2009, 3, 1, 12, 0, tzinfo=HELSINKI)


@pytest.fixture
def bot_clock() -> Clock:
    return fixed_clock(SUNDAY_1_MARCH_2009)


async def ask(api: LocalBotAPI, user: FakeUser, text: str, *, chat: FakeChat | None = None) -> str:
    """Send a message and return the text of the bot's next reply in that chat."""
    text_of_reply = (await say(api, user, text, chat=chat)).plain_text
    assert text_of_reply is not None
    return text_of_reply


async def last_message(api: LocalBotAPI, chat_id: int, count: int) -> SentMessage:
    return (await api.wait_for_message(chat_id, count=count))[count - 1]


async def test_registration_with_buttons_then_next(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    aino = FakeUser(101, "Aino", language_code="fi")
    greeting = await ask(fake_api, aino, "/start")
    assert "Valitse kuntasi" in greeting
    start_message = fake_api.messages_to(aino.id)[-1]
    labels = [label for row in start_message.buttons() for label, _ in row]
    assert "Kerava" in labels
    assert "Raasepori" in labels

    fake_api.press_button(aino, start_message, start_message.callback_data("Kerava"))
    chosen = (await last_message(fake_api, aino.id, 2)).plain_text or ""
    assert "Kuntasi on nyt Kerava." in chosen
    for workshop in (
        "Ehkäisevä lastensuojelu peruspalveluissa",
        "Avoimen / matalan kynnyksen toimintamallien kehittäminen",
        "Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen",
    ):
        assert workshop in chosen
    # The keyboard is gone, so the choice can't be pressed twice by accident.
    assert fake_api.messages_to(aino.id)[0].buttons() == []

    answer = await ask(fake_api, aino, "/next")
    first, second, third = answer.split("\n\n")[1:4]
    assert first.splitlines()[:3] == [
        "Ehkäisevä lastensuojelu peruspalveluissa",
        "ke 4.3.2009 klo 13.00–15.30",
        "Kirkkonummi",
    ]
    assert "ke 11.3.2009" in second
    assert "Raasepori" in second
    assert "ke 25.3.2009, kellonaika ei vielä tiedossa" in third


async def test_municipality_by_name_in_swedish_and_with_a_typo(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    birgitta = FakeUser(102, "Birgitta", language_code="sv")
    reply = await ask(fake_api, birgitta, "/municipality Raseborg")
    assert "Din kommun är nu Raseborg." in reply
    assert "Förebyggande barnskydd i basservicen" in reply
    assert "Utveckling av öppna" not in reply

    reply = await ask(fake_api, birgitta, "/kommun kyrksläta")
    assert "Din kommun är nu Kyrkslätt." in reply

    olli = FakeUser(103, "Olli", language_code="fi")
    assert "Kuntasi on nyt Kirkkonummi." in await ask(fake_api, olli, "/municipality kirkkonumi")
    unknown = await ask(fake_api, olli, "/municipality Helsinki")
    assert "En löytänyt kuntaa ”Helsinki”" in unknown
    assert fake_api.messages_to(olli.id)[-1].buttons() != []


async def test_a_deep_link_chooses_the_municipality_at_once(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    satu = FakeUser(104, "Satu", language_code="fi")
    reply = await ask(fake_api, satu, "/start lohja")
    assert reply.startswith("Hei Satu!")
    assert "Kuntasi on nyt Lohja." in reply
    assert "Ehkäisevä lastensuojelu peruspalveluissa" in reply

    reply = await ask(fake_api, FakeUser(105, "Iiris"), "/start kasvatuskumppanuus")
    assert (
        "Seuraat nyt verstasta Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen." in reply
    )
    assert "Valitse kuntasi" in reply


async def test_next_for_someone_not_registered_shows_every_workshop_and_a_nudge(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    reply = await ask(fake_api, FakeUser(106, "Vieras", language_code="en"), "/next")
    assert reply.startswith("Next meetings")
    assert "Wed 4 Mar 2009, 13:00–15:30" in reply
    assert "Wed 11 Mar 2009" in reply
    assert "Choose your municipality (/municipality)" in reply


async def test_next_narrowed_by_town_and_by_workshop(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    user = FakeUser(107, "Eeva")
    by_town = await ask(fake_api, user, "/next Lohjalla")
    assert "ke 6.5.2009" in by_town
    assert "Lohja" in by_town
    assert "4.3.2009" not in by_town
    by_workshop = await ask(fake_api, user, "/next kasvatuskumppanuus")
    assert "Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen" in by_workshop
    assert "ke 25.3.2009" in by_workshop
    unknown = await ask(fake_api, user, "/next Tampere")
    assert unknown == "En tunnistanut verstasta enkä paikkakuntaa ”Tampere”. Katso /workshops."


async def test_meetings_page_by_page_with_the_more_button(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    user = FakeUser(108, "Kaisa")
    first = await ask(fake_api, user, "/meetings")
    # 15 of the 19 meetings are still ahead on 1.3.2009.
    assert first.startswith("Kokoukset 1–5 / 15")
    page_one = fake_api.messages_to(user.id)[-1]
    [[(label, data)]] = page_one.buttons()
    assert label == "Lisää ›"
    assert data is not None

    fake_api.press_button(user, page_one, data)
    second = (await last_message(fake_api, user.id, 2)).plain_text or ""
    assert second.startswith("Kokoukset 6–10 / 15")
    assert fake_api.messages_to(user.id)[0].buttons() == []

    typed = await ask(fake_api, user, "/meetings 2")
    assert typed == second
    last_page = await ask(fake_api, user, "/meetings 3")
    assert last_page.startswith("Kokoukset 11–15 / 15")
    assert fake_api.messages_to(user.id)[-1].buttons() == []
    assert await ask(fake_api, user, "/meetings 9") == "Sivua 9 ei ole; sivuja on 3."


async def test_meetings_filtered_by_month_and_town(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    user = FakeUser(109, "Leena")
    march = await ask(fake_api, user, "/meetings 3/2009")
    assert march.startswith("Kokoukset 1–5 / 5")
    assert march.count("25.3.2009") == 3
    lohja = await ask(fake_api, user, "/meetings Lohja")
    assert lohja.startswith("Kokoukset 1–1 / 1")
    assert "ke 6.5.2009" in lohja


@pytest.mark.parametrize(
    ("language_code", "question", "expected"),
    [
        ("fi", "milloin on seuraava kokous?", "ke 4.3.2009 klo 13.00–15.30"),
        ("fi", "seuraava kokous Lohjalla", "ke 6.5.2009"),
        ("fi", "mitä kokouksia on maaliskuussa?", "Kokoukset 1–5 / 5"),
        ("fi", "onko ensi viikolla verstasta?", "ke 4.3.2009 klo 13.00–15.30"),
        ("sv", "när är nästa möte i Lojo?", "ons 6.5.2009"),
        ("fi", "när är nästa möte i Lojo?", "Lojo"),
        ("en", "next meeting in Vihti", "Wed 15 Apr 2009"),
        ("en", "meetings next week", "Meetings 1–1 of 1"),
        ("sv", "vem är koordinator?", "Marianna Kokko"),
    ],
)
async def test_questions_in_plain_words(
    fake_api: LocalBotAPI, bot: VerstasApplication, language_code: str, question: str, expected: str
) -> None:
    user = FakeUser(110, "Kysyjä", language_code=language_code)
    assert expected in await ask(fake_api, user, question)


async def test_a_question_it_cannot_understand_gets_help_not_silence(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    reply = await ask(fake_api, FakeUser(111, "Pekka"), "hyvää huomenta")
    assert reply.startswith("En ymmärtänyt kysymystä.")
    assert "/next – Seuraava kokous" in reply


async def test_workshops_join_and_leave_with_buttons_and_commands(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    user = FakeUser(112, "Maija")
    listing = await ask(fake_api, user, "/workshops")
    assert (
        "Kunnat: Järvenpää, Karjalohja, Kerava, Mäntsälä, Nurmijärvi, Siuntio, Tuusula, Vihti"
        in listing
    )
    message = fake_api.messages_to(user.id)[-1]
    [join] = [
        data
        for row in message.buttons()
        for label, data in row
        if label.startswith("Liity: Moniammatillisen") and data
    ]
    fake_api.press_button(user, message, join)
    confirmation = (await last_message(fake_api, user.id, 2)).plain_text or ""
    assert confirmation.startswith("Seuraat nyt verstasta Moniammatillisen")
    refreshed = fake_api.messages_to(user.id)[0]
    assert refreshed.plain_text is not None
    assert "✓ Seuraat tätä verstasta." in refreshed.plain_text
    assert any(label.startswith("Eroa:") for row in refreshed.buttons() for label, _ in row)

    assert (await ask(fake_api, user, "/next")).count("\n\n") >= 1
    assert "Et enää seuraa" in await ask(fake_api, user, "/leave kasvatuskumppanuus")
    assert "Seuraat nyt verstasta" in await ask(fake_api, user, "/join lastensuojelu")
    assert "Seuraat jo verstasta" in await ask(fake_api, user, "/join ehkaiseva-lastensuojelu")
    assert (
        await ask(fake_api, user, "/join")
        == "Kirjoita komennon perään verstaan tunnus, esim. /join ehkaiseva-lastensuojelu"
    )


async def test_contact_and_language(fake_api: LocalBotAPI, bot: VerstasApplication) -> None:
    user = FakeUser(113, "Anna", language_code="fi")
    contacts = await ask(fake_api, user, "/contact")
    assert (
        "Marianna Kokko\nProjektikoordinaattori\n"
        "Sähköposti: marianna.kokko@sosiaalitalo.fi\nPuh. 040 3153446"
    ) in contacts
    assert "Heidi Gerdt" in contacts
    assert await ask(fake_api, user, "/language sv") == "Gärna, nu talar jag svenska."
    assert "ons 4.3.2009 kl. 13.00–15.30" in await ask(fake_api, user, "/next")
    assert await ask(fake_api, user, "/language") == "Välj språk:"
    assert await ask(fake_api, user, "/language en") == "Fine, I speak English now."


async def test_forged_and_outdated_buttons_get_a_clear_answer(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    user = FakeUser(114, "Ville")
    await ask(fake_api, user, "/start")
    message = fake_api.messages_to(user.id)[-1]
    for data in ("mun:999999", "mun:abc", "mtg:1:w1,zzz", "leave:999", "DROP TABLE member"):
        answered = len(fake_api.calls_to("answerCallbackQuery"))
        fake_api.press_button(user, message, data, check=False)
        call = await fake_api.wait_for_call("answerCallbackQuery", count=answered + 1)
        assert call.params["text"] == "Tämä painike on vanhentunut. Kokeile komentoa uudelleen."
    assert len(fake_api.messages_to(user.id)) == 1


async def test_in_a_group_next_answers_and_a_coordinator_links_a_workshop(
    fake_api: LocalBotAPI, bot: VerstasApplication
) -> None:
    group = FakeChat(-100200, "group", "Keravan verstasryhmä")
    member = FakeUser(115, "Jäsen")
    coordinator = FakeUser(COORDINATOR_ID, "Marianna")
    fake_api.add_bot_to_group(member, group)
    hello = await last_message(fake_api, group.id, 1)
    assert (hello.plain_text or "").startswith("Hei! Kysykää minulta /next")

    everything = await ask(fake_api, member, "/next@verstas_test_bot", chat=group)
    assert "ke 11.3.2009" in everything
    assert "Valitse kuntasi" not in everything

    refused = await ask(fake_api, member, "/link kasvatuskumppanuus", chat=group)
    assert refused == "Vain koordinaattori voi liittää ryhmän verstaaseen."
    linked = await ask(fake_api, coordinator, "/link kasvatuskumppanuus", chat=group)
    assert linked == (
        "Tämä ryhmä seuraa nyt verstasta "
        "Moniammatillisen kasvatuskumppanuusajattelun vahvistaminen."
    )
    only_linked = await ask(fake_api, member, "/next", chat=group)
    assert "ke 25.3.2009" in only_linked
    assert "4.3.2009" not in only_linked

    # Plain talk in a group is the members' conversation, not a question to the bot.
    fake_api.send_text(member, "milloin on seuraava kokous?", chat=group)
    await ask(fake_api, member, "/help", chat=group)
    # hello, /next, refusal, link, /next, /help: nothing for the plain question.
    assert len(fake_api.messages_to(group.id)) == 6
