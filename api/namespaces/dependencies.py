"""`GET /namespaces/{namespace}/dependencies` (Kestra's FlowTopologyService#namespaceGraph):
one FlowTopologyGraph of the namespace's flows, every one a node, with the edges that
start or end in the namespace, among the flows the user may read."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import READ, require
from api.flows.params import bool_param
from api.flows.views_dependencies import TENANT, TOPOLOGY, uid
from api.flows.views_search import live_flows
from flows.dependencies import edges_of


class NamespaceDependenciesView(APIView):
    @extend_schema(operation_id="flowDependenciesFromNamespace", parameters=[OpenApiParameter("destinationOnly", bool)],
                   responses=TOPOLOGY)
    def get(self, request, namespace_id: str):
        """`destinationOnly` is read (a bad value is a 422) but, as in Kestra, changes nothing."""
        require(request, READ, namespace_id)
        bool_param(request, "destinationOnly", False)
        flows = {(f.namespace, f.flow_id): f.source for f in live_flows(request).only("namespace", "flow_id", "source")}
        edges = {edge for key, source in flows.items() for edge in edges_of(key, source)
                 if edge.source in flows and edge.target in flows and edge.source != edge.target
                 and namespace_id in (edge.source[0], edge.target[0])}
        ends = {key for edge in edges for key in (edge.source, edge.target)}
        keys = sorted({key for key in flows if key[0] == namespace_id} | ends)
        ordered = sorted(edges, key=lambda e: (e.source, e.target, e.relation))
        return Response({
            "nodes": [{"uid": uid(k), "tenantId": TENANT, "namespace": k[0], "id": k[1]} for k in keys],
            "edges": [{"source": uid(e.source), "target": uid(e.target), "relation": e.relation} for e in ordered],
        })
