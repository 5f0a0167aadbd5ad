"""Kestra 0.x's TemplateController: get, search, create (422 when the id is taken),
update (404 when unknown), delete (204/404), distinct namespaces, namespace update,
validate. Every route checks the namespace's role."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from flows import template_changes
from flows.documents import split_documents
from flows.models import Template
from flows.spec import FlowInvalid, parse_flow
from flows.validation import Verdict, check_document

from ..access import READ, WRITE, require, visible
from ..filters import Search, Text, filter_q
from ..flows.params import bool_param
from ..flows.serializers import STRINGS, ViolationSerializer
from ..flows.views_validate import violation_json
from ..paging import page_params, paged
from ..problems import NotFound
from .serializers import TemplateSerializer, template_json, template_source

FIELDS = {"namespace": Text("namespace"), "q": Search(["template_id", "namespace", "description"])}
SORT = {"id": "template_id", "namespace": "namespace"}


def find_template(namespace: str, template_id: str) -> Template:
    template = Template.objects.filter(namespace=namespace, template_id=template_id).first()
    if template is None:
        raise NotFound(f"Template not found: {namespace}.{template_id}")
    return template


class TemplatesView(APIView):
    @extend_schema(request=TemplateSerializer, responses=TemplateSerializer)
    def post(self, request):
        source = template_source(request.data)
        require(request, WRITE, parse_flow(source).namespace)
        return Response(template_json(template_changes.create_template(source)))


class TemplateView(APIView):
    @extend_schema(responses=TemplateSerializer)
    def get(self, request, namespace, id):
        require(request, READ, namespace)
        return Response(template_json(find_template(namespace, id)))

    @extend_schema(request=TemplateSerializer, responses=TemplateSerializer)
    def put(self, request, namespace, id):
        require(request, WRITE, namespace)
        template = find_template(namespace, id)
        return Response(template_json(template_changes.update_template(template, template_source(request.data))))

    @extend_schema(responses={204: None})
    def delete(self, request, namespace, id):
        require(request, WRITE, namespace)
        find_template(namespace, id).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class SearchTemplatesView(APIView):
    @extend_schema(responses=inline_serializer("PagedResultsTemplate", {
        "results": TemplateSerializer(many=True), "total": serializers.IntegerField()}))
    def get(self, request):
        rows = visible(request, Template.objects.all()).filter(filter_q(request, FIELDS))
        return Response(paged(rows, page_params(request, SORT, ["namespace", "template_id"]), template_json))


class DistinctNamespacesView(APIView):
    @extend_schema(responses=STRINGS)
    def get(self, request):
        rows = visible(request, Template.objects.all()).order_by("namespace")
        return Response(list(rows.values_list("namespace", flat=True).distinct()))


class NamespaceTemplatesView(APIView):
    @extend_schema(request=TemplateSerializer(many=True), parameters=[OpenApiParameter("delete", bool)],
                   responses=TemplateSerializer(many=True), operation_id="update_templates_in_namespace")
    def post(self, request, namespace):
        require(request, WRITE, namespace)
        items = request.data if isinstance(request.data, list) else None
        if items is None:
            sources = split_documents(request.data) if isinstance(request.data, str) else [template_source(None)]
        else:
            sources = [template_source(item if type(item) is dict else None) for item in items]
        saved, deleted = template_changes.replace_namespace(namespace, sources, bool_param(request, "delete", True))
        return Response([template_json(t) for t in deleted + saved])


class ValidateTemplatesView(APIView):
    @extend_schema(request={"application/x-yaml": OpenApiTypes.STR}, responses=ViolationSerializer(many=True))
    def post(self, request):
        text = request.data if isinstance(request.data, str) else ""
        documents = split_documents(text) or [text]
        return Response([violation_json(check(index, doc)) for index, doc in enumerate(documents)])


def check(index: int, source: str) -> Verdict:
    verdict = check_document(index, source)
    if verdict.constraints is None:
        try:
            template_changes.check_template(source)
        except FlowInvalid as exc:
            return Verdict(index, verdict.flow, verdict.namespace, str(exc))
    return verdict
