"""`POST /flows/validate`: every `---`-separated document checked, nothing saved; 200
with one ValidateConstraintViolation per document (Kestra's validateFlows)."""
from __future__ import annotations

from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.validation import check_documents

from .params import yaml_body
from .serializers import ViolationSerializer
from .views_crud import YAML_REQUEST


def violation_json(verdict) -> dict:
    return {**asdict(verdict), "deprecationPaths": [], "warnings": [], "infos": []}


class ValidateFlowsView(APIView):
    @extend_schema(request=YAML_REQUEST, responses=ViolationSerializer(many=True))
    def post(self, request):
        return Response([violation_json(verdict) for verdict in check_documents(yaml_body(request))])
