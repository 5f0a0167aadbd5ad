"""Running flows in tests the way users do: saved, then driven to their end."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from executions.engine.create import CORRELATION_LABEL, create_execution
from executions.engine.runner import run_to_end
from executions.models import Execution, LogEntry, TaskRun
from flows.services import save_flow


@dataclass
class Run:
    execution: Execution
    taskruns: list[TaskRun]

    @property
    def state(self) -> str:
        return self.execution.state

    def of(self, task_id: str) -> list[TaskRun]:
        return [t for t in self.taskruns if t.task_id == task_id]

    def one(self, task_id: str) -> TaskRun:
        runs = self.of(task_id)
        assert len(runs) == 1, f"{len(runs)} taskruns of {task_id}"
        return runs[0]

    def states(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for t in self.taskruns:
            out.setdefault(t.task_id, []).append(t.state)
        return out

    def logs(self) -> list[str]:
        return list(LogEntry.objects.filter(execution_id=self.execution.id).values_list("message", flat=True))


def user_labels(labels: list[dict]) -> list[dict]:
    """An execution's labels without `system.correlationId`, which every execution has."""
    return [label for label in labels if label["key"] != CORRELATION_LABEL]


def save(source: str):
    flow, _ = save_flow(textwrap.dedent(source))
    return flow


def run_flow(source: str, inputs: dict | None = None, timeout: float = 60) -> Run:
    flow = save(source)
    execution = create_execution(flow, inputs or {})
    execution = run_to_end(execution.id, timeout=timeout)
    return Run(execution, list(TaskRun.objects.filter(execution=execution).order_by("seq")))
