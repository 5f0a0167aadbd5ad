"""A readable terminal summary of a finished execution (what `runflow` prints)."""
from __future__ import annotations

import json

from executions.models import Execution, LogEntry, TaskRun
from plugins.durations import format_duration

MARKS = {"SUCCESS": "✓", "WARNING": "!", "FAILED": "✗", "KILLED": "✗", "SKIPPED": "-"}


def _duration(obj) -> str:
    if obj.start_date and obj.end_date:
        return format_duration(obj.end_date - obj.start_date)
    return ""


def _depths(taskruns) -> dict:
    depth = {}
    for tr in taskruns:
        depth[tr.id] = depth.get(tr.parent_id, -1) + 1 if tr.parent_id else 0
    return depth


def summary(execution: Execution) -> str:
    taskruns = list(TaskRun.objects.filter(execution_id=execution.id).order_by("seq"))
    depth = _depths(taskruns)
    lines = [f"Execution {execution.id} of {execution.namespace}.{execution.flow_id} "
             f"(revision {execution.flow_revision}): {execution.state} in {_duration(execution)}"]
    if execution.inputs:
        lines.append(f"Inputs: {json.dumps(execution.inputs, default=str)}")
    lines.append("Tasks:")
    for tr in taskruns:
        indent = "  " * (depth[tr.id] + 1)
        label = tr.task_id + (f" [{tr.value}]" if tr.value is not None else "")
        attempts = f" ({len(tr.attempts)} attempts)" if len(tr.attempts or []) > 1 else ""
        lines.append(f"{indent}{MARKS.get(tr.state, '·')} {label:<40} {tr.state:<8} {_duration(tr)}{attempts}")
        if tr.outputs:
            lines.append(f"{indent}    outputs: {json.dumps(tr.outputs, default=str)[:300]}")
    logs = LogEntry.objects.filter(execution_id=execution.id).order_by("timestamp", "id")
    if logs:
        lines.append("Logs:")
        for entry in logs:
            lines.append(f"  {entry.timestamp:%H:%M:%S.%f}"[:-3] + f" {entry.level:<5} {entry.task_id or '-':<20} {entry.message}")
    if execution.outputs:
        lines.append(f"Outputs: {json.dumps(execution.outputs, default=str)}")
    return "\n".join(lines)
