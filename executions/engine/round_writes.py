"""What an executor round writes, batched within its transaction: a taskrun a round
creates stays in memory (TaskRun.save_fields skips it) and is inserted whole, in the
state it reached, with the others of the transaction in one INSERT just before it
commits (insert_created); its log lines likewise wait for the commit (batched_logs).
A lightweight task run inline thus costs one INSERT, not an INSERT and UPDATEs."""
from __future__ import annotations

from executions.encryption import SecretInputUnreadable
from executions.models import Execution, TaskRun
from executions.scheduler.hook import on_execution_state
from executions.states import State
from expressions import ExpressionError
from plugins.api.context import TaskFailed

from .ids import new_id
from .logger import ExecutionLogger
from .view import ExecutionView


def create_taskrun(view: ExecutionView, parent: TaskRun | None, child) -> TaskRun:
    """A new CREATED taskrun for `child` (a flowable's next child, or a top-level task),
    in the view only until insert_created."""
    keys = list(parent.iteration_keys) if parent is not None else []
    if child.iteration:
        keys.append(str(child.value))
    tr = TaskRun(
        id=new_id(), execution=view.execution, seq=view.next_seq, task_id=child.spec["id"],
        parent=parent, value=child.value, iteration=child.number, iteration_keys=keys,
    )
    tr.set_state(State.CREATED)
    view.add(tr, created=True)
    return tr


def insert_created(view: ExecutionView):
    """Insert the taskruns this transaction's rounds created, whole, in the state
    they reached: one INSERT for all of them."""
    created = [tr for tr in view.take_created() if tr.id in view.taskruns]  # not discarded
    if created:
        TaskRun.objects.bulk_create(created)  # marks them saved: later writes are UPDATEs


def set_taskrun_state(tr: TaskRun, state: State):
    tr.set_state(state)
    tr.save_fields("state", "state_history", "start_date", "end_date")


def set_execution_state(execution: Execution, state: State):
    execution.set_state(state)
    execution.save(update_fields=["state", "state_history", "start_date", "end_date", "outputs", "updated"])
    on_execution_state(execution)


def fail_taskrun(execution: Execution, tr: TaskRun, exc: Exception, with_attempt: bool = False):
    """Log why and fail `tr`; an executable task that failed to start or follow its
    child gets the FAILED attempt Kestra's TaskRun.fail() adds."""
    known = isinstance(exc, (ExpressionError, TaskFailed, SecretInputUnreadable))
    ExecutionLogger(execution, tr).error(str(exc) if known else f"{type(exc).__name__}: {exc}")
    if not with_attempt:
        set_taskrun_state(tr, State.FAILED)
        return
    tr.fail()
    tr.save_fields("state", "state_history", "start_date", "end_date", "attempts")
