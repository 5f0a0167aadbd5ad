"""Replay: a new execution of the same flow revision and inputs, from the start or
from one taskrun of the original."""
from __future__ import annotations

from django.db import transaction

from executions.engine.ids import new_id
from executions.models import Execution, TaskRun
from executions.states import State

from .common import REPLAY_LABEL, OperationRefused, flow_index, locked, next_attempt, taskruns_of, with_label


def _copy(original: Execution, from_taskrun: bool) -> Execution:
    """The new execution: Kestra's replay keeps the inputs, labels, trigger and metadata
    (one more attempt), points back at the original (`parentId`, `originalId`) and is
    labelled `system.replay: true`. From a taskrun it carries on the original's state
    history with RESTARTED; from the start it begins CREATED."""
    copy = Execution(
        id=new_id(), namespace=original.namespace, flow_id=original.flow_id, flow_revision=original.flow_revision,
        inputs=original.inputs, labels=with_label(original.labels, REPLAY_LABEL, "true"), trigger=original.trigger,
        parent=original.parent, parent_id=original.parent_id, original_id=original.original_id or original.id,
        replay_of=original.id, metadata=next_attempt(original), schedule_date=original.schedule_date,
    )
    if from_taskrun:
        copy.state_history = list(original.state_history)
        copy.start_date = original.start_date
        copy.state = original.state
        copy.set_state(State.RESTARTED)
    else:
        copy.set_state(State.CREATED)
    copy.save(force_insert=True)
    return copy


def _plan(taskruns: list[TaskRun], target: TaskRun, index) -> tuple[list[TaskRun], set[str]]:
    """What the replay keeps, and which kept flowables decide again (RUNNING).

    Kept: every ended taskrun created before `target` (what came before it in the
    flow), its flowable parents, and `target` itself, which runs again. What came after
    it, and its own children, run anew. A kept flowable that loses some of its children
    (a Parallel's later branches) decides again, so that nothing is left half done."""
    by_id = {t.id: t for t in taskruns}

    def ancestors(tr):
        parent = by_id.get(tr.parent_id)
        while parent is not None:
            yield parent
            parent = by_id.get(parent.parent_id)

    reopened = {a.id for a in ancestors(target)}
    kept: set[str] = set()
    for tr in taskruns:  # in creation order: a parent comes before its children
        if tr.parent_id is not None and tr.parent_id not in kept:
            continue
        if tr.id == target.id or tr.id in reopened or (tr.seq < target.seq and tr.is_terminal):
            kept.add(tr.id)
    for tr in taskruns:
        if tr.id not in kept:
            reopened.update(a.id for a in ancestors(tr) if a.id in kept and a.id != target.id)
    if index.task(target.task_id).flowable:
        reopened.add(target.id)
    return [t for t in taskruns if t.id in kept], reopened


@transaction.atomic
def replay(execution_id: str, taskrun_id: str | None = None) -> Execution:
    """A new execution of the same flow revision and inputs. From a taskrun, what came
    before it is copied as it ended; the taskrun runs again with a new attempt (a
    flowable decides its children again) and its flowable parents go back to RUNNING."""
    original = locked(execution_id)
    taskruns = taskruns_of(original)
    target = next((t for t in taskruns if t.id == taskrun_id), None)
    if taskrun_id is not None and target is None:
        raise OperationRefused(f"taskrun {taskrun_id} is not in execution {execution_id}")
    copy = _copy(original, from_taskrun=target is not None)
    if target is None:
        return copy
    kept, reopened = _plan(taskruns, target, flow_index(original, taskruns))
    new_ids = {tr.id: new_id() for tr in kept}
    for tr in kept:
        clone = TaskRun(
            id=new_ids[tr.id], execution=copy, seq=tr.seq, task_id=tr.task_id, parent_id=new_ids.get(tr.parent_id),
            value=tr.value, iteration_keys=tr.iteration_keys, outputs=tr.outputs, attempts=tr.attempts,
            memo=tr.memo, state=tr.state, state_history=tr.state_history, start_date=tr.start_date,
            end_date=tr.end_date,
        )
        if tr.id == target.id:
            clone.outputs = {}
        if tr.id in reopened:
            if tr.id == target.id:
                clone.memo = {}  # a flowable replayed decides everything again
            clone.set_state(State.RUNNING)
        elif tr.id == target.id:
            clone.set_state(State.RESTARTED)
        clone.save(force_insert=True)
    return copy
