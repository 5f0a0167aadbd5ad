"""Checking inputs without running (Kestra's ExecutionController#validateInputsOnCreate,
POST /executions/{ns}/{id}/validate?labels&revision, and #validateInputsOnResume, POST
/executions/{id}/actions/resume/validate and 1.x /executions/{id}/resume/validate): the
body is the multipart inputs the create or resume would take; the answer is
`{id, namespace, inputs: [{input, value, enabled, errors: [{message}]}]}`, a bad value
being an error beside its input (200), as Kestra answers. A disabled flow, or an
execution not paused, is a 409; an unknown flow or revision a 404."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.access import WRITE, require
from api.parsers import FormParser, MultiPartParser
from api.problems import Conflict, NotFound
from executions.services.launch import FlowNotExecutable
from executions.services.validate_inputs import RevisionNotFound, validate_new, validate_resume
from flows.models import Flow

from .lookup import find, refused_as_conflict
from .params import inputs_of, integer, labels_of

VALIDATED = {200: {"type": "object", "required": ["id", "namespace", "inputs"], "properties": {
    "id": {"type": "string"}, "namespace": {"type": "string"},
    "inputs": {"type": "array", "items": {"type": "object", "required": ["input", "enabled", "errors"], "properties": {
        "input": {"type": "object"}, "value": {}, "enabled": {"type": "boolean"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {"message": {"type": "string"}}}},
    }}}}}}


class ValidateNewExecution(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="validateNewExecutionInputs", parameters=[
        OpenApiParameter("labels", str, many=True, description="key:value, repeatable"),
        OpenApiParameter("revision", int)], request=None, responses=VALIDATED)
    def post(self, request, namespace: str, flow_id: str):
        require(request, WRITE, namespace)
        flow = Flow.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).first()
        if flow is None:
            raise NotFound(f"Flow not found: {namespace}.{flow_id}")
        labels_of(request)  # checked as the create would: a bad label is a 422
        revision = integer(request, "revision")
        values, uploads = inputs_of(request)
        try:
            return Response(validate_new(flow, values, uploads, revision))
        except FlowNotExecutable as exc:
            raise Conflict(str(exc)) from None
        except RevisionNotFound as exc:
            raise NotFound(str(exc)) from None


class ValidateResume(APIView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(operation_id="validateResumeExecutionInputs", request=None, responses=VALIDATED)
    def post(self, request, execution_id: str):
        execution = find(request, execution_id, WRITE)
        values, uploads = inputs_of(request)
        with refused_as_conflict():
            return Response(validate_resume(execution, values, uploads))
