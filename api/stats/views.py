"""Kestra's StatsController for the dashboard: daily counts by state with durations, of
executions and of taskruns, the same grouped by namespace and flow, and the latest
execution of each flow. Counted in SQL; only visible namespaces are counted."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.daily_stats import daily, daily_by_flow
from executions.latest_executions import latest_by_flow
from executions.models import Execution, TaskRun
from executions.serializers import execution_json
from kestraweb.access import namespace_children

from ..access import visible
from ..filters.fields import parse_instant
from ..problems import FieldError, Unprocessable, invalid_parameter

DEFAULT_DAYS = 30
REQUEST = inline_serializer("StatisticRequest", {
    "q": serializers.CharField(required=False), "namespace": serializers.CharField(required=False),
    "flowId": serializers.CharField(required=False), "startDate": serializers.DateTimeField(required=False),
    "endDate": serializers.DateTimeField(required=False)})
BY_FLOW_REQUEST = inline_serializer("ByFlowStatisticRequest", {
    "q": serializers.CharField(required=False), "namespace": serializers.CharField(required=False),
    "flowId": serializers.CharField(required=False), "startDate": serializers.DateTimeField(required=False),
    "endDate": serializers.DateTimeField(required=False), "namespaceOnly": serializers.BooleanField(required=False),
    "flows": serializers.ListField(child=serializers.DictField(), required=False)})
DAILY_LIST = list[dict]


def _body(request) -> dict:
    if request.data in (None, "") or not request.data:
        return {}
    if not isinstance(request.data, dict):
        raise Unprocessable("Expected a JSON object", [FieldError("must be an object")])
    return request.data


def _text(body: dict, key: str) -> str | None:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise invalid_parameter(key, "must be a string")
    return value or None


def _range(body: dict) -> tuple[datetime, datetime]:
    """Kestra's defaults: the last 30 days up to now."""
    end = parse_instant(body["endDate"], "endDate") if _text(body, "endDate") else timezone.now()
    start = parse_instant(body["startDate"], "startDate") if _text(body, "startDate") else end - timedelta(
        days=DEFAULT_DAYS)
    if start > end:
        raise invalid_parameter("startDate", "must be before endDate")
    if end - start > timedelta(days=settings.API_STATS_MAX_DAYS):
        raise invalid_parameter("startDate", f"the range may span at most {settings.API_STATS_MAX_DAYS} days "
                                             "(KESTRAWEB_API_STATS_MAX_DAYS)")
    return start, end


def _filtered(request, queryset, body: dict, prefix: str = ""):
    """q (text in id, namespace or flow id), namespace (and its children), flowId."""
    rows = visible(request, queryset, field=f"{prefix}namespace")
    namespace, flow_id, text = _text(body, "namespace"), _text(body, "flowId"), _text(body, "q")
    if namespace:
        rows = rows.filter(Q(**{f"{prefix}namespace": namespace}) | namespace_children(f"{prefix}namespace",
                                                                                       namespace))
    if flow_id:
        rows = rows.filter(**{f"{prefix}flow_id": flow_id})
    if text:
        rows = rows.filter(Q(**{f"{prefix}id__icontains": text}) | Q(**{f"{prefix}namespace__icontains": text})
                           | Q(**{f"{prefix}flow_id__icontains": text}))
    return rows


def _flows(body: dict) -> list[tuple[str, str]] | None:
    """Kestra's FlowFilter list [{namespace, id}]; none (or a first item without both) = all."""
    flows = body.get("flows")
    if flows is None:
        return None
    if not isinstance(flows, list) or not all(isinstance(item, dict) for item in flows):
        raise invalid_parameter("flows", "must be a list of {namespace, id}")
    pairs = [(item.get("namespace"), item.get("id")) for item in flows]
    if not pairs or not all(isinstance(ns, str) and isinstance(fid, str) for ns, fid in pairs):
        return None
    return pairs


def _executions():
    return Execution.objects.filter(deleted=False)


class ExecutionsDailyView(APIView):
    @extend_schema(request=REQUEST, responses=DAILY_LIST)
    def post(self, request):
        body = _body(request)
        return Response(daily(_filtered(request, _executions(), body), *_range(body)))


class TaskRunsDailyView(APIView):
    @extend_schema(request=REQUEST, responses=DAILY_LIST)
    def post(self, request):
        body = _body(request)
        rows = _filtered(request, TaskRun.objects.filter(execution__deleted=False), body, prefix="execution__")
        return Response(daily(rows, *_range(body)))


class ExecutionsDailyByFlowView(APIView):
    @extend_schema(request=BY_FLOW_REQUEST, responses=OpenApiTypes.OBJECT)
    def post(self, request):
        body = _body(request)
        rows = _filtered(request, _executions(), body)
        flows = _flows(body)
        if flows:
            wanted = Q()
            for namespace, flow_id in flows:
                wanted |= Q(namespace=namespace, flow_id=flow_id)
            rows = rows.filter(wanted)
        namespace_only = body.get("namespaceOnly") is True
        return Response(daily_by_flow(rows, *_range(body), namespace_only=namespace_only))


class LatestByFlowView(APIView):
    @extend_schema(request=inline_serializer("LastExecutionsRequest", {
        "flows": serializers.ListField(child=serializers.DictField(), required=False)}), responses=DAILY_LIST)
    def post(self, request):
        body = _body(request)
        latest = latest_by_flow(visible(request, _executions()), _flows(body))
        return Response([execution_json(execution, taskruns=()) for execution in latest])
