"""Running flows in tests the way users do: saved, then driven to their end."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from executions.engine.create import CORRELATION_LABEL, create_execution
from executions.engine.runner import run_to_end
from executions.models import Execution, LogEntry, MetricEntry, TaskRun
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

    def log_entries(self, task_id: str | None = None) -> list[tuple[str, str]]:
        """(level, message) of the execution's log lines (of one task), in order."""
        entries = LogEntry.objects.filter(execution_id=self.execution.id)
        if task_id is not None:
            entries = entries.filter(task_id=task_id)
        return list(entries.order_by("timestamp", "id").values_list("level", "message"))

    def metrics(self) -> list[tuple[str, str, float, dict]]:
        """(type, name, value, tags) of the metrics the execution's taskruns recorded."""
        entries = MetricEntry.objects.filter(execution_id=self.execution.id).order_by("id")
        return [(m.type, m.name, m.value, m.tags) for m in entries]


def user_labels(labels: list[dict]) -> list[dict]:
    """An execution's labels without `system.correlationId`, which every execution has."""
    return [label for label in labels if label["key"] != CORRELATION_LABEL]


def save(source: str):
    flow, _ = save_flow(textwrap.dedent(source))
    return flow


def start_execution(flow, inputs: dict | None = None) -> Execution:
    """A created execution of a saved flow, to run in the background (tests.background)."""
    return create_execution(flow, inputs or {})


def kill_execution(execution_id: str) -> Execution:
    from executions import operations

    return operations.kill(execution_id)


def taskrun_state(execution_id: str, task_id: str) -> str:
    return TaskRun.objects.get(execution_id=execution_id, task_id=task_id).state


def run_flow(source: str, inputs: dict | None = None, timeout: float = 60) -> Run:
    flow = save(source)
    execution = create_execution(flow, inputs or {})
    execution = run_to_end(execution.id, timeout=timeout)
    return Run(execution, list(TaskRun.objects.filter(execution=execution).order_by("seq")))
