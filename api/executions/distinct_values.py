"""`GET /executions/distinct-field-values?field&size` (kestrapy's
find_distinct_execution_field_values): the distinct values one search field takes
among the executions the filters select and the user may read, most frequent first
(ties by value), at most `size` of them. `field` is Kestra's QueryFilter.Field name
(NAMESPACE, FLOW_ID, STATE, LABELS) or the filter's own name (namespace, flowId, ...);
a label is `key:value`."""
from __future__ import annotations

from django.conf import settings
from django.db.models import Count
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.paging import _positive
from api.problems import invalid_parameter
from executions.models import ExecutionLabel

from .views import searched

COLUMNS = {"NAMESPACE": "namespace", "FLOW_ID": "flow_id", "STATE": "state", "EXECUTION_ID": "id",
           "namespace": "namespace", "flowId": "flow_id", "state": "state", "executionId": "id"}
LABELS = ("LABELS", "labels")
DEFAULT_SIZE = 100


def _field(request) -> str:
    field = request.query_params.get("field")
    if field not in COLUMNS and field not in LABELS:
        raise invalid_parameter("field", f"{field!r} is not one of {', '.join(sorted({*COLUMNS, *LABELS}))}")
    return field


class DistinctFieldValues(APIView):
    @extend_schema(operation_id="findDistinctExecutionFieldValues", parameters=[
        OpenApiParameter("field", str, required=True), OpenApiParameter("size", int)],
        responses={200: {"type": "array", "items": {"type": "string"}}})
    def get(self, request):
        field = _field(request)
        size = min(_positive(request, "size", DEFAULT_SIZE), settings.API_MAX_PAGE_SIZE)
        rows = searched(request)
        if field in LABELS:
            counted = (ExecutionLabel.objects.filter(execution__in=rows.values("pk")).values("key", "value")
                       .annotate(n=Count("id")).order_by("-n", "key", "value")[:size])
            return Response([f"{row['key']}:{row['value']}" for row in counted])
        column = COLUMNS[field]
        counted = rows.order_by().values(column).annotate(n=Count("pk")).order_by("-n", column)[:size]
        return Response([row[column] for row in counted])
