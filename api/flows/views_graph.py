"""A flow's graph (Kestra's FlowController flowGraph, flowGraphSource): FlowGraph
{nodes, edges, clusters, flowables} of a stored revision or of YAML sent."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.graph import flow_graph

from ..access import READ, require
from .params import int_param, yaml_body
from .views_crud import YAML_REQUEST, find_flow, source_at

FLOW_GRAPH = inline_serializer("FlowGraph", {
    "nodes": serializers.ListField(child=serializers.DictField()),
    "edges": serializers.ListField(child=serializers.DictField()),
    "clusters": serializers.ListField(child=serializers.DictField()),
    "flowables": serializers.ListField(child=serializers.CharField()),
})


class FlowGraphView(APIView):
    @extend_schema(parameters=[OpenApiParameter("revision", int), OpenApiParameter("subflows", str, many=True)],
                   responses=FLOW_GRAPH)
    def get(self, request, namespace, id):
        require(request, READ, namespace)
        return Response(flow_graph(source_at(find_flow(namespace, id), int_param(request, "revision"))))


class SourceGraphView(APIView):
    @extend_schema(request=YAML_REQUEST, responses=FLOW_GRAPH)
    def post(self, request):
        return Response(flow_graph(yaml_body(request)))
