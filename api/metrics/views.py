"""Kestra's MetricController: the metrics of an execution (paged), the metric names and
task ids of a flow, and a metric aggregated over time. Only namespaces the user may read:
an execution elsewhere is a 403, as is a flow's namespace."""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import READ, require
from api.executions.lookup import find
from api.filters.fields import parse_instant
from api.paging import page_params, paged
from api.problems import invalid_parameter
from executions.metric_aggregation import AGGREGATIONS, RangeTooLong, aggregate
from executions.models import MetricEntry

# Kestra's sort names (AbstractJdbcMetricRepository#sortMapping) -> model fields.
SORT = {"namespace": "namespace", "flowId": "flow_id", "taskId": "task_id", "executionId": "execution_id",
        "taskrunId": "taskrun_id", "name": "name", "timestamp": "timestamp", "value": "value"}
DEFAULT_DAYS = 30

METRIC_ENTRY_FIELDS = {
    "namespace": serializers.CharField(), "flowId": serializers.CharField(),
    "taskId": serializers.CharField(allow_null=True), "executionId": serializers.CharField(),
    "taskRunId": serializers.CharField(allow_null=True), "type": serializers.CharField(),
    "name": serializers.CharField(), "value": serializers.FloatField(), "timestamp": serializers.DateTimeField(),
    "tags": serializers.DictField(child=serializers.CharField()), "deleted": serializers.BooleanField()}
PAGED_METRICS = inline_serializer("PagedResultsMetricEntry", {
    "results": inline_serializer("MetricEntry", METRIC_ENTRY_FIELDS, many=True),
    "total": serializers.IntegerField()})
AGGREGATIONS_BODY = inline_serializer("MetricAggregations", {
    "groupBy": serializers.CharField(),
    "aggregations": inline_serializer("MetricAggregation", {
        "name": serializers.CharField(), "value": serializers.FloatField(allow_null=True),
        "date": serializers.DateTimeField()}, many=True)})


def metric_json(row: MetricEntry) -> dict:
    return {"namespace": row.namespace, "flowId": row.flow_id, "taskId": row.task_id,
            "executionId": row.execution_id, "taskRunId": row.taskrun_id, "type": row.type, "name": row.name,
            "value": row.value, "timestamp": row.timestamp.isoformat().replace("+00:00", "Z"),
            "tags": row.tags or {}, "deleted": False}


def _flow_metrics(request, namespace: str, flow_id: str):
    require(request, READ, namespace)
    return MetricEntry.objects.filter(namespace=namespace, flow_id=flow_id)


def _distinct(rows, field: str) -> list[str]:
    return sorted(set(rows.order_by().values_list(field, flat=True).distinct()) - {None})


class ExecutionMetricsView(APIView):
    @extend_schema(operation_id="searchByExecution", responses={200: PAGED_METRICS}, parameters=[
        OpenApiParameter("page", int), OpenApiParameter("size", int), OpenApiParameter("sort", str, many=True),
        OpenApiParameter("taskRunId", str), OpenApiParameter("taskId", str)])
    def get(self, request, execution_id: str):
        """Kestra: taskId wins over taskRunId when both are given."""
        page = page_params(request, SORT, ["timestamp"])
        find(request, execution_id)
        rows = MetricEntry.objects.filter(execution_id=execution_id)
        if request.query_params.get("taskId"):
            rows = rows.filter(task_id=request.query_params["taskId"])
        elif request.query_params.get("taskRunId"):
            rows = rows.filter(taskrun_id=request.query_params["taskRunId"])
        return Response(paged(rows, page, metric_json))


class FlowMetricNamesView(APIView):
    @extend_schema(operation_id="listFlowMetrics", responses={200: list[str]})
    def get(self, request, namespace: str, flow_id: str):
        return Response(_distinct(_flow_metrics(request, namespace, flow_id), "name"))


class TaskMetricNamesView(APIView):
    @extend_schema(operation_id="listTaskMetrics", responses={200: list[str]})
    def get(self, request, namespace: str, flow_id: str, task_id: str):
        return Response(_distinct(_flow_metrics(request, namespace, flow_id).filter(task_id=task_id), "name"))


class TasksWithMetricsView(APIView):
    @extend_schema(operation_id="listTasksWithMetrics", responses={200: list[str]})
    def get(self, request, namespace: str, flow_id: str):
        """Task ids that have metrics, deleted or renamed tasks included (Kestra)."""
        return Response(_distinct(_flow_metrics(request, namespace, flow_id), "task_id"))


class AggregatesView(APIView):
    @extend_schema(operation_id="aggregateMetricsFromFlow", responses={200: AGGREGATIONS_BODY}, parameters=[
        OpenApiParameter("startDate", OpenApiTypes.DATETIME), OpenApiParameter("endDate", OpenApiTypes.DATETIME),
        OpenApiParameter("aggregation", str, enum=list(AGGREGATIONS))])
    def get(self, request, namespace: str, flow_id: str, metric: str, task_id: str | None = None):
        """Kestra's defaults: `sum` over the last 30 days; a start after the end is refused
        (DateUtils#validateTimeline)."""
        aggregation = (request.query_params.get("aggregation") or "sum").lower()
        if aggregation not in AGGREGATIONS:
            raise invalid_parameter("aggregation", f"{aggregation!r} is not one of {', '.join(AGGREGATIONS)}")
        params = request.query_params
        end = parse_instant(params["endDate"], "endDate") if params.get("endDate") else timezone.now()
        start = parse_instant(params["startDate"], "startDate") if params.get("startDate") else \
            end - timedelta(days=DEFAULT_DAYS)
        if start > end:
            raise invalid_parameter("startDate", "must be before endDate")
        rows = _flow_metrics(request, namespace, flow_id).filter(name=metric)
        if task_id is not None:
            rows = rows.filter(task_id=task_id)
        try:
            return Response(aggregate(rows, metric, start, end, aggregation, settings.METRIC_MAX_PERIODS))
        except RangeTooLong as error:
            raise invalid_parameter("startDate", f"{error} (KESTRAWEB_METRIC_MAX_PERIODS)") from None


class TaskAggregatesView(AggregatesView):
    @extend_schema(operation_id="aggregateMetricsFromTask", responses={200: AGGREGATIONS_BODY}, parameters=[
        OpenApiParameter("startDate", OpenApiTypes.DATETIME), OpenApiParameter("endDate", OpenApiTypes.DATETIME),
        OpenApiParameter("aggregation", str, enum=list(AGGREGATIONS))])
    def get(self, request, namespace: str, flow_id: str, task_id: str, metric: str):  # type: ignore[override]
        return super().get(request, namespace, flow_id, metric, task_id)
