"""The Overview tab: state, dates and duration, the flow and its revision, inputs (a
SECRET input stays masked), labels (a form for writers), trigger, parent execution and
the flow's outputs."""
from __future__ import annotations

import json

from executions.admin_execution_page import masked_inputs

from ..access import page
from .lookup import execution_at
from .tabs import render_tab


def pretty(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) if value else ""


@page
def overview_tab(request, namespace: str, flow_id: str, execution_id: str):
    execution = execution_at(request, namespace, flow_id, execution_id)
    duration = (execution.end_date - execution.start_date) if execution.start_date and execution.end_date else None
    labels = [label for label in execution.labels or [] if isinstance(label, dict)]
    return render_tab(request, execution, "overview", "executions/overview.html", {
        "duration": duration, "inputs": masked_inputs(execution.inputs), "labels": labels,
        "labels_text": "\n".join(f"{label['key']}:{label.get('value', '')}" for label in labels),
        "trigger": pretty(execution.trigger), "outputs": pretty(execution.outputs), "parent": execution.parent,
    })
