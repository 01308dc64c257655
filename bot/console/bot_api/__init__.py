"""A local Telegram Bot API server: for the terminal console and for end-to-end tests.

The server speaks real HTTP on 127.0.0.1, so a PTB ``Bot``/``Application`` reaches it through
PTB's normal HTTP stack (``HTTPXRequest``) just by setting ``base_url`` to
:attr:`LocalBotAPI.base_url`. The console and the tests inject what users do (``send_text``,
``press_button``, ...), which queues updates for ``getUpdates`` long polling, and then see what
the bot did (``calls``, ``sent``, ``wait_for_message``, or as it happens with ``add_listener``).

Behaviour follows the real Bot API where it matters for catching bugs: error bodies and HTTP
statuses, the 4096-character text limit, HTML ``parse_mode`` validation (tdlib's error texts),
"message is not modified", and editMessageText dropping an inline keyboard that is not re-sent.

Faults for tests: the next calls of a method can fail (``fail_next``), a share of all calls
can get 429 or 5xx from a seeded generator (``fail_randomly``), and the whole server can
be unreachable for a while (``become_unreachable``); ``early_retries`` lists the calls that
came sooner than a 429's ``retry_after`` allowed.

The modules: ``server`` (:class:`LocalBotAPI`, the HTTP side and what tests call),
``methods`` (the Bot API methods), ``updates`` (queue, long polling, webhook), ``chats``
(users, chats, messages and their JSON), ``user_actions`` (what users do, as updates),
``files``, ``validation`` and ``html`` (Telegram's checks and HTML rules), ``params``
(decoding requests), ``faults`` and ``errors`` (error answers), ``records`` (data classes).
"""

from bot.console.bot_api.html import HtmlParseError, parse_html
from bot.console.bot_api.records import ApiCall, FakeChat, FakeUser, SentMessage, UploadedFile
from bot.console.bot_api.server import LocalBotAPI

__all__ = [
    "ApiCall",
    "FakeChat",
    "FakeUser",
    "HtmlParseError",
    "LocalBotAPI",
    "SentMessage",
    "UploadedFile",
    "parse_html",
]
