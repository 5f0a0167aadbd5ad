"""Executions, taskruns and logs in the JSON shape of Kestra's REST API
(GET /api/v1/executions/{id}, GET /api/v1/logs/{id})."""
from __future__ import annotations

from executions.models import Execution, LogEntry, TaskRun
from executions.models.state_history import iso
from plugins.durations import format_duration


def _date(dt):
    return iso(dt) if dt else None


def state_json(obj) -> dict:
    out = {
        "current": obj.state,
        "histories": obj.state_history,
        "startDate": _date(obj.start_date),
        "endDate": _date(obj.end_date),
    }
    if obj.start_date:
        end = obj.end_date
        if end is None:
            from django.utils import timezone

            end = timezone.now()
        out["duration"] = format_duration(end - obj.start_date)
    return out


def taskrun_json(tr: TaskRun, execution: Execution) -> dict:
    return {
        "id": tr.id,
        "executionId": execution.id,
        "namespace": execution.namespace,
        "flowId": execution.flow_id,
        "taskId": tr.task_id,
        "parentTaskRunId": tr.parent_id,
        "value": tr.value,
        "attempts": tr.attempts or None,
        "outputs": tr.outputs or None,
        "state": state_json(tr),
    }


def execution_json(execution: Execution, taskruns=None) -> dict:
    if taskruns is None:
        taskruns = TaskRun.objects.filter(execution_id=execution.id).order_by("seq")
    return {
        "id": execution.id,
        "namespace": execution.namespace,
        "flowId": execution.flow_id,
        "flowRevision": execution.flow_revision,
        "taskRunList": [taskrun_json(tr, execution) for tr in taskruns] or None,
        "inputs": execution.inputs or None,
        "outputs": execution.outputs or None,
        "labels": execution.labels or [],
        "state": state_json(execution),
        "parentId": execution.parent_id,
        "originalId": execution.original_id or execution.id,
        "trigger": execution.trigger,
        "deleted": execution.deleted,
        "metadata": {"attemptNumber": 1, "originalCreatedDate": _date(execution.created)},
        "scheduleDate": _date(execution.schedule_date),
    }


def log_json(entry: LogEntry) -> dict:
    return {
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
    }


def execution_logs(execution_id: str) -> list[dict]:
    return [log_json(e) for e in LogEntry.objects.filter(execution_id=execution_id).order_by("timestamp", "id")]
