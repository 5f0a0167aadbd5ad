"""The Topology tabs of a flow (its current revision) and of an execution (the
revision it runs, each task coloured by its task runs)."""
from __future__ import annotations

from django.shortcuts import render

from executions.models import TaskRun
from flows.graph import flow_graph
from flows.spec import FlowInvalid

from ..access import may_write, page
from ..objects import execution_at, flow_at, source_of
from .states import task_states


def _graph(source: str | None) -> tuple[dict | None, str | None]:
    """(the graph, None) or (None, why there is none)."""
    if source is None:
        return None, "The flow revision of this execution is gone."
    try:
        return flow_graph(source), None
    except FlowInvalid as exc:
        return None, f"The flow is not valid: {exc}"


@page
def flow_topology(request, namespace: str, flow_id: str):
    flow = flow_at(request.user, namespace, flow_id)
    graph, problem = _graph(flow.source)
    return render(request, "topology/flow.html", {
        "flow": flow, "tab": "topology", "graph": graph, "problem": problem,
        "can_write": may_write(request.user, namespace)})


@page
def execution_topology(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request.user, namespace, flow_id, execution_id)
    graph, problem = _graph(source_of(execution))
    runs = TaskRun.objects.filter(execution_id=execution.id).order_by("seq").values_list("task_id", "state")
    return render(request, "topology/execution.html", {
        "execution": execution, "tab": "topology", "graph": graph, "problem": problem,
        "states": task_states(runs)})
