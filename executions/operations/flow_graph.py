"""Kestra's flow graph over one execution's taskruns, for replay: what comes after a taskrun.

Kestra's replay keeps every taskrun that is not a successor of the replayed one in the
flow's topology graph (GraphUtils.successors), so this module lays the taskruns out the
way Kestra's graph does and walks it:

- a flowable is a cluster: its own taskrun (the cluster's task node), then its
  children, then its `finally` branch, then the cluster's end, which leads to what
  follows the flowable in its parent; its `errors` branch starts from the cluster's
  entry, beside the flowable's own node, not after it;
- children in sequence are chained taskrun after taskrun, grouped by task: every
  taskrun of a task, in creation order, before any of the next task (inside a loop
  that chains one iteration's task to the next iteration's same task, as Kestra does);
- a flowable declares how its children follow one another (TaskType.layout_of_children):
  Parallel, EachParallel and a ForEach with a concurrency limit other than 1 put them
  side by side; a Dag links each task after the tasks it depends on.
"""
from __future__ import annotations

from collections import defaultdict

from plugins.api.flowable import ChildLayout

HANDLERS = ("errors", "finally")


class FlowGraph:
    def __init__(self, index, taskruns):
        self.index = index
        self.by_id = {t.id: t for t in taskruns}
        self.children: dict[str | None, list] = defaultdict(list)
        for tr in taskruns:  # in creation order, as Kestra's taskRunList
            self.children[tr.parent_id].append(tr)
        self.edges: dict[object, set] = defaultdict(set)
        spec = index.spec
        self._cluster(None, {"tasks": spec.tasks}, spec.errors, spec.finally_)
        self._chain(None, ("afterExecution", None), self._runs_of(None, spec.after_execution), ("end", None))

    # --- the tree ---------------------------------------------------------------------
    def ancestors(self, tr) -> list:
        chain, parent = [], self.by_id.get(tr.parent_id)
        while parent is not None:
            chain.append(parent)
            parent = self.by_id.get(parent.parent_id)
        return chain

    def successors(self, tr) -> set[str]:
        """Ids of the taskruns reachable from `tr` in the graph, `tr` included."""
        seen, stack = {tr.id}, [tr.id]
        while stack:
            for target in self.edges[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return {node for node in seen if isinstance(node, str)}

    # --- laying it out ----------------------------------------------------------------
    def _runs_of(self, parent_id, specs) -> list[list]:
        """The taskruns of each task of `specs` under `parent_id`, task by task."""
        groups = []
        for spec in specs or []:
            runs = [t for t in self.children[parent_id] if t.task_id == spec["id"]]
            if runs:
                groups.append(runs)
        return groups

    def _enter(self, tr):
        return ("root", tr.id) if self._is_cluster(tr) else tr.id

    def _leave(self, tr):
        return ("end", tr.id) if self._is_cluster(tr) else tr.id

    def _is_cluster(self, tr) -> bool:
        return tr.task_id in self.index.tasks and self.index.task(tr.task_id).flowable

    def _cluster(self, cluster_id, main_lists: dict, errors, finally_, task=None):
        """One flowable's cluster (`cluster_id` None: the flow itself)."""
        entry = ("root", cluster_id)
        start = entry
        if cluster_id is not None:
            self.edges[entry].add(cluster_id)
            start = cluster_id  # the children follow the flowable's own node
        layout = task.layout_of_children() if task is not None else ChildLayout.SEQUENCE
        if layout is ChildLayout.DEPENDENCIES:
            self._dag(cluster_id, start, task.child_dependencies())
        else:
            lay = self._side_by_side if layout is ChildLayout.SIDE_BY_SIDE else self._chain
            for specs in main_lists.values():
                lay(cluster_id, start, self._runs_of(cluster_id, specs))
        placed = {s["id"] for specs in main_lists.values() for s in specs}
        placed.update(s["id"] for s in [*(errors or []), *(finally_ or [])])
        if cluster_id is None:
            placed.update(s["id"] for s in self.index.spec.after_execution or [])
        # Children no list names (a Template's inlined tasks) follow in creation order.
        others = [[t] for t in self.children[cluster_id] if t.task_id not in placed]
        if others:
            self._chain(cluster_id, start, others)
        if errors:
            self._chain(cluster_id, entry, self._runs_of(cluster_id, errors))
        self._chain(cluster_id, ("finally", cluster_id), self._runs_of(cluster_id, finally_), ("end", cluster_id))
        for tr in self.children[cluster_id]:
            if self._is_cluster(tr):
                child = self.index.task(tr.task_id)
                lists = {k: v for k, v in child.nested_task_lists(child.spec).items() if k not in HANDLERS}
                self._cluster(tr.id, lists, child.spec.get("errors"), child.spec.get("finally"), child)

    def _chain(self, cluster_id, start, groups, end=None):
        previous = start
        for runs in groups:
            for tr in runs:
                self.edges[previous].add(self._enter(tr))
                previous = self._leave(tr)
        self.edges[previous].add(end or ("finally", cluster_id))

    def _side_by_side(self, cluster_id, start, groups):
        for runs in groups:
            for tr in runs:
                self.edges[start].add(self._enter(tr))
                self.edges[self._leave(tr)].add(("finally", cluster_id))

    def _dag(self, cluster_id, start, dependencies: dict[str, list[str]]):
        needed = {dep for deps in dependencies.values() for dep in deps}
        for task_id, deps in dependencies.items():
            for tr in [t for t in self.children[cluster_id] if t.task_id == task_id]:
                for dep in deps:
                    for before in [t for t in self.children[cluster_id] if t.task_id == dep]:
                        self.edges[self._leave(before)].add(self._enter(tr))
                if not deps:
                    self.edges[start].add(self._enter(tr))
                if task_id not in needed:
                    self.edges[self._leave(tr)].add(("finally", cluster_id))
