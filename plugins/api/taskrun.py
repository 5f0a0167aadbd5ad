"""What a running task knows of its own taskrun: a read-only view, never the engine's
model (`ctx.taskrun`). Kestra's `taskrun` variable holds the same (id, taskId, parentId,
value, attemptsCount, iteration); a task that wants to change its taskrun returns
outputs or raises, and the engine writes the model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TaskRunView:
    id: str
    task_id: str
    parent_id: str | None = None
    value: str | None = None  # the loop value of a ForEach child
    attempt_number: int = 1  # from 1
    iteration: int | None = None  # Kestra's taskrun.iteration inside loops


# The engine's taskrun model (executions.models.TaskRun) as flowable and executable
# tasks receive it from their runtime: they pass it back to the runtime's methods and
# read its fields; the plugin API cannot name the engine's class (import contracts).
TaskRunModel = Any
