"""Restart and taskrun state change: the same execution runs again, from its failed
taskruns or from one taskrun given a new state by hand."""
from __future__ import annotations

from django.db import transaction

from executions.models import Execution, TaskRun
from executions.scheduler.hook import on_execution_state
from executions.states import FAILING, State

from .common import (
    RESTARTED_LABEL,
    OperationRefused,
    check_revision,
    flow_index,
    locked,
    next_attempt,
    taskruns_of,
    touch,
    with_label,
)
from .reopen import Reopening, set_attempt_state

RESTARTABLE = (State.FAILED.value, State.KILLED.value)


def _run_again(execution: Execution, **extra):
    """The execution goes RESTARTED with one more attempt; the executor takes it from there."""
    execution.outputs = {}
    execution.metadata = next_attempt(execution)
    for field, value in extra.items():
        setattr(execution, field, value)
    execution.set_state(State.RESTARTED)
    touch(execution, "state", "state_history", "start_date", "end_date", "outputs", "metadata", *extra)
    on_execution_state(execution)


@transaction.atomic
def restart(execution_id: str, revision: int | None = None) -> Execution:
    """Run a FAILED or KILLED execution again from its failed or killed taskruns: each
    task gets a new attempt, a flowable that failed by itself decides again, and what
    succeeded is kept. The execution is labelled `system.restarted: true`. With
    `revision` it goes on with that revision of its flow (Kestra's restart `revision`)."""
    execution = locked(execution_id)
    if execution.state not in RESTARTABLE:
        raise OperationRefused(f"only a failed or killed execution can be restarted (it is {execution.state})")
    run_with = check_revision(execution, revision)  # the plan below is made on the revision it ran, as Kestra does
    taskruns = taskruns_of(execution)
    reopening = Reopening(execution, flow_index(execution, taskruns), taskruns)
    for tr in taskruns:
        if tr.state in {s.value for s in FAILING}:
            reopening.restart(tr)
    reopening.drop_handlers()
    reopening.finish()
    _run_again(execution, labels=with_label(execution.labels, RESTARTED_LABEL, "true"),
               flow_revision=run_with)
    return execution


@transaction.atomic
def change_taskrun_state(execution_id: str, taskrun_id: str, state: str) -> Execution:
    """Set a finished taskrun's state by hand (e.g. a failed task to SUCCESS), its last
    attempt's too; its flowable parents go back to RUNNING and the execution goes on
    from there (RESTARTED)."""
    execution = locked(execution_id)
    try:
        target = State(state)
    except ValueError:
        raise OperationRefused(f"unknown state {state!r}") from None
    if target not in (State.SUCCESS, State.WARNING, State.FAILED):
        raise OperationRefused("a taskrun's state can be changed to SUCCESS, WARNING or FAILED only")
    if not execution.is_terminal:
        raise OperationRefused("the execution must have ended to change a taskrun's state")
    taskruns = taskruns_of(execution)
    tr = next((t for t in taskruns if t.id == taskrun_id), None)
    if tr is None:
        raise OperationRefused(f"taskrun {taskrun_id} is not in execution {execution_id}")
    if not tr.is_terminal:
        raise OperationRefused(f"taskrun {taskrun_id} has not ended ({tr.state})")
    reopening = Reopening(execution, flow_index(execution, taskruns), taskruns)
    if tr.id not in reopening.in_handler:
        reopening.drop_handlers()
    if tr.state != target.value:
        tr.set_state(target)
    set_attempt_state(tr, target)
    TaskRun.objects.filter(pk=tr.id).update(state=tr.state, state_history=tr.state_history, end_date=tr.end_date,
                                            attempts=tr.attempts)
    reopening.reopened.add(tr.id)
    reopening.reopen_parents(tr)
    reopening.finish()
    _run_again(execution)
    return execution
