"""Executions, taskruns and logs in the JSON shape of Kestra's REST API
(GET /api/v1/executions/{id}, GET /api/v1/logs/{id}).

Kestra's API leaves out null fields (Jackson `non_null`), and empty `inputs` and
`outputs` of an execution; a taskrun's `outputs` and a log's `attemptNumber` are always
written. A state's `startDate`, `endDate` and `duration` derive from its histories."""
from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from executions.models import Execution, LogEntry, TaskRun
from executions.models.state_history import iso
from executions.states import TERMINAL, State
from plugins.api.durations import format_duration

# A state has an end date once ended, and while paused (the date it paused).
ENDED = {s.value for s in TERMINAL} | {State.PAUSED.value}


def _date(dt):
    return iso(dt) if dt else None


def _parse(date: str) -> datetime:
    return datetime.fromisoformat(date.replace("Z", "+00:00"))


def _without_nulls(data: dict, keep=()) -> dict:
    return {k: v for k, v in data.items() if v is not None or k in keep}


def state_json(current: str, histories: list[dict]) -> dict:
    """Kestra's State: `duration` runs from the first history to the last one (to now
    while only the first exists), `endDate` is the last history's date once ended."""
    out = {"current": current, "histories": histories}
    if not histories:
        return out
    first, last = _parse(histories[0]["date"]), _parse(histories[-1]["date"])
    out["duration"] = format_duration((last if len(histories) > 1 else timezone.now()) - first)
    out["startDate"] = histories[0]["date"]
    if current in ENDED:
        out["endDate"] = histories[-1]["date"]
    return out


def attempt_json(attempt: dict) -> dict:
    state = attempt.get("state") or {}
    return {**attempt, "state": state_json(state.get("current"), state.get("histories") or [])}


def taskrun_json(tr: TaskRun, execution: Execution) -> dict:
    return _without_nulls({
        "id": tr.id,
        "executionId": execution.id,
        "namespace": execution.namespace,
        "flowId": execution.flow_id,
        "taskId": tr.task_id,
        "parentTaskRunId": tr.parent_id,
        "value": tr.value,
        "iteration": tr.iteration,
        "attempts": [attempt_json(a) for a in tr.attempts] or None,
        "outputs": tr.outputs or None,
        "state": state_json(tr.state, tr.state_history),
    }, keep=("outputs",))


def execution_json(execution: Execution, taskruns=None) -> dict:
    if taskruns is None:
        taskruns = TaskRun.objects.filter(execution_id=execution.id).order_by("seq")
    return _without_nulls({
        "id": execution.id,
        "namespace": execution.namespace,
        "flowId": execution.flow_id,
        "flowRevision": execution.flow_revision,
        "taskRunList": [taskrun_json(tr, execution) for tr in taskruns] or None,
        "inputs": execution.inputs or None,
        "outputs": execution.outputs or None,
        "labels": execution.labels or [],
        "state": state_json(execution.state, execution.state_history),
        "parentId": execution.replay_of,
        "originalId": execution.original_id or execution.id,
        "trigger": execution.trigger,
        "deleted": execution.deleted,
        "metadata": execution.metadata_json(),
        "scheduleDate": _date(execution.schedule_date),
        "kind": execution.kind,
        "breakpoints": execution.breakpoints or None,
    })


def log_json(entry: LogEntry) -> dict:
    return _without_nulls({
        "namespace": entry.namespace,
        "flowId": entry.flow_id,
        "taskId": entry.task_id,
        "executionId": entry.execution_id,
        "taskRunId": entry.taskrun_id,
        "attemptNumber": entry.attempt_number,
        "triggerId": entry.trigger_id,
        "timestamp": _date(entry.timestamp),
        "level": entry.level,
        "message": entry.message,
        "deleted": False,
    }, keep=("attemptNumber",))


def execution_logs(execution_id: str) -> list[dict]:
    return [log_json(e) for e in LogEntry.objects.filter(execution_id=execution_id).order_by("timestamp", "id")]
