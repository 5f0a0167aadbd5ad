"""`POST /executions/{id}/actions/resume-from-breakpoint?breakpoints` (Kestra 2.0's
debugging breakpoints). This engine has no breakpoints: create and replay refuse a
request that sets some (422, api.executions.params.refuse_breakpoints), so no
execution ever waits at one. Resuming one is then a 409 naming the execution's state,
and new `breakpoints` are refused as everywhere else."""
from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.views import APIView

from api.access import WRITE
from api.problems import Conflict

from .lookup import find
from .params import refuse_breakpoints


class ResumeFromBreakpoint(APIView):
    @extend_schema(operation_id="resumeExecutionFromBreakpoint", parameters=[
        OpenApiParameter("breakpoints", str, description="refused: not supported (422)")],
        request=None, responses={200: OpenApiTypes.OBJECT})
    def post(self, request, execution_id: str):
        execution = find(request, execution_id, WRITE)
        refuse_breakpoints(request)
        raise Conflict(f"execution {execution_id} is not stopped at a breakpoint (it is {execution.state}): "
                       "breakpoints are not supported by this server")
