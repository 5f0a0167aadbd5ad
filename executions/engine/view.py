"""An execution and its taskruns as the executor reasons about them, indexed in memory.

The view is a cache of what is in the database, loaded at the start of each
advance; the executor writes every change through before relying on it.

Each round of the executor asks for the unfinished taskruns and the `outputs`
variable, and a flowable looks its children up: these cost what changed, not the
size of the execution, so a loop of many values runs in time linear in their number.
"""
from __future__ import annotations

from collections import defaultdict

from executions.models import Execution, TaskRun
from executions.states import TERMINAL, State
from plugins.flowable import SHARED_FOLDER_MEMO


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
        self.next_seq = 0
        self.outcome = None  # the final state, known before afterExecution tasks run
        for tr in taskruns:
            self.add(tr)

    @classmethod
    def load(cls, execution_id: str) -> ExecutionView:
        execution = Execution.objects.get(pk=execution_id)
        return cls(execution, list(TaskRun.objects.filter(execution_id=execution_id).order_by("seq")))

    def add(self, tr: TaskRun):
        self.taskruns[tr.id] = tr
        if State(tr.state) not in TERMINAL:
            self._unfinished[tr.id] = tr
        self._children[tr.parent_id].append(tr)
        self._by_key[(tr.task_id, tr.parent_id, tr.value)] = tr
        self.next_seq = max(self.next_seq, tr.seq + 1)
        self.outputs_changed(tr)

    def discard(self, tr: TaskRun):
        """Forget `tr` and its descendants (the database rows are deleted by the caller)."""
        for child in list(self._children.get(tr.id, [])):
            self.discard(child)
        self._children.pop(tr.id, None)
        self.taskruns.pop(tr.id, None)
        self._unfinished.pop(tr.id, None)
        self._scratch.pop(tr.id, None)
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
