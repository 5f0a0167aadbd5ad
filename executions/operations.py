"""What people do to executions (kill, pause, resume, restart, replay, change a
taskrun's state, labels, delete): engine operations the API and the UI call.

Each writes its decision in one transaction; the executor then carries it out, in
whatever process drives the execution."""
from __future__ import annotations

from django.db import transaction

from executions.models import Execution, LogEntry, TaskRun
from executions.states import FAILING, TERMINAL, State
from storage import internal_storage

from .engine.create import merge_labels
from .engine.flow_index import index_for_source
from .engine.ids import new_id


class OperationRefused(Exception):
    """The operation does not apply to the execution in its current state."""


def _locked(execution_id: str) -> Execution:
    try:
        return Execution.objects.select_for_update().get(pk=execution_id)
    except Execution.DoesNotExist:
        raise OperationRefused(f"execution {execution_id} does not exist") from None


def _touch(execution: Execution, *fields):
    """Save and bump the version, so a running executor reloads what changed under it."""
    execution.version += 1
    execution.save(update_fields=[*fields, "version", "updated"])


def _save_state(execution: Execution, state: State):
    execution.set_state(state)
    _touch(execution, "state", "state_history", "start_date", "end_date")


@transaction.atomic
def kill(execution_id: str) -> Execution:
    """Ask for a kill: running tasks are stopped, nothing new starts, subflows are
    killed too; the execution goes KILLING then KILLED."""
    execution = _locked(execution_id)
    if execution.is_terminal:
        raise OperationRefused(f"execution {execution_id} already ended {execution.state}")
    if execution.state != State.KILLING.value:
        _save_state(execution, State.KILLING)
    for child in Execution.objects.filter(parent_id=execution_id).exclude(state__in=[s.value for s in TERMINAL]):
        if child.state != State.KILLING.value:
            kill(child.id)
    return execution


@transaction.atomic
def pause(execution_id: str) -> Execution:
    """Hold a running execution: running tasks finish, nothing new starts until resumed."""
    execution = _locked(execution_id)
    if execution.state not in (State.RUNNING.value, State.CREATED.value):
        raise OperationRefused(f"only a running execution can be paused (it is {execution.state})")
    _save_state(execution, State.PAUSED)
    return execution


@transaction.atomic
def resume(execution_id: str, inputs: dict | None = None) -> Execution:
    """Resume a paused execution; waiting Pause tasks end, with the `onResume` inputs
    (validated against their declaration) as outputs."""
    from flows.spec import parse_inputs

    from .engine.executor import flow_source

    execution = _locked(execution_id)
    if execution.state != State.PAUSED.value:
        raise OperationRefused(f"only a paused execution can be resumed (it is {execution.state})")
    index = index_for_source(flow_source(execution))
    for tr in TaskRun.objects.filter(execution_id=execution_id, state=State.PAUSED.value):
        declared = index.task(tr.task_id).get("onResume") or []
        values = parse_inputs(declared, inputs or {}) if declared else {}
        tr.outputs = {"onResume": values} if declared else {}
        tr.set_state(State.RUNNING)
        tr.wait_until = None
        tr.save(update_fields=["state", "state_history", "start_date", "end_date", "wait_until", "outputs"])
    _save_state(execution, State.RUNNING)
    return execution


def _handler_task_ids(index) -> set[str]:
    """Ids of every task in an `errors` or `finally` branch (the flow's or a flowable's)."""
    ids: set[str] = set()

    def collect(specs):
        for spec in specs or []:
            ids.add(spec["id"])
            for nested in index.task(spec["id"]).nested_task_lists(spec).values():
                collect(nested)

    collect(index.spec.errors)
    collect(index.spec.finally_)
    for task in list(index.tasks.values()):
        if task.flowable:
            collect(task.spec.get("errors"))
            collect(task.spec.get("finally"))
    return ids


def _reopen(execution: Execution, restarted: list[TaskRun]):
    """Make the execution run again from `restarted` taskruns: they and their ancestors
    go back to running, handler branches are dropped (they run again if still needed)."""
    from .engine.executor import flow_source

    index = index_for_source(flow_source(execution))
    taskruns = {t.id: t for t in TaskRun.objects.filter(execution=execution)}
    handlers = _handler_task_ids(index)
    reopened: set[str] = set()
    for tr in restarted:
        tr.set_state(State.RESTARTED)
        tr.set_state(State.CREATED if not index.task(tr.task_id).flowable else State.RUNNING)
        tr.wait_until, tr.worker = None, ""
        tr.save(update_fields=["state", "state_history", "start_date", "end_date", "wait_until", "worker"])
        reopened.add(tr.id)
        parent = taskruns.get(tr.parent_id)
        while parent is not None and parent.id not in reopened:
            parent.set_state(State.RUNNING)
            parent.save(update_fields=["state", "state_history", "start_date", "end_date"])
            reopened.add(parent.id)
            parent = taskruns.get(parent.parent_id)
    doomed = [t.id for t in taskruns.values() if t.task_id in handlers and t.id not in reopened]
    TaskRun.objects.filter(pk__in=doomed).delete()
    execution.outputs = {}
    execution.set_state(State.RESTARTED)
    _touch(execution, "state", "state_history", "start_date", "end_date", "outputs")


