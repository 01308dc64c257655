"""The person's side of a console chat: what they type goes to the bot, what the bot sends is
shown as it comes, buttons are pressed by their numbers and files are saved to a folder.

A message of several lines (a pasted announcement) is one message when its lines arrive at
once — a paste at a terminal — or when typed as a block: a line of three double quotes
(`BLOCK`), then the lines, then an empty line. `/file PATH [caption]` sends a file from
disk as Telegram would.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import select
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.console.bot_api import ApiCall, FakeUser, LocalBotAPI, SentMessage
from bot.console.rendering import Choice, choices_of, render_choices, render_text
from bot.foundation.typed import number
from bot.language.catalog import Texts

QUIT = "/quit"
# `/file PATH [caption]`: the console's own command, never sent to the bot as text.
FILE = "/file"
# A line of its own that starts a message of several lines; an empty line ends it.
BLOCK = '"""'
PROMPT = "› "
MORE = "… "
# Lines that follow one another closer than this came in one paste, not typed one by one.
PASTE_GAP = 0.03
# After a line goes to the bot, the next one waits until the bot has answered and then been
# quiet for a moment, so that lines typed ahead (or a script) meet the buttons they expect.
ANSWER_WAIT = 10.0
QUIET = 0.5

Lines = asyncio.Queue[str | None]


@dataclass
class Screen:
    """The terminal: `interactive` when a person types at it (a prompt, and what they typed is
    already on screen); `styled` when it shows bold and italics."""

    out: TextIO
    interactive: bool = False
    styled: bool = False
    _prompting: bool = field(default=False, init=False)

    def show(self, text: str) -> None:
        """Write lines; a prompt waiting for input is redrawn below them."""
        if self._prompting:
            self.out.write("\r\033[K")
        self.out.write(text + "\n")
        if self._prompting:
            self.out.write(PROMPT)
        self.out.flush()

    def prompt(self, mark: str = PROMPT) -> None:
        """Ask for the next line (only a person at a terminal sees a prompt); `MORE` asks
        for the next line of a block."""
        if self.interactive:
            self._prompting = True
            self.out.write(mark)
            self.out.flush()

    def end(self) -> None:
        """The chat is over: what comes next (the shell's prompt) starts on a line of its own."""
        if self._prompting:
            self._prompting = False
            self.out.write("\n")
            self.out.flush()

    def typed(self, line: str) -> None:
        """A line was read: a script's lines are echoed so that the transcript reads as a chat."""
        if self._prompting:
            self._prompting = False
        elif line:
            self.show(PROMPT + line)


def read_lines(fd: int, loop: asyncio.AbstractEventLoop, *, paste: bool = False) -> Lines:
    """The lines read from the file descriptor `fd`, then None at its end.

    With `paste` (a person at a terminal), lines that arrive at once are one message of
    several lines: the terminal hands a paste over a line at a time, but with the next
    already waiting, which no one typing is quick enough for. A script's lines (`paste`
    off) are each a message, however fast they come.

    A daemon thread reads, so that a read blocked in the terminal does not keep the console
    from exiting on Ctrl-C; it reads the descriptor itself because a thread blocked inside
    `sys.stdin` holds a lock that the interpreter needs when it exits.
    """
    lines: Lines = asyncio.Queue()

    def put(line: str | None) -> None:
        # The loop may already be closed when the person types while the console exits.
        with suppress(RuntimeError):
            loop.call_soon_threadsafe(lines.put_nowait, line)

    def read() -> None:
        pending, pasted = b"", list[str]()
        while True:
            if pasted and not _more_waiting(fd):
                put("\n".join(pasted))
                pasted = []
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            *complete, pending = (pending + chunk).split(b"\n")
            for raw in complete:
                line = raw.decode("utf-8", errors="replace").rstrip("\r")
                if paste:
                    pasted.append(line)
                else:
                    put(line)
        if pending:
            pasted.append(pending.decode("utf-8", errors="replace").rstrip("\r"))
        if pasted:
            put("\n".join(pasted))
        put(None)

    threading.Thread(target=read, name="terminal input", daemon=True).start()
    return lines


