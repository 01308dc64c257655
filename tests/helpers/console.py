"""`python -m bot console` in a child process, typed at through a pipe as a person would."""

from __future__ import annotations

import asyncio
import codecs
import re
import signal
import sys
from pathlib import Path

from tests.helpers.bots import clean_environment

# The first lines wait for the interpreter, the migrations and the bot to start.
START_TIMEOUT = 60.0
ANSWER_TIMEOUT = 30.0


class ConsoleProcess:
    """The console with its standard input and output piped; `expect` waits for what it shows."""

    def __init__(self, cwd: Path, *args: str) -> None:
        self.cwd = cwd
        self.args = args
        self.process: asyncio.subprocess.Process | None = None
        self.output = ""
        self._seen = 0  # what earlier expectations have read
        # A character may come in two reads.
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    async def start(self) -> None:
        """Start the console; it starts the bot and the local Bot API on its own."""
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "console",
            *self.args,
            cwd=self.cwd,
            env=clean_environment(PYTHONIOENCODING="utf-8"),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )

    async def type(self, line: str) -> None:
        """Type a line and press Enter."""
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode() + b"\n")
        await self.process.stdin.drain()

    async def expect(self, pattern: str, timeout: float = ANSWER_TIMEOUT) -> re.Match[str]:  # noqa: ASYNC109
        """Wait until the output after the last expectation matches `pattern` (a regular
        expression); the match is read, so the next expectation looks after it."""
        assert self.process is not None
        assert self.process.stdout is not None
        compiled = re.compile(pattern)
        try:
            async with asyncio.timeout(timeout):
                while (match := compiled.search(self.output, self._seen)) is None:
                    chunk = await self.process.stdout.read(4096)
                    if not chunk:
                        raise AssertionError(f"the console ended before {pattern!r}")
                    self.output += self._decoder.decode(chunk)
        except TimeoutError:
            raise AssertionError(
                f"no {pattern!r} within {timeout} s; the console showed:\n{self.output}"
            ) from None
        self._seen = match.end()
        return match

    async def close_input(self) -> None:
        """Ctrl-D: the end of the input."""
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.close()
        await self.process.stdin.wait_closed()

    def interrupt(self) -> None:
        """Ctrl-C."""
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)

    async def finish(self, timeout: float = ANSWER_TIMEOUT) -> tuple[int, str, str]:  # noqa: ASYNC109
        """Wait for the console to exit: its status, the rest of its output, its errors."""
        assert self.process is not None
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        async with asyncio.timeout(timeout):
            rest, errors = await asyncio.gather(
                self.process.stdout.read(), self.process.stderr.read()
            )
            status = await self.process.wait()
        self.output += self._decoder.decode(rest, final=True)
        return status, self.output[self._seen :], errors.decode()

    async def kill(self) -> None:
        """Make sure the process is gone (for cleanup after a failed test)."""
        if self.process is not None and self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
