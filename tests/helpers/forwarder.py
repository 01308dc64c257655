"""One port in front of several instances, as a reverse proxy's upstream is: each TCP
connection goes to the next instance in turn and is passed through byte for byte."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from itertools import cycle


class RoundRobin:
    """Listens on 127.0.0.1; `connections` counts the connections each instance was given."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self._turns = cycle(ports)
        self.connections: Counter[int] = Counter()
        self._server: asyncio.Server | None = None
        self._passing: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        """Listen on a free port; returns it."""
        self._server = await asyncio.start_server(self._accepted, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Stop listening and end the connections in progress."""
        if self._server is not None:
            self._server.close()
        for task in self._passing:
            task.cancel()
        await asyncio.gather(*self._passing, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    def _accepted(self, client: asyncio.StreamReader, to_client: asyncio.StreamWriter) -> None:
        task = asyncio.create_task(self._pass_on(client, to_client))
        self._passing.add(task)
        task.add_done_callback(self._passing.discard)

    async def _pass_on(self, client: asyncio.StreamReader, to_client: asyncio.StreamWriter) -> None:
        port = next(self._turns)
        writers = [to_client]
        try:
            instance, to_instance = await asyncio.open_connection("127.0.0.1", port)
            writers.append(to_instance)
            self.connections[port] += 1
            pipes = {
                asyncio.create_task(_pipe(client, to_instance)),
                asyncio.create_task(_pipe(instance, to_client)),
            }
            try:
                # The client hangs up once answered (or the instance does): the connection
                # is over, though the other side would keep it alive.
                await asyncio.wait(pipes, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for pipe in pipes:
                    pipe.cancel()
                await asyncio.gather(*pipes, return_exceptions=True)
        except OSError:
            pass  # The instance is not there: the client sees the connection end, as at a proxy.
        finally:
            for writer in writers:
                writer.close()
                with contextlib.suppress(Exception):
                    await writer.wait_closed()


async def _pipe(source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await source.read(65_536):
            target.write(data)
            await target.drain()
