"""What every tab of one execution's page shows around its content: the header with the
live state badge and the action buttons (for writers only), and the tab bar."""
from __future__ import annotations

from django.shortcuts import redirect, render

from executions.models import Execution, TaskRun
from executions.operations import OperationRefused
from executions.services.validate_inputs import validate_resume
from executions.states import State

from ..access import may_write, page
from .lookup import base_url, execution_at

TASKRUN_STATES = [State.SUCCESS.value, State.WARNING.value, State.FAILED.value]  # Kestra's "change state" choices


def _field(item: dict) -> dict:
    """A form field of one declared input (`id`, or the old `name`)."""
    decl = item["input"]
    name = decl.get("id") or decl.get("name") or ""
    return {"name": name, "label": decl.get("displayName") or name, "kind": str(decl.get("type") or "STRING").upper(),
            "options": decl.get("values") or [], "description": decl.get("description") or "",
            "required": decl.get("required", False), "value": item.get("value")}


def resume_inputs(execution: Execution) -> list[dict]:
    """The form fields of the `onResume` inputs of the Pause task a paused execution
    waits on (none when paused by hand), from the validate-on-resume answer."""
    if execution.state != State.PAUSED.value:
        return []
    try:
        return [_field(item) for item in validate_resume(execution, {}, {})["inputs"]]
    except OperationRefused:
        return []


def tab_context(request, execution: Execution, tab: str) -> dict:
    writer = may_write(request.user, execution.namespace)
    return {"execution": execution, "tab": tab, "base": base_url(execution), "may_write": writer,
            "live": not execution.is_terminal, "resume_inputs": resume_inputs(execution) if writer else [],
            "taskrun_states": TASKRUN_STATES}


def render_tab(request, execution: Execution, tab: str, template: str, extra: dict | None = None):
    return render(request, template, {**tab_context(request, execution, tab), **(extra or {})})


def task_ids(execution: Execution) -> list[str]:
    return list(TaskRun.objects.filter(execution_id=execution.id).order_by("task_id")
                .values_list("task_id", flat=True).distinct())


@page
def execution_home(request, namespace: str, flow_id: str, execution_id: str):
    """Kestra opens an execution on its Gantt."""
    return redirect(base_url(execution_at(request, namespace, flow_id, execution_id)) + "/gantt")
