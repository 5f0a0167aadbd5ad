"""`GET /executions/export/by-query/csv` (kestrapy's export_executions_by_query_to_csv):
the executions the search filters select, in namespaces the user may read, newest
first, as CSV. The rows are streamed a chunk of ids at a time from a coroutine, so a
large export holds neither a thread of the ASGI server nor every row in memory."""
from __future__ import annotations

import csv
import io

from asgiref.sync import sync_to_async
from django.http import StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from executions.models import Execution
from executions.serializers import state_json

from .async_front import documented_as, rendered_caller
from .views import searched

HEADER = ["id", "namespace", "flowId", "flowRevision", "state", "startDate", "endDate", "duration", "labels"]
CHUNK = 500
COLUMNS = ("id", "namespace", "flow_id", "flow_revision", "state", "state_history", "labels")
ROWS_KEY = "_kestraweb_export_ids"


class ExportCheck(APIView):
    """Authentication and the filters' check (422 for a bad one); the ids to export
    are left on the request for the streaming part."""

    @extend_schema(operation_id="exportExecutionsByQueryToCsv", responses={(200, "text/csv"): OpenApiTypes.STR})
    def get(self, request):
        rows = searched(request).order_by("-start_date", "-id").values_list("id", flat=True)
        setattr(request._request, ROWS_KEY, list(rows))
        return Response({})


_check = rendered_caller(ExportCheck)


def _line(values: list) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(values)
    return out.getvalue()


def _chunk(ids: list[str]) -> str:
    found = {e.id: e for e in Execution.objects.filter(pk__in=ids).only(*COLUMNS)}
    lines = []
    for execution_id in ids:
        execution = found.get(execution_id)
        if execution is None:
            continue  # deleted since the ids were read
        state = state_json(execution.state, execution.state_history)
        labels = ";".join(f"{label['key']}:{label['value']}" for label in execution.labels or [])
        lines.append(_line([execution.id, execution.namespace, execution.flow_id, execution.flow_revision,
                            execution.state, state.get("startDate") or "", state.get("endDate") or "",
                            state.get("duration") or "", labels]))
    return "".join(lines)


async def _rows(ids: list[str]):
    yield _line(HEADER)
    for start in range(0, len(ids), CHUNK):
        yield await sync_to_async(_chunk)(ids[start:start + CHUNK])


@csrf_exempt
async def export_csv(request):
    response = await _check(request)
    if response.status_code != 200:
        return response
    stream = StreamingHttpResponse(_rows(getattr(request, ROWS_KEY)), content_type="text/csv")
    stream["Content-Disposition"] = 'attachment; filename="executions.csv"'
    return stream


documented_as(export_csv, ExportCheck)
