"""`POST /flows/validate`: every `---`-separated document checked, nothing saved; 200
with one ValidateConstraintViolation per document (Kestra's validateFlows). And
`/flows/validate/task|trigger`: one task or trigger, given as JSON."""
from __future__ import annotations

from dataclasses import asdict

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.validation import SECTIONS, Verdict, check_documents, check_item

from ..access import READ, may
from ..problems import invalid_parameter
from .params import yaml_body
from .serializers import ViolationSerializer
from .views_crud import YAML_REQUEST


def violation_json(verdict) -> dict:
    return {**asdict(verdict), "deprecationPaths": [], "warnings": [], "infos": []}


class ValidateFlowsView(APIView):
    @extend_schema(request=YAML_REQUEST, responses=ViolationSerializer(many=True))
    def post(self, request):
        verdicts = check_documents(yaml_body(request), lambda namespace: may(request, READ, namespace))
        return Response([violation_json(verdict) for verdict in verdicts])


def item_verdict(request, section: str) -> Response:
    if section not in SECTIONS:
        raise invalid_parameter("section", f"unknown section {section!r}; known: {', '.join(SECTIONS)}")
    item = request.data if type(request.data) is dict else None
    return Response(violation_json(Verdict(0, None, None, check_item(item, section))))


class ValidateTaskView(APIView):
    @extend_schema(request=OpenApiTypes.OBJECT, parameters=[OpenApiParameter("section", str, enum=list(SECTIONS))],
                   responses=ViolationSerializer)
    def post(self, request):
        return item_verdict(request, request.query_params.get("section") or "TASKS")


class ValidateTriggerView(APIView):
    @extend_schema(request=OpenApiTypes.OBJECT, responses=ViolationSerializer)
    def post(self, request):
        return item_verdict(request, "TRIGGERS")
