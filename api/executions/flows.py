"""What the execution pages read about flows (Kestra's ExecutionController#getFlowForExecution,
#getFlowForExecutionById, #listExecutableNamespaces, #listExecutableFlows, #getLatestExecutions,
#averageDuration): the flow revision an execution ran, the namespaces and flows the user may
execute, the latest execution of given flows, how long a flow's runs take on average."""
from __future__ import annotations

import yaml
from django.db.models import Max
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import READ, WRITE, require, visible
from api.parsers import JSONParser
from api.problems import FieldError, NotFound, Unprocessable
from executions.average_duration import average_duration
from executions.models import Execution
from executions.serializers import state_json
from flows.models import Flow, FlowRevision

from .lookup import find
from .params import integer

RAW = {200: OpenApiTypes.OBJECT}
FLOW_REFS = {"application/json": {"type": "array", "items": {
    "type": "object", "required": ["namespace", "id"],
    "properties": {"namespace": {"type": "string"}, "id": {"type": "string"}}}}}


def flow_for_execution(namespace: str, flow_id: str, revision: int | None) -> dict:
    """Kestra's FlowForExecution: the revision's definition (tasks, inputs, ...) and its id."""
    flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id).first()
    found = FlowRevision.objects.filter(flow=flow, revision=revision or (flow.revision if flow else 0)).first()
    if flow is None or found is None:
        raise NotFound(f"Flow not found: {namespace}.{flow_id}" + (f" revision {revision}" if revision else ""))
    definition = yaml.safe_load(found.source) or {}
    return {**(definition if isinstance(definition, dict) else {}), "id": flow.flow_id, "namespace": flow.namespace,
            "revision": found.revision, "disabled": flow.disabled, "deleted": flow.deleted}


class FlowOfExecution(APIView):
    @extend_schema(operation_id="flowFromExecutionById", responses=RAW)
    def get(self, request, execution_id: str):
        execution = find(request, execution_id)
        return Response(flow_for_execution(execution.namespace, execution.flow_id, execution.flow_revision))


class FlowForExecution(APIView):
    @extend_schema(operation_id="flowFromExecution", parameters=[OpenApiParameter("revision", int)], responses=RAW)
    def get(self, request, namespace: str, flow_id: str):
        require(request, READ, namespace)
        return Response(flow_for_execution(namespace, flow_id, integer(request, "revision")))


def _executable(request):
    return visible(request, Flow.objects.filter(deleted=False), action=WRITE)


class ExecutableNamespaces(APIView):
    @extend_schema(operation_id="listExecutableNamespaces", responses={200: list[str]})
    def get(self, request):
        names = _executable(request).order_by("namespace").values_list("namespace", flat=True).distinct()
        return Response(list(names))


class ExecutableFlows(APIView):
    @extend_schema(operation_id="listExecutableFlowsByNamespace", responses={200: list[dict]})
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        flows = _executable(request).filter(namespace=namespace).order_by("flow_id")
        return Response([{"id": f.flow_id, "namespace": f.namespace, "revision": f.revision, "disabled": f.disabled}
                         for f in flows])


AVERAGE_DURATION = {"type": "object", "required": ["count"], "properties": {
    "avgDurationMs": {"type": "integer", "nullable": True}, "count": {"type": "integer"}}}


class AverageDuration(APIView):
    """A flow that never ran, or is unknown, answers `{avgDurationMs: null, count: 0}` as
    Kestra does: the progress bar then shows no estimate."""

    @extend_schema(operation_id="executionAverageDuration", responses={200: AVERAGE_DURATION})
    def get(self, request, namespace: str, flow_id: str):
        require(request, READ, namespace)
        return Response(average_duration(visible(request, Execution.objects.all()), namespace, flow_id))


def _flow_refs(data) -> list[tuple[str, str]]:
    if not isinstance(data, list) or not all(
            isinstance(item, dict) and isinstance(item.get("namespace"), str) and isinstance(item.get("id"), str)
            for item in data):
        raise Unprocessable("The body must be a JSON list of {namespace, id}", [FieldError("not a list of flows", "")])
    return [(item["namespace"], item["id"]) for item in data]


class LatestExecutions(APIView):
    parser_classes = [JSONParser]

    @extend_schema(operation_id="latestExecutions", request=FLOW_REFS, responses={200: list[dict]})
    def post(self, request):
        found = []
        for namespace, flow_id in _flow_refs(request.data):
            rows = visible(request, Execution.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False))
            newest = rows.aggregate(newest=Max("start_date"))["newest"]
            latest = rows.filter(start_date=newest).order_by("-id").first() if newest else None
            if latest is not None:
                state = state_json(latest.state, latest.state_history)
                found.append({"id": latest.id, "flowId": latest.flow_id, "namespace": latest.namespace,
                              "startDate": state.get("startDate"), "status": latest.state})
        return Response(found)
