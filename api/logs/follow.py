"""`GET /logs/{executionId}/follow`: the execution's log lines as server-sent events,
those already written first, then new ones as they come, as Kestra's LogController
streams them. Kestra's first event is an empty LogEntry; here it is an SSE comment,
which clients skip (kestrapy would otherwise yield a LogEntry without namespace).

New lines are read from the database by id (greater than the last one sent) every
KESTRAWEB_API_FOLLOW_POLL. The stream ends once the execution is terminal and
its lines are all sent, or after KESTRAWEB_API_FOLLOW_TIMEOUT. Under ASGI
(uvicorn) the generator is asynchronous so a follower holds no thread while it waits;
under WSGI (tests' live server, runserver) it is a plain generator."""
from __future__ import annotations

import asyncio
import json
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse

from executions.log_queries import execution_is_terminal, execution_logs
from executions.serializers import log_json

BATCH = 500
# requests' iter_content reads 128-byte blocks: on an unchunked (HTTP/1.0, WSGI) stream
# a block waits until it is full, so the WSGI stream pads each batch to whole blocks.
BLOCK = 128


def _padded(events: list[str]) -> str:
    text = "".join(events)
    short = -(len(text.encode()) + 3) % BLOCK  # ":" and "\n\n"
    return f"{text}:{' ' * short}\n\n"


def _next_events(execution_id: str, min_level: str | None, after_id: int) -> tuple[list[str], int, bool]:
    """The SSE events of lines after `after_id`, the last id sent, and whether the
    stream is done (the execution was terminal before this read and nothing is left)."""
    terminal = execution_is_terminal(execution_id)
    rows = list(execution_logs(execution_id, min_level).filter(id__gt=after_id).order_by("id")[:BATCH])
    events = [f"id: progress\ndata: {json.dumps(log_json(row))}\n\n" for row in rows]
    last = rows[-1].id if rows else after_id
    return events, last, terminal and len(rows) < BATCH


def _sync_stream(execution_id: str, min_level: str | None):
    yield _padded([": start\n\n"])
    deadline = time.monotonic() + settings.API_FOLLOW_TIMEOUT
    last = 0
    while time.monotonic() < deadline:
        events, last, done = _next_events(execution_id, min_level, last)
        if events:
            yield _padded(events)
        if done:
            return
        if not events:
            time.sleep(settings.API_FOLLOW_POLL)


async def _async_stream(execution_id: str, min_level: str | None):
    yield ": start\n\n"
    deadline = time.monotonic() + settings.API_FOLLOW_TIMEOUT
    last = 0
    read = sync_to_async(_next_events)
    while time.monotonic() < deadline:
        events, last, done = await read(execution_id, min_level, last)
        for event in events:
            yield event
        if done:
            return
        if not events:
            await asyncio.sleep(settings.API_FOLLOW_POLL)


def follow_response(request, execution_id: str, min_level: str | None) -> StreamingHttpResponse:
    """`request` is DRF's Request; the Django request it wraps says which server runs."""
    stream = _async_stream if isinstance(request._request, ASGIRequest) else _sync_stream
    response = StreamingHttpResponse(stream(execution_id, min_level), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
