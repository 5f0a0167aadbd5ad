"""`GET /executions/{id}/graph?subflows` (Kestra's ExecutionController#getExecutionFlowGraph):
the FlowGraph of the flow revision the execution runs, not of the flow's latest one."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.flows.views_graph import FLOW_GRAPH
from api.problems import NotFound
from flows.graph import flow_graph
from flows.models import FlowRevision

from .lookup import find


class ExecutionGraph(APIView):
    @extend_schema(operation_id="executionFlowGraph", parameters=[OpenApiParameter("subflows", str, many=True)],
                   responses=FLOW_GRAPH)
    def get(self, request, execution_id: str):
        execution = find(request, execution_id)
        revision = FlowRevision.objects.only("source").filter(
            flow__namespace=execution.namespace, flow__flow_id=execution.flow_id,
            revision=execution.flow_revision).first()
        if revision is None:
            raise NotFound(f"Flow not found: {execution.namespace}.{execution.flow_id} "
                           f"revision {execution.flow_revision}")
        return Response(flow_graph(revision.source))
