"""A readable terminal summary of a finished execution (what `runflow` prints): the
taskruns as a tree under their parents, with states, durations and outputs, then the
logs and the flow's outputs."""
from __future__ import annotations

import json
from datetime import timedelta

from executions.models import Execution, LogEntry, TaskRun
from executions.taskrun_tree import tree_order

MARKS = {"SUCCESS": "✓", "WARNING": "!", "FAILED": "✗", "KILLED": "✗", "SKIPPED": "-"}
NAME_WIDTH = 48  # states and durations line up whatever the depth
OUTPUT_WIDTH = 300  # a long output is cut: the whole of it is in `--json`


def human_duration(delta: timedelta) -> str:
    """`7 ms`, `1.25 s`, `2m 03s`, `1h 02m 03s`: for eyes, not for parsing."""
    seconds = delta.total_seconds()
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m {secs:02d}s" if hours else f"{minutes}m {secs:02d}s"


def _duration(obj) -> str:
    if obj.start_date and obj.end_date:
        return human_duration(obj.end_date - obj.start_date)
    return ""


def _task_lines(taskruns) -> list[str]:
    lines = []
    for depth, tr in tree_order(taskruns):
        indent = "  " * (depth + 1)
        label = tr.task_id + (f" [{tr.value}]" if tr.value is not None else "")
        attempts = f" ({len(tr.attempts)} attempts)" if len(tr.attempts or []) > 1 else ""
        name = f"{indent}{MARKS.get(tr.state, '·')} {label}"
        lines.append(f"{name:<{NAME_WIDTH}} {tr.state:<8} {_duration(tr)}{attempts}")
        if tr.outputs:
            lines.append(f"{indent}    outputs: {json.dumps(tr.outputs, default=str)[:OUTPUT_WIDTH]}")
    return lines


def _log_lines(execution_id) -> list[str]:
    logs = LogEntry.objects.filter(execution_id=execution_id).order_by("timestamp", "id")
    return [f"  {entry.timestamp:%H:%M:%S}.{entry.timestamp.microsecond // 1000:03d} "
            f"{entry.level:<5} {entry.task_id or '-':<20} {entry.message}" for entry in logs]


def summary(execution: Execution, retried: list[Execution] = ()) -> str:
    """`retried`: the earlier executions this one retries (`behavior:
    CREATE_NEW_EXECUTION`), first to last."""
    taskruns = list(TaskRun.objects.filter(execution_id=execution.id).order_by("seq"))
    lines = [f"Execution {execution.id} of {execution.namespace}.{execution.flow_id} "
             f"(revision {execution.flow_revision}): {execution.state} in {_duration(execution)}"]
    if retried:
        lines.append("Retries the executions: " + ", ".join(f"{ex.id} ({ex.state})" for ex in retried))
    if execution.inputs:
        lines.append(f"Inputs: {json.dumps(execution.inputs, default=str)}")
    lines += ["Tasks:", *_task_lines(taskruns)]
    logs = _log_lines(execution.id)
    if logs:
        lines += ["Logs:", *logs]
    if execution.outputs:
        lines.append(f"Outputs: {json.dumps(execution.outputs, default=str)}")
    return "\n".join(lines)
