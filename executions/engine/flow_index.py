"""A flow's tasks by id. The tasks of a flow revision are instantiated once per process
and shared read-only; each execution gets its own index over them, to which the tasks a
flowable inlines at run time (a Template's) are added, so one execution's inlined tasks
never show in another's."""
from __future__ import annotations

from functools import lru_cache

from plugins.api import registry
from plugins.api.task import TaskType


class FlowIndex:
    """Every task of a parsed flow (tasks, errors, finally and all nested lists), by id.

    Task ids are unique in a flow, so a taskrun's task_id names its task."""

    def __init__(self, spec, tasks: dict[str, TaskType] | None = None):
        self.spec = spec
        if tasks is not None:
            self.tasks = dict(tasks)
            return
        self.tasks = {}
        for branch in (spec.tasks, spec.errors, spec.finally_, spec.after_execution):
            self._index(branch or [])

    def _index(self, specs):
        for task_spec in specs:
            cls = registry.resolve(task_spec["type"])
            self.tasks[task_spec["id"]] = cls(task_spec)
            for nested in cls.nested_task_lists(task_spec).values():
                self._index(nested)

    def task(self, task_id: str) -> TaskType:
        return self.tasks[task_id]

    def add(self, specs):
        """Tasks that appear at run time (a Template task inlines its template's tasks)."""
        self._index(specs)

    def add_inlined(self, taskruns):
        """The tasks the flowables of `taskruns` inlined, remembered in their memo."""
        for tr in taskruns:
            if tr.memo.get("inlineTasks"):
                self._index(tr.memo["inlineTasks"])


@lru_cache(maxsize=256)
def spec_for_source(source: str):
    """The parsed flow of a revision's source, parsed once per process (read-only)."""
    from flows.spec import parse_flow

    return parse_flow(source)


@lru_cache(maxsize=256)
def _shared_index(source: str) -> FlowIndex:
    """Never handed out: only copied (its task instances are stateless and shared)."""
    return FlowIndex(spec_for_source(source))


def index_for_source(source: str) -> FlowIndex:
    """An index of its own for one execution (or one operation on it): adding inlined
    tasks to it changes no other."""
    shared = _shared_index(source)
    return FlowIndex(shared.spec, shared.tasks)
