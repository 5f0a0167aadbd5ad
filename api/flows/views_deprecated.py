"""`GET /flows/deprecated?namespace` (Kestra 2.0's FlowController, FlowWithDeprecatedTasks):
the readable flows that use a deprecated plugin type, or an old alias of one (then the
replacement is the current type name), with the tasks and triggers concerned."""
from __future__ import annotations

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.deprecations import deprecated_items
from kestraweb.access import namespace_children

from .views_search import live_flows

DEPRECATED_FLOW = inline_serializer("FlowControllerFlowWithDeprecatedTasks", {
    "namespace": serializers.CharField(), "flowId": serializers.CharField(), "revision": serializers.IntegerField(),
    "deprecatedTasks": inline_serializer("FlowServiceTaskDeprecation", {
        "taskId": serializers.CharField(), "taskType": serializers.CharField(),
        "replacement": serializers.CharField(allow_null=True)}, many=True)}, many=True)


class DeprecatedFlowsView(APIView):
    @extend_schema(operation_id="listDeprecated", parameters=[OpenApiParameter("namespace", str)],
                   responses=DEPRECATED_FLOW)
    def get(self, request):
        rows = live_flows(request)
        namespace = request.query_params.get("namespace")
        if namespace:
            rows = rows.filter(Q(namespace=namespace) | namespace_children("namespace", namespace))
        out = []
        for flow in rows.order_by("namespace", "flow_id").only("namespace", "flow_id", "revision", "source"):
            items = deprecated_items(flow.source)
            if items:
                out.append({"namespace": flow.namespace, "flowId": flow.flow_id, "revision": flow.revision,
                            "deprecatedTasks": items})
        return Response(out)
