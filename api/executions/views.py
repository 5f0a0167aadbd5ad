"""Creating, reading, searching and deleting executions (Kestra's ExecutionController:
createExecution, getExecution, searchExecutions, searchExecutionsByFlowId, delete)."""
from __future__ import annotations

import json
from collections import defaultdict

from asgiref.sync import sync_to_async
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import READ, WRITE, require, visible
from api.filters import filter_q
from api.paging import page_params
from api.parsers import FormParser, MultiPartParser
from api.problems import Conflict, NotFound, invalid_parameter
from api.webhook import execution_url
from api.webhook_wait import wait_for_end
from executions.models import Execution, TaskRun
from executions.operations import UnknownBreakpointTask
from executions.serializers import execution_json
from executions.services import actions
from executions.services.launch import FlowNotExecutable, launch
from flows.models import Flow

from .async_front import documented_as, rendered_caller
from .lookup import find, fresh_json, refused_as_conflict
from .params import KINDS, breakpoints_of, flag, inputs_of, instant, integer, kind_of, labels_of
from .search_fields import DEFAULT_SORT, FIELDS, SORT

EXECUTION = OpenApiTypes.OBJECT
PAGED = {200: OpenApiTypes.OBJECT}
CREATE_PARAMS = [
    OpenApiParameter("labels", str, many=True, description="key:value, repeatable"),
    OpenApiParameter("wait", bool), OpenApiParameter("revision", int),
    OpenApiParameter("scheduleDate", OpenApiTypes.DATETIME),
    OpenApiParameter("kind", str, enum=list(KINDS)),
    OpenApiParameter("breakpoints", str, many=True,
                     description="stop before these tasks: 'taskId' or 'taskId.value', comma-separated"),
]


def _with_url(data: dict) -> dict:
    return {**data, "url": execution_url(_Ref(data))}


class _Ref:
    def __init__(self, data: dict):
        self.id, self.namespace, self.flow_id = data["id"], data["namespace"], data["flowId"]


class CreateExecution(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="createExecution", parameters=CREATE_PARAMS, request=None,
                   responses={200: EXECUTION})
    def post(self, request, namespace: str, flow_id: str):
        require(request, WRITE, namespace)
        flag(request, "wait")
        flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
        if flow is None:
            raise NotFound(f"Flow not found: {namespace}.{flow_id}")
        revision = integer(request, "revision")
        kind = kind_of(request)
        inputs, uploads = inputs_of(request)
        try:
            execution = launch(flow, inputs, uploads, labels_of(request), revision, instant(request, "scheduleDate"),
                               kind, breakpoints_of(request))
        except FlowNotExecutable as exc:
            raise Conflict(str(exc)) from None
        except UnknownBreakpointTask as exc:
            raise invalid_parameter("breakpoints", str(exc)) from None
        return Response(_with_url(execution_json(execution, [])))


_create = rendered_caller(CreateExecution)


@csrf_exempt
async def create_execution(request, namespace: str, flow_id: str):
    """With `wait=true` the answer comes once the execution ended, wherever it ran: the
    database is polled from a coroutine (api.webhook_wait), holding no thread."""
    response = await _create(request, namespace=namespace, flow_id=flow_id)
    if response.status_code != 200 or request.GET.get("wait", "").lower() != "true":
        return response
    execution_id = json.loads(response.content)["id"]
    current, _ = await wait_for_end(execution_id)
    if current is None:
        return response
    return JsonResponse(_with_url(await sync_to_async(fresh_json)(execution_id)))


documented_as(create_execution, CreateExecution)


class ExecutionView(APIView):
    @extend_schema(operation_id="execution", responses={200: EXECUTION})
    def get(self, request, execution_id: str):
        find(request, execution_id)
        return Response(fresh_json(execution_id))

    @extend_schema(operation_id="deleteExecution", parameters=[
        OpenApiParameter("deleteLogs", bool), OpenApiParameter("deleteMetrics", bool),
        OpenApiParameter("deleteStorage", bool)], responses={204: None})
    def delete(self, request, execution_id: str):
        find(request, execution_id, WRITE)
        with refused_as_conflict():
            actions.delete(execution_id, delete_logs=flag(request, "deleteLogs", True),
                           delete_storage=flag(request, "deleteStorage", True))
        return Response(status=204)


def page_json(ids: list[str]) -> list[dict]:
    """The executions of `ids`, in that order, with their taskruns: two queries whatever
    the page's size, grouped here rather than by prefetch_related, whose per-execution
    related managers cost more than the queries on a page of 25."""
    executions = {e.pk: e for e in Execution.objects.filter(pk__in=ids)}
    taskruns: dict[str, list[TaskRun]] = defaultdict(list)
    for taskrun in TaskRun.objects.filter(execution_id__in=ids).order_by("seq"):
        taskruns[taskrun.execution_id].append(taskrun)
    return [execution_json(executions[pk], taskruns[pk]) for pk in ids if pk in executions]


def searched(request, action: str = READ):
    """The executions the request's filters select, in namespaces the user may `action` in
    (a deleted execution is gone from the table: no `deleted` filter to pay for)."""
    return visible(request, Execution.objects.all(), action=action).filter(filter_q(request, FIELDS))


def paged_by_ids(rows, page) -> dict:
    """api.paging.paged in two steps: the page's ids first, which an index on the sort
    and filter columns answers without reading a row (execution_ns_start_id for a
    namespace search), then those executions and their taskruns; rather than sorting
    whole rows (their JSON included) to keep a page of them."""
    ids = list(rows.order_by(*page.order_by).values_list("pk", flat=True)[page.offset:page.offset + page.size])
    counted = page.number == 1 and len(ids) < page.size
    total = len(ids) if counted else rows.order_by().count()
    return {"results": page_json(ids) if ids else [], "total": total}


class SearchExecutions(APIView):
    @extend_schema(operation_id="searchExecutions", parameters=[
        OpenApiParameter("page", int), OpenApiParameter("size", int), OpenApiParameter("sort", str, many=True)],
        responses=PAGED)
    def get(self, request):
        page = page_params(request, SORT, DEFAULT_SORT)
        return Response(paged_by_ids(searched(request), page))


class ExecutionsByFlow(APIView):
    @extend_schema(operation_id="searchExecutionsByFlowId", parameters=[
        OpenApiParameter("namespace", str, required=True), OpenApiParameter("flowId", str, required=True),
        OpenApiParameter("page", int), OpenApiParameter("size", int)], responses=PAGED)
    def get(self, request):
        namespace, flow_id = request.query_params.get("namespace"), request.query_params.get("flowId")
        for name, value in (("namespace", namespace), ("flowId", flow_id)):
            if not value:
                raise invalid_parameter(name, "is required")
        require(request, READ, namespace)
        rows = Execution.objects.filter(namespace=namespace, flow_id=flow_id)
        page = page_params(request, SORT, DEFAULT_SORT)
        return Response(paged_by_ids(rows, page))
