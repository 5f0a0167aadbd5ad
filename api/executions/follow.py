"""`GET /executions/{id}/follow`: the execution as server-sent events (Kestra's
ExecutionController#follow): an event with the Execution JSON now and at each change,
the last one once it ended, then the stream closes; an ended execution gets one event.
The database is polled from a coroutine every KESTRAWEB_API_FOLLOW_POLL seconds, so a
follower holds no thread; the stream lives at most KESTRAWEB_API_FOLLOW_TIMEOUT seconds."""
from __future__ import annotations

import asyncio
import json
import time

from asgiref.sync import sync_to_async
from django.conf import settings
from django.http import StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.models import Execution
from executions.serializers import ENDED

from .async_front import documented_as, rendered_caller
from .lookup import find, fresh_json


class FollowCheck(APIView):
    """The access check and first look, as a DRF view (authentication, 404, 403)."""

    @extend_schema(operation_id="followExecution", responses={(200, "text/event-stream"): OpenApiTypes.STR})
    def get(self, request, execution_id: str):
        find(request, execution_id)
        return Response({})


_check = rendered_caller(FollowCheck)


def _event(data: dict, last: bool) -> str:
    return f"id: {'end' if last else 'progress'}\nevent: message\ndata: {json.dumps(data)}\n\n"


def _ended(data: dict) -> bool:
    return data["state"]["current"] in ENDED - {"PAUSED"}


def _version(execution_id: str):
    return Execution.objects.filter(pk=execution_id).values_list("version", "state", "updated").first()


def _first_look(execution_id: str):
    """The row's version read before its JSON: a change made in between is sent again
    rather than missed (missed, an execution that ended there would never be seen to end)."""
    return _version(execution_id), fresh_json(execution_id)


async def _events(execution_id: str):
    seen, first = await sync_to_async(_first_look)(execution_id)
    yield _event(first, _ended(first))
    if _ended(first):
        return
    deadline = time.monotonic() + settings.API_FOLLOW_TIMEOUT
    while time.monotonic() < deadline:
        await asyncio.sleep(settings.API_FOLLOW_POLL)
        now = await sync_to_async(_version)(execution_id)
        if now is None:
            return  # deleted meanwhile
        if now == seen:
            continue
        seen = now
        data = await sync_to_async(fresh_json)(execution_id)
        yield _event(data, _ended(data))
        if _ended(data):
            return


@csrf_exempt
async def follow_execution(request, execution_id: str):
    response = await _check(request, execution_id=execution_id)
    if response.status_code != 200:
        return response
    stream = StreamingHttpResponse(_events(execution_id),
                                   content_type="text/event-stream")
    stream["Cache-Control"] = "no-cache"
    stream["X-Accel-Buffering"] = "no"
    return stream


documented_as(follow_execution, FollowCheck)
