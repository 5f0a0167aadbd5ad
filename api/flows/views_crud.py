"""Create, read, update and delete one flow (Kestra's FlowController `create`,
`index`, `update`, `delete`)."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from flows import flow_changes
from flows.models import Flow
from flows.spec import parse_flow

from ..access import READ, WRITE, require
from ..problems import NotFound, invalid_parameter
from .params import bool_param, int_param, yaml_body
from .serializers import FlowWithSourceSerializer, current_json, revision_json

YAML_REQUEST = {"application/x-yaml": OpenApiTypes.STR}
DRAFT = OpenApiParameter("draft", bool, description="false only: draft revisions are not supported (422)")


def refuse_draft(request) -> None:
    """A draft must not run; this server keeps no draft revisions, so saving one as the
    live flow would start it on its triggers. Refused rather than silently made live."""
    if bool_param(request, "draft", False):
        raise invalid_parameter("draft", "draft revisions are not supported: save without draft=true")


def find_flow(namespace: str, flow_id: str, allow_deleted: bool = False) -> Flow:
    rows = Flow.objects.filter(namespace=namespace, flow_id=flow_id)
    flow = (rows if allow_deleted else rows.filter(deleted=False)).first()
    if flow is None:
        raise NotFound(f"Flow not found: {namespace}.{flow_id}")
    return flow


def source_at(flow: Flow, revision: int | None) -> str:
    """The flow's source at `revision` (None: the current one); 404 when it has none."""
    if revision is None or revision == flow.revision:
        return flow.source
    old = flow.revisions.filter(revision=revision).first()
    if old is None:
        raise NotFound(f"Flow not found: {flow.namespace}.{flow.flow_id} revision {revision}")
    return old.source


class FlowsView(APIView):
    @extend_schema(request=YAML_REQUEST, parameters=[DRAFT], responses=FlowWithSourceSerializer,
                   operation_id="create_flow")
    def post(self, request):
        refuse_draft(request)
        source = yaml_body(request)
        spec = parse_flow(source)
        require(request, WRITE, spec.namespace)
        return Response(current_json(flow_changes.create_flow(source)))


class FlowView(APIView):
    @extend_schema(parameters=[OpenApiParameter("source", bool), OpenApiParameter("revision", int),
                               OpenApiParameter("allowDeleted", bool)], responses=FlowWithSourceSerializer)
    def get(self, request, namespace, id):
        require(request, READ, namespace)
        with_source = bool_param(request, "source", False)
        revision = int_param(request, "revision")
        flow = find_flow(namespace, id, bool_param(request, "allowDeleted", False) or revision is not None)
        if revision is None or revision == flow.revision:
            return Response(current_json(flow, with_source))
        old = flow.revisions.filter(revision=revision).first()
        if old is None:
            raise NotFound(f"Flow not found: {namespace}.{id} revision {revision}")
        body = revision_json(flow, old)
        if not with_source:
            body.pop("source")
        return Response(body)

    @extend_schema(request=YAML_REQUEST, parameters=[DRAFT], responses=FlowWithSourceSerializer)
    def put(self, request, namespace, id):
        require(request, WRITE, namespace)
        refuse_draft(request)
        flow = find_flow(namespace, id)
        return Response(current_json(flow_changes.update_flow(flow, yaml_body(request))))

    @extend_schema(responses={204: None})
    def delete(self, request, namespace, id):
        require(request, WRITE, namespace)
        flow_changes.delete_flow(find_flow(namespace, id))
        return Response(status=status.HTTP_204_NO_CONTENT)
