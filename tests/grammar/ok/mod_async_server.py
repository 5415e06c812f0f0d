# An async server: async def/for/with, await, async comprehensions,
# global/nonlocal, try/except*, lambda, slices, star expressions.
import asyncio
import contextlib
import logging as log

COUNT = 0
CLIENTS: set["Client"] = set()


class Client:
    __slots__ = ("reader", "writer", "name")

    def __init__(self, reader, writer):
        self.reader, self.writer = reader, writer
        self.name = writer.get_extra_info("peername", ("?", 0))[0]

    async def lines(self):
        while line := await self.reader.readline():
            yield line.decode(errors="replace").rstrip("\r\n")

    async def send(self, *parts, sep=" "):
        self.writer.write((sep.join(map(str, parts)) + "\n").encode())
        await self.writer.drain()


async def handle(reader, writer):
    global COUNT
    COUNT += 1
    client = Client(reader, writer)
    CLIENTS.add(client)
    seen = 0

    def bump():
        nonlocal seen
        seen += 1
        return seen

    try:
        async for line in client.lines():
            match line.split():
                case ["quit" | "exit"]:
                    break
                case ["say", *words] if words:
                    others = [c async for c in aiter_clients() if c is not client]
                    await asyncio.gather(*(c.send(client.name, "says", *words) for c in others))
                case ["count"]:
                    await client.send(COUNT, bump())
                case [cmd, *_]:
                    await client.send(f"unknown command {cmd!r}")
                case []:
                    continue
    except* ConnectionError as group:
        log.warning("lost %s: %d errors", client.name, len(group.exceptions))
    except* (ValueError, TypeError):
        raise
    finally:
        CLIENTS.discard(client)
        with contextlib.suppress(Exception):
            writer.close()
            await writer.wait_closed()


async def aiter_clients():
    for c in list(CLIENTS):
        yield c
        await asyncio.sleep(0)


async def main(host="127.0.0.1", port=8888):
    server = await asyncio.start_server(handle, host, port)
    async with server, asyncio.timeout(None) as _t:
        addrs = ", ".join(str(s.getsockname()) for s in server.sockets)
        log.info("serving on %s", addrs)
        await server.serve_forever()
    key = lambda c, *, by="name": getattr(c, by)
    first, *middle, last = sorted(CLIENTS, key=key) or [None, None]
    return first, middle[::2], middle[1::-1], last


if __name__ == "__main__":
    asyncio.run(main())
