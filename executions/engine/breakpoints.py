"""Kestra 2.0's debugging breakpoints: an execution created or replayed with
`breakpoints` stops before each named task. The taskrun is created, then held in state
BREAKPOINT instead of starting, and the execution goes BREAKPOINT with it; nothing new
starts until resume-from-breakpoint (operations/control.py) puts the held taskruns back
to CREATED, the execution back to RUNNING, and the breakpoints to the ones given then
(none when none are given), as Kestra's ExecutionService#resumeFromBreakpoint does.

A breakpoint is Kestra's Breakpoint {"id": taskId, "value": loop value}: with a value
it holds only the taskrun of that loop value (a ForEach iteration); the API reads them
from Kestra's `taskId[.value]` text (api/executions/params.py).

Unlike Kestra, a taskrun is held once: resuming with the same breakpoints lets the held
taskrun go and stops at the next matching one (the next iteration), where Kestra would
hold the same taskrun again at once."""
from __future__ import annotations

from collections.abc import Callable

from executions.states import State

from .flow_index import index_for_source
from .flow_source import flow_source

WAITING_TO_START = (State.CREATED.value, State.RESTARTED.value)


class UnknownBreakpointTask(LookupError):
    """A breakpoint names a task its flow does not have: it could never be reached."""

    def __init__(self, task_ids: list[str], flow: str):
        names = ", ".join(f"'{t}'" for t in task_ids)
        super().__init__(f"breakpoints: flow {flow} has no task {names}")
        self.task_ids = task_ids


def check_breakpoints(breakpoints: list[dict] | None, index, flow: str) -> None:
    """Every breakpoint names a task of the flow (its index: tasks, errors, finally,
    afterExecution and all they nest)."""
    unknown = [b["id"] for b in breakpoints or [] if b["id"] not in index.tasks]
    if unknown:
        raise UnknownBreakpointTask(sorted(set(unknown)), flow)


def set_breakpoints(execution, breakpoints: list[dict] | None) -> None:
    """Give a new (created or replayed) execution its breakpoints, checked against the
    flow revision it runs; the caller's transaction then holds no half-made execution."""
    if breakpoints:
        check_breakpoints(breakpoints, index_for_source(flow_source(execution)),
                          f"{execution.namespace}.{execution.flow_id}")
    execution.breakpoints = breakpoints or None
    execution.save(update_fields=["breakpoints"])


def _matches(tr, breakpoints: list[dict]) -> bool:
    return any(b["id"] == tr.task_id and (b.get("value") is None or b["value"] == tr.value) for b in breakpoints)


def _held_before(tr) -> bool:
    return any(h.get("state") == State.BREAKPOINT.value for h in tr.state_history)


def hold_at_breakpoints(view, set_taskrun_state: Callable, set_execution_state: Callable) -> bool:
    """Hold the taskruns about to start that a breakpoint names (and not held before), and the
    execution with them; whether any was held. Called by the executor after it created
    a round's taskruns and before it starts any, so a held task never starts."""
    breakpoints = view.execution.breakpoints
    if not breakpoints:
        return False
    held = [tr for tr in view.active()
            if tr.state in WAITING_TO_START and _matches(tr, breakpoints) and not _held_before(tr)]
    for tr in held:
        set_taskrun_state(tr, State.BREAKPOINT)
    if held:
        set_execution_state(State.BREAKPOINT)
    return bool(held)