@transaction.atomic
def restart(execution_id: str) -> Execution:
    """Run a FAILED or KILLED execution again from its failed tasks: each gets a new
    attempt; what succeeded is kept."""
    execution = _locked(execution_id)
    if execution.state not in (State.FAILED.value, State.KILLED.value):
        raise OperationRefused(f"only a failed or killed execution can be restarted (it is {execution.state})")
    from .engine.executor import flow_source

    index = index_for_source(flow_source(execution))
    failed = [t for t in TaskRun.objects.filter(execution=execution, state__in=[s.value for s in FAILING])
              if not index.task(t.task_id).flowable]
    _reopen(execution, failed)
    return execution


@transaction.atomic
def change_taskrun_state(execution_id: str, taskrun_id: str, state: str) -> Execution:
    """Set a finished taskrun's state by hand (e.g. a failed task to SUCCESS); the
    execution then goes on from there."""
    execution = _locked(execution_id)
    target = State(state)
    if target not in (State.SUCCESS, State.WARNING, State.FAILED):
        raise OperationRefused("a taskrun's state can be changed to SUCCESS, WARNING or FAILED only")
    if not execution.is_terminal:
        raise OperationRefused("the execution must have ended to change a taskrun's state")
    tr = TaskRun.objects.filter(pk=taskrun_id, execution=execution).first()
    if tr is None:
        raise OperationRefused(f"taskrun {taskrun_id} is not in execution {execution_id}")
    _reopen(execution, [])
    tr.set_state(target)
    tr.save(update_fields=["state", "state_history", "start_date", "end_date"])
    parent = tr.parent
    while parent is not None:
        parent.set_state(State.RUNNING)
        parent.save(update_fields=["state", "state_history", "start_date", "end_date"])
        parent = parent.parent
    return execution


@transaction.atomic
def replay(execution_id: str, taskrun_id: str | None = None) -> Execution:
    """A new execution of the same flow revision and inputs. From a taskrun: what came
    before it is copied as it ended, and the run starts again at that taskrun."""
    original = _locked(execution_id)
    copy = Execution(
        id=new_id(), namespace=original.namespace, flow_id=original.flow_id, flow_revision=original.flow_revision,
        inputs=original.inputs, labels=original.labels, trigger=original.trigger, parent=original.parent,
        parent_id=original.parent_id, original_id=original.original_id or original.id,
    )
    copy.set_state(State.CREATED)
    copy.save(force_insert=True)
    if taskrun_id is None:
        return copy
    taskruns = list(TaskRun.objects.filter(execution=original).order_by("seq"))
    by_id = {t.id: t for t in taskruns}
    target = by_id.get(taskrun_id)
    if target is None:
        raise OperationRefused(f"taskrun {taskrun_id} is not in execution {execution_id}")
    ancestors = set()
    parent = by_id.get(target.parent_id)
    while parent is not None:
        ancestors.add(parent.id)
        parent = by_id.get(parent.parent_id)
    new_ids = {}
    for tr in taskruns:
        if tr.seq >= target.seq and tr.id not in ancestors:
            continue
        if not tr.is_terminal and tr.id not in ancestors:
            continue
        new_ids[tr.id] = new_id()
        clone = TaskRun(
            id=new_ids[tr.id], execution=copy, seq=tr.seq, task_id=tr.task_id, parent_id=new_ids.get(tr.parent_id),
            value=tr.value, iteration_keys=tr.iteration_keys, outputs=tr.outputs, attempts=tr.attempts,
            memo=tr.memo, state=tr.state, state_history=tr.state_history, start_date=tr.start_date,
            end_date=tr.end_date,
        )
        if tr.id in ancestors:
            clone.set_state(State.RUNNING)
        clone.save(force_insert=True)
    return copy


@transaction.atomic
def set_labels(execution_id: str, labels) -> Execution:
    execution = _locked(execution_id)
    execution.labels = merge_labels(labels)
    _touch(execution, "labels")
    return execution


@transaction.atomic
def delete(execution_id: str, delete_logs: bool = True, delete_storage: bool = True) -> None:
    """Delete an ended execution with its taskruns, and by default its logs and files."""
    execution = _locked(execution_id)
    if not execution.is_terminal:
        raise OperationRefused("kill the execution before deleting it")
    if delete_logs:
        LogEntry.objects.filter(execution_id=execution_id).delete()
    if delete_storage:
        internal_storage().delete_prefix(*execution.namespace.split("."), execution.flow_id, "executions",
                                         execution.id)
    execution.delete()


