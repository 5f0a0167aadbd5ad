"""Kill, pause and resume: stopping or holding an execution that is under way."""
from __future__ import annotations

from django.db import transaction

from executions.engine.breakpoints import check_breakpoints
from executions.engine.kill import kill_locked
from executions.models import Execution, TaskRun
from executions.scheduler.hook import on_execution_state
from executions.states import State
from flows.spec import parse_inputs

from .common import OperationRefused, flow_index, locked, next_attempt, save_state, touch


@transaction.atomic
def kill(execution_id: str, cascade: bool = True) -> Execution:
    """Ask for a kill: running tasks are stopped, nothing new starts, subflows are
    killed too unless `cascade` is False (Kestra's isOnKillCascade); the execution goes
    KILLING then KILLED. A paused execution is killed the same way: its waiting Pause
    tasks end KILLED."""
    execution = locked(execution_id)
    if execution.is_terminal:
        raise OperationRefused(f"execution {execution_id} already ended {execution.state}")
    kill_locked(execution, cascade)
    return execution


@transaction.atomic
def pause(execution_id: str) -> Execution:
    """Hold a running execution: running tasks finish, nothing new starts until resumed."""
    execution = locked(execution_id)
    if execution.state not in (State.RUNNING.value, State.CREATED.value):
        raise OperationRefused(f"only a running execution can be paused (it is {execution.state})")
    save_state(execution, State.PAUSED)
    return execution


@transaction.atomic
def resume(execution_id: str, inputs: dict | None = None) -> Execution:
    """Resume a paused execution.

    As Kestra does, the first waiting Pause task is resumed (with the `onResume` inputs,
    validated against its declaration, as its outputs) and the execution goes RESTARTED
    with one more attempt; while other Pause tasks still wait (parallel pauses), the
    execution stays PAUSED. An execution paused by hand just goes back to RUNNING."""
    execution = locked(execution_id)
    if execution.state != State.PAUSED.value:
        raise OperationRefused(f"only a paused execution can be resumed (it is {execution.state})")
    waiting = list(TaskRun.objects.filter(execution_id=execution_id, state=State.PAUSED.value).order_by("seq"))
    if not waiting:
        save_state(execution, State.RUNNING)
        return execution
    tr = waiting[0]
    declared = flow_index(execution, waiting).task(tr.task_id).get("onResume") or []
    if declared:
        tr.outputs = {"onResume": parse_inputs(declared, inputs or {})}
    tr.set_state(State.RUNNING)
    tr.wait_until = None
    tr.save(update_fields=["state", "state_history", "start_date", "end_date", "wait_until", "outputs"])
    if len(waiting) > 1:
        touch(execution)  # a taskrun changed: an executor keeping its view reads it again
        return execution
    execution.metadata = next_attempt(execution)
    execution.set_state(State.RESTARTED)
    touch(execution, "state", "state_history", "start_date", "end_date", "metadata")
    on_execution_state(execution)
    return execution


@transaction.atomic
def resume_from_breakpoint(execution_id: str, breakpoints: list[dict] | None = None) -> Execution:
    """Let an execution held at a breakpoint go on (Kestra's resumeFromBreakpoint): its
    held taskruns go back to CREATED, it goes RUNNING, and its breakpoints become
    `breakpoints` (none when None: the rest of the run is not held again)."""
    execution = locked(execution_id)
    if execution.state != State.BREAKPOINT.value:
        raise OperationRefused(f"Cannot resume execution {execution_id}: it is not suspended at a breakpoint "
                               f"(it is {execution.state})")
    if not execution.breakpoints:
        raise OperationRefused(f"Cannot resume execution {execution_id}: no breakpoint defined")
    held = list(TaskRun.objects.filter(execution_id=execution_id, state=State.BREAKPOINT.value))
    if breakpoints:
        check_breakpoints(breakpoints, flow_index(execution, held), f"{execution.namespace}.{execution.flow_id}")
    for tr in held:
        tr.set_state(State.CREATED)
        tr.save(update_fields=["state", "state_history", "start_date", "end_date"])
    execution.breakpoints = breakpoints or None
    execution.set_state(State.RUNNING)
    touch(execution, "state", "state_history", "start_date", "end_date", "breakpoints")
    on_execution_state(execution)
    return execution


UNQUEUE_TO = (State.RUNNING, State.CANCELLED, State.FAILED, State.KILLED)


@transaction.atomic
def unqueue(execution_id: str, state: str = State.RUNNING.value) -> Execution:
    """Take a QUEUED execution out of its flow's concurrency queue (Kestra's unqueue):
    to RUNNING, it runs now whatever the limit says; or it ends CANCELLED, FAILED or KILLED."""
    execution = locked(execution_id)
    if execution.state != State.QUEUED.value:
        raise OperationRefused(f"only a queued execution can be unqueued (it is {execution.state})")
    try:
        target = State(state)
    except ValueError:
        raise OperationRefused(f"unknown state {state!r}") from None
    if target not in UNQUEUE_TO:
        raise OperationRefused(f"a queued execution goes to {', '.join(s.value for s in UNQUEUE_TO)} only")
    save_state(execution, target)
    return execution


@transaction.atomic
def force_run(execution_id: str) -> Execution:
    """Start a CREATED or QUEUED execution now, past its flow's concurrency limit
    (Kestra's force-run): it goes RUNNING and the executor starts its tasks."""
    execution = locked(execution_id)
    if execution.state not in (State.CREATED.value, State.QUEUED.value):
        raise OperationRefused(f"only a created or queued execution can be forced to run (it is {execution.state})")
    save_state(execution, State.RUNNING)
    return execution
