"""Replay: a new execution of the same flow revision and inputs, from the start or
from one taskrun of the original."""
from __future__ import annotations

from django.db import transaction

from executions.engine.breakpoints import set_breakpoints
from executions.engine.ids import new_id
from executions.engine.new_attempt import replay_copy
from executions.models import Execution, TaskRun
from executions.states import State

from .common import OperationRefused, check_revision, flow_index, locked, taskruns_of
from .flow_graph import FlowGraph
from .reopen import restart_state


def _handler_lists(index, cluster: TaskRun | None) -> list[list]:
    """The branches of a flowable (or, for None, of the flow) that run on its outcome."""
    if cluster is None:
        return [index.spec.errors or [], index.spec.finally_ or [], index.spec.after_execution or []]
    spec = index.task(cluster.task_id).spec
    return [spec.get("errors") or [], spec.get("finally") or []]


def _plan(taskruns: list[TaskRun], target: TaskRun, index) -> tuple[list[TaskRun], TaskRun, set[str]]:
    """What the replay keeps, the taskrun that runs again, and its flowable parents.

    As Kestra: every taskrun that is not a successor of `target` in the flow graph is
    kept as it ended (a Parallel's other branches too), `target` runs again and its
    parents decide again; inside a WorkingDirectory the whole directory runs again.
    Unlike Kestra, the outcome branches (`errors`, `finally`, `afterExecution`) of the
    flow and of the flowables deciding again are not kept unless the replay starts
    inside them: kept, Kestra's executor would take the failure as still there and
    follow the `errors` branch instead of the tasks after `target`."""
    graph = FlowGraph(index, taskruns)
    dropped = graph.successors(target) - {t.id for t in [target, *graph.ancestors(target)]}
    whole = next((t for t in reversed([target, *graph.ancestors(target)])
                  if index.task(t.task_id).restarts_whole), None)
    if whole is not None:
        dropped |= graph.successors(whole) - {whole.id}
        target = whole
    parents = graph.ancestors(target)
    on_path = {(t.parent_id, t.task_id) for t in [target, *parents]}
    clusters = [None, *parents, *([target] if index.task(target.task_id).flowable else [])]
    for cluster in clusters:
        cluster_id = cluster.id if cluster is not None else None
        for branch in _handler_lists(index, cluster):
            ids = {spec["id"] for spec in branch}
            if any((cluster_id, task_id) in on_path for task_id in ids):
                continue  # the replay starts inside this branch: the graph decides
            for tr in graph.children[cluster_id]:
                if tr.task_id in ids:
                    dropped.add(tr.id)
    kept = []
    for tr in taskruns:  # in creation order: a parent comes before its children
        if tr.id in dropped or tr.parent_id in dropped:
            dropped.add(tr.id)
        else:
            kept.append(tr)
    return kept, target, {p.id for p in parents}


@transaction.atomic
def replay(execution_id: str, taskrun_id: str | None = None, revision: int | None = None,
           breakpoints: list[dict] | None = None) -> Execution:
    """A new execution of the same flow revision and inputs. From a taskrun, what does
    not come after it in the flow graph is copied as it ended (see _plan); the taskrun
    runs again with a new attempt (a flowable decides its children again) and its
    flowable parents go back to RUNNING. With `breakpoints` the new execution stops
    before those tasks (engine/breakpoints.py); an unknown task refuses the replay."""
    original = locked(execution_id)
    taskruns = taskruns_of(original)
    target = next((t for t in taskruns if t.id == taskrun_id), None)
    if taskrun_id is not None and target is None:
        raise OperationRefused(f"taskrun {taskrun_id} is not in execution {execution_id}")
    run_with = check_revision(original, revision)
    copy = replay_copy(original, from_taskrun=target is not None)
    if run_with != copy.flow_revision:  # what to keep is decided on the graph the original ran
        copy.flow_revision = run_with
        copy.save(update_fields=["flow_revision"])
    if breakpoints:
        set_breakpoints(copy, breakpoints)
    if target is None:
        return copy
    index = flow_index(original, taskruns)
    kept, target, parents = _plan(taskruns, target, index)
    new_ids = {tr.id: new_id() for tr in kept}
    for tr in kept:
        clone = TaskRun(
            id=new_ids[tr.id], execution=copy, seq=tr.seq, task_id=tr.task_id, parent_id=new_ids.get(tr.parent_id),
            value=tr.value, iteration=tr.iteration, iteration_keys=tr.iteration_keys, outputs=tr.outputs,
            attempts=tr.attempts, memo=tr.memo, state=tr.state, state_history=tr.state_history,
            start_date=tr.start_date, end_date=tr.end_date,
        )
        if tr.id in parents:
            clone.set_state(State.RUNNING)
        elif tr.id == target.id:
            clone.outputs, clone.memo = {}, {}  # a flowable replayed decides everything again
            clone.set_state(restart_state(index.task(tr.task_id)))
        clone.save(force_insert=True)
    return copy
