"""`GET /executions/{id}/follow-dependencies?destinationOnly&expandAll` (Kestra's
ExecutionController#followDependenciesExecutions): server-sent events of the
executions of the flows around this execution's flow (its FlowTopologyGraph, as
`/flows/{ns}/{id}/dependencies` gives it) that share its `system.correlationId`
(started by it, or by what started it). Events, as Kestra's:

- `id: start` first, with the execution's id only;
- `id: progress` with an ExecutionStatusEvent {executionId, tenantId, namespace,
  flowId, state} whenever such an execution changes;
- `id: end` once one of them ended (its flow is then no longer followed);
- `id: end-all` once every flow followed had an execution end, then the stream closes.

The database is polled as kestraweb.event_stream polls; executions outside the user's
readable namespaces are never sent."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from django.db.models import Q
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.flows.params import bool_param
from api.flows.views_search import live_flows
from executions.labels import correlation_of
from executions.models import Execution, ExecutionLabel
from executions.serializers import state_json
from executions.states import TERMINAL
from flows.dependencies import dependencies
from kestraweb.access import visible_namespaces_filter
from kestraweb.event_stream import Polled, polled_stream, sse_event
from plugins.api.labels import CORRELATION_LABEL

from .async_front import documented_as, rendered_caller
from .lookup import find

TENANT = "main"
TERMINAL_VALUES = {state.value for state in TERMINAL}
FOLLOW_KEY = "_kestraweb_follow_dependencies"


@dataclass
class Following:
    execution_id: str
    correlation: str | None
    flows: set[tuple[str, str]]
    readable: Q
    seen: dict[str, tuple] = field(default_factory=dict)


class FollowDependenciesCheck(APIView):
    """Authentication, access (404/403) and the flows to follow, left on the request."""

    @extend_schema(operation_id="followDependenciesExecution", parameters=[
        OpenApiParameter("destinationOnly", bool), OpenApiParameter("expandAll", bool)],
        responses={(200, "text/event-stream"): OpenApiTypes.STR})
    def get(self, request, execution_id: str):
        execution = find(request, execution_id)
        start = (execution.namespace, execution.flow_id)
        flows_read = live_flows(request).only("namespace", "flow_id", "source")
        sources = {(f.namespace, f.flow_id): f.source for f in flows_read}
        edges = dependencies(start, sources, bool_param(request, "destinationOnly", False),
                             bool_param(request, "expandAll", False))
        flows = {start} | {key for edge in edges for key in (edge.source, edge.target)}
        correlation = correlation_of(execution)
        readable = visible_namespaces_filter(request.user)
        setattr(request._request, FOLLOW_KEY, Following(execution_id, correlation, flows, readable))
        return Response({})


_check = rendered_caller(FollowDependenciesCheck)


def _status(execution: Execution) -> dict:
    return {"executionId": execution.id, "tenantId": TENANT, "namespace": execution.namespace,
            "flowId": execution.flow_id, "state": state_json(execution.state, execution.state_history)}


def _changes(following: Following) -> Polled:
    """Events for the lineage's executions changed since the last look; `end-all` and
    done once every flow followed had an execution end."""
    events = _lineage_changes(following)
    if not following.flows:
        return Polled([*events, sse_event("end-all", {"executionId": following.execution_id})], True)
    return Polled(events, False)


def _lineage_changes(following: Following) -> list[str]:
    if following.correlation is None:
        return []
    in_lineage = ExecutionLabel.objects.filter(key=CORRELATION_LABEL, value=following.correlation)
    rows = (Execution.objects.filter(pk__in=in_lineage.values("execution_id")).filter(following.readable)
            .only("id", "namespace", "flow_id", "state", "state_history", "version").order_by("created", "id"))
    events = []
    for execution in rows:
        key = (execution.namespace, execution.flow_id)
        stamp = (execution.version, execution.state)
        if key not in following.flows or following.seen.get(execution.id) == stamp:
            continue
        following.seen[execution.id] = stamp
        if execution.state in TERMINAL_VALUES:
            events.append(sse_event("end", _status(execution)))
            following.flows.discard(key)
        else:
            events.append(sse_event("progress", _status(execution)))
    return events


@csrf_exempt
async def follow_dependencies(request, execution_id: str):
    response = await _check(request, execution_id=execution_id)
    if response.status_code != 200:
        return response
    following = getattr(request, FOLLOW_KEY)
    return polled_stream(request, partial(_changes, following),
                         start=sse_event("start", {"executionId": following.execution_id}))


documented_as(follow_dependencies, FollowDependenciesCheck)
