"""The Gantt tab, and its fragment that htmx polls every second while the execution is
not terminal (the fragment it answers once terminal polls no more), with the header's
state badge swapped in beside it."""
from __future__ import annotations

from django.shortcuts import render

from ..access import page
from .gantt import gantt
from .lookup import execution_at
from .tabs import render_tab, tab_context


@page
def gantt_tab(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    return render_tab(request, execution, "gantt", "executions/gantt.html", {"chart": gantt(execution)})


@page
def gantt_fragment(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    return render(request, "executions/_gantt_live.html",
                  {**tab_context(request, execution, "gantt"), "chart": gantt(execution)})
