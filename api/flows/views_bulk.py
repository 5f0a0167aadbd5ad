"""Flows changed many at a time (Kestra's FlowController updateNamespace, bulkUpdate,
importFlows, export*, delete/enable/disable by ids or by query). A set of documents is
all-or-nothing: one invalid document refuses the set and names it (`flows[1]...`).
The user needs write access to every namespace a change touches (403 otherwise)."""
from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows import bulk_changes
from flows.documents import split_documents
from flows.export import BadArchive, flows_csv, import_sources, sources_zip
from flows.flow_changes import delete_flow
from flows.flow_switch import set_disabled
from flows.models import Flow
from flows.spec import FlowInvalid, parse_flow
from flows.validation import check_document
from kestraweb.access import namespace_children

from ..access import READ, WRITE, require
from ..filters import filter_q
from ..parsers import MultiPartParser
from ..problems import Unprocessable
from .params import bool_param
from .serializers import STRINGS, FlowWithSourceSerializer, current_json
from .views_crud import YAML_REQUEST
from .views_search import FIELDS, NamespaceFlowsView, live_flows

BULK = inline_serializer("BulkResponse", {"count": serializers.IntegerField()})


class IdWithNamespaceSerializer(serializers.Serializer):
    namespace = serializers.CharField()
    id = serializers.CharField()


def outcomes_json(outcomes) -> list[dict]:
    return [current_json(outcome.flow) for outcome in outcomes]


def require_all(request, action: str, namespaces) -> None:
    for namespace in sorted(set(namespaces)):
        require(request, action, namespace)


def save_documents(request, text: str, namespace: str | None, delete: bool, override: bool = True,
                   allow_children: bool = False):
    specs = bulk_changes.parse_documents(split_documents(text) if text.strip() else [])
    if namespace is not None:
        bulk_changes.check_namespace(specs, namespace, allow_children)
    require_all(request, WRITE, [spec.namespace for spec in specs])
    deletable = None
    if delete:
        deletable = deletion_scope(namespace, allow_children)
        named = {(spec.namespace, spec.id) for spec in specs}
        doomed = [f for f in deletable.filter(deleted=False) if (f.namespace, f.flow_id) not in named]
        require_all(request, WRITE, [flow.namespace for flow in doomed])
    return outcomes_json(bulk_changes.save_all(specs, deletable, override))


def deletion_scope(namespace: str | None, allow_children: bool):
    """The flows a `delete=true` set replaces: the namespace (and its children when
    allowed), or every flow when no namespace is given (as Kestra's bulkUpdate)."""
    if namespace is None:
        return Flow.objects.all()
    scope = Q(namespace=namespace)
    if allow_children:
        scope |= namespace_children("namespace", namespace)
    return Flow.objects.filter(scope)


def body_text(request) -> str:
    data = request.data
    return data if isinstance(data, str) else ""


class NamespaceView(NamespaceFlowsView):
    """GET lists the namespace's flows; POST makes them exactly the documents
    (`delete`, default true, soft-deletes the others; `override=false` keeps existing ones)."""

    @extend_schema(request=YAML_REQUEST, parameters=[OpenApiParameter("delete", bool),
                                                     OpenApiParameter("override", bool)],
                   responses=FlowWithSourceSerializer(many=True))
    def post(self, request, namespace):
        require(request, WRITE, namespace)
        return Response(save_documents(request, body_text(request), namespace, bool_param(request, "delete", True),
                                       bool_param(request, "override", True)))


class BulkUpdateView(APIView):
    @extend_schema(request=YAML_REQUEST, parameters=[
        OpenApiParameter("delete", bool), OpenApiParameter("namespace", str),
        OpenApiParameter("allowNamespaceChild", bool)], responses=FlowWithSourceSerializer(many=True))
    def post(self, request):
        namespace = request.query_params.get("namespace") or None
        return Response(save_documents(request, body_text(request), namespace, bool_param(request, "delete", False),
                                       allow_children=bool_param(request, "allowNamespaceChild", False)))


