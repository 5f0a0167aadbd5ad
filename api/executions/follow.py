"""`GET /executions/{id}/follow`: the execution as server-sent events (Kestra's
ExecutionController#follow): an event with the Execution JSON now and at each change,
the last one once it ended, then the stream closes; an ended execution gets one event.
The database is polled as kestraweb.event_stream polls."""
from __future__ import annotations

from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.models import Execution
from executions.serializers import ENDED
from kestraweb.event_stream import Polled, polled_stream, sse_event

from .async_front import documented_as, rendered_caller
from .lookup import find, fresh_json


class FollowCheck(APIView):
    """The access check and first look, as a DRF view (authentication, 404, 403)."""

    @extend_schema(operation_id="followExecution", responses={(200, "text/event-stream"): OpenApiTypes.STR})
    def get(self, request, execution_id: str):
        find(request, execution_id)
        return Response({})


_check = rendered_caller(FollowCheck)


def _ended(data: dict) -> bool:
    return data["state"]["current"] in ENDED - {"PAUSED"}


def _event(data: dict) -> Polled:
    return Polled([sse_event("end" if _ended(data) else "progress", data)], _ended(data))


def _version(execution_id: str):
    return Execution.objects.filter(pk=execution_id).values_list("version", "state", "updated").first()


class _Changes:
    """A read of the execution: its JSON the first time, then whenever its row changed."""

    def __init__(self, execution_id: str):
        self.execution_id, self.seen, self.started = execution_id, None, False

    def __call__(self) -> Polled:
        if not self.started:
            # The version is read before the JSON: a change made in between is sent again
            # rather than missed (missed, an execution that ended there would never be seen to end).
            self.started, self.seen = True, _version(self.execution_id)
            return _event(fresh_json(self.execution_id))
        now = _version(self.execution_id)
        if now is None:
            return Polled([], True)  # deleted meanwhile
        if now == self.seen:
            return Polled([], False)
        self.seen = now
        return _event(fresh_json(self.execution_id))


@csrf_exempt
async def follow_execution(request, execution_id: str):
    response = await _check(request, execution_id=execution_id)
    if response.status_code != 200:
        return response
    return polled_stream(request, _Changes(execution_id))


documented_as(follow_execution, FollowCheck)
