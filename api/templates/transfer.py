"""Kestra 0.x's template import, export and bulk delete (TemplateController): a zip of
`<namespace>.<id>.yml` sources, by query (`q`, `namespace`) or by ids; an import of a
zip or a multi-document YAML file (204, all or nothing); deletes answer BulkResponse.
Only namespaces the user may read (export) or write (import, delete)."""
from __future__ import annotations

import io
import zipfile

from django.db import transaction
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from ..parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from flows import template_changes
from flows.export import BadArchive, import_sources
from flows.models import Template

from ..access import READ, WRITE, require, visible
from ..filters import filter_q
from ..flows.views_bulk import IdWithNamespaceSerializer
from ..problems import NotFound, Unprocessable
from .views import FIELDS

QUERY = [OpenApiParameter("q", str), OpenApiParameter("namespace", str)]
IDS_REQUEST = IdWithNamespaceSerializer(many=True)
BULK = inline_serializer("TemplateBulkResponse", {"count": serializers.IntegerField()})
ZIP = {(200, "application/octet-stream"): OpenApiTypes.BINARY}


def _by_query(request, action: str) -> list[Template]:
    rows = visible(request, Template.objects.all(), action=action).filter(filter_q(request, FIELDS))
    return list(rows.order_by("namespace", "template_id"))


def _by_ids(request, action: str) -> list[Template]:
    serializer = IdWithNamespaceSerializer(data=request.data, many=True)
    serializer.is_valid(raise_exception=True)
    found = []
    for item in serializer.validated_data:
        require(request, action, item["namespace"])
        template = Template.objects.filter(namespace=item["namespace"], template_id=item["id"]).first()
        if template is None:
            raise NotFound(f"Template not found: {item['namespace']}.{item['id']}")
        found.append(template)
    return found


def _zip(templates: list[Template]) -> HttpResponse:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for template in templates:
            archive.writestr(f"{template.namespace}.{template.template_id}.yml", template.source)
    response = HttpResponse(buffer.getvalue(), content_type="application/octet-stream")
    response["Content-Disposition"] = 'attachment; filename="templates.zip"'
    return response


@transaction.atomic
def _delete(templates: list[Template]) -> Response:
    Template.objects.filter(pk__in=[t.pk for t in templates]).delete()
    return Response({"count": len(templates)})


class ExportByQueryView(APIView):
    @extend_schema(operation_id="export_templates_by_query", parameters=QUERY, responses=ZIP)
    def get(self, request):
        return _zip(_by_query(request, READ))


class ExportByIdsView(APIView):
    @extend_schema(operation_id="export_templates_by_ids", request=IDS_REQUEST, responses=ZIP)
    def post(self, request):
        return _zip(_by_ids(request, READ))


class DeleteByQueryView(APIView):
    @extend_schema(operation_id="delete_templates_by_query", parameters=QUERY, responses={200: BULK})
    def delete(self, request):
        return _delete(_by_query(request, WRITE))


class DeleteByIdsView(APIView):
    @extend_schema(operation_id="delete_templates_by_ids", request=IDS_REQUEST, responses={200: BULK})
    def delete(self, request):
        return _delete(_by_ids(request, WRITE))


class ImportView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(operation_id="import_templates", request={"multipart/form-data": inline_serializer(
        "TemplateImport", {"fileUpload": serializers.FileField()})},
        responses={204: OpenApiResponse(description="Imported")})
    def post(self, request):
        upload = request.FILES.get("fileUpload")
        if upload is None:
            raise Unprocessable("Send the templates as a multipart part named 'fileUpload'")
        try:
            sources = import_sources(upload.name or "templates.yml", upload.read())
        except BadArchive as exc:
            raise Unprocessable(str(exc)) from None
        specs = template_changes.checked_templates(sources)
        for spec in specs:
            require(request, WRITE, spec.namespace)
        template_changes.import_templates(specs)
        return HttpResponse(status=204)
