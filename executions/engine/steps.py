"""The engine's two steps, which whatever queue drives an execution calls:

- `advance(execution_id)`: one executor round (as many rounds as change something);
  it hands each runnable taskrun to `queue.run_taskrun`, each execution it started (a
  Subflow's, a ForEachItem's, a CREATE_NEW_EXECUTION retry's) to `queue.started`, and,
  when the execution ended, wakes its parent and the executions of its flow queued for
  the slot it held;
- `run_taskrun(taskrun_id)`: one worker attempt, claimed so that only one worker runs
  it, watched (heartbeat, kill) by this process's watchdog; its end asks for an
  `advance` of its execution.

The cluster (cluster.py) queues them as django-q2 tasks; `runflow` and `runexecution`
(runner.py) queue them in memory and run them on a thread pool. Both are this engine.
Everything a step decides is in the database when it returns, so any process may take
the next step."""
from __future__ import annotations

from typing import Protocol

from django.db import DatabaseError

from executions.models import Execution, TaskRun
from executions.scheduler.hook import on_execution_state
from executions.states import State
from plugins.api.cancellation import CancelSignal

from .executor import Executor
from .flow_index import index_for_source
from .flow_source import flow_source
from .logger import ExecutionLogger
from .round_transaction import ExecutionGone
from .view import ExecutionView
from .watchdog import WATCHDOG
from .worker import CLAIMABLE, claim, run_attempt

# How many queued executions of a flow one ended execution wakes: a freed slot admits
# the first; more are woken in case the limit was raised meanwhile.
QUEUED_WOKEN = 10


class StepQueue(Protocol):
    def advance(self, execution_id: str) -> None: ...

    def started(self, execution_id: str) -> None: ...

    def run_taskrun(self, taskrun_id: str) -> None: ...


def executor_for(execution_id: str, queue: StepQueue) -> Executor:
    """An executor for `execution_id` that hands its work to `queue`, for one advance. A
    queue that drives the execution again and again in one process (runner.py) keeps
    its own between advances, and with it the execution's view
    (round_transaction.refreshed says when that view still holds)."""
    return Executor(execution_id, lambda _execution_id, taskrun_id: queue.run_taskrun(taskrun_id), queue.started)


def advance(execution_id: str, queue: StepQueue, executor: Executor | None = None,
            ended: set[str] | None = None) -> ExecutionView | None:
    """One executor step for `execution_id`; its view afterwards, None if it is gone.
    `executor` and `ended`: see executor_for and Executor.advance."""
    executor = executor or executor_for(execution_id, queue)
    try:
        view = executor.advance(ended)
    except ExecutionGone:
        return None  # deleted meanwhile: nothing left to drive
    except DatabaseError:
        raise  # the database is the truth: without it nothing can be decided or recorded
    except Exception as exc:  # an engine bug must not leave the execution RUNNING forever
        fail_execution(execution_id, exc)
        executor.view = None
        view = ExecutionView.load(execution_id)
    if view.execution.is_terminal:
        wake_waiting_on(view.execution, queue)
    return view


def wake_waiting_on(execution: Execution, queue: StepQueue) -> None:
    """An ended execution: its parent's Subflow or ForEachItem task waits on it, and the
    executions of its flow QUEUED by `concurrency` wait for its slot."""
    if execution.parent_id:
        queue.advance(execution.parent_id)
    queued = (Execution.objects.filter(namespace=execution.namespace, flow_id=execution.flow_id,
                                       state=State.QUEUED.value)
              .order_by("created", "id").values_list("id", flat=True)[:QUEUED_WOKEN])
    for queued_id in queued:
        queue.advance(queued_id)


def run_taskrun(taskrun_id: str, queue: StepQueue, cancel: CancelSignal | None = None) -> None:
    """One attempt of a runnable taskrun, unless another worker claimed it first; then an
    `advance` of its execution decides what comes next."""
    taskrun = TaskRun.objects.filter(pk=taskrun_id).first()
    if taskrun is None:
        return
    execution_id = taskrun.execution_id
    if taskrun.state not in CLAIMABLE:  # handed out again before its end was seen: no claim to try
        queue.advance(execution_id)
        return
    try:
        if claim(taskrun):
            cancel = cancel or CancelSignal()
            with WATCHDOG.watching(taskrun.id, execution_id, cancel):
                view = ExecutionView.load_for_task(execution_id, taskrun)
                index = index_for_source(flow_source(view.execution))
                index.add_inlined(view.taskruns.values())
                run_attempt(view, index.spec, index.task(taskrun.task_id), taskrun, cancel)
    except DatabaseError:
        raise
    except Exception as exc:  # an engine bug in a worker must not leave its taskrun RUNNING forever
        fail_execution(execution_id, exc)
    queue.advance(execution_id)


def fail_execution(execution_id: str, exc: Exception):
    """End an execution FAILED because the engine itself failed on it, saying why."""
    execution = Execution.objects.get(pk=execution_id)
    ExecutionLogger(execution).error(f"Internal error of the executor: {type(exc).__name__}: {exc}")
    if not execution.is_terminal:
        execution.set_state(State.FAILED)
        execution.version += 1
        execution.save(update_fields=["state", "state_history", "start_date", "end_date", "version", "updated"])
        on_execution_state(execution)
