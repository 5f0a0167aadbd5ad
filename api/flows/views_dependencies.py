"""`GET /flows/{ns}/{id}/dependencies` (Kestra's FlowTopologyGraph): the flows a flow
starts or waits on and those that start or wait on it, among the flows the user may read."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.dependencies import dependencies

from ..access import READ, require
from .params import bool_param
from .views_crud import find_flow
from .views_search import live_flows

TENANT = "main"

TOPOLOGY = inline_serializer("FlowTopologyGraph", {
    "nodes": inline_serializer("FlowNode", {"uid": serializers.CharField(), "tenantId": serializers.CharField(),
                                            "namespace": serializers.CharField(), "id": serializers.CharField()},
                               many=True),
    "edges": inline_serializer("FlowTopologyEdge", {"source": serializers.CharField(),
                                                    "target": serializers.CharField(),
                                                    "relation": serializers.CharField()}, many=True),
})


def uid(key) -> str:
    """Kestra's Flow.uidWithoutRevision: tenant, namespace and id joined by `_`."""
    return "_".join((TENANT, *key))


class DependenciesView(APIView):
    @extend_schema(parameters=[OpenApiParameter("destinationOnly", bool), OpenApiParameter("expandAll", bool)],
                   responses=TOPOLOGY)
    def get(self, request, namespace, id):
        require(request, READ, namespace)
        find_flow(namespace, id)
        flows = {(f.namespace, f.flow_id): f.source for f in live_flows(request).only("namespace", "flow_id", "source")}
        edges = dependencies((namespace, id), flows, bool_param(request, "destinationOnly", False),
                             bool_param(request, "expandAll", False))
        keys = sorted({(namespace, id)} | {k for e in edges for k in (e.source, e.target)})
        return Response({
            "nodes": [{"uid": uid(k), "tenantId": TENANT, "namespace": k[0], "id": k[1]} for k in keys],
            "edges": [{"source": uid(e.source), "target": uid(e.target), "relation": e.relation} for e in edges],
        })
