"""A flow's overview (Kestra's default tab): what it is, what it takes, what starts it
and how its last runs went; and the changes made from there: enable or disable
(a new revision, as Kestra writes `disabled` into the YAML) and delete."""
from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from executions.models import Execution
from flows import flow_changes
from flows.flow_switch import set_disabled
from flows.spec import FlowInvalid

from ..access import may_write, page
from .lookup import readable_flow, writable_flow

LAST_EXECUTIONS = 10


def _trigger_summary(trigger: dict) -> dict:
    """id, type, whether it is disabled, and its schedule when it has one."""
    return {"id": trigger.get("id"), "type": trigger.get("type"), "disabled": bool(trigger.get("disabled")),
            "cron": trigger.get("cron")}


def _took(execution) -> timedelta | None:
    if execution.start_date and execution.end_date:
        return execution.end_date - execution.start_date
    return None


@page
@require_GET
def overview(request, namespace, flow_id):
    flow = readable_flow(request.user, namespace, flow_id)
    context = {"flow": flow, "tab": "overview", "writable": may_write(request.user, namespace)}
    try:
        spec = flow.spec()
    except FlowInvalid as exc:  # valid when saved; a plugin family may no longer load
        context["problems"] = exc.errors
    else:
        context["inputs"] = spec.inputs
        context["triggers"] = [_trigger_summary(t) for t in spec.triggers]
    last = Execution.objects.filter(namespace=namespace, flow_id=flow_id, deleted=False).order_by("-created")
    context["executions"] = [(execution, _took(execution)) for execution in last[:LAST_EXECUTIONS]]
    return render(request, "flows/overview.html", context)


@page
@require_POST
def delete(request, namespace, flow_id):
    flow = writable_flow(request.user, namespace, flow_id)
    flow_changes.delete_flow(flow)
    messages.success(request, f"Flow {namespace}.{flow_id} deleted")
    return redirect("flows")


@page
@require_POST
def set_enabled(request, namespace, flow_id):
    """`enabled=true|false` from the overview's switch."""
    flow = writable_flow(request.user, namespace, flow_id)
    wanted = request.POST.get("enabled")
    if wanted not in ("true", "false"):
        messages.error(request, f"enabled must be true or false, not {wanted!r}")
        return redirect("flow-overview", namespace=namespace, flow_id=flow_id)
    try:
        flow = set_disabled(flow, wanted == "false")
    except FlowInvalid as exc:
        messages.error(request, f"The flow no longer validates, so it cannot be changed here: {exc}")
    else:
        messages.success(request, f"Flow {'disabled' if flow.disabled else 'enabled'} (revision {flow.revision})")
    return redirect("flow-overview", namespace=namespace, flow_id=flow_id)
