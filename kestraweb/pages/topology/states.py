"""An execution's task runs summed up by task: the state its node is coloured with."""
from __future__ import annotations

from collections.abc import Iterable

from .layout import TaskState

# Which state a task with several runs (a loop's iterations) shows: what still moves
# first, then the worst outcome, as a glance at the topology should tell what matters.
PRECEDENCE = ("RUNNING", "KILLING", "RETRYING", "PAUSED", "BREAKPOINT", "QUEUED", "CREATED", "RESTARTED", "FAILED",
              "KILLED", "CANCELLED", "WARNING", "RETRIED", "SUCCESS", "SKIPPED")


def _rank(state: str) -> int:
    return PRECEDENCE.index(state) if state in PRECEDENCE else len(PRECEDENCE)


def task_states(runs: Iterable[tuple[str, str]]) -> dict[str, TaskState]:
    """(task id, state) pairs of an execution's task runs -> task id -> TaskState."""
    found: dict[str, TaskState] = {}
    for task_id, state in runs:
        current = found.get(task_id)
        if current is None:
            found[task_id] = TaskState(state)
            continue
        current.runs += 1
        if _rank(state) < _rank(current.state):
            current.state = state
    return found