def _more_waiting(fd: int) -> bool:
    """Whether more input is there already, or comes within a paste's gap."""
    readable, _, _ = select.select([fd], [], [], PASTE_GAP)
    return bool(readable)


class TerminalChat:
    """One person chatting with the bot through the local Bot API, in a terminal."""

    def __init__(
        self,
        api: LocalBotAPI,
        person: FakeUser,
        texts: Texts,
        screen: Screen,
        files: Path,
    ) -> None:
        self.api = api
        self.person = person
        self.texts = texts
        self.language = texts.choose(person.language_code)
        self.screen = screen
        self.files = files
        self._calls: asyncio.Queue[ApiCall] = asyncio.Queue()
        self._answered = asyncio.Event()
        # The buttons shown last: a typed number presses one of them.
        self._buttons: tuple[int, list[list[Choice]]] | None = None
        api.add_listener(self._calls.put_nowait)

    def say(self, key: str, /, **args: str | int) -> None:
        """Show one of the console's own lines, in the person's language."""
        self.screen.show(self.texts(self.language, key, **args))

    async def run(self, lines: Lines) -> None:
        """Chat until /quit or the end of input; what the bot sends is shown meanwhile."""
        showing = asyncio.create_task(self._show_calls())
        try:
            while True:
                self.screen.prompt()
                line = await lines.get()
                if line is None:
                    break
                line = line.strip()
                self.screen.typed(line)
                if line == QUIT:
                    break
                if line == BLOCK:
                    line = await self._block(lines)
                if line and self.act(line):
                    await self._wait_for_answer()
        finally:
            showing.cancel()
            # Whatever came in meanwhile is still shown, before the console goes.
            while not self._calls.empty():
                self.show_call(self._calls.get_nowait())
            self.screen.end()

    async def _block(self, lines: Lines) -> str:
        """The lines after `BLOCK` up to an empty line (or the end of input), as one message."""
        block: list[str] = []
        while True:
            self.screen.prompt(MORE)
            line = await lines.get()
            if line is None or not line.strip():
                if line is not None:
                    self.screen.typed(line)
                return "\n".join(block).strip()
            self.screen.typed(line)
            block.append(line.rstrip())

    def act(self, line: str) -> bool:
        """Send the line, or press the button with its number, or send a file (`/file`);
        True when the bot got something."""
        self._answered.clear()
        if line == FILE or line.startswith(FILE + " "):
            return self.send_file(line.removeprefix(FILE))
        pressed = number(line)
        if pressed is None or self._buttons is None:
            self.api.send_text(self.person, line)
            return True
        message_id, rows = self._buttons
        choices = [choice for row in rows for choice in row]
        if not 1 <= pressed <= len(choices):
            self.say("console-no-button", number=pressed, count=len(choices))
            return False
        choice = choices[pressed - 1]
        self.say("console-pressed", button=choice.label)
        if choice.url is not None:
            self.say("console-link", url=choice.url)
            return False
        message = self._message(message_id)
        current = [data for row in message.buttons() for _, data in row] if message else []
        if message is None or choice.data is None or choice.data not in current:
            # The keyboard changed before it was shown again: no longer there to press.
            self._buttons = None
            self.api.send_text(self.person, line)
            return True
        self.api.press_button(self.person, message, choice.data)
        return True

    def send_file(self, written: str) -> bool:
        """`/file PATH [caption]`: the file from disk as a document, which the bot downloads
        as from Telegram; a path with spaces in quotes. True when it was sent."""
        path_text, caption = _path_and_caption(written)
        if not path_text:
            self.say("console-file-usage")
            return False
        path = Path(path_text).expanduser()
        try:
            content = path.read_bytes()
        except OSError as error:
            self.say("console-file-unreadable", path=str(path), reason=error.strerror or "")
            return False
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.say("console-file-sent", name=path.name, size=len(content))
        self.api.send_document(
            self.person, path.name, content, caption=caption, mime_type=mime_type
        )
        return True

    async def _wait_for_answer(self) -> None:
        with suppress(TimeoutError):
            async with asyncio.timeout(ANSWER_WAIT):
                await self._answered.wait()
            while True:
                self._answered.clear()
                async with asyncio.timeout(QUIET):
                    await self._answered.wait()

    async def _show_calls(self) -> None:
        while True:
            self.show_call(await self._calls.get())

    def show_call(self, call: ApiCall) -> None:
        """Show what one request of the bot did in the person's chat, if anything."""
        if call.status != 200 or call.params.get("chat_id", self.person.id) != self.person.id:
            return
        method = call.method
        if method == "answerCallbackQuery":
            self._answered.set()
            if call.params.get("text"):
                self.say("console-bot-alert")
                self.screen.show(_indent(str(call.params["text"])))
            return
        result = call.response.get("result") if isinstance(call.response, dict) else None
        if not isinstance(result, dict):
            return
        message_id = int(result.get("message_id", 0))
        if method in ("sendMessage", "sendDocument", "sendPhoto"):
            self._answered.set()
            self.say("console-bot")
            self._show_message(call, message_id, "caption" if method != "sendMessage" else "text")
            if method != "sendMessage":
                self._save_file(message_id)
        elif method in ("editMessageText", "editMessageCaption"):
            self._answered.set()
            self.say("console-bot-edited")
            self._show_message(
                call, message_id, "text" if method == "editMessageText" else "caption"
            )
        elif method == "editMessageReplyMarkup":
            self._answered.set()
            rows = choices_of(call.params.get("reply_markup"))
            if rows:
                self.say("console-bot-edited")
                self._show_buttons(message_id, rows)
            elif self._buttons is not None and self._buttons[0] == message_id:
                # The buttons the person saw are gone (pressed once, they can't be again).
                self._buttons = None

    def _show_message(self, call: ApiCall, message_id: int, key: str) -> None:
        text = call.params.get(key)
        if text:
            rendered = render_text(
                str(text), call.params.get("parse_mode"), styled=self.screen.styled
            )
            self.screen.show(_indent(rendered))
        rows = choices_of(call.params.get("reply_markup"))
        if rows:
            self._show_buttons(message_id, rows)
        elif self._buttons is not None and self._buttons[0] == message_id:
            # Like Telegram: an edit without buttons removes them.
            self._buttons = None

    def _show_buttons(self, message_id: int, rows: list[list[Choice]]) -> None:
        self._buttons = (message_id, rows)
        self.screen.show(_indent("\n".join(render_choices(rows))))

    def _save_file(self, message_id: int) -> None:
        message = self._message(message_id)
        if message is None or message.document_bytes is None:
            return
        # Only the name: a path in it must not place the file outside the folder.
        name = Path(message.document_name or f"file-{message_id}").name or f"file-{message_id}"
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / name
        copy = 1
        while path.exists():
            copy += 1
            path = self.files / f"{Path(name).stem}-{copy}{Path(name).suffix}"
        path.write_bytes(message.document_bytes)
        self.screen.show(_indent(self.texts(self.language, "console-file-saved", path=str(path))))

    def _message(self, message_id: int) -> SentMessage | None:
        for message in self.api.messages_to(self.person.id):
            if message.message_id == message_id:
                return message
        return None


def _path_and_caption(written: str) -> tuple[str, str | None]:
    """`PATH caption…` or `"PATH with spaces" caption…`: the path and the caption, if any."""
    written = written.strip()
    quote = written[:1]
    if quote in {'"', "'"} and quote in written[1:]:
        path, _, rest = written[1:].partition(quote)
    else:
        path, _, rest = written.partition(" ")
        if "\n" in path:
            path, _, more = path.partition("\n")
            rest = "\n".join(part for part in (more, rest) if part)
    return path, rest.strip() or None


def _indent(text: str) -> str:
    return "\n".join("  " + line if line else "" for line in text.splitlines())
