"""Server-sent events fed by polling the database, for every stream the API and the
pages send (an execution, its logs, its lineage). A stream is a `read`: a plain
function that looks at the database and says which events are new and whether the
stream is done; this module states once how it is polled:

- read at once, then again at once while there is news (a backlog goes out without
  waiting), else after KESTRAWEB_API_FOLLOW_POLL seconds;
- after KESTRAWEB_API_FOLLOW_KEEPALIVE seconds without news, send a comment, so that
  a proxy does not close the quiet connection as idle (nginx's default: 60 seconds);
- end after the events of a read that says done, or at the first read past
  KESTRAWEB_API_FOLLOW_TIMEOUT (there is always one read: an ended execution still
  gets its events).

Under ASGI (uvicorn) the stream is an asynchronous generator, so a follower holds no
thread while it waits; each read runs in Django's thread for sync code. Under WSGI
(runserver, the tests' live server) it is a plain generator: an asynchronous one would
be read to its end before the first byte is sent."""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import NamedTuple

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, StreamingHttpResponse

# requests' iter_content reads 128-byte blocks: on an unchunked (HTTP/1.0, WSGI) stream
# a block waits until it is full, so the WSGI stream pads each batch to whole blocks.
BLOCK = 128


class Polled(NamedTuple):
    """What one read found: the new events, and whether the stream ends after them."""

    events: list[str]
    done: bool


Read = Callable[[], Polled]


def sse_event(event_id: str, data: object, event: str | None = "message") -> str:
    """One event: its id, its type (None: no `event:` line, the default type), its JSON."""
    kind = f"event: {event}\n" if event else ""
    return f"id: {event_id}\n{kind}data: {json.dumps(data)}\n\n"


def sse_comment(text: str) -> str:
    """A line clients skip (a first event that carries nothing, a keep-alive)."""
    return f": {text}\n\n"


KEEP_ALIVE = sse_comment("keep-alive")


def _batches(read: Read) -> Iterator[list[str]]:
    """The polling rule: each read's events as a batch; an empty batch means wait a poll."""
    deadline = quiet_since = time.monotonic()
    deadline += settings.API_FOLLOW_TIMEOUT
    while True:
        events, done = read()
        now = time.monotonic()
        if done or now >= deadline:
            if events:
                yield events
            return
        if events:
            quiet_since = now
        elif settings.API_FOLLOW_KEEPALIVE and now - quiet_since >= settings.API_FOLLOW_KEEPALIVE:
            quiet_since = now
            yield [KEEP_ALIVE]
        yield events


def _next_batch(batches: Iterator[list[str]]) -> list[str] | None:
    """The next batch, None once the stream ended; run in Django's sync thread, where the reads are made."""
    return next(batches, None)


def _padded(events: list[str]) -> str:
    text = "".join(events)
    short = -(len(text.encode()) + 3) % BLOCK  # ":" and "\n\n"
    return f"{text}:{' ' * short}\n\n"


def _sync_stream(start: str | None, read: Read) -> Iterator[str]:
    if start is not None:
        yield _padded([start])
    for batch in _batches(read):
        if batch:
            yield _padded(batch)
        else:
            time.sleep(settings.API_FOLLOW_POLL)


async def _async_stream(start: str | None, read: Read) -> AsyncIterator[str]:
    if start is not None:
        yield start
    batches, step = _batches(read), sync_to_async(_next_batch)
    while (batch := await step(batches)) is not None:
        for event in batch:
            yield event
        if not batch:
            await asyncio.sleep(settings.API_FOLLOW_POLL)


def polled_stream(request: HttpRequest, read: Read, start: str | None = None) -> StreamingHttpResponse:
    """The response streaming `start` (sent before the first read) then `read`'s events;
    `request` is Django's (a DRF view passes `request._request`): it says which server runs."""
    stream = _async_stream if isinstance(request, ASGIRequest) else _sync_stream
    response = StreamingHttpResponse(stream(start, read), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
