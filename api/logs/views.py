"""Kestra's LogController: an execution's logs (list, plain-text download, follow,
delete), a flow's trigger logs (delete) and the logs search."""
from __future__ import annotations

from django.db.models import Q
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.log_queries import LEVELS, UnknownLevel, execution_logs, execution_namespace, levels_from, log_text
from executions.log_search import message_contains
from executions.models import LogEntry
from executions.planner_hints import unlikely
from executions.serializers import log_json

from ..access import READ, WRITE, require, visible
from ..filters import Custom, Date, Text, filter_q
from ..paging import page_params, paged
from ..problems import NotFound, invalid_parameter
from .follow import follow_response
from .serializers import LogEntrySerializer, LogSearchSerializer

LOG_PARAMS = [
    OpenApiParameter("minLevel", enum=list(LEVELS)),
    OpenApiParameter("taskRunId", str),
    OpenApiParameter("taskId", str),
    OpenApiParameter("attempt", int),
]


def _min_level(request, name: str = "minLevel") -> str | None:
    value = request.query_params.get(name) or None
    try:
        levels_from(value)
    except UnknownLevel as exc:
        raise invalid_parameter(name, str(exc)) from None
    return value


def _filtered_logs(request, execution_id: str):
    attempt = request.query_params.get("attempt") or None
    if attempt is not None:
        try:
            attempt = int(attempt)
        except ValueError:
            raise invalid_parameter("attempt", f"{attempt!r} is not a whole number") from None
    return execution_logs(execution_id, _min_level(request), request.query_params.get("taskRunId") or None,
                          request.query_params.get("taskId") or None, attempt)


def _require(request, action: str, execution_id: str, missing_ok: bool = True) -> bool:
    """Check the role on the execution's namespace; False when the execution has
    neither a row nor logs (then nothing to read), NotFound unless `missing_ok`."""
    namespace = execution_namespace(execution_id)
    if namespace is None:
        if missing_ok:
            return False
        raise NotFound(f"Execution not found: {execution_id}")
    require(request, action, namespace)
    return True


class ExecutionLogsView(APIView):
    @extend_schema(parameters=LOG_PARAMS, responses=LogEntrySerializer.__class__(many=True))
    def get(self, request, execution_id: str):
        rows = _filtered_logs(request, execution_id)
        if not _require(request, READ, execution_id):
            return Response([])
        return Response([log_json(row) for row in rows])

    @extend_schema(parameters=LOG_PARAMS, responses={204: None}, operation_id="delete_logs_from_execution")
    def delete(self, request, execution_id: str):
        rows = _filtered_logs(request, execution_id)
        if _require(request, WRITE, execution_id):
            rows.delete()
        return Response(status=204)


class DownloadLogsView(APIView):
    @extend_schema(parameters=LOG_PARAMS, responses={(200, "text/plain"): OpenApiTypes.STR})
    def get(self, request, execution_id: str):
        rows = _filtered_logs(request, execution_id)
        _require(request, READ, execution_id, missing_ok=False)
        text = log_text(rows)
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{execution_id}.log"'
        return response


class FollowLogsView(APIView):
    @extend_schema(parameters=[LOG_PARAMS[0]], responses={(200, "text/event-stream"): OpenApiTypes.STR})
    def get(self, request, execution_id: str):
        min_level = _min_level(request)
        _require(request, READ, execution_id, missing_ok=False)
        return follow_response(request, execution_id, min_level)


class FlowLogsView(APIView):
    @extend_schema(parameters=[OpenApiParameter("triggerId", str)], responses={204: None},
                   operation_id="delete_logs_from_flow")
    def delete(self, request, namespace: str, flow_id: str):
        require(request, WRITE, namespace)
        rows = LogEntry.objects.filter(namespace=namespace, flow_id=flow_id)
        trigger_id = request.query_params.get("triggerId")
        if trigger_id:
            rows = rows.filter(trigger_id=trigger_id)
        rows.delete()
        return Response(status=204)


def level_q(condition) -> Q:
    """`level`: EQUALS/NOT_EQUALS/IN/NOT_IN a level, or at least (minLevel) / at most one."""
    values = condition.value if isinstance(condition.value, list) else [condition.value]
    for value in values:
        if value not in LEVELS:
            raise invalid_parameter(condition.param or "level", f"unknown level {value!r}; known: {', '.join(LEVELS)}")
    at = LEVELS.index(values[0])
    chosen = {
        "EQUALS": values, "NOT_EQUALS": [lvl for lvl in LEVELS if lvl not in values],
        "IN": values, "NOT_IN": [lvl for lvl in LEVELS if lvl not in values],
        "GREATER_THAN_OR_EQUAL_TO": LEVELS[at:], "GREATER_THAN": LEVELS[at + 1:],
        "LESS_THAN_OR_EQUAL_TO": LEVELS[:at + 1], "LESS_THAN": LEVELS[:at],
    }[condition.op]
    left_out = [lvl for lvl in LEVELS if lvl not in chosen]
    if len(left_out) < len(chosen):
        # Most levels kept: said as the few left out, which no index serves, so the
        # database reads newest first on `timestamp` instead of sorting every line of
        # the kept levels.
        return ~Q(level__in=left_out) if left_out else Q()
    kept = Q(level__in=list(chosen))
    # Warnings and errors only: the rare lines of any log, looked up in the level index
    # (executions.planner_hints).
    return unlikely(kept) if set(chosen) <= set(LEVELS[LEVELS.index("WARN"):]) else kept


FIELDS = {
    "namespace": Text("namespace"),
    "flowId": Text("flow_id"),
    "executionId": Text("execution_id"),
    "taskId": Text("task_id"),
    "triggerId": Text("trigger_id"),
    "level": Custom(level_q, ops=("EQUALS", "NOT_EQUALS", "IN", "NOT_IN", "GREATER_THAN_OR_EQUAL_TO",
                                  "GREATER_THAN", "LESS_THAN_OR_EQUAL_TO", "LESS_THAN")),
    # The message holds the text, ignoring case, found through an index (executions.log_search)
    "q": Custom(lambda condition: message_contains(condition.value), ops=("EQUALS", "CONTAINS")),
    "startDate": Date("timestamp"),
    "endDate": Date("timestamp"),
    "timestamp": Date("timestamp"),
}
SORT = {"timestamp": "timestamp", "level": "level", "namespace": "namespace", "flowId": "flow_id",
        "taskId": "task_id", "executionId": "execution_id"}


class SearchLogsView(APIView):
    @extend_schema(responses=LogSearchSerializer)
    def get(self, request):
        rows = visible(request, LogEntry.objects.all()).filter(filter_q(request, FIELDS))
        page = paged(rows, page_params(request, SORT, ["-timestamp"]), log_json)
        return Response({**page, "type": "OFFSET", "nextCursor": None})
