"""`POST /executions/{id}/actions/resume-from-breakpoint?breakpoints` (Kestra 2.0's
debugging breakpoints, see executions/engine/breakpoints.py): an execution held at a
breakpoint goes on, stopping next at the `breakpoints` given now (none when none are
given). 409 when it is not held at one; 422 naming a breakpoint's unknown task."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema

from executions.services import actions

from .actions import BREAKPOINTS_HELP, EXECUTION, Action
from .params import breakpoints_of


class ResumeFromBreakpoint(Action):
    def act(self, request, execution_id):
        return actions.resume_from_breakpoint(execution_id, breakpoints_of(request))

    @extend_schema(operation_id="resumeExecutionFromBreakpoint",
                   parameters=[OpenApiParameter("breakpoints", str, description=BREAKPOINTS_HELP)],
                   request=None, responses=EXECUTION)
    def post(self, request, execution_id: str):
        return self.run(request, execution_id)
