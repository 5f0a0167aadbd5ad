"""An execution and its taskruns as the executor reasons about them, indexed in memory.

The view is a cache of what is in the database, loaded at the start of an advance
(or kept from the last one while nobody else wrote the execution, see
`refresh_from_workers`); the executor writes every change through before its
transaction commits.

Each round of the executor asks for the unfinished taskruns and the `outputs`
variable, and a flowable looks its children up: these cost what changed, not the
size of the execution, so a loop of many values runs in time linear in their number.
"""
from __future__ import annotations

from collections import defaultdict

from executions.models import Execution, TaskRun
from executions.states import TERMINAL, State
from plugins.api.flowable import SHARED_FOLDER_MEMO

REFRESH_CHUNK = 500  # ids per query: well under every database's limit of parameters


class ExecutionView:
    def __init__(self, execution: Execution, taskruns: list[TaskRun]):
        self.execution = execution
        self.taskruns: dict[str, TaskRun] = {}
        self._children: dict[str | None, list[TaskRun]] = defaultdict(list)
        self._by_key: dict[tuple, TaskRun] = {}
        # Taskruns not known to be finished, in seq order; a finished one never runs
        # again within a view's life (a restart is another process's, and reloads).
        self._unfinished: dict[str, TaskRun] = {}
        self._outputs: dict | None = None
        self._scratch: dict[str, dict] = {}
        self.lasting: dict | None = None  # variables.py's, built once a view
        self._settled: dict[tuple, tuple[object, list]] = {}
        self.next_seq = 0
        self.outcome = None  # the final state, known before afterExecution tasks run
        self._created: list[TaskRun] = []  # created in memory, to insert before the transaction commits
        # Taskruns the executor ended while a worker may still run them: the worker
        # writes its own result when it ends (Executor._end_unfinished_children).
        self._ended_under_worker: set[str] = set()
        for tr in taskruns:
            self.add(tr)

    @classmethod
    def load(cls, execution_id: str) -> ExecutionView:
        execution = Execution.objects.get(pk=execution_id)
        return cls(execution, list(TaskRun.objects.filter(execution_id=execution_id).order_by("seq")))

    @classmethod
    def load_for_task(cls, execution_id: str, taskrun: TaskRun) -> ExecutionView:
        """What one worker's task sees of its execution: the execution, `taskrun` and its
        ancestors (`parents`, an enclosing WorkingDirectory's folder, a flowable's retry
        policy) and the taskruns that have outputs (the `outputs` variable). The rest
        is left unread, so a worker's start does not grow with the execution's size
        (each of a ForEach's thousand children on workers would otherwise read them all)."""
        execution = Execution.objects.get(pk=execution_id)
        rows = {tr.id: tr for tr in TaskRun.objects.filter(execution_id=execution_id).exclude(outputs={})
                .exclude(pk=taskrun.id).order_by("seq")}
        rows[taskrun.id] = taskrun
        current = taskrun
        while current.parent_id is not None:
            current = rows.get(current.parent_id) or TaskRun.objects.get(pk=current.parent_id)
            rows[current.id] = current
        return cls(execution, sorted(rows.values(), key=lambda tr: tr.seq))

    def add(self, tr: TaskRun, created: bool = False):
        if created:
            self._created.append(tr)
        self.taskruns[tr.id] = tr
        if State(tr.state) not in TERMINAL:
            self._unfinished[tr.id] = tr
        self._children[tr.parent_id].append(tr)
        self._by_key[(tr.task_id, tr.parent_id, tr.value)] = tr
        self.next_seq = max(self.next_seq, tr.seq + 1)
        self.outputs_changed(tr)

    def settled(self, tasks: list, parent_id: str | None, value) -> list:
        """The states of the leading `tasks` under `parent_id` that ended without failing,
        as far as a sequence has found them: a list the caller extends in place. Those
        never change while nothing is discarded or read again, which forgets them all."""
        key = (id(tasks), parent_id, value)
        entry = self._settled.get(key)
        if entry is None or entry[0] is not tasks:  # an id is reused only once the list is gone
            entry = self._settled[key] = (tasks, [])
        return entry[1]

    def take_created(self) -> list[TaskRun]:
        created, self._created = self._created, []
        return created

    def ended_under_worker(self, tr: TaskRun):
        self._ended_under_worker.add(tr.id)

    def refresh_from_workers(self):
        """Read again what workers may have written since this view was loaded, when
        nothing else wrote the execution (its version is the view's): the taskruns it
        holds unfinished (claimed, ended, waiting for a retry) and those the executor
        ended under a running worker. A finished taskrun is otherwise never written
        again without a version change (a restart, a kill, a state change by a person),
        so the rest of the view stands. The database returns only the rows whose state
        or wait moved; heartbeats are read when one looks too old (orphan_retry.orphaned)."""
        groups: dict[tuple, list[str]] = defaultdict(list)
        for tr_id in [*self._unfinished, *self._ended_under_worker]:
            tr = self.taskruns[tr_id]
            groups[(tr.state, tr.wait_until)].append(tr_id)
        for (state, wait_until), ids in groups.items():
            for start in range(0, len(ids), REFRESH_CHUNK):
                moved = TaskRun.objects.filter(pk__in=ids[start:start + REFRESH_CHUNK]).exclude(
                    state=state, wait_until=wait_until)
                for fresh in moved:
                    self.replace(self.taskruns[fresh.id], fresh)

    def refresh_taskruns(self, ids):
        """Read again the taskruns `ids` (those this process's workers ended since the
        last advance): what the in-process runner knows changed, at the cost of that."""
        known = [tr_id for tr_id in ids if tr_id in self.taskruns]
        for start in range(0, len(known), REFRESH_CHUNK):
            for fresh in TaskRun.objects.filter(pk__in=known[start:start + REFRESH_CHUNK]):
                self.replace(self.taskruns[fresh.id], fresh)

    def replace(self, tr: TaskRun, fresh: TaskRun):
        """Copy the row's values onto the instance the view indexes."""
        if State(tr.state) in TERMINAL:  # perhaps in a sequence's settled tasks
            self._settled.clear()
        for field in TaskRun._meta.concrete_fields:
            setattr(tr, field.attname, getattr(fresh, field.attname))
        if State(tr.state) not in TERMINAL and tr.id not in self._unfinished:
            self._unfinished[tr.id] = tr
            self._unfinished = dict(sorted(self._unfinished.items(), key=lambda item: item[1].seq))
        self.outputs_changed(tr)

    def discard(self, tr: TaskRun):
        """Forget `tr` and its descendants (the database rows are deleted by the caller)."""
        for child in list(self._children.get(tr.id, [])):
            self.discard(child)
        self._children.pop(tr.id, None)
        self.taskruns.pop(tr.id, None)
        self._unfinished.pop(tr.id, None)
        self._ended_under_worker.discard(tr.id)
        self._scratch.pop(tr.id, None)
        self._settled.clear()
        siblings = self._children.get(tr.parent_id, [])
        if tr in siblings:
            siblings.remove(tr)
        if self._by_key.get((tr.task_id, tr.parent_id, tr.value)) is tr:
            del self._by_key[(tr.task_id, tr.parent_id, tr.value)]
        self._outputs = None

    def find(self, task_id: str, parent_id: str | None, value: str | None) -> TaskRun | None:
        return self._by_key.get((task_id, parent_id, value))

    def children(self, parent_id: str | None) -> list[TaskRun]:
        return self._children.get(parent_id, [])

    def parent_of(self, tr: TaskRun) -> TaskRun | None:
        return self.taskruns.get(tr.parent_id) if tr.parent_id else None

    def ancestors(self, tr: TaskRun) -> list[TaskRun]:
        """Parents from the closest up to the root."""
        chain, current = [], self.parent_of(tr)
        while current is not None:
            chain.append(current)
            current = self.parent_of(current)
        return chain

    def shared_folder_owner(self, tr: TaskRun) -> TaskRun | None:
        """The closest ancestor that gives its children one shared folder (a
        WorkingDirectory), or None."""
        return next((a for a in self.ancestors(tr) if a.memo.get(SHARED_FOLDER_MEMO)), None)

    def shared_folder(self, tr: TaskRun) -> str | None:
        """The folder `tr` shares with its WorkingDirectory's other tasks, or None."""
        owner = self.shared_folder_owner(tr)
        return owner.memo[SHARED_FOLDER_MEMO] if owner is not None else None

    def ordered(self) -> list[TaskRun]:
        return sorted(self.taskruns.values(), key=lambda t: t.seq)

    def active(self) -> list[TaskRun]:
        """The unfinished taskruns in seq order."""
        for tr_id in [i for i, t in self._unfinished.items() if State(t.state) in TERMINAL]:
            del self._unfinished[tr_id]
        return list(self._unfinished.values())

    def scratch(self, tr: TaskRun) -> dict:
        """A dict kept for `tr` while this view lives: what a flowable derived from its
        children and need not derive again next round. A cache, never the truth."""
        return self._scratch.setdefault(tr.id, {})

    def outputs_changed(self, tr: TaskRun | None = None):
        """`tr` got its outputs (added to `outputs` as they are), or, without `tr`,
        some outputs changed in place (`outputs` is built again when next asked)."""
        if tr is None or self._outputs is None:
            self._outputs = None
            return
        node = self._outputs.get(tr.task_id)
        for key in tr.iteration_keys or []:
            node = node.get(str(key)) if isinstance(node, dict) else None
        if isinstance(node, dict) and not set(node) <= set(tr.outputs or {}):
            self._outputs = None  # outputs replaced by fewer keys: build it again
        elif tr.outputs:
            merge_outputs(self._outputs, tr.task_id, tr.iteration_keys or [], tr.outputs)

    def outputs(self) -> dict:
        """Kestra's `outputs` variable: task id -> outputs, keyed by loop values inside loops."""
        if self._outputs is None:
            tree: dict = {}
            for tr in self.ordered():
                if tr.outputs:
                    merge_outputs(tree, tr.task_id, tr.iteration_keys or [], tr.outputs)
            self._outputs = tree
        return self._outputs


def merge_outputs(tree: dict, task_id: str, keys: list[str], outputs: dict):
    node = tree.setdefault(task_id, {})
    for key in keys:
        node = node.setdefault(str(key), {})
    node.update(outputs)
