"""A flow's revisions and one of its tasks (Kestra's FlowController `revisions`,
`deleteRevisions`, `flowTask`)."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.spec.walk import walk_tasks
from flows.spec.yaml_lines import load, plain

from ..access import READ, WRITE, require
from ..problems import NotFound, Unprocessable
from .params import bool_param, int_list_param, int_param
from .serializers import FlowWithSourceSerializer, revision_json
from .views_crud import find_flow, source_at


class RevisionsView(APIView):
    @extend_schema(parameters=[OpenApiParameter("allowDelete", bool)], responses=FlowWithSourceSerializer(many=True))
    def get(self, request, namespace, id):
        require(request, READ, namespace)
        flow = find_flow(namespace, id, bool_param(request, "allowDelete", False))
        return Response([revision_json(flow, rev) for rev in flow.revisions.order_by("revision")])

    @extend_schema(parameters=[OpenApiParameter("revisions", str, required=True)], responses={204: None})
    def delete(self, request, namespace, id):
        """Older revisions only: the current one is the flow itself."""
        require(request, WRITE, namespace)
        flow = find_flow(namespace, id, allow_deleted=True)
        wanted = int_list_param(request, "revisions")
        if not wanted:
            raise Unprocessable("Give the revisions to delete: revisions=1,2")
        if flow.revision in wanted:
            raise Unprocessable(f"Revision {flow.revision} is the current revision of {namespace}.{id}")
        missing = set(wanted) - set(flow.revisions.filter(revision__in=wanted).values_list("revision", flat=True))
        if missing:
            raise NotFound(f"Flow {namespace}.{id} has no revision {', '.join(map(str, sorted(missing)))}")
        flow.revisions.filter(revision__in=wanted).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class FlowTaskView(APIView):
    @extend_schema(parameters=[OpenApiParameter("revision", int)], responses=OpenApiTypes.OBJECT)
    def get(self, request, namespace, id, task_id):
        require(request, READ, namespace)
        source = source_at(find_flow(namespace, id), int_param(request, "revision"))
        for task, _path, _container, _index in walk_tasks(load(source)):
            if task.get("id") == task_id:
                return Response(plain(task))
        raise NotFound(f"Task not found: {task_id} in flow {namespace}.{id}")
