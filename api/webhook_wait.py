"""Waiting for the end of an execution a webhook started (`wait: true`), which any
cluster process runs: the database is polled, from a coroutine, so a waiting request
holds no thread of the ASGI server; the first looks come quickly (a short flow ends in
milliseconds), later ones every MAX_POLL seconds. The wait is bounded by
settings.WEBHOOK_WAIT_TIMEOUT (KESTRAWEB_WEBHOOK_WAIT_TIMEOUT)."""
from __future__ import annotations

import asyncio
import time

from asgiref.sync import sync_to_async
from django.conf import settings

from executions.models import Execution

FIRST_POLL = 0.01
MAX_POLL = 0.5


def _load(execution_id: str) -> Execution | None:
    return Execution.objects.filter(pk=execution_id).first()


async def wait_for_end(execution_id: str) -> tuple[Execution | None, bool]:
    """The execution once ended, or as it is when the wait's bound is reached (or None
    when it was deleted meanwhile); and whether it ended."""
    deadline = time.monotonic() + settings.WEBHOOK_WAIT_TIMEOUT
    pause = FIRST_POLL
    while True:
        execution = await sync_to_async(_load)(execution_id)
        if execution is None or execution.is_terminal:
            return execution, execution is not None
        if time.monotonic() >= deadline:
            return execution, False
        await asyncio.sleep(min(pause, max(0.0, deadline - time.monotonic())))
        pause = min(pause * 2, MAX_POLL)