class ImportView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": inline_serializer("FlowImport", {
        "fileUpload": serializers.FileField()})}, parameters=[OpenApiParameter("failOnError", bool)],
        responses=STRINGS)
    def post(self, request):
        """With failOnError the file is all-or-nothing; without, the valid flows are
        saved and the invalid ones are listed (Kestra's answer: what was not imported)."""
        upload = request.FILES.get("fileUpload")
        if upload is None:
            raise Unprocessable("Send the flows as a multipart part named 'fileUpload'")
        try:
            sources = import_sources(upload.name or "flows.yml", upload.read())
        except BadArchive as exc:
            raise Unprocessable(str(exc)) from None
        if bool_param(request, "failOnError", False):
            save_documents(request, "\n---\n".join(sources), None, delete=False)
            return Response([])
        return Response(import_valid(request, sources))


def import_valid(request, sources: list[str]) -> list[str]:
    valid, refused = [], []
    for index, source in enumerate(sources):
        try:
            valid.append(parse_flow(source))
        except FlowInvalid:
            refused.append(_name_of(source, index))
    require_all(request, WRITE, [spec.namespace for spec in valid])
    bulk_changes.save_all(valid)
    return refused


def _name_of(source: str, index: int) -> str:
    verdict = check_document(index, source)
    return f"{verdict.namespace}.{verdict.flow}" if verdict.flow and verdict.namespace else f"flows[{index}]"


def flows_by_ids(request, action: str) -> list[Flow]:
    serializer = IdWithNamespaceSerializer(data=request.data, many=True)
    serializer.is_valid(raise_exception=True)
    pairs = {(item["namespace"], item["id"]) for item in serializer.validated_data}
    require_all(request, action, [namespace for namespace, _ in pairs])
    return [flow for flow in Flow.objects.filter(deleted=False, namespace__in={ns for ns, _ in pairs})
            if (flow.namespace, flow.flow_id) in pairs]


def flows_by_query(request, action: str) -> list[Flow]:
    flows = list(live_flows(request).filter(filter_q(request, FIELDS)).order_by("namespace", "flow_id"))
    require_all(request, action, [flow.namespace for flow in flows])
    return flows


IDS_REQUEST = IdWithNamespaceSerializer(many=True)


class ExportByQueryView(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request):
        return zip_response(flows_by_query(request, READ))


class ExportByQueryCsvView(APIView):
    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request):
        response = HttpResponse(flows_csv(flows_by_query(request, READ)), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="flows.csv"'
        return response


class ExportByIdsView(APIView):
    @extend_schema(request=IDS_REQUEST, responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def post(self, request):
        return zip_response(flows_by_ids(request, READ))


def zip_response(flows) -> HttpResponse:
    response = HttpResponse(sources_zip(flows), content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="flows.zip"'
    return response


@transaction.atomic
def _apply(flows, change) -> Response:
    for flow in flows:
        change(flow)
    return Response({"count": len(flows)})


def _disable(value: bool):
    return lambda flow: set_disabled(flow, value)


class DeleteByIdsView(APIView):
    @extend_schema(request=IDS_REQUEST, responses={200: BULK})
    def delete(self, request):
        return _apply(flows_by_ids(request, WRITE), delete_flow)


class DeleteByQueryView(APIView):
    @extend_schema(request=None, responses={200: BULK})
    def delete(self, request):
        return _apply(flows_by_query(request, WRITE), delete_flow)


def switch_views(disabled: bool):
    """The by-ids and by-query views of enable (`disabled` False) or disable."""

    verb = "disable" if disabled else "enable"

    class ByIds(APIView):
        @extend_schema(request=IDS_REQUEST, responses=BULK, operation_id=f"{verb}_flows_by_ids")
        def post(self, request):
            return _apply(flows_by_ids(request, WRITE), _disable(disabled))

    class ByQuery(APIView):
        @extend_schema(request=None, responses=BULK, operation_id=f"{verb}_flows_by_query")
        def post(self, request):
            return _apply(flows_by_query(request, WRITE), _disable(disabled))

    return ByIds, ByQuery


EnableByIds, EnableByQuery = switch_views(False)
DisableByIds, DisableByQuery = switch_views(True)
